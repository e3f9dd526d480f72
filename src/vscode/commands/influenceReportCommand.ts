import * as vscode from 'vscode';
import { recordsWithCanonicalPullRequests } from '../canonicalRecords';
import {
  isNamedPeriod,
  linksFrom,
  NAMED_PERIODS,
  NamedPeriod,
  namedPeriod,
  periodName,
  periodProblem,
  dateProblem,
  freeFileName,
  reportFileName,
} from '../../core/influence/reportPeriods';
import { Period, today as currentDay } from '../../core/records/calendar';
import { buildInfluenceReport } from '../../core/influence/report';
import { pullRequestDatesOf, statusDatesOf } from '../historyDates';
import { renderInfluenceMarkdown } from '../../core/influence/reportMarkdown';
import { PermanentLinks, permanentLinks, readLinkedFolder } from '../../core/influence/reportLinks';
import { createGitExecutor } from '../../core/git/gitExecutor';
import { readRemotes } from '../../core/pulls/remotes';
import { personKey } from '../../core/people/personScope';
import { privateFolderProblem } from '../../core/people/privateNotebook';
import { LodestarRecord } from '../../core/records/record';
import { joinPath, toPortPath } from '../../core/store/fileSystem';
import { readReminderSettings } from '../settings';
import { WorkspaceFileSystem } from '../workspaceFileSystem';
import { WorkspaceRecords } from '../workspaceRecords';
import { refusedInRestrictedMode } from '../support/restrictedMode';

/** The command's arguments (tests, the dashboard's button); without them it asks. */
export interface InfluenceReportArgs {
  /** A named period (`this-quarter`, `last-quarter`, `this-year`) or dates; default this quarter. */
  period?: NamedPeriod | Period;
  /** A mentee's handle: only their work. Absent: every record ("me"). */
  person?: string;
  /** The private notebook (default) or the workspace's `docs/reports/`. */
  target?: 'notebook' | 'workspace';
  /** With `workspace` and several folders: the folder's path (default the first). */
  folder?: string;
}

interface ReportChoice {
  period: Period;
  person?: string;
  target: 'notebook' | 'workspace';
  folder?: string;
}

/** The folder reports go to, under the private notebook or a workspace folder. */
const NOTEBOOK_REPORTS = 'reports';
const WORKSPACE_REPORTS = 'docs/reports';

const fileSystem = new WorkspaceFileSystem();

/**
 * `Lodestar: Generate Influence Report…`: a period, a scope (every record, or
 * one mentee) and a place (the private notebook by default, or the
 * workspace); writes the Markdown report there, never over an existing file,
 * and opens it. Links to evidence are relative to the report's own folder.
 */
export function registerInfluenceReportCommand(records: WorkspaceRecords, log: vscode.OutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand('lodestar.generateInfluenceReport', async (args?: InfluenceReportArgs): Promise<string | undefined> => {
    // Like every command that writes, refused in Restricted Mode (the dashboard shows the same period without writing).
    if (refusedInRestrictedMode('write reports', 'Trust this workspace, or open the dashboard to see the period.')) return undefined;
    await records.ready();
    const today = currentDay();
    const choice = args ? choiceFromArgs(args, today) : await ask(records, today);
    if (!choice) return undefined;
    try {
      return await writeReport(records, choice, today);
    } catch (e) {
      log.appendLine(`Writing the influence report failed: ${(e as Error).stack ?? String(e)}`);
      void vscode.window.showErrorMessage(`Lodestar: could not write the influence report: ${(e as Error).message}`);
      return undefined;
    }
  });
}

