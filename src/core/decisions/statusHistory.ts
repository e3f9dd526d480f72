import { GitExecutor } from '../git/gitExecutor';
import { LodestarRecord } from '../records/record';
import { dirname, relativePath } from '../store/fileSystem';
import { normaliseStatus } from './status';

/**
 * When records took the status they have now, read from git: credit for
 * accepting or superseding an older record goes to the day it happened, not
 * to the record's own date.
 */

/** The status one line writes, when it reads as one: `status: accepted`, `* Status: Accepted`, `Accepted`, `Superseded by [3…](…)`. */
export function statusOfLine(line: string): string | null {
  const s = line
    .trim()
    .replace(/^[-*+][ \t]+/, '')
    .replace(/^(?:\*\*|__)?status(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*/i, '')
    .replace(/^(["'])(.*)\1$/, '$2')
    .trim();
  if (s === '' || s.length > 300 || s.startsWith('#')) return null;
  return normaliseStatus(s);
}

interface FileDiff {
  from: string | null;
  to: string | null;
  created: boolean;
  added: string[];
  removed: string[];
}

/** Relative path → status → `YYYY-MM-DD` of the newest change that wrote that status (see {@link StatusChangeReader}). */
export type StatusChanges = Map<string, Map<string, string>>;

/**
 * Reads `git diff`/`git log -p` output (unified=0, `--relative`) one
 * commit at a time, newest first, and keeps for each file and each status
 * the date of the newest change whose added lines write that status while
 * its removed ones did not (a status changed, not a line moved). A file
 * created with its status is no change: importing old records credits
 * nobody. Renames are followed back to the file's current path. The records
 * need not be known while it reads: a record's date is then looked up by its
 * path and current status.
 */
class StatusChangeReader {
  readonly changes: StatusChanges = new Map();
  private readonly aliases = new Map<string, string>();
  private date = '';
  private file: FileDiff | undefined;
  private inHunk = false;
  private rest = '';

  /** Everything that follows is the change of `date` (the working tree's, before the commits). */
  startCommit(date: string): void {
    this.flush();
    this.date = date;
  }

  chunk(text: string): void {
    const lines = (this.rest + text).split('\n');
    this.rest = lines.pop() ?? '';
    for (const line of lines) this.line(line);
  }

  end(): void {
    if (this.rest !== '') this.line(this.rest);
    this.rest = '';
    this.flush();
  }

  private line(raw: string): void {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.startsWith('\x01')) {
      this.startCommit(line.slice(1, 11));
      return;
    }
    if (line.startsWith('diff --git ')) {
      this.flush();
      this.file = { from: null, to: null, created: false, added: [], removed: [] };
      this.inHunk = false;
      return;
    }
    const file = this.file;
    if (!file) return;
    if (this.inHunk) {
      // A file created in this commit changes no status (see flush): its lines are not kept.
      if (line.startsWith('+')) {
        if (!file.created) file.added.push(line.slice(1));
      } else if (line.startsWith('-')) {
        if (!file.created) file.removed.push(line.slice(1));
      } else if (line.startsWith('@@')) return;
      else if (!line.startsWith('\\')) this.inHunk = false;
      if (this.inHunk) return;
    }
    if (line.startsWith('@@')) this.inHunk = true;
    else if (line.startsWith('new file mode')) file.created = true;
    else if (line.startsWith('rename from ')) file.from = line.slice('rename from '.length);
    else if (line.startsWith('rename to ')) file.to = line.slice('rename to '.length);
    else if (line.startsWith('--- ')) {
      if (line === '--- /dev/null') file.created = true;
      else file.from = path(line.slice(4), 'a/');
    } else if (line.startsWith('+++ ') && line !== '+++ /dev/null') file.to = path(line.slice(4), 'b/');
  }

  private current(p: string): string {
    return this.aliases.get(p) ?? p;
  }

  private flush(): void {
    const file = this.file;
    this.file = undefined;
    this.inHunk = false;
    if (!file || !file.to) return;
    const now = this.current(file.to);
    // Older commits name the file by its old path.
    if (file.from && file.from !== file.to) this.aliases.set(file.from, now);
    if (file.created || this.date === '' || file.added.length === 0) return;
    let removed: Set<string> | undefined;
    let dates = this.changes.get(now);
    for (const l of file.added) {
      const status = statusOfLine(l);
      if (status === null || dates?.has(status)) continue;
      removed ??= new Set(file.removed.map(statusOfLine).filter((x): x is string => x !== null));
      if (removed.has(status)) continue;
      if (!dates) this.changes.set(now, (dates = new Map()));
      dates.set(status, this.date);
    }
  }
}

/** `a/doc/adr/x.md` → `doc/adr/x.md` (git appends a tab to names with spaces). */
function path(text: string, prefix: string): string {
  const bare = text.replace(/\t$/, '');
  return bare.startsWith(prefix) ? bare.slice(prefix.length) : bare;
}

/** The folder, relative to `root`, whose history dates the status of the decision or design doc at `path`; undefined outside the root. */
export function statusFolderOf(root: string, path: string): string | undefined {
  const rel = relativePath(root, path);
  if (rel === undefined || rel === '') return undefined;
  return rel.includes('/') ? dirname(rel) : '.';
}

const DIFF_OPTIONS = ['-M', '--unified=0', '--no-color', '--no-ext-diff', '--no-textconv', '--relative'];

/**
 * Reads the status changes of every file under `folders` (relative to the
 * repository root, sorted): the changes not committed yet first, dated
 * `today`, then the history of HEAD. The three git processes start at once,
 * so a caller may start this before its records are read, from the folders
 * it will find them in (see {@link statusChangeDates}). No HEAD reads as no
 * changes; rejects when git cannot run.
 */
export function scanStatusChanges(git: GitExecutor, folders: readonly string[], today: string): Promise<StatusChanges> {
  const pathspecs = ['--', ...folders];
  const reader = new StatusChangeReader();
  const head = git
    .stream(['rev-parse', '--verify', '--quiet', 'HEAD'], () => undefined)
    .then(
      () => true,
      () => false,
    );
  let diffText = '';
  const diff = git.stream(['diff', ...DIFF_OPTIONS, 'HEAD', ...pathspecs], (text) => (diffText += text));
  // The history waits for the working tree's changes: they are newer, and a rename not committed yet names the older paths.
  let held: string[] | undefined = [];
  const log = git.stream(['log', ...DIFF_OPTIONS, '--format=%x01%cI', '-p', 'HEAD', ...pathspecs], (text) => (held ? held.push(text) : reader.chunk(text)));
  // Without HEAD both fail, and that is no error.
  diff.catch(() => undefined);
  log.catch(() => undefined);
  return head.then(async (hasHead) => {
    if (!hasHead) return reader.changes;
    await diff;
    reader.startCommit(today);
    reader.chunk(diffText);
    reader.end();
    for (const text of held ?? []) reader.chunk(text);
    held = undefined;
    await log;
    reader.end();
    return reader.changes;
  });
}

/** A status scan started early, and the folders it reads. */
export interface StartedStatusScan {
  folders: readonly string[];
  changes: Promise<StatusChanges>;
}

/**
 * Path → `YYYY-MM-DD` on which each decision or design doc under `root`
 * took its current status: `today` for a change not committed yet, else the
 * date of the newest commit that changed its status line to it. Records
 * created with their status, and those git knows nothing of, are left out.
 * `started`, a scan begun while the records were read, is used when it reads
 * exactly the folders these records are in (else it is dropped and the right
 * one run). Rejects when git cannot run.
 */
export async function statusChangeDates(
  git: GitExecutor,
  root: string,
  records: readonly LodestarRecord[],
  today: string,
  started?: StartedStatusScan,
): Promise<Map<string, string>> {
  const wanted = new Map<string, { path: string; status: string }>();
  const folderSet = new Set<string>();
  for (const r of records) {
    if ((r.kind !== 'decision' && r.kind !== 'design') || !r.status) continue;
    const folder = statusFolderOf(root, r.path);
    if (folder === undefined) continue;
    wanted.set(relativePath(root, r.path) as string, { path: r.path, status: r.status });
    folderSet.add(folder);
  }
  if (wanted.size === 0) return new Map();
  const folders = [...folderSet].sort();
  const same = started !== undefined && started.folders.length === folders.length && started.folders.every((f, i) => f === folders[i]);
  const changes = await (same ? started.changes : scanStatusChanges(git, folders, today));
  const dates = new Map<string, string>();
  for (const [rel, want] of wanted) {
    const date = changes.get(rel)?.get(want.status);
    if (date !== undefined) dates.set(want.path, date);
  }
  return dates;
}
