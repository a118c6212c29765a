// Reading a scenario or vacancies file (YAML or JSON): parsed with positions, validated by its zod schema,
// and every problem named with its line and column.
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { Scenario, Vacancies } from './schema.ts';

export interface FileProblem {
  line?: number;
  column?: number;
  path: string;
  message: string;
}

export type Loaded<T> = { ok: true; value: T } | { ok: false; problems: FileProblem[] };

export function parseYamlFile<S extends z.ZodType>(schema: S, text: string): Loaded<z.infer<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return { ok: false, problems: doc.errors.map((e) => ({ ...pos(lineCounter, e.pos[0]), path: '$', message: `YAML: ${e.message.split('\n')[0]}` })) };
  }
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => {
      // The deepest node of the path that exists in the file gives the position.
      let at: { line?: number; column?: number } = {};
      for (let d = i.path.length; d >= 0; d--) {
        const node = doc.getIn(i.path.slice(0, d) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
        if (node?.range) {
          at = pos(lineCounter, node.range[0]);
          break;
        }
      }
      return { ...at, path: ['$', ...i.path].join('.'), message: i.message };
    }),
  };
}

function pos(lc: LineCounter, offset: number) {
  const p = lc.linePos(offset);
  return { line: p.line, column: p.col };
}

export const parseScenario = (text: string) => parseYamlFile(Scenario, text);
export const parseVacancies = (text: string) => parseYamlFile(Vacancies, text);

export const formatFileProblem = (file: string, p: FileProblem): string =>
  `${[file, p.line, p.column].filter((x) => x !== undefined).join(':')}: ${p.path}: ${p.message}`;
