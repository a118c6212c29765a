// File sets and their versions: one file per version, named by its valid-from date. A version without
// validUntil lasts until the next one starts; versions may neither overlap nor leave a gap.
import { addDays, within } from './dates.ts';
import { at, type ParsedFile } from './parse.ts';
import type { Problem } from './problems.ts';

export interface Version {
  file: ParsedFile;
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
    const versions = members.map((file, i): Version => {
      const next = members[i + 1];
      return { file, validFrom: file.content.validFrom, validUntil: file.content.validUntil ?? (next && addDays(next.content.validFrom, -1)) };
    });
    for (let i = 1; i < versions.length; i++) {
      const prev = versions[i - 1]!;
      const cur = versions[i]!;
      const { file, locate } = prev.file;
      if (prev.validUntil! >= cur.validFrom) {
        problems.push(at(file, locate, ['validUntil'], `overlapt met de versie vanaf ${cur.validFrom}: versies van ${id} mogen elkaar niet overlappen`));
      } else if (addDays(prev.validUntil!, 1) !== cur.validFrom) {
        problems.push(at(file, locate, ['validUntil'], `gat tussen ${prev.validUntil} en ${cur.validFrom}: op ${addDays(prev.validUntil!, 1)} is geen versie van ${id} van kracht`));
      }
    }
    const seenStart = new Set<string>();
    for (const v of versions) {
      if (seenStart.has(v.validFrom)) problems.push(at(v.file.file, v.file.locate, ['validFrom'], `twee versies van ${id} beginnen op ${v.validFrom}`));
      seenStart.add(v.validFrom);
    }
    sets.set(id, { id, versions });
  }
  return { sets, problems };
}

export const versionOn = (set: FileSet, date: string): Version | undefined =>
  set.versions.find((v) => within(date, v.validFrom, v.validUntil));
