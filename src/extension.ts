import { registerPreviewSiteCommand } from './vscode/commands/previewSiteCommand';
import { registerSearchRecordsCommand } from './vscode/commands/searchRecordsCommand';
import * as vscode from 'vscode';
import { GitHistoryWatcher } from './vscode/gitHistoryWatcher';
import { forgetHistoryDates } from './vscode/historyDates';
import { forgetRemotes } from './vscode/canonicalRecords';
import { toPortPath } from './core/store/fileSystem';
import { registerChangeStatusCommand } from './vscode/commands/changeStatusCommand';
import { registerDecisionIndexCommand } from './vscode/commands/decisionIndexCommand';
import { registerInfluenceReportCommand } from './vscode/commands/influenceReportCommand';
import { registerLinkCommands } from './vscode/commands/linkCommands';
import { registerMentoringCommands } from './vscode/commands/mentoringCommands';
import { draftSuccessor, registerNewDecisionCommand } from './vscode/commands/newDecisionCommand';
import { registerNewDesignDocCommand } from './vscode/commands/newDesignDocCommand';
import { registerDashboard } from './vscode/webview/dashboardPanel';
import { registerDecisionGraph } from './vscode/webview/decisionGraphPanel';
import { registerPairingMatrix } from './vscode/webview/pairingMatrixPanel';
import { registerRenumber } from './vscode/commands/renumberCommand';
import { registerBrokenLinkFix } from './vscode/editor/brokenLinkFix';
import { registerDecisionReferences } from './vscode/editor/decisionReferences';
import { registerOneSidedLinkFix } from './vscode/editor/oneSidedLinkFix';
import { GoverningRecordsUi, registerGoverningRecords } from './vscode/governance/governingRecords';
import { PairingDetection } from './vscode/pairingDetection';
import { registerPrivateRecordWarnings } from './vscode/privateRecordWarnings';
import { registerProblemDiagnostics } from './vscode/problemDiagnostics';
import { PullRequestsAndInfluence, registerPullRequestsAndInfluence } from './vscode/pullRequestsAndInfluence';
import { MentoringTreeProvider, RecordTreeNode, StatusTreeProvider } from './vscode/views/recordTrees';
import { ReminderBadges } from './vscode/views/reminderBadges';
import { registerViewControls } from './vscode/views/viewControls';
import { WorkspaceRecords } from './vscode/workspaceRecords';
import { shownQuickInput } from './vscode/support/quickInputs';
import { rebuildOnTrust } from './vscode/support/trustGrant';
import { followTreeSelection } from './vscode/commands/recordPicker';

/** What the extension hands to tests and to other extensions. */
export interface LodestarApi {
  /** Wall-clock time `activate()` took, in milliseconds. */
  activationMs: number;
  records: WorkspaceRecords;
  trees: { decisions: StatusTreeProvider; designDocs: StatusTreeProvider; mentoring: MentoringTreeProvider };
  /** The Decisions and Design Docs tree views (their description shows the filter). */
  views: { decisions: vscode.TreeView<RecordTreeNode>; designDocs: vscode.TreeView<RecordTreeNode> };
  /** The reminder counts on the Decisions, Design Docs and Mentoring views. */
  reminderBadges: ReminderBadges;
  /** The Influence view, the current pull request's status-bar item, pull requests from git. */
  influence: PullRequestsAndInfluence;
  /** Which records govern which files (applies-to): the status-bar item and CodeLens. */
  governing: GoverningRecordsUi;
  /** The quick input a Lodestar flow shows now (tests answer it through VS Code's accept and Back commands). */
  shownQuickInput: typeof shownQuickInput;
}

/**
 * Registers views and commands and returns at once: no file or git I/O here.
 * Indexing starts on the next tick; the views wait for it when first asked.
 */
