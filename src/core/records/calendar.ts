/** Calendar arithmetic on `YYYY-MM-DD` strings, in whole UTC days: periods, buckets and cadences. */

import { digits, isCalendarDay } from './dates';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Period {
  /** First day, `YYYY-MM-DD`, inclusive. */
  from: string;
  /** Last day, `YYYY-MM-DD`, inclusive. */
  to: string;
}

/** True for a real calendar date written `YYYY-MM-DD` (not `2026-02-30`). Runs once per record: no regex, no allocation. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  return isCalendarDay(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
}

/** Days since 1970-01-01 for a `YYYY-MM-DD` date (NaN when it is not one). */
export function dayNumber(date: string): number {
  if (!isIsoDate(date)) return NaN;
  // Howard Hinnant's days_from_civil: plain arithmetic, for every year from 0000.
  const m = digits(date, 5, 7);
  const d = digits(date, 8, 10);
  const y = digits(date, 0, 4) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/**
 * Today, `YYYY-MM-DD`, in the user's time zone: the one rule for "today" everywhere (new records' dates,
 * reminders, the report and the dashboard), so the CLI and the editor agree near midnight.
 */
export function today(now: Date = new Date()): string {
  return calendarDay(now);
}

/** The calendar day a moment falls on in the user's time zone, `YYYY-MM-DD`. */
export function calendarDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The Monday that starts the ISO week of `date`. */
export function weekStart(date: string): string {
  const day = dayNumber(date);
  // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays.
  return dateOfDay(day - ((((day + 3) % 7) + 7) % 7));
}

export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export type Granularity = 'week' | 'month';

/** Weeks for a period up to half a year, months beyond. */
export function defaultGranularity(period: Period): Granularity {
  return daysBetween(period.from, period.to) <= 183 ? 'week' : 'month';
}

/** The start of every week or month that overlaps the period, in order. */
export function bucketStarts(period: Period, granularity: Granularity): string[] {
  const out: string[] = [];
  if (granularity === 'week') {
    const last = dayNumber(period.to);
    for (let day = dayNumber(weekStart(period.from)); day <= last; day += 7) out.push(dateOfDay(day));
  } else {
    let y = +period.from.slice(0, 4);
    let m = +period.from.slice(5, 7);
    const end = period.to.slice(0, 7);
    for (;;) {
      const key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
      if (key > end) break;
      out.push(`${key}-01`);
      if (++m > 12) {
        m = 1;
        y++;
      }
    }
  }
  return out;
}

/** The calendar quarter holding `date`, moved by `offset` quarters (-1: the one before). */
export function quarterOf(date: string, offset = 0): Period {
  const q = +date.slice(0, 4) * 4 + Math.floor((+date.slice(5, 7) - 1) / 3) + offset;
  const year = Math.floor(q / 4);
  const firstMonth = (q - year * 4) * 3 + 1;
  const from = `${String(year).padStart(4, '0')}-${String(firstMonth).padStart(2, '0')}-01`;
  const nextQuarter =
    firstMonth === 10 ? `${String(year + 1).padStart(4, '0')}-01-01` : `${String(year).padStart(4, '0')}-${String(firstMonth + 3).padStart(2, '0')}-01`;
  return { from, to: addDays(nextQuarter, -1) };
}

/**
 * A mentee's `cadence` in days: `daily`, `weekly`, `biweekly`/`fortnightly`,
 * `monthly`, `quarterly`, `2w`, `10d`, `1m`, `every 2 weeks`, or a number of
 * days. Undefined when it cannot be read (no reminder is made from it).
 */
export function cadenceDays(raw: string | number | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'number') return raw > 0 && Number.isFinite(raw) ? Math.round(raw) : undefined;
  const s = raw
    .trim()
    .toLowerCase()
    .replace(/^every\s+/, '');
  const named: Record<string, number> = {
    daily: 1,
    weekly: 7,
    week: 7,
    biweekly: 14,
    'bi-weekly': 14,
    fortnightly: 14,
    fortnight: 14,
    monthly: 31,
    month: 31,
    quarterly: 92,
    quarter: 92,
  };
  if (s in named) return named[s];
  const m = /^(\d+)\s*(d|days?|w|wks?|weeks?|m|mos?|months?)?$/.exec(s);
  if (!m || +m[1] <= 0) return undefined;
  const unit = (m[2] ?? 'd')[0];
  return +m[1] * (unit === 'w' ? 7 : unit === 'm' ? 31 : 1);
}

/**
 * What every command says of a date argument it cannot read (`--since`, `--from`, `--to`), so that all of them
 * read the same: `--since needs a date as YYYY-MM-DD, not "yesterday"`. A long value is cut short.
 */
export function notADate(option: string, value: string): string {
  return `--${option} needs a date as YYYY-MM-DD, not "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
}
