// The languages every text of the rule base, the decision and the interfaces comes in.
import { z } from 'zod';

export const Lang = z.enum(['nl', 'en']);
export type Lang = z.infer<typeof Lang>;
