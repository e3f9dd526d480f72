import * as vscode from 'vscode';
import { peopleDirectoryFor } from '../canonicalRecords';
import { InfluenceActivity, influenceActivities, RecordLookup, UNSPECIFIED_TYPE } from '../../core/influence/credit';
import { linkTargetDescription, linkTargetsText, quarterLabel, shortPullRequestLabel, sortLinkTargets } from '../../core/influence/linkedRecords';
import { prLabel } from '../../core/influence/reportMarkdown';
import { ACTIVITY_TYPES, activityTypeLabel, influenceSide } from '../../core/activities/taxonomy';
import { pullRequestKey, resolvePullRequestReference } from '../../core/pulls/prReferences';
import { LodestarRecord } from '../../core/records/record';
import { recordLabel } from '../../core/records/recordLabels';
import { WorkspaceRecords } from '../workspaceRecords';
import { WorkspacePullRequests } from '../workspacePullRequests';

/** Rows of the Influence view. Every row has an id unique in the tree. */
export type InfluenceNode =
  | { type: 'quarter'; id: string; label: string; activities: InfluenceActivity[]; newest: boolean }
  | { type: 'activityType'; id: string; activityType: string; activities: InfluenceActivity[] }
  | { type: 'activity'; id: string; activity: InfluenceActivity; record?: LodestarRecord }
  | { type: 'pullRequests'; id: string; linked: { url: string; records: LodestarRecord[] }[] }
  | { type: 'pullRequest'; id: string; url: string | null; text: string; records: LodestarRecord[] }
  | { type: 'person'; id: string; name: string; profile?: LodestarRecord }
  | { type: 'linkedRecord'; id: string; label: string; record?: LodestarRecord; icon: string };

const ORIGIN_ICONS: Record<InfluenceActivity['origin'], string> = { activity: 'star-full', decision: 'law', design: 'book', session: 'comment-discussion' };
const KIND_ICONS: Record<LodestarRecord['kind'], string> = {
  person: 'person',
  session: 'comment-discussion',
  activity: 'star-full',
  decision: 'law',
  design: 'book',
};

/** Taxonomy order (leading, then managing), then other types as written, `unspecified` last. */
function typeRank(type: string): number {
  const i = ACTIVITY_TYPES.findIndex((t) => t.id === type);
  return i >= 0 ? i : type === UNSPECIFIED_TYPE ? 1000 : 500;
}

/**
 * The Influence view: activities by quarter (newest first) and type, each
 * with its pull requests, people and linked records — activity records and
 * the activities credited from decisions, design docs and sessions — then
 * the Pull Requests group: every linked pull request with what it is linked
 * to. Everything comes from the index; titles of pull requests from git
 * history when the workspace is trusted.
 */
