import { GitHubClient } from './github';
import { GitLabClient } from './gitlab';
import { ForgeClient, ForgeClientOptions } from './forgeTypes';
import { RemoteRepo } from './remotes';

export type { ForgeClient, ForgeClientOptions, ForgePullRequest, ForgeReviewComment } from './forgeTypes';
export { ForgeError, memoryForgeCache } from './forgeHttp';
export type { ForgeCache, ForgeErrorReason, FetchFunction } from './forgeHttp';

/**
 * The API base of a remote's forge: `https://api.github.com` for github.com,
 * `https://HOST/api/v3` for GitHub Enterprise Server (never github.com),
 * `https://HOST/api/v4` for GitLab; undefined for forges without a client.
 */
export function apiBaseUrl(remote: RemoteRepo): string | undefined {
  // Tokens travel only over https: an `http://` remote still gets an https API base,
  // except on the loopback interface (a forge on this machine, as the tests run one).
  const base = isLoopback(remote.host) ? remote.webBase : remote.webBase.replace(/^http:/i, 'https:');
  switch (remote.kind) {
    case 'github':
      return 'https://api.github.com';
    case 'ghes':
      return `${base}/api/v3`;
    case 'gitlab':
      return `${base}/api/v4`;
    default:
      return undefined;
  }
}

function isLoopback(host: string): boolean {
  return /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/i.test(host);
}

/**
 * A client for the remote's forge, or undefined when Lodestar has none for it
 * (Bitbucket, Azure DevOps) — or when a token would go to a plain-http API
 * base that is not on this machine.
 */
export function createForgeClient(remote: RemoteRepo, options: ForgeClientOptions = {}): ForgeClient | undefined {
  const apiBase = options.apiBase ?? apiBaseUrl(remote);
  if (!apiBase) return undefined;
  if (options.token && !/^https:\/\//i.test(apiBase) && !isLoopback(new URL(apiBase).host)) return undefined;
  if (remote.kind === 'github' || remote.kind === 'ghes') return new GitHubClient(remote, apiBase, options);
  if (remote.kind === 'gitlab') return new GitLabClient(remote, apiBase, options);
  return undefined;
}
