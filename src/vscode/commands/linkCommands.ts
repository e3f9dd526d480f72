import * as vscode from 'vscode';
import { addLinkInDialect, supersedeExisting } from '../../core/decisions/recordLinks';
import { LodestarRecord } from '../../core/records/record';
import { toPortPath } from '../../core/store/fileSystem';
import { compareRecords, recordLabel } from '../../core/tree/recordGroups';
import type { RecordTreeNode } from '../views/recordTrees';
import { WorkspaceRecords } from '../workspaceRecords';
import { replaceDocuments } from './documentEdits';

/** Verb pairs offered by Link Decision Records…; anything else can be typed. */
const VERB_PAIRS: [string, string][] = [
  ['Amends', 'Amended by'],
  ['Clarifies', 'Clarified by'],
  ['Extends', 'Extended by'],
  ['Relates to', 'Relates to'],
];

type RecordArg = RecordTreeNode | { path: string; target?: string; verb?: string; reverse?: string };

function refused(): boolean {
  if (vscode.workspace.isTrusted) return false;
  void vscode.window.showWarningMessage('Lodestar does not change records in Restricted Mode. Trust this workspace to write files.');
  return true;
}

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

async function pickDecision(records: WorkspaceRecords, title: string, except: LodestarRecord | undefined, path?: string): Promise<LodestarRecord | undefined> {
  if (path) {
    const found = records.indexOf(toPortPath(path))?.record(toPortPath(path));
    return found?.kind === 'decision' ? found : unknownRecord(path);
  }
  const candidates = records
    .records('decision')
    .filter((r) => r.path !== except?.path && (!except || r.folder === except.folder))
    .sort(compareRecords);
  const picked = await vscode.window.showQuickPick(candidates.map((r) => ({ label: recordLabel(r), description: r.status ?? '', record: r })), { title });
  return picked?.record;
}

/** `Supersede…` and `Link Decision Records…`: both records change, each in its own dialect. */
export function registerLinkCommands(records: WorkspaceRecords): vscode.Disposable {
  const supersede = vscode.commands.registerCommand('lodestar.supersedeDecision', async (arg?: RecordArg & { by?: string }): Promise<boolean> => {
    if (refused()) return false;
    await records.ready();
    const given = recordFrom(records, arg);
    if (given === null) return false;
    const older = given ?? (await pickDecision(records, 'Supersede which decision?', undefined));
    if (!older) return false;
    const newer = await pickDecision(records, `Which record supersedes ${recordLabel(older)}?`, older, arg && 'by' in arg ? arg.by : undefined);
    if (!newer || newer.number === null) return false;
    // Each side changes in its own dialect; supersedeExisting keeps the pair consistent.
    const ok = await replaceDocuments(new Map([[older.path, ''], [newer.path, '']]), (before, p) =>
      p === older.path ? supersedeExisting(older, before, newer, '').older : supersedeExisting(older, '', newer, before).newer,
    );
    if (ok) await records.refreshPaths([older.path, newer.path]);
    return ok;
  });

  const link = vscode.commands.registerCommand('lodestar.linkDecisions', async (arg?: RecordArg): Promise<boolean> => {
    if (refused()) return false;
    await records.ready();
    const from = recordFrom(records, arg);
    if (from === null) return false;
    const source = from ?? (await pickDecision(records, 'Link which decision?', undefined));
    if (!source) return false;
    const given = arg && 'path' in arg ? arg : undefined;
    const target = await pickDecision(records, `Link ${recordLabel(source)} to…`, source, given?.target);
    if (!target) return false;
    let verb = given?.verb;
    let reverse = given?.reverse;
    if (!verb || !reverse) {
      const picked = await vscode.window.showQuickPick(
        [...VERB_PAIRS.map(([v, r]) => ({ label: `${v} / ${r}`, pair: [v, r] as [string, string] })), { label: 'Other…', pair: undefined }],
        { title: `${recordLabel(source)} … ${recordLabel(target)}`, placeHolder: 'The link from this record / the link back' },
      );
      if (!picked) return false;
      let pair = picked.pair;
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
    const ok = await replaceDocuments(new Map([[source.path, ''], [target.path, '']]), (before, p) =>
      p === source.path ? addLinkInDialect(source, before, forward, target) : addLinkInDialect(target, before, back, source),
    );
    if (ok) await records.refreshPaths([source.path, target.path]);
    return ok;
  });
  return vscode.Disposable.from(supersede, link);
}
