// End to end in headless Chromium: the pages as a person uses them, keyboard and screen reader
// semantics included (fields are found by their labels), and axe-core on every page. A screenshot of
// each page is kept in test/web/screenshots/.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Evaluator } from '../../src/engine/evaluator.ts';
import { loadRuleBase } from '../../src/rulebase/load.ts';
import { describeViolations, hasChromium, SCREENSHOTS, seriousViolations, startSession, type Session } from './browser.ts';

describe.skipIf(!hasChromium)('web front in Chromium', { timeout: 90_000 }, () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  const accessible = async (page: Page, name: string) => {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    const violations = await seriousViolations(page);
    expect(describeViolations(violations)).toBe('');
    expect(s.errors).toEqual([]);
  };

  /** The decision for the form as it stands now (no answer pending). */
  const settled = (page: Page) => page.locator('#decision:not([aria-busy])').waitFor();

  const yes = (page: Page, group: string, answer: 'Ja' | 'Nee') =>
    page.getByRole('group', { name: group, exact: true }).getByLabel(answer, { exact: true }).check();

  /**
   * The mantelzorg example (examples/mantelzorg.yaml) typed into the form, simulated under Groningen's
   * concept (the model's criteria): the concept switch is ticked, as a user must to see a concept.
   */
  async function fillMantelzorg(page: Page) {
    await page.getByLabel('Gemeente', { exact: true }).selectOption('GM0014');
    await page.getByLabel('Concept simuleren (geen vastgestelde regeling)').check();
    await page.getByLabel('Aanvraagdatum').fill('2026-08-03');
    await page.getByLabel('Leeftijd (jaren)').fill('46');
    await yes(page, 'Verblijft rechtmatig in Nederland', 'Ja');
    await page.getByLabel('Aantal volwassenen').fill('1');
    await page.getByLabel('Aantal minderjarige kinderen').fill('1');
    await page.getByLabel('Huishoudinkomen per jaar (euro)').fill('27000');
    await page.getByLabel('Netto huishoudinkomen per maand (euro)').fill('1850');
    await page.getByLabel('Woongemeente (CBS-code)').fill('GM0014');
    await page.getByLabel('Jaren ingeschreven in de gemeente').fill('9');
    await page.getByLabel('Huidige woonsituatie').selectOption('tenant');
    await page.getByLabel('Jaren zelfstandig wonend').fill('20');
    // For a statutory category only binding to the woningmarktregio may be asked (Hvw art. 14 lid 6).
    await yes(page, 'Economisch of maatschappelijk gebonden aan de woningmarktregio', 'Ja');
    await page.getByLabel('Punten in het woonruimteverdeelsysteem').fill('40');
    // The claim checkbox is reached and ticked from the keyboard.
    await page.getByLabel('Aanvraag op grond van mantelzorg').focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Verleent of ontvangt mantelzorg').selectOption('giver');
    await page.getByLabel('Uren mantelzorg per week').fill('10');
    await page.getByLabel('Verwachte duur van de zorg (maanden)').fill('24');
    await page.getByLabel('Huidige afstand tot de ander (km)').fill('12');
    await yes(page, 'Zorgbehoefte beoordeeld door het sociaal team', 'Ja');
    for (const g of ['Situatie verwijtbaar ontstaan of voorzienbaar', 'Kan het probleem binnen drie maanden zelf oplossen', 'Heeft huurachterstand', 'Heeft overlast veroorzaakt of is daarvoor uitgezet']) {
      await yes(page, g, 'Nee');
    }
  }

  it('intake: a mantelzorg case is urgent, with its reasoning; without the hours it is undetermined and names that fact', async () => {
    const page = await s.open('/toetsen');
    const posted: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && posted.push(new URL(r.url()).search));
    await fillMantelzorg(page);
    await settled(page);
    expect(posted.at(-1)).toBe('?concept=true');
    const verdict = page.locator('#outcome .verdict.urgent');
    expect(await verdict.textContent()).toContain('Urgent');
    expect(await verdict.textContent()).toContain('in de categorie Mantelzorg');
    const body = page.locator('#decision-body');
    expect(await body.textContent()).toContain('U verleent of ontvangt 10 uur mantelzorg per week; vereist is minimaal 8 uur');
    expect(await body.textContent()).toMatch(/Geldig.*van 2026-08-03 tot 2026-11-03 \(3 maanden\)/);
    // The sentence's article reference links to the article on the regulation page.
    const link = body.getByRole('link', { name: 'art. 2.6 lid 1 onder a' });
    expect(await link.getAttribute('href')).toBe('/regeling?gemeente=GM0014&datum=2026-08-03#art-2.6');
    await accessible(page, 'intake-urgent');

    await page.getByLabel('Uren mantelzorg per week').fill('');
    await settled(page);
    expect(await page.locator('#outcome .verdict-title').textContent()).toBe('Nog niet te bepalen');
    const missing = page.getByRole('region', { name: /Nog nodig om te beslissen/ });
    const first = missing.getByRole('listitem').first();
    expect(await first.textContent()).toContain('Uren mantelzorg per week');
    expect(await page.locator('#f-grounds-mantelzorg-hoursPerWeek-need').textContent()).toContain('Nodig om te beslissen');
    // Following the link puts the keyboard in the field.
    await missing.getByRole('link', { name: 'Uren mantelzorg per week' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-grounds-mantelzorg-hoursPerWeek');
    await accessible(page, 'intake-undetermined');
    await page.close();
  });

  it('intake: the missing facts are listed as the decision lists them, each linked to its field', async () => {
    // Medical urgency ranks above mantelzorg: the engine asks for its open facts first.
    const decision = await new Evaluator(loadRuleBase()).evaluate({
      applicationDate: '2026-09-01',
      applicant: { age: 40, lawfulResidence: true },
      household: { adults: 1, minorChildren: 0 },
      income: { annualHousehold: 20000 },
      residence: { yearsRegistered: 5 },
      grounds: { mantelzorg: { expectedDurationMonths: 24, distanceKm: 12, assessedBySocialTeam: true }, medical: {} },
      conduct: { ownFault: false, canSolveWithinThreeMonths: false, rentArrears: false, nuisance: false },
    }, 'GM1966', { concept: true });
    expect(decision.missingFacts.length).toBeGreaterThan(1);
    const page = await s.browser.newPage();
    await page.route('**/v1/regulations/*/evaluations', (route) => route.fulfill({ json: decision }));
    await page.goto(`${s.origin}/toetsen?gemeente=GM1966&datum=2026-09-01`);
    await settled(page);
    const items = page.getByRole('region', { name: 'Nog nodig om te beslissen' }).getByRole('listitem');
    expect(await items.count()).toBe(decision.missingFacts.length);
    for (const [i, m] of decision.missingFacts.entries()) {
      expect(await items.nth(i).getByRole('link').textContent()).toBe(m.label);
      expect(await items.nth(i).getByRole('link').getAttribute('data-focus-field')).toBe(m.fact);
    }
    await page.close();
  });

  it('intake: without the concept switch a municipality without an adopted scheme has none in force (Hvw art. 51 lid 10); with it, a simulation', async () => {
    const page = await s.open('/toetsen?gemeente=GM0047&datum=2026-09-01');
    const posted: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && posted.push(new URL(r.url()).search));
    const concept = page.getByLabel('Concept simuleren (geen vastgestelde regeling)');
    expect(await concept.isChecked()).toBe(false); // off by default
    await page.getByLabel('Leeftijd (jaren)').fill('40');
    await settled(page);
    expect(posted.at(-1)).toBe('');
    expect(await page.locator('#outcome .verdict.problem').textContent()).toContain('Geen urgentieregeling van kracht');
    expect(await page.locator('#decision-body').textContent()).toContain('Concept simuleren');
    // Chromium logs each 422 answer (on load and after typing) as a console error: the only errors expected here.
    const errors = s.errors.splice(0);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
    await concept.check();
    await settled(page);
    expect(posted.at(-1)).toBe('?concept=true');
    expect(await page.locator('#outcome .verdict.problem').count()).toBe(0);
    expect(await page.locator('#decision').textContent()).toContain('Simulatie van een concept');
    await accessible(page, 'intake-concept');
    await page.close();
  });

  it('intake in English: labels and the decision switch language', async () => {
    const page = await s.open('/toetsen?lang=en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByLabel('Age (years)').fill('15');
    await page.getByLabel('Apply on the ground of mantelzorg (informal care)').check();
    await page.getByLabel('Hours of mantelzorg a week').fill('10');
    await settled(page);
    expect(await page.locator('#outcome .verdict-title').textContent()).toBe('Not urgent');
    expect(await page.locator('#decision-body').textContent()).toContain('You are 15 years old; the minimum is 18');
    await page.close();
  });

  it('regulation browser: layers, categories in words, parameters with sources, article texts', async () => {
    // On 2026-09-01 Groningen's adopted Huisvestingsverordening 2025 is in force, under the Wvrv text of the law.
    const page = await s.open('/regeling?gemeente=GM0014&datum=2026-09-01');
    expect(await page.getByRole('heading', { level: 2, name: /Huisvestingsverordening 2025 Gemeente Groningen/ }).count()).toBe(1);
    const mantelzorg = page.getByRole('region', { name: 'Mantelzorg', exact: true });
    expect(await mantelzorg.textContent()).toContain('Verwachte duur van de mantelzorg');
    expect(await page.locator('#parameters').textContent()).toContain('Geldigheidsduur woonurgentie');
    expect(await page.locator('#art-U5').textContent()).toContain('Mantelzorg');
    // The law's articles verbatim: art. 12 (lid 3 holds the categories a–j).
    expect(await page.locator('#wet-art-12').count()).toBe(1);
    await accessible(page, 'regeling');
    // Another date through the form: before 2026-07-01 Het Hogeland has no scheme.
    await page.getByLabel('Gemeente', { exact: true }).selectOption('GM1966');
    await page.getByLabel('Peildatum').fill('2026-01-01');
    await page.getByRole('button', { name: 'Tonen' }).click();
    await page.getByRole('heading', { name: 'Geen regeling van kracht' }).waitFor();
    await page.close();
  });

  it('diff: Groningen against the model — changes with direction and witnesses, redline, printable', async () => {
    const page = await s.open('/vergelijken');
    await page.getByLabel('Gemeente', { exact: true }).selectOption('GM0014');
    await page.getByLabel('Vergelijken met', { exact: true }).selectOption('model');
    await page.getByLabel('Peildatum').fill('2026-09-01');
    await page.getByRole('button', { name: 'Vergelijken', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Groningen ten opzichte van het model' }).waitFor();
    expect(await page.locator('.diff-summary').textContent()).toMatch(/\d+ strenger/);
    const categories = page.getByRole('region', { name: 'Categorieën', exact: true });
    expect(await categories.textContent()).toContain('Toegevoegd: Acute noodsituatie');
    expect(await page.locator('.witness').first().textContent()).toMatch(/het model.*Groningen/s);
    expect(await page.locator('.redline del').count()).toBeGreaterThan(0);
    expect(await page.locator('.redline ins').count()).toBeGreaterThan(0);
    await accessible(page, 'vergelijken');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site nav').isVisible()).toBe(false);
    expect(await page.locator('form.picker').isVisible()).toBe(false);
    expect(await page.locator('.diff-report').isVisible()).toBe(true);
    await page.close();
  });

  it('scenario workbench: mantelzorg 8 → 10 hours over 100,000 generated cases shows the matrix and the fair share; a CSV upload runs too, through the API', async () => {
    const page = await s.open('/scenarios?gemeente=GM1966&datum=2026-08-01');
    const posts: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && posts.push(new URL(r.url()).pathname));
    const result = page.locator('#scenario-report');
    const status = page.locator('#scenario-status');
    const run = async () => {
      await page.getByRole('button', { name: 'Doorrekenen' }).click();
      await page.locator('#scenario-result:not([aria-busy])').waitFor({ timeout: 60_000 });
    };
    await page.getByLabel('Minimaal aantal uren mantelzorg per week (uur/week)').fill('10');
    await run();
    expect(await status.textContent()).toMatch(/^Klaar/);
    expect(await result.locator('figure.matrix svg[role="img"]').count()).toBe(1);
    expect(await result.textContent()).toContain('100.000');
    // Cases that needed 8 to 10 hours lose mantelzorg urgency.
    expect(await result.locator('tr', { hasText: 'urgent: Mantelzorg' }).filter({ hasText: 'niet urgent' }).count()).toBeGreaterThan(0);
    expect(await result.locator('figure.bars svg[role="img"]').count()).toBe(1);
    await accessible(page, 'scenarios');

    // A case of our own, uploaded as CSV in the scenario issue's format.
    const row = { id: 'a', municipality: 'GM1966', case: { applicationDate: '2026-08-01', applicant: { age: 40, lawfulResidence: true }, household: { adults: 1, minorChildren: 0 }, income: { annualHousehold: 20000 }, residence: { municipality: 'GM1966', yearsRegistered: 5, boundToRegion: true }, grounds: { mantelzorg: { role: 'giver' as const, hoursPerWeek: 9, expectedDurationMonths: 24, distanceKm: 12, assessedBySocialTeam: true } }, conduct: { ownFault: false, canSolveWithinThreeMonths: false, rentArrears: false, nuisance: false } } };
    const { csvHeader, csvLine } = await import('../../src/scenario/population/csv.ts');
    const upload = (lines: string[]) => page.getByLabel('Bestand', { exact: true })
      .setInputFiles({ name: 'aanvragen.csv', mimeType: 'text/csv', buffer: Buffer.from([csvHeader().join(','), ...lines].join('\n') + '\n') });
    await page.getByLabel(/CSV-bestand/).check();
    await upload([csvLine(row)]);
    await run();
    expect(await status.textContent()).toMatch(/^Klaar/);
    expect(await result.locator('tr', { hasText: 'urgent: Mantelzorg' }).filter({ hasText: 'niet urgent' }).locator('td').last().textContent()).toBe('1');

    // A cell that is no number is named by its line in the browser, and the file is not sent.
    const sent = posts.length;
    await upload([csvLine(row), csvLine(row).replace(',40,', ',veertig,')]);
    await run();
    expect(await status.textContent()).toBe('Doorrekenen mislukt.');
    expect(await result.getByRole('alert').textContent()).toContain("regel 3, applicant.age: 'veertig' is geen getal");
    expect(posts.length).toBe(sent);
    await accessible(page, 'scenarios-csv-error');
    // A value the API refuses comes back named by its line too.
    await upload([csvLine(row), csvLine({ ...row, case: { ...row.case, applicant: { age: -3, lawfulResidence: true } } })]);
    await run();
    expect(await result.getByRole('alert').textContent()).toMatch(/^Ongeldige invoer.*regel 3, applicant\.age: /);
    // Chromium logs each 400 answer as a console error: the only errors expected here. Choosing the file
    // may start a live run before the click does, so there are one or two of them.
    const errors = s.errors.splice(0);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);

    // Every run went to the API's scenario endpoint; the web has none of its own.
    expect(new Set(posts)).toEqual(new Set(['/v1/scenarios']));
    expect((await fetch(`${s.origin}/scenarios/run`, { method: 'POST' })).status).toBe(404);
    await page.close();
  });
});
