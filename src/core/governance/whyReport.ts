import { relativeTo } from '../index/indexReport';
import { LodestarRecord } from '../records/record';
import { relativePath } from '../store/fileSystem';
import { Governance, isActiveRecord } from './governance';

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
export function governingEntries(paths: readonly string[], governance: Governance, top: string, root: string, successorOf: (r: LodestarRecord) => LodestarRecord | undefined): WhyEntry[] {
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
