import * as nodeFs from 'fs';
import { userGitConfigFiles } from '../store/nodeFileSystem';
import { GitConfigFiles } from './configRemotes';

/** The git config files on this machine, read with blocking reads (a few small files, once). */
export function nodeGitConfigFiles(env: NodeJS.ProcessEnv = process.env): GitConfigFiles {
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
    userConfigFiles: userGitConfigFiles(env),
  };
}
