// voorrang serve [--port N] [--host H] [--keys FILE] [--rate N] [--burst N] [--engine E] [--workers N]
// [--grace S] [--max-connections N] [--max-per-address N] [--request-timeout S]: run the API until SIGINT/SIGTERM, then finish the requests under way (server/drain.ts). With more
// than one worker this process is the cluster's primary, and each worker runs this same command again
// (server/cluster.ts).
import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { KeyConfigError, loadKeyEntries } from '../http/auth.ts';
import { startPrimary, startWorker } from '../server/cluster.ts';
import { DEFAULT_BURST, DEFAULT_RATE, StartupError } from '../server/options.ts';
import { DEFAULT_CONNECTION_LIMITS as LIMITS, type ConnectionLimits } from '../server/connection-limits.ts';
import { DEFAULT_ENGINE, ENGINE_KINDS, type EngineKind } from '../engine/evaluator.ts';
import { RuleBaseError } from '../rulebase/problems.ts';

/** Below Kubernetes' default of 30 s before it kills a pod, and twenty times a full batch. */
const DEFAULT_GRACE_SECONDS = 10;

const usage = `voorrang serve [--port 8080] [--host 127.0.0.1] [--keys bestand] [--rate ${DEFAULT_RATE}] [--burst ${DEFAULT_BURST}]
                [--engine json-rules-engine|direct] [--workers 1] [--grace ${DEFAULT_GRACE_SECONDS}]
                [--max-connections ${LIMITS.maxConnections}] [--max-per-address ${LIMITS.maxPerAddress}] [--request-timeout ${LIMITS.requestTimeoutMs / 1000}]

  --port    poort (standaard: PORT of 8080)
  --host    adres (standaard: HOST of 127.0.0.1); een ander adres dan loopback vereist API-sleutels
  --keys    bestand met sleutelhashes (standaard: VOORRANG_API_KEYS_FILE; ook VOORRANG_API_KEYS)
  --rate    evaluaties per seconde per organisatie (standaard: VOORRANG_RATE of ${DEFAULT_RATE})
  --burst   evaluaties in één keer per organisatie (standaard: VOORRANG_BURST of ${DEFAULT_BURST})
  --engine  wat de regels doorrekent (standaard: VOORRANG_ENGINE of ${DEFAULT_ENGINE}); 'direct' rekent
            dezelfde condities door met de operatoren van json-rules-engine maar zonder promises:
            dezelfde beslissingen, sneller (docs/api.md#benchmark)
  --workers processen die verzoeken afhandelen (standaard: VOORRANG_WORKERS of 1); meer dan één benut
            meer processorkernen, met de limiet per organisatie over alle processen samen
  --grace   seconden die lopende verzoeken bij het stoppen (SIGTERM, Ctrl-C) krijgen om af te komen
            (standaard: VOORRANG_GRACE of ${DEFAULT_GRACE_SECONDS}); een tweede signaal breekt ze meteen af
  --max-connections  open verbindingen in totaal, per werker (standaard: VOORRANG_MAX_CONNECTIONS of
            ${LIMITS.maxConnections}; 0: geen grens); een verbinding daarboven wordt meteen gesloten
  --max-per-address  open verbindingen per clientadres (IPv6: per /64) (standaard: VOORRANG_MAX_PER_ADDRESS
            of ${LIMITS.maxPerAddress}; 0: geen grens, bijvoorbeeld achter een reverse proxy die zelf telt)
  --request-timeout  seconden waarin een verzoek (kopregels en body) binnen moet zijn, anders 408
            (standaard: VOORRANG_REQUEST_TIMEOUT of ${LIMITS.requestTimeoutMs / 1000}); kopregels: ${LIMITS.headersTimeoutMs / 1000} s, of korter als dit korter is
`;

/** More workers than this is a typing error, not a deployment. */
const MAX_WORKERS = 64;

