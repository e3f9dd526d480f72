import { GitExecutor } from '../git/gitExecutor';
import { EntryType, RecordFileSystem, basename, dirname, joinPath } from '../store/fileSystem';
import { GitIdentity } from './coAuthors';

/**
 * git's `.mailmap` (gitmailmap(5)), read with git's own rules, as
 * `git check-mailmap` and `%aN <%aE>` apply them:
 *
 * - a line whose first character is `#` is a comment; text after the last
 *   `>` is ignored; a line without a non-empty first `<…>` is ignored;
 * - `Name <commit@x>` replaces the name, `<proper@x> <commit@x>` the e-mail,
 *   `Name <proper@x> <commit@x>` both, and `Name <proper@x> Commit Name
 *   <commit@x>` both only when the commit's name matches too;
 * - e-mails and names are matched without case;
 * - later lines win: for an e-mail alone, a later line replaces the name and
 *   the e-mail it gives and keeps what it leaves out; for a name and e-mail,
 *   the later line replaces the earlier one;
 * - an identity whose e-mail has name entries but whose name matches none
 *   falls back to the e-mail-only entry, if any.
 * Sources are read in git's order, later ones taking precedence: the
 * worktree's `.mailmap`, then `mailmap.blob`, then `mailmap.file`.
 */

interface MailmapTarget {
  name?: string;
  email?: string;
}

interface MailmapEntry {
  /** From e-mail-only lines. */
  simple: MailmapTarget;
  /** Lower-cased commit name → target, from name-and-e-mail lines. */
  byName: Map<string, MailmapTarget>;
}

export class Mailmap {
  private readonly entries = new Map<string, MailmapEntry>();

  /** True when no line maps anything. */
  get empty(): boolean {
    return this.entries.size === 0;
  }

  /** Adds the lines of one source; later calls take precedence, as later sources do in git. */
  add(text: string): this {
    for (const raw of text.replace(/^\uFEFF/, '').split('\n')) this.addLine(raw.replace(/\r$/, ''));
    return this;
  }

  private addLine(line: string): void {
    if (line.startsWith('#')) return;
    const first = nameAndEmail(line, false);
    if (!first) return;
    const second = first.rest === '' ? undefined : nameAndEmail(first.rest, true);
    const properName = first.name;
    let properEmail: string | undefined = first.email;
    let commitName = second?.name;
    let commitEmail = second?.email;
    if (commitEmail === undefined) {
      commitEmail = properEmail;
      properEmail = undefined;
      commitName = undefined;
    }
    const key = commitEmail.toLowerCase();
    let entry = this.entries.get(key);
    if (!entry) this.entries.set(key, (entry = { simple: {}, byName: new Map() }));
    if (commitName === undefined) {
      if (properName !== undefined) entry.simple.name = properName;
      if (properEmail !== undefined) entry.simple.email = properEmail;
    } else {
      entry.byName.set(commitName.toLowerCase(), { name: properName, email: properEmail });
    }
  }

  /** The identity git shows for this one: its name and e-mail mapped, or as given when no line matches. */
  map(identity: GitIdentity): GitIdentity {
    const entry = this.entries.get(identity.email.trim().toLowerCase());
    if (!entry) return identity;
    const target = entry.byName.get(identity.name.trim().toLowerCase()) ?? entry.simple;
    if (target.name === undefined && target.email === undefined) return identity;
    return { name: target.name ?? identity.name, email: target.email ?? identity.email };
  }

  /** The canonical e-mail of an address whatever the name (e-mail-only lines only), or the address as given. */
  mapEmail(email: string): string {
    return this.entries.get(email.trim().toLowerCase())?.simple.email ?? email;
  }
}

/**
 * git's parse_name_and_email: the first `<…>` (which must not be empty
 * unless `allowEmptyEmail`), the name before it trimmed (undefined when
 * empty), and what follows the `>`.
 */
