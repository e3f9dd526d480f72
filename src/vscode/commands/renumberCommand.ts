import * as vscode from 'vscode';
import { claimedNumbersOnOtherBranches, nextDecisionNumber } from '../../core/decisions/claimedNumbers';
import { planRenumber } from '../../core/decisions/renumber';
import { toPortPath } from '../../core/store/fileSystem';
import { compareRecords, recordLabel } from '../../core/tree/recordGroups';
import { createGitExecutor } from '../../core/git/gitExecutor';
import type { RecordTreeNode } from '../views/recordTrees';
import { WorkspaceRecords } from '../workspaceRecords';
import { replaceDocuments } from './documentEdits';

const NUMBER_PROBLEMS = new Set(['duplicate-number', 'number-on-other-branch']);

/**
 * `Lodestar: Renumber Decision Record…` and its quick fix on duplicate or
 * branch-claimed numbers: the next free number (here and on other branches),
 * the file renamed, its heading and every inbound link in the folder rewritten.
 */
export function registerRenumber(records: WorkspaceRecords): vscode.Disposable {
  const command = vscode.commands.registerCommand('lodestar.renumberDecision', async (args?: { path: string; number?: number } | RecordTreeNode): Promise<string | undefined> => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Lodestar does not rename records in Restricted Mode. Trust this workspace to write files.');
      return undefined;
    }
    await records.ready();
    let path = args && 'path' in args ? toPortPath(args.path) : args && 'type' in args && args.type === 'record' ? args.record.path : undefined;
    if (!path) {
      const picked = await vscode.window.showQuickPick(
        records.records('decision').filter((r) => r.number !== null).sort(compareRecords).map((r) => ({ label: recordLabel(r), path: r.path })),
        { title: 'Renumber which decision record?' },
      );
      path = picked?.path;
    }
    const index = path ? records.indexOf(path) : undefined;
    const record = path && index ? index.record(path) : undefined;
    if (!record || !index || record.number === null) return undefined;
    const inFolder = index.records('decision').filter((r) => r.folder === record.folder);
    const claimed = await claimedNumbersOnOtherBranches(createGitExecutor(record.folder));
    const number = args && 'number' in args && args.number ? args.number : nextDecisionNumber(inFolder.map((r) => r.number), claimed);

    const wasDirty = vscode.workspace.textDocuments.some((d) => toPortPath(d.uri.fsPath) === record.path && d.isDirty);
    const texts = new Map<string, string>();
    for (const r of inFolder) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(r.path));
      texts.set(r.path, doc.isDirty ? doc.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(doc.uri)));
    }
    const plan = planRenumber(record, number, texts);
    const ok = await replaceDocuments(
      new Map([...plan.edits.keys()].map((p) => [p, ''])),
      (_before, p) => plan.edits.get(p),
      (edit) => edit.renameFile(vscode.Uri.file(plan.from), vscode.Uri.file(plan.to), { overwrite: false }),
    );
    if (!ok) {
      void vscode.window.showErrorMessage(`Could not renumber ${recordLabel(record)}: ${plan.to} may already exist. Nothing was changed.`);
      return undefined;
    }
    // The rename carries an open editor's text along; save it unless the user had unsaved changes.
    const moved = vscode.workspace.textDocuments.find((d) => toPortPath(d.uri.fsPath) === plan.to);
    if (moved?.isDirty && !wasDirty) await moved.save();
    await records.refreshPaths([plan.from, plan.to, ...plan.edits.keys()]);
    return plan.to;
  });

  const quickFix = vscode.languages.registerCodeActionsProvider(
    { scheme: 'file', language: 'markdown' },
    {
      provideCodeActions(doc, _range, context) {
        const problem = context.diagnostics.find((d) => d.source === 'lodestar' && NUMBER_PROBLEMS.has(String(d.code)));
        if (!problem) return [];
        const action = new vscode.CodeAction('Renumber this record (next free number; inbound links follow)', vscode.CodeActionKind.QuickFix);
        action.diagnostics = [problem];
        action.isPreferred = true;
        action.command = { command: 'lodestar.renumberDecision', title: 'Renumber', arguments: [{ path: doc.uri.fsPath }] };
        return [action];
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
  return vscode.Disposable.from(command, quickFix);
}
