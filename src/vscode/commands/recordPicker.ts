import * as vscode from 'vscode';
import { LodestarRecord } from '../../core/records/record';
import { recordsForPicking } from '../../core/listing/recordChoice';
import { recordLabel } from '../../core/records/recordLabels';
import { toPortPath } from '../../core/store/fileSystem';
import type { RecordTreeNode } from '../views/recordTrees';
import { tracked } from '../support/quickInputs';
import { Step } from '../support/stepInput';

/** The record row last selected in a Lodestar tree (Decisions, Design Docs). */
let selectedPath: string | undefined;

/** Follows a tree's selection, for commands run from the palette. */
export function followTreeSelection(view: vscode.TreeView<RecordTreeNode>): vscode.Disposable {
  return view.onDidChangeSelection((e) => {
    const row = e.selection[0];
    if (row?.type === 'record') selectedPath = row.record.path;
  });
}

/** The file in the active editor, as the index names paths. */
export function activeEditorPath(): string | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri?.scheme === 'file' ? toPortPath(uri.fsPath) : undefined;
}

interface RecordItem extends vscode.QuickPickItem {
  record: LodestarRecord;
}

export interface RecordPickOptions {
  title: string;
  placeholder?: string;
  candidates: readonly LodestarRecord[];
  describe?: (r: LodestarRecord) => string;
  /** Extra rows after the record in front of the user (e.g. "New decision…"), returned by value. */
  extra?: { label: string; description?: string; value: string }[];
}

/**
 * A record pick as a flow step: the record in the active editor first and
 * preselected (Enter takes it), then the tree's selection, then the newest.
 */
export function recordStep(options: RecordPickOptions): Step<LodestarRecord | string> {
  return ({ step, total }) =>
    new Promise((resolve) => {
      const pick = tracked(vscode.window.createQuickPick<RecordItem | (vscode.QuickPickItem & { value: string })>());
      pick.title = options.title;
      pick.placeholder = options.placeholder ?? 'Type to filter by number, title or status';
      pick.step = step;
      pick.totalSteps = total;
      pick.matchOnDescription = true;
      pick.ignoreFocusOut = true;
      if (step > 1) pick.buttons = [vscode.QuickInputButtons.Back];
      const ordered = recordsForPicking(options.candidates, { editor: activeEditorPath(), selection: selectedPath });
      const describe = options.describe ?? ((r: LodestarRecord) => r.status ?? 'no status');
      const rows: (RecordItem | (vscode.QuickPickItem & { value: string }))[] = ordered.map(({ record, context }) => ({
        label: recordLabel(record),
        description: [context === 'editor' ? 'open in the editor' : context === 'selection' ? 'selected in the tree' : '', describe(record)]
          .filter(Boolean)
          .join(' · '),
        record,
      }));
      const infront = ordered[0]?.context ? 1 : 0;
      const extra = (options.extra ?? []).map((e) => ({ label: e.label, description: e.description, value: e.value, alwaysShow: true }));
      pick.items = [
        ...rows.slice(0, infront),
        ...extra,
        ...(rows.length > infront
          ? [{ label: infront ? 'Newest first' : 'Newest first', kind: vscode.QuickPickItemKind.Separator } as vscode.QuickPickItem & { value: string }]
          : []),
        ...rows.slice(infront),
      ];
      const first = pick.items.find((i) => i.kind !== vscode.QuickPickItemKind.Separator);
      if (first) pick.activeItems = [first];
      let done = false;
      const finish = (v: LodestarRecord | string | 'back' | undefined): void => {
        if (done) return;
        done = true;
        resolve(v);
        pick.dispose();
      };
      pick.onDidAccept(() => {
        const item = pick.activeItems[0];
        if (!item) return;
        finish('record' in item ? item.record : item.value);
      });
      pick.onDidTriggerButton(() => finish('back'));
      pick.onDidHide(() => finish(undefined));
      pick.show();
    });
}

/** One record pick on its own (no other steps); undefined when cancelled. */
export async function pickRecord(options: RecordPickOptions): Promise<LodestarRecord | undefined> {
  const picked = await recordStep(options)({ step: 1, total: 1 });
  return typeof picked === 'object' ? picked : undefined;
}
