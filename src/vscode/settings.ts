import * as vscode from 'vscode';
import { LodestarSettings } from '../core/index/recordFolders';

/** Every `lodestar.*` setting is read here, per workspace folder. */
export function readSettings(folder: vscode.WorkspaceFolder): LodestarSettings {
  const config = vscode.workspace.getConfiguration('lodestar', folder.uri);
  const list = (key: string): string[] => (config.get<unknown[]>(key) ?? []).filter((x): x is string => typeof x === 'string' && x.trim() !== '');
  return {
    decisionDirectories: list('decisions.directories'),
    designDirectories: list('design.directories'),
    mentoringDirectory: (config.get<string>('mentoring.directory') ?? '').trim(),
  };
}
