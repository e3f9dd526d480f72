import { GitError, GitExecutor, GitInputFeed } from './gitExecutor';

/** One commit as the history scan sees it: what pairing and pull-request discovery need, nothing more. */
export interface HistoryCommit {
  hash: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** Author date, ISO 8601 with offset, as git prints `%aI`. */
  date: string;
  subject: string;
  /** The message after the subject line (trailers included), `\n` line ends. */
  body: string;
}

export interface HistoryScanOptions {
  /**
   * Only commits committed at or after this date (`YYYY-MM-DD` or an ISO date-time), by git's own filter on the
   * committer date: `--since-as-filter` where git has it (2.37 and later), which looks at every commit, else
   * `--since`, which stops at the first older commit (one with a clock set years back hides those behind it).
   */
  since?: string;
  /** Stop after this many commits. */
  maxCount?: number;
  /** The revision to walk from; HEAD when absent. Must be a ref or commit name, never an option. */
  revision?: string;
  /**
   * Only commits whose message holds one of these texts, in any ASCII case
   * (git's own `--grep`, so the rest are never printed). A filter to read
   * less, not a parser: what is kept still goes through the caller's checks.
   */
  mentioning?: readonly string[];
  /**
   * Exactly these commits (full hashes), in this order, instead of walking
   * the history: `revision`, `since`, `mentioning` and `maxCount` do not
   * apply. Hashes the repository does not have are skipped. A
   * {@link CommitFeed} hands them over while git already runs (git prints
   * once the feed ends).
   */
  commits?: readonly string[] | CommitFeed;
}

/**
 * Commit hashes for a scan of just those commits, added while another scan is still finding them: git starts at
 * once and reads them as they come, so little is left to do when the feed ends.
 */
export class CommitFeed implements GitInputFeed {
  private sink: { write(text: string): void; end(): void } | undefined;
  /** Hashes not yet handed over, each with its newline: they go in pieces of {@link FEED_PIECE} characters. */
  private buffered = '';
  private ended = false;

  add(hash: string): void {
    if (this.ended) return;
    checkHash(hash);
    this.buffered += `${hash}\n`;
    // One write per hash would be a pipe write and a wake-up of git each: tens of thousands of them.
    if (this.sink && this.buffered.length >= FEED_PIECE) this.flush();
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.sink) {
      this.flush();
      this.sink.end();
    }
  }

  attach(sink: { write(text: string): void; end(): void }): void {
    this.sink = sink;
    if (this.buffered.length >= FEED_PIECE || this.ended) this.flush();
    if (this.ended) sink.end();
  }

  private flush(): void {
    if (this.buffered.length === 0) return;
    this.sink!.write(this.buffered);
    this.buffered = '';
  }
}

/** How many characters of hashes (a hundred or so) go to git's stdin in one write. */
const FEED_PIECE = 4096;

export interface HistoryScanResult {
  /** How many commits were read. */
  commits: number;
  /** Why no history could be read (no git, not a repository, no commits yet), when that is so. */
  unavailable?: string;
}

const RECORD = '\x1e';
const FIELD = '\x1f';
/** The fields, in order; the benchmark compares against raw `git log` with this same format. */
export const HISTORY_FORMAT = `${RECORD}%H${FIELD}%P${FIELD}%an${FIELD}%ae${FIELD}%aI${FIELD}%s${FIELD}%b`;

/** git's option for a date filter: `--since-as-filter` filters every commit walked, `--since` stops the walk at the first older one. */
export type SinceOption = '--since-as-filter' | '--since';

/**
 * The `git log` arguments of a history scan (exported so the benchmark runs exactly these). `sinceOption` is
 * the option `since` is given with ({@link sinceOptionOf} says which one the installed git has).
 */
export function historyArgs(options: HistoryScanOptions = {}, sinceOption: SinceOption = '--since'): string[] {
  const args = ['log', '--no-color', '--no-show-signature', `--format=${HISTORY_FORMAT}`];
  // The hashes go to git's stdin (a command line has a length limit; stdin has none).
  if (options.commits) return [...args, '--no-walk=unsorted', '--ignore-missing', '--stdin', '--'];
  if (options.since) args.push(sinceArg(options.since, sinceOption));
  if (options.mentioning !== undefined && options.mentioning.length > 0)
    args.push('--regexp-ignore-case', '--fixed-strings', ...options.mentioning.map((text) => `--grep=${text}`));
  if (options.maxCount !== undefined) args.push(`--max-count=${Math.max(0, Math.floor(options.maxCount))}`);
  const revision = options.revision ?? 'HEAD';
  if (revision.startsWith('-') || /[\s\0]/.test(revision)) throw new Error(`not a revision: "${revision}"`);
  args.push(revision, '--');
  return args;
}

/** git's `--since=` (or `--since-as-filter=`) for a day (from its start) or an ISO date-time; throws on anything else. */
function sinceArg(since: string, option: SinceOption): string {
  if (!/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(since)) {
    throw new Error(`not a date: "${since}" (expected YYYY-MM-DD)`);
  }
  // git reads a bare date as that day at the current time of day; a day means from its start.
  return `${option}=${/^\d{4}-\d{2}-\d{2}$/.test(since) ? `${since} 00:00:00` : since}`;
}

