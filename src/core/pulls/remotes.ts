import { GitExecutor } from '../git/gitExecutor';

/**
 * Git remotes as forges see them: which forge, which host, which project.
 *
 * Known hosts decide the forge (github.com, gitlab.com, bitbucket.org,
 * dev.azure.com and *.visualstudio.com). Any other host, in this order:
 * `gitlab` in the host name → GitLab; `bitbucket` in the host name, an
 * `https://HOST[/context]/scm/P/R` path, or ssh on port 7999 → Bitbucket
 * Server (Data Center); a path of three or more segments (GitLab subgroups;
 * a GitHub repository is always `owner/repo`) → GitLab; anything else →
 * GitHub Enterprise Server.
 * Host hints (host → kind, see `ForgeHostHints`) override the guess for
 * self-hosted forges whose names say nothing.
 *
 * Credentials in a remote URL (`https://user:token@host/…`) are dropped while
 * parsing: nothing returned here carries them.
 */

export type ForgeKind = 'github' | 'ghes' | 'gitlab' | 'bitbucket-cloud' | 'bitbucket-server' | 'azure';

export interface RemoteRepo {
  /** The git remote's name (`origin`), when read from a repository. */
  name?: string;
  kind: ForgeKind;
  /** Lower-case host of the web UI, with a port only when the web URL needs one (`ghe.example.com`, `127.0.0.1:8080`). */
  host: string;
  /** `https://host` (or `http://host:port` for a plain-http remote): where web pages and the API live. */
  webBase: string;
  /**
   * The namespace: GitHub owner, GitLab group path (`group/sub`), Bitbucket
   * workspace or Server project key (`~user` for a personal repository),
   * Azure DevOps `organization/project`.
   */
  owner: string;
  repo: string;
}

/** Host → forge kind, for self-hosted forges whose names give no hint. Keys are lower-case host names, without port. */
export type ForgeHostHints = Record<string, ForgeKind>;

const KNOWN_KINDS: ForgeKind[] = ['github', 'ghes', 'gitlab', 'bitbucket-cloud', 'bitbucket-server', 'azure'];

export function isForgeKind(s: string): s is ForgeKind {
  return (KNOWN_KINDS as string[]).includes(s);
}

/** `owner/repo` (GitLab: `group/sub/project`). */
export function projectPath(remote: RemoteRepo): string {
  return `${remote.owner}/${remote.repo}`;
}

/** GitHub and GitHub Enterprise Server speak the same URLs and API. */
export function isGitHubLike(kind: ForgeKind): boolean {
  return kind === 'github' || kind === 'ghes';
}

interface SplitUrl {
  scheme: 'https' | 'http' | 'ssh';
  hostname: string;
  port?: string;
  path: string[];
}

