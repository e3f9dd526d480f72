import { isWrittenNote } from '../people/mentoringParser';
import { LodestarRecord } from '../records/record';
import { InfluenceActivity, influenceActivities } from './credit';
import { bucketStarts, dateOfDay, dayNumber, defaultGranularity, Granularity, isIsoDate, Period } from '../records/calendar';
import { influenceReminders, Reminder, ReminderOptions } from '../reminders/reminders';
import { compareText as compare, personKey as key, personScope, readableDate as isoOrNull } from '../people/personScope';
import { ACTIVITY_TYPES, activityTypeLabel, InfluenceSide, influenceSide } from '../activities/taxonomy';

export interface InfluenceReportOptions extends Period, ReminderOptions {
  /** A mentee's handle (or anyone's name as records write it): only their work is counted. */
  person?: string;
  /** Timeline buckets; default weeks for up to half a year, else months. */
  granularity?: Granularity;
  /**
   * Dates (merge dates) of pull requests by URL, when known (git history or a
   * forge). Pull requests linked from a mentee's profile have no date of their
   * own; they count in a period only through this.
   */
  pullRequestDates?: ReadonlyMap<string, string>;
  /**
   * When decisions and design docs took their current status, by path (see
   * `statusChangeDates`): one dated before the period whose status changed
   * in it (accepted, superseded…) counts in the period, on the day of the change.
   */
  statusDates?: ReadonlyMap<string, string>;
}

/**
 * The `lodestar report --format json` contract. Every count is over records
 * dated inside [from, to] (both days included) and, with a person, in their
 * scope; records without a readable date are never counted here.
 */
export interface InfluenceReportJson {
  from: string;
  to: string;
  /** Activity records plus activities credited from decisions, design docs and sessions (see `creditedActivities`), once each. */
  activities: number;
  /** `activities` by type; an activity record with no type counts as `unspecified`. */
  byType: Record<string, number>;
  /** Those of `activities` whose type is a leading (team-wide) one. */
  leading: number;
  /** Those of `activities` whose type is a managing (individual) one; types outside the taxonomy are in neither. */
  managing: number;
  /** Decision records by status (`unknown` when none is written); with a person, only those naming them (deciders, consulted). */
  decisions: Record<string, number>;
  /** Design docs by status (`unknown` when none is written); with a person, only those naming them (authors, reviewers, approvers). */
  designs: Record<string, number>;
  /**
   * Mentees with at least one logged session (notes excluded) or linked pull
   * request in the period: sessions = their sessions; pullRequests = distinct
   * URLs linked from their sessions and notes, from activity records naming
   * them, and from their profile when `pullRequestDates` dates them. By handle.
   */
  people: { handle: string; sessions: number; pullRequests: number }[];
  /** Distinct pull-request URLs linked from the decisions, design docs, sessions, notes and activity records counted, plus dated profile links. */
  pullRequests: number;
}

export interface SideTotals {
  count: number;
  /** Minutes, from activities that record a duration. */
  minutes: number;
}

export interface TypeTotals extends SideTotals {
  type: string;
  label: string;
  /** Null for a type outside the taxonomy. */
  side: InfluenceSide | null;
}

export interface TimelineBucket {
  /** First day of the week (Monday) or month. */
  start: string;
  /** Last day of it. */
  end: string;
  leading: number;
  managing: number;
  /** Activities of types outside the taxonomy. */
  other: number;
  minutes: number;
  /** Decisions dated in this bucket, by status. */
  decisions: Record<string, number>;
}

export interface MenteeCard {
  handle: string;
  name: string;
  /** The profile, when there is one. */
  path: string | null;
  track: string | null;
  goals: string[];
  cadence: string | null;
  /** Sessions in the period (notes excluded). */
  sessions: number;
  sessionKinds: Record<string, number>;
  minutes: number;
  /** The latest session up to the end of the period, at any time before it. */
  lastSession: { date: string; path: string } | null;
  /** Distinct pull-request URLs linked to them in the period. */
  pullRequests: string[];
  /** How many distinct pull requests are linked to them at any time (the Influence view's count), so a period can say what it leaves out. */
  pullRequestsInAll: number;
  /** Their sessions and notes in the period, by date. */
  records: LodestarRecord[];
}

