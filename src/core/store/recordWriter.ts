import { promises as fs } from 'fs';
import { dirname } from './fileSystem';

/**
 * How core writes: new files are created exclusively (never over an existing
 * one), changed files are replaced through a temporary file and a rename, so
 * a crash leaves either the old bytes or the new ones. The extension backs
 * this with `workspace.fs` / `WorkspaceEdit`; the CLI with Node's `fs`.
 */
export interface RecordWriter {
  /** Rejects with {@link FileExistsError} when something is already there. */
  createExclusive(path: string, content: string): Promise<void>;
  replace(path: string, content: string): Promise<void>;
  ensureFolder(path: string): Promise<void>;
}

export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists; it was left as it is.`);
  }
}

export class ReadOnlyFileError extends Error {
  constructor(readonly path: string) {
    super(`${path} is read-only; nothing was changed. Make it writable and try again.`);
  }
}

/** Throws {@link ReadOnlyFileError} when the file's mode has no write bit (whoever runs us, root included). */
export async function assertWritable(path: string): Promise<void> {
  const st = await fs.stat(path).catch(() => undefined);
  if (st && (st.mode & 0o222) === 0) throw new ReadOnlyFileError(path);
}

export class NodeRecordWriter implements RecordWriter {
  async createExclusive(path: string, content: string): Promise<void> {
    await fs.mkdir(dirname(path), { recursive: true });
    try {
      await fs.writeFile(path, content, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path);
      throw e;
    }
  }

  /** Rejects with {@link ReadOnlyFileError} for a read-only file; the file keeps its mode. Bytes are written as given. */
  async replace(linkOrPath: string, content: string | Uint8Array): Promise<void> {
    // A record reached through a symbolic link is replaced where it really is; the link stays a link.
    const path = await fs.realpath(linkOrPath).catch(() => linkOrPath);
    const st = await fs.stat(path).catch(() => undefined);
    if (st && (st.mode & 0o222) === 0) throw new ReadOnlyFileError(path);
    const temp = `${dirname(path)}/.${path.slice(path.lastIndexOf('/') + 1)}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(temp, content, { flag: 'wx' });
    try {
      if (st) await fs.chmod(temp, st.mode & 0o7777);
      await fs.rename(temp, path);
    } catch (e) {
      await fs.rm(temp, { force: true });
      throw e;
    }
  }

  async ensureFolder(path: string): Promise<void> {
    await fs.mkdir(path, { recursive: true });
  }
}
