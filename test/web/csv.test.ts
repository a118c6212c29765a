// The workbench reads an uploaded CSV in the browser: it must read a file as the scenario issue's
// reader does (the CLI's), name every problem by its line, and map the API's answer about a case back
// to the line it came from.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvHeader, csvLine } from '../../src/scenario/population/csv.ts';
import { generatePopulation } from '../../src/scenario/population/generator.ts';
import { readPopulation } from '../../src/scenario/population/read.ts';
import { lineOf, readCsv, type ColumnKind } from '../../src/web/client/csv.ts';
import { scenarioPage } from '../../src/web/pages/scenario.ts';
import { loadRuleBase } from '../../src/rulebase/load.ts';

const ruleBase = loadRuleBase();

/** The column kinds exactly as the workbench page hands them to its script. */
const columns = ((): Record<string, ColumnKind> => {
  const page = scenarioPage(ruleBase, 'nl', { code: 'GM1966', date: '2026-08-01' }, '2026-08-01');
  const island = /<script type="application\/json" id="scenario-config">(.*?)<\/script>/s.exec(page)![1]!;
  return (JSON.parse(island) as { columns: Record<string, ColumnKind> }).columns;
})();

describe('the workbench CSV reader', () => {
  it('reads a generated population as the scenario reader does, case for case', async () => {
    const rows = [...generatePopulation({ size: 300, seed: 7 })];
    const csv = [csvHeader().join(','), ...rows.map((r) => csvLine(r))].join('\r\n') + '\r\n';
    const read = readCsv(csv, columns, 'nl');
    if (!read.ok) throw new Error(JSON.stringify(read.errors.slice(0, 3)));
    const expected = [];
    for await (const batch of readPopulation(Readable.from([csv]), 'csv')) {
      expect(batch.errors).toEqual([]);
      expected.push(...batch.rows);
    }
    expect(read.cases).toEqual(expected.map((r) => ({ ...(r.id !== undefined && { id: r.id }), municipality: r.municipality, case: r.case })));
    expect(read.lines).toEqual(expected.map((r) => r.line));
    expect(read.cases).toHaveLength(300);
  });

  it('reads quoted cells and a claimed ground without facts', () => {
    const read = readCsv('id,municipality,applicant.age,grounds.mantelzorg\n"a ""1"", b",GM1966,40,true\n', columns, 'en');
    expect(read).toEqual({ ok: true, cases: [{ id: 'a "1", b', municipality: 'GM1966', case: { applicant: { age: 40 }, grounds: { mantelzorg: {} } } }], lines: [2] });
  });

  it('names every bad line and column, in the page language', () => {
    const read = readCsv('id,municipality,applicant.age,applicant.lawfulResidence\na,GM1966,40,true\nb,GM1966,veertig,ja\nc,GM1966\n\nd,"GM1966,40,true\n', columns, 'nl');
    expect(read).toEqual({ ok: false, errors: [
      { line: 3, column: 'applicant.age', message: "'veertig' is geen getal (gebruik een punt als decimaalteken)" },
      { line: 3, column: 'applicant.lawfulResidence', message: "'ja' is geen true of false" },
      { line: 4, message: '2 velden, de kop heeft er 4' },
      { line: 5, message: 'lege regel' },
      { line: 6, message: 'aanhalingsteken niet gesloten (een regeleinde binnen een veld wordt niet ondersteund)' },
    ] });
  });

  it('refuses a header with an unknown or repeated column, or without a municipality', () => {
    expect(readCsv('id,applicant.agee,id\n', columns, 'en')).toEqual({ ok: false, errors: [
      { line: 1, column: 'applicant.agee', message: "unknown column 'applicant.agee'; columns are id, municipality and the fields of case.schema.json" },
      { line: 1, column: 'id', message: "column 'id' appears twice" },
      { line: 1, message: "column 'municipality' is missing (or 'residence.municipality')" },
    ] });
    expect(readCsv('', columns, 'en')).toEqual({ ok: false, errors: [{ line: 1, message: 'empty file: the header line is missing' }] });
  });

  it('maps an invalidParam of the API about an inline case to its line and column', () => {
    const lines = [2, 3, 5];
    expect(lineOf('$.population.cases[2].case.applicant.age', lines)).toEqual({ line: 5, column: 'applicant.age' });
    expect(lineOf('$.population.cases[0].municipality', lines)).toEqual({ line: 2, column: 'municipality' });
    expect(lineOf('$.population.cases[1].case', lines)).toEqual({ line: 3 });
    expect(lineOf('$.population.cases[9].case', lines)).toBeUndefined();
    expect(lineOf('$.scenario.variant.changes[0].value', lines)).toBeUndefined();
  });
});
