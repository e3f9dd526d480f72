import type { RepositoryRemotes } from '../records/forgeAddresses';
import { dirname, EntryType, joinPath, RecordFileSystem, toPortPath } from '../store/fileSystem';
import { ForgeHostHints, RemoteRepo, remotesInOrder } from './remotes';

/** What reading a repository's git config files needs (port paths, `/`). */
export interface GitConfigFiles {
  /** The text of a file, or undefined when there is no readable file there. */
  readText(path: string): string | undefined;
  /** Whether there is a folder there. */
  isDirectory(path: string): boolean;
  /** The user's git config files (`~/.gitconfig`, `$XDG_CONFIG_HOME/git/config`), read for `url.*.insteadOf`. */
  userConfigFiles: readonly string[];
}

/**
 * The repository's remotes read from its git config file, without starting
 * git: for commands that must stay fast (`lodestar index`), and only when
 * they need them. The same remotes, in the same order, as `readRemotes`
 * (`git remote -v`) gives: origin first, then upstream, then the others; each
 * remote's first `url`, rewritten by the longest `url.<base>.insteadOf` of
 * the repository's and the user's config files. Credentials in URLs are
 * dropped while parsing (see `parseRemoteUrl`). No repository, no config or
 * an unreadable one gives [].
 *
 * Not read: `include`/`includeIf` files, the system config, the
 * `.git/remotes/` and `.git/branches/` files of old gits.
 */
export function readConfigRemotes(folder: string, files: GitConfigFiles, hints: ForgeHostHints = {}): RemoteRepo[] {
  const gitDir = gitDirOf(folder, files);
  if (!gitDir) return [];
  const config = files.readText(joinPath(commonDirOf(gitDir, files), 'config'));
  if (config === undefined) return [];
  const named: { name: string; url: string }[] = [];
  for (const e of parseGitConfig(config))
    if (e.section === 'remote' && e.subsection !== undefined && e.key === 'url' && e.value !== undefined) named.push({ name: e.subsection, url: e.value });
  if (named.length === 0) return [];
  const rewrites: { from: string; to: string }[] = [];
  for (const text of [...files.userConfigFiles.flatMap((f) => files.readText(f) ?? []), config])
    for (const e of parseGitConfig(text))
      if (e.section === 'url' && e.subsection !== undefined && e.key === 'insteadof' && e.value) rewrites.push({ from: e.value, to: e.subsection });
  const rewrite = (url: string): string => {
    let best: { from: string; to: string } | undefined;
    for (const r of rewrites) if (url.startsWith(r.from) && (!best || r.from.length > best.from.length)) best = r;
    return best ? best.to + url.slice(best.from.length) : url;
  };
  return remotesInOrder(
    named.map((n) => ({ name: n.name, url: rewrite(n.url) })),
    hints,
  );
}

const utf8 = new TextDecoder('utf-8');

/** A git config file larger than this is not read (git's own are a few kilobytes). */
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * The remotes of the repository holding `folder`, read through the file-system port from its git config file (as
 * `readConfigRemotes` does, no git started): the `.git` folder or file found upward, a linked worktree's `commondir`,
 * the config, and the user's config files given (for `url.*.insteadOf`). Undefined without a repository or a remote
 * that names a forge project.
 */
export async function readRepositoryRemotes(
  fs: RecordFileSystem,
  folder: string,
  userConfigFiles: readonly string[] = [],
): Promise<RepositoryRemotes | undefined> {
  const texts = new Map<string, string>();
  const folders = new Set<string>();
  const read = async (path: string): Promise<void> => {
    try {
      // Only a regular file of a sensible size: a config linked to /dev/zero or a pipe would never finish reading.
      const st = await fs.stat(path);
      if (!st || !(st.type & EntryType.File) || st.size > MAX_CONFIG_BYTES) return;
      texts.set(path, utf8.decode(await fs.readFile(path)));
    } catch {
      // no readable file there
    }
  };
  let top: string | undefined;
  for (let dir = folder; top === undefined; dir = dirname(dir)) {
    const dotGit = joinPath(dir, '.git');
    const st = await fs.stat(dotGit).catch(() => undefined);
    if (st && st.type & EntryType.Directory) {
      folders.add(dotGit);
      top = dir;
    } else if (st && st.type & EntryType.File) {
      await read(dotGit);
      top = dir;
    } else if (dirname(dir) === dir) return undefined;
  }
  const files: GitConfigFiles = { readText: (p) => texts.get(p), isDirectory: (p) => folders.has(p), userConfigFiles };
  const gitDir = gitDirOf(top, files);
  if (!gitDir) return undefined;
  await read(joinPath(gitDir, 'commondir'));
  await read(joinPath(commonDirOf(gitDir, files), 'config'));
  await Promise.all(userConfigFiles.map(read));
  const remotes = readConfigRemotes(top, files);
  return remotes.length > 0 ? { top, remotes } : undefined;
}

