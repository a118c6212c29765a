// A small rule base in memory to test how the engine applies what a law says (conditions of statutory
// categories, exemptions by subject, regional binding, tracks of adopted and concept versions, the
// four-year term), independent of the bundled rule files. The law here is a stand-in with the structure
// of Hvw 2014 as of 2026-07-01, not its text.
import { buildRuleBase, type SourceFile } from '../../src/rulebase/rulebase.ts';
import { registryText } from '../fixtures.ts';

const label = (s: string) => `{ nl: '${s}', en: '${s}' }`;

export const LAW = `layer: wet
jurisdiction: huisvestingswet
title: Testwet
validFrom: 2026-07-01
status: adopted
statute:
  schemeMandatory: true
  transition: { basis: { article: '51', lid: 10 } }
  categories:
    - id: opvang-geweld
      letter: d
      label: ${label('Opvang wegens geweld, verlaten')}
      basis: { article: '12', lid: 3, letter: d }
      conditions: { fact: grounds.opvang.leaving, operator: equal, value: true, label: ${label('Verlaat de opvang')} }
    - id: uitstroom-jeugdhulp
      letter: g
      label: ${label('Jeugdhulp verlaten, 18 tot 23 jaar')}
      basis: { article: '12', lid: 3, letter: g }
      conditions:
        all:
          - { fact: applicant.age, operator: greaterThanInclusive, value: 18 }
          - { fact: applicant.age, operator: lessThan, value: 23 }
  exemptions:
    - { subject: income, categories: [opvang-geweld], basis: { article: '15', lid: 5 } }
    - { subject: binding, basis: { article: '14', lid: 6 } }
    - { subject: housing-history, basis: { article: '15', lid: 3 } }
  regionalBinding:
    requirement:
      id: binding-woningmarktregio
      label: ${label('Binding met de woningmarktregio')}
      basis: { article: '14', lid: 6 }
      conditions: { fact: residence.boundToRegion, operator: equal, value: true }
  bindingShield:
    - { category: opvang-geweld, basis: { article: '16' } }
  articles: []
`;

/** A full text for Veendam: `extra` is spliced into the file's top level (validUntil, status, …). */
export function verordening(opts: { validFrom?: string; validUntil?: string | null; status?: string; regional?: boolean } = {}): string {
  const validFrom = opts.validFrom ?? '2026-07-01';
  const validUntil = opts.validUntil === null ? '' : `validUntil: ${opts.validUntil ?? '2030-06-30'}\n`;
  const reading = opts.regional === undefined ? '' : `
    binding.regioVoorWettelijkeCategorieen:
      label: ${label('Lezing art. 14 lid 6')}
      unit: ja/nee
      value: ${opts.regional}
      basis: { article: '1' }`;
  return `layer: gemeente
jurisdiction: GM0047
title: Testverordening ${validFrom}
validFrom: ${validFrom}
${validUntil}status: ${opts.status ?? 'adopted'}
extends: wet/huisvestingswet
regulation:
  parameters:
    geldigheidsduur: { label: ${label('Geldigheid')}, unit: maanden, value: 6, basis: { article: '9' } }${reading}
  requirements:
    - id: inkomen
      subject: income
      label: ${label('Inkomen')}
      basis: { article: '2' }
      conditions: { fact: income.annualHousehold, operator: lessThanInclusive, value: 50000, subject: income }
    - id: binding
      subject: binding
      label: ${label('Binding met de gemeente')}
      basis: { article: '3' }
      conditions: { fact: residence.yearsRegistered, operator: greaterThanInclusive, value: 2, subject: binding }
    - id: zelfstandig-wonen
      subject: housing-history
      label: ${label('Zelfstandig gewoond')}
      basis: { article: '4' }
      conditions: { fact: residence.yearsIndependent, operator: greaterThanInclusive, value: 1, subject: housing-history }
  refusalGrounds: []
  categories:
    - id: geweld
      statutory: opvang-geweld
      ground: grounds.opvang
      label: ${label('Huiselijk geweld')}
      basis: { article: '5' }
      conditions: { fact: grounds.opvang.granted, operator: equal, value: true }
    - id: jeugd
      statutory: uitstroom-jeugdhulp
      ground: grounds.outflow
      label: ${label('Uitstroom jeugdhulp')}
      basis: { article: '6' }
      conditions: { fact: grounds.outflow.from, operator: equal, value: jeugdhulp }
    - id: lokaal
      ground: grounds.acuteEmergency
      label: ${label('Acute noodsituatie')}
      basis: { article: '7' }
      conditions: { fact: grounds.acuteEmergency.confirmed, operator: equal, value: true }
  ranking: { basis: { article: '8' }, order: [geweld, jeugd, lokaal] }
  validity: { param: geldigheidsduur, basis: { article: '9' } }
  searchProfile:
    basis: { article: '9' }
    rows: [{ minorChildren: 0, maxRooms: 2, label: ${label('2 kamers')} }]
  articles: []
`;
}

export const lawFile: SourceFile = { path: 'wet/huisvestingswet/2026-07-01.yaml', text: LAW };
export const veendam = (validFrom = '2026-07-01', text = verordening({ validFrom })): SourceFile =>
  ({ path: `gemeente/GM0047-veendam/${validFrom}.yaml`, text });

export const buildMini = (...files: SourceFile[]) => buildRuleBase([lawFile, ...files], registryText);
