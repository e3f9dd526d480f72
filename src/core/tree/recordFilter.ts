import { LodestarRecord } from '../records/record';
import { recordLabel } from './recordGroups';

/**
 * A filter typed into a view: words match the label (`0007 Use PostgreSQL`),
 * case- and accent-insensitively; `status:proposed` (or `s:proposed`) keeps
 * one status; a bare number matches the record's number. All terms must match.
 */
export interface RecordFilter {
  text: string[];
  statuses: string[];
  numbers: number[];
}

export function parseRecordFilter(query: string): RecordFilter | undefined {
  const filter: RecordFilter = { text: [], statuses: [], numbers: [] };
  for (const term of query.trim().split(/\s+/).filter(Boolean)) {
    const status = /^(?:status|s):(.+)$/i.exec(term);
    if (status) filter.statuses.push(fold(status[1]).replace(/\s+/g, '-'));
    else if (/^#?\d+$/.test(term)) filter.numbers.push(parseInt(term.replace('#', ''), 10));
    else filter.text.push(fold(term));
  }
  return filter.text.length + filter.statuses.length + filter.numbers.length > 0 ? filter : undefined;
}

export function matchesFilter(record: LodestarRecord, filter: RecordFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.statuses.length > 0 && !filter.statuses.includes(record.status ?? 'none')) return false;
  if (filter.numbers.length > 0 && !filter.numbers.includes(record.number ?? -1)) return false;
  const haystack = fold(`${recordLabel(record)} ${record.people.join(' ')}`);
  return filter.text.every((t) => haystack.includes(t));
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
