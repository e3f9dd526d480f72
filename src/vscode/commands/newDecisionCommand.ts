import * as vscode from 'vscode';
import { claimedNumbersOnOtherBranches, nextDecisionNumber, otherBranchesUncheckedNote, otherBranchesUnreadable } from '../../core/decisions/claimedNumbers';
import { decisionFileName, folderDialect, planNewDecision, supersedeText, validateDecisionTitle, WriteDialect } from '../../core/decisions/newDecision';
import { statusChoices } from '../../core/decisions/status';
import { folderLanguage, LANGUAGE_SAMPLE } from '../../core/decisions/folderLanguage';
import { RecordLanguage } from '../../core/decisions/recordLanguage';
import { addLinkInDialect } from '../../core/decisions/recordLinks';
import { addDecisionToDesign, linkDecisionToDesign } from '../../core/design/promoteDesignDoc';
import type { RecordTreeNode } from '../views/recordTrees';
import { createGitExecutor } from '../../core/git/gitExecutor';
import { relativeTo, toPortPath } from '../../core/store/fileSystem';
import { LodestarRecord } from '../../core/records/record';
import { compareRecords, recordLabel, statusLabel } from '../../core/records/recordLabels';
import { WorkspaceRecords } from '../workspaceRecords';
import { replaceDocuments, showAtLine, templateInside } from '../support/documentEdits';
import { today } from '../../core/records/calendar';
import { inputStep, pickStep, runSteps } from '../support/stepInput';
import { parseAppliesToInput, withAppliesTo } from '../../core/governance/appliesToText';
import { refusedInRestrictedMode } from '../support/restrictedMode';
import { chooseFolder, FolderChoice } from '../support/decisionFolderPick';

/** Arguments that skip the prompts (tests, keybindings, other extensions). */
export interface NewDecisionArgs {
  /** `applies-to` globs, relative to the repository root. */
  appliesTo?: string[];
  title: string;
  folder?: string;
  supersedes?: string[];
  /** Records the new one "Relates to" (both ways). */
  links?: string[];
  /** Promote to Decision Record: the design doc the decision comes from (linked both ways). */
  fromDesign?: string;
  status?: string;
  deciders?: string[];
}

const STATUS_CHOICES = ['proposed', 'accepted', 'draft'];

/** `Lodestar: New Decision Record…` — returns the new file's path, or undefined when nothing was written. */
export function registerNewDecisionCommand(records: WorkspaceRecords, log: vscode.OutputChannel, folderOfActiveFile?: FolderOfFile): vscode.Disposable {
  const newDecision = vscode.commands.registerCommand('lodestar.newDecision', (args?: NewDecisionArgs) =>
    draftDecision(records, log, args, undefined, undefined, folderOfActiveFile),
  );
  const promote = vscode.commands.registerCommand(
    'lodestar.promoteToDecision',
    async (arg?: RecordTreeNode | (Partial<NewDecisionArgs> & { path: string })): Promise<string | undefined> => {
      if (refusedInRestrictedMode('create decision records')) return undefined;
      await records.ready();
      let design: LodestarRecord | undefined;
      if (arg && 'type' in arg) design = arg.type === 'record' ? arg.record : undefined;
      else if (arg) {
        const path = toPortPath(arg.path);
        design = records.indexOf(path)?.record(path);
        if (design?.kind !== 'design') {
          void vscode.window.showErrorMessage(`Lodestar: ${arg.path} is not a design doc Lodestar knows. Nothing was written.`);
          return undefined;
        }
      } else {
        const picked = await vscode.window.showQuickPick(
          records
            .records('design')
            .sort(compareRecords)
            .map((r) => ({ label: r.title, description: r.status ?? '', record: r })),
          { title: 'Promote which design doc to a decision record?' },
        );
        design = picked?.record;
      }
      if (!design || design.kind !== 'design') return undefined;
      const given = arg && !('type' in arg) ? arg : undefined;
      return draftDecision(
        records,
        log,
        given?.title ? { ...given, title: given.title, fromDesign: design.path } : undefined,
        design,
        undefined,
        folderOfActiveFile,
      );
    },
  );
  return vscode.Disposable.from(newDecision, promote);
}