export interface PullRequestEvidence {
  url: string;
  linkedFrom: { path: string; title: string; kind: LodestarRecord['kind']; date: string | null }[];
}

export interface InfluenceReport {
  from: string;
  to: string;
  /** The person the report is scoped to, as asked, and their name when a profile has one. */
  person?: { handle: string; name: string };
  summary: InfluenceReportJson;
  /** The activities counted, by date. */
  activities: InfluenceActivity[];
  /** The decisions and design docs counted, by date. */
  decisions: LodestarRecord[];
  designs: LodestarRecord[];
  mentees: MenteeCard[];
  pullRequests: PullRequestEvidence[];
  balance: { leading: SideTotals; managing: SideTotals; other: SideTotals };
  /** Activities by type, taxonomy order first, then other types by name. */
  mix: TypeTotals[];
  timeline: { granularity: Granularity; buckets: TimelineBucket[] };
  /** Who paired with whom in the period (pairing activities and sessions naming two or more people). */
  pairs: { people: [string, string]; count: number }[];
  reminders: Reminder[];
  /** Records in scope left out because they have no readable date. */
  undated: { activities: number; decisions: number; designs: number; sessions: number };
}

const TYPE_ORDER = new Map(ACTIVITY_TYPES.map((t, i) => [t.id, i]));

/**
 * The influence report of one period, aggregated in one pass over the
 * records (linear in their number), so a dashboard only draws it.
 * Throws a RangeError when `from` or `to` is not a `YYYY-MM-DD` date or `from` is after `to`.
 */
