import { LodestarRecord } from '../records/record';
import { quarterOf } from '../records/calendar';
import { escapeMarkdown, markdownLink } from '../records/escaping';
import { prLabel } from './reportMarkdown';
import { activityTypeLabel } from '../activities/taxonomy';

/**
 * How pull requests and the records linked to them read in the editor's
 * views, status bar and notes: short, stable, the same everywhere.
 */

/** `#15` on GitHub-like forges and Bitbucket, `!15` on GitLab. */
export function shortPullRequestLabel(url: string, number: number): string {
  return `${/\/-\/merge_requests\//.test(url) ? '!' : '#'}${number}`;
}

/** `2026-11-05` → `2026 Q4`. */
export function quarterLabel(date: string): string {
  const { from } = quarterOf(date);
  return `${from.slice(0, 4)} Q${Math.floor((+from.slice(5, 7) - 1) / 3) + 1}`;
}

/** What a record is to a pull request, in a word or two: `alice`, `design-review`, `ADR-0004`, a design doc's title. */
export function linkTargetLabel(record: LodestarRecord): string {
  switch (record.kind) {
    case 'person':
    case 'session':
      return record.handle ?? record.title;
    case 'activity':
      return record.activityType ?? record.title;
    case 'decision':
      return record.number !== null ? `ADR-${String(record.number).padStart(4, '0')}` : record.title;
    default:
      return record.title;
  }
}

const KIND_ORDER: LodestarRecord['kind'][] = ['person', 'session', 'activity', 'decision', 'design'];

/** Mentees first, then sessions, activities, decisions and design docs, each oldest first. */
export function sortLinkTargets(records: readonly LodestarRecord[]): LodestarRecord[] {
  return [...records].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.date ?? '').localeCompare(b.date ?? '') || a.path.localeCompare(b.path),
  );
}

/** `alice, design-review`: each name once, at most three, then `+N`. */
export function linkTargetsText(records: readonly LodestarRecord[]): string {
  const names = [...new Set(sortLinkTargets(records).map(linkTargetLabel))];
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} +${names.length - 3}` : names.join(', ');
}

/** A longer line per record: `Mentee Alice Example`, `Activity (Design review): Reviewed …`. */
export function linkTargetDescription(record: LodestarRecord): string {
  switch (record.kind) {
    case 'person':
      return `Mentee ${record.title}`;
    case 'session':
      return `Session with ${record.handle ?? '?'}: ${record.title}`;
    case 'activity':
      return `Activity (${activityTypeLabel(record.activityType ?? 'unspecified')}): ${record.title}`;
    case 'decision':
      return `Decision ${linkTargetLabel(record)}${record.number !== null ? ` ${record.title}` : ''}`;
    default:
      return `Design doc ${record.title}`;
  }
}

/**
 * A dated note under a record's text, `- 2026-11-20 [acme/payments#15](…): note`,
 * in the file's line endings. Consecutive notes form one list; the note is
 * one line with Markdown escaped.
 */
export function appendPullRequestNote(text: string, url: string, note: string, date: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = text === '' || text.endsWith('\n') ? text : `${text}${eol}`;
  const lastLine =
    body
      .replace(/\r?\n$/, '')
      .split(/\r?\n/)
      .pop() ?? '';
  const gap = lastLine.trim() === '' || /^- \d{4}-\d{2}-\d{2} /.test(lastLine) ? '' : eol;
  const clean = note.replace(/[\r\n\t\u2028\u2029]+/g, ' ').trim();
  // A reference without a forge URL (`#1830`) is written as it is, not as a link to an anchor.
  const label = /^https?:\/\//i.test(url) ? markdownLink(prLabel(url), url) : escapeMarkdown(url);
  return `${body}${gap}- ${date} ${label}: ${escapeMarkdown(clean)}${eol}`;
}

/**
 * How an activity names a decision or design doc: `ADR-0007` when that
 * number is one record's, else the path relative to the activity's folder
 * (`../../../doc/adr/0007-x.md`), which the index resolves exactly.
 */
export function activityReference(target: LodestarRecord, activityFolder: string, allDecisions: readonly LodestarRecord[]): string {
  if (target.kind === 'decision' && target.number !== null && allDecisions.filter((d) => d.number === target.number).length === 1) {
    return `ADR-${String(target.number).padStart(4, '0')}`;
  }
  const from = activityFolder.split('/').filter(Boolean);
  const to = target.path.split('/').filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}
