import * as path from 'path';
import { RecordIndex } from '../../src/core/index/recordIndex';
import { DEFAULT_SETTINGS, LodestarSettings } from '../../src/core/index/recordFolders';
import { NodeFileSystem } from '../../src/core/store/nodeFileSystem';
import { toPortPath } from '../../src/core/store/fileSystem';
import { makeTempDir, writeFiles } from '../fixtures/gitRepo';

/** A folder of files, indexed with the real Node file system. */
export async function indexOf(
  files: Record<string, string | Uint8Array>,
  settings: Partial<LodestarSettings> = {},
): Promise<{ root: string; index: RecordIndex }> {
  const root = makeTempDir();
  writeFiles(root, files);
  const index = new RecordIndex(new NodeFileSystem(), toPortPath(root), { ...DEFAULT_SETTINGS, ...settings });
  await index.build();
  return { root, index };
}

export function byName(index: RecordIndex, name: string) {
  const r = index.records().find((x) => x.path.endsWith(`/${name}`));
  if (!r)
    throw new Error(
      `no record ${name}; have ${index
        .records()
        .map((x) => x.path)
        .join(', ')}`,
    );
  return r;
}

/** Each record's file name, number, title, status and date (the real-world surveys' readings). */
export function readings(index: RecordIndex): [string, number | null, string, string | null, string | null][] {
  return index
    .records()
    .map((r): [string, number | null, string, string | null, string | null] => [path.basename(r.path), r.number, r.title, r.status, r.date])
    .sort((a, b) => a[0].localeCompare(b[0]));
}

/** Each link of a record, with its target as the file it names. */
export function linksOf(index: RecordIndex, name: string): string[] {
  const r = byName(index, name);
  return index.linksOf(r).map((l) => `${l.kind} ${path.basename(index.resolveLink(r, l.target))}`);
}

/** The index's problems but the missing sections and number gaps (the fixtures leave sections out): `file:line code`. */
export function surveyProblems(index: RecordIndex): string[] {
  return index
    .problems()
    .filter((p) => p.code !== 'missing-section' && p.code !== 'number-gap')
    .map((p) => `${path.basename(p.path)}:${p.line} ${p.code}`);
}
