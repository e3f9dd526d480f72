import { LodestarRecord } from '../records/record';
import { basename } from '../store/fileSystem';
import { activityTypeOfSession } from '../activities/taxonomy';

/** One piece of influence work: an activity record, or one credited from another record. */
export interface InfluenceActivity {
  /** `YYYY-MM-DD`, or null when the record has no readable date. */
  date: string | null;
  /** A taxonomy type, a repository's own type as written, or `unspecified` when an activity names none. */
  type: string;
  title: string;
  /** The people named, as written (without a leading `@`). */
  people: string[];
  /** Absolute path of the record this comes from: the evidence. */
  source: string;
  /** The kind of that record: an activity record, or the decision, design doc or session it is credited from. */
  origin: 'activity' | 'decision' | 'design' | 'session';
  pullRequests: string[];
  durationMinutes?: number;
  /** For sessions: the mentee. */
  handle?: string;
  /** For a design-review activity record: the design docs it links, with who wrote each (a review is of someone's doc). */
  reviewed?: { title: string; path: string; authors: string[] }[];
}

export const UNSPECIFIED_TYPE = 'unspecified';

/**
 * Activities credited from records, with no activity file written for them:
 * - a decision record counts as a `decision` for its decision-makers/deciders and `consulted`;
 * - a design doc counts as a `design-review` for its authors, reviewers and approvers;
 * - a logged mentoring session counts as `pairing`, `career-conversation`,
 *   `feedback`, `coaching` or else `mentoring` (by its kind) for the mentee and
 *   the people it was `with`; notes count as nothing.
 * A decision or design doc that names nobody credits nobody (it still counts
 * among the report's decisions and designs). Undated records are included
 * with a null date; the report leaves them out of dated counts.
 */
export function creditedActivities(records: readonly LodestarRecord[]): InfluenceActivity[] {
  const out: InfluenceActivity[] = [];
  for (const r of records) {
    const credited = creditOf(r);
    if (credited) out.push(credited);
  }
  return out;
}

function creditOf(r: LodestarRecord): InfluenceActivity | undefined {
  // Plain object literals, not spreads: this runs once per record of a 10,000-record report.
  let type: string | undefined;
  let people: string[];
  switch (r.kind) {
    case 'decision':
      type = 'decision';
      people = uniquePeople(r.consulted ? [...r.people, ...r.consulted] : r.people);
      break;
    case 'design':
      type = 'design-review';
      people = uniquePeople(r.people);
      break;
    case 'session':
      type = activityTypeOfSession(r.sessionKind);
      // The mentee as the same identity `people` use, once they were resolved (a folder `bob` may be bob@example.com).
      people = uniquePeople(r.handle ? [r.menteeKey ?? r.handle, ...r.people] : r.people);
      break;
    default:
      return undefined;
  }
  if (type === undefined || (r.kind !== 'session' && people.length === 0)) return undefined;
  const activity: InfluenceActivity = { date: r.date, type, title: r.title, people, source: r.path, origin: r.kind, pullRequests: r.pullRequests };
  if (r.kind === 'session') {
    activity.handle = r.handle;
    if (r.durationMinutes !== undefined) activity.durationMinutes = r.durationMinutes;
  }
  return activity;
}

/** An activity record as an {@link InfluenceActivity}. */
export function activityOfRecord(r: LodestarRecord): InfluenceActivity {
  const activity: InfluenceActivity = {
    date: r.date,
    type: r.activityType ?? UNSPECIFIED_TYPE,
    title: r.title,
    people: uniquePeople(r.people),
    source: r.path,
    origin: 'activity',
    pullRequests: r.pullRequests,
  };
  if (r.durationMinutes !== undefined) activity.durationMinutes = r.durationMinutes;
  return activity;
}

/**
 * Every influence activity: the activity records, then the credited ones —
 * except, for a decision or design doc that an activity record links to, the
 * people that activity names (an activity naming nobody covers everyone), and
 * a session whose `activity` names an activity record (that record already
 * counts the work, once).
 */
