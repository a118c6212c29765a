// A problem found in the rule base, located as precisely as we can: file, line, column, JSON path.

export interface Problem {
  file: string;
  line?: number;
  column?: number;
  /** JSON path inside the file, e.g. `$.changes[2].parameter`. */
  path?: string;
  message: string;
}

export type PathSegment = string | number;

export function jsonPath(segments: readonly PathSegment[]): string {
  return '$' + segments.map((s) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `['${s}']`)).join('');
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.line, p.column].filter((x) => x !== undefined).join(':');
  return `${where}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

/** Thrown when the rule base cannot be loaded; carries every problem found, not just the first. */
export class RuleBaseError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`De regelbasis bevat ${problems.length} fout(en):\n` + problems.map((p) => '  ' + formatProblem(p)).join('\n'));
    this.name = 'RuleBaseError';
  }
}
