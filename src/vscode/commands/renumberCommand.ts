import * as vscode from 'vscode';
import {
  claimedNumbersOnOtherBranches,
  describeClaims,
  nextDecisionNumber,
  numberClaimedElsewhere,
  otherBranchesUncheckedNote,
  otherBranchesUnreadable,
} from '../../core/decisions/claimedNumbers';
import { markdownNaming } from '../../core/decisions/linkingFiles';
import { planRenumber, planRetitle, RenumberPlan } from '../../core/decisions/renumber';
import { validateDecisionTitle } from '../../core/decisions/newDecision';
import { LodestarRecord } from '../../core/records/record';
import { RecordIndex } from '../../core/index/recordIndex';
import { basename, toPortPath } from '../../core/store/fileSystem';
import { recordLabel } from '../../core/records/recordLabels';
import { createGitExecutor } from '../../core/git/gitExecutor';
import type { RecordTreeNode } from '../views/recordTrees';
import { WorkspaceRecords } from '../workspaceRecords';
import { readRecordText, replaceDocuments } from '../support/documentEdits';
import { pickRecord } from './recordPicker';
import { refusedInRestrictedMode } from '../support/restrictedMode';

const NUMBER_PROBLEMS = new Set(['duplicate-number', 'number-on-other-branch']);

/**
 * `Lodestar: Renumber Decision Record…` and its quick fix on duplicate or
 * branch-claimed numbers: the next free number (here and on other branches),
 * the file renamed, its heading and every inbound link in the repository rewritten.
 */
export function registerRenumber(records: WorkspaceRecords): vscode.Disposable {
  const command = vscode.commands.registerCommand(
    'lodestar.renumberDecision',
    async (args?: { path: string; number?: number } | RecordTreeNode): Promise<string | undefined> => {
      if (refusedInRestrictedMode('rename records')) return undefined;
      await records.ready();
      let path = args && 'path' in args ? toPortPath(args.path) : args && 'type' in args && args.type === 'record' ? args.record.path : undefined;
      if (!path) {
        path = (await pickRecord({ title: 'Renumber which decision record?', candidates: records.records('decision').filter((r) => r.number !== null) }))?.path;
      }
      const index = path ? records.indexOf(path) : undefined;
      const record = path && index ? index.record(path) : undefined;
      if (!record || !index) return undefined;
      if (record.number === null) {
        void vscode.window.showInformationMessage(
          `${recordLabel(record)} has no number (its file is named by date or title, as log4brains does), so there is nothing to renumber.`,
        );
        return undefined;
      }
      const inFolder = index.records('decision').filter((r) => r.folder === record.folder);
      const claimed = await claimedNumbersOnOtherBranches(createGitExecutor(record.folder));
      const number =
        args && 'number' in args && args.number
          ? args.number
          : nextDecisionNumber(
              inFolder.map((r) => r.number),
              claimed,
            );

      const chosen = args && 'number' in args && args.number ? args.number : undefined;
      if (chosen === record.number) {
        void vscode.window.showInformationMessage(`${recordLabel(record)} already has number ${chosen}; nothing was changed.`);
        return undefined;
      }
      // A number asked for (not the next free one) is checked as `lodestar adr renumber --to` checks it.
      const taken = chosen === undefined ? undefined : inFolder.find((r) => r.number === chosen && r.path !== record.path);
      if (taken) {
        void vscode.window.showErrorMessage(`Lodestar: number ${chosen} is already used by ${basename(taken.path)}; nothing was changed.`);
        return undefined;
      }

      let plan;
      try {
        const linking = await linkingTexts(index, record);
        plan = planRenumber(record, number, linking.texts, linking.top);
      } catch (e) {
        void vscode.window.showErrorMessage(`Lodestar: ${(e as Error).message}`);
        return undefined;
      }
      const elsewhere = chosen === undefined ? [] : await numberClaimedElsewhere(createGitExecutor(record.folder), claimed, chosen, basename(plan.to));
      if (elsewhere.length > 0) {
        void vscode.window.showErrorMessage(
          `Lodestar: number ${chosen} is already used by ${describeClaims(elsewhere)}; nothing was changed. Choose another number, or renumber without one for the next number free on every branch.`,
        );
        return undefined;
      }
      if (!(await applyMove(records, record, plan))) return undefined;
      // Git is there but refused (another user's repository, a damaged ref): another branch may use the number.
      const refused = otherBranchesUnreadable(claimed);
      if (refused !== undefined) void vscode.window.showWarningMessage(`Lodestar: ${otherBranchesUncheckedNote(refused, number, 'renumber')}`);
      return plan.to;
    },
  );

  const retitle = vscode.commands.registerCommand(
    'lodestar.renameTitle',
    async (args?: { path: string; title?: string } | RecordTreeNode): Promise<string | undefined> => {
      if (refusedInRestrictedMode('change records')) return undefined;
      await records.ready();
      let path = args && 'path' in args ? toPortPath(args.path) : args && 'type' in args && args.type === 'record' ? args.record.path : undefined;
      if (!path) {
        path = (
          await pickRecord({
            title: 'Rename the title of which record?',
            candidates: [...records.records('decision'), ...records.records('design')],
            describe: (r) => `${r.kind === 'design' ? 'design doc · ' : ''}${r.status ?? 'no status'}`,
          })
        )?.path;
      }
      const index = path ? records.indexOf(path) : undefined;
      const record = path && index ? index.record(path) : undefined;
      if (!record || !index || (record.kind !== 'decision' && record.kind !== 'design')) return undefined;
      let title = args && 'title' in args ? args.title : undefined;
      title ??= await vscode.window.showInputBox({
        title: `Rename ${recordLabel(record)}`,
        prompt: 'The new title. A file named after its title is renamed to match, and links to it follow.',
        value: record.title,
        valueSelection: [0, record.title.length],
        validateInput: (v) => validateDecisionTitle(v),
      });
      if (title === undefined) return undefined;
      const problem = validateDecisionTitle(title);
      if (problem) {
        void vscode.window.showErrorMessage(`Lodestar: ${problem} Nothing was changed.`);
        return undefined;
      }
      let plan;
      try {
        const linking = await linkingTexts(index, record);
        plan = planRetitle(record, title, linking.texts, linking.top);
      } catch (e) {
        void vscode.window.showErrorMessage(`Lodestar: ${(e as Error).message} Nothing was changed.`);
        return undefined;
      }
      return (await applyMove(records, record, plan)) ? plan.to : undefined;
    },
  );

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
  return vscode.Disposable.from(command, retitle, quickFix);
}

