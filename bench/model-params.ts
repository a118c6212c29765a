// The parameters of the model on a date, for the hand-written function (read from the rule file, so
// that a changed threshold or reading changes both sides of the comparison).
import type { RegulationInForce } from '../src/rulebase/rulebase.ts';
import { parameterValue } from '../src/rulebase/parameters.ts';
import type { ModelParams } from './model-by-hand.ts';

export function modelParams(regulation: RegulationInForce, date: string): ModelParams {
  const read = (name: string) => parameterValue(regulation.regulation.parameters[name], date);
  const value = (name: string): number | undefined => {
    const v = read(name);
    return typeof v === 'number' ? v : undefined;
  };
  const reading = read('binding.regioVoorWettelijkeCategorieen');
  return {
    minimumleeftijd: value('minimumleeftijd'),
    eenpersoons: value('inkomensgrens.eenpersoons'),
    meerpersoons: value('inkomensgrens.meerpersoons'),
    bindingJaren: value('binding.minimumJarenIngeschreven'),
    mantelzorgUren: value('mantelzorg.minimumUrenPerWeek'),
    mantelzorgMaanden: value('mantelzorg.minimumDuurMaanden'),
    mantelzorgAfstand: value('mantelzorg.minimumAfstandKm'),
    ...(typeof reading === 'boolean' && { regioVoorWettelijkeCategorieen: reading }),
  };
}
