// The receipt of a resolved regulation: sha256 over its canonical JSON (keys sorted), so formatting,
// comments and key order in the YAML do not change it, and any change to a rule or text does.
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const digest = (value: unknown): string => 'sha256:' + createHash('sha256').update(canonicalJson(value)).digest('hex');
