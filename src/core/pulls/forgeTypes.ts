import { ForgeError, ForgeHttpOptions } from './forgeHttp';
import { projectPath, RemoteRepo } from './remotes';

/**
 * What Lodestar asks a forge, for one project. Enrichment only: everything
 * in Lodestar works without it. Implementations: GitHub and GitHub
 * Enterprise Server (`github.ts`), GitLab (`gitlab.ts`). Bitbucket and Azure
 * DevOps have none yet: `createForgeClient` returns undefined for them.
 */
export interface ForgeClient {
  readonly kind: 'github' | 'gitlab';
  /** The API base URL requests go to (GHES: `https://HOST/api/v3`, GitLab: `https://HOST/api/v4`). */
  readonly apiBase: string;
  /** One pull (merge) request, with its reviewers. Rejects with a ForgeError `not-found` when there is no such number. */
  getPullRequest(number: number): Promise<ForgePullRequest>;
  /** Pull requests (any state, newest first) whose source branch is `branch`; on GitHub `headOwner` names a fork's owner. */
  listPullRequestsForBranch(branch: string, headOwner?: string): Promise<ForgePullRequest[]>;
  /** Review comments on a pull request, only those by `login` when given (case-insensitive). */
  listReviewComments(number: number, login?: string): Promise<ForgeReviewComment[]>;
}

export interface ForgePullRequest {
  number: number;
  /** The web page. */
  url: string;
  title: string;
  state: 'open' | 'closed' | 'merged';
  merged: boolean;
  mergedAt: string | null;
  /** The author's login. */
  author: string | null;
  /** Logins of requested reviewers and of everyone who reviewed, author excluded. */
  reviewers: string[];
  sourceBranch: string | null;
}

export interface ForgeReviewComment {
  id: string;
  author: string | null;
  body: string;
  createdAt: string | null;
  url: string | null;
  /** The file a line comment is on. */
  path?: string;
  /** `comment` on a line or the discussion, `review` a review's summary (GitHub). */
  kind: 'comment' | 'review';
  /** A review's verdict (`APPROVED`, `CHANGES_REQUESTED`, `COMMENTED`). */
  state?: string;
}

/** The HTTP client's options (token, fetch, clock, timeouts, retries, cache, log); the forge and its base come from the remote. */
export interface ForgeClientOptions extends Omit<ForgeHttpOptions, 'baseUrl' | 'forgeName' | 'headers'> {
  /** Overrides the API base worked out from the remote (for a GitLab under a relative URL root, say). */
  apiBase?: string;
}

/** The ForgeError a 404 becomes for one pull request: says which one is missing. */
export function noSuchPullRequest(e: unknown, remote: RemoteRepo, number: number, sigil = '#'): unknown {
  if (e instanceof ForgeError && e.reason === 'not-found') {
    return new ForgeError(
      `no such pull request: ${projectPath(remote)}${sigil}${number} on ${remote.host} (or the sign-in cannot see it)`,
      'not-found',
      e.status,
    );
  }
  return e;
}

/** Untrusted JSON → a string or null. */
export function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** Untrusted JSON → an object to read fields from. */
export function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function uniqueLogins(logins: (string | null)[], except: string | null): string[] {
  const out: string[] = [];
  for (const l of logins) {
    if (!l || (except && l.toLowerCase() === except.toLowerCase())) continue;
    if (!out.some((x) => x.toLowerCase() === l.toLowerCase())) out.push(l);
  }
  return out;
}
