import { describe, expect, it } from 'vitest';
import { Engine } from 'json-rules-engine';
import { Operator } from '../../src/rulebase/schema.ts';
import { engineOperator, operators } from '../../src/engine/operators.ts';

/** Whether a real Engine run finds `fact <operator> value` true. */
async function engineSays(operator: string, fact: unknown, value: unknown): Promise<boolean> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addRule({ conditions: { all: [{ fact: 'x', operator, value }] }, event: { type: 'holds' } });
  const { events } = await engine.run({ x: fact });
  return events.length === 1;
}

const samples: Array<[unknown, unknown]> = [[3, 5], [5, 5], [7, 5], ['5', 5], [null, 5], ['a', 'a'], ['a', 'b'], [true, true]];
const setSamples: Array<[unknown, unknown]> = [[3, [3, 4]], [5, [3, 4]], ['a', ['a']], [null, ['a']]];

describe('operators', () => {
  it('has a meaning and an engine operator for every operator the rule schema allows', () => {
    expect(Object.keys(operators).sort()).toEqual([...Operator.options].sort());
    for (const name of Operator.options) expect(engineOperator(name), name).toBeDefined();
  });

  it('evaluates each operator as an Engine run does', async () => {
    for (const name of Operator.options) {
      for (const [fact, value] of name === 'in' || name === 'notIn' ? setSamples : samples) {
        expect(engineOperator(name)!.evaluate(fact, value), `${JSON.stringify(fact)} ${name} ${JSON.stringify(value)}`).toBe(await engineSays(name, fact, value));
      }
    }
  });

  it('compares numbers in JS as the engine does, and each negation holds exactly where the operator does not', async () => {
    for (const name of Operator.options) {
      const meaning = operators[name];
      const pairs: Array<[number, unknown]> = name === 'in' || name === 'notIn' ? [[3, [3, 4]], [5, [3, 4]]] : [[3, 5], [5, 5], [7, 5]];
      for (const [fact, value] of pairs) {
        const says = await engineSays(name, fact, value);
        if (meaning.onNumber) expect(meaning.onNumber(fact, value as number), `${fact} ${name} ${value}`).toBe(says);
        expect(await engineSays(meaning.negation, fact, value), `not ${fact} ${name} ${value}`).toBe(!says);
      }
    }
  });
});
