import { LodestarRecord } from '../records/record';
import { recordLabel } from '../records/recordLabels';

/**
 * A filter typed into a view: words match the label (`0007 Use PostgreSQL`),
 * the people and the tags, case- and accent-insensitively; `status:proposed`
 * (or `s:proposed`) keeps one status, `tag:security` (or `t:security`,
 * `#security`) one tag; a bare number matches the record's number. Several
 * statuses (or several tags) are alternatives; every other term must match.
 */
export interface RecordFilter {
  text: string[];
  statuses: string[];
  numbers: number[];
  tags: string[];
}

export function parseRecordFilter(query: string): RecordFilter | undefined {
  const filter: RecordFilter = { text: [], statuses: [], numbers: [], tags: [] };
  for (const term of query.trim().split(/\s+/).filter(Boolean)) {
    const status = /^(?:status|s):(.+)$/i.exec(term);
    const tag = /^(?:(?:tag|t):|#(?!\d+$))(.+)$/i.exec(term);
    if (status) filter.statuses.push(fold(status[1]).replace(/\s+/g, '-'));
    else if (tag) filter.tags.push(fold(tag[1]));
    else if (/^#?\d+$/.test(term)) filter.numbers.push(parseInt(term.replace('#', ''), 10));
    else filter.text.push(fold(term));
  }
  return filter.text.length + filter.statuses.length + filter.numbers.length + filter.tags.length > 0 ? filter : undefined;
}

export function matchesFilter(record: LodestarRecord, filter: RecordFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.statuses.length > 0 && !filter.statuses.includes(record.status ?? 'none')) return false;
  if (filter.numbers.length > 0 && !filter.numbers.includes(record.number ?? -1)) return false;
  const tags = record.tags ?? [];
  if (filter.tags.length > 0 && !filter.tags.some((t) => tags.some((own) => fold(own) === t))) return false;
  if (filter.text.length === 0) return true;
  const haystack = fold(`${recordLabel(record)} ${record.people.join(' ')} ${tags.join(' ')}`);
  return filter.text.every((t) => haystack.includes(t));
}

/** The filter as a query again, in a stable order (for the view's description and the prompt). */
export function describeRecordFilter(filter: RecordFilter | undefined): string {
  if (!filter) return '';
  return [...filter.statuses.map((s) => `status:${s}`), ...filter.tags.map((t) => `tag:${t}`), ...filter.numbers.map(String), ...filter.text].join(' ');
}

export function fold(s: string): string {
  // ASCII has nothing to decompose or strip: the common case skips both passes over the text.
  if (ASCII.test(s)) return s.toLowerCase();
  // Only the runs of other characters are decomposed and stripped of their marks: a record's text is mostly ASCII
  // with a few curly quotes and dashes, and matching \p{M} over all of it took most of a search's time. The same
  // text results, since decomposing never reaches across an ASCII character (each starts a combining sequence).
  return s.replace(NON_ASCII_RUN, withoutMarks).toLowerCase();
}

const ASCII = /^[\x00-\x7f]*$/;
const NON_ASCII_RUN = /[^\x00-\x7f]+/g;
const MARK = /\p{M}/gu;

function withoutMarks(run: string): string {
  return run.normalize('NFD').replace(MARK, '');
}