export function buildInfluenceReport(all: readonly LodestarRecord[], options: InfluenceReportOptions): InfluenceReport {
  const { from, to } = options;
  if (!isIsoDate(from) || !isIsoDate(to)) throw new RangeError(`The period needs dates written YYYY-MM-DD (got "${from}" to "${to}").`);
  if (from > to) throw new RangeError(`The period starts (${from}) after it ends (${to}).`);
  const inPeriod = (date: string | null): date is string => date !== null && date >= from && date <= to;
  const records = options.statusDates && options.statusDates.size > 0 ? datedByStatusChange(all, options.statusDates, inPeriod) : all;
  const scope = personScope(records, options.person);
  const undated = { activities: 0, decisions: 0, designs: 0, sessions: 0 };

  // Decisions, design docs, sessions and profiles.
  const decisions: LodestarRecord[] = [];
  const designs: LodestarRecord[] = [];
  const profiles = new Map<string, LodestarRecord>();
  const sessionsByHandle = new Map<string, LodestarRecord[]>();
  // The person key each mentee folder's sessions resolved to, when it is not the folder's name (a mentee with no profile).
  const menteeKeys = new Map<string, string>();
  const evidence = new PullRequestLedger();
  for (const r of records) {
    const date = isoOrNull(r.date);
    switch (r.kind) {
      case 'decision':
      case 'design': {
        if (!scope.names([...r.people, ...(r.consulted ?? [])])) break;
        if (date === null) undated[r.kind === 'decision' ? 'decisions' : 'designs']++;
        else if (inPeriod(date)) {
          (r.kind === 'decision' ? decisions : designs).push(r);
          evidence.add(r);
        }
        break;
      }
      case 'person':
        if (r.handle && scope.isMentee(r.handle)) profiles.set(key(r.handle), r);
        break;
      case 'session': {
        const own = r.handle !== undefined && scope.isMentee(r.handle);
        if (!own && !scope.names(r.people)) break;
        if (date === null) undated.sessions++;
        if (inPeriod(date)) evidence.add(r);
        if (!own || !r.handle) break;
        if (r.menteeKey && key(r.menteeKey) !== key(r.handle)) menteeKeys.set(key(r.handle), key(r.menteeKey));
        const list = sessionsByHandle.get(key(r.handle));
        if (list) list.push(r);
        else sessionsByHandle.set(key(r.handle), [r]);
        break;
      }
      case 'activity':
        if (scope.names(r.people) && inPeriod(isoOrNull(r.date))) evidence.add(r);
        break;
    }
  }

  // Activities: records and credits, in scope and in the period.
  const activities: InfluenceActivity[] = [];
  for (const a of influenceActivities(records)) {
    if (!(scope.names(a.people) || (a.handle !== undefined && scope.isMentee(a.handle)))) continue;
    const date = isoOrNull(a.date);
    if (date === null) {
      if (a.origin === 'activity') undated.activities++;
    } else if (inPeriod(date)) activities.push(a);
  }
  activities.sort((a, b) => compare(a.date ?? '', b.date ?? '') || compare(a.title, b.title));

  // Mentees: every profile in scope, and every handle with sessions.
  const mentees: MenteeCard[] = [];
  const handles = new Set([...profiles.keys(), ...sessionsByHandle.keys()]);
  // Activity records in the period by each person they name, for the mentees' pull requests.
  const activitiesByPerson = new Map<string, LodestarRecord[]>();
  const everByPerson = new Map<string, LodestarRecord[]>();
  for (const r of records) {
    if (r.kind !== 'activity') continue;
    const during = inPeriod(isoOrNull(r.date));
    for (const p of new Set(r.people.map(key))) {
      for (const map of during ? [activitiesByPerson, everByPerson] : [everByPerson]) {
        const list = map.get(p);
        if (list) list.push(r);
        else map.set(p, [r]);
      }
    }
  }
  for (const h of handles) {
    const profile = profiles.get(h);
    const alias = menteeKeys.get(h);
    const naming = new Set([
      ...(activitiesByPerson.get(h) ?? []),
      ...(profile ? (activitiesByPerson.get(key(profile.title)) ?? []) : []),
      ...(alias ? (activitiesByPerson.get(alias) ?? []) : []),
    ]);
    const ever = new Set([
      ...(everByPerson.get(h) ?? []),
      ...(profile ? (everByPerson.get(key(profile.title)) ?? []) : []),
      ...(alias ? (everByPerson.get(alias) ?? []) : []),
    ]);
    const card = menteeCard(h, profile, sessionsByHandle.get(h) ?? [], naming, ever, options, inPeriod);
    mentees.push(card);
    if (profile) for (const url of profile.pullRequests) if (inPeriod(isoOrNull(options.pullRequestDates?.get(url) ?? null))) evidence.add(profile, url);
  }
  mentees.sort((a, b) => compare(a.handle.toLowerCase(), b.handle.toLowerCase()));

  const totals = aggregate(activities);
  const summary: InfluenceReportJson = {
    from,
    to,
    activities: activities.length,
    byType: Object.fromEntries(totals.mix.map((t) => [t.type, t.count])),
    leading: totals.balance.leading.count,
    managing: totals.balance.managing.count,
    decisions: countByStatus(decisions),
    designs: countByStatus(designs),
    people: mentees
      .filter((m) => m.sessions > 0 || m.pullRequests.length > 0)
      .map((m) => ({ handle: m.handle, sessions: m.sessions, pullRequests: m.pullRequests.length })),
    pullRequests: evidence.size,
  };

  const timeline = buildTimeline(options, activities, decisions);
  const byDate = (a: LodestarRecord, b: LodestarRecord): number => compare(a.date ?? '', b.date ?? '') || compare(a.title, b.title);
  return {
    from,
    to,
    ...(options.person !== undefined ? { person: { handle: options.person, name: scope.name } } : {}),
    summary,
    activities,
    decisions: decisions.sort(byDate),
    designs: designs.sort(byDate),
    mentees,
    pullRequests: evidence.list(),
    balance: totals.balance,
    mix: totals.mix,
    timeline,
    pairs: pairsOf(activities),
    reminders: influenceReminders(all, options, scope),
    undated,
  };
}

/**
 * Credit when it happened: a decision or design doc dated before the period
 * (or undated) whose status changed inside it is dated on the day of the
 * change, for the report and its credited activities. Records are copied,
 * never changed.
 */
