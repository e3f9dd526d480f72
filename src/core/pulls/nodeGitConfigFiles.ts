import * as nodeFs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { toPortPath } from '../store/fileSystem';
import { GitConfigFiles } from './configRemotes';

/** The git config files on this machine, read with blocking reads (a few small files, once). */
export function nodeGitConfigFiles(env: NodeJS.ProcessEnv = process.env): GitConfigFiles {
  const home = os.homedir();
  const userConfigFiles = env.GIT_CONFIG_GLOBAL
    ? [env.GIT_CONFIG_GLOBAL]
    : [path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'git', 'config'), path.join(home, '.gitconfig')];
  return {
    readText(file) {
      try {
        return nodeFs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
    isDirectory(file) {
      try {
        return nodeFs.statSync(file).isDirectory();
      } catch {
        return false;
      }
    },
    userConfigFiles: userConfigFiles.map(toPortPath),
  };
}
