/**
 * The file-system port core reads through. The extension backs it with
 * `workspace.fs`, the CLI and the tests with Node's `fs`. Paths are absolute,
 * with `/` separators, on every platform.
 */
export enum EntryType {
  File = 1,
  Directory = 2,
  SymbolicLink = 64,
}

export interface DirectoryEntry {
  name: string;
  /** Bit flags of {@link EntryType}; a symlink to a folder is `Directory | SymbolicLink`. */
  type: number;
}

export interface RecordFileSystem {
  readFile(path: string): Promise<Uint8Array>;
  readDirectory(path: string): Promise<DirectoryEntry[]>;
  /** Resolves `undefined` when nothing is there. */
  stat(path: string): Promise<{ type: number; size: number } | undefined>;
  /** Canonical path with symlinks resolved; used to refuse loops and escapes. */
  realPath?(path: string): Promise<string>;
  /**
   * Reads a whole file and returns before anything else runs, or throws as
   * `readFile` rejects. The bytes are only valid until the next call (the
   * buffer is reused). Offered by a file system for a process with nothing
   * else to do (the CLI): a cold index is then read without a thread hand-off
   * per file, and each file is parsed and dropped before the next is read.
   */
  readFileNow?(path: string): Uint8Array;
  /**
   * The user's git config files (`~/.gitconfig`, `$XDG_CONFIG_HOME/git/config`), read with the repository's
   * for `url.*.insteadOf` when the index reads the remotes (see `readRepositoryRemotes`); none when absent.
   */
  userGitConfigFiles?(): readonly string[];
}

export function joinPath(base: string, ...parts: string[]): string {
  let out = base.replace(/\/+$/, '');
  for (const part of parts) {
    for (const seg of part.split(/[\\/]+/)) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') out = out.slice(0, Math.max(out.lastIndexOf('/'), 0)) || '/';
      else out = out === '/' ? `/${seg}` : `${out}/${seg}`;
    }
  }
  return out || '/';
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `child` relative to `root` with `/`, or undefined when it lies outside. */
export function relativePath(root: string, child: string): string | undefined {
  if (child === root) return '';
  const prefix = root.endsWith('/') ? root : `${root}/`;
  return child.startsWith(prefix) ? child.slice(prefix.length) : undefined;
}

/** Normalises an OS path (Windows drive letters, backslashes) to the port's form. */
export function toPortPath(osPath: string): string {
  const p = osPath.replace(/\\/g, '/');
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

/** Relative path with `/`, using `..` when the path lies outside the root (an `.adr-dir` found upward). */
export function relativeTo(root: string, path: string): string {
  if (path === root) return '.';
  // The common case, a path under the root with no empty segment, without splitting both.
  if (root !== '/' && path.length > root.length + 1 && path.charCodeAt(root.length) === 47 && path.startsWith(root)) {
    const rest = path.slice(root.length + 1);
    if (rest.charCodeAt(0) !== 47 && rest.charCodeAt(rest.length - 1) !== 47 && !rest.includes('//') && !root.includes('//') && !root.endsWith('/'))
      return rest;
  }
  const a = root.split('/').filter(Boolean);
  const b = path.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

// No folder, scheme, fragment, percent-escape or backslash; not `.` or `..`.
const SIMPLE_HREF = /^(?:\.\/)?(?!\.\.?$)[^/\\%#:]+$/;

/** A relative Markdown link → absolute path; anything with a scheme stays as written. */
export function resolveHref(fromPath: string, href: string): string {
  // The common case, a file name beside the record (`0002-use-x.md`, `./0002-use-x.md`): what joinPath makes of it.
  if (SIMPLE_HREF.test(href)) {
    const dir = dirname(fromPath);
    return `${dir === '/' ? '' : dir}/${href.charCodeAt(0) === 46 && href.charCodeAt(1) === 47 ? href.slice(2) : href}`;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return href;
  let clean = href.split('#')[0];
  try {
    clean = decodeURIComponent(clean);
  } catch {
    // Keep the raw text when it is not valid percent-encoding.
  }
  if (clean === '') return fromPath;
  return clean.startsWith('/') ? clean : joinPath(dirname(fromPath), clean);
}
