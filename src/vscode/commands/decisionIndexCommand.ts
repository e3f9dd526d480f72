import * as vscode from 'vscode';
import { decisionIndexBody, IndexStyle, updateDecisionIndex } from '../../core/decisions/decisionIndex';
import { WorkspaceRecords } from '../workspaceRecords';
import { replaceDocuments } from '../support/documentEdits';
import { chooseFolder } from '../support/decisionFolderPick';
import { refusedInRestrictedMode } from '../support/restrictedMode';

/**
 * `Lodestar: Generate Decision Index`: the folder's README.md gets the list
 * of its decisions between Lodestar's markers (created when missing; text
 * outside the markers is never touched). README.md is not itself a record.
 */
export function registerDecisionIndexCommand(records: WorkspaceRecords): vscode.Disposable {
  return vscode.commands.registerCommand(
    'lodestar.generateDecisionIndex',
    async (args?: { folder?: string; style?: IndexStyle }): Promise<string | undefined> => {
      if (refusedInRestrictedMode('write files', 'Trust this workspace to generate the index.')) return undefined;
      await records.ready();
      const choice = await chooseFolder(records, args, 'Generate Decision Index: which folder?', { refuse: 'No index was written.' });
      if (!choice) return undefined;
      const style =
        args?.style ??
        (
          await vscode.window.showQuickPick(
            [
              { label: 'List', description: "adr-tools' toc format: * [1. Title](0001-title.md)", style: 'toc' as const },
              { label: 'Table', description: 'number, title, status and date', style: 'table' as const },
            ],
            { title: 'Generate Decision Index' },
          )
        )?.style;
      if (!style) return undefined;
      const body = decisionIndexBody(
        choice.index.records('decision').filter((r) => r.folder === choice.folder),
        style,
      );
      const file = `${choice.folder}/README.md`;
      const uri = vscode.Uri.file(file);
      const exists = await vscode.workspace.fs.stat(uri).then(
        () => true,
        () => false,
      );
      const ok = exists
        ? await replaceDocuments(new Map([[file, '']]), (before) => updateDecisionIndex(before, body))
        : await vscode.workspace.applyEdit(
            (() => {
              const edit = new vscode.WorkspaceEdit();
              edit.createFile(uri, { overwrite: false, contents: new TextEncoder().encode(updateDecisionIndex(undefined, body)) });
              return edit;
            })(),
          );
      if (!ok) {
        void vscode.window.showErrorMessage(`Could not write ${file}.`);
        return undefined;
      }
      await vscode.window.showTextDocument(uri, { preview: true });
      return file;
    },
  );
}