/** Splits a remote URL into scheme, host, port and path segments; credentials are dropped here. */
function splitRemoteUrl(raw: string): SplitUrl | undefined {
  const url = raw.trim();
  if (url === '' || /[\s\0]/.test(url)) return undefined;
  const full = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(\/[^?#]*)?(?:[?#].*)?$/i.exec(url);
  if (full) {
    const scheme = full[1].toLowerCase();
    let kind: SplitUrl['scheme'];
    if (scheme === 'https' || scheme === 'http') kind = scheme;
    else if (scheme === 'ssh' || scheme === 'git+ssh' || scheme === 'ssh+git' || scheme === 'git') kind = 'ssh';
    else return undefined; // file://, ext::, anything local or exotic
    const authority = full[2].slice(full[2].lastIndexOf('@') + 1);
    const hp = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(authority);
    if (!hp) return undefined;
    return { scheme: kind, hostname: hp[1].toLowerCase(), port: hp[2], path: segments(full[3] ?? '') };
  }
  // scp-like `[user@]host:path`; a one-letter host is a Windows drive (`C:\repo`), a `/` before the colon a local path.
  const scp = /^(?:[^@/\\:]+@)?([a-z0-9.-]{2,}|\[[0-9a-f:.]+\]):(?!\/\/)([^\\]*)$/i.exec(url);
  if (scp) return { scheme: 'ssh', hostname: scp[1].toLowerCase(), path: segments(scp[2]) };
  return undefined;
}

function segments(path: string): string[] {
  const parts = path.split('/').filter((s) => s !== '');
  if (parts.length > 0) parts[parts.length - 1] = parts[parts.length - 1].replace(/\.git$/i, '');
  return parts.filter((s) => s !== '');
}

function validSegments(parts: string[]): boolean {
  return parts.every((p) => p !== '.' && p !== '..' && !/[\s<>"'`\\^{}|]/.test(p));
}

function guessKind(hostname: string, port: string | undefined, split: SplitUrl, hints: ForgeHostHints): ForgeKind {
  const hinted = hints[hostname];
  if (hinted) return hinted;
  if (hostname === 'github.com' || hostname === 'www.github.com' || hostname === 'ssh.github.com') return 'github';
  if (hostname === 'gitlab.com' || hostname === 'altssh.gitlab.com') return 'gitlab';
  if (hostname === 'bitbucket.org' || hostname === 'altssh.bitbucket.org') return 'bitbucket-cloud';
  if (hostname === 'dev.azure.com' || hostname === 'ssh.dev.azure.com' || hostname.endsWith('.visualstudio.com')) return 'azure';
  if (hostname.includes('gitlab')) return 'gitlab';
  if (hostname.includes('bitbucket')) return 'bitbucket-server';
  const scm = split.path.indexOf('scm');
  if (split.scheme !== 'ssh' && scm >= 0 && split.path.length - scm === 3) return 'bitbucket-server';
  if (split.scheme === 'ssh' && port === '7999') return 'bitbucket-server';
  if (split.path.length >= 3) return 'gitlab';
  return 'ghes';
}

/**
 * Parses a git remote URL (https, `ssh://…`, scp-like `git@host:o/r.git`,
 * with or without `.git`, with or without credentials) into the forge
 * project it names; `undefined` for local paths and anything unrecognised.
 */
export function parseRemoteUrl(url: string, hints: ForgeHostHints = {}): RemoteRepo | undefined {
  const split = splitRemoteUrl(url);
  if (!split || !validSegments(split.path)) return undefined;
  const kind = guessKind(split.hostname, split.port, split, hints);
  // Web pages live on https at the bare host for ssh remotes; an https remote keeps its port.
  const webScheme = split.scheme === 'http' ? 'http' : 'https';
  const webPort = split.scheme === 'ssh' ? undefined : split.port;
  const webHost = (h: string): string =>
    webPort && !(webScheme === 'https' && webPort === '443') && !(webScheme === 'http' && webPort === '80') ? `${h}:${webPort}` : h;
  const make = (host: string, owner: string, repo: string, scheme = webScheme): RemoteRepo | undefined =>
    owner && repo ? { kind, host, webBase: `${scheme}://${host}`, owner, repo } : undefined;
  const p = split.path;
  switch (kind) {
    case 'github':
      return p.length === 2 ? make('github.com', p[0], p[1], 'https') : undefined;
    case 'ghes':
      return p.length === 2 ? make(webHost(split.hostname), p[0], p[1]) : undefined;
    case 'gitlab': {
      if (p.length < 2) return undefined;
      const host = split.hostname === 'altssh.gitlab.com' ? 'gitlab.com' : webHost(split.hostname);
      return make(host, p.slice(0, -1).join('/'), p[p.length - 1]);
    }
    case 'bitbucket-cloud':
      return p.length === 2 ? make('bitbucket.org', p[0], p[1], 'https') : undefined;
    case 'bitbucket-server': {
      // https://host[/context]/scm/PROJECT/repo.git, ssh://git@host:7999/project/repo.git
      const scm = split.scheme === 'ssh' ? -1 : p.indexOf('scm');
      const rest = p.slice(scm + 1);
      if (rest.length !== 2) return undefined;
      const context = scm > 0 ? `/${p.slice(0, scm).join('/')}` : '';
      return make(`${webHost(split.hostname)}${context}`, rest[0], rest[1]);
    }
    case 'azure':
      return parseAzure(split);
  }
}

function parseAzure(split: SplitUrl): RemoteRepo | undefined {
  const p = split.path;
  const host = split.hostname;
  let org: string | undefined;
  let project: string | undefined;
  let repo: string | undefined;
  if (host === 'ssh.dev.azure.com' || host.endsWith('vs-ssh.visualstudio.com')) {
    // git@ssh.dev.azure.com:v3/org/project/repo, org@vs-ssh.visualstudio.com:v3/org/project/repo
    if (p.length === 4 && p[0] === 'v3') [, org, project, repo] = p;
  } else if (host === 'dev.azure.com') {
    // https://dev.azure.com/org/project/_git/repo; a repository named like its project may be org/_git/repo
    if (p.length === 4 && p[2] === '_git') [org, project, , repo] = p;
    else if (p.length === 3 && p[1] === '_git') [org, , repo] = p;
    if (p.length === 3) project = repo;
  } else if (host.endsWith('.visualstudio.com')) {
    // https://org.visualstudio.com[/DefaultCollection]/project/_git/repo
    org = host.slice(0, -'.visualstudio.com'.length);
    const q = p[0]?.toLowerCase() === 'defaultcollection' ? p.slice(1) : p;
    if (q.length === 3 && q[1] === '_git') [project, , repo] = q;
    else if (q.length === 2 && q[0] === '_git') project = repo = q[1];
  }
  if (!org || !project || !repo) return undefined;
  return { kind: 'azure', host: 'dev.azure.com', webBase: 'https://dev.azure.com', owner: `${org}/${project}`, repo };
}

/** The web page of pull request (merge request) `number` in `remote`'s project. */
export function pullRequestUrl(remote: RemoteRepo, number: number): string {
  const base = remote.webBase;
  switch (remote.kind) {
    case 'github':
    case 'ghes':
      return `${base}/${remote.owner}/${remote.repo}/pull/${number}`;
    case 'gitlab':
      return `${base}/${remote.owner}/${remote.repo}/-/merge_requests/${number}`;
    case 'bitbucket-cloud':
      return `${base}/${remote.owner}/${remote.repo}/pull-requests/${number}`;
    case 'bitbucket-server': {
      const scope = remote.owner.startsWith('~') ? `users/${remote.owner.slice(1)}` : `projects/${remote.owner.toUpperCase()}`;
      return `${base}/${scope}/repos/${remote.repo}/pull-requests/${number}`;
    }
    case 'azure': {
      const [org, project] = remote.owner.split('/');
      return `${base}/${org}/${project}/_git/${remote.repo}/pullrequest/${number}`;
    }
  }
}

/** A remote URL fit to show: credentials (`user:token@`) removed. */
export function redactRemoteUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}

function remoteOrder(name: string): number {
  return name === 'origin' ? 0 : name === 'upstream' ? 1 : 2;
}

/**
 * The repository's remotes that name a forge project, origin first, then
 * upstream, then the others by name. Reads `git remote -v` (which applies
 * `url.*.insteadOf`); a repository without remotes, or no git at all, gives [].
 */
export async function readRemotes(git: GitExecutor, hints: ForgeHostHints = {}): Promise<RemoteRepo[]> {
  let out: string;
  try {
    out = await git.run(['remote', '-v']);
  } catch {
    return [];
  }
  return parseRemoteList(out, hints);
}

/** Parses `git remote -v` output (fetch URLs); exported for tests. */
export function parseRemoteList(output: string, hints: ForgeHostHints = {}): RemoteRepo[] {
  const named: { name: string; url: string }[] = [];
  for (const line of output.split('\n')) {
    const m = /^(\S+)\t(.+) \((fetch|push)\)$/.exec(line.trimEnd());
    if (m && m[3] === 'fetch') named.push({ name: m[1], url: m[2] });
  }
  return remotesInOrder(named, hints);
}

/**
 * Named remote URLs as the forge projects they name: the first URL of each
 * name, those naming no forge project left out, origin first, then upstream,
 * then the others by name (the order short forms are resolved in).
 */
export function remotesInOrder(named: readonly { name: string; url: string }[], hints: ForgeHostHints = {}): RemoteRepo[] {
  const seen = new Map<string, RemoteRepo | undefined>();
  for (const { name, url } of named) {
    if (seen.has(name)) continue;
    const remote = parseRemoteUrl(url, hints);
    seen.set(name, remote && { name, ...remote });
  }
  return [...seen.values()]
    .filter((r): r is RemoteRepo => r !== undefined)
    .sort((a, b) => remoteOrder(a.name ?? '') - remoteOrder(b.name ?? '') || (a.name ?? '').localeCompare(b.name ?? ''));
}
