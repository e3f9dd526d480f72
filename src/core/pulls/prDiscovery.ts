import { ownCopy } from '../records/ownCopy';
import { GitExecutor } from '../git/gitExecutor';
import { CommitFeed, HistoryCommit, scanHistory, sinceWithSlack } from '../git/commitHistory';
import { parseCoAuthors as parseTrailers } from '../people/coAuthors';
import { MAX_PULL_REQUEST_NUMBER } from './prReferences';
import { isGitHubLike, pullRequestUrl, RemoteRepo } from './remotes';
import { notADate } from '../records/calendar';

/**
 * Merged pull requests found offline, from the commit messages forges write
 * when they merge:
 * - GitHub merge commits: `Merge pull request #N from owner/branch`, the PR
 *   title as the first body line;
 * - squash merges (GitHub, Gitea…): a subject ENDING in `(#N)`. A `#N` at the
 *   start or in the middle of a subject is an issue reference, not the PR;
 * - GitLab: a body line `See merge request group/sub/project!N`;
 * - Bitbucket Cloud `Merged in branch (pull request #N)` (merge and squash), the
 *   PR title as the first body line, or a subject edited to `Title (pull request
 *   #N)`; Bitbucket Server `Pull request #N: Title`;
 * - Azure DevOps `Merged PR N: Title`.
 *
 * Authors: for a GitHub merge commit, the author of the merged branch's tip
 * (the merge's second parent), not whoever pressed the button. The scan
 * remembers the second parents it waits for and fills the author in when it
 * meets them; the tips it did not meet (git printed only the messages that
 * may name a pull request, or the tip is older than `since`) are read in
 * one more `git log` of just those commits. When git cannot read a tip (a
 * shallow clone) the merge commit's own author stands in. Every other form
 * is a single commit whose author wrote the change. Co-authors: `Co-authored-by:` lines of the merge commit and,
 * for GitHub merges, of the branch tip.
 */

export type PullRequestSource = 'merge-commit' | 'squash' | 'gitlab' | 'bitbucket' | 'azure';

export interface Person {
  name: string;
  email: string;
}

export interface DiscoveredPullRequest {
  number: number;
  /** The canonical web URL, built from the first remote of the matching forge; null without one. */
  url: string | null;
  title: string;
  /** When it was merged: the commit's author date, ISO 8601 with offset as git prints it. */
  mergedAt: string;
  /** The merge (or squash) commit's full hash. */
  mergeCommit: string;
  source: PullRequestSource;
  authors: Person[];
  coAuthors: Person[];
  /** The source branch when the message names it (`feature/x`), for finding the current branch's PR. */
  branch?: string;
  /** GitLab: the project path the merge request belongs to (`group/sub/project`), from the message. */
  project?: string;
}

/** What one commit message says about a merged pull request, before remotes and authors are applied. */
export interface PullRequestMessage {
  number: number;
  source: PullRequestSource;
  title: string;
  branch?: string;
  project?: string;
}

