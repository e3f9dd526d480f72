import { GitExecutor } from '../git/gitExecutor';
import { DiscoveredPullRequest, discoverPullRequests } from './prDiscovery';
import { ForgeClient } from './forgeTypes';
import { ForgeError } from './forgeHttp';
import { isGitHubLike, pullRequestUrl, RemoteRepo } from './remotes';

/**
 * The current branch's pull request. From the forge when a signed-in client
 * is given; otherwise (or when the forge fails) offline: from the branch's
 * upstream ref (`refs/pull/N/head` as `gh pr checkout` sets it,
 * `refs/merge-requests/N/head` on GitLab), else from a merged pull request in
 * history whose message names the branch (`Merge pull request #N from
 * owner/BRANCH`, `Merge branch 'BRANCH' into …`, `Merged in BRANCH …`).
 */

export interface BranchPullRequest {
  number: number;
  url: string | null;
  title?: string;
  state?: 'open' | 'closed' | 'merged';
  /** Where it was found. */
  source: 'forge' | 'upstream' | 'history';
}

export interface BranchPullRequestResult {
  /** The current branch, or null on a detached HEAD or without git. */
  branch: string | null;
  pullRequest: BranchPullRequest | null;
  /** Why the forge could not answer, when a client was given and it failed (the offline answer stands). */
  forgeError?: ForgeError;
}

export interface BranchPullRequestOptions {
  /** Look for this branch instead of the current one. */
  branch?: string;
  /** A signed-in forge client for the repository's first remote. */
  client?: ForgeClient;
  /** Pull requests already discovered (from a history scan of the default branch), to save another scan. */
  history?: readonly DiscoveredPullRequest[];
}

/** The checked-out branch's short name; null when HEAD is detached or there is no repository. */
export async function currentBranch(git: GitExecutor): Promise<string | null> {
  try {
    const name = (await git.run(['symbolic-ref', '--quiet', '--short', 'HEAD'])).trim();
    return name === '' ? null : name;
  } catch {
    return null;
  }
}

async function gitValue(git: GitExecutor, args: string[]): Promise<string | null> {
  try {
    const v = (await git.run(args)).trim();
    return v === '' ? null : v;
  } catch {
    return null;
  }
}

export async function findBranchPullRequest(
  git: GitExecutor,
  remotes: readonly RemoteRepo[],
  options: BranchPullRequestOptions = {},
): Promise<BranchPullRequestResult> {
  const branch = options.branch ?? (await currentBranch(git));
  if (!branch) return { branch: null, pullRequest: null };
  const result: BranchPullRequestResult = { branch, pullRequest: null };

  if (options.client) {
    try {
      const found = await options.client.listPullRequestsForBranch(branch);
      const pr = found.find((p) => p.state === 'open') ?? found[0];
      if (pr) {
        result.pullRequest = { number: pr.number, url: pr.url, title: pr.title, state: pr.state, source: 'forge' };
        return result;
      }
    } catch (e) {
      if (!(e instanceof ForgeError)) throw e;
      result.forgeError = e;
    }
  }

  // The upstream ref: `branch.NAME.merge` (a config key holding the user's branch name is a value, never an option).
  const merge = await gitValue(git, ['config', '--get', `branch.${branch}.merge`]);
  const upstream = merge ? /^refs\/(pull|merge-requests)\/(\d{1,10})\/head$/.exec(merge) : null;
  if (upstream) {
    const number = Number(upstream[2]);
    const remoteName = await gitValue(git, ['config', '--get', `branch.${branch}.remote`]);
    const fits = (r: RemoteRepo): boolean => (upstream[1] === 'pull' ? isGitHubLike(r.kind) : r.kind === 'gitlab');
    const remote = remotes.find((r) => r.name === remoteName && fits(r)) ?? remotes.find(fits);
    if (number >= 1 && number <= 2 ** 31 - 1) {
      result.pullRequest = { number, url: remote ? pullRequestUrl(remote, number) : null, source: 'upstream' };
      return result;
    }
  }

  let history = options.history;
  if (!history) {
    // The branch's merge lives on the default branch, not in the branch's own history.
    const scan = await discoverPullRequests(git, remotes, { revision: await defaultBranchRef(git, remotes), maxCount: 50_000 });
    history = scan.pullRequests;
  }
  const merged = history.find((p) => p.branch === branch);
  if (merged) result.pullRequest = { number: merged.number, url: merged.url, title: merged.title, state: 'merged', source: 'history' };
  return result;
}

/** The default branch to look for merges on: the first remote's HEAD, else a local main or master, else HEAD. */
export async function defaultBranchRef(git: GitExecutor, remotes: readonly RemoteRepo[]): Promise<string> {
  for (const r of remotes) {
    if (!r.name) continue;
    const head = await gitValue(git, ['symbolic-ref', '--quiet', `refs/remotes/${r.name}/HEAD`]);
    if (head) return head;
  }
  for (const name of ['refs/heads/main', 'refs/heads/master']) {
    if (await gitValue(git, ['rev-parse', '--verify', '--quiet', name])) return name;
  }
  return 'HEAD';
}
