// The rule base's refusals as the API answers them: an unknown municipality is 404; a known one with no
// version of its regulation in force on the date asked for is 422, naming the nearest versions.
import { NotInForceError, UnknownMunicipalityError } from '../rulebase/rulebase.ts';
import { ApiProblem } from '../http/problem.ts';
import { nearestVersions } from '../views/regulation.ts';
import { citeBasis } from '../rulebase/cite.ts';

// Only a well-formed CBS code is repeated in the answer: whatever else a client put in the path is not echoed.
export const unknownMunicipality = (code: string) => {
  const named = /^GM\d{4}$/.test(code);
  return new ApiProblem(404, 'onbekende-gemeente',
    { nl: 'Onbekende gemeente', en: 'Unknown municipality' },
    {
      nl: `${named ? `Gemeente '${code}' komt` : 'Deze gemeentecode (verwacht GM en vier cijfers) komt'} niet voor in de regelbasis; zie GET /v1/regulations voor de gemeenten die er wel in staan.`,
      en: `${named ? `Municipality '${code}' is` : 'This municipality code (expected GM and four digits) is'} not in the rule base; see GET /v1/regulations for the municipalities that are.`,
    });
};

export function notInForce(e: NotInForceError) {
  const near = nearestVersions(e);
  const mention = (lang: 'nl' | 'en') => near.map((v) => {
    const period = v.validUntil ? `${v.validFrom} – ${v.validUntil}` : (lang === 'nl' ? `vanaf ${v.validFrom}` : `from ${v.validFrom}`);
    const rel = v.relation === 'previous' ? (lang === 'nl' ? 'vorige versie' : 'previous version') : (lang === 'nl' ? 'volgende versie' : 'next version');
    const status = lang === 'nl' && v.status === 'adopted' ? 'vastgesteld' : v.status;
    return `${rel}: ${period} (${status})`;
  }).join('; ');
  const encoded = e.reason === 'not-encoded';
  const transition = e.transition && {
    nl: `${citeBasis(e.transition.basis, 'nl')} geeft de gemeenteraad tot ${e.transition.deadline ?? 'een bij koninklijk besluit te bepalen tijdstip (nog niet bepaald)'} om er een vast te stellen`,
    en: `${citeBasis(e.transition.basis, 'en')} gives the council until ${e.transition.deadline ?? 'a date to be set by royal decree (not yet set)'} to adopt one`,
  };
  const concept = e.concept && {
    nl: `het concept '${e.concept.chain.at(-1)!.title}' kan worden gesimuleerd met ?concept=true (geen besluit)`,
    en: `the concept '${e.concept.chain.at(-1)!.title}' can be simulated with ?concept=true (not a decision)`,
  };
  const detail = (lang: 'nl' | 'en') => [
    encoded
      ? (lang === 'nl' ? `Voor ${e.date} is in ${e.where} geen verordening in de regelbase opgenomen` : `No verordening is encoded for ${e.where} on ${e.date}`)
      : (lang === 'nl' ? `Op ${e.date} is in ${e.where} geen urgentieregeling van kracht: de gemeenteraad heeft er geen vastgesteld` : `No urgentieregeling is in force in ${e.where} on ${e.date}: the council has not adopted one`),
    ...(transition ? [transition[lang]] : []),
    near.length ? mention(lang) : (lang === 'nl' ? 'er is geen vastgestelde versie' : 'there is no adopted version'),
    ...(concept ? [concept[lang]] : []),
  ].join('; ') + '.';
  return new ApiProblem(422, encoded ? 'geen-verordening-opgenomen' : 'geen-regeling-van-kracht',
    encoded ? { nl: 'Geen verordening opgenomen voor deze datum', en: 'No verordening encoded for this date' } : { nl: 'Geen urgentieregeling van kracht', en: 'No urgentieregeling in force' },
    { nl: detail('nl'), en: detail('en') },
    { nearestVersions: near, ...(e.transition && { legalBasis: citeBasis(e.transition.basis, 'nl') }), ...(e.concept && { concept: { title: e.concept.chain.at(-1)!.title, validFrom: e.concept.from } }) });
}

/** For the error handler: the problem a rule-base error stands for, or undefined for any other error. */
export function rulebaseProblem(err: unknown): ApiProblem | undefined {
  if (err instanceof UnknownMunicipalityError) return unknownMunicipality(err.code);
  if (err instanceof NotInForceError) return notInForce(err);
  return undefined;
}
