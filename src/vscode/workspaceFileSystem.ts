import { promises as nodeFs } from 'fs';
import * as vscode from 'vscode';
import { userGitConfigFiles } from '../core/store/nodeFileSystem';
import { DirectoryEntry, RecordFileSystem, toPortPath } from '../core/store/fileSystem';

/** The core file-system port over `workspace.fs`, so reads see what VS Code sees. */
export class WorkspaceFileSystem implements RecordFileSystem {
  async readFile(path: string): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(vscode.Uri.file(path));
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.file(path));
    return entries.map(([name, type]) => ({ name, type }));
  }

  async stat(path: string): Promise<{ type: number; size: number } | undefined> {
    try {
      const s = await vscode.workspace.fs.stat(vscode.Uri.file(path));
      return { type: s.type, size: s.size };
    } catch {
      return undefined;
    }
  }

  /** The user's git config files, for the index's reading of the repository's remotes (local folders only are indexed). */
  userGitConfigFiles(): readonly string[] {
    return userGitConfigFiles();
  }

  async realPath(path: string): Promise<string> {
    // workspace.fs has no realpath; local folders are on this host's disk.
    return toPortPath(await nodeFs.realpath(path));
  }
}