/** Supersede's "New decision…": the New Decision steps in the older record's folder, the older one superseded. */
export function draftSuccessor(records: WorkspaceRecords, log: vscode.OutputChannel, older: LodestarRecord): Promise<string | undefined> {
  return draftDecision(records, log, undefined, undefined, { supersedes: older, heading: `Supersede ${recordLabel(older)}: new decision` });
}

/** A file's folder relative to its repository's top (`src/payments`), '' at the top, undefined outside every folder. */
export type FolderOfFile = (path: string) => string | undefined;

/** "Applies to…" starts with the active editor's folder (`src/payments/**`), unless that file is a record or at the top. */
function appliesToPrefill(records: WorkspaceRecords, folderOf?: FolderOfFile): string {
  const uri = vscode.window.activeTextEditor?.document.uri;
  if (!folderOf || uri?.scheme !== 'file') return '';
  const path = toPortPath(uri.fsPath);
  if (records.indexOf(path)?.folderOf(path)) return '';
  const folder = folderOf(path);
  return folder ? `${folder}/**` : '';
}

/** New Decision Record, and Promote to Decision Record when `design` is given. */
async function draftDecision(
  records: WorkspaceRecords,
  log: vscode.OutputChannel,
  args?: NewDecisionArgs,
  fromDesign?: LodestarRecord,
  successorOf?: { supersedes: LodestarRecord; heading: string },
  folderOfActiveFile?: FolderOfFile,
): Promise<string | undefined> {
  if (refusedInRestrictedMode('create decision records')) return undefined;
  await records.ready();
  const choice = successorOf ? folderOf(records, successorOf.supersedes) : await chooseFolder(records, args);
  if (!choice) return undefined;
  const design = fromDesign ?? (args?.fromDesign ? records.indexOf(toPortPath(args.fromDesign))?.record(toPortPath(args.fromDesign)) : undefined);
  if (args?.fromDesign && design?.kind !== 'design') {
    void vscode.window.showErrorMessage(`Lodestar: ${args.fromDesign} is not a design doc Lodestar knows. Nothing was written.`);
    return undefined;
  }
  const inFolder = choice.index.records('decision').filter((r) => r.folder === choice.folder);

  const claimed = await claimedNumbersOnOtherBranches(createGitExecutor(choice.folder));
  const number = nextDecisionNumber(
    inFolder.map((r) => r.number),
    claimed,
  );
  const { dialect, template, language } = await writeStyle(choice, inFolder);
  // Git is there but refused (another user's repository, a damaged ref): the number may be taken on a branch not seen.
  const refused = otherBranchesUnreadable(claimed);
  const unchecked = refused === undefined ? undefined : otherBranchesUncheckedNote(refused, number, 'new');

  let title: string;
  let supersedes: LodestarRecord[];
  let links: LodestarRecord[];
  let status: string;
  let deciders: string[];
  let appliesTo: string[] = args?.appliesTo ?? [];
  if (args) {
    title = args.title;
    const problem = validateDecisionTitle(title);
    if (problem) {
      void vscode.window.showErrorMessage(problem);
      return undefined;
    }
    supersedes = inFolder.filter((r) => (args.supersedes ?? []).map(toPortPath).includes(r.path));
    links = inFolder.filter((r) => (args.links ?? []).map(toPortPath).includes(r.path) && !supersedes.includes(r));
    status = args.status ?? 'proposed';
    deciders = args.deciders ?? [];
  } else {
    const heading = successorOf?.heading ?? 'New Decision Record';
    const preset = successorOf ? [successorOf.supersedes] : undefined;
    let typedTitle = '';
    // The title step says what will be written: the number and the file name.
    const fileFor = (t: string): string => `${relativeTo(choice.index.root, choice.folder)}/${decisionFileName(number, t.trim() === '' ? 'title' : t.trim())}`;
    const values = await runSteps([
      inputStep({
        title: heading,
        prompt: `Title of decision ${number}, in ${choice.label}`,
        placeholder: 'e.g. Use PostgreSQL for the orders service',
        value: () => typedTitle || (design?.title ?? ''),
        // Said before anything is written: the number may clash with a record on a branch git would not show.
        describe: (v) => `Decision ${number} · written as ${fileFor(v)}${unchecked ? `. ⚠ ${unchecked[0].toUpperCase()}${unchecked.slice(1)}` : ''}`,
        validate: (v) => {
          typedTitle = v;
          return validateDecisionTitle(v);
        },
      }),
      ...(preset
        ? []
        : [
            pickStep({
              title: `${heading}: supersedes (optional)`,
              placeholder: 'Pick the records this one replaces, or press Enter for none',
              many: true,
              items: () =>
                [...inFolder]
                  .filter((r) => r.status !== 'superseded')
                  .sort(compareRecords)
                  .map((r) => ({ label: recordLabel(r), description: r.status ?? '', value: r })),
            }),
          ]),
      pickStep({
        title: `${heading}: links (optional)`,
        placeholder: 'Pick records this one relates to (linked both ways), or press Enter for none',
        many: true,
        items: () =>
          [...inFolder]
            .filter((r) => !preset?.includes(r))
            .sort(compareRecords)
            .map((r) => ({ label: recordLabel(r), description: r.status ?? '', value: r })),
      }),
      pickStep({
        title: `${heading}: status`,
        placeholder: 'Status of the new record (the folder’s own words follow the standard ones)',
        items: () =>
          statusChoices(
            STATUS_CHOICES,
            inFolder.map((r) => r.status),
          ).map((c) => ({
            label: statusLabel(c.status),
            description: c.standard ? '' : `used in this folder (${c.uses})`,
            value: c.status,
          })),
      }),
      inputStep({
        title: `${heading}: deciders (optional)`,
        prompt: 'Who decides, separated by commas; Enter to skip',
        placeholder: 'e.g. Dana Lead, Sam Staff',
      }),
      appliesToStep(heading, appliesToPrefill(records, folderOfActiveFile)),
    ]);
    if (!values) return undefined;
    const answers = preset ? [values[0], preset, ...values.slice(1)] : values;
    title = answers[0] as string;
    if (validateDecisionTitle(title)) return undefined;
    supersedes = answers[1] as LodestarRecord[];
    links = (answers[2] as LodestarRecord[]).filter((r) => !supersedes.includes(r));
    status = ((answers[3] as string[])[0] ?? 'proposed') as string;
    deciders = (answers[4] as string)
      .split(',')
      .map((d) => d.trim())
      .filter(Boolean);
    appliesTo = parseAppliesToInput(answers[5] as string);
  }

  const plan = planNewDecision({ folder: choice.folder, number, title, date: today(), status, deciders, supersedes, dialect, template, language });

  const newUri = vscode.Uri.file(plan.create.path);
  const successor = { number, title, path: plan.create.path };
  // The new record as the index will read it, so links are written in its dialect and theirs.
  const created: LodestarRecord = {
    ...successor,
    kind: 'decision',
    folder: choice.folder,
    status,
    date: null,
    dialect: dialect === 'madr' && !template ? 'madr4' : dialect === 'madr2' && !template ? 'madr2' : 'nygard',
    links: [],
    pullRequests: [],
    private: false,
    people: deciders,
    titleLine: 1,
  };
  let content = plan.create.content;
  for (const target of links) content = addLinkInDialect(created, content, 'Relates to', target);
  // Links written into a Nygard Status section push the first section down by as many lines.
  let cursorLine = plan.cursorLine + (created.dialect === 'nygard' ? content.split('\n').length - plan.create.content.split('\n').length : 0);
  if (design) {
    const linked = linkDecisionToDesign(content, plan.create.path, design);
    content = linked.text;
    if (linked.insertedAt < cursorLine) cursorLine += 2;
  }
  // applies-to goes into front matter at the top: the cursor's line moves down with it.
  const linesBefore = content.split('\n').length;
  content = withAppliesTo(content, appliesTo);
  cursorLine += content.split('\n').length - linesBefore;
  // Checked before any record changes, so a name taken since the last index (a `git pull`) changes nothing.
  if (
    await vscode.workspace.fs.stat(newUri).then(
      () => true,
      () => false,
    )
  ) {
    void vscode.window.showErrorMessage(
      `Could not create ${relativeTo(choice.index.root, plan.create.path)}: a file of that name already exists. Nothing was changed.`,
    );
    return undefined;
  }
  const byPath = new Map([...supersedes, ...links].map((r) => [r.path, r]));
  const edits = new Map([...byPath.keys()].map((p) => [p, '']));
  let designProblem: string | undefined;
  if (design) edits.set(design.path, '');
  const ok = await replaceDocuments(
    edits,
    (before, p) => {
      if (design && p === design.path) {
        const edited = addDecisionToDesign(before, design, plan.create.path);
        designProblem = edited.problem;
        return edited.text;
      }
      const old = byPath.get(p) as LodestarRecord;
      return supersedes.includes(old) ? supersedeText(old, before, successor) : addLinkInDialect(old, before, 'Relates to', created);
    },
    (edit) => edit.createFile(newUri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(content) }),
  );
  if (designProblem)
    void vscode.window.showWarningMessage(`Lodestar: the decision links to ${design?.title}, but the design doc could not list it: ${designProblem}`);
  if (!ok) {
    void vscode.window.showErrorMessage(
      `Could not create ${relativeTo(choice.index.root, plan.create.path)}: a file of that name may already exist. Nothing was changed.`,
    );
    return undefined;
  }
  log.appendLine(`Created ${plan.create.path}${supersedes.length ? `, superseding ${supersedes.map((s) => s.path).join(', ')}` : ''}.`);
  if (unchecked !== undefined) {
    log.appendLine(`${relativeTo(choice.index.root, plan.create.path)}: ${unchecked}`);
    void vscode.window.showWarningMessage(`Lodestar: ${unchecked}`);
  }
  await records.refreshPaths([plan.create.path, ...edits.keys()]);
  await showAtLine(newUri, cursorLine);
  return plan.create.path;
}

