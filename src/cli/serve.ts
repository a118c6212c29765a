// voorrang serve [--port N] [--host H] [--keys FILE] [--rate N] [--burst N] [--engine E] [--workers N]
// [--grace S]: run the API until SIGINT/SIGTERM, then finish the requests under way (server/drain.ts). With more
// than one worker this process is the cluster's primary, and each worker runs this same command again
// (server/cluster.ts).
import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { KeyConfigError, loadKeyEntries } from '../http/auth.ts';
import { startPrimary, startWorker } from '../server/cluster.ts';
import { DEFAULT_BURST, DEFAULT_RATE, StartupError } from '../server/options.ts';
import { DEFAULT_ENGINE, ENGINE_KINDS, type EngineKind } from '../engine/evaluator.ts';
import { RuleBaseError } from '../rulebase/problems.ts';

/** Below Kubernetes' default of 30 s before it kills a pod, and twenty times a full batch. */
const DEFAULT_GRACE_SECONDS = 10;

const usage = `voorrang serve [--port 8080] [--host 127.0.0.1] [--keys bestand] [--rate ${DEFAULT_RATE}] [--burst ${DEFAULT_BURST}]
                [--engine json-rules-engine|direct] [--workers 1] [--grace ${DEFAULT_GRACE_SECONDS}]

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
  try {
    const keys = loadKeyEntries(env, values.keys);
    const options = { host: values.host ?? env.HOST ?? '127.0.0.1', port, keys, rate, burst, engine };
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
