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
    /** Only on decisions and design docs that declare `applies-to`: the globs as written. */
    appliesTo?: string[];
  }[];
  problems: Problem[];
}

const KIND_ORDER = ['decision', 'design', 'person', 'session', 'activity'];

export function buildIndexReport(index: RecordIndex, extraProblems: Problem[] = []): IndexReport {
  const rel = (p: string): string => relativeTo(index.root, p);
  const records = index
    .records()
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compareText(a.path, b.path))
    .map((r: LodestarRecord) => ({
      kind: r.kind,
      path: rel(r.path),
      number: r.number,
      title: r.title,
      status: r.status,
      date: r.date,
      dialect: r.dialect,
      links: index.linksOf(r).map((l) => {
        const target = index.resolveLink(r, l.target);
        return { kind: l.kind, target: target.startsWith('/') ? rel(target) : target };
      }),
      pullRequests: r.pullRequests,
      private: r.private,
      ...(r.kind === 'decision' || r.kind === 'design' ? { tags: r.tags ?? [] } : {}),
      ...(r.appliesTo ? { appliesTo: r.appliesTo } : {}),
    }));
  const problems = [...index.problems(), ...extraProblems]
    .map((p) => ({ ...p, path: rel(p.path) }))
    .sort((a, b) => compareText(a.path, b.path) || a.line - b.line || compareText(a.code, b.code));
  return { records, problems };
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
