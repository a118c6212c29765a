// The architecture as a test: data flows one way (core never imports a presentation layer), the
// presentation layers are siblings (api and web never import each other), and no file imports, directly
// or through others, a file that imports it back. Type-only and dynamic imports count too.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');
const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((p) => p.endsWith('.ts'))
  .map((p) => p.split(sep).join('/'));

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"](\.[^'"]+)['"]/g;

/** Each file's imports of other files of src/, as paths relative to src/. */
const graph = new Map(files.map((file) => {
  const text = readFileSync(join(SRC, file), 'utf8');
  const targets = [...text.matchAll(IMPORT)]
    .map((m) => m[1] ?? m[2] ?? m[3]!)
    .map((spec) => relative(SRC, resolve(SRC, dirname(file), spec)).split(sep).join('/'))
    .filter((target) => !target.startsWith('..') && target.endsWith('.ts'));
  return [file, [...new Set(targets)]];
}));

/** Tarjan's strongly connected components of more than one file, or of one file that imports itself. */
function circles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)!.includes(v)) found.push(component.sort());
    }
  };
  for (const f of graph.keys()) if (!index.has(f)) visit(f);
  return found;
}

const importsInto = (from: string, into: string) => [...graph].flatMap(([file, targets]) =>
  file.startsWith(`${from}/`) ? targets.filter((t) => t.startsWith(`${into}/`)).map((t) => `${file} → ${t}`) : []);

describe('architecture', () => {
  it('reads the import graph of src/', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('engine/evaluator.ts')).toContain('rulebase/rulebase.ts');
  });

  it('has no import circles', () => {
    expect(circles()).toEqual([]);
  });

  it('keeps api and web siblings: neither imports the other', () => {
    expect([...importsInto('api', 'web'), ...importsInto('web', 'api')]).toEqual([]);
  });

  it('keeps the core free of presentation: case, rulebase and engine import no api, web, cli or http', () => {
    const core = ['case', 'rulebase', 'engine'];
    const presentation = ['api', 'web', 'cli', 'http'];
    expect(core.flatMap((c) => presentation.flatMap((p) => importsInto(c, p)))).toEqual([]);
  });
});
