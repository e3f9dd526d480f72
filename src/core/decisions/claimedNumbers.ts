import { nameLanguage } from '../records/recordFileNames';
import { GitError, GitExecutor } from '../git/gitExecutor';
import { Problem } from '../records/record';
import { numberFromFileName } from './decisionParser';

export interface ClaimedRecord {
  /** File name in the decision folder. */
  file: string;
  /** Branches whose copy of the folder has it. */
  branches: string[];
}

export interface ClaimedNumbers {
  /** Decision number → the records on other branches that use it. */
  byNumber: Map<number, ClaimedRecord[]>;
  /** Why nothing could be read from git, when that is so (no git, not a repository, no commits). */
  unavailable?: string;
  /** `failed`: git is there and this is a repository, but git refused (a repository owned by another user, a broken ref). */
  unavailableReason?: GitError['reason'];
  /** Branches whose tip git could not list (a ref to a missing or damaged commit): their numbers are not known. */
  unreadBranches?: { names: string[]; error: string };
}

/**
 * Numbers that records in the decision folder have on every local and
 * remote-tracking branch other than the current one. `git` runs in the
 * decision folder itself (ls-tree lists the folder it runs in). One `ls-tree`
 * per distinct branch tip, so fifty branches at three commits cost three processes.
 */
export async function claimedNumbersOnOtherBranches(git: GitExecutor): Promise<ClaimedNumbers> {
  const byNumber = new Map<number, ClaimedRecord[]>();
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
    return { byNumber, unavailable: e instanceof GitError ? e.message : String(e), unavailableReason: e instanceof GitError ? e.reason : 'failed' };
  }
  const byCommit = new Map<string, string[]>();
  for (const r of refs) {
    if (r.name === current) continue;
    const list = byCommit.get(r.commit);
    if (list) list.push(r.name);
    else byCommit.set(r.commit, [r.name]);
  }
  const unread: string[] = [];
  let unreadError = '';
  await Promise.all(
    [...byCommit.entries()].map(async ([commit, names]) => {
      const out = await git.run(['ls-tree', '--name-only', commit]).catch((e: unknown) => {
        unread.push(...names);
        unreadError ||= (e instanceof Error ? e.message : String(e)).split('\n')[0];
        return '';
      });
      for (const line of out.split('\n')) {
        const name = line.slice(line.lastIndexOf('/') + 1);
        if (!/\.(md|markdown)$/i.test(name)) continue;
        const n = numberFromFileName(name);
        if (n === null || /^\d{8}-/.test(name)) continue;
        const list = byNumber.get(n) ?? [];
        let claim = list.find((c) => c.file === name);
        if (!claim) {
          claim = { file: name, branches: [] };
          list.push(claim);
        }
        for (const b of names) if (!claim.branches.includes(b)) claim.branches.push(b);
        byNumber.set(n, list);
      }
    }),
  );
  for (const list of byNumber.values()) {
    list.sort((a, b) => a.file.localeCompare(b.file));
    for (const c of list) c.branches.sort();
  }
  return unread.length > 0 ? { byNumber, unreadBranches: { names: unread.sort(), error: unreadError } } : { byNumber };
}

/**
 * Why the other branches' numbers could not be read, in one line, when git
 * refused (a repository another user owns, a damaged ref); undefined when they
 * were read, and when there is nothing to read (no git, no repository).
 */
export function otherBranchesUnreadable(claimed: ClaimedNumbers): string | undefined {
  const unread = claimed.unreadBranches;
  if (claimed.unavailableReason !== 'failed')
    return unread ? `${unread.names.length === 1 ? 'branch' : 'branches'} ${unread.names.join(', ')}: ${unread.error || 'git failed'}` : undefined;
  return (claimed.unavailable ?? '').split('\n')[0] || 'git failed';
}

/**
 * What `lodestar adr` and the extension say when git refused (`refused`, from
 * otherBranchesUnreadable): `number` was checked against this branch only,
 * whether it was chosen as the next one (`new`) or asked for (`renumber`).
 */
export function otherBranchesUncheckedNote(refused: string, number: number, by: 'new' | 'renumber'): string {
  const outcome = by === 'new' ? `${number} was chosen from this branch's records only` : `${number} is free here, but other branches were not checked`;
  return `the decision numbers of other branches could not be read (git: ${refused}); ${outcome}.`;
}

/**
 * The records on other branches that would share `number` with the file
 * `file` of this folder once the branches meet, as `number-on-other-branch`
 * judges them: another file with the number, which this branch did not
 * itself rename or delete since the branches parted.
 */
export async function numberClaimedElsewhere(git: GitExecutor, claimed: ClaimedNumbers, number: number, file: string): Promise<ClaimedRecord[]> {
  const conflict = branchNumberConflicts([{ number, file }], claimed)[0];
  return conflict ? notRemovedHere(git, conflict.others) : [];
}

/** `0007-x.md on branch colleague; 0007-y.md on branches a, b`. */
export function describeClaims(claims: ClaimedRecord[]): string {
  return claims.map((o) => `${o.file} on ${o.branches.length === 1 ? 'branch' : 'branches'} ${o.branches.join(', ')}`).join('; ');
}

/**
 * A record here whose number another branch gives to a different file: when
 * both branches merge, two records will share the number.
 */
