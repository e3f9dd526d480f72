import { ownCopy } from '../records/ownCopy';
import { HistoryCommit, HistoryScanOptions, scanHistory, sinceWithSlack } from '../git/commitHistory';
import { GitExecutor } from '../git/gitExecutor';
import { notADate } from '../records/calendar';
import { normaliseDate } from '../records/dates';
import { LodestarRecord, Problem, RecordsOfRoot } from '../records/record';
import { RecordFileSystem } from '../store/fileSystem';
import { isBot, parseCoAuthors } from './coAuthors';
import { loadPeopleDirectory, PeopleDirectory, Person } from './identities';

/**
 * Pairing sessions: logged ones (session records of kind `pairing`) and
 * detected ones (commits with `Co-authored-by:` trailers), over people
 * merged through {@link PeopleDirectory}. `lodestar pairing --json` prints
 * {@link PairingReport.sessions} and {@link PairingReport.pairs}.
 */

export type SessionSource = 'logged' | 'co-authored';

export interface PairingSession {
  /** `YYYY-MM-DD`: the author date's own calendar day for a commit, the record's date for a logged session. */
  date: string | null;
  /** Person keys (profile handle, else lower-cased e-mail): the author then co-authors, or the mentee then `with`. */
  people: string[];
  source: SessionSource;
  /** Full hash, for a detected session. */
  commit: string | null;
  /** Absolute path of the record, for a logged session. */
  path: string | null;
  /** Detected: the commit subject. */
  subject?: string;
  /** Logged: the mentee whose folder holds the record (their profile's key). */
  mentee?: string;
  /** Logged: the record's `commits`, as written. */
  commits?: string[];
  /** Logged: the record says `visibility: private`. */
  private?: boolean;
}

export interface PairCount {
  /** Two person keys, in sort order. */
  people: [string, string];
  count: number;
}

export interface PairingWindow {
  /** Only sessions on or after this day (`YYYY-MM-DD`). */
  since?: string;
  /** Only sessions on or before this day (`YYYY-MM-DD`). */
  until?: string;
}

/** Why `since`/`until` cannot be used, or undefined. */
export function validateDay(value: string, option = 'since'): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || normaliseDate(value) !== value) return notADate(option, value);
  return undefined;
}

function inWindow(date: string | null, window: PairingWindow): boolean {
  if (!window.since && !window.until) return true;
  if (date === null) return false;
  return (!window.since || date >= window.since) && (!window.until || date <= window.until);
}

/**
 * The session a commit gives, or undefined: its human author and human
 * co-authors, merged into people, when that makes at least two people.
 * So a commit whose only co-author is a bot, the author themself, or the
 * author under another of their e-mails is not a pairing session; nor is
 * a bot's commit with one human co-author.
 */
export function detectedSession(commit: HistoryCommit, directory: PeopleDirectory): PairingSession | undefined {
  const author = { name: commit.authorName, email: commit.authorEmail };
  const coAuthors = parseCoAuthors(commit.body, author);
  if (coAuthors.length === 0) return undefined;
  const people: string[] = [];
  for (const identity of isBot(author) ? coAuthors : [author, ...coAuthors]) {
    const key = directory.resolve(identity).key;
    if (!people.includes(key)) people.push(key);
  }
  if (people.length < 2) return undefined;
  return { date: commit.date.slice(0, 10), people, source: 'co-authored', commit: commit.hash, path: null, subject: commit.subject };
}

/**
 * What a session needs of a commit, copied out of git's output (a substring
 * would keep its whole chunk alive): the body keeps only its co-author lines,
 * which is all `parseCoAuthors` reads, line by line.
 */
function compactCommit(c: HistoryCommit): HistoryCommit {
  const body = c.body
    .split('\n')
    .filter((line) => /co-authored-by/i.test(line))
    .join('\n');
  return {
    hash: ownCopy(c.hash),
    parents: [],
    authorName: ownCopy(c.authorName),
    authorEmail: ownCopy(c.authorEmail),
    date: ownCopy(c.date),
    subject: ownCopy(c.subject),
    body: ownCopy(body),
  };
}

export interface DetectedSessions {
  sessions: PairingSession[];
  /** Co-authored commits read (git skips the others). */
  commits: number;
  /** Why no history could be read (no git, not a repository, no commits), when that is so. */
  unavailable?: string;
}

/**
 * Detected sessions, newest first, from one streaming `git log` of HEAD (no
 * process per commit). No git, no repository, no commits, a detached HEAD or
 * a shallow clone give what can be read, with `unavailable` saying why
 * nothing could.
 */