function choiceFromArgs(args: InfluenceReportArgs, today: string): ReportChoice | undefined {
  let period: Period;
  if (args.period === undefined || isNamedPeriod(args.period)) period = namedPeriod(args.period ?? 'this-quarter', today);
  else if (typeof args.period === 'object' && args.period !== null && typeof args.period.from === 'string' && typeof args.period.to === 'string') {
    const problem = periodProblem(args.period.from, args.period.to);
    if (problem) return refuse(`the period is not valid: ${problem}`);
    period = { from: args.period.from.trim(), to: args.period.to.trim() };
  } else return refuse(`the period is ${NAMED_PERIODS.map((p) => `"${p.id}"`).join(', ')} or { from, to } dates.`);
  const person = args.person?.trim();
  if (args.person !== undefined && (typeof args.person !== 'string' || person === '' || /[\r\n]/.test(args.person)))
    return refuse('the person is a handle on one line.');
  if (args.target !== undefined && args.target !== 'notebook' && args.target !== 'workspace') return refuse('the target is "notebook" or "workspace".');
  return { period, person, target: args.target ?? 'notebook', folder: args.folder };
}

function refuse(message: string): undefined {
  void vscode.window.showErrorMessage(`Lodestar: ${message} Nothing was written.`);
  return undefined;
}

async function ask(records: WorkspaceRecords, today: string): Promise<ReportChoice | undefined> {
  const title = 'Generate Influence Report';
  const periodItems = [
    ...NAMED_PERIODS.map((p) => {
      const period = namedPeriod(p.id, today);
      return { label: p.label, description: `${periodName(period)} · ${period.from} to ${period.to}`, period };
    }),
    { label: 'Custom dates…', description: 'From and to, YYYY-MM-DD', period: undefined },
  ];
  const picked = await vscode.window.showQuickPick(periodItems, { title: `${title} (1/3): which period?`, ignoreFocusOut: true });
  if (!picked) return undefined;
  let period = picked.period;
  if (!period) {
    const from = await vscode.window.showInputBox({
      title: `${title}: first day`,
      prompt: 'The first day of the period, YYYY-MM-DD',
      value: namedPeriod('this-quarter', today).from,
      validateInput: (v) => dateProblem(v),
      ignoreFocusOut: true,
    });
    if (from === undefined) return undefined;
    const to = await vscode.window.showInputBox({
      title: `${title}: last day`,
      prompt: 'The last day of the period, YYYY-MM-DD',
      value: today,
      validateInput: (v) => periodProblem(from, v),
      ignoreFocusOut: true,
    });
    if (to === undefined) return undefined;
    period = { from: from.trim(), to: to.trim() };
  }

  const people = menteeChoices(records.records());
  let person: string | undefined;
  if (people.length > 0) {
    const scope = await vscode.window.showQuickPick(
      [
        {
          label: 'Me',
          description: 'every record: the decisions, designs, sessions and activities of the whole workspace',
          handle: undefined as string | undefined,
        },
        ...people.map((p) => ({
          label: `$(${p.private ? 'lock' : 'person'}) ${p.name}`,
          description: `@${p.handle} · only their sessions and the work naming them`,
          handle: p.handle as string | undefined,
        })),
      ],
      { title: `${title} (2/3): about whom?`, ignoreFocusOut: true, matchOnDescription: true },
    );
    if (!scope) return undefined;
    person = scope.handle;
  }

  const notebook = records.notebook.location;
  const folders = records.indexes();
  const where = await vscode.window.showQuickPick(
    [
      {
        label: '$(lock) Private notebook',
        description: notebook && !notebook.problem ? joinPath(notebook.root, NOTEBOOK_REPORTS) : 'not available',
        detail: notebook?.problem ?? 'Outside every workspace folder: nothing of it is committed.',
        target: 'notebook' as const,
        folder: undefined as string | undefined,
      },
      ...folders.map((f) => ({
        label: `$(folder) ${f.folder.name}`,
        description: `${WORKSPACE_REPORTS}/`,
        detail: 'In the workspace, to share; private notebook records are left out.',
        target: 'workspace' as const,
        folder: f.index.root as string | undefined,
      })),
    ],
    { title: `${title} (3/3): where to write it?`, ignoreFocusOut: true },
  );
  if (!where) return undefined;
  return { period, person, target: where.target, folder: where.folder };
}