const GITHUB_MERGE = /^Merge pull request #(\d{1,10}) from (\S+)/;
const SQUASH = /\(#(\d{1,10})\)\s*$/;
const BITBUCKET_CLOUD = /^Merged in (\S+) \(pull request #(\d{1,10})\)(.*)$/;
/** A Bitbucket Cloud merge whose first line was edited to the title: `Add the importer (pull request #8)`. */
const BITBUCKET_TITLED = /^(.*\S)\s+\(pull request #(\d{1,10})\)\s*$/;
const BITBUCKET_SERVER = /^Pull request #(\d{1,10}): (.*)$/;
const AZURE = /^Merged PR (\d{1,10}): ?(.*)$/;
const GITLAB_TRAILER = /^See merge request (\S+?)!(\d{1,10})\s*$/m;
const GITLAB_BRANCH = /^Merge branch '(.+)' into '.+'$/;

function firstLine(body: string): string {
  const nl = body.indexOf('\n');
  return (nl === -1 ? body : body.slice(0, nl)).trim();
}

/**
 * The pull request's title as the first body line of a merge commit (GitHub, GitLab, Bitbucket Cloud put it
 * there), or '' when that line is something else: a trailer (`Approved-by: Dana`, `Co-authored-by: …`, Bitbucket's
 * approvals when the title was deleted) or a squash's list of commits (`* Fix the test`).
 */
function titleLine(body: string): string {
  const line = firstLine(body);
  return /^[A-Za-z][\w-]*-by:\s/.test(line) || /^\* /.test(line) ? '' : line;
}

function validNumber(text: string): number | undefined {
  const n = Number(text);
  return n >= 1 && n <= MAX_PULL_REQUEST_NUMBER ? n : undefined;
}

/** Reads the pull request a commit message records as merged, if any. Pure: subject and body only. */
export function pullRequestFromMessage(subject: string, body: string): PullRequestMessage | undefined {
  // Cheapest tests first: almost every commit is none of these.
  const c = subject.charCodeAt(0);
  if (c === 77 /* M */) {
    let m = GITHUB_MERGE.exec(subject);
    if (m) {
      const number = validNumber(m[1]);
      if (number === undefined) return undefined;
      const from = m[2];
      const slash = from.indexOf('/');
      return { number, source: 'merge-commit', title: titleLine(body) || subject, branch: slash === -1 ? from : from.slice(slash + 1) };
    }
    m = BITBUCKET_CLOUD.exec(subject);
    if (m) {
      // Merge and squash alike: `Merged in BRANCH (pull request #N)`, a blank line, the title, then (squash) the
      // commits and the approvals. A title on the next line with no blank one before it is joined to the subject by git.
      const number = validNumber(m[2]);
      return number === undefined ? undefined : { number, source: 'bitbucket', title: m[3].trim() || titleLine(body) || subject, branch: m[1] };
    }
    m = AZURE.exec(subject);
    if (m) {
      const number = validNumber(m[1]);
      return number === undefined ? undefined : { number, source: 'azure', title: m[2].trim() || subject };
    }
  } else if (c === 80 /* P */) {
    const m = BITBUCKET_SERVER.exec(subject);
    if (m && /^Merge in \S+ from /m.test(body)) {
      const number = validNumber(m[1]);
      return number === undefined ? undefined : { number, source: 'bitbucket', title: m[2].trim() || subject };
    }
  }
  if (body.includes('See merge request ')) {
    const m = GITLAB_TRAILER.exec(body);
    if (m) {
      const number = validNumber(m[2]);
      if (number === undefined) return undefined;
      const branch = GITLAB_BRANCH.exec(subject)?.[1];
      // GitLab writes the MR title as the first body line of a merge commit; a squash/fast-forward keeps its own subject.
      const title = branch ? titleLine(body) || subject : subject;
      return { number, source: 'gitlab', title: title.startsWith('See merge request ') ? subject : title, branch, project: m[1] };
    }
  }
  if (subject.charCodeAt(subject.length - 1) === 41 /* ) */ || /\)\s+$/.test(subject)) {
    const b = subject.includes('(pull request #') ? BITBUCKET_TITLED.exec(subject) : null;
    if (b) {
      const number = validNumber(b[2]);
      return number === undefined ? undefined : { number, source: 'bitbucket', title: b[1].trim() };
    }
    const m = SQUASH.exec(subject);
    if (m) {
      const number = validNumber(m[1]);
      if (number === undefined) return undefined;
      const title = subject.slice(0, m.index).trim();
      return { number, source: 'squash', title: title || subject };
    }
  }
  return undefined;
}

/**
 * A commit's co-authors, read by the one trailer parser (`parseCoAuthors` of
 * people/coAuthors: malformed trailers and bots skipped, one per e-mail),
 * copied out of git's output since found pull requests keep them.
 */
export function parseCoAuthors(body: string): Person[] {
  const found = parseTrailers(body);
  for (let i = 0; i < found.length; i++) found[i] = { name: ownCopy(found[i].name), email: ownCopy(found[i].email) };
  return found;
}

function addPeople(into: Person[], people: Person[], except: Person[] = []): void {
  for (const p of people) {
    const key = p.email.toLowerCase();
    if (into.some((q) => q.email.toLowerCase() === key) || except.some((q) => q.email.toLowerCase() === key)) continue;
    into.push(p);
  }
}

/** The remote a pull request from `source` belongs to: the first remote of that forge (origin, then upstream, then the rest). */
function remoteFor(source: PullRequestSource, remotes: readonly RemoteRepo[]): RemoteRepo | undefined {
  switch (source) {
    case 'merge-commit':
    case 'squash':
      return remotes.find((r) => isGitHubLike(r.kind));
    case 'gitlab':
      return remotes.find((r) => r.kind === 'gitlab');
    case 'bitbucket':
      return remotes.find((r) => r.kind === 'bitbucket-cloud' || r.kind === 'bitbucket-server');
    case 'azure':
      return remotes.find((r) => r.kind === 'azure');
  }
}

const SOURCES: readonly PullRequestSource[] = ['merge-commit', 'squash', 'gitlab', 'bitbucket', 'azure'];

/** False when no remote is a forge a discovered pull request could link to: then every URL would be null. */
export function remotesGiveUrls(remotes: readonly RemoteRepo[]): boolean {
  return SOURCES.some((source) => remoteFor(source, remotes) !== undefined);
}

/** The URL of a discovered pull request, from the repository's remotes; null when none fits. */
export function discoveredPullRequestUrl(message: Pick<PullRequestMessage, 'number' | 'source' | 'project'>, remotes: readonly RemoteRepo[]): string | null {
  const remote = remoteFor(message.source, remotes);
  if (!remote) return null;
  if (message.source === 'gitlab' && message.project && /^[\w.-]+(?:\/[\w.-]+)+$/.test(message.project)) {
    // The message names the project (a merge request from a fork's history still belongs to it).
    const segs = message.project.split('/');
    return pullRequestUrl({ ...remote, owner: segs.slice(0, -1).join('/'), repo: segs[segs.length - 1] }, message.number);
  }
  return pullRequestUrl(remote, message.number);
}

/**
 * Collects merged pull requests from commits handed to it newest first (the
 * order of `git log`), so a pairing scan and PR discovery can share one pass.
 * The first time a number is seen wins, except that a merge commit or a
 * forge's own message replaces an earlier squash-style `(#N)` guess.
 */
export class PullRequestCollector {
  private readonly found = new Map<number, DiscoveredPullRequest>();
  /** Second parent hash → the GitHub merges waiting for their branch tip's author. */
  private readonly waiting = new Map<string, DiscoveredPullRequest[]>();

  /** One object per author: a long history has thousands of pull requests by a few people. Never changed once made. */
  private readonly people = new Map<string, Map<string, Person>>();

  /** `onBranchTip` hears each GitHub merge's branch tip as the merge is found (to have it read meanwhile). */
  constructor(
    private readonly remotes: readonly RemoteRepo[] = [],
    private readonly onBranchTip?: (hash: string) => void,
  ) {}

  private person(name: string, email: string): Person {
    // By e-mail, then name: no key string is made for each commit.
    let byName = this.people.get(email);
    if (!byName) this.people.set(ownCopy(email), (byName = new Map()));
    let p = byName.get(name);
    if (!p) byName.set(ownCopy(name), (p = { name: ownCopy(name), email: ownCopy(email) }));
    return p;
  }

  add(commit: HistoryCommit): void {
    if (this.waiting.size > 0) this.addBranchTip(commit);
    const message = pullRequestFromMessage(commit.subject, commit.body);
    if (!message) return;
    const existing = this.found.get(message.number);
    if (existing && !(existing.source === 'squash' && message.source !== 'squash')) return;
    const author = this.person(commit.authorName, commit.authorEmail);
    const pr: DiscoveredPullRequest = {
      number: message.number,
      url: discoveredPullRequestUrl(message, this.remotes),
      title: ownCopy(message.title),
      mergedAt: ownCopy(commit.date),
      mergeCommit: ownCopy(commit.hash),
      source: message.source,
      authors: [author],
      coAuthors: [],
    };
    if (message.branch !== undefined) pr.branch = ownCopy(message.branch);
    if (message.project !== undefined) pr.project = ownCopy(message.project);
    addPeople(pr.coAuthors, parseCoAuthors(commit.body), pr.authors);
    if (message.source === 'merge-commit' && commit.parents.length >= 2) {
      const tip = commit.parents[1];
      const merges = this.waiting.get(tip);
      if (merges) merges.push(pr);
      else {
        this.waiting.set(ownCopy(tip), [pr]);
        this.onBranchTip?.(tip);
      }
    }
    // A number met again keeps its place in the log's order: a Map keeps a key where it was first set (the list was
    // rebuilt for each such number, a square of the pull requests' count when a history squashes and merges alike).
    this.found.set(message.number, pr);
  }

  /**
   * A GitHub merge's branch tip (its second parent): the merges of it get the tip's author as theirs, and its
   * co-authors after their own. Any other commit changes nothing.
   */
  addBranchTip(commit: HistoryCommit): void {
    const merges = this.waiting.get(commit.hash);
    if (!merges) return;
    this.waiting.delete(commit.hash);
    const author = this.person(commit.authorName, commit.authorEmail);
    const tipCoAuthors = parseCoAuthors(commit.body);
    for (const pr of merges) {
      pr.authors = [author];
      const co = pr.coAuthors;
      pr.coAuthors = [];
      addPeople(pr.coAuthors, [...co, ...tipCoAuthors], pr.authors);
    }
  }

  /** The pull requests found so far, newest first. */
  pullRequests(): DiscoveredPullRequest[] {
    return [...this.found.values()];
  }
}

export interface DiscoveryOptions {
  /**
   * Only pull requests merged at or after this date (`YYYY-MM-DD` or ISO date-time): by `mergedAt`, the author
   * date (a day compares with its own calendar day, as pairing's `--since` does).
   */
  since?: string;
  /** The revision to walk from (HEAD when absent). */
  revision?: string;
  maxCount?: number;
  /**
   * A GitHub merge's branch tip is not read, so its author is the merge
   * commit's. For callers that want when, not who.
   */
  onlyMessages?: boolean;
}

/**
 * Texts one of which every message {@link pullRequestFromMessage} reads holds
 * (any case): `Merge pull request #`, `(pull request #`, `Pull request #`;
 * `See merge request `; `(#N)`; `Merged PR `.
 */
const MESSAGE_TEXTS = ['pull request #', 'see merge request ', '(#', 'merged pr '];

export interface DiscoveryResult {
  pullRequests: DiscoveredPullRequest[];
  /**
   * Commits read: with `maxCount`, every commit walked; without it, the
   * commits whose message could name a pull request (git filters the rest).
   */
  commits: number;
  /** Why history could not be read (no git, not a repository, no commits), when that is so. */
  unavailable?: string;
}

/**
 * Every merged pull request in the history of HEAD (or `revision`), newest first, from streaming `git log`s.
 *
 * Without `maxCount`, git prints only the commits whose message could name a merged pull request (most of a long
 * history is not read at all), and then, in a second `git log`, the branch tips of the GitHub merges found, for their
 * authors and co-authors. A tip is read whatever `since` says: who wrote a pull request does not depend on the
 * window asked for. With `maxCount` (a bounded look at recent history) every commit is walked, in one pass.
 */
export async function discoverPullRequests(
  git: GitExecutor,
  remotes: readonly RemoteRepo[] | Promise<readonly RemoteRepo[]>,
  options: DiscoveryOptions = {},
): Promise<DiscoveryResult> {
  // Remotes still being read only give the URLs, at the end: the history is read meanwhile.
  const later = remotes instanceof Promise ? remotes : undefined;
  const filtered = options.maxCount === undefined;
  // The second git starts now and is handed each tip as its merge is found; it prints them once the history is read.
  const tips = filtered && !options.onlyMessages ? new CommitFeed() : undefined;
  const read: HistoryCommit[] = [];
  const tipsRead = tips ? scanHistory(git, (c) => read.push(c), { commits: tips }).catch(() => undefined) : undefined;
  const collector = new PullRequestCollector(later ? [] : (remotes as readonly RemoteRepo[]), tips && ((hash) => tips.add(hash)));
  let scan: Awaited<ReturnType<typeof scanHistory>>;
  const merged = options.since === undefined ? undefined : mergedSince(options.since);
  try {
    // git's date filter reads the committer date: it is asked for a little more, and the author date decides.
    // A commit outside the window may still be a GitHub merge's branch tip.
    const add = merged ? (c: HistoryCommit) => (merged(c.date) ? collector.add(c) : collector.addBranchTip(c)) : (c: HistoryCommit) => collector.add(c);
    scan = await scanHistory(git, add, {
      since: options.since === undefined ? undefined : sinceWithSlack(options.since),
      revision: options.revision,
      maxCount: options.maxCount,
      mentioning: filtered ? MESSAGE_TEXTS : undefined,
    });
  } finally {
    tips?.end();
  }
  // A tip git cannot read (a shallow clone's boundary, an error) leaves its merges with the merge commit's author.
  await tipsRead;
  if (scan.unavailable === undefined) for (const c of read) collector.addBranchTip(c);
  const pullRequests = collector.pullRequests();
  if (later) {
    const known = await later;
    for (const pr of pullRequests) pr.url = discoveredPullRequestUrl(pr, known);
  }
  const result: DiscoveryResult = { pullRequests, commits: scan.commits };
  if (scan.unavailable !== undefined) result.unavailable = scan.unavailable;
  return result;
}

/** Whether an author date (ISO, as git prints `%aI`) is at or after `since`: a day by the date's own calendar day, a date-time as an instant. */
function mergedSince(since: string): (date: string) => boolean {
  if (/^\d{4}-\d{2}-\d{2}$/.test(since)) return (date) => date.slice(0, 10) >= since;
  const from = Date.parse(since);
  return Number.isNaN(from) ? () => true : (date) => Date.parse(date) >= from;
}

/**
 * The merge day (`YYYY-MM-DD`) of every merged pull request with a URL, by
 * URL: what {@link discoverPullRequests} with `onlyMessages` finds (the same
 * pull requests, the same rule when a number is met twice), without the
 * authors, co-authors and titles nobody asks for here. What could be read
 * when git fails part way is kept, as there; `options.strict` rejects
 * instead, so a caller that keeps the answer can ask again later (a history
 * with no commits yet is no failure).
 */
export async function discoverPullRequestDates(
  git: GitExecutor,
  remotes: readonly RemoteRepo[],
  options: { strict?: boolean } = {},
): Promise<Map<string, string>> {
  const found = new Map<number, { message: PullRequestMessage; date: string }>();
  const scan = await scanHistory(
    git,
    (commit) => {
      const message = pullRequestFromMessage(commit.subject, commit.body);
      if (!message) return;
      const existing = found.get(message.number);
      if (existing && !(existing.message.source === 'squash' && message.source !== 'squash')) return;
      // Ten characters: V8 copies a string this short, so nothing of git's output is kept.
      found.set(message.number, { message, date: commit.date.slice(0, 10) });
    },
    { mentioning: MESSAGE_TEXTS },
  );
  if (options.strict && scan.unavailable !== undefined && !/no commits yet/.test(scan.unavailable)) throw new Error(scan.unavailable);
  const dates = new Map<string, string>();
  for (const { message, date } of found.values()) {
    const url = discoveredPullRequestUrl(message, remotes);
    if (url) dates.set(url, date);
  }
  return dates;
}

/** Why `value` cannot be a `since` date (YYYY-MM-DD, a real day, or an ISO date-time), or undefined when it can. */
export function sinceProblem(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  const bad = notADate('since', value);
  if (!m) return bad;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return bad;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return bad;
  return undefined;
}
