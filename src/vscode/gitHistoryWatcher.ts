import * as vscode from 'vscode';

/**
 * Tells when git history (or what git says about it) moved in any workspace
 * folder: a checkout rewrites `.git/HEAD`; a commit, merge, reset or pull
 * appends to the HEAD reflog; `git remote add/set-url` and a new upstream
 * rewrite `.git/config` (so remotes are read again without a reload).
 * (Not the index: the git extension's own status refreshes rewrite it all the
 * time, and it says nothing about history.) One pair of watchers for the
 * whole extension, with bursts (a rebase) folded into one event.
 */
export class GitHistoryWatcher implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidMove = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly settleMs = 300) {
    for (const pattern of ['**/.git/HEAD', '**/.git/logs/HEAD', '**/.git/config']) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      this.disposables.push(
        watcher,
        watcher.onDidChange(() => this.moved()),
        watcher.onDidCreate(() => this.moved()),
      );
    }
  }

  /** Lodestar: Refresh: everything git said is read again. */
  refresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.emitter.fire();
  }

  private moved(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.emitter.fire(), this.settleMs);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
  }
}
