import * as vscode from 'vscode';
import { MentoringInputError, PlannedRecord } from '../../core/people/mentoringWriter';
import { privateFolderProblem } from '../../core/people/privateNotebook';
import { normaliseDate } from '../../core/records/dates';
import { FileExistsError, RecordWriter } from '../../core/store/recordWriter';
import { toPortPath } from '../../core/store/fileSystem';
import { allMentees, MenteeEntry } from '../views/mentees';
import { WorkspaceFileSystem } from '../workspaceFileSystem';
import { WorkspaceRecords } from '../workspaceRecords';
import { showAtLine } from '../support/documentEdits';

/** Shared by the mentoring and pairing commands: trust, where records go, how they are written and shown. */

export const fileSystem = new WorkspaceFileSystem();

/**
 * Core's writer through a WorkspaceEdit: a new file is created exclusively
 * (never over an existing one), by VS Code, so its editors and undo know it.
 */
export const workspaceEditWriter: RecordWriter = {
  async createExclusive(path: string, content: string): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(vscode.Uri.file(path), { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(content) });
    if (await vscode.workspace.applyEdit(edit)) return;
    if (await fileSystem.stat(path)) throw new FileExistsError(path);
    throw new Error(`Could not create ${path}.`);
  },
  async replace(): Promise<void> {
    throw new Error('Mentoring commands only create files.');
  },
  async ensureFolder(path: string): Promise<void> {
    await vscode.workspace.fs.createDirectory(vscode.Uri.file(path));
  },
};

export function workspaceRoots(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => toPortPath(f.uri.fsPath));
}

/**
 * The private notebook's mentoring folder, or undefined after telling the
 * user why private notes cannot be written (the configured folder is inside
 * a workspace folder, or not usable).
 */
export async function privateMentoringFolder(records: WorkspaceRecords): Promise<string | undefined> {
  return privateNotebookFolder(records, 'mentoringFolder');
}

/**
 * A folder of the private notebook to write a private record in, checked
 * just before the write: undefined (with a message) when there is no
 * notebook, or it is inside a workspace folder (symbolic links followed).
 */
export async function privateNotebookFolder(records: WorkspaceRecords, which: 'mentoringFolder' | 'influenceFolder'): Promise<string | undefined> {
  const location = records.notebook.location;
  const problem = !location
    ? 'The private notebook is not open yet.'
    : !location.root
      ? 'There is no private notebook folder: set lodestar.privateNotebook.path.'
      : (location.problem ?? (await privateFolderProblem(fileSystem, location.root, workspaceRoots())));
  if (problem || !location || !location[which]) {
    // Not awaited: the command ends now; the button works whenever it is pressed.
    void vscode.window
      .showErrorMessage(`Lodestar: ${problem ?? 'There is no private notebook to write to.'} Nothing was written.`, 'Open Setting')
      .then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'lodestar.privateNotebook.path');
      });
    return undefined;
  }
  return location[which];
}

/** Says what went wrong with a write; input problems and name clashes are the user's to fix, anything else is logged too. */
export function reportWriteError(e: unknown, log?: vscode.OutputChannel): void {
  const message = e instanceof Error ? e.message : String(e);
  if (!(e instanceof MentoringInputError || e instanceof FileExistsError)) log?.appendLine(`Writing a mentoring record failed: ${message}`);
  void vscode.window.showErrorMessage(`Lodestar: ${message} Nothing was written.`);
}

/** Lists the new record in the views at once and opens it at its first section (or `heading`). */
export async function showWritten(records: WorkspaceRecords, written: PlannedRecord, heading?: string): Promise<void> {
  await records.refreshPaths([written.path]);
  const lines = written.content.split('\n');
  const at = heading ? lines.indexOf(`## ${heading}`) : lines.findIndex((l) => l.startsWith('## '));
  await showAtLine(vscode.Uri.file(written.path), at >= 0 ? at + 2 : lines.length);
}

export function dayProblem(value: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) && normaliseDate(value.trim()) === value.trim() ? undefined : 'A date as YYYY-MM-DD, e.g. 2026-03-14';
}

export function durationProblem(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  const n = Number(value.trim());
  return Number.isInteger(n) && n > 0 && n <= 24 * 60 ? undefined : 'Whole minutes, 1 to 1440, or empty';
}

/** Comma-separated input as a list, blanks dropped. */
export function splitList(text: string, separator: string | RegExp = ','): string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Asks for a mentee (the tree's mentee, when given, is taken as is). */
export async function pickMentee(records: WorkspaceRecords, title: string, filter: (e: MenteeEntry) => boolean = () => true): Promise<MenteeEntry | undefined> {
  const entries = allMentees(records).filter(filter);
  if (entries.length === 0) {
    void vscode.window.showWarningMessage('Lodestar: there are no mentees yet.', 'Add Mentee…').then((choice) => {
      if (choice) void vscode.commands.executeCommand('lodestar.addMentee');
    });
    return undefined;
  }
  if (entries.length === 1) return entries[0];
  const picked = await vscode.window.showQuickPick(
    entries.map((e) => ({
      label: e.name,
      description: `@${e.handle}${e.private ? ' · private notebook' : ''}${entries.some((o) => o !== e && o.scope !== e.scope) ? ` · ${e.scope.label}` : ''}`,
      entry: e,
    })),
    { title, placeHolder: 'Which mentee?', matchOnDescription: true },
  );
  return picked?.entry;
}