/**
 * The day two days before `since`'s own day, for git's filter when what counts is a commit's author date: git
 * filters on the committer date (on or after the author date unless a clock was wrong) read at the local clock,
 * and two days cover every time zone. The caller keeps the commits whose author date is in its window.
 */
export function sinceWithSlack(since: string): string {
  const d = new Date(`${since.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return since;
  d.setUTCDate(d.getUTCDate() - 2);
  return d.toISOString().slice(0, 10);
}

/** True when `git version` printed this for a git that has `--since-as-filter` (2.37.0 and later). */
export function hasSinceAsFilter(versionText: string): boolean {
  const m = /^git version (\d+)\.(\d+)/.exec(versionText.trim());
  if (!m) return false;
  const major = Number(m[1]);
  return major > 2 || (major === 2 && Number(m[2]) >= 37);
}

/**
 * The date filter the installed git has: `--since-as-filter` from git 2.37 on, else `--since` (also when the
 * version cannot be read). Asked only by scans with a `since`: `git version` runs once per process.
 */
export async function sinceOptionOf(git: GitExecutor): Promise<SinceOption> {
  if (!git.version) return '--since';
  try {
    return hasSinceAsFilter(await git.version()) ? '--since-as-filter' : '--since';
  } catch {
    return '--since';
  }
}

/**
 * How many commits the history of HEAD holds (committed since `since`, by the same filter as a scan): what a scan
 * without filters would walk. 0 when there is no history to count.
 */
export async function countHistory(git: GitExecutor, since?: string): Promise<number> {
  const args = ['rev-list', '--count', ...(since ? [sinceArg(since, await sinceOptionOf(git))] : []), 'HEAD', '--'];
  try {
    return Number((await git.run(args)).trim()) || 0;
  } catch (e) {
    if (e instanceof GitError) return 0;
    throw e;
  }
}

const HASH = /^[0-9a-f]{7,64}$/;

/** A hash handed to git's stdin is never anything else (an option, a revision range). */
function checkHash(hash: string): void {
  if (!HASH.test(hash)) throw new Error(`not a commit hash: "${hash}"`);
}

/** One record of HISTORY_FORMAT: the six separators found in turn, the body all the rest (a separator in it kept). */
function parseCommit(record: string): HistoryCommit | undefined {
  const a = record.indexOf(FIELD);
  if (a < 7 || a > 64) return undefined;
  const b = record.indexOf(FIELD, a + 1);
  const c = b === -1 ? -1 : record.indexOf(FIELD, b + 1);
  const d = c === -1 ? -1 : record.indexOf(FIELD, c + 1);
  const e = d === -1 ? -1 : record.indexOf(FIELD, d + 1);
  const f = e === -1 ? -1 : record.indexOf(FIELD, e + 1);
  if (f === -1) return undefined;
  const hash = record.slice(0, a);
  if (!HASH.test(hash)) return undefined;
  // The body runs to the end of the record, less the newlines git ends it with.
  let end = record.length;
  while (end > f + 1 && record.charCodeAt(end - 1) === 10) end--;
  return {
    hash,
    parents: b === a + 1 ? [] : record.slice(a + 1, b).split(' '),
    authorName: record.slice(b + 1, c),
    authorEmail: record.slice(c + 1, d),
    date: record.slice(d + 1, e),
    subject: record.slice(e + 1, f),
    body: record.slice(f + 1, end),
  };
}

/**
 * Walks history in one streaming `git log` (no process per commit) and
 * hands each commit to `onCommit`, newest first. A repository without git,
 * without commits, or with a detached HEAD or a shallow history is not an
 * error: the scan reports what it could read.
 */
export async function scanHistory(git: GitExecutor, onCommit: (commit: HistoryCommit) => void, options: HistoryScanOptions = {}): Promise<HistoryScanResult> {
  let pending = '';
  let commits = 0;
  const flush = (final: boolean): void => {
    let start = pending.indexOf(RECORD);
    while (start !== -1) {
      const next = pending.indexOf(RECORD, start + 1);
      if (next === -1 && !final) break;
      const commit = parseCommit(pending.slice(start + 1, next === -1 ? undefined : next));
      if (commit) {
        commits++;
        onCommit(commit);
      }
      start = next;
    }
    pending = start === -1 ? '' : pending.slice(start);
  };
  let input: string | CommitFeed | undefined;
  if (options.commits instanceof CommitFeed) input = options.commits;
  else if (options.commits) {
    if (options.commits.length === 0) return { commits: 0 };
    options.commits.forEach(checkHash);
    input = `${options.commits.join('\n')}\n`;
  }
  // Only a scan with a date asks which filter git has: one without runs no more git than `git log`.
  const sinceOption = options.since && !options.commits ? await sinceOptionOf(git) : undefined;
  try {
    await git.stream(
      historyArgs(options, sinceOption),
      (chunk) => {
        pending += chunk;
        flush(false);
      },
      input,
    );
  } catch (e) {
    if (e instanceof GitError) {
      const noCommits = /does not have any commits|bad (default )?revision|unknown revision/i.test(e.message);
      return { commits, unavailable: noCommits ? 'the repository has no commits yet' : e.message };
    }
    throw e;
  }
  flush(true);
  return { commits };
}
