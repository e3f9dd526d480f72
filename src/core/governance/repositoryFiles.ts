import { GitExecutor } from '../git/gitExecutor';
import { LodestarRecord } from '../records/record';
import { toPortPath } from '../store/fileSystem';
import { Governance } from './governance';

export interface RepositoryFiles {
  /** The repository's top folder (absolute, `/`): `applies-to` globs are relative to it. */
  top: string;
  /** Every file git tracks, relative to `top` with `/`. */
  files: string[];
  /** `core.ignorecase`: the file system ignores case, so matching does too. */
  ignoreCase: boolean;
}

/** The files `git ls-files` lists for the whole repository around `cwd`, or undefined when it is not in one (or git is missing). */
export async function readRepositoryFiles(git: GitExecutor): Promise<RepositoryFiles | undefined> {
  let top: string;
  try {
    top = toPortPath((await git.run(['rev-parse', '--show-toplevel'])).trim());
  } catch {
    return undefined;
  }
  if (top === '') return undefined;
  const [listing, ignoreCase] = await Promise.all([
    // `:/` is the whole repository, with paths from its top, wherever git runs.
    git.run(['ls-files', '-z', '--full-name', '--', ':/']).catch(() => undefined),
    git.run(['config', '--bool', 'core.ignorecase']).then(
      (v) => v.trim() === 'true',
      () => false,
    ),
  ]);
  if (listing === undefined) return undefined;
  return { top, files: listing.split('\0').filter((f) => f !== ''), ignoreCase };
}

/** The governance of an index's records over its repository's tracked files (outside git: matched path by path, from the index root). */
export async function loadGovernance(
  records: readonly LodestarRecord[],
  root: string,
  git: GitExecutor,
): Promise<{ governance: Governance; top: string; repository?: RepositoryFiles }> {
  const repository = records.some((r) => r.appliesTo && r.appliesTo.length > 0) ? await readRepositoryFiles(git) : undefined;
  return { governance: new Governance(records, repository?.files, { caseInsensitive: repository?.ignoreCase }), top: repository?.top ?? root, repository };
}