/**
 * The texts that may link to the record, as the user sees them (unsaved editor text where there is some): its
 * folder's records, and every other Markdown file of its repository that names its file (a design doc's
 * `decisions:`, a README's list of decisions, a record in another folder).
 */
async function linkingTexts(index: RecordIndex, record: LodestarRecord): Promise<{ texts: Map<string, string>; top?: string }> {
  const texts = new Map<string, string>();
  const editorText = (p: string): string | undefined =>
    vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && toPortPath(d.uri.fsPath) === p && !d.isClosed && d.isDirty)?.getText();
  for (const r of index.records(record.kind).filter((x) => x.folder === record.folder)) {
    const open = editorText(r.path);
    if (open !== undefined) texts.set(r.path, open);
    else {
      // A file that is not valid UTF-8 is left out (never rewritten); the record itself must be readable.
      const text = await readRecordText(r.path).catch((e: Error) => (r.path === record.path ? Promise.reject(e) : undefined));
      if (text !== undefined) texts.set(r.path, text);
    }
  }
  const elsewhere = await markdownNaming(createGitExecutor(record.folder), record.path, new Set(texts.keys()), (p) =>
    Promise.resolve(editorText(p) ?? readRecordText(p).catch(() => undefined)),
  );
  for (const [p, text] of elsewhere.texts) texts.set(p, text);
  return { texts, top: elsewhere.top };
}

/** Applies a renumber or retitle: text edits, then the file's rename (never over an existing file). */
async function applyMove(records: WorkspaceRecords, record: LodestarRecord, plan: RenumberPlan): Promise<boolean> {
  const wasDirty = vscode.workspace.textDocuments.some((d) => toPortPath(d.uri.fsPath) === record.path && d.isDirty);
  const moving = plan.to !== plan.from;
  if (
    moving &&
    (await vscode.workspace.fs.stat(vscode.Uri.file(plan.to)).then(
      () => true,
      () => false,
    ))
  ) {
    void vscode.window.showErrorMessage(`Could not change ${recordLabel(record)}: ${plan.to} already exists. Nothing was changed.`);
    return false;
  }
  let ok: boolean;
  try {
    ok = await replaceDocuments(
      new Map([...plan.edits.keys()].map((p) => [p, ''])),
      (_before, p) => plan.edits.get(p),
      moving ? (edit) => edit.renameFile(vscode.Uri.file(plan.from), vscode.Uri.file(plan.to), { overwrite: false }) : undefined,
    );
  } catch (e) {
    void vscode.window.showErrorMessage(`Could not change ${recordLabel(record)}: ${(e as Error).message}`);
    return false;
  }
  if (!ok) {
    void vscode.window.showErrorMessage(`Could not change ${recordLabel(record)}: ${plan.to} may already exist. Nothing was changed.`);
    return false;
  }
  // The rename carries an open editor's text along; save it unless the user had unsaved changes.
  const moved = vscode.workspace.textDocuments.find((d) => toPortPath(d.uri.fsPath) === plan.to);
  if (moving && moved?.isDirty && !wasDirty) await moved.save();
  await records.refreshPaths([plan.from, plan.to, ...plan.edits.keys()]);
  return true;
}
