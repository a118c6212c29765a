// The one place that knows what an operator means. json-rules-engine keeps its operators (with their fact
// validators) in a private `operators` field, read here only; test/engine/operators.test.ts fails when
// that field changes shape. The table says what each operator asks of a value, for the code that
// compares without the engine (fast.ts), reasons about value sets (diff) or negates a leaf (witnesses).
import { Engine } from 'json-rules-engine';
import type { Leaf } from '../rulebase/schema.ts';

type OperatorName = Leaf['operator'];

export interface EngineOperator { evaluate(factValue: unknown, jsonValue: unknown): boolean }

const engineOperators = (new Engine() as unknown as { operators: { get(name: string): EngineOperator | undefined } }).operators;

/** json-rules-engine's own operator of that name, validators included; undefined for an unknown name. */
export const engineOperator = (name: string): EngineOperator | undefined => engineOperators.get(name);

export interface OperatorMeaning {
  /** A lower or upper bound on a number, or a set of values the fact is (or, negated, is not) one of. */
  shape: 'lower' | 'upper' | 'set';
  /** A bound that excludes its own value (`>`, `<`). */
  strict: boolean;
  /** A set the fact must stay out of (`notEqual`, `notIn`). */
  negated: boolean;
  /** The operator that holds exactly where this one does not (on a known value). */
  negation: OperatorName;
  /** The comparison in JS for a number, identical to the engine's for a number. */
  onNumber?: (fact: number, value: number) => boolean;
}

export const operators: Readonly<Record<OperatorName, OperatorMeaning>> = {
  equal: { shape: 'set', strict: false, negated: false, negation: 'notEqual' },
  notEqual: { shape: 'set', strict: false, negated: true, negation: 'equal' },
  in: { shape: 'set', strict: false, negated: false, negation: 'notIn' },
  notIn: { shape: 'set', strict: false, negated: true, negation: 'in' },
  greaterThan: { shape: 'lower', strict: true, negated: false, negation: 'lessThanInclusive', onNumber: (f, v) => f > v },
  greaterThanInclusive: { shape: 'lower', strict: false, negated: false, negation: 'lessThan', onNumber: (f, v) => f >= v },
  lessThan: { shape: 'upper', strict: true, negated: false, negation: 'greaterThanInclusive', onNumber: (f, v) => f < v },
  lessThanInclusive: { shape: 'upper', strict: false, negated: false, negation: 'greaterThan', onNumber: (f, v) => f <= v },
};
