import { createHash } from 'crypto';
import * as nodeFs from 'fs';
import * as path from 'path';
import { RecordCache } from './recordCache';
import { LoadedRecord } from './recordFile';
import { RecordFolder } from './recordFolders';

/**
 * A file changed this close to when it was looked at may change again
 * within the same tick of the file system's clock (a second on some file
 * systems, two on FAT) without its time stamps showing it: its entry is
 * kept but not trusted, and the file is read again next time. As git does
 * with its index ("racy git").
 */
const RACY_MS = 2000;
// JSON: the entries are plain data (strings, numbers, booleans, lists), and JSON.parse reads them in half the time
// v8.deserialize takes.
const FORMAT = 'lodestar-record-cache-3';
/** Cache files of roots no command has read for this long (a repository moved or deleted) are removed. */
const UNUSED_DAYS = 30;

interface CachedEntry {
  /** Size, modification and change times and inode of the file when it was looked at. */
  stamp: string;
  /** The folder it was read as a record of: kind, path and dialect. */
  folder: string;
  /** The file had not changed for {@link RACY_MS} when it was looked at. */
  trusted: boolean;
  entry: LoadedRecord;
  /** What commands worked out from the file besides its record (see {@link RecordCacheFile.derived}), by name. */
  derived?: Record<string, unknown>;
}

interface CacheFileContent {
  format: string;
  identity: string;
  root: string;
  entries: [string, CachedEntry][];
}

export interface RecordCacheFileOptions {
  /** The folder of cache files (the CLI's: the user's cache folder; the extension's: its global storage). */
  folder: string;
  /** The time now, in ms (tests). */
  now?: () => number;
}

/**
 * The {@link RecordCache} of the CLI and the extension: one file per
 * repository root in a folder of the user's (never in the repository), written only when the build read
 * something, and as a whole (a new file renamed over the old one, so a
 * reader never sees half of it). A file is taken from the cache when its
 * size, times and inode (and those of the kep.yaml a proposal README is read
 * with) are those it had when it was read and it had not changed for two
 * seconds then. `identity` names the program that made the
 * entries (a new build of Lodestar parses anew). A cache that cannot be read
 * (missing, damaged, another format) is as good as empty; one that cannot
 * be written is left as it was.
 */
export class RecordCacheFile implements RecordCache {
  private readonly file: string;
  private readonly before = new Map<string, CachedEntry>();
  private readonly after = new Map<string, CachedEntry>();
  private readonly looked = new Map<string, { stamp: string; trusted: boolean }>();
  private readonly now: () => number;
  private changed = false;

  constructor(
    private readonly root: string,
    private readonly identity: string,
    options: RecordCacheFileOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.file = path.join(options.folder, `records-${createHash('sha256').update(`${root}\n${identity}`).digest('hex').slice(0, 32)}.json`);
    try {
      const content = JSON.parse(nodeFs.readFileSync(this.file, 'utf8')) as CacheFileContent;
      if (content.format === FORMAT && content.identity === identity && content.root === root && Array.isArray(content.entries)) {
        for (const [p, e] of content.entries) this.before.set(p, e);
      }
    } catch {
      // No cache yet, or one that cannot be read: every file is read.
    }
  }

  /** The cache file. */
  get path(): string {
    return this.file;
  }

