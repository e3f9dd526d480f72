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
  return (
    (href.charCodeAt(0) === 104 || href.charCodeAt(0) === 72) /* h, H */ &&
    /^https?:\/\/[^/?#\s]+\/[^?#\s]*\/(?:blob|tree|raw|src)\/[^?#\s]+\.(?:md|markdown)(?:[?#]\S*)?$/i.test(href)
  );
}

/** A host as written in a link or a remote, for comparing: lower-case, without port or `www.`. */
function bareHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/:\d+$/, '')
    .replace(/^www\./, '');
}

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
 * `src/branch`), a ref and the file's path from the top. A ref may hold `/` (`feature/x`), so each split of the rest
 * into ref and path is tried, shortest ref first, and the first path that `isRecord` takes wins.
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
    for (let i = 1; i < parts.length; i++) {
      const path = joinPath(repository.top, ...parts.slice(i));
      if (isRecord(path)) return path;
    }
  }
  return undefined;
}
