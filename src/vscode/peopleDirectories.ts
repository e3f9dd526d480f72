import * as vscode from 'vscode';
import { createGitExecutor } from '../core/git/gitExecutor';
import { RecordIndex } from '../core/index/recordIndex';
import { loadPeopleDirectory, PeopleDirectory } from '../core/people/identities';
import { LodestarRecord } from '../core/records/record';
import { WorkspaceFileSystem } from './workspaceFileSystem';

/**
 * Who is who per workspace folder (profiles, the notebook's private
 * profiles, `.git-coauthors`, `.mailmap`), for the views and reports that
 * count people. Kept until the records change, and at most a minute (an
 * edited `.mailmap` or `.git-coauthors` is picked up then). git's own
 * mailmap config is honoured only in a trusted workspace.
 */
const FRESH_MS = 60_000;
const fileSystem = new WorkspaceFileSystem();
interface CachedDirectory {
  version: string;
  read: number;
  directory: Promise<PeopleDirectory>;
  value?: PeopleDirectory;
  /** The last directory read for the folder before this one: what a render uses while this one is read. */
  previous?: PeopleDirectory;
}
const cache = new Map<string, CachedDirectory>();

function versionOf(index: RecordIndex, notebook: readonly LodestarRecord[], notebookVersion: number | undefined): string {
  return `${index.version}:${notebookVersion ?? ''}:${notebook.length}:${vscode.workspace.isTrusted}`;
}

/** The folder's directory, read when missing or stale. */
export function peopleDirectoryOf(index: RecordIndex, notebookProfiles: readonly LodestarRecord[], notebookVersion?: number): Promise<PeopleDirectory> {
  const version = versionOf(index, notebookProfiles, notebookVersion);
  const cached = cache.get(index.root);
  if (cached && cached.version === version && Date.now() - cached.read < FRESH_MS) return cached.directory;
  const trusted = vscode.workspace.isTrusted;
  const entry: CachedDirectory = {
    version,
    read: Date.now(),
    directory: loadPeopleDirectory(index, fileSystem, notebookProfiles, { trusted, git: trusted ? createGitExecutor(index.root) : undefined }),
    previous: cached?.value ?? cached?.previous,
  };
  // A folder whose people cannot be read counts them as written (and is not asked again for a minute).
  entry.directory = entry.directory.catch(() => new PeopleDirectory([]));
  void entry.directory.then((d) => (entry.value = d));
  cache.set(index.root, entry);
  return entry.directory;
}

/**
 * The directory read so far for the folder, for renders that cannot wait: `current` when it is read for the records
 * as they are now; otherwise the last one read (a record or two behind, far closer than none), or undefined when
 * none was ever read. A render with a directory that is not current asks for a fresh one and draws again.
 */
export function cachedPeopleDirectory(
  index: RecordIndex,
  notebookProfiles: readonly LodestarRecord[],
  notebookVersion?: number,
): { directory?: PeopleDirectory; current: boolean } {
  const cached = cache.get(index.root);
  if (!cached) return { current: false };
  const current = cached.value !== undefined && cached.version === versionOf(index, notebookProfiles, notebookVersion) && Date.now() - cached.read < FRESH_MS;
  return { directory: cached.value ?? cached.previous, current };
}
