import { close, closeSync, Dirent, open, openSync, promises as fs, read, readdirSync, readSync, realpathSync, Stats, statSync } from 'fs';
import { homedir } from 'os';
import { join } from 'path';
import { DirectoryEntry, EntryType, RecordFileSystem, toPortPath } from './fileSystem';

const CHUNK = 16 * 1024;
/** Read buffers, reused: one per read in flight, so small files cost no large allocation. */
const spareBuffers: Buffer[] = [];

/**
 * Reads a whole file with open, read (until a short read) and close: one
 * system call fewer per file than `fs.readFile`, which also stats it first,
 * and no promise layers (the callback API is about twice as fast as
 * `fs.promises` on Node 20). Records are small, so most take a single read.
 */
export function readWholeFile(path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    open(path, 'r', (openError, fd) => {
      if (openError) {
        reject(openError);
        return;
      }
      const buffer = spareBuffers.pop() ?? Buffer.allocUnsafe(CHUNK);
      const chunks: Buffer[] = [];
      let total = 0;
      const finish = (error: NodeJS.ErrnoException | null): void => {
        spareBuffers.push(buffer);
        close(fd, () => (error ? reject(error) : resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total))));
      };
      const next = (): void => {
        read(fd, buffer, 0, CHUNK, null, (readError, n) => {
          if (readError) {
            finish(readError);
            return;
          }
          if (n > 0) {
            chunks.push(Buffer.from(buffer.subarray(0, n)));
            total += n;
          }
          if (n === CHUNK) next();
          else {
            if (chunks.length === 0) chunks.push(Buffer.alloc(0));
            finish(null);
          }
        });
      };
      next();
    });
  });
}

const NOW_BUFFER = Buffer.allocUnsafe(64 * 1024);

/**
 * Reads a whole file before returning: open, read (until a short read) and
 * close, into one buffer reused from call to call, so a file costs no
 * allocation and no thread hand-off. The bytes are valid until the next call.
 * A file larger than the buffer is read into a buffer of its own.
 */
export function readWholeFileNow(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    let buffer = NOW_BUFFER;
    let total = 0;
    for (;;) {
      const want = buffer.length - total;
      const n = readSync(fd, buffer, total, want, null);
      total += n;
      if (n < want) return buffer.subarray(0, total);
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, total);
      buffer = bigger;
    }
  } finally {
    closeSync(fd);
  }
}

/** When a file on disk last changed (ctime: a write, rename or chmod), in ms; undefined when it is gone. */
export async function fileChangedAt(path: string): Promise<number | undefined> {
  try {
    const st = await fs.stat(path);
    return Math.max(st.ctimeMs, st.mtimeMs);
  } catch {
    return undefined;
  }
}

/** The user's git config files on this machine (`$GIT_CONFIG_GLOBAL`, or `$XDG_CONFIG_HOME/git/config` and `~/.gitconfig`), as port paths. */
export function userGitConfigFiles(env: NodeJS.ProcessEnv = process.env): string[] {
  const home = homedir();
  const files = env.GIT_CONFIG_GLOBAL
    ? [env.GIT_CONFIG_GLOBAL]
    : [join(env.XDG_CONFIG_HOME || join(home, '.config'), 'git', 'config'), join(home, '.gitconfig')];
  return files.map(toPortPath);
}

export interface NodeFileSystemOptions {
  /**
   * Offer {@link RecordFileSystem.readFileNow}: for a command that only reads
   * records and has nothing to do meanwhile (`lodestar index`, `lint`).
   */
  blockingReads?: boolean;
}

/** Node `fs` behind the port, for the CLI, the benchmarks and the unit tests. */
export class NodeFileSystem implements RecordFileSystem {
  readonly readFileNow?: (path: string) => Uint8Array;
  /** Folders and stats too are read before returning (no hand-off to the I/O threads, which a walk of many small folders waits on). */
  private readonly blocking: boolean;

  constructor(options: NodeFileSystemOptions = {}) {
    this.blocking = options.blockingReads === true;
    if (this.blocking) this.readFileNow = readWholeFileNow;
  }

  readFile(path: string): Promise<Uint8Array> {
    return readWholeFile(path);
  }

  userGitConfigFiles(): readonly string[] {
    return userGitConfigFiles();
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    const entries: Dirent[] = this.blocking ? readdirSync(path, { withFileTypes: true }) : await fs.readdir(path, { withFileTypes: true });
    const out: DirectoryEntry[] = [];
    for (const e of entries) {
      let type = e.isDirectory() ? EntryType.Directory : e.isFile() ? EntryType.File : 0;
      if (e.isSymbolicLink()) {
        type = EntryType.SymbolicLink;
        try {
          const target = await this.statOf(`${path}/${e.name}`);
          type |= target.isDirectory() ? EntryType.Directory : target.isFile() ? EntryType.File : 0;
        } catch {
          // A dangling or looping link: left as a bare symlink, which the walker reports.
        }
      }
      out.push({ name: e.name, type });
    }
    return out;
  }

  private statOf(path: string): Promise<Stats> | Stats {
    return this.blocking ? statSync(path) : fs.stat(path);
  }

  async stat(path: string): Promise<{ type: number; size: number } | undefined> {
    try {
      const s = await this.statOf(path);
      // A device, pipe or socket is neither: reading one may never end.
      return { type: s.isDirectory() ? EntryType.Directory : s.isFile() ? EntryType.File : 0, size: s.size };
    } catch {
      return undefined;
    }
  }

  async realPath(path: string): Promise<string> {
    return toPortPath(this.blocking ? realpathSync.native(path) : await fs.realpath(path));
  }
}
