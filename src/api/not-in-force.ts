// 422: the municipality exists, but no version of its regulation is in force on the date asked for.
import type { NotInForceError } from '../rulebase/rulebase.ts';
import { ApiProblem } from './problem.ts';
import { nearestVersions } from '../views/regulation.ts';

export function notInForce(e: NotInForceError): ApiProblem {
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