export async function serve(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string' }, host: { type: 'string' }, keys: { type: 'string' }, rate: { type: 'string' }, burst: { type: 'string' },
        engine: { type: 'string' }, workers: { type: 'string' }, grace: { type: 'string' }, help: { type: 'boolean' },
        'max-connections': { type: 'string' }, 'max-per-address': { type: 'string' }, 'request-timeout': { type: 'string' },
      },
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\ngebruik: ${usage}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`gebruik: ${usage}`);
    return 0;
  }
  const port = Number(values.port ?? env.PORT ?? 8080);
  const rate = Number(values.rate ?? env.VOORRANG_RATE ?? DEFAULT_RATE);
  const burst = Number(values.burst ?? env.VOORRANG_BURST ?? DEFAULT_BURST);
  const engine = (values.engine ?? env.VOORRANG_ENGINE ?? DEFAULT_ENGINE) as EngineKind;
  if (!ENGINE_KINDS.includes(engine)) {
    process.stderr.write(`onbekende engine '${engine}': kies uit ${ENGINE_KINDS.join(', ')}\n`);
    return 2;
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`ongeldige poort '${values.port ?? env.PORT}'\n`);
    return 2;
  }
  const workers = Number(values.workers ?? env.VOORRANG_WORKERS ?? 1);
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS) {
    process.stderr.write(`ongeldig aantal werkers '${values.workers ?? env.VOORRANG_WORKERS}': 1 tot en met ${MAX_WORKERS}\n`);
    return 2;
  }
  const grace = Number(values.grace ?? env.VOORRANG_GRACE ?? DEFAULT_GRACE_SECONDS);
  if (!(grace >= 0) || grace > 3600) {
    process.stderr.write(`ongeldige wachttijd bij stoppen '${values.grace ?? env.VOORRANG_GRACE}': 0 tot en met 3600 seconden\n`);
    return 2;
  }
  const graceMs = grace * 1000;
  const connections = connectionOptions(values, env);
  if (typeof connections === 'string') {
    process.stderr.write(`${connections}\n`);
    return 2;
  }
  try {
    const keys = loadKeyEntries(env, values.keys);
    const options = { host: values.host ?? env.HOST ?? '127.0.0.1', port, keys, rate, burst, engine, connections };
    if (cluster.isWorker) {
      // The primary stops its workers (SIGTERM, a second time to cut off); a Ctrl-C reaches the whole
      // process group, so it is left to the primary.
      const running = await startWorker(options);
      process.on('SIGINT', () => {});
      await stopSignal();
      const stopped = running.close(graceMs);
      process.on('SIGTERM', () => void running.close());
      const { cutOff } = await stopped;
      if (cutOff) process.stderr.write(`werker ${process.pid}: ${cutOff} ${cutOff === 1 ? 'verzoek' : 'verzoeken'} afgebroken\n`);
      return 0;
    }
    // A primary does not load the API itself (the rule base, the engines): its workers do.
    const running = workers > 1 ? await startPrimary({ ...options, workers }) : await (await import('../server/start.ts')).startServer(options);
    process.stderr.write(`voorrang API luistert op ${running.url} (documentatie: ${running.url}/docs; engine: ${engine}`
      + `${workers > 1 ? `; ${workers} werkers` : ''})\n`);
    process.stderr.write(keys.length
      ? `${keys.length} API-sleutel(s) geconfigureerd; evaluaties vereisen een sleutel.\n`
      : 'Geen API-sleutels geconfigureerd: evaluaties staan open voor lokale aanroepers (alleen 127.0.0.1).\n');
    await stopSignal('SIGINT');
    const under = 'inFlight' in running ? running.inFlight() : undefined;
    process.stderr.write(`voorrang API stopt: geen nieuwe verbindingen; lopende verzoeken${under === undefined ? '' : ` (${under})`} `
      + `krijgen ${grace} s om af te komen (nogmaals Ctrl-C of SIGTERM breekt ze af)\n`);
    const stopped = running.close(graceMs);
    const again = () => void running.close();
    process.on('SIGINT', again);
    process.on('SIGTERM', again);
    // A cluster's workers say themselves what they cut off.
    const cutOff = (await stopped)?.cutOff;
    process.stderr.write(`voorrang API gestopt${cutOff ? `; ${cutOff} ${cutOff === 1 ? 'verzoek' : 'verzoeken'} afgebroken` : ''}\n`);
    return 0;
  } catch (e) {
    if (e instanceof StartupError || e instanceof KeyConfigError || e instanceof RuleBaseError) {
      process.stderr.write(`voorrang serve: ${e.message}\n`);
      return 1;
    }
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE' || (e as NodeJS.ErrnoException).code === 'EACCES') {
      process.stderr.write(`voorrang serve: kan niet luisteren: ${(e as Error).message}\n`);
      return 1;
    }
    throw e;
  }
}

/** The connection limits given on the command line or in the environment, or what is wrong with them. */
function connectionOptions(values: Record<string, string | boolean | undefined>, env: NodeJS.ProcessEnv): Partial<ConnectionLimits> | string {
  const given = (flag: string, name: string) => (values[flag] as string | undefined) ?? env[name];
  const limits: Partial<ConnectionLimits> = {};
  for (const [flag, name, key] of [['max-connections', 'VOORRANG_MAX_CONNECTIONS', 'maxConnections'], ['max-per-address', 'VOORRANG_MAX_PER_ADDRESS', 'maxPerAddress']] as const) {
    const text = given(flag, name);
    if (text === undefined) continue;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0 || n > 1_000_000) return `ongeldige --${flag} '${text}': een geheel getal van 0 tot en met 1000000`;
    limits[key] = n;
  }
  const timeout = given('request-timeout', 'VOORRANG_REQUEST_TIMEOUT');
  if (timeout !== undefined) {
    const s = Number(timeout);
    if (!(s >= 1) || s > 3600) return `ongeldige --request-timeout '${timeout}': 1 tot en met 3600 seconden`;
    limits.requestTimeoutMs = Math.round(s * 1000);
    // The headers come first: their timeout never exceeds the whole request's.
    limits.headersTimeoutMs = Math.min(LIMITS.headersTimeoutMs, limits.requestTimeoutMs);
  }
  return limits;
}

/** Resolves on the first SIGTERM (or `also`, e.g. SIGINT). */
function stopSignal(also?: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      if (also) process.off(also, stop);
      resolve();
    };
    process.once('SIGTERM', stop);
    if (also) process.once(also, stop);
  });
}
