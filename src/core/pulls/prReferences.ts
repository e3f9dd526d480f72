import { ForgeKind, isGitHubLike, pullRequestUrl, RemoteRepo } from './remotes';

/**
 * Pull-request references as people write them: a forge's URL, `#N`,
 * `owner/repo#N`, `!N`, `group/project!N` or a bare number, resolved against
 * the repository's remotes into one canonical URL (the form records store).
 *
 * Which remote a short form resolves against: `#N` is a pull request on
 * GitHub, GHES and Bitbucket, but an issue on GitLab and a work item on Azure
 * DevOps, where pull/merge requests are `!N`. So `#N` takes the first
 * GitHub-like or Bitbucket remote and `!N` the first GitLab or Azure one
 * (remotes come origin first, then upstream, then the rest); a bare `N` takes
 * the first remote whatever its forge.
 */

export interface PullRequestReference {
  /** The canonical web URL. */
  url: string;
  number: number;
  /** The project the pull request belongs to (no remote name). */
  repo: RemoteRepo;
}

export type PullRequestResolution = { ok: true; reference: PullRequestReference } | { ok: false; message: string };

/** The largest number accepted: forges keep pull-request numbers in 32-bit signed integers. */
export const MAX_PULL_REQUEST_NUMBER = 2 ** 31 - 1;

const USAGE = 'a pull request URL, #N, owner/repo#N, !N or group/project!N';

/** Shows user input in a message: credentials dropped, long input cut. */
function shown(input: string): string {
  const clean = input.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1').replace(/[\0-\x1f\x7f]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 77)}…` : clean;
}

/** Validates a pull-request number as written (`12`, `0012`); a message for zero, negative, huge or non-numeric ones. */
export function parsePullRequestNumber(text: string): { ok: true; number: number } | { ok: false; message: string } {
  if (/^-\d+$/.test(text)) return { ok: false, message: `${text} is negative: pull request numbers start at 1` };
  if (!/^\d+$/.test(text)) return { ok: false, message: `"${shown(text)}" is not a pull request number` };
  const digits = text.replace(/^0+(?=\d)/, '');
  if (digits.length > 10 || Number(digits) > MAX_PULL_REQUEST_NUMBER) {
    return { ok: false, message: `${digits.length > 12 ? `${digits.slice(0, 12)}…` : digits} is too large to be a pull request number` };
  }
  const number = Number(digits);
  if (number === 0) return { ok: false, message: 'pull request numbers start at 1, not 0' };
  return { ok: true, number };
}

type UrlParse = { ok: true; reference: PullRequestReference } | { ok: false; message: string } | undefined;

/**
 * Parses a forge's pull-request page URL (any trailing `/files`, `?query` or
 * `#fragment` ignored). `undefined` when the URL is not shaped like any
 * forge's pull-request page.
 */
