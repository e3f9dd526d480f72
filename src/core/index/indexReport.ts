import { LodestarRecord, Problem } from '../records/record';
import { RecordIndex } from './recordIndex';
import { relativeTo } from '../store/fileSystem';

/** The `lodestar index --json` contract: paths relative to the root with `/`. */
export interface IndexReport {
  records: {
    kind: string;
    path: string;
    number: number | null;
    title: string;
    status: string | null;
    date: string | null;
    dialect: string;
    links: { kind: string; target: string }[];
    pullRequests: string[];
    private: boolean;
    /** Added field: decisions and design docs carry their tags (possibly empty); other kinds have none. */
    tags?: string[];
    /** Added field, on decisions only (possibly empty): the deciders (MADR's `decision-makers`/`deciders`, `Deciders:`), as written. */
    deciders?: string[];
    /** Added fields, on design docs only (possibly empty): who wrote, reviewed and approved it, as written. */
    authors?: string[];
    reviewers?: string[];
    approvers?: string[];
    /** Only on decisions and design docs that declare `applies-to`: the globs as written. */
    appliesTo?: string[];
  }[];
  problems: Problem[];
}

const KIND_ORDER = ['decision', 'design', 'person', 'session', 'activity'];

export function buildIndexReport(index: RecordIndex, extraProblems: Problem[] = [], pullRequests?: (refs: string[]) => string[]): IndexReport {
  const records = indexReportRecords(index).map((r) => indexReportRecord(index, r, pullRequests));
  return { records, problems: indexReportProblems(index, extraProblems) };
}

/** The records in report order: by kind, then by path. */
export function indexReportRecords(index: RecordIndex): LodestarRecord[] {
  return index.records().sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compareText(a.path, b.path));
}

/**
 * One record as the report lists it (made one at a time when the report is written as it is made);
 * `pullRequests` writes its references as listed (short forms resolved against the remotes, in `lodestar index`).
 */
export function indexReportRecord(
  index: RecordIndex,
  r: LodestarRecord,
  pullRequests: (refs: string[]) => string[] = (refs) => refs,
): IndexReport['records'][number] {
  const rel = (p: string): string => relativeTo(index.root, p);
  return {
    kind: r.kind,
    path: rel(r.path),
    number: r.number,
    title: r.title,
    status: r.status,
    date: r.date,
    dialect: r.dialect,
    links: index.linksOf(r).map((l) => {
      const target = index.resolveLink(r, l.target);
      // A record's path when the link names one; else the text as written (`superseded_by: "0017"`, not `ADR-17`).
      return { kind: l.kind, target: target.startsWith('/') ? rel(target) : l.via === 'front-matter' && l.label !== undefined ? l.label : target };
    }),
    pullRequests: r.pullRequests.length === 0 ? r.pullRequests : pullRequests(r.pullRequests),
    private: r.private,
    ...(r.kind === 'decision' || r.kind === 'design' ? { tags: r.tags ?? [] } : {}),
    ...(r.kind === 'decision' ? { deciders: r.people } : {}),
    ...(r.kind === 'design' ? { authors: r.authors ?? [], reviewers: r.reviewers ?? [], approvers: r.approvers ?? [] } : {}),
    ...(r.appliesTo ? { appliesTo: r.appliesTo } : {}),
  };
}

/** Every problem, paths relative to the root, by path, line and code. */
export function indexReportProblems(index: RecordIndex, extraProblems: Problem[] = []): Problem[] {
  const rel = (p: string): string => relativeTo(index.root, p);
  return [...index.problems(), ...extraProblems]
    .map((p) => ({ ...p, path: rel(p.path) }))
    .sort((a, b) => compareText(a.path, b.path) || a.line - b.line || compareText(a.code, b.code));
}

/** `lint` lines: `path:line: severity code message`. */
export function formatProblem(p: Problem): string {
  return `${p.path}:${p.line}: ${p.severity} ${p.code} ${p.message}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The choice whose record folder holds `path` (the deepest one). */
export function indexOfRecordFolder<T extends { folder: string }>(choices: T[], path: string): T | undefined {
  return choices.filter((c) => path.startsWith(`${c.folder}/`)).sort((a, b) => b.folder.length - a.folder.length)[0];
}
