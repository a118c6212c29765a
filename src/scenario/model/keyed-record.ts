// A record whose keys the sender chooses (the vacancies' municipality codes). zod skips a `__proto__` key
// without a word (assigning it would replace the result's prototype), and JSON.parse and the yaml library
// both make it an own property: a figure sent under it vanished silently. Such keys are refused here,
// named by their path, before the record is parsed; the JSON Schema is the record's own.
import { z } from 'zod';

/** Keys that name an object's machinery rather than data. */
export const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

export const keyedRecord = <K extends z.core.$ZodRecordKey, V extends z.ZodType>(key: K, value: V) =>
  z.preprocess((input, ctx) => {
    if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
      for (const k of RESERVED_KEYS) {
        // invalid_key: worded by the error map of the answer's language, as a key the pattern refuses is.
        if (Object.hasOwn(input, k)) ctx.addIssue({ code: 'invalid_key', origin: 'record', issues: [], input: k, path: [k] });
      }
    }
    return input;
  }, z.record(key, value));
