import * as vscode from 'vscode';
import { RecordIndex } from '../../core/index/recordIndex';
import { RecordFolder } from '../../core/index/recordFolders';
import { LodestarRecord } from '../../core/records/record';
import { matchesFilter, parseRecordFilter, RecordFilter } from '../../core/listing/recordFilter';
import { groupByStatus, Mentee, menteeCounts, StatusGroup } from '../../core/listing/recordGroups';
import { compareRecords } from '../../core/records/recordLabels';
import { isWrittenNote } from '../../core/people/mentoringParser';
import { basename, relativeTo, toPortPath } from '../../core/store/fileSystem';
import { PairingDetection } from '../pairingDetection';
import { WorkspaceRecords } from '../workspaceRecords';
import { detectedChildren, detectedGroup, DetectedPairingNode, detectedPairingItem } from './detectedPairing';
import { MentoringScope, menteeEntries, mentoringScopes } from './mentees';
import { linkTreeItem, LinkView, recordLinks, recordTreeItem } from './recordTreeItem';

/**
 * Nodes carry the index they come from: two workspace folders can share a
 * record folder (monorepo packages under one `.adr-dir`), and VS Code needs
 * every id in a tree to be unique.
 */
export type RecordTreeNode =
  | { type: 'folder'; id: string; index: RecordIndex; folder: string; label: string; description: string; records: LodestarRecord[] }
  | { type: 'group'; id: string; index: RecordIndex; group: StatusGroup }
  | { type: 'record'; index: RecordIndex; record: LodestarRecord; currentFile?: boolean }
  | { type: 'current-file'; id: string; file: string; records: { record: LodestarRecord; index: RecordIndex }[] }
  | { type: 'link'; index: RecordIndex; parent: LodestarRecord; link: LinkView; position: number }
  | { type: 'mentee'; id: string; index: RecordIndex; mentee: Mentee; detected?: DetectedPairingNode }
  | DetectedPairingNode;

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
        return node.currentFile ? currentFileRecordItem(node.record, node.index) : recordTreeItem(node.record, node.index);
      case 'current-file': {
        const item = new vscode.TreeItem(`For Current File (${node.records.length})`, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.description = basename(node.file);
        item.tooltip = `The decisions whose applies-to covers ${vscode.workspace.asRelativePath(node.file)}`;
        item.iconPath = new vscode.ThemeIcon('law');
        item.contextValue = 'lodestar.currentFile';
        return item;
      }
      case 'link':
        return linkTreeItem(node.parent, node.link, `${node.index.root}:${node.position}`);
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
      case 'detected-group':
      case 'detected':
        return detectedPairingItem(node);
    }
  }

  protected menteeItem(node: Extract<RecordTreeNode, { type: 'mentee' }>): vscode.TreeItem {
    return new vscode.TreeItem(node.mentee.handle);
  }

  protected linkChildren(index: RecordIndex, record: LodestarRecord): RecordTreeNode[] {
    return recordLinks(record, index).map((link, position) => ({ type: 'link', index, parent: record, link, position }));
  }

  /** Record folders of one kind across every workspace folder, labelled for display. */
  protected foldersOf(kind: RecordFolder['kind']): { folder: RecordFolder; index: RecordIndex; label: string }[] {
    const all = this.records.indexes();
    const multiRoot = all.length > 1;
    return all.flatMap(({ folder: ws, index }) =>
      index.folders
        .filter((f) => f.kind === kind)
        .map((f) => {
          const rel = relativeTo(index.root, f.path);
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

export type GroupBy = 'status' | 'none';

/** Which records govern a file: the governance the status bar and CodeLens read too. */
export interface CurrentFileGovernance {
  recordsFor(path: string): { record: LodestarRecord }[];
  onDidChange: vscode.Event<void>;
}

/** A record row inside For Current File: its own id (the record is also listed under its status), no link children. */
function currentFileRecordItem(record: LodestarRecord, index: RecordIndex): vscode.TreeItem {
  const item = recordTreeItem(record, index);
  item.id = `current-file:${item.id ?? record.path}`;
  item.collapsibleState = vscode.TreeItemCollapsibleState.None;
  return item;
}

/** Decisions or design docs: by folder when there are several, then by status (or a flat list), filtered. */
export class StatusTreeProvider extends RecordTreeProvider {
  private filter: RecordFilter | undefined;
  private filterText = '';
  private groupBy: GroupBy = 'status';
  /** The code file For Current File is about: the active editor, kept while a record file is in front. */
  private currentPath: string | undefined;
  private currentKey = '';
  private noEditorTimer: NodeJS.Timeout | undefined;
  private readonly currentSubscriptions: vscode.Disposable[] = [];

  constructor(
    records: WorkspaceRecords,
    private readonly kind: 'decision' | 'design',
    private readonly governance?: CurrentFileGovernance,
  ) {
    super(records);
    if (governance) {
      this.followActiveEditor();
      this.currentSubscriptions.push(
        vscode.window.onDidChangeActiveTextEditor(() => this.followActiveEditor()),
        governance.onDidChange(() => this.refreshCurrentFile()),
      );
    }
  }

  private followActiveEditor(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      // Switching editors can pass through "no editor" for a moment; only a lasting one empties the group.
      clearTimeout(this.noEditorTimer);
      this.noEditorTimer = setTimeout(() => {
        if (vscode.window.activeTextEditor) return;
        this.currentPath = undefined;
        this.refreshCurrentFile();
      }, 200);
      return;
    }
    const uri = editor.document.uri;
    const path = uri.scheme === 'file' ? toPortPath(uri.fsPath) : undefined;
    // Opening a record from the group must not make the group vanish.
    if (path && this.records.indexOf(path)?.folderOf(path)) return;
    this.currentPath = path;
    this.refreshCurrentFile();
  }

  /** Refreshes the tree only when the group's rows would change. */
  private refreshCurrentFile(): void {
    const key =
      this.currentFileGroup()
        ?.records.map((r) => r.record.path)
        .join('\n') ?? '';
    if (key === this.currentKey) return;
    this.currentKey = key;
    this.refresh();
  }

  private currentFileGroup(): Extract<RecordTreeNode, { type: 'current-file' }> | undefined {
    if (!this.governance || !this.currentPath || this.kind !== 'decision') return undefined;
    const found = this.governance
      .recordsFor(this.currentPath)
      .filter((g) => g.record.kind === 'decision')
      .flatMap(({ record }) => {
        const index = this.records.indexOf(record.path);
        return index ? [{ record, index }] : [];
      });
    return found.length > 0 ? { type: 'current-file', id: 'current-file', file: this.currentPath, records: found } : undefined;
  }

  override dispose(): void {
    clearTimeout(this.noEditorTimer);
    for (const d of this.currentSubscriptions) d.dispose();
    super.dispose();
  }

  get currentFilter(): string {
    return this.filterText;
  }

  get currentGroupBy(): GroupBy {
    return this.groupBy;
  }

  setFilter(query: string): void {
    this.filterText = query.trim();
    this.filter = parseRecordFilter(this.filterText);
    this.refresh();
  }

  setGroupBy(mode: GroupBy): void {
    this.groupBy = mode;
    this.refresh();
  }

  private recordsIn(index: RecordIndex, folder: string): LodestarRecord[] {
    return index.records(this.kind).filter((r) => r.folder === folder && matchesFilter(r, this.filter));
  }

  async getChildren(node?: RecordTreeNode): Promise<RecordTreeNode[]> {
    if (!node) {
      await this.records.ready();
      const current = this.currentFileGroup();
      return current ? [current, ...this.topLevel()] : this.topLevel();
    }
    switch (node.type) {
      case 'current-file':
        return node.records.map(({ record, index }) => ({ type: 'record', index, record, currentFile: true }));
      case 'folder':
        return this.groups(node.index, node.records, node.id);
      case 'group':
        return node.group.records.map((record) => ({ type: 'record', index: node.index, record }));
      case 'record':
        return this.linkChildren(node.index, node.record);
      default:
        return [];
    }
  }

  private topLevel(): RecordTreeNode[] {
    const folders = this.foldersOf(this.kind === 'decision' ? 'decision' : 'design');
    if (folders.length === 0) return [];
    if (folders.length === 1) {
      const { index, folder } = folders[0];
      return this.groups(index, this.recordsIn(index, folder.path), `${index.root}:${folder.path}`);
    }
    return folders.map(({ folder, index, label }) => {
      const records = this.recordsIn(index, folder.path);
      return { type: 'folder', id: `folder:${index.root}:${folder.path}`, index, folder: folder.path, label, description: `${records.length}`, records };
    });
  }

  private groups(index: RecordIndex, records: LodestarRecord[], scope: string): RecordTreeNode[] {
    if (this.groupBy === 'none') return [...records].sort(compareRecords).map((record) => ({ type: 'record', index, record }));
    return groupByStatus(records, this.kind).map((group) => ({ type: 'group', id: `group:${this.kind}:${scope}:${group.status}`, index, group }));
  }
}

/**
 * Mentees, each with their sessions and notes, newest first, then the pairing
 * git shows with them that nobody logged yet; by folder when there are
 * several. The private notebook's mentees and notes join the list (with a lock).
 */
export class MentoringTreeProvider extends RecordTreeProvider {
  private readonly pairingSubscription: vscode.Disposable | undefined;

  constructor(
    records: WorkspaceRecords,
    private readonly pairing?: PairingDetection,
  ) {
    super(records);
    this.pairingSubscription = pairing?.onDidChange(() => this.refresh());
  }

  async getChildren(node?: RecordTreeNode): Promise<RecordTreeNode[]> {
    if (!node) {
      await this.records.ready();
      const scopes = mentoringScopes(this.records);
      if (scopes.length === 1) return this.mentees(scopes[0]);
      return scopes.map((scope) => {
        const count = menteeEntries(this.records, scope).length;
        return {
          type: 'folder',
          id: `folder:${scope.index.root}:${scope.folder}`,
          index: scope.index,
          folder: scope.folder,
          label: scope.label,
          description: `${count}`,
          records: [],
        };
      });
    }
    if (node.type === 'folder') {
      const scope = mentoringScopes(this.records).find((s) => s.index === node.index && s.folder === node.folder);
      return scope ? this.mentees(scope) : [];
    }
    if (node.type === 'mentee') {
      const sessions: RecordTreeNode[] = node.mentee.sessions.map((record) => ({
        type: 'record',
        index: this.records.indexOf(record.path) ?? node.index,
        record,
      }));
      return node.detected ? [...sessions, node.detected] : sessions;
    }
    if (node.type === 'detected-group' || node.type === 'detected') return detectedChildren(node);
    return [];
  }

  private async mentees(scope: MentoringScope): Promise<RecordTreeNode[]> {
    const entries = menteeEntries(this.records, scope);
    const pairing = entries.length > 0 ? await this.pairing?.forIndex(scope.index) : undefined;
    return entries.map((entry) => {
      const id = `mentee:${scope.index.root}:${scope.folder}:${entry.handle}`;
      return { type: 'mentee', id, index: scope.index, mentee: entry.mentee, detected: pairing ? detectedGroup(id, entry, pairing) : undefined };
    });
  }

  override dispose(): void {
    this.pairingSubscription?.dispose();
    super.dispose();
  }

  protected override menteeItem(node: Extract<RecordTreeNode, { type: 'mentee' }>): vscode.TreeItem {
    const { mentee } = node;
    const detected = node.detected?.type === 'detected-group' ? node.detected.days.reduce((n, d) => n + d.sessions.length, 0) : 0;
    const item = new vscode.TreeItem(
      mentee.profile?.title ?? mentee.handle,
      mentee.sessions.length > 0 || detected > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
    );
    item.id = node.id;
    const last = mentee.sessions.find((s) => !isWrittenNote(s.sessionKind))?.date;
    item.description = [menteeCounts(mentee.sessions), last ? `last ${last}` : '', detected > 0 ? `${detected} detected` : ''].filter(Boolean).join(' · ');
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
