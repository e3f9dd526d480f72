import * as path from 'path';
import { readConfigRemotes } from '../core/pulls/configRemotes';
import { nodeGitConfigFiles } from '../core/pulls/nodeGitConfigFiles';
import { RemoteRepo } from '../core/pulls/remotes';
import { toPortPath } from '../core/store/fileSystem';

/** The remotes of the repository holding `root`, from its git config file: no git process (see `readConfigRemotes`). */
export function repositoryRemotes(root: string): RemoteRepo[] {
  return readConfigRemotes(toPortPath(path.resolve(root)), nodeGitConfigFiles());
}
