import * as vscode from 'vscode';
import { LiveIndex } from '../core/index/liveChanges';
import { LodestarSettings } from '../core/index/recordFolders';
import { RecordIndex } from '../core/index/recordIndex';
import { privateFolderProblem } from '../core/people/privateNotebook';
import { LodestarRecord, Problem, RecordKind } from '../core/records/record';
import { joinPath, relativePath, toPortPath } from '../core/store/fileSystem';
import { fileChangedAt } from '../core/store/nodeFileSystem';
import { readPrivateNotebookPath } from './settings';
import { WorkspaceFileSystem } from './workspaceFileSystem';

/**
 * The private notebook's layout: `mentoring/<handle>.md` and
 * `mentoring/<handle>/<date>-<kind>.md`, `influence/<YYYY>/…`, like a
 * repository's `docs/…` folders. Decisions are named so no `.adr-dir` above
 * the notebook is ever looked for.
 */
export const NOTEBOOK_LAYOUT: LodestarSettings = {
  decisionDirectories: ['decisions'],
  designDirectories: ['design'],
  mentoringDirectory: 'mentoring',
  influenceDirectory: 'influence',
};

export interface NotebookLocation {
  /** The folder (absolute, `/` separators). */
  root: string;
  /** Where private mentoring records go. */
  mentoringFolder: string;
  /** Where private influence activities go. */
  influenceFolder: string;
  /** Why the notebook cannot be used (inside a workspace folder, not absolute, unset); nothing is read or written then. */
  problem?: string;
}

/**
 * The private notebook's records, indexed and watched like a workspace
 * folder's. It is opened only when it lies outside every workspace folder.
 */
export class NotebookRecords implements vscode.Disposable {
  private current: NotebookLocation | undefined;
  private entry: { index: RecordIndex; live: LiveIndex } | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;

  constructor(
    private readonly fs: WorkspaceFileSystem,
    private readonly log: vscode.OutputChannel,
    /** Used when `lodestar.privateNotebook.path` is empty: a folder under the extension's global storage. */
    private readonly defaultRoot: string | undefined,
    private readonly changed: () => void,
  ) {}

  /** Where the notebook is and whether it can be used; undefined before the first {@link open}. */
  get location(): NotebookLocation | undefined {
    return this.current;
  }

  /** The notebook's index, when it is open. */
  get index(): RecordIndex | undefined {
    return this.entry?.index;
  }

  /** (Re)opens the folder the setting names and indexes it, unless it lies inside a workspace folder. */
  async open(workspaceRoots: readonly string[]): Promise<void> {
    const configured = readPrivateNotebookPath();
    const root = configured ? toPortPath(configured) : (this.defaultRoot ?? '');
    let problem: string | undefined;
    if (root === '') problem = 'No private notebook folder is set: set lodestar.privateNotebook.path to a folder outside your workspace.';
    else if (!root.startsWith('/') && !/^[A-Za-z]:\//.test(root))
      problem = `lodestar.privateNotebook.path must be an absolute path (or start with ~/), not "${configured}".`;
    else problem = await privateFolderProblem(this.fs, root, workspaceRoots);
    if (this.entry && this.current?.root === root && !problem) {
      await this.entry.live.rebuild();
      return;
    }
    this.close();
    this.current = {
      root,
      mentoringFolder: joinPath(root, NOTEBOOK_LAYOUT.mentoringDirectory),
      influenceFolder: joinPath(root, NOTEBOOK_LAYOUT.influenceDirectory ?? 'influence'),
      problem,
    };
    if (problem) {
      this.log.appendLine(`Private notebook not used: ${problem}`);
      return;
    }
    const index = new RecordIndex(this.fs, root, NOTEBOOK_LAYOUT);
    const live = new LiveIndex(index, {
      build: () => this.build(index),
      changedAt: fileChangedAt,
      applied: (_batch, outcome) => {
        if (outcome.changed) this.changed();
      },
      onFileError: (path, e) => this.log.appendLine(`Could not update ${path}: ${e.message}`),
    });
    this.entry = { index, live };
    await live.rebuild();
  }

  /** Re-reads the notebook; false when that failed (the index keeps what it had). */
  private async build(index: RecordIndex): Promise<boolean> {
    let built = false;
    try {
      await index.build();
      built = true;
      this.log.appendLine(`Indexed ${index.size} records in the private notebook ${index.root}.`);
    } catch (e) {
      this.log.appendLine(`Indexing the private notebook failed: ${(e as Error).message}`);
    }
    await this.watch();
    return built;
  }

  /** A watcher once the folder exists (a folder that is not there yet cannot be watched). */
  private async watch(): Promise<void> {
    if (this.watcher || !this.entry || !(await this.fs.stat(this.entry.index.root))) return;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(this.entry.index.root), '**/*'));
    watcher.onDidCreate((u) => this.onFileEvent(u, 'created'));
    watcher.onDidChange((u) => this.onFileEvent(u, 'changed'));
    watcher.onDidDelete((u) => this.onFileEvent(u, 'deleted'));
    this.watcher = watcher;
  }

  private onFileEvent(uri: vscode.Uri, kind: 'created' | 'changed' | 'deleted'): void {
    const entry = this.entry;
    if (!entry || uri.scheme !== 'file') return;
    const path = toPortPath(uri.fsPath);
    if (/\/\.git(\/|$)/.test(path)) return;
    entry.live.fileEvent(path, kind);
  }

  /** True for a path inside the notebook. */
  owns(path: string): boolean {
    return this.entry !== undefined && relativePath(this.entry.index.root, path) !== undefined;
  }

  /** Re-reads files a command just wrote into the notebook. */
  async refreshPaths(paths: readonly string[]): Promise<void> {
    const entry = this.entry;
    if (!entry) return;
    const mine = paths.filter((p) => this.owns(p));
    if (mine.length === 0) return;
    if (mine.some((p) => entry.index.isInMissingFolder(p))) await entry.live.rebuild();
    else for (const p of mine) entry.live.batcher.add(p);
    await entry.live.batcher.flush();
  }

  async settle(): Promise<void> {
    await this.entry?.live.batcher.flush();
  }

  /**
   * The notebook's records. Every one counts as private, whether or not its
   * front matter says `visibility: private`: that is what the folder is for.
   */
  records(kind?: RecordKind): LodestarRecord[] {
    return (this.entry?.index.records(kind) ?? []).map((r) => (r.private ? r : { ...r, private: true }));
  }

  problems(): Problem[] {
    return this.entry?.index.problems() ?? [];
  }

  private close(): void {
    this.entry?.live.dispose();
    this.entry = undefined;
    this.watcher?.dispose();
    this.watcher = undefined;
  }

  dispose(): void {
    this.close();
  }
}
