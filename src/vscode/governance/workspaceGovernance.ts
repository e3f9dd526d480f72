import * as vscode from 'vscode';
import { createGitExecutor, GitExecutor } from '../../core/git/gitExecutor';
import { Governance, isActiveRecord } from '../../core/governance/governance';
import { successorIn } from '../../core/governance/governanceLint';
import { loadGovernance } from '../../core/governance/repositoryFiles';
import { RecordIndex } from '../../core/index/recordIndex';
import { LodestarRecord } from '../../core/records/record';
import { relativePath, toPortPath } from '../../core/store/fileSystem';
import { GitHistoryWatcher } from '../gitHistoryWatcher';
import { WorkspaceRecords } from '../workspaceRecords';

interface FolderGovernance {
  index: RecordIndex;
  governance: Governance;
  /** The repository's top folder: globs are relative to it. */
  top: string;
}

/**
 * Which records govern which files, for every workspace folder: built again
 * (after a short settle) when the records change or git history moves, never
 * per keystroke; asking about a file is then a lookup. `git ls-files` runs
 * only in trusted workspaces; in Restricted Mode each file is matched on its own.
 */
export class WorkspaceGovernance implements vscode.Disposable {
  private folders: FolderGovernance[] = [];
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private building: Promise<void> = Promise.resolve();
  private generation = 0;

  constructor(
    private readonly records: WorkspaceRecords,
    history: GitHistoryWatcher,
    private readonly log: vscode.OutputChannel,
  ) {
    this.disposables.push(
      records.onDidChange(() => this.schedule()),
      history.onDidMove(() => this.schedule()),
    );
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.rebuild(), 200);
  }

  /** Builds the governance of every folder again; resolves when it is in place. */
  rebuild(): Promise<void> {
    const generation = ++this.generation;
    this.building = this.building
      .then(() => this.build(generation))
      .catch((e: unknown) => this.log.appendLine(`Could not work out which records govern which files: ${String(e)}`));
    return this.building;
  }

  private async build(generation: number): Promise<void> {
    if (generation !== this.generation) return;
    await this.records.ready();
    const trusted = vscode.workspace.isTrusted;
    const noGit = { run: () => Promise.reject(new Error('Restricted Mode')), stream: () => Promise.reject(new Error('Restricted Mode')) };
    const built = await Promise.all(
      this.records.indexes().map(async ({ index }) => {
        const git = trusted ? createGitExecutor(index.root) : noGit;
        const { governance, repository } = await loadGovernance(index.records(), index.root, git);
        return { index, governance, top: repository?.top ?? (await this.topOf(index.root, git)) };
      }),
    );
    if (generation !== this.generation) return;
    this.folders = built;
    this.emitter.fire();
  }

  private readonly tops = new Map<string, Promise<string>>();

  /** The repository top around a folder, asked of git once (for "Applies to…" before any record has applies-to). */
  private topOf(root: string, git: GitExecutor): Promise<string> {
    let top = this.tops.get(root);
    if (!top) {
      top = git.run(['rev-parse', '--show-toplevel']).then(
        (t) => (t.trim() === '' ? root : toPortPath(t.trim())),
        () => root,
      );
      if (vscode.workspace.isTrusted) this.tops.set(root, top);
    }
    return top;
  }

  /** The records governing a file (absolute path), active first, each inactive one with its successor. */
  recordsFor(path: string): { record: LodestarRecord; successor?: LodestarRecord }[] {
    // The deepest workspace folder holding the file answers (nested folders share a repository).
    const owner = this.folders.filter((f) => relativePath(f.index.root, path) !== undefined).sort((a, b) => b.index.root.length - a.index.root.length)[0];
    const inRepo = owner ? relativePath(owner.top, path) : undefined;
    if (!owner || inRepo === undefined || inRepo === '') return [];
    const successorOf = successorIn(owner.index);
    return owner.governance.recordsFor(inRepo).map((record) => ({ record, successor: isActiveRecord(record) ? undefined : successorOf(record) }));
  }

  /** `src/payments` for a file in it: its folder relative to the repository top, or undefined outside every folder. */
  repositoryFolderOf(path: string): string | undefined {
    const owner = this.folders.filter((f) => relativePath(f.index.root, path) !== undefined).sort((a, b) => b.index.root.length - a.index.root.length)[0];
    const rel = owner ? relativePath(owner.top, path) : undefined;
    if (rel === undefined || rel === '') return undefined;
    return rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
  }
}
