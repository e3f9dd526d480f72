import { numberFromFileName } from '../decisions/decisionParser';
import { GitExecutor } from '../git/gitExecutor';
import { Problem } from '../records/record';
import { relativePath } from '../store/fileSystem';

/** What `lint --base REF` learns from git: the files this branch touched, and numbers it takes that others already use. */
export interface BaseComparison {
  /** Absolute paths this branch adds or changes since the merge base (commits, uncommitted edits, new files); undefined when unknown. */
  changed?: Set<string>;
  /** Absolute paths of the merge base's files this branch deletes or renames away (links to them break); undefined when unknown. */
  removed?: Set<string>;
  problems: Problem[];
}

export interface BaseRequest {
  /** The repository, as the index sees it (absolute, `/`). */
  root: string;
  base: string;
  /** Globs of other branches (`origin/*`) whose records this branch's new numbers must not collide with. */
  branches: string[];
  /** Absolute paths of the decision folders. */
  decisionFolders: string[];
}

const FETCH_HINT =
  'Fetch the whole history: in GitHub Actions, `actions/checkout` with `fetch-depth: 0`; elsewhere `git fetch --unshallow origin` (or `git fetch origin BRANCH`).';

/**
 * Compares this branch with `base` (usually `origin/main`): the merge base,
 * the files changed since it, and — for every decision record the branch adds
 * or renumbers — any other file that uses the same number on `base` or on a
 * branch matching `branches`. In a shallow clone without the merge base, or
 * with a base that is not there, the answer is one `base-history-missing`
 * problem (how to fetch it) and no collisions: none can be told apart from a
 * false one.
 */
export async function compareWithBase(gitFor: (cwd: string) => GitExecutor, req: BaseRequest): Promise<BaseComparison> {
  const missing = (message: string): BaseComparison => ({ problems: [{ path: req.root, line: 1, severity: 'error', code: 'base-history-missing', message }] });
  let top: string;
  try {
    top = (await gitFor(req.root).run(['rev-parse', '--show-toplevel'])).trim();
  } catch (e) {
    return missing(`--base ${req.base} needs a git repository: ${(e as Error).message}.`);
  }
  // Paths from ls-files and ls-tree are relative to where git runs: the top of the repository.
  const git = gitFor(top);
  const shallow = (await git.run(['rev-parse', '--is-shallow-repository']).catch(() => 'false')).trim() === 'true';
  const shallowNote = shallow ? ' This is a shallow clone, so the history is missing.' : '';
  const baseCommit = await resolveCommit(git, req.base);
  if (!baseCommit) {
    // `--base main` where only the remote-tracking `origin/main` exists (a CI clone has no local branches but its own).
    const remote = req.base.includes('/')
      ? undefined
      : (await git.run(['for-each-ref', '--format=%(refname:short)', `refs/remotes/*/${req.base}`]).catch(() => '')).split('\n')[0]?.trim();
    const hint = remote ? ` Did you mean --base ${remote}? This clone has it as a remote-tracking branch only.` : '';
    // In a full clone a name that is not there is most likely mistyped, not missing history.
    const next = shallow ? ` ${FETCH_HINT}` : remote ? '' : ' Check the name (`git branch -a` lists the branches), or fetch it: `git fetch origin BRANCH`.';
    return missing(`--base ${req.base} is not a commit in this clone.${hint}${shallowNote}${next}`);
  }
  const mergeBase = (await git.run(['merge-base', 'HEAD', baseCommit]).catch(() => '')).trim();
  if (!mergeBase) {
    return missing(
      shallow
        ? `This branch and ${req.base} meet in history this shallow clone does not have. ${FETCH_HINT}`
        : `This branch and ${req.base} share no history (no merge base).`,
    );
  }

  // Changes since the merge base, committed or not, and files git does not know yet.
  const diff = await git.run(['diff', '--name-status', '-z', '-M', mergeBase, '--']);
  const untracked = await git.run(['ls-files', '--others', '--exclude-standard', '-z']);
  const changed = new Set<string>();
  const added = new Set<string>(); // repository-relative paths this branch adds or renames to
  const gone = new Set<string>(); // repository-relative paths of the merge base this branch deletes or renames away
  const fields = diff.split('\0');
  for (let i = 0; i < fields.length - 1;) {
    const status = fields[i];
    if (/^[RC]/.test(status)) {
      const [from, to] = [fields[i + 1], fields[i + 2]];
      if (status.startsWith('R')) gone.add(from);
      // Renamed under the same number (a new title) takes no new number.
      if (numberOf(from) !== numberOf(to) || dirOf(from) !== dirOf(to)) added.add(to);
      changed.add(to);
      i += 3;
    } else {
      const path = fields[i + 1];
      if (status === 'D') gone.add(path);
      else changed.add(path);
      if (status === 'A') added.add(path);
      i += 2;
    }
  }
  for (const path of untracked.split('\0')) {
    if (path === '') continue;
    changed.add(path);
    added.add(path);
  }

  const problems: Problem[] = [];
  const folders = req.decisionFolders
    .map((abs) => ({ abs, rel: relativePath(top, abs) }))
    .filter((f): f is { abs: string; rel: string } => f.rel !== undefined);
  const newRecords = [...added]
    .map((path) => ({ path, dir: dirOf(path), name: path.slice(path.lastIndexOf('/') + 1), number: numberOf(path) }))
    .filter((r): r is { path: string; dir: string; name: string; number: number } => r.number !== null && folders.some((f) => f.rel === r.dir));
  if (newRecords.length > 0) {
    const collide = async (commit: string, report: (record: (typeof newRecords)[number], others: string[]) => void): Promise<void> => {
      for (const folder of folders) {
        const mine = newRecords.filter((r) => r.dir === folder.rel);
        if (mine.length === 0) continue;
        const theirs = await namesAt(git, commit, folder.rel);
        for (const r of mine) {
          const others = theirs.filter(
            (name) => name !== r.name && numberOf(name) === r.number && !gone.has(folder.rel === '' ? name : `${folder.rel}/${name}`),
          );
          if (others.length > 0) report(r, others);
        }
      }
    };
    const abs = (rel: string): string => `${top}/${rel}`;
    await collide(baseCommit, (r, others) =>
      problems.push({
        path: abs(r.path),
        line: 1,
        severity: 'error',
        code: 'number-used-on-base',
        message: `Decision number ${r.number} is already used on ${req.base} by ${others.join(', ')} (it merged while this branch was open): renumber this record, e.g. \`lodestar adr renumber ${shellWord(r.path)} --next-free\`.`,
      }),
    );
    if (req.branches.length > 0) {
      const head = (await git.run(['rev-parse', 'HEAD'])).trim();
      const byCommit = await otherBranchTips(git, req.branches, new Set([head, baseCommit]));
      const found = new Map<string, { record: (typeof newRecords)[number]; others: Map<string, string[]> }>();
      for (const [commit, names] of byCommit) {
        // A branch this one already contains (its own pushed copy) holds nothing new; nor does one
        // already merged into the base: what it added is on the base now, renumbered there if it had to be.
        if ((await isAncestor(git, commit, head)) || (await isAncestor(git, commit, baseCommit))) continue;
        await collide(commit, (r, others) => {
          const entry = found.get(r.path) ?? { record: r, others: new Map() };
          for (const o of others) entry.others.set(o, [...(entry.others.get(o) ?? []), ...names]);
          found.set(r.path, entry);
        });
      }
      for (const { record, others } of found.values()) {
        const where = [...others]
          .map(([file, branches]) => `${file} on ${branches.length === 1 ? 'branch' : 'branches'} ${[...new Set(branches)].sort().join(', ')}`)
          .join('; ');
        problems.push({
          path: abs(record.path),
          line: 1,
          severity: 'error',
          code: 'number-on-other-branch',
          message: `Decision number ${record.number} is also used by ${where}: renumber one of them before they meet.`,
        });
      }
    }
  }
  return { changed: new Set([...changed].map((p) => `${top}/${p}`)), removed: new Set([...gone].map((p) => `${top}/${p}`)), problems };
}

