import * as vscode from 'vscode';
import { MenteeRef } from '../../core/people/mentoringWriter';
import { PairingSession } from '../../core/people/pairing';
import { FolderPairing, menteeKey, unloggedDays } from '../pairingDetection';
import { MenteeEntry } from './mentees';

/**
 * The "Detected pairing" rows under a mentee: days of co-authored commits
 * with them that no logged session covers, each confirmable into a logged
 * session (`Lodestar: Confirm as Pairing Session`) — a day at once, or one
 * commit of it.
 */

/** Where a confirmed session goes and whose it is. */
export interface DetectedTarget {
  /** The workspace folder whose history the commits are from. */
  root: string;
  mentee: MenteeRef;
  /** The mentoring folder the session is written in. */
  folder: string;
  private: boolean;
}

export interface DetectedDay {
  sessions: PairingSession[];
  /** The other people of the day, by name. */
  partners: string;
}

export type DetectedPairingNode =
  | { type: 'detected-group'; id: string; target: DetectedTarget; days: DetectedDay[] }
  | { type: 'detected'; id: string; target: DetectedTarget; day: DetectedDay; sessions: PairingSession[]; level: 'day' | 'commit' };

export function detectedTarget(entry: MenteeEntry, pairing: FolderPairing): DetectedTarget {
  return {
    root: entry.scope.index.root,
    mentee: { key: menteeKey(pairing, entry.handle), handle: entry.handle, name: entry.mentee.profile?.title },
    folder: entry.folder,
    private: entry.private,
  };
}

/** The mentee's unlogged days, newest first, with their partners' names. */
export function detectedDays(entry: MenteeEntry, pairing: FolderPairing): DetectedDay[] {
  const key = menteeKey(pairing, entry.handle);
  return unloggedDays(pairing, entry.handle).map((sessions) => ({
    sessions,
    partners: sessions[0].people
      .filter((p) => p !== key)
      .map((p) => pairing.directory.nameOf(p))
      .join(', '),
  }));
}

/** The group row for a mentee, or undefined when there is nothing to confirm. */
export function detectedGroup(parentId: string, entry: MenteeEntry, pairing: FolderPairing): DetectedPairingNode | undefined {
  const days = detectedDays(entry, pairing);
  return days.length === 0 ? undefined : { type: 'detected-group', id: `${parentId}:detected`, target: detectedTarget(entry, pairing), days };
}

export function detectedChildren(node: DetectedPairingNode): DetectedPairingNode[] {
  if (node.type === 'detected-group') {
    return node.days.map((day) => ({
      type: 'detected',
      id: `${node.id}:${day.sessions[0].date}:${day.sessions[0].people.join(',')}`,
      target: node.target,
      day,
      sessions: day.sessions,
      level: 'day',
    }));
  }
  if (node.level === 'day' && node.sessions.length > 1) {
    return node.sessions.map((s) => ({ type: 'detected', id: `${node.id}:${s.commit}`, target: node.target, day: node.day, sessions: [s], level: 'commit' }));
  }
  return [];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function detectedPairingItem(node: DetectedPairingNode): vscode.TreeItem {
  if (node.type === 'detected-group') {
    const commits = node.days.reduce((n, d) => n + d.sessions.length, 0);
    const item = new vscode.TreeItem('Detected pairing', vscode.TreeItemCollapsibleState.Expanded);
    item.id = node.id;
    item.description = `${plural(commits, 'commit')} on ${plural(node.days.length, 'day')}, not logged`;
    item.iconPath = new vscode.ThemeIcon('git-commit');
    item.contextValue = 'lodestar.detectedPairingGroup';
    item.tooltip = `Commits with Co-authored-by: trailers that include ${node.target.mentee.name ?? node.target.mentee.handle} and that no logged session covers. Confirm one (or a whole day) to log it as a pairing session.`;
    return item;
  }
  const first = node.sessions[0];
  const several = node.level === 'day' && node.sessions.length > 1;
  const label = node.level === 'day' ? `${first.date ?? 'no date'} with ${node.day.partners}` : (first.subject ?? (first.commit ?? '').slice(0, 7));
  const item = new vscode.TreeItem(label, several ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = several ? plural(node.sessions.length, 'commit') : node.level === 'day' ? (first.subject ?? '') : (first.commit ?? '').slice(0, 7);
  item.iconPath = new vscode.ThemeIcon(node.level === 'day' ? 'organization' : 'git-commit');
  item.contextValue = 'lodestar.detectedPairing';
  const md = new vscode.MarkdownString();
  md.appendText(`${first.date ?? ''}: ${node.target.mentee.name ?? node.target.mentee.handle} with ${node.day.partners}\n\n`);
  for (const s of node.sessions) md.appendText(`• ${(s.commit ?? '').slice(0, 7)} ${s.subject ?? ''}\n`);
  md.appendMarkdown('\n\n_Confirm as Pairing Session to log it._');
  item.tooltip = md;
  item.accessibilityInformation = { label: `Detected pairing: ${label}, ${plural(node.sessions.length, 'commit')}, not logged` };
  return item;
}
