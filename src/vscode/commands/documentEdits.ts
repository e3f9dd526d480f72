import * as vscode from 'vscode';

/**
 * Replaces whole documents through one WorkspaceEdit, so open editors, undo
 * and unsaved changes are respected. Documents that had no unsaved changes
 * are saved afterwards; ones the user was editing are left for them to save.
 * `more` can add to the same edit (a file rename or creation).
 */
export async function replaceDocuments(texts: Map<string, string>, change: (before: string, path: string) => string | undefined, more?: (edit: vscode.WorkspaceEdit) => void): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  const toSave: vscode.TextDocument[] = [];
  for (const path of texts.keys()) {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
    // An unmodified document may not have caught up with a change on disk yet: the file is the truth.
    const before = doc.isDirty ? doc.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(doc.uri));
    const after = change(before, path);
    if (after === undefined || after === before) continue;
    // The whole document, however long it is by the time the edit applies.
    edit.replace(doc.uri, doc.validateRange(new vscode.Range(0, 0, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)), after);
    if (!doc.isDirty) toSave.push(doc);
  }
  more?.(edit);
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  // A document renamed by the same edit is closed; its successor is saved by the caller.
  for (const doc of toSave) if (!doc.isClosed) await doc.save();
  return true;
}
