import * as vscode from 'vscode';
import { LodestarRecord } from '../../core/records/record';
import { RecordIndex } from '../../core/index/recordIndex';
import { recordDescription } from '../../core/listing/recordGroups';
import { recordLabel, statusLabel } from '../../core/records/recordLabels';
import { basename } from '../../core/store/fileSystem';
import { recordContextValue } from './recordContextValue';

/** Codicon and colour per status: settled statuses are quiet, open ones stand out. */
const STATUS_ICONS: Record<string, [string, string?]> = {
  proposed: ['circle-large-outline', 'charts.yellow'],
  draft: ['edit', 'charts.yellow'],
  'in-review': ['eye', 'charts.yellow'],
  accepted: ['pass', 'charts.green'],
  approved: ['pass', 'charts.green'],
  implemented: ['rocket', 'charts.green'],
  rejected: ['circle-slash', 'charts.red'],
  withdrawn: ['discard'],
  deprecated: ['warning', 'charts.orange'],
  superseded: ['history'],
};

export function statusIcon(status: string | null): vscode.ThemeIcon {
  const [id, color] = STATUS_ICONS[status ?? ''] ?? ['circle-outline'];
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

export interface LinkView {
  kind: string;
  label: string;
  target?: LodestarRecord;
  raw: string;
}

/** A record's links with their targets looked up in the index (`superseded-by` → the record). */
export function recordLinks(record: LodestarRecord, index: RecordIndex | undefined): LinkView[] {
  if (record.kind === 'session') return [];
  return (index ? index.linksOf(record) : record.links).map((l) => {
    const resolved = index ? index.resolveLink(record, l.target) : l.target;
    const target = index?.record(resolved);
    return { kind: l.kind, label: target ? recordLabel(target) : (l.label ?? l.target), target, raw: l.target };
  });
}

export function linkVerb(kind: string): string {
  const words = kind.replace(/-/g, ' ');
  return words[0].toUpperCase() + words.slice(1);
}

export function recordTreeItem(record: LodestarRecord, index: RecordIndex | undefined, label = recordLabel(record)): vscode.TreeItem {
  const links = recordLinks(record, index);
  const item = new vscode.TreeItem(label, links.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = `${record.kind}:${index?.root ?? ''}:${record.path}`;
  item.resourceUri = vscode.Uri.file(record.path);
  const successor = links.find((l) => l.kind === 'superseded-by');
  item.description = successor ? `${recordDescription(record)} · by ${successor.label}` : recordDescription(record);
  item.iconPath = record.private
    ? new vscode.ThemeIcon('lock')
    : record.kind === 'session'
      ? new vscode.ThemeIcon('comment-discussion')
      : statusIcon(record.status);
  item.contextValue = recordContextValue(record);
  item.command = { command: 'vscode.open', title: 'Open Record', arguments: [vscode.Uri.file(record.path)] };
  item.tooltip = recordTooltip(record, links);
  const tags = record.tags && record.tags.length > 0 ? `, tags ${record.tags.join(', ')}` : '';
  item.accessibilityInformation = { label: `${label}, ${statusLabel(record.status)}${record.date ? `, ${record.date}` : ''}${tags}` };
  return item;
}

function recordTooltip(record: LodestarRecord, links: LinkView[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.supportHtml = false;
  md.appendMarkdown(`**${escapeMarkdown(recordLabel(record))}**\n\n`);
  const facts: string[] = [];
  if (record.status) facts.push(`Status: ${escapeMarkdown(statusLabel(record.status))}`);
  if (record.date) facts.push(`Date: ${record.date}`);
  if (record.people.length > 0) facts.push(`${record.kind === 'decision' ? 'Deciders' : 'People'}: ${escapeMarkdown(record.people.join(', '))}`);
  if (record.tags && record.tags.length > 0) facts.push(`Tags: ${escapeMarkdown(record.tags.join(', '))}`);
  if (record.goals && record.goals.length > 0) facts.push(`Goals: ${escapeMarkdown(record.goals.join('; '))}`);
  if (facts.length > 0) md.appendMarkdown(`${facts.join('  \n')}\n\n`);
  for (const l of links) md.appendMarkdown(`- ${escapeMarkdown(linkVerb(l.kind))} ${escapeMarkdown(l.label)}\n`);
  if (record.private) md.appendMarkdown('\n$(lock) Private notebook\n');
  md.appendMarkdown('\n');
  md.appendText(basename(record.path));
  return md;
}

function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** A child row of a record: "Superseded by 0004 Use gRPC…", opening the target. */
export function linkTreeItem(parent: LodestarRecord, link: LinkView, scope: string): vscode.TreeItem {
  const item = new vscode.TreeItem(`${linkVerb(link.kind)} ${link.label}`, vscode.TreeItemCollapsibleState.None);
  item.id = `link:${scope}:${parent.path}:${link.kind}:${link.raw}`;
  item.iconPath = new vscode.ThemeIcon(link.kind === 'superseded-by' ? 'arrow-right' : link.kind === 'supersedes' ? 'arrow-left' : 'link');
  item.contextValue = 'lodestar.link';
  if (link.target) {
    item.command = { command: 'vscode.open', title: 'Open Record', arguments: [vscode.Uri.file(link.target.path)] };
    item.description = link.target.status ?? undefined;
  } else {
    item.description = 'not found';
  }
  return item;
}
