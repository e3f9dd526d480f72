import * as vscode from 'vscode';
import { peopleToWrite } from '../../core/people/canonicalPeople';
import { peopleDirectoryOf } from '../peopleDirectories';
import { privateNotebookFolder } from './mentoringWrites';
import { activityReference, appendPullRequestNote } from '../../core/influence/linkedRecords';
import { planNewActivity, validateNewActivity } from '../../core/activities/newActivity';
import { ACTIVITY_TYPES, isKnownActivityType, normaliseActivityType } from '../../core/activities/taxonomy';
import { CONVENTIONAL_INFLUENCE_FOLDER } from '../../core/index/recordFolders';
import { LodestarRecord } from '../../core/records/record';
import { resolvePullRequestReference } from '../../core/pulls/prReferences';
import { compareRecords, recordLabel } from '../../core/records/recordLabels';
import { basename, dirname, joinPath, toPortPath } from '../../core/store/fileSystem';
import { readSettings } from '../settings';
import { WorkspaceRecords } from '../workspaceRecords';
import { WorkspacePullRequests } from '../workspacePullRequests';
import { createAndOpen } from '../support/documentEdits';
import { today } from '../../core/records/calendar';
import { inputStep, PickItem, pickStep, runSteps, Step } from '../support/stepInput';
import { refusedInRestrictedMode } from '../support/restrictedMode';

/** Arguments that skip the prompts of `Lodestar: Log Influence Activity…` (tests, keybindings). */
export interface LogActivityArgs {
  /** A taxonomy type (`design-review`…). */
  type: string;
  title: string;
  /** `YYYY-MM-DD`; today when absent. */
  date?: string;
  people?: string[];
  /** URLs, `#N`, `!N`, resolved against the folder's remotes. */
  pullRequests?: string[];
  /** Decision record paths, or references as written (`ADR-0007`). */
  decisions?: string[];
  /** Design doc paths, or names as written. */
  designs?: string[];
  outcome?: string;
  /** The workspace folder (its root path); the first one when absent. */
  folder?: string;
  /** Write it in the private notebook instead of the repository. */
  private?: boolean;
}

export interface NewActivity {
  type: string;
  title: string;
  date: string;
  people?: string[];
  pullRequests?: string[];
  decisions?: string[];
  designs?: string[];
  outcome?: string;
  private?: boolean;
}

/** The type step: the DESIGN's taxonomy, leading (team-wide) then managing (individual). */
export function activityTypeStep(title: string): Step<string[]> {
  return pickStep<string>({
    title,
    placeholder: 'What kind of influence was it? Leading is team-wide, managing is individual.',
    items: () => {
      const items: PickItem<string>[] = [];
      for (const side of ['leading', 'managing'] as const) {
        items.push({ label: side === 'leading' ? 'Leading (team-wide)' : 'Managing (individual)', kind: vscode.QuickPickItemKind.Separator, value: '' });
        for (const t of ACTIVITY_TYPES.filter((x) => x.side === side)) items.push({ label: t.label, description: t.id, value: t.id });
      }
      return items;
    },
  });
}

/** The title step; `prefill` (a pull request's title) is what it starts with until something is typed. */
export function activityTitleStep(title: string, prefill?: () => string | undefined): Step<string> {
  let typed = '';
  return inputStep({
    title,
    prompt: 'Title of the activity',
    placeholder: 'e.g. Reviewed the payments retry design with Alice',
    value: () => typed || prefill?.() || '',
    validate: (v) => {
      typed = v;
      return validateNewActivity({ title: v, date: today(), type: 'decision' });
    },
  });
}

/** Where a workspace folder's activities go: the influence folder found, else the setting's or `docs/influence`. */
export function influenceFolderOf(records: WorkspaceRecords, root: string): string {
  const entry = records.indexes().find((i) => i.index.root === root);
  const found = entry?.index.folders.find((f) => f.kind === 'influence')?.path;
  if (found) return found;
  const setting = entry ? readSettings(entry.folder).influenceDirectory : '';
  return joinPath(root, setting || CONVENTIONAL_INFLUENCE_FOLDER);
}

/**
 * Writes a new activity record (never over an existing file), opens it on its
 * `outcome` line and indexes it. Returns its path, or undefined with a message.
 */
