// Warnings ahead of time (rulebase/horizon.ts): a dated parameter value or an adopted verordening that
// ends within 60 days with nothing after it. A rule base built in memory, with a fixed `today`.
import { afterEach, describe, expect, it, vi } from 'vitest';
import express from 'express';
import request from 'supertest';
import { stringify } from 'yaml';
import { mountMeta } from '../../src/api/routes/meta.ts';
import { Health } from '../../src/api/schemas.ts';
import { buildRuleBase, type SourceFile } from '../../src/rulebase/rulebase.ts';
import { horizonWarnings } from '../../src/rulebase/horizon.ts';
import { registryText } from '../fixtures.ts';

const law: SourceFile = {
  path: 'wet/huisvestingswet/2026-07-01.yaml',
  text: stringify({
    layer: 'wet', jurisdiction: 'huisvestingswet', title: 'Huisvestingswet 2014', validFrom: '2026-07-01', status: 'adopted',
    statute: { schemeMandatory: true, categories: [], exemptions: [], bindingShield: [], articles: [] },
  }),
};

type Dated = { from: string; until?: string; value: number };
const limit2026: Dated[] = [{ from: '2026-01-01', until: '2026-12-31', value: 51537 }];

interface Version {
  code: string;
  folder: string;
  validFrom?: string;
  validUntil?: string;
  status?: 'adopted' | 'concept';
  title?: string;
  values?: Dated[];
}

function gemeente({ code, folder, validFrom = '2026-07-01', validUntil, status = 'adopted', title = `Huisvestingsverordening ${folder}`, values = limit2026 }: Version): SourceFile {
  return {
    path: `gemeente/${code}-${folder}/${validFrom}.yaml`,
    text: stringify({
      layer: 'gemeente', jurisdiction: code, title, validFrom, ...(validUntil && { validUntil }), status, extends: 'wet/huisvestingswet',
      regulation: {
        parameters: {
          'inkomensgrens.eenpersoons': {
            label: { nl: 'Inkomensgrens DAEB, eenpersoonshuishouden', en: 'DAEB income limit, single-person household' },
            unit: 'euro/jaar', basis: { article: '1' }, values,
          },
          geldigheidsduur: { label: { nl: 'Geldigheidsduur', en: 'Validity' }, unit: 'maanden', basis: { article: '5' }, value: 12 },
        },
        requirements: [{
          id: 'inkomen', label: { nl: 'Inkomen', en: 'Income' }, basis: { article: '2' }, subject: 'income',
          conditions: { fact: 'income.annualHousehold', operator: 'lessThanInclusive', value: { param: 'inkomensgrens.eenpersoons' } },
        }],
        refusalGrounds: [],
        categories: [{
          id: 'noodsituatie', ground: 'grounds.acuteEmergency', label: { nl: 'Noodsituatie', en: 'Emergency' }, basis: { article: '4' },
          conditions: { fact: 'grounds.acuteEmergency.confirmed', operator: 'equal', value: true },
        }],
        ranking: { basis: { article: '6' }, order: ['noodsituatie'] },
        validity: { param: 'geldigheidsduur', basis: { article: '5' } },
        searchProfile: { basis: { article: '7' }, rows: [{ minorChildren: 0, label: { nl: 'Alle woningen', en: 'All dwellings' } }] },
        articles: [],
      },
    }),
  };
}

const build = (...versions: Version[]) => buildRuleBase([law, ...versions.map(gemeente)], registryText);
const groningen: Version = { code: 'GM0014', folder: 'groningen', validUntil: '2030-06-30' };

