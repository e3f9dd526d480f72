import { programIdentity, RecordCacheFile } from '../core/index/recordCacheFile';
import { userCacheFolder } from './userCacheFolder';

/**
 * The records read by the last command run on this root, kept in the
 * user's cache folder (`LODESTAR_RECORD_CACHE_DIR`, else `records` files in
 * {@link userCacheFolder}) so the next command reads only files changed
 * since; `LODESTAR_NO_RECORD_CACHE=1`: none kept, every file read. The
 * entries belong to this build of Lodestar (the bundle's bytes and Node's
 * version): another build reads every file again.
 */
export function openRecordCache(root: string): RecordCacheFile | undefined {
  if (process.env.LODESTAR_NO_RECORD_CACHE === '1') return undefined;
  const identity = programIdentity(__filename);
  if (identity === undefined) return undefined;
  return new RecordCacheFile(root, identity, { folder: process.env.LODESTAR_RECORD_CACHE_DIR || userCacheFolder() });
}
