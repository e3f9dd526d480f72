import { LodestarRecord } from '../records/record';
import { cadenceDays, daysBetween, isIsoDate, today as currentDay } from '../records/calendar';
import { compareText as compare, PersonScope, personKey as key, personScope, readableDate as isoOrNull } from '../people/personScope';

export interface ReminderOptions {
  /** The day reminders are worked out for; default today (UTC). */
  today?: string;
  /** A decision still `proposed` after this many days is a reminder (default 30). */
  proposedMaxAgeDays?: number;
  /** A design doc `in-review` after this many days is a reminder (default 14). */
  inReviewMaxAgeDays?: number;
}

export const DEFAULT_PROPOSED_MAX_AGE_DAYS = 30;
export const DEFAULT_IN_REVIEW_MAX_AGE_DAYS = 14;

export type ReminderKind = 'decision-review-due' | 'decision-proposed-stale' | 'design-in-review-stale' | 'mentee-overdue';

export interface Reminder {
  kind: ReminderKind;
  path: string;
  title: string;
  /** The date it counts from: `review-by`, the record's date, or the last session; null when a mentee has none. */
  since: string | null;
  /** Days overdue (review-by, cadence) or days old (proposed, in review); null when nothing dates it. */
  days: number | null;
  message: string;
  handle?: string;
}

const CLOSED_DECISION_STATUSES = new Set(['superseded', 'deprecated', 'rejected']);

/**
 * What needs attention now (not only in the period): decisions past their
 * `review-by` date (unless superseded, deprecated or rejected), decisions
 * still `proposed` after `proposedMaxAgeDays`, design docs `in-review` for
 * more than `inReviewMaxAgeDays` since their last date (`updated`, else
 * `created`), and mentees with no session within their `cadence`.
 */
export function influenceReminders(
  records: readonly LodestarRecord[],
  options: ReminderOptions & { person?: string } = {},
  scope: PersonScope = personScope(records, options.person),
): Reminder[] {
  const today = options.today && isIsoDate(options.today) ? options.today : currentDay();
  const proposedMax = options.proposedMaxAgeDays ?? DEFAULT_PROPOSED_MAX_AGE_DAYS;
  const inReviewMax = options.inReviewMaxAgeDays ?? DEFAULT_IN_REVIEW_MAX_AGE_DAYS;
  const out: Reminder[] = [];
  const lastSession = new Map<string, string>();
  for (const r of records) {
    if (r.kind === 'session' && r.handle && r.sessionKind !== 'note') {
      const date = isoOrNull(r.date);
      const k = key(r.handle);
      if (date !== null && date <= today && date > (lastSession.get(k) ?? '')) lastSession.set(k, date);
    }
  }
  for (const r of records) {
    const date = isoOrNull(r.date);
    if (r.kind === 'decision' && scope.names([...r.people, ...(r.consulted ?? [])])) {
      if (r.reviewBy && r.reviewBy <= today && !CLOSED_DECISION_STATUSES.has(r.status ?? '')) {
        const days = daysBetween(r.reviewBy, today);
        out.push({
          kind: 'decision-review-due',
          path: r.path,
          title: r.title,
          since: r.reviewBy,
          days,
          message: `Review was due on ${r.reviewBy} (${plural(days, 'day')} ago).`,
        });
      }
      if (r.status === 'proposed' && date !== null && daysBetween(date, today) > proposedMax) {
        const days = daysBetween(date, today);
        out.push({
          kind: 'decision-proposed-stale',
          path: r.path,
          title: r.title,
          since: date,
          days,
          message: `Still proposed after ${plural(days, 'day')} (since ${date}).`,
        });
      }
    } else if (r.kind === 'design' && r.status === 'in-review' && date !== null && scope.names(r.people)) {
      const days = daysBetween(date, today);
      if (days > inReviewMax)
        out.push({
          kind: 'design-in-review-stale',
          path: r.path,
          title: r.title,
          since: date,
          days,
          message: `In review for ${plural(days, 'day')} (since ${date}).`,
        });
    } else if (r.kind === 'person' && r.handle && scope.isMentee(r.handle)) {
      const every = cadenceDays(r.cadence);
      if (every === undefined) continue;
      const last = lastSession.get(key(r.handle)) ?? null;
      const from = last ?? date;
      if (from === null) {
        out.push({
          kind: 'mentee-overdue',
          path: r.path,
          title: r.title,
          since: null,
          days: null,
          message: `No session logged yet (cadence: ${r.cadence}).`,
          handle: r.handle,
        });
        continue;
      }
      const days = daysBetween(from, today) - every;
      if (days > 0) {
        const what = last ? `Last session ${last}` : `No session since ${from}`;
        out.push({
          kind: 'mentee-overdue',
          path: r.path,
          title: r.title,
          since: last,
          days,
          message: `${what}; cadence ${r.cadence}, ${plural(days, 'day')} overdue.`,
          handle: r.handle,
        });
      }
    }
  }
  return out.sort((a, b) => (b.days ?? Infinity) - (a.days ?? Infinity) || compare(a.path, b.path));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
