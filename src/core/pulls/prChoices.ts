import { DiscoveredPullRequest } from './prDiscovery';
import { parsePullRequestNumber, pullRequestKey, resolvePullRequestReference } from './prReferences';
import { RemoteRepo } from './remotes';

/**
 * What the pull-request picker offers: the pull requests history knows,
 * whatever the remote, and what the user types. A pull request is stored as
 * its forge URL when one can be made from the remotes; when none can (no
 * remote, a local-path `origin`) it is stored as the reference it is (`#N`,
 * `!N`), which records and `lodestar prs` already understand.
 */

export interface PullRequestChoice {
  /** What a record stores: the canonical URL, or the short reference when no URL can be made. */
  reference: string;
  number: number;
  title?: string;
  /** E-mails of its authors and co-authors (from history), lower-case. */
  people: string[];
}

/** The reference a pull request found in history is stored as. */
export function discoveredReference(pr: DiscoveredPullRequest): string {
  if (pr.url) return pr.url;
  if (pr.source === 'gitlab') return `!${pr.number}`;
  return `#${pr.number}`;
}

/** The choice for a pull request found in history. */
export function discoveredChoice(pr: DiscoveredPullRequest): PullRequestChoice {
  return { reference: discoveredReference(pr), number: pr.number, title: pr.title, people: [...pr.authors, ...pr.coAuthors].map((p) => p.email.toLowerCase()) };
}

export type TypedPullRequest = { ok: true; reference: string; number: number } | { ok: false; message: string };

/**
 * A typed reference: resolved to its URL against the remotes, or — when the
 * repository has no remote a URL can be made from — kept as written
 * (`#1830`, `!12`, `1830` → `#1830`).
 */
export function typedPullRequest(text: string, remotes: readonly RemoteRepo[]): TypedPullRequest {
  const resolved = resolvePullRequestReference(text, remotes);
  if (resolved.ok) return { ok: true, reference: resolved.reference.url, number: resolved.reference.number };
  if (remotes.length > 0) return resolved;
  const short = /^\s*([#!]?)(\d+)\s*$/.exec(text);
  if (!short) return resolved;
  const n = parsePullRequestNumber(short[2]);
  if (!n.ok) return n;
  return { ok: true, reference: `${short[1] || '#'}${n.number}`, number: n.number };
}

/** The same pull request: by URL, or by its number when either side has no URL. */
export function sameChoice(a: { reference: string; number: number }, b: { reference: string; number: number }): boolean {
  const url = (r: string): boolean => /^https?:\/\//i.test(r);
  if (url(a.reference) && url(b.reference)) return pullRequestKey(a.reference) === pullRequestKey(b.reference);
  return a.number === b.number && a.reference.includes('!') === b.reference.includes('!');
}

/** A typed pull request that history knows is that one (title, people); else it is taken as given. */
export function knownChoice(typed: { reference: string; number: number }, known: readonly PullRequestChoice[]): PullRequestChoice {
  return known.find((k) => sameChoice(k, typed)) ?? { reference: typed.reference, number: typed.number, people: [] };
}

/** Finds the history's pull request for a reference, when history has it. */
export function findDiscovered(history: readonly DiscoveredPullRequest[], choice: { reference: string; number: number }): DiscoveredPullRequest | undefined {
  return history.find((p) => sameChoice({ reference: discoveredReference(p), number: p.number }, choice));
}
