// Population files: CSV and NDJSON read as streams, every problem named by line and column, nothing
// skipped silently (rows + errors account for every line).
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readPopulation, type PopulationFormat } from '../../src/scenario/population/read.ts';
import { csvHeader, csvLine, splitCsvLine } from '../../src/scenario/population/csv.ts';
import { generatePopulation } from '../../src/scenario/population/generator.ts';
import type { PopulationError, PopulationRow } from '../../src/scenario/model/schema.ts';

async function read(text: string, format: PopulationFormat, chunk = 7) {
  // Small chunks: lines are split across chunks, as in a real stream.
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += chunk) parts.push(text.slice(i, i + chunk));
  const rows: PopulationRow[] = [];
  const errors: PopulationError[] = [];
  for await (const b of readPopulation(Readable.from(parts), format)) {
    rows.push(...b.rows);
    errors.push(...b.errors);
  }
  return { rows, errors };
}

describe('CSV population', () => {
  it('reads dotted headers into nested cases; an empty cell is a missing fact', async () => {
    const { rows, errors } = await read([
      'id,municipality,applicant.age,grounds.mantelzorg.hoursPerWeek,conduct.ownFault,residence.housing',
      'a,GM0014,40,9.5,false,tenant',
      'b,GM1966,,,true,',
      '',
    ].join('\n').replace(/\n$/, '\n'), 'csv');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, id: 'a', municipality: 'GM0014', case: { applicant: { age: 40 }, grounds: { mantelzorg: { hoursPerWeek: 9.5 } }, conduct: { ownFault: false }, residence: { housing: 'tenant' } } },
      { line: 3, id: 'b', municipality: 'GM1966', case: { conduct: { ownFault: true } } },
    ]);
  });

  it('names an unknown column on line 1, with a suggestion, and reads nothing else', async () => {
    const { rows, errors } = await read('municipality,applicant.age,grounds.mantelzorg.hours\nGM0014,40,9\n', 'csv');
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ line: 1, column: 'grounds.mantelzorg.hours', message: expect.stringContaining("onbekende kolom 'grounds.mantelzorg.hours' (bedoelt u grounds.mantelzorg.hoursPerWeek?)") }]);
  });

  it('names every bad value with its line and column, and keeps the good lines', async () => {
    const text = [
      'municipality,applicant.age,applicant.lawfulResidence,residence.housing,household.minorChildren',
      'GM0014,40,true,tenant,0',
      'GM0014,veertig,ja,tent,1.5',
      'GM0014,-1,true,owner,2',
      'GM0014,30,true',
      '',
      'GM0014,"3""0",true,owner,1',
      ',30,true,owner,1',
    ].join('\n');
    const { rows, errors } = await read(text, 'csv');
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(errors).toEqual([
      { line: 3, column: 'applicant.age', message: "'veertig' is geen getal (gebruik een punt als decimaalteken)" },
      { line: 3, column: 'applicant.lawfulResidence', message: "'ja' is geen true of false" },
      { line: 3, column: 'residence.housing', message: "'tent' is geen geldige waarde (toegestaan: tenant, owner, living-in, institution, shelter, no-fixed-address)" },
      { line: 3, column: 'household.minorChildren', message: '1.5 is geen geheel getal' },
      { line: 4, column: 'applicant.age', message: '-1 is kleiner dan 0' },
      { line: 5, message: '3 velden, de kop heeft er 5' },
      { line: 6, message: 'lege regel' },
      { line: 7, column: 'applicant.age', message: `'3"0' is geen getal (gebruik een punt als decimaalteken)` },
      { line: 8, column: 'municipality', message: 'geen gemeente: vul municipality of residence.municipality' },
    ]);
    // Every line after the header is either a row or an error: nothing is skipped silently.
    expect(new Set([...rows.map((r) => r.line), ...errors.map((e) => e.line)]).size).toBe(text.split('\n').length - 1);
  });

  it('claims a ground by its own column even when every fact under it is unknown', async () => {
    const { rows } = await read('municipality,grounds.medical,grounds.medical.causedByDwelling,grounds.outflow\nGM0014,true,,false\nGM0014,,true,\nGM0014,,,\n', 'csv');
    expect(rows.map((r) => r.case)).toEqual([{ grounds: { medical: {} } }, { grounds: { medical: { causedByDwelling: true } } }, {}]);
  });

  it('takes the municipality of residence when there is no municipality column', async () => {
    const { rows } = await read('residence.municipality,applicant.age\nGM1966,30\n', 'csv');
    expect(rows[0]!.municipality).toBe('GM1966');
  });

  it('requires a municipality column (or residence.municipality)', async () => {
    expect((await read('applicant.age\n30\n', 'csv')).errors[0]!.message).toContain("kolom 'municipality' ontbreekt");
  });

  it('splits quoted fields (RFC 4180) and reports an unclosed quote', () => {
    expect(splitCsvLine('a,"b,c","d""e",')).toEqual(['a', 'b,c', 'd"e', '']);
    expect(splitCsvLine('a,"b')).toEqual({ error: expect.stringContaining('niet gesloten') });
  });

  it('round-trips the generator through CSV', async () => {
    const generated = [...generatePopulation({ size: 300, seed: 5 })];
    const text = [csvHeader().join(','), ...generated.map((r) => csvLine(r))].join('\n') + '\n';
    const { rows, errors } = await read(text, 'csv', 4096);
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.case)).toEqual(generated.map((r) => r.case));
    expect(rows.map((r) => r.line)).toEqual(generated.map((r) => r.line + 1));
  });
});

describe('NDJSON population', () => {
  it('reads records and names JSON and schema errors by line and path', async () => {
    const { rows, errors } = await read([
      '{"id":1,"municipality":"GM0014","case":{"applicant":{"age":40}}}',
      '{"case":{"residence":{"municipality":"GM1966"}}}',
      '{"municipality":"GM0014","case":{"applicant":{"age":"40"}}}',
      '{"municipality":"GM0014","case":{"applicant":{"length":180}}}',
      '{"municipality":',
      '{"case":{}}',
    ].join('\n'), 'ndjson');
    expect(rows.map((r) => [r.line, r.id, r.municipality])).toEqual([[1, '1', 'GM0014'], [2, undefined, 'GM1966']]);
    expect(errors.find((e) => e.line === 5)!.message).toContain('geen geldige JSON');
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'case.applicant.age'], [4, 'case.applicant'], [5, undefined], [6, 'municipality'],
    ]);
  });
});
