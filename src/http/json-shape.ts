// The shape of a JSON text, found before it is parsed: how many values it holds (an upper bound) and how
// deep it nests. One pass over the bytes, no allocation, so a body can be refused — or its parsed size
// reserved — before the object graph exists.

export interface JsonShape {
  /** Upper bound on the values a parse builds: one per `{`, `[`, `,` and `:` outside strings, plus one. */
  values: number;
  /** Deepest nesting of arrays and objects. */
  depth: number;
}

const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c, COLON = 0x3a;
const OPEN_OBJECT = 0x7b, CLOSE_OBJECT = 0x7d, OPEN_ARRAY = 0x5b, CLOSE_ARRAY = 0x5d;

export function shapeOf(bytes: Uint8Array): JsonShape {
  let values = 1, depth = 0, deepest = 0, inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) inString = true;
    else if (b === COMMA || b === COLON) values++;
    else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
      values++;
      if (++depth > deepest) deepest = depth;
    } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) depth--;
  }
  return { values, depth: deepest };
}

/**
 * What parsing costs in memory, measured on Node 20: the text as a string (one byte a character for ASCII,
 * two otherwise: counted as two) and about 67 bytes per value of `[{},{},…]`, rounded up.
 */
export const BYTES_PER_VALUE = 72;
export const parsedSizeOf = (bytes: number, shape: JsonShape): number => 2 * bytes + BYTES_PER_VALUE * shape.values;
