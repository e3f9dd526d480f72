import * as vscode from 'vscode';
import { toPortPath } from '../../core/store/fileSystem';
import { assertWritable, NodeRecordWriter } from '../../core/store/recordWriter';

const writer = new NodeRecordWriter();

/**
 * Replaces whole files. A document open with unsaved changes is edited in its
 * editor through a WorkspaceEdit (undo works, and it is left for the user to
 * save); every other file is written on disk through a temporary file and a
 * rename, and an editor showing it reloads. `more` adds to the same
 * WorkspaceEdit (a file creation or rename), applied after the disk writes.
 */
export async function replaceDocuments(
  texts: Map<string, string>,
  change: (before: string, path: string) => string | undefined,
  more?: (edit: vscode.WorkspaceEdit) => void,
): Promise<boolean> {
  try {
    return await applyReplacements(texts, change, more);
  } catch (e) {
    // A read-only file, a full disk, a file deleted meanwhile: say so. Every file is
    // checked before the first is written, so a refusal leaves all of them as they were.
    void vscode.window.showErrorMessage(`Lodestar: ${(e as Error).message}`);
    return false;
  }
}

async function applyReplacements(
  texts: Map<string, string>,
  change: (before: string, path: string) => string | undefined,
  more?: (edit: vscode.WorkspaceEdit) => void,
): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  let editorChanges = 0;
  const diskWrites: [string, string][] = [];
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
    const before = await readRecordText(path);
    const after = change(before, path);
    if (after !== undefined && after !== before) diskWrites.push([path, after]);
  }
  for (const [path] of diskWrites) await assertWritable(path);
  for (const [path, after] of diskWrites) await writer.replace(path, after);
  // WorkspaceEdit.size does not count file operations, so count what was added.
  if (!more && editorChanges === 0) return true;
  more?.(edit);
  return vscode.workspace.applyEdit(edit);
}

// Strict, and the BOM kept as U+FEFF: the text written back has the same bytes everywhere it was not changed.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A record's text for editing: a BOM is kept; a file that is not valid UTF-8 is refused (rewriting it would lose bytes). */
export async function readRecordText(path: string): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.file(path));
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new Error(`${path} is not valid UTF-8; Lodestar does not edit it, so no byte of it is lost. Nothing was changed.`);
  }
}

/**
 * Creates a file exclusively (never over an existing one) through a
 * WorkspaceEdit, opens it, and selects line `cursorLine` (1-based): the first
 * thing to fill in. False when the file could not be created.
 */
export async function createAndOpen(path: string, content: string, cursorLine: number): Promise<boolean> {
  const uri = vscode.Uri.file(path);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(content) });
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  await showAtLine(uri, cursorLine);
  return true;
}

/** Opens a file with line `cursorLine` (1-based) selected and revealed. */
export async function showAtLine(uri: vscode.Uri, cursorLine: number): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uri);
  const line = Math.max(0, Math.min(cursorLine - 1, editor.document.lineCount - 1));
  editor.selection = new vscode.Selection(line, 0, line, editor.document.lineAt(line).text.length);
  editor.revealRange(editor.selection);
  return editor;
}

/**
 * A template path from a setting, inside the workspace folder `root`: an
 * absolute path or one climbing out with `..` is refused (undefined), so a
 * workspace's settings cannot copy a file from elsewhere into a record.
 */
export function templateInside(root: string, setting: string): vscode.Uri | undefined {
  const parts = setting.split(/[\\/]+/);
  if (/^([a-z]:)?[\\/]/i.test(setting) || parts.includes('..')) {
    void vscode.window.showWarningMessage(`Lodestar: the template "${setting}" is outside the workspace folder; it is not used.`);
    return undefined;
  }
  return vscode.Uri.file(`${root}/${parts.filter((p) => p !== '' && p !== '.').join('/')}`);
}
