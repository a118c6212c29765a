// What Node's HTTP parser refuses before Express sees a request — a request past its timeout, a
// malformed request line, headers too large — answered as problem+json like every other error. Node's
// own answer is a bare status line without a body; and with no request object there is no Express to
// render one, so the answer is written to the socket here, and the socket is closed.
import type { ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Lang } from '../engine/decision.ts';
import { ApiProblem, PROBLEM_MEDIA_TYPE } from '../http/problem.ts';
import { API_VERSION } from '../api/version.ts';

/** Seconds to a tenth, with the language's decimal sign. */
const seconds = (ms: number, lang: Lang) => `${(Math.round(ms / 100) / 10).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB')} s`;

/** The problem for a client error Node reports, or undefined when nothing can be answered (the peer left). */
export function clientProblem(code: string | undefined, timeouts: { headersTimeoutMs: number; requestTimeoutMs: number }, headersIn: boolean): ApiProblem | undefined {
  switch (code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT': {
      const { nl, en } = headersIn
        ? { nl: `De body van het verzoek was niet binnen ${seconds(timeouts.requestTimeoutMs, 'nl')} binnen.`, en: `The request body did not arrive within ${seconds(timeouts.requestTimeoutMs, 'en')}.` }
        : { nl: `De kopregels van het verzoek waren niet binnen ${seconds(timeouts.headersTimeoutMs, 'nl')} binnen.`, en: `The request headers did not arrive within ${seconds(timeouts.headersTimeoutMs, 'en')}.` };
      return new ApiProblem(408, 'verzoek-te-traag', { nl: 'Verzoek te traag', en: 'Request timeout' }, { nl, en });
    }
    case 'HPE_HEADER_OVERFLOW':
      return new ApiProblem(431, 'kopregels-te-groot', { nl: 'Kopregels te groot', en: 'Request header fields too large' },
        { nl: 'De kopregels van het verzoek zijn samen groter dan de server aanneemt.', en: 'The request headers are larger than the server accepts.' });
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return new ApiProblem(413, 'body-te-groot', { nl: 'Body te groot', en: 'Payload too large' },
        { nl: 'De chunk-extensies van de body zijn groter dan de server aanneemt.', en: 'The body\'s chunk extensions are larger than the server accepts.' });
    case 'ECONNRESET': case 'EPIPE': case 'ECONNABORTED': case 'ETIMEDOUT':
      return undefined;
    default:
      return new ApiProblem(400, 'ongeldig-http-verzoek', { nl: 'Ongeldig HTTP-verzoek', en: 'Malformed HTTP request' },
        { nl: 'Het verzoek is geen geldig HTTP/1.1-verzoek.', en: 'The request is not a valid HTTP/1.1 request.' });
  }
}

/** The raw HTTP/1.1 answer for `problem`, closing the connection. */
export function rawProblemAnswer(problem: ApiProblem, lang: Lang): string {
  const body = JSON.stringify(problem.render(lang));
  return [
    `HTTP/1.1 ${problem.status} ${problem.title.en}`,
    `Content-Type: ${PROBLEM_MEDIA_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    `Content-Language: ${lang}`,
    `API-Version: ${API_VERSION}`,
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** A 'clientError' listener: answers the problem when nothing of an answer went out yet, then closes. */
export const clientErrorAnswer = (timeouts: { headersTimeoutMs: number; requestTimeoutMs: number }) =>
  (err: NodeJS.ErrnoException, socket: Duplex): void => {
    // The answer to the request under way, if its headers were in; Express has put its language there.
    const res = (socket as Duplex & { _httpMessage?: ServerResponse & { locals?: { lang?: Lang } } })._httpMessage;
    const problem = clientProblem(err.code, timeouts, !!res);
    if (!problem || !socket.writable || res?.headersSent) {
      socket.destroy();
      return;
    }
    // Destroyed once written, not ended: ending would leave the client's half open for it to trickle on.
    socket.end(rawProblemAnswer(problem, res?.locals?.lang === 'en' ? 'en' : 'nl'), () => socket.destroy());
  };
