import { GitExecutor, GitError } from '../git/gitExecutor';
import { LodestarRecord } from '../records/record';
import { RecordFileSystem, basename, dirname, joinPath, relativePath } from '../store/fileSystem';

/**
 * The private notebook: sensitive notes (career, feedback, wellbeing) kept
 * outside every workspace folder. Lodestar never writes a private record
 * under a workspace folder, and warns when a private record is tracked by git.
 */

/** Kinds whose notes go to the private notebook unless the user chooses otherwise. */
export const SENSITIVE_KINDS = ['career', 'feedback', 'wellbeing'] as const;

export function isSensitiveKind(kind: string): boolean {
  return (SENSITIVE_KINDS as readonly string[]).includes(kind.toLowerCase());
}

/** The canonical path (symlinks resolved) of a path that may not exist yet: its nearest existing folder's, plus the rest. */
export async function canonicalPath(fs: RecordFileSystem, path: string): Promise<string> {
  if (!fs.realPath) return path;
  const rest: string[] = [];
  let at = path;
  for (;;) {
    try {
      const real = await fs.realPath(at);
      return rest.length > 0 ? joinPath(real, ...rest.reverse()) : real;
    } catch {
      const parent = dirname(at);
      if (parent === at) return path;
      rest.push(basename(at));
      at = parent;
    }
  }
}

/**
 * Why `folder` cannot hold private records, or undefined: it is a workspace
 * folder or inside one (symbolic links resolved, so a link from outside into
 * the repository is caught too).
 */
export async function privateFolderProblem(fs: RecordFileSystem, folder: string, workspaceFolders: readonly string[]): Promise<string | undefined> {
  if (folder.trim() === '') return 'The private notebook path is not set.';
  const real = await canonicalPath(fs, folder);
  for (const ws of workspaceFolders) {
    const realWs = await canonicalPath(fs, ws);
    if (relativePath(realWs, real) !== undefined || relativePath(ws, folder) !== undefined) {
      return `The private notebook (${folder}) is inside the workspace folder ${ws}; private notes are never written where they could be committed. Choose a folder outside every workspace folder.`;
    }
  }
  return undefined;
}

/** The problem code of a record marked `visibility: private` that git tracks (Problems panel and `lodestar lint`). */
export const PRIVATE_TRACKED_CODE = 'private-tracked-by-git';

/** What the problem says. */
export const PRIVATE_TRACKED_MESSAGE =
  'This note is marked visibility: private, but git tracks it: everyone with the repository can read it. Move it to your private notebook (setting lodestar.privateNotebook.path) and remove it from git with "git rm --cached"; it stays in the history until that is rewritten.';

/**
 * Which of these files git tracks (paths relative to the repository the
 * executor runs in). Without git or outside a repository, none.
 */
export async function trackedByGit(git: GitExecutor, relativePaths: readonly string[]): Promise<string[]> {
  if (relativePaths.length === 0) return [];
  try {
    // Literal pathspecs: a file named `:(glob)*` is that file, not a pattern.
    const out = await git.run(['--literal-pathspecs', 'ls-files', '-z', '--', ...relativePaths]);
    return out.split('\0').filter((p) => p !== '');
  } catch (e) {
    if (e instanceof GitError) return [];
    throw e;
  }
}

/**
 * The records marked `visibility: private` that git tracks in the repository at `root` (their paths): one
 * `git ls-files` about those records only, and none when no record is private (the Problems panel and `lint`).
 */
export async function privateRecordsTrackedByGit(records: readonly LodestarRecord[], root: string, git: GitExecutor): Promise<string[]> {
  const relative = records
    .filter((r) => r.private)
    .map((r) => relativePath(root, r.path))
    .filter((p): p is string => p !== undefined && p !== '');
  return (await trackedByGit(git, relative)).map((rel) => joinPath(root, rel));
}