/** Characters `encodeURIComponent` never escapes (and no `%`): such a segment decodes and encodes to itself. */
const PLAIN_SEGMENT = /^[A-Za-z0-9_.!~*'()-]*$/;

function parsePullRequestUrl(input: string): UrlParse {
  const m = /^(https?):\/\/(?:[^/@\s]*@)?([a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?(\/[^?#\s]*)?(?:[?#]\S*)?$/i.exec(input);
  if (!m) return undefined;
  const scheme = m[1].toLowerCase();
  const hostname = m[2].toLowerCase();
  const port = m[3] && !((scheme === 'https' && m[3] === '443') || (scheme === 'http' && m[3] === '80')) ? `:${m[3]}` : '';
  const host = `${hostname}${port}`;
  const path: string[] = [];
  for (const s of (m[4] ?? '').split('/')) {
    if (s === '') continue;
    // A segment of characters encodeURIComponent leaves as they are is its own canonical form.
    if (PLAIN_SEGMENT.test(s)) {
      path.push(s);
      continue;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(s);
    } catch {
      return undefined;
    }
    path.push(encodeURIComponent(decoded).replace(/%40/g, '@').replace(/%7E/gi, '~'));
  }
  if (path.some((s) => s === '.' || s === '..')) return undefined;
  const make = (kind: ForgeKind, owner: string, repo: string, numberText: string, webBase = `${scheme}://${host}`): UrlParse => {
    const n = parsePullRequestNumber(numberText);
    if (!n.ok) return n;
    if (!owner || !repo) return undefined;
    const project: RemoteRepo = { kind, host: webBase.replace(/^https?:\/\//, ''), webBase, owner, repo };
    return { ok: true, reference: { url: pullRequestUrl(project, n.number), number: n.number, repo: project } };
  };
  // GitLab: /group/sub/project/-/merge_requests/N (older: without the `-`)
  const mr = path.indexOf('merge_requests');
  if (mr >= 2 && path[mr + 1] !== undefined) {
    const ns = path[mr - 1] === '-' ? path.slice(0, mr - 1) : path.slice(0, mr);
    if (ns.length >= 2) return make('gitlab', ns.slice(0, -1).join('/'), ns[ns.length - 1], path[mr + 1]);
  }
  // Azure DevOps: dev.azure.com/org/project/_git/repo/pullrequest/N, org.visualstudio.com[/DefaultCollection]/project/_git/repo/pullrequest/N
  const git = path.indexOf('_git');
  if (git >= 0 && path[git + 2]?.toLowerCase() === 'pullrequest' && path[git + 3] !== undefined) {
    let org: string | undefined;
    let project: string | undefined;
    if (hostname === 'dev.azure.com' && git === 2) [org, project] = path;
    else if (hostname.endsWith('.visualstudio.com')) {
      const before = path.slice(0, git).filter((s) => s.toLowerCase() !== 'defaultcollection');
      if (before.length === 1) [org, project] = [hostname.slice(0, -'.visualstudio.com'.length), before[0]];
    }
    if (org && project) return make('azure', `${org}/${project}`, path[git + 1], path[git + 3], 'https://dev.azure.com');
    return undefined;
  }
  const prs = path.indexOf('pull-requests');
  if (prs >= 2 && path[prs + 1] !== undefined) {
    // Bitbucket Cloud: bitbucket.org/workspace/repo/pull-requests/N
    if (hostname === 'bitbucket.org' && prs === 2) return make('bitbucket-cloud', path[0], path[1], path[3]);
    // Bitbucket Server: host[/context]/projects/P/repos/r/pull-requests/N or …/users/u/repos/r/…
    if (prs >= 4 && path[prs - 2] === 'repos' && (path[prs - 4] === 'projects' || path[prs - 4] === 'users')) {
      const context = path.slice(0, prs - 4);
      const owner = path[prs - 4] === 'users' ? `~${path[prs - 3]}` : path[prs - 3];
      return make('bitbucket-server', owner, path[prs - 1], path[prs + 1], `${scheme}://${host}${context.length ? `/${context.join('/')}` : ''}`);
    }
    return undefined;
  }
  // GitHub / GHES: host/owner/repo/pull/N
  if (path[2] === 'pull' && path[3] !== undefined) {
    return make(
      hostname === 'github.com' || hostname === 'www.github.com' ? 'github' : 'ghes',
      path[0],
      path[1],
      path[3],
      hostname === 'www.github.com' ? 'https://github.com' : `${scheme}://${host}`,
    );
  }
  return undefined;
}

function forShort(remote: RemoteRepo, number: number): PullRequestResolution {
  const repo: RemoteRepo = { kind: remote.kind, host: remote.host, webBase: remote.webBase, owner: remote.owner, repo: remote.repo };
  return { ok: true, reference: { url: pullRequestUrl(repo, number), number, repo } };
}

const HASH_KINDS = (k: ForgeKind): boolean => isGitHubLike(k) || k === 'bitbucket-cloud' || k === 'bitbucket-server';
const BANG_KINDS = (k: ForgeKind): boolean => k === 'gitlab' || k === 'azure';

/**
 * Resolves what a user typed or a record stores into a canonical pull-request
 * URL, or says clearly why it cannot: malformed input, `#0`, negative or huge
 * numbers, a short form with no remote to resolve it against.
 */
export function resolvePullRequestReference(input: string, remotes: readonly RemoteRepo[]): PullRequestResolution {
  const text = input.trim();
  if (text === '') return { ok: false, message: `no pull request given: enter ${USAGE}` };
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    if (!/^https?:\/\//i.test(text)) return { ok: false, message: `"${shown(text)}" is not a web link: enter ${USAGE}` };
    const parsed = parsePullRequestUrl(text);
    if (!parsed) return { ok: false, message: `"${shown(text)}" is not a link to a pull request or merge request` };
    return parsed;
  }
  const short = /^((?:[\w.-]+\/)+[\w.-]+)?([#!])(.*)$/.exec(text);
  if (short) {
    const [, path, sigil, numberText] = short;
    const n = parsePullRequestNumber(numberText);
    if (!n.ok) return n;
    if (path) return resolveQualified(path, sigil, n.number, remotes);
    const fits = sigil === '#' ? HASH_KINDS : BANG_KINDS;
    const remote = remotes.find((r) => fits(r.kind));
    if (remote) return forShort(remote, n.number);
    if (remotes.length === 0)
      return { ok: false, message: `${sigil}${n.number} needs a git remote to resolve against, and this repository has none: paste the pull request's URL` };
    return {
      ok: false,
      message:
        sigil === '#'
          ? `#${n.number} on ${remotes[0].host} is an issue or work item; its merge/pull requests are written !${n.number}`
          : `!${n.number} is GitLab's and Azure DevOps' form; pull requests on ${remotes[0].host} are written #${n.number}`,
    };
  }
  if (/^-?\d+$/.test(text)) {
    const n = parsePullRequestNumber(text);
    if (!n.ok) return n;
    if (remotes.length === 0)
      return { ok: false, message: `${n.number} needs a git remote to resolve against, and this repository has none: paste the pull request's URL` };
    return forShort(remotes[0], n.number);
  }
  return { ok: false, message: `"${shown(text)}" is not a pull request reference: enter ${USAGE}` };
}

function resolveQualified(path: string, sigil: string, number: number, remotes: readonly RemoteRepo[]): PullRequestResolution {
  const segments = path.split('/');
  if (segments.some((s) => s === '.' || s === '..')) return { ok: false, message: `"${shown(path)}" is not a project path` };
  const fits = sigil === '#' ? HASH_KINDS : (k: ForgeKind) => k === 'gitlab';
  const same = remotes.find((r) => fits(r.kind) && `${r.owner}/${r.repo}`.toLowerCase() === path.toLowerCase());
  if (same) return forShort(same, number);
  if (sigil === '#' && segments.length !== 2) return { ok: false, message: `"${shown(path)}#${number}": GitHub projects are owner/repo` };
  const sibling = remotes.find((r) => (sigil === '#' ? isGitHubLike(r.kind) : r.kind === 'gitlab'));
  const repo: RemoteRepo = sibling
    ? { kind: sibling.kind, host: sibling.host, webBase: sibling.webBase, owner: segments.slice(0, -1).join('/'), repo: segments[segments.length - 1] }
    : sigil === '#'
      ? { kind: 'github', host: 'github.com', webBase: 'https://github.com', owner: segments[0], repo: segments[1] }
      : { kind: 'gitlab', host: 'gitlab.com', webBase: 'https://gitlab.com', owner: segments.slice(0, -1).join('/'), repo: segments[segments.length - 1] };
  return { ok: true, reference: { url: pullRequestUrl(repo, number), number, repo } };
}

/** The key two references to the same pull request share (forges ignore case in owner and repo names). */
export function pullRequestKey(url: string): string {
  return url.toLowerCase();
}

/**
 * A function giving the same key as `pullRequestKey` of a pull-request URL's
 * canonical form (of the URL as it is when it does not resolve), faster for
 * many URLs that differ only in their number: `https://…/pull/17` and
 * `https://…/pull/18` resolve alike but for the trailing number, so the rest
 * is worked out once per prefix. Two probes (numbers 1 and 2) show whether
 * the trailing number is the pull request's number; when it is not (it is
 * in a query, or another segment is the number), every URL is resolved in full.
 */
export function pullRequestUrlKeys(): (url: string) => string {
  const prefixes = new Map<string, string | null>();
  return (url) => {
    const m = TRAILING_NUMBER.exec(url);
    if (m) {
      let base = prefixes.get(m[1]);
      if (base === undefined) prefixes.set(m[1], (base = numberedBase(m[1])));
      if (base !== null) return base + m[2];
    }
    const resolved = resolvePullRequestReference(url, []);
    return pullRequestKey(resolved.ok ? resolved.reference.url : url);
  };
}

/** A web URL ending in `/` and a number a pull request can have, written without leading zeros. */
const TRAILING_NUMBER = /^(https?:\/\/.+\/)([1-9]\d{0,8})$/i;

/** The key of `prefix` + N less its N, when that key is the canonical key ending in N for any N; else null. */
function numberedBase(prefix: string): string | null {
  const one = resolvePullRequestReference(`${prefix}1`, []);
  const two = resolvePullRequestReference(`${prefix}2`, []);
  if (!one.ok || !two.ok || one.reference.number !== 1 || two.reference.number !== 2) return null;
  const a = pullRequestKey(one.reference.url);
  const b = pullRequestKey(two.reference.url);
  if (!a.endsWith('/1') || b !== `${a.slice(0, -1)}2`) return null;
  return a.slice(0, -1);
}

export interface FoundPullRequestReference {
  /** Offsets of the reference in the text. */
  start: number;
  end: number;
  text: string;
  number: number;
  /** The canonical URL, or null when a short form cannot be resolved (no fitting remote). */
  url: string | null;
}

const IN_TEXT = /\bhttps?:\/\/[^\s<>()"'`[\]{}]+|(?<![\w/#&!.@-])((?:[\w.-]+\/)+[\w.-]+)?([#!])(\d{1,12})(?![\w])/gi;

/**
 * Every pull-request reference in a piece of text: forge URLs, `#N`,
 * `owner/repo#N`, `!N`, `group/project!N` (bare numbers are not references
 * in prose). Zero and out-of-range numbers are skipped; so are HTML entities
 * (`&#123;`) and anchors inside other words.
 */
export function findPullRequestReferences(text: string, remotes: readonly RemoteRepo[] = []): FoundPullRequestReference[] {
  const found: FoundPullRequestReference[] = [];
  for (const m of text.matchAll(IN_TEXT)) {
    let raw = m[0];
    const start = m.index ?? 0;
    if (!m[2]) {
      raw = raw.replace(/[.,;:!?]+$/, '');
      const parsed = parsePullRequestUrl(raw);
      if (parsed?.ok) found.push({ start, end: start + raw.length, text: raw, number: parsed.reference.number, url: parsed.reference.url });
      continue;
    }
    const n = parsePullRequestNumber(m[3]);
    if (!n.ok) continue;
    const resolved = resolvePullRequestReference(raw, remotes);
    found.push({ start, end: start + raw.length, text: raw, number: n.number, url: resolved.ok ? resolved.reference.url : null });
  }
  return found;
}