/** The decision folder a record lives in. */
function folderOf(records: WorkspaceRecords, record: LodestarRecord): FolderChoice | undefined {
  const index = records.indexOf(record.path);
  if (!index) return undefined;
  return {
    index,
    folder: record.folder,
    label: `${records.indexes().length > 1 ? `${records.indexes().find((i) => i.index === index)?.folder.name ?? ''}: ` : ''}${relativeTo(index.root, record.folder)}`,
  };
}

async function writeStyle(choice: FolderChoice, inFolder: LodestarRecord[]): Promise<{ dialect: WriteDialect; template?: string; language?: RecordLanguage }> {
  const setting = vscode.workspace.getConfiguration('lodestar', vscode.Uri.file(choice.index.root)).get<string>('decisions.template', 'auto');
  if (setting === 'nygard' || setting === 'madr') return withLanguage(setting, inFolder);
  const project = setting && setting !== 'auto' ? templateInside(choice.index.root, setting) : vscode.Uri.file(`${choice.folder}/templates/template.md`);
  if (!project) return withLanguage(folderDialect(inFolder), inFolder);
  try {
    return { dialect: 'nygard', template: new TextDecoder().decode(await vscode.workspace.fs.readFile(project)) };
  } catch {
    return withLanguage(folderDialect(inFolder), inFolder);
  }
}