export function influenceActivities(records: readonly LodestarRecord[]): InfluenceActivity[] {
  const activityRecords = records.filter((r) => r.kind === 'activity');
  const out = activityRecords.map(activityOfRecord);
  if (activityRecords.length === 0) return [...out, ...creditedActivities(records)];
  // Record path → the people an activity record already credits for it.
  const covered = new Map<string, Set<string>>();
  const lookup = new RecordLookup(records);
  activityRecords.forEach((a, i) => {
    const activity = out[i];
    for (const l of a.links) {
      for (const path of lookup.resolve(l.kind, l.target)) {
        const people = covered.get(path) ?? new Set<string>();
        for (const p of a.people) people.add(p.trim().toLowerCase());
        covered.set(path, people);
        const doc = activity.type === 'design-review' && l.kind === 'design' ? lookup.byPath.get(path) : undefined;
        if (doc) (activity.reviewed ??= []).push({ title: doc.title, path: doc.path, authors: doc.authors ?? [] });
      }
    }
  });
  const activityNames = new Set(activityRecords.map((a) => stem(a.path)));
  for (const c of creditedActivities(records)) {
    const already = covered.get(c.source);
    if (already) {
      // Only the people the activity names are counted already; the others keep their credit.
      const others = c.people.filter((p) => !already.has(p.trim().toLowerCase()));
      if (others.length === 0 || already.size === 0) continue;
      out.push({ ...c, people: others });
      continue;
    }
    if (c.origin === 'session') {
      const session = lookup.byPath.get(c.source);
      if (session?.activity && activityNames.has(stem(session.activity))) continue;
    }
    out.push(c);
  }
  return out;
}

/** Finds the records an activity's `decisions` and `designs` entries name: a path, `ADR-0007`, or a file name. */
export class RecordLookup {
  readonly byPath = new Map<string, LodestarRecord>();
  private readonly decisionsByNumber = new Map<number, LodestarRecord[]>();
  private readonly byStem = new Map<string, LodestarRecord[]>();

  constructor(records: readonly LodestarRecord[]) {
    for (const r of records) {
      this.byPath.set(r.path, r);
      if (r.kind === 'decision' && r.number !== null) push(this.decisionsByNumber, r.number, r);
      if (r.kind === 'decision' || r.kind === 'design') push(this.byStem, stem(r.path), r);
    }
  }

  /** Paths of the records a link names (several when a number is used in several decision folders). */
  resolve(kind: string, target: string): string[] {
    if (this.byPath.has(target)) return [target];
    const number = /^(?:ADR|adr)?[-_ #]?0*(\d{1,6})$/.exec(target.trim());
    if (kind === 'decision' && number) return (this.decisionsByNumber.get(+number[1]) ?? []).map((r) => r.path);
    return (this.byStem.get(stem(target)) ?? []).filter((r) => r.kind === kind).map((r) => r.path);
  }
}

function push<K>(map: Map<K, LodestarRecord[]>, key: K, r: LodestarRecord): void {
  const list = map.get(key);
  if (list) list.push(r);
  else map.set(key, [r]);
}

/** `…/2026-01-05-x.md` → `2026-01-05-x`. */
function stem(path: string): string {
  return basename(path.trim().replace(/\\/g, '/'))
    .replace(/\.(md|markdown)$/i, '')
    .toLowerCase();
}

/** People without a leading `@`, each once (compared without case). */
export function uniquePeople(people: readonly string[]): string[] {
  const out: string[] = [];
  // A short list (the usual few names) is searched; a long one gets a set.
  const seen = people.length > 16 ? new Set<string>() : undefined;
  const keys: string[] = [];
  for (const p of people) {
    const name = p.charCodeAt(0) === 64 || p.trim() !== p ? p.trim().replace(/^@/, '') : p;
    const key = name.toLowerCase();
    if (name === '' || (seen ? seen.has(key) : keys.includes(key))) continue;
    if (seen) seen.add(key);
    else keys.push(key);
    out.push(name);
  }
  return out;
}
