import * as vscode from 'vscode';
import { GitHistoryWatcher } from './gitHistoryWatcher';
import { createGitExecutor, GitExecutor } from '../core/git/gitExecutor';
import { BranchPullRequest, currentBranch, defaultBranchRef, findBranchPullRequest } from '../core/pulls/branchPullRequest';
import { DiscoveredPullRequest, discoverPullRequests } from '../core/pulls/prDiscovery';
import { PullRequestLinks } from '../core/pulls/recordsByPullRequest';
import { pullRequestKey } from '../core/pulls/prReferences';
import { readRemotes, RemoteRepo } from '../core/pulls/remotes';
import { LodestarRecord } from '../core/records/record';
import { relativePath, toPortPath } from '../core/store/fileSystem';
import { ForgeSession } from './forgeSession';
import { WorkspaceRecords } from './workspaceRecords';

/** Commits read at first for recent pull requests and the current branch's: years of a busy repository, in well under a second. The picker says when there are more and reads them on request. */
export const SCANNED_COMMITS = 5000;

/** What git says about pull requests in one workspace folder; empty in Restricted Mode or without git. */
export interface FolderHistory {
  remotes: RemoteRepo[];
  /** Merged pull requests on the default branch, newest first. */
  pullRequests: DiscoveredPullRequest[];
  /** HEAD's commit; null without git or commits. */
  head: string | null;
  branch: string | null;
  /** Why nothing was read, when nothing was. */
  unavailable?: string;
  /** When only the newest commits were read (this many): older pull requests are not listed until all of history is read. */
  truncated?: number;
}

export interface CurrentPullRequest extends BranchPullRequest {
  /** The workspace folder it belongs to. */
  root: string;
  branch: string | null;
  /** Found as HEAD's own merge or squash commit (the branch has no pull request of its own). */
  atHead?: boolean;
}

/**
 * Pull requests of the workspace: the remotes, the merged pull requests in
 * history, the current branch's pull request, and the reverse lookup
 * pull request → records. Git runs only in trusted workspaces and never
 * during activation; what it says is kept until HEAD moves. The reverse
 * lookup is built from the index's records (never by re-reading files) and
 * kept until the index changes.
 */
