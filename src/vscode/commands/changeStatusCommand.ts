import * as vscode from 'vscode';
import { DECISION_STATUSES, statusChoices } from '../../core/decisions/status';
import { setDecisionStatus } from '../../core/decisions/newDecision';
import { setFrontMatterValue } from '../../core/records/frontMatterEdit';
import { DESIGN_STATUSES } from '../../core/design/designParser';
import { LodestarRecord } from '../../core/records/record';
import { recordLabel, statusLabel } from '../../core/records/recordLabels';
import { toPortPath } from '../../core/store/fileSystem';
import type { RecordTreeNode } from '../views/recordTrees';
import { WorkspaceRecords } from '../workspaceRecords';
import { replaceDocuments } from '../support/documentEdits';
import { recordStep } from './recordPicker';
import { inputStep, pickStep, remembered, runSteps, Step } from '../support/stepInput';
import { refusedInRestrictedMode } from '../support/restrictedMode';

/** A tree row, or `{ path, status }` to skip the prompts (tests, keybindings). */
type ChangeStatusArgs = RecordTreeNode | { path: string; status?: string };

/**
 * `Lodestar: Change Status…` for decisions and design docs: the status is
 * edited in place in the record's own dialect and nothing else changes. An
 * open, unsaved document is edited in its editor and left unsaved.
 */
export function registerChangeStatusCommand(records: WorkspaceRecords): vscode.Disposable {
  return vscode.commands.registerCommand('lodestar.changeStatus', async (args?: ChangeStatusArgs): Promise<boolean> => {
    if (refusedInRestrictedMode('change records')) return false;
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
    if (!record || !status) {
      const given = record;
      let picked: LodestarRecord | undefined = record;
      const steps: Step<unknown>[] = [];
      if (!given) {
        steps.push(
          remembered(
            recordStep({
              title: 'Change Status: which record?',
              candidates: [...records.records('decision'), ...records.records('design')],
              describe: (r) => `${r.kind === 'design' ? 'design doc · ' : ''}${r.status ?? 'no status'}`,
            }),
            (v) => (picked = typeof v === 'object' ? v : undefined),
          ),
        );
      }
      steps.push((position) => statusStep(records, picked as LodestarRecord)(position));
      const answers = await runSteps(steps);
      if (!answers || !picked) return false;
      record = picked;
      status = answers[answers.length - 1] as string;
    }
    if (!record || (record.kind !== 'decision' && record.kind !== 'design')) return false;
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

/** The status step: the standard words, then the ones the record's folder already uses; "Other…" asks for a word of the team's own. */
function statusStep(records: WorkspaceRecords, record: LodestarRecord): Step<string> {
  return async (position) => {
    const standard: readonly string[] = record.kind === 'design' ? DESIGN_STATUSES : DECISION_STATUSES.filter((s) => s !== 'superseded');
    const used = records
      .records(record.kind)
      .filter((r) => r.folder === record.folder)
      .map((r) => r.status);
    const picked = await pickStep<string>({
      title: `Change Status of ${recordLabel(record)}`,
      placeholder: `Now: ${statusLabel(record.status)}`,
      items: () => [
        ...statusChoices(standard, used, record.status).map((c) => ({
          label: statusLabel(c.status),
          description: c.standard ? '' : `used in this folder (${c.uses})`,
          value: c.status,
        })),
        { label: 'Other…', description: 'a status of your own', value: '' },
      ],
    })(position);
    if (picked === undefined || picked === 'back') return picked;
    if (picked[0]) return picked[0];
    const typed = await inputStep({
      title: `Change Status of ${recordLabel(record)}`,
      prompt: 'The status, as your team writes it',
      validate: (v) => (/^[\p{L}\p{N} -]{1,40}$/u.test(v.trim()) ? undefined : 'Letters, digits, spaces and dashes, up to 40'),
    })(position);
    if (typed === undefined || typed === 'back') return typed;
    return typed.trim().toLowerCase() || undefined;
  };
}
