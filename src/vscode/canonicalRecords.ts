import * as vscode from 'vscode';
import { createGitExecutor } from '../core/git/gitExecutor';
import { withCanonicalPullRequests } from '../core/pulls/recordsByPullRequest';
import { readRemotes, RemoteRepo } from '../core/pulls/remotes';
import { recordsWithCanonicalPeople } from '../core/people/canonicalPeople';
import { PeopleDirectory } from '../core/people/identities';
import { LodestarRecord } from '../core/records/record';
import { cachedPeopleDirectory, peopleDirectoryOf } from './peopleDirectories';
import { WorkspaceRecords } from './workspaceRecords';

/** Remotes per workspace folder, read once a minute at most (and never in Restricted Mode, where git does not run). */
const remotesByRoot = new Map<string, { remotes: RemoteRepo[]; read: number }>();
const pending = new Map<string, Promise<RemoteRepo[]>>();
const FRESH_MS = 60_000;

/** History or `.git/config` moved (`git remote set-url`, a checkout): remotes are read again on the next use. */
export function forgetRemotes(): void {
  remotesByRoot.clear();
  pending.clear();
}

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

function withPeople(list: LodestarRecord[], directory: PeopleDirectory | undefined): LodestarRecord[] {
  return directory ? recordsWithCanonicalPeople(list, directory) : list;
}

function notebookProfiles(records: WorkspaceRecords): LodestarRecord[] {
  return records.notebook.records().filter((r) => r.kind === 'person');
}

/**
 * Every record, with its `pullRequests` written as canonical URLs resolved
 * against its workspace folder's remotes (`#12` and the URL of the same pull
 * request are one), so reports count and link each pull request once, and
 * its people as one identity each (a profile's handle, else the canonical
 * address: `dana`, `dana@example.com` and an old `.mailmap` address are one).
 * The private notebook's records resolve against the first folder's remotes
 * and people.
 */
export async function recordsWithCanonicalPullRequests(records: WorkspaceRecords): Promise<LodestarRecord[]> {
  const out: LodestarRecord[] = [];
  const indexes = records.indexes();
  const profiles = notebookProfiles(records);
  const notebookVersion = records.notebook.index?.version;
  const directories = await Promise.all(indexes.map(({ index }) => peopleDirectoryOf(index, profiles, notebookVersion).catch(() => undefined)));
  for (const [i, { index }] of indexes.entries())
    out.push(...withPeople(withCanonicalPullRequests(index.records(), await remotesOf(index.root)), directories[i]));
  const first = indexes[0] ? await remotesOf(indexes[0].index.root) : [];
  out.push(...withPeople(withCanonicalPullRequests(records.notebook.records(), first), directories[0]));
  return out;
}

/** Reads (or finds cached) every folder's people, so the next cached render counts each person once. */
export async function preparePeopleDirectories(records: WorkspaceRecords): Promise<void> {
  const profiles = notebookProfiles(records);
  const notebookVersion = records.notebook.index?.version;
  await Promise.all(records.indexes().map(({ index }) => peopleDirectoryOf(index, profiles, notebookVersion).catch(() => undefined)));
}

/** Who is who for the record at `path`: its workspace folder's people (the first folder's for the private notebook). */
export async function peopleDirectoryFor(records: WorkspaceRecords, path: string): Promise<PeopleDirectory | undefined> {
  const indexes = records.indexes();
  const own = indexes.find(({ index }) => index.record(path) !== undefined) ?? indexes[0];
  if (!own) return undefined;
  return peopleDirectoryOf(own.index, notebookProfiles(records), records.notebook.index?.version).catch(() => undefined);
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
  const profiles = notebookProfiles(records);
  const notebookVersion = records.notebook.index?.version;
  const cached = indexes.map(({ index }) => cachedPeopleDirectory(index, profiles, notebookVersion));
  const directories = cached.map((c) => c.directory);
  const peopleMissing = cached.some((c) => !c.current);
  const out = indexes.flatMap(({ index }, i) => withPeople(withCanonicalPullRequests(index.records(), cachedFor(index.root)), directories[i]));
  out.push(...withPeople(withCanonicalPullRequests(records.notebook.records(), indexes[0] ? cachedFor(indexes[0].index.root) : []), directories[0]));
  const waits: Promise<unknown>[] = [];
  if (missing && vscode.workspace.isTrusted) waits.push(...indexes.map(({ index }) => remotesOf(index.root)));
  if (peopleMissing) waits.push(...indexes.map(({ index }) => peopleDirectoryOf(index, profiles, notebookVersion).catch(() => undefined)));
  if (waits.length > 0) void Promise.all(waits).then(onReady);
  return out;
}

/**
 * A person key's display name (`bob@example.com` → `Bob`) from the people
 * read so far, each folder's in turn, as the pairing matrix names them; the
 * key itself when nobody knows it (or nothing is read yet: a redraw follows).
 */
export function cachedNameOf(records: WorkspaceRecords): (key: string) => string {
  const profiles = notebookProfiles(records);
  const notebookVersion = records.notebook.index?.version;
  const directories = records.indexes().flatMap(({ index }) => cachedPeopleDirectory(index, profiles, notebookVersion).directory ?? []);
  return (key) => {
    for (const directory of directories) {
      const name = directory.nameOf(key);
      if (name !== key) return name;
    }
    return key;
  };
}
