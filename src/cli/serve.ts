// voorrang serve [--port N] [--host H] [--keys FILE] [--rate N] [--burst N] [--engine E] [--workers N]: run the
// API until SIGINT/SIGTERM. With more than one worker this process is the cluster's primary, and each worker
// runs this same command again (api/cluster.ts).
import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { KeyConfigError, loadKeyEntries } from '../api/auth.ts';
import { startPrimary, startWorker } from '../api/cluster.ts';
import { DEFAULT_BURST, DEFAULT_RATE, StartupError } from '../api/server-options.ts';
import { DEFAULT_ENGINE, ENGINE_KINDS, type EngineKind } from '../engine/evaluator.ts';
import { RuleBaseError } from '../rulebase/problems.ts';

const usage = `voorrang serve [--port 8080] [--host 127.0.0.1] [--keys bestand] [--rate ${DEFAULT_RATE}] [--burst ${DEFAULT_BURST}]
                [--engine json-rules-engine|direct] [--workers 1]

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
        engine: { type: 'string' }, workers: { type: 'string' }, help: { type: 'boolean' },
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
  try {
    const keys = loadKeyEntries(env, values.keys);
    const options = { host: values.host ?? env.HOST ?? '127.0.0.1', port, keys, rate, burst, engine };
    if (cluster.isWorker) {
      // The primary stops its workers (SIGTERM); a Ctrl-C reaches the whole process group, so it is left to the primary.
      const running = await startWorker(options);
      process.on('SIGINT', () => {});
      await new Promise((resolve) => process.once('SIGTERM', resolve));
      await running.close();
      return 0;
    }
    // A primary does not load the API itself (the rule base, the engines): its workers do.
    const running = workers > 1 ? await startPrimary({ ...options, workers }) : await (await import('../api/server.ts')).startServer(options);
    process.stderr.write(`voorrang API luistert op ${running.url} (documentatie: ${running.url}/docs; engine: ${engine}`
      + `${workers > 1 ? `; ${workers} werkers` : ''})\n`);
    process.stderr.write(keys.length
      ? `${keys.length} API-sleutel(s) geconfigureerd; evaluaties vereisen een sleutel.\n`
      : 'Geen API-sleutels geconfigureerd: evaluaties staan open voor lokale aanroepers (alleen 127.0.0.1).\n');
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await running.close();
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
