// A small seeded PRNG (sfc32, seeded through splitmix32) so a population is the same for the same seed on
// every machine and Node version: Math.random cannot be seeded.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer uniform in [min, max]. */
  int(min: number, max: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  /** One of the options, by weight. */
  pick<T>(options: readonly (readonly [T, number])[]): T;
  /** Normal (Box–Muller), mean and standard deviation. */
  normal(mean: number, sd: number): number;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

interface Table<T> { total: number; bounds: Float64Array; values: T[] }
// Cumulative weights per options array, built once: pick() is on the generator's hot path.
const tables = new WeakMap<object, Table<unknown>>();
function cumulative<T>(options: readonly (readonly [T, number])[]): Table<T> {
  const bounds = new Float64Array(options.length);
  let total = 0;
  options.forEach(([, w], i) => (bounds[i] = total += w));
  return { total, bounds, values: options.map(([v]) => v) };
}

export function random(seed: number): Random {
  const init = splitmix32(seed);
  let a = init(), b = init(), c = init(), d = init();
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // mix the seed in
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick<T>(options: readonly (readonly [T, number])[]): T {
      let table = tables.get(options) as Table<T> | undefined;
      if (!table) tables.set(options, (table = cumulative(options)));
      const x = next() * table.total;
      const { bounds, values } = table;
      for (let i = 0; i < bounds.length; i++) if (x < bounds[i]!) return values[i]!;
      return values[values.length - 1]!;
    },
    normal: (mean, sd) => mean + sd * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
  };
}
