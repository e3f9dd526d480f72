import * as vscode from 'vscode';
import { addMissingSide, linkVerb, missingSide } from '../../core/decisions/oneSidedLinks';
import { LodestarRecord } from '../../core/records/record';
import { toPortPath } from '../../core/store/fileSystem';
import { recordLabel } from '../../core/records/recordLabels';
import { replaceDocuments } from '../support/documentEdits';
import { WorkspaceRecords } from '../workspaceRecords';
import { refusedInRestrictedMode } from '../support/restrictedMode';

function sideOf(records: WorkspaceRecords, path: string, line?: number) {
  const index = records.indexOf(path);
  const from = index?.record(path);
  if (!index || !from) return undefined;
  const recordAt = (target: string): LodestarRecord | undefined => {
    const resolved = index.resolveLink(from, target);
    return index.record(resolved) ?? records.indexOf(resolved)?.record(resolved);
  };
  return missingSide(from, line, (target) => recordAt(target) ?? index.record(target));
}

/**
 * The quick fix on a one-sided link: "Add the missing side" writes the link
 * back into the other record, in its own dialect (Superseded by also marks
 * it superseded). `lodestar.addMissingLinkSide` with `{ path, line }` does
 * the same from anywhere.
 */
export function registerOneSidedLinkFix(records: WorkspaceRecords): vscode.Disposable {
  const command = vscode.commands.registerCommand(
    'lodestar.addMissingLinkSide',
    async (args?: { path: string; line?: number }): Promise<string | undefined> => {
      if (refusedInRestrictedMode('change records')) return undefined;
      if (!args?.path) return undefined;
      await records.ready();
      const side = sideOf(records, toPortPath(args.path), args.line);
      if (!side) {
        void vscode.window.showInformationMessage('Lodestar: both records already link to each other. Nothing was changed.');
        return undefined;
      }
      const ok = await replaceDocuments(new Map([[side.to.path, '']]), (before) => addMissingSide(side, before));
      if (!ok) return undefined;
      await records.refreshPaths([side.to.path, side.from.path]);
      return side.to.path;
    },
  );
  const quickFix = vscode.languages.registerCodeActionsProvider(
    { scheme: 'file', language: 'markdown' },
    {
      provideCodeActions(doc, _range, context) {
        return context.diagnostics
          .filter((d) => d.source === 'lodestar' && String(d.code) === 'one-sided-link')
          .flatMap((d) => {
            const side = sideOf(records, toPortPath(doc.uri.fsPath), d.range.start.line + 1);
            if (!side) return [];
            const action = new vscode.CodeAction(
              `Add the missing side: "${linkVerb(side.kind)} ${recordLabel(side.from)}" in ${recordLabel(side.to)}`,
              vscode.CodeActionKind.QuickFix,
            );
            action.diagnostics = [d];
            action.isPreferred = true;
            action.command = {
              command: 'lodestar.addMissingLinkSide',
              title: 'Add the missing side',
              arguments: [{ path: doc.uri.fsPath, line: d.range.start.line + 1 }],
            };
            return [action];
          });
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
  return vscode.Disposable.from(command, quickFix);
}
