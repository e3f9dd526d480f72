import * as vscode from 'vscode';
import { registerChangeStatusCommand } from './vscode/commands/changeStatusCommand';
import { registerDecisionIndexCommand } from './vscode/commands/decisionIndexCommand';
import { registerLinkCommands } from './vscode/commands/linkCommands';
import { registerNewDecisionCommand } from './vscode/commands/newDecisionCommand';
import { registerNewDesignDocCommand } from './vscode/commands/newDesignDocCommand';
import { registerDecisionGraph } from './vscode/webview/decisionGraphPanel';
import { registerRenumber } from './vscode/commands/renumberCommand';
import { registerDecisionReferences } from './vscode/editor/decisionReferences';
import { registerProblemDiagnostics } from './vscode/problemDiagnostics';
import { MentoringTreeProvider, StatusTreeProvider } from './vscode/views/recordTrees';
import { registerViewControls } from './vscode/views/viewControls';
import { WorkspaceRecords } from './vscode/workspaceRecords';

/** What the extension hands to tests and to other extensions. */
export interface LodestarApi {
  /** Wall-clock time `activate()` took, in milliseconds. */
  activationMs: number;
  records: WorkspaceRecords;
  trees: { decisions: StatusTreeProvider; designDocs: StatusTreeProvider; mentoring: MentoringTreeProvider };
}

/**
 * Registers views and commands and returns at once: no file or git I/O here.
 * Indexing starts on the next tick; the views wait for it when first asked.
 */
export function activate(context: vscode.ExtensionContext): LodestarApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Lodestar');
  const records = new WorkspaceRecords(log);
  const trees = {
    decisions: new StatusTreeProvider(records, 'decision'),
    designDocs: new StatusTreeProvider(records, 'design'),
    mentoring: new MentoringTreeProvider(records),
  };
  context.subscriptions.push(
    log,
    records,
    trees.decisions,
    trees.designDocs,
    trees.mentoring,
    vscode.window.createTreeView('lodestar.mentoring', { treeDataProvider: trees.mentoring, showCollapseAll: true }),
    registerProblemDiagnostics(records),
    vscode.commands.registerCommand('lodestar.refresh', () => records.rebuildAll()),
    vscode.commands.registerCommand('lodestar.showLog', () => log.show()),
    registerNewDecisionCommand(records, log),
    registerChangeStatusCommand(records),
    registerDecisionReferences(records),
    registerRenumber(records),
    registerLinkCommands(records),
    registerDecisionIndexCommand(records),
    registerNewDesignDocCommand(records),
    registerDecisionGraph(records, context.extensionUri),
  );
  const decisionsView = vscode.window.createTreeView('lodestar.decisions', { treeDataProvider: trees.decisions, showCollapseAll: true });
  const designView = vscode.window.createTreeView('lodestar.designDocs', { treeDataProvider: trees.designDocs, showCollapseAll: true });
  context.subscriptions.push(decisionsView, designView);
  registerViewControls(context, 'lodestar.decisions', 'decisions', trees.decisions, decisionsView);
  registerViewControls(context, 'lodestar.designDocs', 'design docs', trees.designDocs, designView);
  setTimeout(() => void records.start().then(() => void vscode.commands.executeCommand('setContext', 'lodestar.indexed', true)), 0);
  const activationMs = performance.now() - started;
  return { activationMs, records, trees };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