function nameAndEmail(text: string, allowEmptyEmail: boolean): { name?: string; email: string; rest: string } | undefined {
  const left = text.indexOf('<');
  if (left < 0) return undefined;
  const right = text.indexOf('>', left + 1);
  if (right < 0) return undefined;
  if (!allowEmptyEmail && right === left + 1) return undefined;
  const name = text.slice(0, left).replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
  return { name: name === '' ? undefined : name, email: text.slice(left + 1, right), rest: text.slice(right + 1) };
}

/** Largest mailmap source read; a bigger file is not a mailmap anyone writes by hand. */
const MAX_MAILMAP_BYTES = 4 * 1024 * 1024;

export interface MailmapSources {
  /**
   * The workspace is trusted: git's config (`mailmap.file`, `mailmap.blob`)
   * is honoured. Untrusted, only the worktree's own `.mailmap` is read.
   */
  trusted: boolean;
  /** Runs git in the repository; without it only `.mailmap` is read. */
  git?: GitExecutor;
}

/**
 * The mailmap of the repository holding `root`: its top-level `.mailmap`
 * (found by walking up to the folder with `.git`; a symbolic link is not
 * followed, as git does not), then, when trusted, `mailmap.blob` and
 * `mailmap.file` from git's config (relative paths from the top level, `~`
 * expanded by git). An unreadable source is skipped: people then stay
 * unmerged, nothing fails.
 */
export async function readMailmap(fs: RecordFileSystem, root: string, sources: MailmapSources): Promise<Mailmap> {
  const mailmap = new Mailmap();
  const top = (await repositoryTop(fs, root)) ?? root;
  const worktreeFile = joinPath(top, '.mailmap');
  const st = await fs.stat(worktreeFile).catch(() => undefined);
  if (st && (st.type & EntryType.File) !== 0 && st.size <= MAX_MAILMAP_BYTES && !(await isSymbolicLink(fs, top, worktreeFile))) {
    const text = await readText(fs, worktreeFile);
    if (text !== undefined) mailmap.add(text);
  }
  if (!sources.trusted || !sources.git) return mailmap;
  const git = sources.git;
  const config = async (args: string[]): Promise<string | undefined> => {
    try {
      const value = (await git.run(['config', ...args])).replace(/\n$/, '');
      return value === '' ? undefined : value;
    } catch {
      return undefined; // not set (exit 1), or no git
    }
  };
  // Both settings are asked for at once; they are applied in git's order.
  const [blob, file] = await Promise.all([config(['--get', 'mailmap.blob']), config(['--type=path', '--get', 'mailmap.file'])]);
  // A revision that looks like an option is never handed to git.
  if (blob && !blob.startsWith('-')) {
    const text = await git.run(['cat-file', 'blob', blob]).catch(() => undefined);
    if (text !== undefined && text.length <= MAX_MAILMAP_BYTES) mailmap.add(text);
  }
  if (file) {
    const path = /^([a-zA-Z]:)?[\\/]/.test(file) ? file : joinPath(top, file);
    const fst = await fs.stat(path).catch(() => undefined);
    if (fst && (fst.type & EntryType.File) !== 0 && fst.size <= MAX_MAILMAP_BYTES) {
      const text = await readText(fs, path);
      if (text !== undefined) mailmap.add(text);
    }
  }
  return mailmap;
}

/** True when `path` (in `folder`) is a symbolic link: its real path is not the folder's real path joined with its name. */
async function isSymbolicLink(fs: RecordFileSystem, folder: string, path: string): Promise<boolean> {
  if (!fs.realPath) return false;
  try {
    return (await fs.realPath(path)) !== joinPath(await fs.realPath(folder), basename(path));
  } catch {
    return true;
  }
}

async function readText(fs: RecordFileSystem, path: string): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await fs.readFile(path));
  } catch {
    return undefined;
  }
}

/** The nearest folder at or above `root` holding `.git` (a folder, or a file for worktrees and submodules). */
export async function repositoryTop(fs: RecordFileSystem, root: string): Promise<string | undefined> {
  let dir = root;
  for (let i = 0; i < 64; i++) {
    if (await fs.stat(joinPath(dir, '.git')).catch(() => undefined)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}
