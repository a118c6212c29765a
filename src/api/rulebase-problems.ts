// The rule base's refusals as the API answers them: an unknown municipality is 404; a known one with no
// version of its regulation in force on the date asked for is 422, naming the nearest versions.
import { NotInForceError, UnknownMunicipalityError } from '../rulebase/rulebase.ts';
import { ApiProblem } from '../http/problem.ts';
import { nearestVersions } from '../views/regulation.ts';

export const unknownMunicipality = (code: string) => new ApiProblem(404, 'onbekende-gemeente',
  { nl: 'Onbekende gemeente', en: 'Unknown municipality' },
  {
    nl: `Gemeente '${code}' komt niet voor in de regelbasis; zie GET /v1/regulations voor de gemeenten die er wel in staan.`,
    en: `Municipality '${code}' is not in the rule base; see GET /v1/regulations for the municipalities that are.`,
  });

export function notInForce(e: NotInForceError) {
  const near = nearestVersions(e);
  const mention = (lang: 'nl' | 'en') => near.map((v) => {
    const period = v.validUntil ? `${v.validFrom} – ${v.validUntil}` : (lang === 'nl' ? `vanaf ${v.validFrom}` : `from ${v.validFrom}`);
    const rel = v.relation === 'previous' ? (lang === 'nl' ? 'vorige versie' : 'previous version') : (lang === 'nl' ? 'volgende versie' : 'next version');
    const status = lang === 'nl' && v.status === 'adopted' ? 'vastgesteld' : v.status;
    return `${rel}: ${period} (${status})`;
  }).join('; ');
  const nl = `Op ${e.date} is in ${e.where} geen urgentieregeling van kracht`;
  const en = `No urgentieregeling is in force in ${e.where} on ${e.date}`;
  return new ApiProblem(422, 'geen-regeling-van-kracht',
    { nl: 'Geen regeling van kracht', en: 'No regulation in force' },
    { nl: near.length ? `${nl}; ${mention('nl')}.` : `${nl}; er is geen enkele versie.`, en: near.length ? `${en}; ${mention('en')}.` : `${en}; there is no version at all.` },
    { nearestVersions: near });
}

/** For the error handler: the problem a rule-base error stands for, or undefined for any other error. */
export function rulebaseProblem(err: unknown): ApiProblem | undefined {
  if (err instanceof UnknownMunicipalityError) return unknownMunicipality(err.code);
  if (err instanceof NotInForceError) return notInForce(err);
  return undefined;
}
