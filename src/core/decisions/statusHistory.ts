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

/**
 * Reads `git diff`/`git log -p` output (unified=0, `--relative`) one
 * commit at a time, newest first, and keeps for each wanted record the date
 * of the newest change whose added lines write its current status while its
 * removed ones did not (a status changed, not a line moved). A file created
 * with its status is no change: importing old records credits nobody.
 * Renames are followed back to the record's current path.
 */
class StatusChangeReader {
  readonly dates = new Map<string, string>();
  private readonly aliases = new Map<string, string>();
  private date = '';
  private file: FileDiff | undefined;
  private inHunk = false;
  private rest = '';

  constructor(private readonly wanted: ReadonlyMap<string, { path: string; status: string }>) {}

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
      if (line.startsWith('+')) file.added.push(line.slice(1));
      else if (line.startsWith('-')) file.removed.push(line.slice(1));
      else if (line.startsWith('@@')) return;
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
    const want = this.wanted.get(now);
    if (!want || file.created || this.dates.has(want.path) || this.date === '') return;
    const writes = (lines: string[]): boolean => lines.some((l) => statusOfLine(l) === want.status);
    if (writes(file.added) && !writes(file.removed)) this.dates.set(want.path, this.date);
  }
}

/** `a/doc/adr/x.md` → `doc/adr/x.md` (git appends a tab to names with spaces). */
function path(text: string, prefix: string): string {
  const bare = text.replace(/\t$/, '');
  return bare.startsWith(prefix) ? bare.slice(prefix.length) : bare;
}

/**
 * Path → `YYYY-MM-DD` on which each decision or design doc under `root`
 * took its current status: `today` for a change not committed yet, else the
 * date of the newest commit that changed its status line to it. Records
 * created with their status, and those git knows nothing of, are left out.
 * Rejects when git cannot run.
 */
export async function statusChangeDates(git: GitExecutor, root: string, records: readonly LodestarRecord[], today: string): Promise<Map<string, string>> {
  const wanted = new Map<string, { path: string; status: string }>();
  const folders = new Set<string>();
  for (const r of records) {
    if ((r.kind !== 'decision' && r.kind !== 'design') || !r.status) continue;
    const rel = relativePath(root, r.path);
    if (rel === undefined || rel === '') continue;
    wanted.set(rel, { path: r.path, status: r.status });
    const folder = rel.includes('/') ? dirname(rel) : '.';
    folders.add(folder);
  }
  if (wanted.size === 0) return new Map();
  const pathspecs = ['--', ...[...folders].sort()];
  const diffOptions = ['-M', '--unified=0', '--no-color', '--no-ext-diff', '--no-textconv', '--relative'];
  const reader = new StatusChangeReader(wanted);
  // Changes not committed yet happened today.
  const head = await git.run(['rev-parse', '--verify', '--quiet', 'HEAD']).then(
    (h) => h.trim(),
    () => '',
  );
  if (head === '') return reader.dates;
  reader.startCommit(today);
  reader.chunk(await git.run(['diff', ...diffOptions, 'HEAD', ...pathspecs]));
  reader.end();
  await git.stream(['log', ...diffOptions, '--format=%x01%cI', '-p', 'HEAD', ...pathspecs], (text) => reader.chunk(text));
  reader.end();
  return reader.dates;
}
