import * as vscode from 'vscode';
import { createGitExecutor } from '../core/git/gitExecutor';
import { withCanonicalPullRequests } from '../core/pulls/prLinks';
import { readRemotes, RemoteRepo } from '../core/pulls/remotes';
import { LodestarRecord } from '../core/records/record';
import { WorkspaceRecords } from './workspaceRecords';

/** Remotes per workspace folder, read once a minute at most (and never in Restricted Mode, where git does not run). */
const remotesByRoot = new Map<string, { remotes: RemoteRepo[]; read: number }>();
const pending = new Map<string, Promise<RemoteRepo[]>>();
const FRESH_MS = 60_000;

function remotesOf(root: string): Promise<RemoteRepo[]> {
  const cached = remotesByRoot.get(root);
  if (cached && Date.now() - cached.read < FRESH_MS) return Promise.resolve(cached.remotes);
  if (!vscode.workspace.isTrusted) return Promise.resolve([]);
  let reading = pending.get(root);
  if (!reading) {
    reading = readRemotes(createGitExecutor(root))
      .catch(() => [])
      .then((remotes) => {
        remotesByRoot.set(root, { remotes, read: Date.now() });
        pending.delete(root);
        return remotes;
      });
    pending.set(root, reading);
  }
  return reading;
}

/**
 * Every record, with its `pullRequests` written as canonical URLs resolved
 * against its workspace folder's remotes (`#12` and the URL of the same pull
 * request are one), so reports count and link each pull request once. The
 * private notebook's records resolve against the first folder's remotes.
 */
export async function recordsWithCanonicalPullRequests(records: WorkspaceRecords): Promise<LodestarRecord[]> {
  const out: LodestarRecord[] = [];
  const indexes = records.indexes();
  for (const { index } of indexes) out.push(...withCanonicalPullRequests(index.records(), await remotesOf(index.root)));
  const first = indexes[0] ? await remotesOf(indexes[0].index.root) : [];
  out.push(...withCanonicalPullRequests(records.notebook.records(), first));
  return out;
}

/** The same, from what is cached now (no git): for renders that cannot wait; `onReady` is called when fresh remotes arrive. */
export function recordsWithCachedPullRequests(records: WorkspaceRecords, onReady: () => void): LodestarRecord[] {
  const indexes = records.indexes();
  let missing = false;
  const cachedFor = (root: string): RemoteRepo[] => {
    const cached = remotesByRoot.get(root);
    if (!cached || Date.now() - cached.read >= FRESH_MS) missing = true;
    return cached?.remotes ?? [];
  };
  const out = indexes.flatMap(({ index }) => withCanonicalPullRequests(index.records(), cachedFor(index.root)));
  out.push(...withCanonicalPullRequests(records.notebook.records(), indexes[0] ? cachedFor(indexes[0].index.root) : []));
  if (missing && vscode.workspace.isTrusted) void Promise.all(indexes.map(({ index }) => remotesOf(index.root))).then(onReady);
  return out;
}
