// Word-level redline: the longest common subsequence of the two texts' tokens (words, numbers, single
// punctuation marks; whitespace is kept on the token before it), as equal/delete/insert segments.
// Written here rather than taken from the `diff` package: a few dozen lines, no dependency, and the token rule
// ("maanden;" is "maanden" + ";") is ours to choose. Article texts are a few hundred words: O(n·m) is fine.
import type { Segment } from '../model/report.ts';

export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}€]+(?:[.,'’-][\p{L}\p{N}]+)*\s*|[^\s\p{L}\p{N}€]\s*|\s+/gu) ?? [];
}

export function redline(oldText: string, newText: string): Segment[] {
  const a = tokenize(oldText), b = tokenize(newText);
  const key = (t: string) => t.trimEnd();
  // lcs[i][j]: length of the LCS of a[i..] and b[j..]
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = key(a[i]!) === key(b[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  // Equal tokens keep both spellings: their whitespace may differ, and cleanup() may turn them into a change.
  const out: Run[] = [];
  let i = 0, j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && key(a[i]!) === key(b[j]!)) out.push({ op: 'equal', old: a[i++]!, text: b[j++]! });
    else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) out.push({ op: 'delete', old: a[i]!, text: a[i++]! });
    else out.push({ op: 'insert', old: '', text: b[j++]! });
  }
  return cleanup(out);
}

/** A token or stretch; `old` is its spelling in the old text (empty for an insertion). */
interface Run { op: Segment['op']; old: string; text: string }

/**
 * A lone punctuation mark or short word kept equal between two changes reads as noise ("verbiedt**; e**.
 * **een …**"): fold it into the change, then put each run's deletions before its insertions.
 */
function cleanup(runs: Run[]): Segment[] {
  // Group consecutive equal tokens, so "short" means a short stretch, not a short token.
  const groups: Run[] = [];
  for (const r of runs) {
    const last = groups.at(-1);
    if (last && last.op === r.op) {
      last.text += r.text;
      last.old += r.old;
    } else groups.push({ ...r });
  }
  const split = groups.flatMap((g, i): Run[] =>
    g.op === 'equal' && g.text.trim().length <= 2 && i > 0 && i < groups.length - 1
      ? [{ op: 'delete', old: g.old, text: g.old }, { op: 'insert', old: '', text: g.text }] : [g]);
  const out: Segment[] = [];
  for (let k = 0; k < split.length;) {
    if (split[k]!.op === 'equal') {
      out.push({ op: 'equal', text: split[k++]!.text });
      continue;
    }
    let del = '', ins = '';
    for (; k < split.length && split[k]!.op !== 'equal'; k++) {
      if (split[k]!.op === 'delete') del += split[k]!.text;
      else ins += split[k]!.text;
    }
    if (del) out.push({ op: 'delete', text: del });
    if (ins) out.push({ op: 'insert', text: ins });
  }
  return out;
}

/** True when the redline has any deletion or insertion. */
export const differs = (segments: Segment[]): boolean => segments.some((s) => s.op !== 'equal');
