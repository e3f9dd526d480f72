import * as vscode from 'vscode';
import { isActiveRecord } from '../../core/governance/governance';
import { LodestarRecord } from '../../core/records/record';
import { recordLabel, statusLabel } from '../../core/records/recordLabels';
import { toPortPath } from '../../core/store/fileSystem';
import { GitHistoryWatcher } from '../gitHistoryWatcher';
import { WorkspaceRecords } from '../workspaceRecords';
import { WorkspaceGovernance } from './workspaceGovernance';

type Governing = { record: LodestarRecord; successor?: LodestarRecord };

/** `2 decisions`, `1 decision, 1 design doc`. */
export function governingCount(list: readonly Governing[]): string {
  const decisions = list.filter((g) => g.record.kind === 'decision').length;
  const designs = list.length - decisions;
  const parts = [];
  if (decisions > 0) parts.push(`${decisions} decision${decisions === 1 ? '' : 's'}`);
  if (designs > 0) parts.push(`${designs} design doc${designs === 1 ? '' : 's'}`);
  return parts.join(', ');
}

export function governingLabel({ record, successor }: Governing): string {
  if (isActiveRecord(record)) return recordLabel(record);
  return `${recordLabel(record)} (${record.status}${successor ? ` → ${recordLabel(successor)}` : ''})`;
}

/** What the status bar and CodeLens show for the file in front of you (tests read it through the API). */
export interface GoverningRecordsUi {
  governance: WorkspaceGovernance;
  statusBar: vscode.StatusBarItem;
  /** Shows the active editor's governing records in the status bar now. */
  refreshStatusBar(): void;
  /** Whether the status-bar item is showing. */
  statusBarShown(): boolean;
}

function filePath(uri: vscode.Uri | undefined): string | undefined {
  return uri?.scheme === 'file' ? toPortPath(uri.fsPath) : undefined;
}

/**
 * In a governed file: a status-bar item ("2 decisions") and a CodeLens on its
 * first line naming the governing records; either opens a quick pick of them,
 * and the pick opens the record. Both read the governance built once per
 * change, so typing costs a lookup.
 */
export function registerGoverningRecords(
  context: vscode.ExtensionContext,
  records: WorkspaceRecords,
  history: GitHistoryWatcher,
  log: vscode.OutputChannel,
): GoverningRecordsUi {
  const governance = new WorkspaceGovernance(records, history, log);
  const statusBar = vscode.window.createStatusBarItem('lodestar.governingRecords', vscode.StatusBarAlignment.Left, 39);
  statusBar.name = 'Lodestar: Governing Decisions';
  const lensesChanged = new vscode.EventEmitter<void>();
  let shown = false;

  const refreshStatusBar = (): void => {
    const path = filePath(vscode.window.activeTextEditor?.document.uri);
    const list = path ? governance.recordsFor(path) : [];
    if (list.length === 0) {
      statusBar.hide();
      shown = false;
      return;
    }
    statusBar.text = `$(law) ${governingCount(list)}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown('**Governed by**\n\n');
    for (const g of list) tooltip.appendMarkdown('- ').appendText(governingLabel(g)).appendMarkdown('\n');
    statusBar.tooltip = tooltip;
    statusBar.accessibilityInformation = { label: `This file is governed by ${governingCount(list)}` };
    statusBar.command = { command: 'lodestar.showGoverningRecords', title: 'Show Governing Decisions', arguments: [vscode.Uri.file(path as string)] };
    statusBar.show();
    shown = true;
  };

  const show = vscode.commands.registerCommand('lodestar.showGoverningRecords', async (uri?: vscode.Uri): Promise<string | undefined> => {
    const path = filePath(uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri);
    if (!path) {
      void vscode.window.showInformationMessage('Open a file to see the decisions that govern it.');
      return undefined;
    }
    await records.ready();
    const list = governance.recordsFor(path);
    if (list.length === 0) {
      void vscode.window.showInformationMessage(`No decision record or design doc names ${vscode.workspace.asRelativePath(path)} in its applies-to.`);
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      list.map((g) => ({
        label: governingLabel(g),
        description: statusLabel(g.record.status),
        detail: vscode.workspace.asRelativePath(g.record.path),
        record: g.record,
      })),
      { title: `Governing ${vscode.workspace.asRelativePath(path)}`, placeHolder: 'Open which record?', matchOnDetail: true },
    );
    if (!picked) return undefined;
    await vscode.window.showTextDocument(vscode.Uri.file(picked.record.path));
    return picked.record.path;
  });

  const lenses = vscode.languages.registerCodeLensProvider(
    { scheme: 'file' },
    {
      onDidChangeCodeLenses: lensesChanged.event,
      provideCodeLenses(doc) {
        const path = filePath(doc.uri);
        const list = path ? governance.recordsFor(path) : [];
        if (list.length === 0) return [];
        const names = list.map(governingLabel).join(', ');
        const title = list.length === 1 ? `$(law) Governed by ${names}` : `$(law) Governed by ${governingCount(list)}: ${names}`;
        return [
          new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
            command: 'lodestar.showGoverningRecords',
            title,
            tooltip: 'Show the records that govern this file',
            arguments: [doc.uri],
          }),
        ];
      },
    },
  );

  context.subscriptions.push(
    governance,
    statusBar,
    lensesChanged,
    show,
    lenses,
    governance.onDidChange(() => {
      refreshStatusBar();
      lensesChanged.fire();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => refreshStatusBar()),
  );
  // The first build waits for the index; it runs after activate() has returned.
  setTimeout(() => void governance.rebuild(), 0);
  return { governance, statusBar, refreshStatusBar, statusBarShown: () => shown };
}
