import * as vscode from 'vscode';
import { toPortPath } from '../../core/store/fileSystem';
import { NodeRecordWriter } from '../../core/store/recordWriter';

const writer = new NodeRecordWriter();

/**
 * Replaces whole files. A document open with unsaved changes is edited in its
 * editor through a WorkspaceEdit (undo works, and it is left for the user to
 * save); every other file is written on disk through a temporary file and a
 * rename, and an editor showing it reloads. `more` adds to the same
 * WorkspaceEdit (a file creation or rename), applied after the disk writes.
 */
export async function replaceDocuments(texts: Map<string, string>, change: (before: string, path: string) => string | undefined, more?: (edit: vscode.WorkspaceEdit) => void): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  let editorChanges = 0;
  for (const path of texts.keys()) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && toPortPath(d.uri.fsPath) === path && !d.isClosed);
    if (open?.isDirty) {
      const before = open.getText();
      const after = change(before, path);
      if (after !== undefined && after !== before) {
        edit.replace(open.uri, open.validateRange(new vscode.Range(0, 0, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)), after);
        editorChanges++;
      }
      continue;
    }
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(path)));
    const after = change(before, path);
    if (after !== undefined && after !== before) await writer.replace(path, after);
  }
  // WorkspaceEdit.size does not count file operations, so count what was added.
  if (!more && editorChanges === 0) return true;
  more?.(edit);
  return vscode.workspace.applyEdit(edit);
}
