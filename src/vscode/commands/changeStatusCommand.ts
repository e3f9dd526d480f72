import * as vscode from 'vscode';
import { DECISION_STATUSES } from '../../core/decisions/status';
import { setDecisionStatus } from '../../core/decisions/newDecision';
import { setFrontMatterValue } from '../../core/records/frontMatterEdit';
import { DESIGN_STATUSES } from '../../core/design/designParser';
import { LodestarRecord } from '../../core/records/record';
import { compareRecords, recordLabel, statusLabel } from '../../core/tree/recordGroups';
import { toPortPath } from '../../core/store/fileSystem';
import type { RecordTreeNode } from '../views/recordTrees';
import { WorkspaceRecords } from '../workspaceRecords';
import { replaceDocuments } from './documentEdits';

/** A tree row, or `{ path, status }` to skip the prompts (tests, keybindings). */
type ChangeStatusArgs = RecordTreeNode | { path: string; status?: string };

/**
 * `Lodestar: Change Status…` for decisions and design docs: the status is
 * edited in place in the record's own dialect and nothing else changes. An
 * open, unsaved document is edited in its editor and left unsaved.
 */
export function registerChangeStatusCommand(records: WorkspaceRecords): vscode.Disposable {
  return vscode.commands.registerCommand('lodestar.changeStatus', async (args?: ChangeStatusArgs): Promise<boolean> => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Lodestar does not change records in Restricted Mode. Trust this workspace to write files.');
      return false;
    }
    await records.ready();
    let record: LodestarRecord | undefined;
    let status: string | undefined;
    if (args && 'type' in args && args.type === 'record') record = args.record;
    else if (args && 'path' in args) {
      record = records.indexOf(toPortPath(args.path))?.record(toPortPath(args.path));
      status = args.status;
      if (!record) {
        void vscode.window.showErrorMessage(`Lodestar: ${args.path} is not a record Lodestar knows. Nothing was changed.`);
        return false;
      }
    }
    record ??= await pickRecord(records);
    if (!record || (record.kind !== 'decision' && record.kind !== 'design')) return false;
    status ??= await pickStatus(record);
    if (!status) return false;

    const target = record;
    const chosen = status;
    let unchanged = false;
    const ok = await replaceDocuments(new Map([[record.path, '']]), (before) => {
      const after = target.kind === 'design' ? setFrontMatterValue(before, 'status', chosen) : setDecisionStatus(target, before, chosen);
      unchanged = after === undefined || after === before;
      return after;
    });
    if (unchanged) {
      void vscode.window.showWarningMessage(`${recordLabel(record)} has no status Lodestar can change (no Status section or status field).`);
      return false;
    }
    if (!ok) return false;
    await records.refreshPaths([record.path]);
    return true;
  });
}

async function pickRecord(records: WorkspaceRecords): Promise<LodestarRecord | undefined> {
  const candidates = [...records.records('decision'), ...records.records('design')].sort(compareRecords);
  const picked = await vscode.window.showQuickPick(
    candidates.map((r) => ({ label: recordLabel(r), description: `${r.kind === 'design' ? 'design doc · ' : ''}${r.status ?? 'no status'}`, record: r })),
    { title: 'Change Status: which record?', matchOnDescription: true },
  );
  return picked?.record;
}

async function pickStatus(record: LodestarRecord): Promise<string | undefined> {
  const vocabulary: readonly string[] = record.kind === 'design' ? DESIGN_STATUSES : DECISION_STATUSES.filter((s) => s !== 'superseded');
  const items = [
    ...vocabulary.filter((s) => s !== record.status).map((s) => ({ label: statusLabel(s), status: s })),
    { label: 'Other…', status: '' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `Change Status of ${recordLabel(record)}`, placeHolder: `Now: ${statusLabel(record.status)}` });
  if (!picked) return undefined;
  if (picked.status) return picked.status;
  const typed = await vscode.window.showInputBox({ title: 'Change Status', prompt: 'The status, as your team writes it', validateInput: (v) => (/^[\p{L}\p{N} -]{1,40}$/u.test(v.trim()) ? undefined : 'Letters, digits, spaces and dashes, up to 40') });
  return typed?.trim().toLowerCase() || undefined;
}
