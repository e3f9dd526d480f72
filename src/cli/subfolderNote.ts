import * as nodeFs from 'fs';
import * as path from 'path';
import { RecordFileSystem, toPortPath } from '../core/store/fileSystem';

/**
 * The top of the git work tree the folder `cwd` lies inside, below that top;
 * undefined when `cwd` is the top itself or in no work tree. Found from the
 * `.git` entries on the way up (a folder, or a file in a worktree or
 * submodule), with no git process.
 */
export function enclosingRepositoryTop(cwd: string): string | undefined {
  if (nodeFs.existsSync(path.join(cwd, '.git'))) return undefined;
  for (let dir = path.dirname(cwd), below = cwd; dir !== below; below = dir, dir = path.dirname(dir)) {
    if (nodeFs.existsSync(path.join(dir, '.git'))) return dir;
  }
  return undefined;
}

/**
 * Without `--root`, run in a folder of a repository (`top`) that holds no record folder, a command reads the
 * repository; this note says so, on stderr.
 */
export function repositoryTopNote(command: string, cwd: string, top: string): string {
  return `lodestar ${command}: note: no record folder in ${cwd}; reading the repository at ${top} (--root . reads only this folder)\n`;
}

/**
 * Without `--root`, a command reads the current folder (as the design has
 * it), and run in a folder of a repository it reads only that folder: its
 * design docs, mentoring and influence folders, and often its decision
 * folder too, are left out without a word. This note says so, on stderr;
 * `--root` (any, `--root .` among them) leaves it out.
 */
export function subfolderNote(command: string, cwd: string, top: string): string {
  return `lodestar ${command}: note: reading only ${cwd}, a folder inside the repository at ${top}; --root ${top} reads all of it (--root . this folder, without this note)\n`;
}

/**
 * The root a command reads without `--root`: the current folder, as the design has it (with
 * {@link subfolderNote} when it is a folder inside a repository), or the repository's top when the current folder is
 * inside one and holds no record folder (the ADR folder itself, `src/`): a command reading only that folder would find
 * nothing and say nothing wrong, a lint hook passing with nothing checked. Notes go to `err`.
 */
export async function defaultRoot(command: string, cwd: string, fs: RecordFileSystem, err: (text: string) => void): Promise<string> {
  const here = toPortPath(path.resolve(cwd));
  const top = enclosingRepositoryTop(cwd);
  if (top === undefined) return here;
  // Loaded here, not with this module: `adr` and `help` load no record index.
  const { DEFAULT_SETTINGS, discoverRecordFolders } = await import('../core/index/recordFolders');
  if ((await discoverRecordFolders(fs, here, DEFAULT_SETTINGS)).folders.length > 0) {
    err(subfolderNote(command, cwd, top));
    return here;
  }
  err(repositoryTopNote(command, cwd, top));
  return toPortPath(top);
}