export async function createActivity(
  records: WorkspaceRecords,
  root: string,
  activity: NewActivity,
  note?: { url: string; text: string },
): Promise<string | undefined> {
  // A private activity goes to the notebook, checked now: never under a workspace folder.
  const folder = activity.private ? await privateNotebookFolder(records, 'influenceFolder') : influenceFolderOf(records, root);
  if (!folder) return undefined;
  // One identity per person: a profile's address, initials or old .mailmap address is written as its handle (each person once).
  const index = records.indexes().find((i) => i.index.root === root)?.index;
  const directory = index
    ? await peopleDirectoryOf(
        index,
        records.notebook.records().filter((r) => r.kind === 'person'),
        records.notebook.index?.version,
      ).catch(() => undefined)
    : undefined;
  if (directory && activity.people) activity = { ...activity, people: peopleToWrite(activity.people, directory) };
  let existingNames: string[] = [];
  try {
    existingNames = (await vscode.workspace.fs.readDirectory(vscode.Uri.file(joinPath(folder, activity.date.slice(0, 4))))).map(([name]) => name);
  } catch {
    // The year folder does not exist yet.
  }
  let plan;
  try {
    plan = planNewActivity({ folder, ...activity, existingNames });
  } catch (e) {
    void vscode.window.showErrorMessage(`Lodestar: ${(e as Error).message} Nothing was written.`);
    return undefined;
  }
  let content = plan.content;
  if (activity.private) content = content.replace(/^---\n/, '---\nvisibility: private\n');
  if (note && note.text.trim() !== '') content = appendPullRequestNote(content, note.url, note.text, activity.date);
  const outcomeLine = content.split('\n').findIndex((l) => l.startsWith('outcome:')) + 1;
  if (!(await createAndOpen(plan.path, content, outcomeLine))) {
    void vscode.window.showErrorMessage(`Lodestar: could not create ${plan.path}: a file of that name may already exist. Nothing was written.`);
    return undefined;
  }
  await records.refreshPaths([plan.path]);
  return plan.path;
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** `Lodestar: Log Influence Activity…` — returns the new file's path, or undefined when nothing was written. */
export function registerLogActivityCommand(records: WorkspaceRecords, pullRequests: WorkspacePullRequests): vscode.Disposable {
  return vscode.commands.registerCommand('lodestar.logInfluenceActivity', async (args?: LogActivityArgs): Promise<string | undefined> => {
    if (refusedInRestrictedMode('write influence activities')) return undefined;
    await records.ready();
    const root = args?.folder ? toPortPath(args.folder) : pullRequests.rootFor();
    if (!root) {
      void vscode.window.showWarningMessage('Open a folder to log influence activities in it.');
      return undefined;
    }
    const remotes = (await pullRequests.history(root)).remotes;
    const decisions = records.records('decision');
    const designs = records.records('design');
    const yearFolder = (date: string, priv?: boolean): string =>
      joinPath((priv && records.notebook.location?.influenceFolder) || influenceFolderOf(records, root), date.slice(0, 4));

    let activity: NewActivity;
    if (args) {
      const date = args.date ?? today();
      const type = normaliseActivityType(args.type ?? '');
      const refs = (list: string[] | undefined, kind: 'decision' | 'design'): string[] =>
        (list ?? []).map((ref) => {
          const record = records.indexOf(toPortPath(ref))?.record(toPortPath(ref));
          return record?.kind === kind ? activityReference(record, yearFolder(date, args.private), decisions) : ref;
        });
      activity = {
        type,
        title: args.title ?? '',
        date,
        people: args.people,
        decisions: refs(args.decisions, 'decision'),
        designs: refs(args.designs, 'design'),
        outcome: args.outcome,
        private: args.private,
      };
      const urls: string[] = [];
      for (const ref of args.pullRequests ?? []) {
        const resolved = resolvePullRequestReference(ref, remotes);
        if (!resolved.ok) {
          void vscode.window.showErrorMessage(`Lodestar: ${resolved.message}. Nothing was written.`);
          return undefined;
        }
        urls.push(resolved.reference.url);
      }
      activity.pullRequests = urls;
    } else {
      const current = await pullRequests.current(root);
      const title = 'Log Influence Activity';
      const people = records
        .records('person')
        .map((r) => r.handle)
        .filter((h): h is string => !!h);
      const steps: Step<unknown>[] = [
        activityTypeStep(`${title}: type`),
        activityTitleStep(title),
        inputStep({
          title: `${title}: people (optional)`,
          prompt: 'Who it involved, separated by commas; Enter to skip',
          placeholder: people.length > 0 ? `e.g. ${people.slice(0, 3).join(', ')}` : 'e.g. alice, bob',
        }),
        inputStep({
          title: `${title}: pull requests (optional)`,
          prompt: 'Pull requests: URLs, #N or !N, separated by commas; Enter to skip',
          placeholder: current?.url ? `e.g. ${current.url}` : 'e.g. #15, https://github.com/acme/payments/pull/12',
          validate: (v) =>
            splitList(v)
              .map((ref) => resolvePullRequestReference(ref, remotes))
              .find((r) => !r.ok)?.message,
        }),
        pickStep<LodestarRecord>({
          title: `${title}: decisions (optional)`,
          placeholder: 'Decisions it shaped; Enter for none',
          many: true,
          items: () => [...decisions].sort(compareRecords).map((r) => ({ label: recordLabel(r), description: r.status ?? '', value: r })),
        }),
        pickStep<LodestarRecord>({
          title: `${title}: design docs (optional)`,
          placeholder: 'Design docs it shaped; Enter for none',
          many: true,
          items: () => [...designs].sort(compareRecords).map((r) => ({ label: r.title, description: r.status ?? '', value: r })),
        }),
        inputStep({ title: `${title}: outcome (optional)`, prompt: 'What came of it, in a sentence; Enter to skip' }),
      ];
      const values = await runSteps(steps);
      if (!values) return undefined;
      const date = today();
      const folder = yearFolder(date);
      activity = {
        type: (values[0] as string[])[0] ?? '',
        title: values[1] as string,
        date,
        people: splitList(values[2] as string),
        pullRequests: splitList(values[3] as string).map((ref) => {
          const r = resolvePullRequestReference(ref, remotes);
          return r.ok ? r.reference.url : ref;
        }),
        decisions: (values[4] as LodestarRecord[]).map((r) => activityReference(r, folder, decisions)),
        designs: (values[5] as LodestarRecord[]).map((r) => activityReference(r, folder, decisions)),
        outcome: values[6] as string,
      };
    }
    if (!isKnownActivityType(activity.type)) {
      void vscode.window.showErrorMessage(
        `Lodestar: "${activity.type}" is not an activity type; use one of: ${ACTIVITY_TYPES.map((t) => t.id).join(', ')}. Nothing was written.`,
      );
      return undefined;
    }
    const path = await createActivity(records, root, activity);
    if (path) void vscode.window.showInformationMessage(`Logged "${activity.title.trim()}" in ${basename(dirname(path))}/${basename(path)}.`);
    return path;
  });
}