export async function detectPairingSessions(
  git: GitExecutor,
  /** The people to resolve identities with; a promise lets the history be read while they are loaded. */
  directory: PeopleDirectory | Promise<PeopleDirectory>,
  /** `onlyCoAuthored`: git prints only the commits that mention co-authors (then `commits` counts those); never with `maxCount`, which counts every commit. */
  window: PairingWindow & { maxCount?: number; revision?: string; onlyCoAuthored?: boolean } = {},
): Promise<DetectedSessions> {
  const sessions: PairingSession[] = [];
  const scanOptions: HistoryScanOptions = {
    since: window.since ? sinceWithSlack(window.since) : undefined,
    maxCount: window.maxCount,
    revision: window.revision,
  };
  // Every session comes from a body parseCoAuthors finds a trailer in, and it finds none without these words (in any case).
  if (window.onlyCoAuthored && window.maxCount === undefined) scanOptions.mentioning = ['co-authored-by'];
  if (!(directory instanceof Promise)) {
    const scan = await scanHistory(
      git,
      (commit) => {
        const session = detectedSession(commit, directory);
        if (session && inWindow(session.date, window)) sessions.push(session);
      },
      scanOptions,
    );
    return { sessions, commits: scan.commits, unavailable: scan.unavailable };
  }
  // The people are still being read: keep the commits that have co-authors (the only ones that can be sessions) and resolve them after.
  directory.catch(() => undefined);
  const candidates: HistoryCommit[] = [];
  const scan = await scanHistory(
    git,
    (commit) => {
      if (parseCoAuthors(commit.body, { name: commit.authorName, email: commit.authorEmail }).length > 0) candidates.push(compactCommit(commit));
    },
    scanOptions,
  );
  const people = await directory;
  for (const commit of candidates) {
    const session = detectedSession(commit, people);
    if (session && inWindow(session.date, window)) sessions.push(session);
  }
  return { sessions, commits: scan.commits, unavailable: scan.unavailable };
}

/**
 * The people who co-authored the most recent `maxCount` commits of HEAD with
 * anyone (authors of co-authored commits included), most recent first: the
 * partners a "Log Pairing Session" picker offers after mentees.
 */
export async function recentCoAuthors(git: GitExecutor, directory: PeopleDirectory, maxCount = 200): Promise<Person[]> {
  const keys: string[] = [];
  await scanHistory(
    git,
    (commit) => {
      const session = detectedSession(commit, directory);
      for (const key of session?.people ?? []) if (!keys.includes(key)) keys.push(key);
    },
    { maxCount },
  );
  return keys.map((k) => directory.people().find((p) => p.key === k)).filter((p): p is Person => p !== undefined);
}

/**
 * Logged sessions: session records of kind `pairing` (other kinds — one-on-
 * ones, reviews, shadowing, notes — are mentoring, not pairing, and are left
 * out). People are the mentee whose folder holds the record, then `with`,
 * each resolved to a person key.
 */
export function loggedPairingSessions(records: readonly LodestarRecord[], directory: PeopleDirectory, window: PairingWindow = {}): PairingSession[] {
  const out: PairingSession[] = [];
  for (const r of records) {
    if (r.kind !== 'session' || r.sessionKind !== 'pairing' || !inWindow(r.date, window)) continue;
    const mentee = r.handle ? directory.keyFor(r.handle) : undefined;
    const people: string[] = [];
    for (const ref of [...(mentee ? [mentee] : []), ...r.people]) {
      const key = directory.keyFor(ref);
      if (key !== '' && !people.includes(key)) people.push(key);
    }
    out.push({ date: r.date, people, source: 'logged', commit: null, path: r.path, mentee, commits: r.commits ?? [], private: r.private });
  }
  return out;
}

/** A hash (or a commit URL ending in one) written in a record, lower-cased; undefined when too short to trust. */
function writtenHash(ref: string): string | undefined {
  return /([0-9a-f]{7,64})\/?$/i.exec(ref.trim())?.[1].toLowerCase();
}

/**
 * True when a logged session already records a detected one: its `commits`
 * name the commit (a hash of 7+ characters or a commit URL; the date does not
 * matter then), or it is on the same day and every person of the commit is
 * among its people (a mob session logged once covers each pair's commits).
 */
export function coversDetected(logged: PairingSession, detected: PairingSession): boolean {
  if (logged.source !== 'logged' || detected.source !== 'co-authored' || !detected.commit) return false;
  const hash = detected.commit.toLowerCase();
  if (
    (logged.commits ?? []).some((c) => {
      const h = writtenHash(c);
      return h !== undefined && hash.startsWith(h);
    })
  ) {
    return true;
  }
  return logged.date !== null && logged.date === detected.date && detected.people.every((p) => logged.people.includes(p));
}

/**
 * Detected sessions no logged session covers (see {@link coversDetected}),
 * in the order given; with `mentee`, only those the mentee (a person key) was in.
 */
export function unloggedSessions(detected: readonly PairingSession[], logged: readonly PairingSession[], mentee?: string): PairingSession[] {
  const covered = coverage(logged);
  return detected.filter((d) => d.source === 'co-authored' && (!mentee || d.people.includes(mentee)) && !covered(d));
}

