import * as vscode from 'vscode';
import { statusChangeDates } from '../core/decisions/statusHistory';
import { createGitExecutor } from '../core/git/gitExecutor';
import { localDate } from './commands/documentEdits';
import { WorkspaceRecords } from './workspaceRecords';

/**
 * When each workspace folder's decisions and design docs took their current
 * status (from git), for reports and the dashboard: read once per index
 * version and day, forgotten when history moves. Nothing in Restricted Mode,
 * where git does not run.
 */
const cache = new Map<string, { key: string; dates: Promise<Map<string, string>>; value?: Map<string, string> }>();

/** History moved (a commit, a checkout): dates are read again. */
export function forgetStatusDates(): void {
  cache.clear();
}

function entryFor(root: string, key: string, read: () => Promise<Map<string, string>>): { dates: Promise<Map<string, string>>; value?: Map<string, string> } {
  const cached = cache.get(root);
  if (cached?.key === key) return cached;
  const entry: { key: string; dates: Promise<Map<string, string>>; value?: Map<string, string> } = { key, dates: Promise.resolve(new Map()) };
  entry.dates = read()
    .catch(() => new Map<string, string>())
    .then((dates) => (entry.value = dates));
  cache.set(root, entry);
  return entry;
}

function entries(records: WorkspaceRecords): { dates: Promise<Map<string, string>>; value?: Map<string, string> }[] {
  if (!vscode.workspace.isTrusted) return [];
  const today = localDate();
  return records.indexes().map(({ index }) => entryFor(index.root, `${index.version}:${today}`, () => statusChangeDates(createGitExecutor(index.root), index.root, index.records(), today)));
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
