/**
 * A pull-request reference written in a short form (`#12`, `acme/pay#12`, `!12`, `12`): one only the repository's
 * remotes can make a URL of (see `resolvePullRequestReference`). Kept apart from the resolver, so that a command can
 * tell whether it needs the remotes without loading it.
 */
export function isShortPullRequestReference(ref: string): boolean {
  return !/^\s*[a-z][a-z0-9+.-]*:/i.test(ref);
}
