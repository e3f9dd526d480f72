import * as os from 'os';
import * as path from 'path';

/**
 * Where Lodestar keeps what it may throw away (compiled code, records read
 * before): `LODESTAR_CACHE_DIR`, else `$XDG_CACHE_HOME/lodestar` or
 * `~/.cache/lodestar` (`%LOCALAPPDATA%\lodestar` on Windows). The user's own
 * folder, never a shared temporary one or the repository.
 */
export function userCacheFolder(): string {
  if (process.env.LODESTAR_CACHE_DIR) return process.env.LODESTAR_CACHE_DIR;
  if (process.platform === 'win32' && process.env.LOCALAPPDATA) return path.join(process.env.LOCALAPPDATA, 'lodestar');
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'lodestar');
}
