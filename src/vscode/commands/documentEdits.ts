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
    const before = doc.getText();
    const after = change(before, path);
    if (after === undefined || after === before) continue;
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(before.length)), after);
    if (!doc.isDirty) toSave.push(doc);
  }
  more?.(edit);
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  for (const doc of toSave) await doc.save();
  return true;
}
