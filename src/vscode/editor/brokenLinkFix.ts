import * as vscode from 'vscode';
import { toPortPath } from '../../core/store/fileSystem';
import { WorkspaceRecords } from '../workspaceRecords';

/**
 * The quick fix for `broken-link` when a record with the link's number exists
 * under another name (renamed or renumbered since): the file name in the link
 * is replaced by the record's, on the line the problem is on.
 */
export function registerBrokenLinkFix(records: WorkspaceRecords): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    { scheme: 'file', language: 'markdown' },
    {
      provideCodeActions(doc, _range, context) {
        const broken = context.diagnostics.filter((d) => d.source === 'lodestar' && d.code === 'broken-link');
        if (broken.length === 0) return [];
        const path = toPortPath(doc.uri.fsPath);
        const fixes = records.indexOf(path)?.brokenLinkFixes(path) ?? [];
        const actions: vscode.CodeAction[] = [];
        for (const d of broken) {
          const line = d.range.start.line;
          if (line >= doc.lineCount) continue;
          const text = doc.lineAt(line).text;
          for (const fix of fixes.filter((f) => f.line === line + 1)) {
            // The name as written: plain, or percent-encoded as Markdown links often are.
            const written = [fix.written, encodeURI(fix.written)].find((w) => text.includes(w));
            if (!written) continue;
            const at = text.indexOf(written);
            const replacement = written === fix.written ? fix.replacement : encodeURI(fix.replacement);
            const action = new vscode.CodeAction(`Link to ${fix.replacement} (the record with this number now)`, vscode.CodeActionKind.QuickFix);
            action.diagnostics = [d];
            action.isPreferred = true;
            action.edit = new vscode.WorkspaceEdit();
            action.edit.replace(doc.uri, new vscode.Range(line, at, line, at + written.length), replacement);
            actions.push(action);
          }
        }
        return actions;
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}
