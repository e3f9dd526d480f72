import * as os from 'os';
import * as vscode from 'vscode';
import { LodestarSettings } from '../core/index/recordFolders';
import { DEFAULT_IN_REVIEW_MAX_AGE_DAYS, DEFAULT_PROPOSED_MAX_AGE_DAYS } from '../core/reminders/reminders';

/** Every `lodestar.*` setting is read here, per workspace folder. */
export function readSettings(folder: vscode.WorkspaceFolder): LodestarSettings {
  const config = vscode.workspace.getConfiguration('lodestar', folder.uri);
  const list = (key: string): string[] => (config.get<unknown[]>(key) ?? []).filter((x): x is string => typeof x === 'string' && x.trim() !== '');
  return {
    decisionDirectories: list('decisions.directories'),
    designDirectories: list('design.directories'),
    mentoringDirectory: (config.get<string>('mentoring.directory') ?? '').trim(),
    influenceDirectory: (config.get<string>('influence.directory') ?? '').trim(),
  };
}

/**
 * `lodestar.privateNotebook.path`, with a leading `~` expanded; empty when unset.
 * Machine-scoped in package.json, so a workspace's own settings cannot point it into the repository.
 */
export function readPrivateNotebookPath(): string {
  const raw = (vscode.workspace.getConfiguration('lodestar').get<string>('privateNotebook.path') ?? '').trim();
  return raw === '~' || raw.startsWith('~/') ? `${os.homedir()}${raw.slice(1)}` : raw;
}

/** `lodestar.reminders.*`: how old a proposed decision or an in-review design doc may get before it is a reminder. */
export function readReminderSettings(): { proposedMaxAgeDays: number; inReviewMaxAgeDays: number } {
  const config = vscode.workspace.getConfiguration('lodestar');
  const days = (key: string, fallback: number): number => {
    const value = config.get<unknown>(key);
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
  };
  return {
    proposedMaxAgeDays: days('reminders.proposedMaxAgeDays', DEFAULT_PROPOSED_MAX_AGE_DAYS),
    inReviewMaxAgeDays: days('reminders.inReviewMaxAgeDays', DEFAULT_IN_REVIEW_MAX_AGE_DAYS),
  };
}
