import * as vscode from 'vscode';
import { addLinkInDialect, supersedeExisting } from '../../core/decisions/recordLinks';
import { LodestarRecord } from '../../core/records/record';
import { toPortPath } from '../../core/store/fileSystem';
import { recordLabel } from '../../core/records/recordLabels';
import type { RecordTreeNode } from '../views/recordTrees';
import { WorkspaceRecords } from '../workspaceRecords';
import { replaceDocuments } from '../support/documentEdits';
import { recordStep } from './recordPicker';
import { pickStep, remembered, runSteps, Step } from '../support/stepInput';
import { refusedInRestrictedMode } from '../support/restrictedMode';

/** Verb pairs offered by Link Decision Records…; anything else can be typed. */
const VERB_PAIRS: [string, string][] = [
  ['Amends', 'Amended by'],
  ['Clarifies', 'Clarified by'],
  ['Extends', 'Extended by'],
  ['Relates to', 'Relates to'],
];

type RecordArg = RecordTreeNode | { path: string; target?: string; verb?: string; reverse?: string };

/** The record a command was given, `null` when it was given a path that is no decision record, undefined when none. */
function recordFrom(records: WorkspaceRecords, arg: RecordArg | undefined): LodestarRecord | null | undefined {
  if (!arg) return undefined;
  if ('type' in arg) return arg.type === 'record' ? arg.record : undefined;
  const path = toPortPath(arg.path);
  const found = records.indexOf(path)?.record(path);
  return found?.kind === 'decision' ? found : (unknownRecord(arg.path) ?? null);
}

function unknownRecord(path: string): undefined {
  void vscode.window.showErrorMessage(`Lodestar: ${path} is not a decision record Lodestar knows. Nothing was changed.`);
  return undefined;
}

/** A decision named by path (arguments), or undefined with a message when it names none. */
function decisionAt(records: WorkspaceRecords, path: string): LodestarRecord | undefined {
  const found = records.indexOf(toPortPath(path))?.record(toPortPath(path));
  return found?.kind === 'decision' ? found : unknownRecord(path);
}

/** The pick of a decision: the one in the active editor first and preselected, then the tree's selection, then the newest. */
function decisionStep(
  records: WorkspaceRecords,
  title: string,
  except: () => LodestarRecord | undefined,
  extra?: { label: string; description?: string; value: string }[],
): Step<LodestarRecord | string> {
  return (position) => {
    const other = except();
    const candidates = records.records('decision').filter((r) => r.path !== other?.path && (!other || r.folder === other.folder));
    return recordStep({ title, candidates, extra })(position);
  };
}

const NEW_DECISION = 'new-decision';

/** `Supersede…` and `Link Decision Records…`: both records change, each in its own dialect. */
export function registerLinkCommands(records: WorkspaceRecords, draftSuccessor: (older: LodestarRecord) => Promise<string | undefined>): vscode.Disposable {
  const supersede = vscode.commands.registerCommand('lodestar.supersedeDecision', async (arg?: RecordArg & { by?: string }): Promise<boolean> => {
    if (refusedInRestrictedMode('change records')) return false;
    await records.ready();
    const given = recordFrom(records, arg);
    if (given === null) return false;
    const by = arg && 'by' in arg ? arg.by : undefined;
    let older = given;
    let newer: LodestarRecord | undefined;
    if (by) {
      newer = decisionAt(records, by);
      if (!newer) return false;
    }
    const steps: Step<unknown>[] = [];
    if (!older)
      steps.push(
        remembered(
          decisionStep(records, 'Supersede which decision?', () => undefined),
          (v) => (older = typeof v === 'object' ? v : undefined),
        ),
      );
    if (!newer) {
      steps.push(
        decisionStep(records, 'Supersede: which record replaces it?', () => older, [
          { label: '$(add) New decision…', description: 'draft the successor now: it says Supersedes, this one says Superseded by', value: NEW_DECISION },
        ]),
      );
    }
    const answers = steps.length > 0 ? await runSteps(steps) : [];
    if (!answers || !older) return false;
    const last = answers[answers.length - 1];
    if (!newer && last === NEW_DECISION) return (await draftSuccessor(older)) !== undefined;
    if (!newer && typeof last === 'object') newer = last as LodestarRecord;
    if (!newer) return false;
    const olderRecord = older;
    const newerRecord = newer;
    // Each side changes in its own dialect; supersedeExisting keeps the pair consistent.
    const ok = await replaceDocuments(
      new Map([
        [olderRecord.path, ''],
        [newerRecord.path, ''],
      ]),
      (before, p) =>
        p === olderRecord.path ? supersedeExisting(olderRecord, before, newerRecord, '').older : supersedeExisting(olderRecord, '', newerRecord, before).newer,
    );
    if (ok) await records.refreshPaths([olderRecord.path, newerRecord.path]);
    return ok;
  });

  const link = vscode.commands.registerCommand('lodestar.linkDecisions', async (arg?: RecordArg): Promise<boolean> => {
    if (refusedInRestrictedMode('change records')) return false;
    await records.ready();
    const from = recordFrom(records, arg);
    if (from === null) return false;
    const given = arg && 'path' in arg ? arg : undefined;
    let source = from;
    let target = given?.target ? decisionAt(records, given.target) : undefined;
    if (given?.target && !target) return false;
    let verb = given?.verb;
    let reverse = given?.reverse;
    const steps: Step<unknown>[] = [];
    if (!source)
      steps.push(
        remembered(
          decisionStep(records, 'Link which decision?', () => undefined),
          (v) => (source = typeof v === 'object' ? v : undefined),
        ),
      );
    if (!target)
      steps.push(
        remembered(
          decisionStep(records, 'Link Decision Records: to which record?', () => source),
          (v) => (target = typeof v === 'object' ? v : undefined),
        ),
      );
    let pair: [string, string] | undefined;
    if (!verb || !reverse) {
      steps.push(
        remembered(
          (position) =>
            pickStep<[string, string] | undefined>({
              title: `Link ${source ? recordLabel(source) : ''} … ${target ? recordLabel(target) : ''}`,
              placeholder: 'The link from this record / the link back',
              items: () => [
                ...VERB_PAIRS.map(([v, r]) => ({ label: `${v} / ${r}`, value: [v, r] as [string, string] })),
                { label: 'Other…', value: undefined },
              ],
            })(position),
          (v) => (pair = v[0]),
        ),
      );
    }
    if ((await runSteps(steps)) === undefined || !source || !target) return false;
    if (!verb || !reverse) {
      if (!pair) {
        const typed = await vscode.window.showInputBox({
          title: 'Link Decision Records',
          prompt: 'The link and the link back, separated by "/" (e.g. Refines / Refined by)',
          validateInput: (v) => (/^[\p{L} -]{2,40}\/[\p{L} -]{2,40}$/u.test(v.trim()) ? undefined : 'Two phrases of letters separated by "/"'),
        });
        if (!typed) return false;
        const [a, b] = typed.split('/').map((s) => s.trim());
        pair = [a, b];
      }
      [verb, reverse] = pair;
    }
    const forward = verb;
    const back = reverse;
    const [from_, to] = [source, target];
    const ok = await replaceDocuments(
      new Map([
        [from_.path, ''],
        [to.path, ''],
      ]),
      (before, p) => (p === from_.path ? addLinkInDialect(from_, before, forward, to) : addLinkInDialect(to, before, back, from_)),
    );
    if (ok) await records.refreshPaths([from_.path, to.path]);
    return ok;
  });
  return vscode.Disposable.from(supersede, link);
}
