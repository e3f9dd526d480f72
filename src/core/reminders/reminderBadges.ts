import { DEFAULT_IN_REVIEW_MAX_AGE_DAYS, DEFAULT_PROPOSED_MAX_AGE_DAYS, Reminder, ReminderKind, ReminderOptions } from './reminders';

/** The views that carry a reminder count. */
export type ReminderView = 'decisions' | 'designDocs' | 'mentoring';

export interface ReminderBadge {
  value: number;
  tooltip: string;
}

const VIEW_OF: Record<ReminderKind, ReminderView> = {
  'decision-review-due': 'decisions',
  'decision-proposed-stale': 'decisions',
  'design-in-review-stale': 'designDocs',
  'mentee-overdue': 'mentoring',
};

/** A short name for each kind of reminder (chips on the dashboard, parts of a badge's tooltip). */
export function reminderLabel(kind: ReminderKind): string {
  switch (kind) {
    case 'decision-review-due':
      return 'Review due';
    case 'decision-proposed-stale':
      return 'Proposed too long';
    case 'design-in-review-stale':
      return 'In review too long';
    case 'mentee-overdue':
      return 'Session overdue';
  }
}

/**
 * The badge each view shows: how many of its records need attention, and a
 * tooltip saying why. A view with nothing to say gets undefined (no badge).
 */
export function reminderBadges(reminders: readonly Reminder[], options: ReminderOptions = {}): Record<ReminderView, ReminderBadge | undefined> {
  const count = (kind: ReminderKind): number => reminders.filter((r) => r.kind === kind).length;
  const proposedDays = options.proposedMaxAgeDays ?? DEFAULT_PROPOSED_MAX_AGE_DAYS;
  const inReviewDays = options.inReviewMaxAgeDays ?? DEFAULT_IN_REVIEW_MAX_AGE_DAYS;
  const due = count('decision-review-due');
  const stale = count('decision-proposed-stale');
  const decisionParts = [
    due > 0 ? `${due} past ${due === 1 ? 'its' : 'their'} review-by date` : '',
    stale > 0 ? `${stale} still proposed after ${proposedDays} days` : '',
  ].filter(Boolean);
  const decisions = reminders.filter((r) => VIEW_OF[r.kind] === 'decisions').length;
  const designs = count('design-in-review-stale');
  const mentees = count('mentee-overdue');
  return {
    decisions:
      decisions > 0
        ? { value: decisions, tooltip: `${plural(decisions, 'decision needs', 'decisions need')} attention: ${decisionParts.join(', ')}` }
        : undefined,
    designDocs:
      designs > 0 ? { value: designs, tooltip: `${plural(designs, 'design doc', 'design docs')} in review for more than ${inReviewDays} days` } : undefined,
    mentoring: mentees > 0 ? { value: mentees, tooltip: `${plural(mentees, 'mentee', 'mentees')} with no session within their cadence` } : undefined,
  };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
