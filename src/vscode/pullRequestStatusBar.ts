import * as vscode from 'vscode';
import { linkTargetDescription, linkTargetsText, shortPullRequestLabel } from '../core/influence/linkedRecords';
import { prLabel } from '../core/influence/reportMarkdown';
import { LodestarRecord } from '../core/records/record';
import { WorkspaceRecords } from './workspaceRecords';
import { WorkspacePullRequests } from './workspacePullRequests';

/**
 * The current branch's pull request in the status bar, with what it is
 * linked to (`#15 → alice, design-review`, or `#15 not linked`); a click
 * opens Link Pull Request… for it. Hidden when there is no pull request, no
 * git, or in Restricted Mode. Refreshed when the records change and when
 * HEAD moves; never from activate() itself.
 */
export class PullRequestStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('lodestar.pullRequest', vscode.StatusBarAlignment.Left, 40);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private shown = false;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    records: WorkspaceRecords,
    private readonly pullRequests: WorkspacePullRequests,
  ) {
    this.item.name = 'Lodestar: Pull Request';
    this.disposables.push(
      this.item,
      records.onDidChange(() => this.schedule()),
      pullRequests.onDidChange(() => this.schedule()),
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
    );
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 250);
  }

  /** What the item says now (tests, and the journey's screenshot checks). */
  get text(): string {
    return this.item.text;
  }

  get visible(): boolean {
    return this.shown;
  }

  get tooltip(): string {
    const t = this.item.tooltip;
    return typeof t === 'string' ? t : (t?.value ?? '');
  }

  /** Reads the current pull request and its links again; resolves when the item shows the result. */
  refresh(): Promise<void> {
    const generation = ++this.generation;
    this.pending = this.pending.then(() => this.update(generation)).catch(() => undefined);
    return this.pending;
  }

  private async update(generation: number): Promise<void> {
    const root = this.pullRequests.gitAllowed ? this.pullRequests.rootFor() : undefined;
    const current = root ? await this.pullRequests.current(root) : null;
    if (generation !== this.generation) return;
    if (!root || !current) {
      this.hide();
      return;
    }
    const linked = (await this.pullRequests.linksFor(root)).recordsFor({ url: current.url, number: current.number });
    if (generation !== this.generation) return;
    const number = shortPullRequestLabel(current.url ?? '', current.number);
    this.item.text = linked.length > 0 ? `$(git-pull-request) ${number} → ${linkTargetsText(linked)}` : `$(git-pull-request) ${number} not linked`;
    this.item.tooltip = tooltip(
      current.url,
      current.title,
      current.atHead ? `Merged at HEAD${current.branch ? ` of ${current.branch}` : ''}.` : `The pull request of ${current.branch ?? 'HEAD'}.`,
      linked,
    );
    this.item.accessibilityInformation = {
      label: linked.length > 0 ? `Pull request ${number}, linked to ${linkTargetsText(linked)}` : `Pull request ${number}, not linked`,
    };
    this.item.command = { command: 'lodestar.linkPullRequest', title: 'Link Pull Request…', arguments: [{ pullRequest: current.url ?? number }] };
    this.item.show();
    this.shown = true;
  }

  private hide(): void {
    this.item.hide();
    this.shown = false;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

function tooltip(url: string | null, title: string | undefined, where: string, linked: LodestarRecord[]): string {
  const lines = [`${url ? prLabel(url) : 'Pull request'}${title ? `: ${title}` : ''}`, where];
  if (linked.length > 0) lines.push('', 'Linked to:', ...linked.map((r) => `• ${linkTargetDescription(r)}`));
  lines.push('', 'Click to link it to a mentee, an influence activity or a record.');
  return lines.join('\n');
}
