import { joinPath } from '../store/fileSystem';

/**
 * Links to a record written as its address on the forge
 * (`https://github.com/org/repo/blob/main/docs/adr/0008-x.md`): a link to that
 * record when the address is in one of this repository's projects (host and
 * owner/repo, or GitLab group path, of a remote), no link at all otherwise.
 * The remotes are read (by `readRepositoryRemotes` in core/pulls/configRemotes)
 * only when some link looks like such an address.
 */

/** A repository's work-tree top and the forge projects its remotes name. */
export interface RepositoryRemotes {
  /** The folder holding `.git` (port path). */
  top: string;
  /** As core/pulls/remotes' `RemoteRepo` names a project: `host` lower-case (a port only when the web needs one), `owner` a GitLab group path too. */
  remotes: readonly { kind: string; host: string; owner: string; repo: string }[];
}

/**
 * Whether a link may be a file's page on a forge: http(s), a `/blob/`, `/tree/`, `/raw/` (GitHub, GitLab's `/-/…`)
 * or `/src/` (Bitbucket, Gitea) view, and a Markdown file. Cheap: links without a scheme fail at the first character.
 */
export function isForgeFileUrl(href: string): boolean {
  if ((href.charCodeAt(0) !== 104 && href.charCodeAt(0) !== 72) /* h, H */ || !/^https?:\/\/[^/?#\s]+\//i.test(href)) return false;
  // No backtracking regex over the whole address (a link may be kilobytes long): its path, cut at `?`/`#`, is checked
  // piece by piece.
  if (/\s/.test(href)) return false;
  const end = href.search(/[?#]/);
  const path = (end < 0 ? href : href.slice(0, end)).toLowerCase();
  if (!path.endsWith('.md') && !path.endsWith('.markdown')) return false;
  const start = path.indexOf('/', path.indexOf('//') + 2);
  // A view segment after at least the host's slash (`/o/r/blob/`), with the file's path after it.
  return VIEWS.some((view) => {
    const at = path.indexOf(view, start + 1);
    return at >= 0 && at + view.length < path.length;
  });
}

const VIEWS = ['/blob/', '/tree/', '/raw/', '/src/'];

/** A host as written in a link or a remote, for comparing: lower-case, without port or `www.`. */
function bareHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/:\d+$/, '')
    .replace(/^www\./, '');
}

/** The first word of branch names that hold a `/` (`feature/x`, `release/2026/q1`, `users/ada/x`). */
const BRANCH_NAMESPACES = new Set([
  'feature',
  'features',
  'feat',
  'fix',
  'fixes',
  'bugfix',
  'hotfix',
  'release',
  'releases',
  'dev',
  'develop',
  'user',
  'users',
  'topic',
  'chore',
  'docs',
  'doc',
  'adr',
  'bug',
  'refactor',
  'perf',
  'ci',
  'build',
  'test',
  'wip',
  'spike',
  'experiment',
  'renovate',
  'dependabot',
  'story',
  'task',
  'issue',
]);

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The record a forge address names in this repository, or undefined. The address's host and project must be one
 * of the remotes' (case-insensitive); the rest is the view (`blob`, `tree`, `raw`, GitLab's `-/blob`…, `src`, Gitea's
 * `src/branch`), a ref and the file's path from the top. The ref is one segment (`main`, a commit, `v2.1`), or two or
 * three when it opens as branch names with a `/` do (`feature/x`, `release/2026/q1`): taking any split would make
 * `blob/main/vendor/doc/adr/0001-x.md` (another project's record, or a deleted one) this repository's `doc/adr/0001-x.md`.
 */
export function forgeRecordPath(url: string, repository: RepositoryRemotes, isRecord: (path: string) => boolean): string | undefined {
  const m = /^https?:\/\/(?:[^@/?#]*@)?([^/?#]+)(\/[^?#]*)/i.exec(url);
  if (!m) return undefined;
  const host = bareHost(m[1]);
  const segments = m[2].split('/').filter((s) => s !== '');
  for (const remote of repository.remotes) {
    // Bitbucket Server and Azure DevOps show files at addresses of another shape.
    if (remote.kind === 'bitbucket-server' || remote.kind === 'azure' || bareHost(remote.host) !== host) continue;
    const project = [...remote.owner.split('/'), remote.repo];
    if (segments.length < project.length + 3 || !project.every((p, i) => p.toLowerCase() === segments[i].toLowerCase())) continue;
    let rest = segments.slice(project.length);
    if (rest[0] === '-') rest = rest.slice(1);
    const view = rest[0]?.toLowerCase();
    if (view === 'blob' || view === 'tree' || view === 'raw') rest = rest.slice(1);
    else if (view === 'src') rest = rest.slice(/^(?:branch|tag|commit)$/.test(rest[1] ?? '') ? 2 : 1);
    else continue;
    const parts = rest.map(decoded);
    if (parts.some((p) => p === '.' || p === '..' || p.includes('/') || p.includes('\\'))) continue;
    const refSegments = BRANCH_NAMESPACES.has(parts[0].toLowerCase()) ? 3 : 1;
    for (let i = 1; i <= refSegments && i < parts.length; i++) {
      const path = joinPath(repository.top, ...parts.slice(i));
      if (isRecord(path)) return path;
    }
  }
  return undefined;
}