export class WorkspacePullRequests implements vscode.Disposable {
  private readonly histories = new Map<string, Promise<FolderHistory>>();
  private readonly currents = new Map<string, Promise<CurrentPullRequest | null>>();
  private readonly links = new Map<string, { key: string; links: PullRequestLinks }>();
  /** Workspace folders whose whole history was asked for. */
  private readonly wholeHistory = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when history moved (a commit, a checkout) or a sign-in changed what the forge can say. */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly records: WorkspaceRecords,
    private readonly forge: ForgeSession,
    private readonly log: vscode.OutputChannel,
    history: GitHistoryWatcher,
  ) {
    this.disposables.push(
      history.onDidMove(() => this.invalidate()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidate()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate()),
      forge.onDidChange(() => this.invalidate()),
    );
  }

  /** Forgets what git said and tells the views. */
  invalidate(): void {
    this.histories.clear();
    this.currents.clear();
    this.links.clear();
    this.emitter.fire();
  }

  /** Git (and the network) only in trusted workspaces. */
  get gitAllowed(): boolean {
    return vscode.workspace.isTrusted;
  }

  /** Roots of the workspace folders on disk. */
  roots(): string[] {
    return this.records.indexes().map(({ index }) => index.root);
  }

  /** The workspace folder a path (else the active editor's file) belongs to; else the first folder. */
  rootFor(path?: string): string | undefined {
    const roots = this.roots();
    const active = vscode.window.activeTextEditor?.document.uri;
    const target = path ?? (active?.scheme === 'file' ? toPortPath(active.fsPath) : undefined);
    const owning = target ? roots.filter((r) => relativePath(r, target) !== undefined).sort((a, b) => b.length - a.length)[0] : undefined;
    return owning ?? roots[0];
  }

  git(root: string): GitExecutor {
    return createGitExecutor(root);
  }

  /** Remotes, merged pull requests and HEAD of a workspace folder, read once until HEAD moves. */
  history(root: string): Promise<FolderHistory> {
    if (!this.gitAllowed) return Promise.resolve({ remotes: [], pullRequests: [], head: null, branch: null, unavailable: 'Restricted Mode: git does not run' });
    let result = this.histories.get(root);
    if (!result) {
      result = this.readHistory(root);
      this.histories.set(root, result);
    }
    return result;
  }

  /** Reads all of a folder's history from now on (the picker's "read all of history"), or only the newest commits again (`all` false), and tells the views. */
  readAllHistory(root: string, all = true): void {
    if (all) this.wholeHistory.add(root);
    else this.wholeHistory.delete(root);
    this.histories.delete(root);
    this.currents.delete(root);
    this.emitter.fire();
  }

  private async readHistory(root: string): Promise<FolderHistory> {
    const git = this.git(root);
    try {
      const remotes = await readRemotes(git);
      const [head, branch, revision] = await Promise.all([
        git.run(['rev-parse', '--verify', '--quiet', 'HEAD']).then(
          (h) => h.trim() || null,
          () => null,
        ),
        currentBranch(git),
        defaultBranchRef(git, remotes),
      ]);
      const maxCount = this.wholeHistory.has(root) ? undefined : SCANNED_COMMITS;
      const scan = await discoverPullRequests(git, remotes, { revision, maxCount });
      if (scan.unavailable) this.log.appendLine(`No pull requests read from history in ${root}: ${scan.unavailable}`);
      const history: FolderHistory = { remotes, pullRequests: scan.pullRequests, head, branch, unavailable: scan.unavailable };
      // Never a silent limit: say that older commits were not read.
      if (maxCount !== undefined && scan.commits >= maxCount) {
        history.truncated = maxCount;
        this.log.appendLine(`Pull requests in ${root}: only the newest ${maxCount} commits were read; the picker offers to read all of history.`);
      }
      return history;
    } catch (e) {
      this.log.appendLine(`Reading pull requests from git in ${root} failed: ${(e as Error).message}`);
      return { remotes: [], pullRequests: [], head: null, branch: null, unavailable: (e as Error).message };
    }
  }

  /**
   * The current branch's pull request: from the forge when signed in, else
   * the branch's upstream (`refs/pull/N/head`) or a merge in history naming
   * the branch. When the branch has none of its own (the default branch, a
   * detached HEAD) and HEAD is a pull request's merge or squash commit, it is
   * that pull request: the one just merged or checked out to look at.
   */
  current(root: string): Promise<CurrentPullRequest | null> {
    if (!this.gitAllowed) return Promise.resolve(null);
    let result = this.currents.get(root);
    if (!result) {
      result = this.readCurrent(root);
      this.currents.set(root, result);
    }
    return result;
  }

  private async readCurrent(root: string): Promise<CurrentPullRequest | null> {
    const history = await this.history(root);
    if (history.unavailable && history.head === null) return null;
    const remote = history.remotes[0];
    const client = remote ? await this.forge.client(remote, false) : undefined;
    try {
      const found = await findBranchPullRequest(this.git(root), history.remotes, { history: history.pullRequests, client });
      if (found.forgeError) this.log.appendLine(`The forge could not say which pull request ${found.branch ?? 'HEAD'} belongs to: ${found.forgeError.message}`);
      if (found.pullRequest) return { ...found.pullRequest, root, branch: found.branch };
    } catch (e) {
      this.log.appendLine(`Finding the current branch's pull request in ${root} failed: ${(e as Error).message}`);
    }
    const atHead = history.head ? history.pullRequests.find((p) => p.mergeCommit === history.head) : undefined;
    return atHead
      ? { number: atHead.number, url: atHead.url, title: atHead.title, state: 'merged', source: 'history', root, branch: history.branch, atHead: true }
      : null;
  }

  /** The reverse lookup for a workspace folder: its records and the private notebook's, resolved against its remotes. */
  async linksFor(root: string): Promise<PullRequestLinks> {
    const remotes = (await this.history(root)).remotes;
    const index = this.records.indexes().find((i) => i.index.root === root)?.index;
    const key = `${index?.version ?? ''}:${this.records.notebook.index?.version ?? ''}:${remotes.map((r) => `${r.webBase}/${r.owner}/${r.repo}`).join(',')}`;
    const cached = this.links.get(root);
    if (cached?.key === key) return cached.links;
    const links = new PullRequestLinks([...(index?.records() ?? []), ...this.records.notebook.records()], remotes);
    this.links.set(root, { key, links });
    return links;
  }

  /** Every linked pull request of the workspace, once each, with its records. */
  async linked(): Promise<{ url: string; records: LodestarRecord[] }[]> {
    const byKey = new Map<string, { url: string; records: LodestarRecord[] }>();
    for (const root of this.roots()) {
      for (const entry of (await this.linksFor(root)).linked()) {
        const key = pullRequestKey(entry.url);
        const seen = byKey.get(key);
        if (!seen) byKey.set(key, { url: entry.url, records: [...entry.records] });
        else for (const r of entry.records) if (!seen.records.includes(r)) seen.records.push(r);
      }
    }
    return [...byKey.values()];
  }

  /** Titles of pull requests known from history (and the forge, for the current ones), by URL key. */
  async titles(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const root of this.roots()) {
      for (const pr of (await this.history(root)).pullRequests) if (pr.url && !out.has(pullRequestKey(pr.url))) out.set(pullRequestKey(pr.url), pr.title);
      const current = await this.current(root);
      if (current?.url && current.title) out.set(pullRequestKey(current.url), current.title);
    }
    return out;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
  }
}
