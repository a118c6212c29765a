// The log may carry identifiers, counts and outcomes, never a case fact. A log line is checked field by
// field, leaving out the clock's fields: a timestamp (…:13.625Z) or a duration (7.25 ms) can hold a
// fact's digits by chance, and neither is made from the request.
const CLOCK = new Set(['time', 'durationMs']);

/** The `facts` that occur in a field name or value of the JSON log `line` (outside the clock fields). */
export function factsLogged(line: string, facts: readonly (string | number)[]): string[] {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return void texts.push(String(value));
    for (const [key, field] of Object.entries(value)) {
      texts.push(key);
      if (!CLOCK.has(key)) walk(field);
    }
  };
  walk(JSON.parse(line));
  return facts.map(String).filter((fact) => texts.some((text) => text.includes(fact)));
}