  get(filePath: string, folder: RecordFolder, companion?: string): LoadedRecord | undefined {
    const st = statOf(filePath);
    if (!st) return undefined;
    let stamp = `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
    let trusted = Math.max(st.mtimeMs, st.ctimeMs) < this.now() - RACY_MS;
    if (companion !== undefined) {
      // A proposal README is read with its kep.yaml: a change to that file (or its coming or going) is a change to the record.
      const other = statOf(companion);
      stamp += other ? `+${other.size}:${other.mtimeMs}:${other.ctimeMs}:${other.ino}` : '+none';
      if (other) trusted &&= Math.max(other.mtimeMs, other.ctimeMs) < this.now() - RACY_MS;
    }
    this.looked.set(filePath, { stamp, trusted });
    const kept = this.before.get(filePath);
    if (!kept || !kept.trusted || kept.stamp !== stamp || kept.folder !== folderKey(folder)) return undefined;
    this.after.set(filePath, kept);
    return kept.entry;
  }

  put(filePath: string, folder: RecordFolder, entry: LoadedRecord): void {
    const looked = this.looked.get(filePath);
    if (!looked) return;
    this.after.set(filePath, { stamp: looked.stamp, folder: folderKey(folder), trusted: looked.trusted, entry });
    this.changed = true;
  }

  /**
   * A value a command worked out from this file (and kept with {@link keepDerived}) while the file was as it is now:
   * only for a file this build took from the cache or read, and gone whenever the file is read again. The value is
   * what was kept, as JSON gave it back; the caller checks anything else the value depends on.
   */
  derived(filePath: string, name: string): unknown {
    return this.after.get(filePath)?.derived?.[name];
  }

  /**
   * Keeps, with this file's entry, a value worked out from the file as it was when the build looked at it (a plain
   * JSON value, written by the next {@link save}). Nothing is kept for a file the build did not look at.
   */
  keepDerived(filePath: string, name: string, value: unknown): void {
    const kept = this.after.get(filePath);
    if (!kept) return;
    kept.derived = { ...kept.derived, [name]: value };
    this.changed = true;
  }

  /**
   * Writes the entries of this build (files gone since are left out), when
   * it read any file or some file is gone; call it right after the build,
   * before anything changes the records. False when it could not be written.
   */
  save(): boolean {
    if (!this.changed && this.after.size === this.before.size) {
      // Unchanged: only marked as in use, so it is not taken for the cache of a root gone.
      try {
        const now = new Date(this.now());
        nodeFs.utimesSync(this.file, now, now);
      } catch {
        // Not there (nothing to keep) or read-only: kept as it is.
      }
      return true;
    }
    const content: CacheFileContent = { format: FORMAT, identity: this.identity, root: this.root, entries: [...this.after] };
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      nodeFs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      nodeFs.writeFileSync(temporary, JSON.stringify(content), { mode: 0o600 });
      nodeFs.renameSync(temporary, this.file);
      this.removeUnused();
      return true;
    } catch {
      try {
        nodeFs.rmSync(temporary, { force: true });
      } catch {
        // The folder cannot be made: there is no file to remove.
      }
      return false;
    }
  }

  /** Removes the cache files of other roots that have not been written for {@link UNUSED_DAYS}, and those of the earlier format. */
  private removeUnused(): void {
    const folder = path.dirname(this.file);
    const before = this.now() - UNUSED_DAYS * 24 * 60 * 60 * 1000;
    try {
      for (const name of nodeFs.readdirSync(folder)) {
        const file = path.join(folder, name);
        // The first format (v8-serialized) is read no more.
        if (/^records-[0-9a-f]+\.bin$/.test(name)) nodeFs.rmSync(file, { force: true });
        if (!/^records-[0-9a-f]+\.json$/.test(name)) continue;
        if (file !== this.file && nodeFs.statSync(file).mtimeMs < before) nodeFs.rmSync(file, { force: true });
      }
    } catch {
      // Left for the next time.
    }
  }
}

function statOf(filePath: string): nodeFs.Stats | undefined {
  try {
    return nodeFs.statSync(filePath, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function folderKey(folder: RecordFolder): string {
  return `${folder.kind}\n${folder.log4brains ? 'log4brains' : ''}\n${folder.path}`;
}

/**
 * What made the entries: Node's version and the bytes of the program file
 * (the bundle that parses the records), so another build parses anew.
 * Undefined when the file cannot be read (then nothing is kept).
 */
export function programIdentity(programFile: string): string | undefined {
  try {
    return `${process.version}:${createHash('sha1').update(nodeFs.readFileSync(programFile)).digest('hex')}`;
  } catch {
    return undefined;
  }
}
