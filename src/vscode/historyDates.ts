import * as vscode from 'vscode';
import { statusChangeDates } from '../core/decisions/statusHistory';
import { createGitExecutor } from '../core/git/gitExecutor';
import { discoverPullRequestDates } from '../core/pulls/prDiscovery';
import { readRemotes } from '../core/pulls/remotes';
import { today as localToday } from '../core/records/calendar';
import { WorkspaceRecords } from './workspaceRecords';

/**
 * Dates from git for reports and the dashboard, as `lodestar report` reads
 * them: when each workspace folder's decisions and design docs took their
 * current status (read once per index version and day), and when pull
 * requests were merged; forgotten when history moves. Nothing in Restricted
 * Mode, where git does not run.
 */
const cache = new Map<string, { key: string; dates: Promise<Map<string, string>>; value?: Map<string, string> }>();

/** Merge dates of the pull requests in each folder's history, by URL: read once until history moves. */
const pullRequestCache = new Map<string, { key: string; dates: Promise<Map<string, string>>; value?: Map<string, string> }>();

/** History moved (a commit, a checkout, a changed remote): dates are read again. */
export function forgetHistoryDates(): void {
  cache.clear();
  pullRequestCache.clear();
}

function entryFor(
  root: string,
  key: string,
  read: () => Promise<Map<string, string>>,
  store = cache,
): { dates: Promise<Map<string, string>>; value?: Map<string, string> } {
  const cached = store.get(root);
  if (cached?.key === key) return cached;
  const entry: { key: string; dates: Promise<Map<string, string>>; value?: Map<string, string> } = { key, dates: Promise.resolve(new Map()) };
  entry.dates = read().then(
    (dates) => (entry.value = dates),
    () => {
      // git failed (a checkout or reset holding its locks, say): nothing is kept, so the next render asks again.
      if (store.get(root) === entry) store.delete(root);
      return new Map<string, string>();
    },
  );
  store.set(root, entry);
  return entry;
}

function entries(records: WorkspaceRecords): { dates: Promise<Map<string, string>>; value?: Map<string, string> }[] {
  if (!vscode.workspace.isTrusted) return [];
  const today = localToday();
  return records
    .indexes()
    .map(({ index }) =>
      entryFor(index.root, `${index.version}:${today}`, () => statusChangeDates(createGitExecutor(index.root), index.root, index.records(), today)),
    );
}

function merged(maps: (Map<string, string> | undefined)[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of maps) if (m) for (const [k, v] of m) out.set(k, v);
  return out;
}

/** Every folder's status dates, read now if need be. */
export async function statusDatesOf(records: WorkspaceRecords): Promise<Map<string, string>> {
  return merged(await Promise.all(entries(records).map((e) => e.dates)));
}

/** What is known now, for renders that cannot wait; `onReady` is called once missing dates have been read. */
export function cachedStatusDates(records: WorkspaceRecords, onReady: () => void): Map<string, string> {
  const list = entries(records);
  const missing = list.filter((e) => e.value === undefined);
  if (missing.length > 0) void Promise.all(missing.map((e) => e.dates)).then(onReady);
  return merged(list.map((e) => e.value));
}

/** Merge dates by URL, as `lodestar report` reads them: a pull request linked only from a mentee's profile counts in the period it was merged in. */
function pullRequestEntries(records: WorkspaceRecords): { dates: Promise<Map<string, string>>; value?: Map<string, string> }[] {
  if (!vscode.workspace.isTrusted) return [];
  return records.indexes().map(({ index }) =>
    entryFor(
      index.root,
      'history',
      async () => {
        const git = createGitExecutor(index.root);
        // As `lodestar report`: only the messages that may name a pull request are read, and no author.
        return discoverPullRequestDates(git, await readRemotes(git), { strict: true });
      },
      pullRequestCache,
    ),
  );
}

/** Every folder's pull-request merge dates, read now if need be. */
export async function pullRequestDatesOf(records: WorkspaceRecords): Promise<Map<string, string>> {
  return merged(await Promise.all(pullRequestEntries(records).map((e) => e.dates)));
}

/** What is known now, for renders that cannot wait; `onReady` is called once missing dates have been read. */
export function cachedPullRequestDates(records: WorkspaceRecords, onReady: () => void): Map<string, string> {
  const list = pullRequestEntries(records);
  const missing = list.filter((e) => e.value === undefined);
  if (missing.length > 0) void Promise.all(missing.map((e) => e.dates)).then(onReady);
  return merged(list.map((e) => e.value));
}