/** {@link coversDetected} against many logged sessions, looked up by day and hash rather than one by one. */
function coverage(sessions: readonly PairingSession[]): (detected: PairingSession) => boolean {
  const byDate = new Map<string, PairingSession[]>();
  // Written hashes by their first 7 characters (every one has at least 7): a commit is looked up, not compared with each.
  const hashes = new Map<string, string[]>();
  for (const l of sessions) {
    if (l.source !== 'logged') continue;
    if (l.date !== null) {
      const day = byDate.get(l.date);
      if (day) day.push(l);
      else byDate.set(l.date, [l]);
    }
    for (const c of l.commits ?? []) {
      const h = writtenHash(c);
      if (!h) continue;
      const same = hashes.get(h.slice(0, 7));
      if (same) same.push(h);
      else hashes.set(h.slice(0, 7), [h]);
    }
  }
  return (d) => {
    if (d.source !== 'co-authored' || !d.commit) return false;
    const hash = d.commit.toLowerCase();
    if (hashes.get(hash.slice(0, 7))?.some((h) => hash.startsWith(h))) return true;
    return (byDate.get(d.date ?? '') ?? []).some((l) => coversDetected(l, d));
  };
}

/** Detected sessions grouped by day and the same set of people, in first-seen order: what "confirm all of a day" logs at once. */
export function groupByDay(detected: readonly PairingSession[]): PairingSession[][] {
  const groups = new Map<string, PairingSession[]>();
  for (const d of detected) {
    const key = `${d.date}\n${[...d.people].sort().join('\n')}`;
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  return [...groups.values()];
}

/**
 * Who paired with whom, how often: each unordered pair of people in a session
 * counts once for it. A detected session that a logged one covers is not
 * counted again. Most sessions first, then by the two keys.
 */
export function pairCounts(sessions: readonly PairingSession[]): PairCount[] {
  const covered = coverage(sessions);
  const counts = new Map<string, PairCount>();
  for (const s of sessions) {
    if (covered(s)) continue;
    const people = [...new Set(s.people)].sort(compareText);
    for (let i = 0; i < people.length; i++) {
      for (let j = i + 1; j < people.length; j++) {
        const key = `${people[i]}\n${people[j]}`;
        const pair = counts.get(key);
        if (pair) pair.count++;
        else counts.set(key, { people: [people[i], people[j]], count: 1 });
      }
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || compareText(a.people[0], b.people[0]) || compareText(a.people[1], b.people[1]));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Newest first (undated last); on one day logged before detected; logged by path; detected in history order. */
export function sortSessions(sessions: readonly PairingSession[]): PairingSession[] {
  return [...sessions].sort((a, b) => {
    if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : compareText(b.date, a.date);
    if (a.source !== b.source) return a.source === 'logged' ? -1 : 1;
    return a.source === 'logged' ? compareText(a.path ?? '', b.path ?? '') : 0;
  });
}

export interface PairingReport {
  /** Logged and detected sessions, {@link sortSessions} order. */
  sessions: PairingSession[];
  pairs: PairCount[];
  /** The people the keys stand for (profiles, `.git-coauthors`, identities met in history). */
  directory: PeopleDirectory;
  /** Why no git history was read, when none was. */
  unavailable?: string;
  /** Problems with identities: duplicate handles or e-mails, a malformed `.git-coauthors`. */
  problems: Problem[];
}

/**
 * Everything `lodestar pairing` and the pairing matrix show for one root: its
 * index's profiles and pairing records, its `.git-coauthors`, and its history.
 */
export async function buildPairingReport(options: {
  index: RecordsOfRoot;
  fs: RecordFileSystem;
  git: GitExecutor;
  window?: PairingWindow;
  extraRecords?: readonly LodestarRecord[];
  /** When the index is still being built: the history is read meanwhile. */
  indexReady?: Promise<unknown>;
  /** git's config (`mailmap.file`, `mailmap.blob`) is honoured only in a trusted workspace; `.mailmap` is always read. */
  trusted: boolean;
}): Promise<PairingReport> {
  const window = options.window ?? {};
  const extra = options.extraRecords ?? [];
  const loading = Promise.resolve(options.indexReady).then(() =>
    loadPeopleDirectory(
      options.index,
      options.fs,
      extra.filter((r) => r.kind === 'person'),
      { trusted: options.trusted, git: options.git },
    ),
  );
  const detecting = detectPairingSessions(options.git, options.indexReady ? loading : await loading, { ...window, onlyCoAuthored: true });
  const directory = await loading;
  const logged = loggedPairingSessions([...options.index.records('session'), ...extra], directory, window);
  const detected = await detecting;
  const sessions = sortSessions([...logged, ...detected.sessions]);
  return { sessions, pairs: pairCounts(sessions), directory, unavailable: detected.unavailable, problems: directory.problems };
}
