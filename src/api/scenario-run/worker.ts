// A worker thread of the scenario pool (pool.ts): loads the rule base once, then runs one request at a
// time, asking the pool to admit each run's cost before any case is evaluated.
import { parentPort, workerData } from 'node:worker_threads';
import { ApiProblem } from '../../http/problem.ts';
import { loadRuleBase } from '../../rulebase/load.ts';
import { runScenarioRequest } from './request.ts';
import { fromWire, toWire, type FromWorker, type ToWorker } from './wire.ts';

const ruleBase = loadRuleBase((workerData as { rulesDir: string }).rulesDir);
const port = parentPort!;
const admissions = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
const post = (m: FromWorker) => port.postMessage(m);

port.on('message', (m: ToWorker) => {
  if (m.kind === 'run') void run(m.id, new Uint8Array(m.body), m.lang);
  else {
    const waiting = admissions.get(m.id);
    admissions.delete(m.id);
    if (m.kind === 'admitted') waiting?.resolve();
    else waiting?.reject(fromWire(m.problem));
  }
});

async function run(id: number, body: Uint8Array, lang: 'nl' | 'en'): Promise<void> {
  try {
    const report = await runScenarioRequest(ruleBase, body, lang, (cost) => new Promise<void>((resolve, reject) => {
      admissions.set(id, { resolve, reject });
      post({ kind: 'cost', id, cost });
    }));
    post({ kind: 'report', id, report });
  } catch (e) {
    if (e instanceof ApiProblem) post({ kind: 'problem', id, problem: toWire(e) });
    // Without the stack's first line, which holds the message (it might quote input).
    else post({ kind: 'failed', id, name: (e as Error)?.name ?? 'Error', stack: (e as Error)?.stack?.split('\n').slice(1).join('\n') });
  }
}
