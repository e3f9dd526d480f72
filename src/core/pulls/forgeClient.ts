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
  switch (remote.kind) {
    case 'github':
      return 'https://api.github.com';
    case 'ghes':
      return `${remote.webBase}/api/v3`;
    case 'gitlab':
      return `${remote.webBase}/api/v4`;
    default:
      return undefined;
  }
}

/** A client for the remote's forge, or undefined when Lodestar has none for it (Bitbucket, Azure DevOps). */
export function createForgeClient(remote: RemoteRepo, options: ForgeClientOptions = {}): ForgeClient | undefined {
  const apiBase = options.apiBase ?? apiBaseUrl(remote);
  if (!apiBase) return undefined;
  if (remote.kind === 'github' || remote.kind === 'ghes') return new GitHubClient(remote, apiBase, options);
  if (remote.kind === 'gitlab') return new GitLabClient(remote, apiBase, options);
  return undefined;
}