/** The git directory of the repository holding `folder`: `.git`, or the one a `.git` file (worktree, submodule) names. */
export function gitDirOf(folder: string, files: GitConfigFiles): string | undefined {
  for (let dir = folder; ; dir = dirname(dir)) {
    const dotGit = joinPath(dir, '.git');
    if (files.isDirectory(dotGit)) return dotGit;
    const text = files.readText(dotGit);
    if (text !== undefined) {
      const named = /^gitdir:\s*(.+?)\s*$/m.exec(text)?.[1];
      return named ? pathFrom(dir, named) : undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** Where a git directory's shared files (config, refs) are: a linked worktree's `commondir`, else the directory itself. */
export function commonDirOf(gitDir: string, files: GitConfigFiles): string {
  const common = files.readText(joinPath(gitDir, 'commondir'))?.trim();
  return common ? pathFrom(gitDir, common) : gitDir;
}

/** A path git wrote into a file: absolute (`/…`, `C:/…`, `C:\\…`) as it is, else from `dir`. */
function pathFrom(dir: string, written: string): string {
  const p = toPortPath(written);
  if (p.startsWith('/')) return joinPath('/', p);
  if (/^[a-z]:\//i.test(p)) return joinPath(p.slice(0, 2), p.slice(2));
  return joinPath(dir, p);
}

export interface GitConfigEntry {
  /** Lower-case section name (`remote`). */
  section: string;
  /** The subsection as written (`origin`); a `[section.sub]` header's lower-cased. */
  subsection?: string;
  /** Lower-case key name. */
  key: string;
  /** The value, unquoted and unescaped; undefined for a key with no `=` (boolean true). */
  value?: string;
}

/**
 * Parses git config text: `[section "sub"]` and `[section.sub]` headers,
 * `key = value` lines with quotes, escapes (`\"`, `\\`, `\n`, `\t`, `\b`),
 * line continuations and `#`/`;` comments. Lines it cannot read are skipped.
 */
export function parseGitConfig(text: string): GitConfigEntry[] {
  const out: GitConfigEntry[] = [];
  let section: string | undefined;
  let subsection: string | undefined;
  let i = 0;
  const n = text.length;
  const skipLine = (): void => {
    while (i < n && text[i] !== '\n') i++;
    i++;
  };
  while (i < n) {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r' || text[i] === '\n' || text[i] === '\ufeff')) i++;
    if (i >= n) break;
    const c = text[i];
    if (c === '#' || c === ';') {
      skipLine();
      continue;
    }
    if (c === '[') {
      const header = /^\[\s*([A-Za-z0-9.-]+)\s*(?:"((?:[^"\\\n]|\\.)*)")?\s*\]/.exec(text.slice(i, text.indexOf('\n', i) < 0 ? n : text.indexOf('\n', i)));
      if (!header) {
        section = undefined;
        skipLine();
        continue;
      }
      const name = header[1];
      if (header[2] !== undefined) {
        section = name.toLowerCase();
        subsection = header[2].replace(/\\(.)/g, '$1');
      } else {
        const dot = name.indexOf('.');
        section = (dot < 0 ? name : name.slice(0, dot)).toLowerCase();
        subsection = dot < 0 ? undefined : name.slice(dot + 1).toLowerCase();
      }
      i += header[0].length;
      continue;
    }
    const key = /^[A-Za-z][A-Za-z0-9-]*/.exec(text.slice(i, i + 256))?.[0];
    if (!key || section === undefined) {
      skipLine();
      continue;
    }
    i += key.length;
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i >= n || text[i] === '\n' || text[i] === '\r' || text[i] === '#' || text[i] === ';') {
      out.push({ section, subsection, key: key.toLowerCase() });
      skipLine();
      continue;
    }
    if (text[i] !== '=') {
      skipLine();
      continue;
    }
    i++;
    // The value: leading blanks dropped, trailing unquoted blanks dropped, quotes and escapes resolved.
    let value = '';
    let pending = '';
    let quoted = false;
    let ok = true;
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    for (; i < n; i++) {
      const ch = text[i];
      if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
        if (quoted) ok = false;
        break;
      }
      if (!quoted && (ch === '#' || ch === ';')) {
        while (i < n && text[i] !== '\n') i++;
        break;
      }
      if (!quoted && (ch === ' ' || ch === '\t')) {
        pending += ch;
        continue;
      }
      value += pending;
      pending = '';
      if (ch === '"') {
        quoted = !quoted;
        continue;
      }
      if (ch === '\\') {
        const next = text[i + 1];
        if (next === '\n') {
          i++;
          continue;
        }
        if (next === '\r' && text[i + 2] === '\n') {
          i += 2;
          continue;
        }
        const escaped = next === 'n' ? '\n' : next === 't' ? '\t' : next === 'b' ? '\b' : next === '"' || next === '\\' ? next : undefined;
        if (escaped === undefined) {
          ok = false;
          break;
        }
        value += escaped;
        i++;
        continue;
      }
      value += ch;
    }
    if (ok && !quoted) out.push({ section, subsection, key: key.toLowerCase(), value });
    skipLine();
  }
  return out;
}