export function branchNumberConflicts(
  local: { number: number | null; file: string }[],
  claimed: ClaimedNumbers,
): { number: number; file: string; others: ClaimedRecord[] }[] {
  const out: { number: number; file: string; others: ClaimedRecord[] }[] = [];
  for (const r of local) {
    if (r.number === null) continue;
    let others = (claimed.byNumber.get(r.number) ?? []).filter((c) => c.file !== r.file);
    // Translations (`0003-utiliser-postgres-fr.md`) share their record's number, as duplicate-number has it: a
    // translation here of a record there, or a translation there of this record, is no second record.
    if (nameLanguage(r.file) !== undefined) {
      if (others.some((c) => nameLanguage(c.file) === undefined)) continue;
    } else others = others.filter((c) => nameLanguage(c.file) === undefined);
    if (others.length > 0) out.push({ number: r.number, file: r.file, others });
  }
  return out;
}

/**
 * The numbers from `next` (the next number here) on that other branches use, and the number to take past
 * them; undefined when no other branch uses one. `note` says only what is so, with each number's branches:
 * `9 is taken on another branch (feature); using 10.`,
 * `5 and 7 are taken on other branches (5: a; 7: b, c); using 8.`.
 */
export function numbersTakenFrom(claimed: ClaimedNumbers, next: number): { numbers: number[]; using: number; note: string } | undefined {
  const taken = [...claimed.byNumber.entries()]
    .filter(([n]) => n >= next)
    .sort((a, b) => a[0] - b[0])
    .map(([n, claims]) => ({ n, branches: [...new Set(claims.flatMap((c) => c.branches))].sort() }));
  if (taken.length === 0) return undefined;
  const numbers = taken.map((t) => t.n);
  const using = numbers[numbers.length - 1] + 1;
  const which = numbers.length === 1 ? `${numbers[0]} is` : `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]} are`;
  const same = taken.every((t) => t.branches.join('\n') === taken[0].branches.join('\n'));
  const where = same
    ? `${taken[0].branches.length === 1 ? 'another branch' : 'other branches'} (${taken[0].branches.join(', ')})`
    : `other branches (${taken.map((t) => `${t.n}: ${t.branches.join(', ')}`).join('; ')})`;
  return { numbers, using, note: `${which} taken on ${where}; using ${using}.` };
}

/** The next number: one past the highest used here or claimed on another branch. */
export function nextDecisionNumber(localNumbers: Iterable<number | null>, claimed?: ClaimedNumbers): number {
  let max = 0;
  for (const n of localNumbers) if (n !== null && n > max) max = n;
  if (claimed) for (const n of claimed.byNumber.keys()) if (n > max) max = n;
  return max + 1;
}

/**
 * `number-on-other-branch` problems for every decision folder of an index:
 * records whose number another branch gives to a different record. Folders
 * outside a git repository (or without git) have none.
 */
export async function branchNumberProblems(
  records: { kind: string; folder: string; number: number | null; path: string }[],
  decisionFolders: string[],
  gitFor: (folder: string) => GitExecutor,
  /** The other branches' numbers of a folder, when the caller has asked for them already. */
  claimsOf: (folder: string) => Promise<ClaimedNumbers> = (folder) => claimedNumbersOnOtherBranches(gitFor(folder)),
): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const folder of decisionFolders) {
    const claimed = await claimsOf(folder);
    if (claimed.unavailable) continue;
    const local = records
      .filter((r) => r.kind === 'decision' && r.folder === folder && r.path.lastIndexOf('/') === folder.length)
      .map((r) => ({ number: r.number, file: r.path.slice(folder.length + 1), path: r.path }));
    for (const conflict of branchNumberConflicts(local, claimed)) {
      const others = await notRemovedHere(gitFor(folder), conflict.others);
      if (others.length === 0) continue;
      const c = { ...conflict, others };
      const where = describeClaims(c.others);
      problems.push({
        path: `${folder}/${c.file}`,
        line: 1,
        severity: 'error',
        code: 'number-on-other-branch',
        message: `Decision number ${c.number} is also used by ${where}: renumber one of them before they meet.`,
      });
    }
  }
  return problems;
}

/**
 * The claims that are another branch's own records: a file that was already
 * there where this branch and that one parted (their merge base) is one this
 * branch renamed or deleted since, not a second record with the number.
 * Asked only about conflicts, so the usual answer costs no git process.
 */
async function notRemovedHere(git: GitExecutor, claims: ClaimedRecord[]): Promise<ClaimedRecord[]> {
  const out: ClaimedRecord[] = [];
  for (const claim of claims) {
    const branches: string[] = [];
    for (const branch of claim.branches) {
      const base = (
        await git
          .run(['merge-base', 'HEAD', `refs/heads/${branch}`])
          .catch(() => git.run(['merge-base', 'HEAD', `refs/remotes/${branch}`]))
          .catch(() => '')
      ).trim();
      // `commit:./name` is the file in the folder git runs in.
      const there =
        /^[0-9a-f]{7,64}$/.test(base) &&
        (await git.run(['cat-file', '-e', `${base}:./${claim.file}`]).then(
          () => true,
          () => false,
        ));
      if (!there) branches.push(branch);
    }
    if (branches.length > 0) out.push({ ...claim, branches });
  }
  return out;
}
