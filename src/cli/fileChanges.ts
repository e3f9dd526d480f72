import { promises as nodeFs, constants } from 'fs';
import * as path from 'path';
import { FileExistsError, ReadOnlyFileError, RecordWriter } from '../core/store/recordWriter';

/**
 * Several files changed as one: every file is checked before the first write,
 * so a refusal changes nothing; a write that still fails undoes the writes
 * before it, and when even that fails, the error says which files changed.
 */

/** One file's change: `before` undefined for a file to create. */
export interface FileChange {
  path: string;
  before?: string;
  after: string;
}

/** A write failed part-way; the message says what was changed, if anything. */
export class PartialChangeError extends Error {}

/**
 * Throws {@link ReadOnlyFileError} for a file with no write bit (whoever runs
 * us, root included) and for a file or folder this process may not write.
 */
export async function assertCanChange(file: string): Promise<void> {
  const st = await nodeFs.stat(file).catch(() => undefined);
  if (st && (st.mode & 0o222) === 0) throw new ReadOnlyFileError(file);
  // Replacing goes through a temporary file beside it, so its folder (for a new file, the nearest one there) must be writable too.
  let folder = path.dirname(file);
  while (!st && path.dirname(folder) !== folder && !(await exists(folder))) folder = path.dirname(folder);
  for (const p of st ? [file, folder] : [folder]) {
    const ok = await nodeFs.access(p, constants.W_OK).then(
      () => true,
      () => false,
    );
    if (!ok) throw new ReadOnlyFileError(p);
  }
}

function exists(p: string): Promise<boolean> {
  return nodeFs.stat(p).then(
    () => true,
    () => false,
  );
}

/**
 * Creates and replaces the files, all or none (see the module comment). `remove` deletes a created file on undo.
 * `created`, when given, is asked about each file just created: when it throws, that file and every change
 * before it are undone, and its error is thrown as it is when nothing else had changed.
 */
export async function applyChanges(
  changes: FileChange[],
  writer: RecordWriter,
  show: (abs: string) => string,
  remove: (abs: string) => Promise<void> = (abs) => nodeFs.unlink(abs),
  created?: (abs: string) => Promise<void>,
): Promise<void> {
  for (const c of changes) await assertCanChange(c.path);
  const done: FileChange[] = [];
  for (const c of changes) {
    try {
      if (c.before === undefined) await writer.createExclusive(c.path, c.after);
      else await writer.replace(c.path, c.after);
    } catch (e) {
      if (done.length === 0) {
        if (e instanceof FileExistsError || e instanceof ReadOnlyFileError) throw e;
        throw new PartialChangeError(`${show(c.path)}: ${(e as Error).message}; nothing was changed.`);
      }
      await undo(done, writer, show, remove, `${show(c.path)}: ${(e as Error).message}`);
    }
    done.push(c);
    if (c.before === undefined && created) {
      try {
        await created(c.path);
      } catch (e) {
        // Only this file changed: once it is removed, nothing was, and the caller hears why.
        const removed =
          done.length === 1 &&
          (await remove(c.path).then(
            () => true,
            () => false,
          ));
        if (removed) throw e;
        await undo(done, writer, show, remove, `${show(c.path)}: ${(e as Error).message}`);
      }
    }
  }
}

/** Undoes `done`, last first, then throws: "nothing was changed", or which files still hold the change. */
export async function undo(
  done: FileChange[],
  writer: RecordWriter,
  show: (abs: string) => string,
  remove: (abs: string) => Promise<void>,
  reason: string,
): Promise<never> {
  const stuck: string[] = [];
  for (const c of [...done].reverse()) {
    try {
      if (c.before === undefined) await remove(c.path);
      else await writer.replace(c.path, c.before);
    } catch {
      stuck.push(c.before === undefined ? `${show(c.path)} was created` : `${show(c.path)} was changed`);
    }
  }
  if (stuck.length === 0) throw new PartialChangeError(`${reason}; nothing was changed.`);
  throw new PartialChangeError(`${reason}; could not undo everything: ${stuck.reverse().join(', ')}. The other files are as they were.`);
}