export function datedByStatusChange(
  records: readonly LodestarRecord[],
  statusDates: ReadonlyMap<string, string>,
  inPeriod: (date: string | null) => boolean,
): LodestarRecord[] {
  return records.map((r) => {
    if (r.kind !== 'decision' && r.kind !== 'design') return r;
    const changed = statusDates.get(r.path);
    if (changed === undefined || !inPeriod(changed)) return r;
    const date = isoOrNull(r.date);
    if (date !== null && (inPeriod(date) || date > changed)) return r;
    return { ...r, date: changed };
  });
}

/**
 * True when a status change could move this record into a period starting
 * `from` ({@link datedByStatusChange}): a decision or design doc with a
 * status, dated before the period or without a readable date. When no record
 * is, the status history need not be read.
 */
export function mayTakeStatusDate(record: LodestarRecord, from: string): boolean {
  if ((record.kind !== 'decision' && record.kind !== 'design') || !record.status) return false;
  const date = isoOrNull(record.date);
  return date === null || date < from;
}

/** Just the JSON contract, for `lodestar report --format json`. */
export function influenceReportJson(report: InfluenceReport): InfluenceReportJson {
  return report.summary;
}

function menteeCard(
  handle: string,
  profile: LodestarRecord | undefined,
  sessions: LodestarRecord[],
  activitiesNaming: Iterable<LodestarRecord>,
  activitiesEver: Iterable<LodestarRecord>,
  options: InfluenceReportOptions,
  inPeriod: (date: string | null) => date is string,
): MenteeCard {
  // The handle as the profile's file name or the session folder writes it.
  const shown = profile?.handle ?? sessions[0]?.handle ?? handle;
  const prs = new PullRequestLedger();
  const ever = new PullRequestLedger();
  for (const s of sessions) ever.add(s);
  for (const a of activitiesEver) ever.add(a);
  if (profile) ever.add(profile);
  // Prototype-free: a status or kind written `constructor` or `__proto__` is counted like any other word.
  const sessionKinds: Record<string, number> = Object.create(null) as Record<string, number>;
  const inside: LodestarRecord[] = [];
  let count = 0;
  let minutes = 0;
  let last: LodestarRecord | undefined;
  for (const s of sessions) {
    const date = isoOrNull(s.date);
    const isNote = isWrittenNote(s.sessionKind);
    if (date !== null && date <= options.to && !isNote && (!last || date > (last.date ?? ''))) last = s;
    if (!inPeriod(date)) continue;
    inside.push(s);
    for (const url of s.pullRequests) prs.add(s, url);
    if (isNote) continue;
    count++;
    minutes += s.durationMinutes ?? 0;
    const kind = s.sessionKind ?? 'note';
    sessionKinds[kind] = (sessionKinds[kind] ?? 0) + 1;
  }
  for (const a of activitiesNaming) for (const url of a.pullRequests) prs.add(a, url);
  if (profile) for (const url of profile.pullRequests) if (inPeriod(isoOrNull(options.pullRequestDates?.get(url) ?? null))) prs.add(profile, url);
  inside.sort((a, b) => compare(a.date ?? '', b.date ?? ''));
  return {
    handle: shown,
    name: profile?.title ?? shown,
    path: profile?.path ?? null,
    track: profile?.status ?? null,
    goals: profile?.goals ?? [],
    cadence: profile?.cadence ?? null,
    sessions: count,
    sessionKinds: { ...sessionKinds },
    minutes,
    lastSession: last && last.date ? { date: last.date, path: last.path } : null,
    pullRequests: prs.list().map((p) => p.url),
    pullRequestsInAll: Math.max(ever.size, prs.size),
    records: inside,
  };
}

function aggregate(activities: readonly InfluenceActivity[]): { balance: InfluenceReport['balance']; mix: TypeTotals[] } {
  const balance = { leading: { count: 0, minutes: 0 }, managing: { count: 0, minutes: 0 }, other: { count: 0, minutes: 0 } };
  const byType = new Map<string, TypeTotals>();
  for (const a of activities) {
    const side = influenceSide(a.type) ?? null;
    const minutes = a.durationMinutes ?? 0;
    const b = balance[side ?? 'other'];
    b.count++;
    b.minutes += minutes;
    let t = byType.get(a.type);
    if (!t) byType.set(a.type, (t = { type: a.type, label: activityTypeLabel(a.type), side, count: 0, minutes: 0 }));
    t.count++;
    t.minutes += minutes;
  }
  const order = (t: TypeTotals): number => TYPE_ORDER.get(t.type) ?? TYPE_ORDER.size;
  const mix = [...byType.values()].sort((a, b) => order(a) - order(b) || compare(a.type, b.type));
  return { balance, mix };
}

