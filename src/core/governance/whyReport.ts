import { relativePath, relativeTo } from '../store/fileSystem';
import { LodestarRecord } from '../records/record';
import { compareGoverning, Governance, isActiveRecord } from './governance';

/** The `lodestar why --json` contract: paths relative to the root with `/`. */
export interface WhyReport {
  paths: {
    path: string;
    records: { path: string; number: number | null; title: string; status: string | null; supersededBy: string | null }[];
  }[];
}

export interface WhyEntry {
  /** Relative to the root, as reported. */
  path: string;
  records: { record: LodestarRecord; successor?: LodestarRecord }[];
}

/**
 * For each absolute path, the records that govern it (active first), each
 * superseded, deprecated or rejected one with the record that replaced it.
 * `top` is the repository's top folder (globs are relative to it), `root`
 * the folder paths are reported from.
 */
export function governingEntries(
  paths: readonly string[],
  governance: Governance,
  top: string,
  root: string,
  successorOf: (r: LodestarRecord) => LodestarRecord | undefined,
): WhyEntry[] {
  return paths.map((abs) => {
    const inRepo = relativePath(top, abs) ?? '';
    return {
      path: relativeTo(root, abs),
      records: governance.recordsFor(inRepo).map((record) => ({ record, successor: isActiveRecord(record) ? undefined : successorOf(record) })),
    };
  });
}

export function buildWhyReport(entries: readonly WhyEntry[], root: string): WhyReport {
  return {
    paths: entries.map((e) => ({
      path: e.path,
      records: e.records.map(({ record, successor }) => ({
        path: relativeTo(root, record.path),
        number: record.number,
        title: record.title,
        status: record.status,
        supersededBy: successor ? relativeTo(root, successor.path) : null,
      })),
    })),
  };
}

/** A record that governs some of the files a branch changes (`lint --base`), with those files. */
export interface GoverningChange {
  record: LodestarRecord;
  successor?: LodestarRecord;
  /** Repository-relative paths of the changed files it governs, sorted. */
  files: string[];
}

/** The records governing any of `changed` (repository-relative paths), each once, in why's order, with the files it governs. */
export function governingOfChanges(
  changed: readonly string[],
  governance: Governance,
  successorOf: (r: LodestarRecord) => LodestarRecord | undefined,
): GoverningChange[] {
  const byRecord = new Map<LodestarRecord, string[]>();
  for (const file of [...changed].sort()) {
    for (const record of governance.recordsFor(file)) {
      const files = byRecord.get(record);
      if (files) files.push(file);
      else byRecord.set(record, [file]);
    }
  }
  return [...byRecord.entries()]
    .sort(([a], [b]) => compareGoverning(a, b))
    .map(([record, files]) => ({ record, successor: isActiveRecord(record) ? undefined : successorOf(record), files }));
}