export class InfluenceTreeProvider implements vscode.TreeDataProvider<InfluenceNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<InfluenceNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[];
  private titles = new Map<string, string>();
  private localRepos: string[] = [];
  private lookup = new RecordLookup([]);

  constructor(
    private readonly records: WorkspaceRecords,
    private readonly pullRequests: WorkspacePullRequests,
  ) {
    this.subscriptions = [records.onDidChange(() => this.refresh()), pullRequests.onDidChange(() => this.refresh())];
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  async getChildren(node?: InfluenceNode): Promise<InfluenceNode[]> {
    if (!node) return this.roots();
    switch (node.type) {
      case 'quarter':
        return this.typeGroups(node);
      case 'activityType':
        return [...node.activities]
          .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title))
          .map((activity) => this.activityNode(node.id, activity));
      case 'activity':
        return this.activityChildren(node);
      case 'pullRequests':
        return node.linked.map((l) => this.pullRequestNode(node.id, l.url, l.records));
      case 'pullRequest':
        return sortLinkTargets(node.records).map((r) => ({
          type: 'linkedRecord',
          id: `${node.id}/${r.path}`,
          label: linkTargetDescription(r),
          record: r,
          icon: KIND_ICONS[r.kind],
        }));
      default:
        return [];
    }
  }

  private async roots(): Promise<InfluenceNode[]> {
    await this.records.ready();
    this.titles = await this.pullRequests.titles();
    const histories = await Promise.all(this.pullRequests.roots().map((r) => this.pullRequests.history(r)));
    this.localRepos = histories.flatMap((h) => h.remotes.map((r) => `${r.webBase}/${r.owner}/${r.repo}/`.toLowerCase()));
    const byQuarter = new Map<string, InfluenceActivity[]>();
    const all = this.records.records();
    this.lookup = new RecordLookup(all);
    for (const a of influenceActivities(all)) {
      const key = a.date ? quarterLabel(a.date) : 'No date';
      const list = byQuarter.get(key);
      if (list) list.push(a);
      else byQuarter.set(key, [a]);
    }
    const quarters = [...byQuarter.keys()].sort((a, b) => (a === 'No date' ? 1 : b === 'No date' ? -1 : b.localeCompare(a)));
    const out: InfluenceNode[] = quarters.map((label, i) => ({
      type: 'quarter',
      id: `quarter:${label}`,
      label,
      activities: byQuarter.get(label) ?? [],
      newest: i === 0,
    }));
    const linked = await this.pullRequests.linked();
    if (linked.length > 0)
      out.push({ type: 'pullRequests', id: 'pullRequests', linked: linked.sort((a, b) => b.url.localeCompare(a.url, undefined, { numeric: true })) });
    return out;
  }

  private typeGroups(node: Extract<InfluenceNode, { type: 'quarter' }>): InfluenceNode[] {
    const byType = new Map<string, InfluenceActivity[]>();
    for (const a of node.activities) {
      const list = byType.get(a.type);
      if (list) list.push(a);
      else byType.set(a.type, [a]);
    }
    return [...byType.entries()]
      .sort(([a], [b]) => typeRank(a) - typeRank(b) || a.localeCompare(b))
      .map(([activityType, activities]) => ({ type: 'activityType', id: `${node.id}/${activityType}`, activityType, activities }));
  }

  private activityNode(parent: string, activity: InfluenceActivity): InfluenceNode {
    const record = activity.origin === 'activity' ? this.records.indexOf(activity.source)?.record(activity.source) : undefined;
    return { type: 'activity', id: `${parent}/${activity.origin}:${activity.source}`, activity, record };
  }

  private async activityChildren(node: Extract<InfluenceNode, { type: 'activity' }>): Promise<InfluenceNode[]> {
    const { activity } = node;
    const root = this.pullRequests.rootFor(activity.source);
    const remotes = root ? (await this.pullRequests.history(root)).remotes : [];
    const links = root ? await this.pullRequests.linksFor(root) : undefined;
    const out: InfluenceNode[] = activity.pullRequests.map((ref) => {
      const resolved = resolvePullRequestReference(ref, remotes);
      const url = resolved.ok ? resolved.reference.url : null;
      const number = resolved.ok ? resolved.reference.number : Number(/\d+/.exec(ref)?.[0] ?? NaN);
      return this.pullRequestNode(node.id, url ?? ref, links?.recordsFor({ url, number }) ?? []);
    });
    const profiles = this.records.records('person');
    // People as one identity each: `dana`, `dana@example.com` and an old `.mailmap` address are one row, named as first written.
    const directory = await peopleDirectoryFor(this.records, activity.source);
    const seen = new Set<string>();
    for (const name of activity.people) {
      const identity = (directory?.keyFor(name) ?? name).toLowerCase();
      if (seen.has(identity)) continue;
      seen.add(identity);
      const key = name.toLowerCase();
      const profile = profiles.find(
        (p) =>
          p.handle?.toLowerCase() === key ||
          p.handle?.toLowerCase() === identity ||
          p.title.toLowerCase() === key ||
          (p.emails ?? []).some((e) => e.toLowerCase() === key),
      );
      out.push({ type: 'person', id: `${node.id}/person:${name}`, name, profile });
    }
    if (node.record) {
      // `ADR-0007`, a relative path or a file name: found as the influence report finds them.
      for (const link of node.record.links) {
        const target = this.lookup.byPath.get(this.lookup.resolve(link.kind, link.target)[0] ?? '');
        out.push({
          type: 'linkedRecord',
          id: `${node.id}/link:${link.kind}:${link.target}`,
          label: target ? recordLabel(target) : (link.label ?? link.target),
          record: target,
          icon: link.kind === 'decision' ? 'law' : 'book',
        });
      }
    } else {
      const source = this.records.indexOf(activity.source)?.record(activity.source) ?? this.records.notebook.records().find((r) => r.path === activity.source);
      if (source)
        out.push({
          type: 'linkedRecord',
          id: `${node.id}/source`,
          label: `Credited from ${source.kind === 'session' ? source.title : recordLabel(source)}`,
          record: source,
          icon: ORIGIN_ICONS[activity.origin],
        });
    }
    return out;
  }

  private pullRequestNode(parent: string, ref: string, records: LodestarRecord[]): InfluenceNode {
    const resolved = resolvePullRequestReference(ref, []);
    const url = resolved.ok ? resolved.reference.url : null;
    const title = url ? this.titles.get(pullRequestKey(url)) : undefined;
    // A pull request of the workspace's own repositories is `#15`; one of another repository keeps its `owner/repo#15`.
    const local = resolved.ok && this.localRepos.some((prefix) => resolved.reference.url.toLowerCase().startsWith(prefix));
    const label = resolved.ok ? (local ? shortPullRequestLabel(resolved.reference.url, resolved.reference.number) : prLabel(resolved.reference.url)) : ref;
    const text = `${label}${title ? ` ${title}` : ''}`;
    return { type: 'pullRequest', id: `${parent}/pr:${ref}`, url, text, records };
  }

  getTreeItem(node: InfluenceNode): vscode.TreeItem {
    switch (node.type) {
      case 'quarter': {
        const item = new vscode.TreeItem(node.label, node.newest ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.id;
        const leading = node.activities.filter((a) => influenceSide(a.type) === 'leading').length;
        const managing = node.activities.filter((a) => influenceSide(a.type) === 'managing').length;
        item.description = `${node.activities.length} · ${leading} leading, ${managing} managing`;
        item.iconPath = new vscode.ThemeIcon('calendar');
        item.contextValue = 'lodestar.influenceQuarter';
        return item;
      }
      case 'activityType': {
        const item = new vscode.TreeItem(`${activityTypeLabel(node.activityType)} (${node.activities.length})`, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.description = influenceSide(node.activityType) ?? (node.activityType === UNSPECIFIED_TYPE ? 'no type' : 'not in the taxonomy');
        item.iconPath = new vscode.ThemeIcon(influenceSide(node.activityType) === 'managing' ? 'person' : 'organization');
        item.contextValue = 'lodestar.influenceType';
        return item;
      }
      case 'activity':
        return this.activityItem(node);
      case 'pullRequests': {
        const item = new vscode.TreeItem('Pull Requests', vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.description = `${node.linked.length} linked`;
        item.iconPath = new vscode.ThemeIcon('git-pull-request');
        item.contextValue = 'lodestar.pullRequests';
        return item;
      }
      case 'pullRequest': {
        const item = new vscode.TreeItem(
          node.text,
          node.records.length > 0 && node.id.startsWith('pullRequests/') ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
        );
        item.id = node.id;
        if (node.records.length > 0) item.description = `→ ${linkTargetsText(node.records)}`;
        item.iconPath = new vscode.ThemeIcon('git-pull-request');
        item.contextValue = 'lodestar.pullRequest';
        item.tooltip = node.url ?? `${node.text}: no remote to resolve it against`;
        if (node.url) item.command = { command: 'vscode.open', title: 'Open Pull Request', arguments: [vscode.Uri.parse(node.url)] };
        return item;
      }
      case 'person': {
        const item = new vscode.TreeItem(node.profile ? node.profile.title : node.name, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        if (node.profile) item.description = `@${node.profile.handle ?? node.name}`;
        item.iconPath = new vscode.ThemeIcon('person');
        item.contextValue = 'lodestar.influencePerson';
        if (node.profile) item.command = { command: 'vscode.open', title: 'Open Profile', arguments: [vscode.Uri.file(node.profile.path)] };
        return item;
      }
      case 'linkedRecord': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.contextValue = 'lodestar.influenceLink';
        if (node.record) item.command = { command: 'vscode.open', title: 'Open Record', arguments: [vscode.Uri.file(node.record.path)] };
        else item.description = 'not found';
        return item;
      }
    }
  }

  private activityItem(node: Extract<InfluenceNode, { type: 'activity' }>): vscode.TreeItem {
    const { activity } = node;
    const hasChildren =
      activity.pullRequests.length > 0 || activity.people.length > 0 || activity.origin !== 'activity' || (node.record?.links.length ?? 0) > 0;
    const item = new vscode.TreeItem(activity.title, hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    const facts = [
      activity.date ?? 'no date',
      activity.origin === 'activity' ? undefined : `credited from ${activity.origin === 'design' ? 'design doc' : activity.origin}`,
      activity.pullRequests.length > 0 ? `${activity.pullRequests.length} PR${activity.pullRequests.length === 1 ? '' : 's'}` : undefined,
    ];
    item.description = facts.filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(node.record?.private ? 'lock' : ORIGIN_ICONS[activity.origin]);
    item.contextValue = activity.origin === 'activity' ? 'lodestar.activity' : 'lodestar.creditedActivity';
    item.resourceUri = vscode.Uri.file(activity.source);
    item.command = { command: 'vscode.open', title: 'Open Record', arguments: [vscode.Uri.file(activity.source)] };
    const md = new vscode.MarkdownString();
    md.appendText(
      `${activity.title}\n${activityTypeLabel(activity.type)}${influenceSide(activity.type) ? ` (${influenceSide(activity.type)})` : ''}${activity.date ? ` · ${activity.date}` : ''}`,
    );
    if (activity.people.length > 0) md.appendText(`\nPeople: ${activity.people.join(', ')}`);
    if (node.record?.outcome) md.appendText(`\nOutcome: ${node.record.outcome}`);
    item.tooltip = md;
    return item;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }
}