function buildTimeline(
  options: InfluenceReportOptions,
  activities: readonly InfluenceActivity[],
  decisions: readonly LodestarRecord[],
): InfluenceReport['timeline'] {
  const granularity = options.granularity ?? defaultGranularity(options);
  const starts = bucketStarts(options, granularity);
  const buckets: TimelineBucket[] = starts.map((start, i) => ({
    start,
    end: i + 1 < starts.length ? dateOfDay(dayNumber(starts[i + 1]) - 1) : endOf(start, granularity),
    leading: 0,
    managing: 0,
    other: 0,
    minutes: 0,
    decisions: Object.create(null) as Record<string, number>,
  }));
  const first = starts[0];
  const indexOf = (date: string): number =>
    granularity === 'week'
      ? Math.floor((dayNumber(date) - dayNumber(first)) / 7)
      : (+date.slice(0, 4) - +first.slice(0, 4)) * 12 + (+date.slice(5, 7) - +first.slice(5, 7));
  for (const a of activities) {
    const b = buckets[indexOf(a.date!)];
    if (!b) continue;
    b[influenceSide(a.type) ?? 'other']++;
    b.minutes += a.durationMinutes ?? 0;
  }
  for (const d of decisions) {
    const b = buckets[indexOf(d.date!)];
    if (!b) continue;
    const status = d.status ?? 'unknown';
    b.decisions[status] = (b.decisions[status] ?? 0) + 1;
  }
  for (const b of buckets) b.decisions = { ...b.decisions };
  return { granularity, buckets };
}

function endOf(start: string, granularity: Granularity): string {
  if (granularity === 'week') return dateOfDay(dayNumber(start) + 6);
  const y = +start.slice(0, 4);
  const m = +start.slice(5, 7);
  return dateOfDay(dayNumber(m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${start.slice(0, 5)}${String(m + 1).padStart(2, '0')}-01`) - 1);
}

function pairsOf(activities: readonly InfluenceActivity[]): InfluenceReport['pairs'] {
  const counts = new Map<string, { people: [string, string]; count: number }>();
  for (const a of activities) {
    if (a.type !== 'pairing') continue;
    const people = [...a.people].sort((x, y) => compare(key(x), key(y)));
    for (let i = 0; i < people.length; i++) {
      for (let j = i + 1; j < people.length; j++) {
        const k = `${key(people[i])}\n${key(people[j])}`;
        const entry = counts.get(k);
        if (entry) entry.count++;
        else counts.set(k, { people: [people[i], people[j]], count: 1 });
      }
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || compare(a.people.join(), b.people.join()));
}

/** Distinct pull-request URLs (case and a trailing `/` aside) with the records that link each. */
class PullRequestLedger {
  private readonly byKey = new Map<string, PullRequestEvidence>();

  add(r: LodestarRecord, only?: string): void {
    for (const url of only !== undefined ? [only] : r.pullRequests) {
      const k = url.trim().replace(/\/+$/, '').toLowerCase();
      if (k === '') continue;
      let e = this.byKey.get(k);
      if (!e) this.byKey.set(k, (e = { url: url.trim(), linkedFrom: [] }));
      if (!e.linkedFrom.some((l) => l.path === r.path)) e.linkedFrom.push({ path: r.path, title: r.title, kind: r.kind, date: r.date });
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  list(): PullRequestEvidence[] {
    return [...this.byKey.values()].sort((a, b) => compare(a.url, b.url));
  }
}

function countByStatus(records: readonly LodestarRecord[]): Record<string, number> {
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const r of records) {
    const s = r.status ?? 'unknown';
    out[s] = (out[s] ?? 0) + 1;
  }
  // A plain object again (`__proto__` stays an own key: spreading defines properties, it does not set a prototype).
  return { ...out };
}
