import { GitExecutor } from '../git/gitExecutor';
import { RemoteRepo } from '../pulls/remotes';
import { relativePath } from '../store/fileSystem';

/**
 * Links from a report that keep working wherever the report file is moved
 * (the private notebook is outside every repository, so paths relative to
 * the report would climb `../../..` out of it and break on the first move):
 * forge permalinks to a record at a commit the remote has, and commit URLs;
 * else a path relative to the record's workspace folder, which the report's
 * links line explains.
 */

/** Where a folder's records can be linked permanently. */
export interface ForgeSnapshot {
  remote: RemoteRepo;
  /** Full hash of the commit links point at. */
  commit: string;
  /** The folder's path inside the repository (`''` at the top, else `services/api/`). */
  prefix: string;
  /** Repository-relative paths of the files in that commit. */
  files: ReadonlySet<string>;
  /** False when nothing of the remote was fetched to tell whether it has the commit (HEAD, maybe never pushed). */
  onRemote: boolean;
}

export interface LinkedFolder {
  /** Absolute path of the workspace folder (or the private notebook). */
  root: string;
  /** Its name, as the report names it. */
  name: string;
  forge?: ForgeSnapshot;
}

function encodePath(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

/** The forge's page of `path` (repository-relative) at `commit`: a permalink. */
export function blobUrl(remote: RemoteRepo, commit: string, path: string): string {
  const base = `${remote.webBase}/${remote.owner}/${remote.repo}`;
  const p = encodePath(path);
  switch (remote.kind) {
    case 'github':
    case 'ghes':
      return `${base}/blob/${commit}/${p}`;
    case 'gitlab':
      return `${base}/-/blob/${commit}/${p}`;
    case 'bitbucket-cloud':
      return `${base}/src/${commit}/${p}`;
    case 'bitbucket-server':
      return `${bitbucketServerBase(remote)}/browse/${p}?at=${commit}`;
    case 'azure': {
      const [org, project] = remote.owner.split('/');
      return `${remote.webBase}/${org}/${project}/_git/${remote.repo}?path=/${p}&version=GC${commit}`;
    }
  }
}

/** The forge's page of a commit. */
export function commitUrl(remote: RemoteRepo, commit: string): string {
  const base = `${remote.webBase}/${remote.owner}/${remote.repo}`;
  switch (remote.kind) {
    case 'github':
    case 'ghes':
      return `${base}/commit/${commit}`;
    case 'gitlab':
      return `${base}/-/commit/${commit}`;
    case 'bitbucket-cloud':
      return `${base}/commits/${commit}`;
    case 'bitbucket-server':
      return `${bitbucketServerBase(remote)}/commits/${commit}`;
    case 'azure': {
      const [org, project] = remote.owner.split('/');
      return `${remote.webBase}/${org}/${project}/_git/${remote.repo}/commit/${commit}`;
    }
  }
}

function bitbucketServerBase(remote: RemoteRepo): string {
  const scope = remote.owner.startsWith('~') ? `users/${remote.owner.slice(1)}` : `projects/${remote.owner.toUpperCase()}`;
  return `${remote.webBase}/${scope}/repos/${remote.repo}`;
}

/**
 * What a folder's records can link to: with a forge remote (the first of
 * `remotes`), the newest commit of HEAD that remote has (HEAD itself when it
 * is pushed, or when nothing of the remote was fetched to tell), and the
 * files in it. No remote, no git or no commit: no forge, relative links.
 */
export async function readLinkedFolder(git: GitExecutor | undefined, root: string, name: string, remotes: readonly RemoteRepo[]): Promise<LinkedFolder> {
  const remote = remotes[0];
  if (!git || !remote) return { root, name };
  try {
    const [prefix, head] = (await git.run(['rev-parse', '--show-prefix', 'HEAD'])).split('\n').map((l) => l.trim());
    if (!/^[0-9a-f]{40,64}$/.test(head)) return { root, name };
    let commit = head;
    const remoteName = remote.name ?? 'origin';
    const fetched = (await git.run(['for-each-ref', '--count=1', '--format=%(objectname)', `refs/remotes/${remoteName}/`])).trim() !== '';
    if (fetched) {
      // The boundary of what the remote lacks: the newest commits of HEAD it has (`-<hash>` lines).
      const out = await git.run(['rev-list', '--boundary', 'HEAD', '--not', `--remotes=${remoteName}`]);
      const lines = out.split('\n').filter((l) => l !== '');
      if (lines.length > 0) {
        const boundary = lines.find((l) => l.startsWith('-'));
        if (!boundary) return { root, name }; // nothing of HEAD is on the remote yet
        commit = boundary.slice(1).trim();
      }
    }
    const files = new Set((await git.run(['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit])).split('\0').filter((f) => f !== ''));
    return { root, name, forge: { remote, commit, prefix, files, onRemote: fetched } };
  } catch {
    return { root, name };
  }
}

export interface PermanentLinks {
  /** The link to a record file. */
  linkTo(absolutePath: string): string;
  /** The forge URL of a commit a record names (a hash of 7+ characters), or undefined. */
  commitLink(hash: string, recordPath: string): string | undefined;
  /** One line saying where the links go: call after the links were made (it names only what was used). */
  note(): string;
}

/**
 * Links for a report over `folders`: a record in a folder with a forge and
 * in its commit gets a permalink; any other gets its path relative to its
 * folder (prefixed with the folder's name when there are several).
 */
export function permanentLinks(folders: readonly LinkedFolder[]): PermanentLinks {
  const byDepth = [...folders].sort((a, b) => b.root.length - a.root.length);
  const usedForge = new Map<string, ForgeSnapshot>();
  const usedRelative = new Set<LinkedFolder>();
  const folderOf = (path: string): { folder: LinkedFolder; rel: string } | undefined => {
    for (const folder of byDepth) {
      const rel = relativePath(folder.root, path);
      if (rel !== undefined) return { folder, rel };
    }
    return undefined;
  };
  const several = folders.length > 1;
  return {
    linkTo(path) {
      const found = folderOf(path);
      if (!found) return path;
      const { folder, rel } = found;
      const forge = folder.forge;
      const inRepo = forge ? `${forge.prefix}${rel}` : undefined;
      if (forge && inRepo !== undefined && forge.files.has(inRepo)) {
        usedForge.set(`${forge.remote.webBase}/${forge.remote.owner}/${forge.remote.repo}@${forge.commit}`, forge);
        return blobUrl(forge.remote, forge.commit, inRepo);
      }
      usedRelative.add(folder);
      return several ? `${folder.name}/${rel}` : rel;
    },
    commitLink(hash, recordPath) {
      const forge = folderOf(recordPath)?.folder.forge;
      const h = hash.trim().toLowerCase();
      if (!forge || !/^[0-9a-f]{7,64}$/.test(h)) return undefined;
      usedForge.set(`${forge.remote.webBase}/${forge.remote.owner}/${forge.remote.repo}@${forge.commit}`, forge);
      return commitUrl(forge.remote, h);
    },
    note() {
      const parts: string[] = [];
      for (const f of usedForge.values()) {
        // Nothing of the remote fetched: HEAD may never have been pushed, and then its links lead nowhere yet.
        const lasting = f.onRemote
          ? 'permanent links, whatever becomes of this file'
          : 'permanent links once that commit is pushed: nothing of the remote was fetched to check';
        parts.push(`records link to ${f.remote.host}/${f.remote.owner}/${f.remote.repo} at commit ${f.commit.slice(0, 12)} (${lasting})`);
      }
      const relative = [...usedRelative];
      if (relative.length > 0) {
        const where = relative.map((f) => `${several ? `"${f.name}/…" is ` : ''}the workspace folder ${f.name} (${f.root})`).join('; ');
        parts.push(`${usedForge.size > 0 ? 'other ' : ''}record links are paths relative to ${where}${usedForge.size > 0 ? ' — not on the remote yet' : ''}`);
      }
      return parts.length === 0 ? '' : `Links: ${parts.join('; ')}.`;
    },
  };
}