/** Mentees to scope a report to: every profile, and every handle with sessions but no profile. */
export function menteeChoices(all: readonly LodestarRecord[]): { handle: string; name: string; private: boolean }[] {
  const byKey = new Map<string, { handle: string; name: string; private: boolean }>();
  for (const r of all)
    if (r.kind === 'person' && r.handle && !byKey.has(personKey(r.handle)))
      byKey.set(personKey(r.handle), { handle: r.handle, name: r.title, private: r.private });
  for (const r of all)
    if (r.kind === 'session' && r.handle && !byKey.has(personKey(r.handle)))
      byKey.set(personKey(r.handle), { handle: r.handle, name: r.handle, private: r.private });
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Permalinks for every workspace folder (and the notebook, when it is a repository with a forge remote). */
async function notebookLinks(records: WorkspaceRecords): Promise<PermanentLinks> {
  const folders = records.indexes().map((i) => ({ root: i.index.root, name: i.folder.name }));
  const notebook = records.notebook.location;
  if (notebook && !notebook.problem) folders.push({ root: notebook.root, name: 'private notebook' });
  const linked = await Promise.all(
    folders.map(async (f) => {
      const git = createGitExecutor(f.root);
      return readLinkedFolder(git, f.root, f.name, await readRemotes(git).catch(() => []));
    }),
  );
  return permanentLinks(linked);
}

async function writeReport(records: WorkspaceRecords, choice: ReportChoice, today: string): Promise<string | undefined> {
  let folder: string;
  let root: string;
  let inputs = await recordsWithCanonicalPullRequests(records);
  if (choice.target === 'workspace') {
    const indexes = records.indexes();
    const index = choice.folder ? (indexes.find((i) => i.index.root === toPortPath(choice.folder!)) ?? undefined) : indexes[0];
    if (!index) return refuse(choice.folder ? `${choice.folder} is not a workspace folder.` : 'open a folder to write the report into.');
    root = index.index.root;
    folder = joinPath(root, WORKSPACE_REPORTS);
    // The private notebook's records never go into a workspace file.
    inputs = inputs.filter((r) => !r.private);
  } else {
    const location = records.notebook.location;
    const workspaceRoots = records.indexes().map((i) => i.index.root);
    const problem = location
      ? (location.problem ?? (await privateFolderProblem(fileSystem, location.root, workspaceRoots)))
      : 'The private notebook is not open yet.';
    if (problem || !location) {
      const action = await vscode.window.showErrorMessage(`Lodestar: ${problem} Nothing was written.`, 'Open Setting');
      if (action === 'Open Setting') void vscode.commands.executeCommand('workbench.action.openSettings', 'lodestar.privateNotebook.path');
      return undefined;
    }
    root = location.root;
    folder = joinPath(root, NOTEBOOK_REPORTS);
  }

  // Accepting or superseding an older record counts on the day its status changed.
  const [statusDates, pullRequestDates] = await Promise.all([statusDatesOf(records), pullRequestDatesOf(records)]);
  const report = buildInfluenceReport(inputs, { ...choice.period, person: choice.person, today, statusDates, pullRequestDates, ...readReminderSettings() });
  await vscode.workspace.fs.createDirectory(vscode.Uri.file(folder));
  const taken = new Set((await vscode.workspace.fs.readDirectory(vscode.Uri.file(folder))).map(([name]) => name.toLowerCase()));
  const path = joinPath(
    folder,
    freeFileName(reportFileName(choice.period, choice.person), (n) => taken.has(n.toLowerCase())),
  );
  // In the workspace, links relative to the report are the repository's own; from the notebook they would climb out of it.
  const links = choice.target === 'notebook' ? await notebookLinks(records) : undefined;
  const content = renderInfluenceMarkdown(
    report,
    links ? { root, linkTo: links.linkTo, commitLink: links.commitLink, linkNote: links.note } : { root, linkTo: linksFrom(path) },
  );
  const uri = vscode.Uri.file(path);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(content) });
  if (!(await vscode.workspace.applyEdit(edit))) return refuse(`could not create ${path}.`);
  await vscode.window.showTextDocument(uri, { preview: false });
  return path;
}