/**
 * adr-tools' template, and MADR's sections, follow the language of the folder's newest records (`## Kontext` →
 * German): the highest numbers, or the latest dates where records have no number (log4brains).
 */
async function withLanguage(dialect: WriteDialect, inFolder: LodestarRecord[]): Promise<{ dialect: WriteDialect; language?: RecordLanguage }> {
  const newest = [...inFolder].sort((a, b) => (b.number ?? -1) - (a.number ?? -1) || (b.date ?? '').localeCompare(a.date ?? '')).slice(0, LANGUAGE_SAMPLE);
  const texts = await Promise.all(
    newest.map((r) =>
      vscode.workspace.fs.readFile(vscode.Uri.file(r.path)).then(
        (bytes) => new TextDecoder().decode(bytes),
        () => '',
      ),
    ),
  );
  return { dialect, language: folderLanguage(texts) };
}

/** "Applies to…": the code the decision governs, as globs; prefilled with the active editor's folder. */
function appliesToStep(heading: string, prefill: string) {
  return inputStep({
    title: `${heading}: applies to… (optional)`,
    prompt: 'The code this decision governs: globs from the repository root, separated by commas, ! to exclude; Enter to skip',
    placeholder: 'e.g. src/payments/**, !src/payments/legacy/**',
    value: () => prefill,
  });
}
