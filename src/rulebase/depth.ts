// How deeply a parsed JSON value nests. Schemas with recursion (conditions, changes) and the validators
// behind them recurse per level: a value nested deeper than any real request is refused before them,
// naming where, instead of exhausting the stack (issue 16, finding 6). Iterative, linear in the nodes.
import type { PathSegment } from './problems.ts';

/** Deeper than any real body or rule file (a scenario with nested conditions is about 20 levels). */
export const MAX_DEPTH = 64;

interface Frame { value: unknown; depth: number; key?: PathSegment; parent?: Frame }

/** The path of the first value nested deeper than `max` levels, or undefined. */
export function tooDeepAt(root: unknown, max = MAX_DEPTH): PathSegment[] | undefined {
  const stack: Frame[] = [{ value: root, depth: 0 }];
  while (stack.length) {
    const frame = stack.pop()!;
    const { value, depth } = frame;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= max) return pathOf(frame);
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, depth: depth + 1, key: i, parent: frame }));
    else for (const [k, v] of Object.entries(value)) stack.push({ value: v, depth: depth + 1, key: k, parent: frame });
  }
  return undefined;
}

function pathOf(frame: Frame): PathSegment[] {
  const path: PathSegment[] = [];
  for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) path.unshift(f.key);
  return path;
}
