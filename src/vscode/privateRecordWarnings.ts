import * as vscode from 'vscode';
import { createGitExecutor } from '../core/git/gitExecutor';
import { PRIVATE_TRACKED_CODE, PRIVATE_TRACKED_MESSAGE, privateRecordsTrackedByGit } from '../core/people/privateNotebook';
import { PairingDetection } from './pairingDetection';
import { WorkspaceRecords } from './workspaceRecords';

/**
 * A warning in the Problems panel on every record marked `visibility: private`
 * that git tracks in a workspace folder: everyone with the repository can read
 * it. Checked after each change to the records, `git add`, commits and checkouts; git
 * runs only in trusted workspaces. (The private notebook may be a git
 * repository of its own: its files are not checked.)
 */
export function registerPrivateRecordWarnings(records: WorkspaceRecords, pairing: PairingDetection, log: vscode.OutputChannel): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('lodestar-private');
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const check = async (): Promise<void> => {
    if (!vscode.workspace.isTrusted) return;
    const found = new Map<string, vscode.Diagnostic[]>();
    for (const { index } of records.indexes()) {
      for (const path of await privateRecordsTrackedByGit(index.records(), index.root, createGitExecutor(index.root))) {
        const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1000), PRIVATE_TRACKED_MESSAGE, vscode.DiagnosticSeverity.Warning);
        d.source = 'lodestar';
        d.code = PRIVATE_TRACKED_CODE;
        found.set(path, [d]);
      }
    }
    collection.clear();
    for (const [path, list] of found) collection.set(vscode.Uri.file(path), list);
  };

  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(check).catch((e: Error) => log.appendLine(`Checking private notes against git failed: ${e.message}`));
    }, 300);
  };

  // `git add` changes what is tracked without touching history: watch the index too.
  const index = vscode.workspace.createFileSystemWatcher('**/.git/index');
  return vscode.Disposable.from(
    collection,
    index,
    index.onDidChange(schedule),
    index.onDidCreate(schedule),
    records.onDidChange(schedule),
    pairing.onDidChange(schedule),
    {
      dispose: () => timer && clearTimeout(timer),
    },
  );
}
