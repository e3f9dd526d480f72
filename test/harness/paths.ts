// Where the harness finds the project and keeps its caches and reports.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { keepTempFolders, removeFolder } from '../fixtures/tempRoot';

/** The project root: the nearest folder above this file whose package.json is Lodestar's (works from test/ and out/test/). */
export function projectRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'lodestar') {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`cannot find Lodestar's package.json above ${__dirname}`);
    }
    dir = parent;
  }
}

/** Downloads and installs that outlive a run (code-server, the demo workspace): $LODESTAR_CACHE_DIR or ~/.cache/lodestar. */
export function cacheDir(): string {
  const dir = process.env.LODESTAR_CACHE_DIR || path.join(os.homedir(), '.cache', 'lodestar');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Screenshots and logs a person can open after a run; git-ignored. */
export function resultsDir(): string {
  const dir = path.join(projectRoot(), 'test-results');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A fresh temporary folder for one run's workspace, user data or extensions. */
export function freshTempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `lodestar-${label}-`));
}

/** Removes a folder from {@link freshTempDir} once its run is over; LODESTAR_KEEP_TMP=1 keeps it for inspection. */
export function removeTempDir(dir: string): void {
  if (!keepTempFolders()) removeFolder(dir);
}

/** XDG base dirs under `dir`, for child processes that would otherwise write into the user's ~/.config, ~/.cache, ~/.local. */
export function xdgDirsUnder(dir: string): Record<string, string> {
  return {
    XDG_CONFIG_HOME: path.join(dir, 'xdg-config'),
    XDG_CACHE_HOME: path.join(dir, 'xdg-cache'),
    XDG_DATA_HOME: path.join(dir, 'xdg-data'),
  };
}