export function activate(context: vscode.ExtensionContext): LodestarApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Lodestar');
  // The private notebook's default home: the extension's own storage, outside every workspace folder.
  const storage = context.globalStorageUri.scheme === 'file' ? toPortPath(context.globalStorageUri.fsPath) : undefined;
  const records = new WorkspaceRecords(log, storage && `${storage}/notebook`, storage && `${storage}/record-cache`);
  // One watcher of git history (checkouts, commits) for pairing detection and pull requests alike.
  const history = new GitHistoryWatcher();
  // A commit or checkout may date a status change differently, and a changed remote resolves `#12` to another URL: read again on the next render.
  context.subscriptions.push(
    history.onDidMove(() => {
      forgetHistoryDates();
      forgetRemotes();
    }),
  );
  const pairing = new PairingDetection(records, log, history);
  const governing = registerGoverningRecords(context, records, history, log);
  const trees = {
    decisions: new StatusTreeProvider(records, 'decision', governing.governance),
    designDocs: new StatusTreeProvider(records, 'design'),
    mentoring: new MentoringTreeProvider(records, pairing),
  };
  const mentoringView = vscode.window.createTreeView('lodestar.mentoring', { treeDataProvider: trees.mentoring, showCollapseAll: true });
  context.subscriptions.push(
    log,
    records,
    history,
    trees.decisions,
    trees.designDocs,
    trees.mentoring,
    mentoringView,
    registerProblemDiagnostics(records),
    vscode.commands.registerCommand('lodestar.refresh', async () => {
      history.refresh();
      await records.rebuildAll();
    }),
    vscode.commands.registerCommand('lodestar.showLog', () => log.show()),
    registerNewDecisionCommand(records, log, (path) => governing.governance.repositoryFolderOf(path)),
    registerChangeStatusCommand(records),
    registerDecisionReferences(records, (line) => log.appendLine(line)),
    registerBrokenLinkFix(records),
    registerRenumber(records),
    registerOneSidedLinkFix(records),
    registerLinkCommands(records, (older) => draftSuccessor(records, log, older)),
    registerDecisionIndexCommand(records),
    registerNewDesignDocCommand(records),
    registerDecisionGraph(records, context.extensionUri),
    pairing,
    registerMentoringCommands(records, pairing, log),
    registerPairingMatrix(records, context.extensionUri, history),
    registerPrivateRecordWarnings(records, pairing, log),
    registerPreviewSiteCommand(records, log),
    registerSearchRecordsCommand(records),
    rebuildOnTrust(
      vscode.workspace.onDidGrantWorkspaceTrust,
      {
        'the records governing code': () => governing.governance.rebuild(),
        "other branches' decision numbers": () => records.recheckBranches(),
        'detected pairing': () => pairing.invalidate(),
      },
      (line) => log.appendLine(line),
    ),
  );
  const decisionsView = vscode.window.createTreeView('lodestar.decisions', { treeDataProvider: trees.decisions, showCollapseAll: true });
  const designView = vscode.window.createTreeView('lodestar.designDocs', { treeDataProvider: trees.designDocs, showCollapseAll: true });
  context.subscriptions.push(decisionsView, designView, followTreeSelection(decisionsView), followTreeSelection(designView));
  const reminderBadges = new ReminderBadges(records, { decisions: decisionsView, designDocs: designView, mentoring: mentoringView });
  context.subscriptions.push(reminderBadges, registerInfluenceReportCommand(records, log), registerDashboard(records, context.extensionUri, history));
  registerViewControls(context, 'lodestar.decisions', 'decisions', trees.decisions, decisionsView);
  registerViewControls(context, 'lodestar.designDocs', 'design docs', trees.designDocs, designView);
  const influence = registerPullRequestsAndInfluence(context, records, log, history);
  setTimeout(() => void records.start().then(() => void vscode.commands.executeCommand('setContext', 'lodestar.indexed', true)), 0);
  const activationMs = performance.now() - started;
  return { activationMs, records, trees, views: { decisions: decisionsView, designDocs: designView }, influence, reminderBadges, governing, shownQuickInput };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
