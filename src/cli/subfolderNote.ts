import * as nodeFs from 'fs';
import * as path from 'path';

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
 * Without `--root`, a command reads the current folder (as the design has
 * it), and run in a folder of a repository it reads only that folder: its
 * design docs, mentoring and influence folders, and often its decision
 * folder too, are left out without a word. This note says so, on stderr;
 * `--root` (any, `--root .` among them) leaves it out.
 */
export function subfolderNote(command: string, cwd: string): string | undefined {
  const top = enclosingRepositoryTop(cwd);
  if (top === undefined) return undefined;
  return `lodestar ${command}: note: reading only ${cwd}, a folder inside the repository at ${top}; --root ${top} reads all of it (--root . this folder, without this note)\n`;
}
