import { dirname, relativeTo } from '../store/fileSystem';
import { isIsoDate, Period, quarterOf } from '../records/calendar';

/** The periods offered by name (the report's picker and the dashboard's switcher), in this order. */
export const NAMED_PERIODS = [
  { id: 'this-quarter', label: 'This quarter' },
  { id: 'last-quarter', label: 'Last quarter' },
  { id: 'this-year', label: 'This year' },
] as const;

export type NamedPeriod = (typeof NAMED_PERIODS)[number]['id'];

export function isNamedPeriod(value: unknown): value is NamedPeriod {
  return NAMED_PERIODS.some((p) => p.id === value);
}

/** The calendar quarter of `today`, the one before it, or the calendar year of `today`. */
export function namedPeriod(id: NamedPeriod, today: string): Period {
  switch (id) {
    case 'this-quarter':
      return quarterOf(today);
    case 'last-quarter':
      return quarterOf(today, -1);
    case 'this-year':
      return { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` };
  }
}

/** Why a typed date cannot start or end a period, or undefined. */
export function dateProblem(value: string): string | undefined {
  return isIsoDate(value.trim()) ? undefined : 'A date written YYYY-MM-DD, e.g. 2026-07-01.';
}

/** Why `from`–`to` is not a period, or undefined. */
export function periodProblem(from: string, to: string): string | undefined {
  const bad = dateProblem(from) ?? dateProblem(to);
  if (bad) return bad;
  return from.trim() > to.trim() ? `The period ends (${to.trim()}) before it starts (${from.trim()}).` : undefined;
}

/** `2026 Q3` for a calendar quarter, `2026` for a calendar year, else `2026-07-01 to 2026-08-15`. */
export function periodName(p: Period): string {
  const q = quarterOf(p.from);
  if (q.from === p.from && q.to === p.to) return `${p.from.slice(0, 4)} Q${(+p.from.slice(5, 7) + 2) / 3}`;
  if (p.from.endsWith('-01-01') && p.to === `${p.from.slice(0, 4)}-12-31`) return p.from.slice(0, 4);
  return `${p.from} to ${p.to}`;
}

/**
 * The report's file name: `influence-report-2026-Q3.md`, `…-2026.md` or
 * `…-2026-07-01-to-2026-08-15.md`, with `-<handle>` for a mentee's report
 * (the handle cut down to letters, digits and `-`, so it cannot leave the folder).
 */
export function reportFileName(p: Period, person?: string): string {
  const who =
    person === undefined
      ? ''
      : person
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-+|-+$/g, '')
          .slice(0, 40);
  return `influence-report-${periodName(p).replace(/ /g, '-')}${who ? `-${who}` : ''}.md`;
}

/** `name.md`, else `name-2.md`, `name-3.md`…: the first not in `taken`. */
export function freeFileName(name: string, taken: (candidate: string) => boolean): string {
  const stem = name.replace(/\.md$/, '');
  let candidate = name;
  for (let n = 2; taken(candidate); n++) candidate = `${stem}-${n}.md`;
  return candidate;
}

/** Links from a report written at `reportPath` to record files: relative to the report's own folder. */
export function linksFrom(reportPath: string): (recordPath: string) => string {
  const folder = dirname(reportPath);
  return (recordPath) => relativeTo(folder, recordPath);
}
