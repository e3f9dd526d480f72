import { LoadedRecord } from './recordFile';
import { RecordFolder } from './recordFolders';

/**
 * What an earlier index build read, kept between runs (the CLI keeps it in
 * a file, see `RecordCacheFile`): a file unchanged since is not read or
 * parsed again. The entries are the ones the build would make, since a
 * record depends on nothing but the file's bytes, its folder and the file
 * it is read with (`companion`: a proposal README's kep.yaml).
 */
export interface RecordCache {
  /**
   * The entry kept for this file in this folder when the file (and its
   * `companion`, there or not) is unchanged since it was read; looks at the
   * file now, before the build reads it.
   */
  get(path: string, folder: RecordFolder, companion?: string): LoadedRecord | undefined;
  /** Keeps the entry the build just made of this file (as the file was when {@link get} looked at it). */
  put(path: string, folder: RecordFolder, entry: LoadedRecord): void;
}