describe('parameters that run out', () => {
  it('on 2026-12-02 the 2027 income limit is named: 2026-12-31 is the last day with a value', () => {
    const [w, ...rest] = horizonWarnings(build(groningen), '2026-12-02');
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ kind: 'parameter', name: 'inkomensgrens.eenpersoons', lastDay: '2026-12-31', set: 'gemeente/GM0014-groningen', sets: ['gemeente/GM0014-groningen'] });
    expect(w!.message.nl).toBe('Inkomensgrens DAEB, eenpersoonshuishouden (inkomensgrens.eenpersoons) heeft geen waarde vanaf 2027-01-01 '
      + '(laatste waarde tot en met 2026-12-31) in gemeente/GM0014-groningen; neem de waarde voor 2027-01-01 op.');
    expect(w!.message.en).toContain('has no value from 2027-01-01');
  });

  it('the window is 60 days: 2026-11-01 warns of 2026-12-31, 2026-10-31 does not yet', () => {
    const rb = build(groningen);
    expect(horizonWarnings(rb, '2026-11-01').map((w) => w.lastDay)).toEqual(['2026-12-31']);
    expect(horizonWarnings(rb, '2026-10-31')).toEqual([]);
    expect(horizonWarnings(rb, '2026-10-31', 61).map((w) => w.lastDay)).toEqual(['2026-12-31']);
  });

  it('no warning once the next value is there (the one-line yearly update)', () => {
    const values = [...limit2026, { from: '2027-01-01', until: '2027-12-31', value: 53000 }];
    expect(horizonWarnings(build({ ...groningen, values }), '2026-12-02')).toEqual([]);
  });

  it('one warning for the same parameter in several regulations, naming them; more than three are counted', () => {
    const two = horizonWarnings(build(groningen, { code: 'GM0047', folder: 'veendam', status: 'concept' }), '2026-12-02');
    expect(two).toHaveLength(1);
    expect(two[0]!.sets).toEqual(['gemeente/GM0014-groningen', 'gemeente/GM0047-veendam']);
    expect(two[0]!.message.nl).toContain('in gemeente/GM0014-groningen, gemeente/GM0047-veendam;');
    const four = horizonWarnings(build(groningen, { code: 'GM0047', folder: 'veendam', status: 'concept' },
      { code: 'GM0037', folder: 'stadskanaal', status: 'concept' }, { code: 'GM0765', folder: 'pekela', status: 'concept' }), '2026-12-02');
    expect(four).toHaveLength(1);
    expect(four[0]!.set).toBe('4 regelingen');
    expect(four[0]!.sets).toHaveLength(4);
    expect(four[0]!.message.nl).toContain('in 4 regelingen;');
    expect(four[0]!.message.en).toContain('in 4 regulations;');
  });

  it('a value that ends with its own verordening is not a parameter gap: the verordening is what runs out', () => {
    const ws = horizonWarnings(build({ ...groningen, validUntil: '2026-12-31' }), '2026-12-02');
    expect(ws.map((w) => w.kind)).toEqual(['verordening']);
  });

  it('a period that starts within the window counts, one that has ended does not', () => {
    // The municipality's version starts on 2026-12-15 (within the window); its 2026 value ends 2026-12-31.
    const starting = horizonWarnings(build({ ...groningen, validFrom: '2026-12-15', validUntil: '2030-12-14' }), '2026-12-02');
    expect(starting.map((w) => [w.kind, w.lastDay])).toEqual([['parameter', '2026-12-31']]);
    // An older value that ended before today is no warning of what comes.
    expect(horizonWarnings(build(groningen), '2027-01-02')).toEqual([]);
  });
});

describe('verordeningen that run out', () => {
  it('an adopted version whose validUntil falls within 60 days, with no adopted version after it', () => {
    const values = [...limit2026, { from: '2027-01-01', value: 53000 }];
    const ws = horizonWarnings(build({ ...groningen, validUntil: '2027-01-20', title: 'Huisvestingsverordening 2025 Gemeente Groningen', values }), '2026-12-02');
    expect(ws).toEqual([{
      kind: 'verordening', set: 'gemeente/GM0014-groningen', sets: ['gemeente/GM0014-groningen'],
      name: 'Huisvestingsverordening 2025 Gemeente Groningen', lastDay: '2027-01-20',
      message: {
        nl: 'Huisvestingsverordening 2025 Gemeente Groningen loopt af op 2027-01-20; er is geen vastgestelde versie vanaf 2027-01-21 opgenomen (gemeente/GM0014-groningen).',
        en: 'Huisvestingsverordening 2025 Gemeente Groningen expires on 2027-01-20; no adopted version from 2027-01-21 is encoded (gemeente/GM0014-groningen).',
      },
    }]);
  });

  it('no warning when the next adopted version starts the day after; a concept after it does not count', () => {
    const values = [...limit2026, { from: '2027-01-01', value: 53000 }];
    const first = { ...groningen, validUntil: '2027-01-20', values };
    const adopted = build(first, { ...groningen, validFrom: '2027-01-21', validUntil: '2031-01-20', values });
    expect(horizonWarnings(adopted, '2026-12-02')).toEqual([]);
    const concept = build(first, { ...groningen, validFrom: '2027-01-21', validUntil: undefined, status: 'concept', values });
    expect(horizonWarnings(concept, '2026-12-02').map((w) => w.kind)).toEqual(['verordening']);
  });

  it('a concept that has an end date is not warned of: it was never in force', () => {
    const values = [...limit2026, { from: '2027-01-01', value: 53000 }];
    expect(horizonWarnings(build({ ...groningen, status: 'concept', validUntil: '2027-01-20', values }), '2026-12-02')).toEqual([]);
  });
});

describe('GET /health names them', () => {
  afterEach(() => { vi.useRealTimers(); });

  const healthOn = async (day: string) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${day}T12:00:00Z`));
    const app = express();
    const router = express.Router();
    mountMeta(router, build(groningen), {});
    app.use('/v1', router);
    const res = await request(app).get('/v1/health');
    expect(res.status).toBe(200);
    return Health.parse(res.body);
  };

  it('on 2026-12-02: status stays ok, and the 2027 limit is a warning', async () => {
    const body = await healthOn('2026-12-02');
    expect(body.status).toBe('ok');
    expect(body.warnings.map((w) => [w.kind, w.name, w.lastDay])).toEqual([['parameter', 'inkomensgrens.eenpersoons', '2026-12-31']]);
  });

  it('on 2026-10-01: nothing runs out within 60 days', async () => {
    expect((await healthOn('2026-10-01')).warnings).toEqual([]);
  });
});
