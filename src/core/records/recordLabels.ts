import { LodestarRecord } from './record';

/** How a record is named and ordered wherever records are listed: views, picks, indexes, pages and reports. */

export function statusLabel(status: string | null): string {
  if (!status) return 'No status';
  const words = status.replace(/-/g, ' ');
  return words[0].toUpperCase() + words.slice(1);
}

/** By number, then date, then title. */
export function compareRecords(a: LodestarRecord, b: LodestarRecord): number {
  if (a.number !== null && b.number !== null && a.number !== b.number) return a.number - b.number;
  if (a.number !== null && b.number === null) return -1;
  if (a.number === null && b.number !== null) return 1;
  if (a.date && b.date && a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.title.localeCompare(b.title) || a.path.localeCompare(b.path);
}

/** `0007 Use PostgreSQL`; records named by date (log4brains) show the title alone. */
export function recordLabel(r: LodestarRecord): string {
  return r.number !== null ? `${String(r.number).padStart(4, '0')} ${r.title}` : r.title;
}
