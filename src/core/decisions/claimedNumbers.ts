import { GitError, GitExecutor } from '../git/gitExecutor';
import { numberFromFileName } from './decisionParser';

export interface ClaimedNumbers {
  /** Decision number → the branches whose copy of the folder has a record with it. */
  byNumber: Map<number, string[]>;
  /** Why nothing could be read from git, when that is so (no git, not a repository, no commits). */
  unavailable?: string;
}

/**
 * Numbers that records in the decision folder have on every local and
 * remote-tracking branch other than the current one. `git` runs in the
 * decision folder itself (ls-tree lists the folder it runs in). One `ls-tree`
 * per distinct branch tip, so fifty branches at three commits cost three processes.
 */
export async function claimedNumbersOnOtherBranches(git: GitExecutor): Promise<ClaimedNumbers> {
  const byNumber = new Map<number, string[]>();
  let refs: { name: string; commit: string }[];
  let current = '';
  try {
    const out = await git.run(['for-each-ref', '--format=%(objectname) %(refname)', 'refs/heads', 'refs/remotes']);
    refs = out
      .split('\n')
      .map((l) => /^([0-9a-f]{7,64}) (.+)$/.exec(l.trim()))
      .filter((m): m is RegExpExecArray => m !== null && !m[2].endsWith('/HEAD'))
      .map((m) => ({ commit: m[1], name: m[2].replace(/^refs\/(heads|remotes)\//, '') }));
    current = (await git.run(['symbolic-ref', '-q', 'HEAD']).catch(() => '')).trim().replace(/^refs\/heads\//, '');
  } catch (e) {
    return { byNumber, unavailable: e instanceof GitError ? e.message : String(e) };
  }
  const byCommit = new Map<string, string[]>();
  for (const r of refs) {
    if (r.name === current) continue;
    const list = byCommit.get(r.commit);
    if (list) list.push(r.name);
    else byCommit.set(r.commit, [r.name]);
  }
  await Promise.all(
    [...byCommit.entries()].map(async ([commit, names]) => {
      const out = await git.run(['ls-tree', '--name-only', commit]).catch(() => '');
      for (const line of out.split('\n')) {
        const name = line.slice(line.lastIndexOf('/') + 1);
        if (!/\.(md|markdown)$/i.test(name)) continue;
        const n = numberFromFileName(name);
        if (n === null || /^\d{8}-/.test(name)) continue;
        const list = byNumber.get(n) ?? [];
        for (const b of names) if (!list.includes(b)) list.push(b);
        byNumber.set(n, list);
      }
    }),
  );
  for (const list of byNumber.values()) list.sort();
  return { byNumber };
}

/** The next number: one past the highest used here or claimed on another branch. */
export function nextDecisionNumber(localNumbers: Iterable<number | null>, claimed?: ClaimedNumbers): number {
  let max = 0;
  for (const n of localNumbers) if (n !== null && n > max) max = n;
  if (claimed) for (const n of claimed.byNumber.keys()) if (n > max) max = n;
  return max + 1;
}
