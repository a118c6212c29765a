// File sets and their versions: one file per version, named by its valid-from date. Adopted versions and
// concepts are two tracks of one set: a concept may run beside the adopted text it would replace. Within
// a track a version without validUntil lasts until the next one starts; versions may not overlap, and a
// gap between them is a period for which no version is encoded.
import { addDays, within } from './dates.ts';
import { at, type ParsedFile } from './parse.ts';
import type { Problem } from './problems.ts';

export interface Version {
  file: ParsedFile;
  status: 'adopted' | 'concept';
  validFrom: string;
  /** Last day in force: the explicit validUntil, else the day before the next version; absent = open-ended. */
  validUntil?: string;
}

export interface FileSet {
  /** Folder below rules/, e.g. `gemeente/GM0014-groningen`: what `extends` names. */
  id: string;
  versions: Version[];
}

export function groupFileSets(files: ParsedFile[]): { sets: Map<string, FileSet>; problems: Problem[] } {
  const byFolder = new Map<string, ParsedFile[]>();
  for (const f of files) {
    const folder = f.file.slice(0, f.file.lastIndexOf('/'));
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), f]);
  }
  const sets = new Map<string, FileSet>();
  const problems: Problem[] = [];
  for (const [id, members] of byFolder) {
    members.sort((a, b) => a.content.validFrom.localeCompare(b.content.validFrom));
    const versions: Version[] = [];
    for (const status of ['adopted', 'concept'] as const) {
      const track = members.filter((f) => f.content.status === status);
      track.forEach((file, i) => {
        const next = track[i + 1];
        versions.push({ file, status, validFrom: file.content.validFrom, validUntil: file.content.validUntil ?? (next && addDays(next.content.validFrom, -1)) });
        const until = file.content.validUntil;
        if (next && until && until >= next.content.validFrom) {
          problems.push(at(file.file, file.locate, ['validUntil'], `overlapt met de versie vanaf ${next.content.validFrom}: versies van ${id} mogen elkaar niet overlappen`));
        }
      });
    }
    versions.sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.status.localeCompare(b.status));
    const seenStart = new Set<string>();
    for (const v of versions) {
      if (seenStart.has(v.validFrom)) problems.push(at(v.file.file, v.file.locate, ['validFrom'], `twee versies van ${id} beginnen op ${v.validFrom}`));
      seenStart.add(v.validFrom);
    }
    sets.set(id, { id, versions });
  }
  return { sets, problems };
}

/** The version of a track on `date`; without a status, the adopted one, else a concept (a model or region). */
export function versionOn(set: FileSet, date: string, status?: 'adopted' | 'concept'): Version | undefined {
  const on = set.versions.filter((v) => within(date, v.validFrom, v.validUntil));
  return status ? on.find((v) => v.status === status) : on.find((v) => v.status === 'adopted') ?? on[0];
}