/** The commit a ref names, or undefined; a ref that looks like an option is never passed to git. */
async function resolveCommit(git: GitExecutor, ref: string): Promise<string | undefined> {
  if (ref.startsWith('-') || ref.trim() === '') return undefined;
  const out = await git.run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).catch(() => '');
  return /^[0-9a-f]{7,64}$/.test(out.trim()) ? out.trim() : undefined;
}

/** Commit → the short names of the local and remote-tracking branches matching the globs, leaving out `skip` commits and `origin/HEAD`-style links. */
async function otherBranchTips(git: GitExecutor, globs: string[], skip: Set<string>): Promise<Map<string, string[]>> {
  const patterns = globs.filter((g) => !g.startsWith('-')).flatMap((g) => [`refs/heads/${g}`, `refs/remotes/${g}`]);
  const out = await git.run(['for-each-ref', '--format=%(objectname) %(refname)', ...patterns]).catch(() => '');
  const byCommit = new Map<string, string[]>();
  for (const line of out.split('\n')) {
    const m = /^([0-9a-f]{7,64}) refs\/(?:heads|remotes)\/(.+)$/.exec(line.trim());
    if (!m || m[2].endsWith('/HEAD') || skip.has(m[1])) continue;
    byCommit.set(m[1], [...(byCommit.get(m[1]) ?? []), m[2]]);
  }
  return byCommit;
}

/** By the merge base, not `--is-ancestor`: its answer is only an exit code, which a quiet failure would hide. */
async function isAncestor(git: GitExecutor, commit: string, of: string): Promise<boolean> {
  const base = await git.run(['merge-base', commit, of]).catch(() => '');
  return base.trim() === commit;
}

/** File names directly in `folder` (repository-relative) at `commit`. */
async function namesAt(git: GitExecutor, commit: string, folder: string): Promise<string[]> {
  const out = await git.run(['ls-tree', '--name-only', '-z', commit, '--', folder === '' ? '.' : `${folder}/`]).catch(() => '');
  return out
    .split('\0')
    .filter((p) => p !== '' && dirOf(p) === folder)
    .map((p) => p.slice(p.lastIndexOf('/') + 1));
}

/** A path as one word of a POSIX shell command: quoted when it has a space or another character the shell reads. */
export function shellWord(path: string): string {
  return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** A numbered record file's number (`0007-x.md` → 7); log4brains' dated names and other files have none. */
function numberOf(path: string): number | null {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (!/\.(md|markdown)$/i.test(name) || /^\d{8}-/.test(name) || /^\d{4}-\d{2}-\d{2}/.test(name)) return null;
  return numberFromFileName(name);
}
