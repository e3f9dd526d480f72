import * as vscode from 'vscode';
import { indexOfRecordFolder } from '../../core/index/indexReport';
import { RecordIndex } from '../../core/index/recordIndex';
import { relativeTo, toPortPath } from '../../core/store/fileSystem';
import { WorkspaceRecords } from '../workspaceRecords';
import { pickStep } from './stepInput';

/** A decision folder to act on, picked by New Decision, Generate Decision Index and the decision graph. */
export interface FolderChoice {
  index: RecordIndex;
  folder: string;
  label: string;
}

/**
 * The decision folder: the one named in `args`, the only one, or a pick with the active file's folder first.
 * With no decision folder at all, New Decision starts one where adr-tools would (`startOne`); a command that only
 * reads or indexes existing decisions says there is none.
 */
export async function chooseFolder(
  records: WorkspaceRecords,
  args?: { folder?: string },
  title = 'New Decision Record: which folder?',
  whenNone: 'startOne' | { refuse: string } = 'startOne',
): Promise<FolderChoice | undefined> {
  const choices: FolderChoice[] = records
    .indexes()
    .flatMap(({ folder: ws, index }) =>
      index.folders
        .filter((f) => f.kind === 'decision')
        .map((f) => ({ index, folder: f.path, label: `${records.indexes().length > 1 ? `${ws.name}: ` : ''}${relativeTo(index.root, f.path)}` })),
    );
  if (choices.length === 0 && whenNone !== 'startOne') {
    void vscode.window.showInformationMessage(
      `There is no decision folder in this workspace. Create a first decision with "Lodestar: New Decision Record…", or name the folder in the lodestar.decisions.directories setting. ${whenNone.refuse}`,
    );
    return undefined;
  }
  if (choices.length === 0) {
    // No decision folder yet: start one where adr-tools would, in the first workspace folder.
    const first = records.indexes()[0];
    if (!first) {
      void vscode.window.showWarningMessage('Open a folder to create decision records in it.');
      return undefined;
    }
    return { index: first.index, folder: `${first.index.root}/doc/adr`, label: 'doc/adr' };
  }
  if (args?.folder) {
    const wanted = choices.find((c) => c.folder === toPortPath(args.folder as string));
    if (!wanted) void vscode.window.showErrorMessage(`${args.folder} is not a decision folder Lodestar knows. Nothing was written.`);
    return wanted;
  }
  if (choices.length === 1) return choices[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeFolder = active?.scheme === 'file' ? indexOfRecordFolder(choices, toPortPath(active.fsPath)) : undefined;
  const ordered = activeFolder ? [activeFolder, ...choices.filter((c) => c !== activeFolder)] : choices;
  const picked = await pickStep({
    title,
    placeholder: 'The folder of the active file comes first',
    items: () =>
      ordered.map((c) => ({ label: c.label, description: `${c.index.records('decision').filter((r) => r.folder === c.folder).length} records`, value: c })),
  })({ step: 1, total: 1 });
  return picked === 'back' ? undefined : picked?.[0];
}
