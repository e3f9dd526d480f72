import * as vscode from 'vscode';
import { GitHistoryWatcher } from './gitHistoryWatcher';
import { registerLogActivityCommand } from './commands/influenceActivityCommand';
import { registerPullRequestCommands } from './commands/pullRequestCommands';
import { ForgeSession, registerForgeCommands } from './forgeSession';
import { PullRequestStatusBar } from './pullRequestStatusBar';
import { InfluenceTreeProvider } from './views/influenceTree';
import { WorkspacePullRequests } from './workspacePullRequests';
import { WorkspaceRecords } from './workspaceRecords';

/** What this part of the extension hands to tests (through the extension's API). */
export interface PullRequestsAndInfluence {
  /** The Influence view's provider. */
  tree: InfluenceTreeProvider;
  /** The current branch's pull request in the status bar. */
  statusBar: PullRequestStatusBar;
  pullRequests: WorkspacePullRequests;
}

/**
 * Pull requests linked to mentees and influence activities: the Influence
 * view, the status-bar item, the link and log commands, forge sign-in.
 * Registration only: no file, git or network I/O until a view, an index
 * change or a command asks.
 */
export function registerPullRequestsAndInfluence(
  context: vscode.ExtensionContext,
  records: WorkspaceRecords,
  log: vscode.OutputChannel,
  history: GitHistoryWatcher,
): PullRequestsAndInfluence {
  const forge = new ForgeSession(context.secrets, log);
  const pullRequests = new WorkspacePullRequests(records, forge, log, history);
  const influence = new InfluenceTreeProvider(records, pullRequests);
  const pullRequestStatus = new PullRequestStatusBar(records, pullRequests);
  const remotesOfActiveFolder = async () => {
    const root = pullRequests.rootFor();
    return root ? (await pullRequests.history(root)).remotes : [];
  };
  context.subscriptions.push(
    forge,
    pullRequests,
    influence,
    pullRequestStatus,
    vscode.window.createTreeView('lodestar.influence', { treeDataProvider: influence, showCollapseAll: true }),
    registerPullRequestCommands(records, pullRequests, forge),
    registerLogActivityCommand(records, pullRequests),
    registerForgeCommands(forge, remotesOfActiveFolder),
  );
  return { tree: influence, statusBar: pullRequestStatus, pullRequests };
}
