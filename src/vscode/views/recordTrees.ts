import * as vscode from 'vscode';
import { RecordIndex } from '../../core/index/recordIndex';
import { RecordFolder } from '../../core/index/recordFolders';
import { LodestarRecord } from '../../core/records/record';
import { groupByStatus, groupMentees, Mentee, StatusGroup } from '../../core/tree/recordGroups';
import { relativePath } from '../../core/store/fileSystem';
import { WorkspaceRecords } from '../workspaceRecords';
import { linkTreeItem, LinkView, recordLinks, recordTreeItem } from './recordTreeItem';

export type RecordTreeNode =
  | { type: 'folder'; id: string; label: string; description: string; records: LodestarRecord[] }
  | { type: 'group'; id: string; group: StatusGroup }
  | { type: 'record'; record: LodestarRecord }
  | { type: 'link'; parent: LodestarRecord; link: LinkView }
  | { type: 'mentee'; id: string; mentee: Mentee };

/** Groups that hold work still in flight start expanded; settled ones start collapsed. */
const COLLAPSED_STATUSES = new Set(['superseded', 'rejected', 'deprecated', 'withdrawn', 'implemented']);

/** Shared plumbing: change events from the index, `getTreeItem` for records and links. */
abstract class RecordTreeProvider implements vscode.TreeDataProvider<RecordTreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<RecordTreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(protected readonly records: WorkspaceRecords) {
    this.subscription = records.onDidChange(() => this.emitter.fire(undefined));
  }

  abstract getChildren(node?: RecordTreeNode): Promise<RecordTreeNode[]>;

  getTreeItem(node: RecordTreeNode): vscode.TreeItem {
    switch (node.type) {
      case 'record':
        return recordTreeItem(node.record, this.records.indexOf(node.record.path));
      case 'link':
        return linkTreeItem(node.parent, node.link);
      case 'group': {
        const state = COLLAPSED_STATUSES.has(node.group.status) ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
        const item = new vscode.TreeItem(`${node.group.label} (${node.group.records.length})`, state);
        item.id = node.id;
        item.contextValue = 'lodestar.statusGroup';
        return item;
      }
      case 'folder': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.description = node.description;
        item.iconPath = vscode.ThemeIcon.Folder;
        item.contextValue = 'lodestar.folder';
        return item;
      }
      case 'mentee':
        return this.menteeItem(node);
    }
  }

  protected menteeItem(node: Extract<RecordTreeNode, { type: 'mentee' }>): vscode.TreeItem {
    return new vscode.TreeItem(node.mentee.handle);
  }

  protected linkChildren(record: LodestarRecord): RecordTreeNode[] {
    return recordLinks(record, this.records.indexOf(record.path)).map((link) => ({ type: 'link', parent: record, link }));
  }

  /** Record folders of one kind across every workspace folder, labelled for display. */
  protected foldersOf(kind: RecordFolder['kind']): { folder: RecordFolder; index: RecordIndex; label: string }[] {
    const all = this.records.indexes();
    const multiRoot = all.length > 1;
    return all.flatMap(({ folder: ws, index }) =>
      index.folders
        .filter((f) => f.kind === kind)
        .map((f) => {
          const rel = relativePath(index.root, f.path) || '.';
          return { folder: f, index, label: multiRoot ? `${ws.name}: ${rel}` : rel };
        }),
    );
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

/** Decisions or design docs: by folder when there are several, then by status. */
export class StatusTreeProvider extends RecordTreeProvider {
  constructor(
    records: WorkspaceRecords,
    private readonly kind: 'decision' | 'design',
  ) {
    super(records);
  }

  async getChildren(node?: RecordTreeNode): Promise<RecordTreeNode[]> {
    if (!node) {
      await this.records.ready();
      const folders = this.foldersOf(this.kind === 'decision' ? 'decision' : 'design');
      if (folders.length === 0) return [];
      if (folders.length === 1) return this.groups(folders[0].index.records(this.kind).filter((r) => r.folder === folders[0].folder.path), folders[0].folder.path);
      return folders.map(({ folder, index, label }) => {
        const records = index.records(this.kind).filter((r) => r.folder === folder.path);
        return { type: 'folder', id: `folder:${folder.path}`, label, description: `${records.length}`, records };
      });
    }
    switch (node.type) {
      case 'folder':
        return this.groups(node.records, node.id);
      case 'group':
        return node.group.records.map((record) => ({ type: 'record', record }));
      case 'record':
        return this.linkChildren(node.record);
      default:
        return [];
    }
  }

  private groups(records: LodestarRecord[], scope: string): RecordTreeNode[] {
    return groupByStatus(records, this.kind).map((group) => ({ type: 'group', id: `group:${this.kind}:${scope}:${group.status}`, group }));
  }
}

/** Mentees, each with their sessions and notes, newest first. */
export class MentoringTreeProvider extends RecordTreeProvider {
  async getChildren(node?: RecordTreeNode): Promise<RecordTreeNode[]> {
    if (!node) {
      await this.records.ready();
      const records = this.records.records().filter((r) => r.kind === 'person' || r.kind === 'session');
      return groupMentees(records).map((mentee) => ({ type: 'mentee', id: `mentee:${mentee.profile?.folder ?? ''}:${mentee.handle}`, mentee }));
    }
    if (node.type === 'mentee') return node.mentee.sessions.map((record) => ({ type: 'record', record }));
    return [];
  }

  protected override menteeItem(node: Extract<RecordTreeNode, { type: 'mentee' }>): vscode.TreeItem {
    const { mentee } = node;
    const item = new vscode.TreeItem(mentee.profile?.title ?? mentee.handle, mentee.sessions.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    const last = mentee.sessions[0]?.date;
    item.description = `${mentee.sessions.length} session${mentee.sessions.length === 1 ? '' : 's'}${last ? ` · last ${last}` : ''}`;
    item.iconPath = new vscode.ThemeIcon(mentee.profile?.private ? 'lock' : 'person');
    item.contextValue = 'lodestar.mentee';
    const md = new vscode.MarkdownString();
    md.appendText(`${mentee.profile?.title ?? mentee.handle} (@${mentee.handle})`);
    if (mentee.profile?.goals?.length) md.appendMarkdown('\n\n**Goals**\n\n').appendText(mentee.profile.goals.map((g) => `• ${g}`).join('\n'));
    if (!mentee.profile) md.appendMarkdown('\n\n_No profile yet._');
    item.tooltip = md;
    if (mentee.profile) item.command = { command: 'vscode.open', title: 'Open Profile', arguments: [vscode.Uri.file(mentee.profile.path)] };
    return item;
  }
}
