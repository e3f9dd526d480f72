import * as vscode from 'vscode';
import { appendPullRequestNote, shortPullRequestLabel as shortLabel } from '../../core/influence/linkedRecords';
import { addPullRequestLink, PullRequestLinkOutcome } from '../../core/pulls/pullRequestLinkEdit';
import { activityTypeLabel } from '../../core/activities/taxonomy';
import { LodestarRecord } from '../../core/records/record';
import { compareRecords, recordLabel } from '../../core/records/recordLabels';
import { toPortPath } from '../../core/store/fileSystem';
import { ForgeSession } from '../forgeSession';
import { WorkspaceRecords } from '../workspaceRecords';
import { WorkspacePullRequests } from '../workspacePullRequests';
import { replaceDocuments } from '../support/documentEdits';
import { today } from '../../core/records/calendar';
import { activityTitleStep, activityTypeStep, createActivity } from './influenceActivityCommand';
import { PickedPullRequest, pullRequestStep, resolvePullRequestInput } from './pullRequestPicker';
import { inputStep, PickItem, pickStep, Step } from '../support/stepInput';
import { refusedInRestrictedMode } from '../support/restrictedMode';

/** Arguments that skip prompts: each one given skips its step; with a target given, nothing is asked. */
export interface LinkPullRequestArgs {
  /** A URL, `#N`, `!N` or `owner/repo#N`, resolved against the workspace folder's remotes. */
  pullRequest?: string;
  /** A mentee's handle (their profile gets the link). */
  mentee?: string;
  /** The path of an existing activity record. */
  activity?: string;
  /** A new activity to create with the link. */
  newActivity?: { type: string; title: string; people?: string[]; date?: string };
  /** The path of any record: decision, design doc, mentee profile, session, activity. */
  record?: string;
  /** A line written under the record's text with the link (and the date). */
  note?: string;
}

/** Rows of the trees the context menus pass: a record row, a mentee row, an influence activity row. */
type TreeRow = { type: string; record?: LodestarRecord; mentee?: { handle: string; profile?: LodestarRecord }; activity?: { source: string } };

type TargetKind = 'mentee' | 'activity' | 'decision' | 'design';
const NEW_ACTIVITY = 'new';
type Target = LodestarRecord | typeof NEW_ACTIVITY;

/** The outcome of one link: the edited (or created) record's path. */
export type LinkResult = string | undefined;

/** One step of a flow whose later steps depend on earlier answers; Back returns to the last step shown. */
interface FlowStep {
  when: () => boolean;
  run: Step<unknown>;
  set: (value: unknown) => void;
}

async function runFlow(steps: FlowStep[]): Promise<boolean> {
  const shown: number[] = [];
  let again = false;
  for (let i = 0; i < steps.length;) {
    // A step returned to with Back is shown again whatever its condition says now.
    if (!again && !steps[i].when()) {
      i++;
      continue;
    }
    again = false;
    const ahead = steps.slice(i + 1).filter((s) => s.when()).length + 1;
    const value = await steps[i].run({ step: shown.length + 1, total: shown.length + ahead });
    if (value === undefined) return false;
    if (value === 'back') {
      if (shown.length > 0) i = shown.pop() as number;
      again = true;
      continue;
    }
    steps[i].set(value);
    shown.push(i);
    i++;
  }
  return true;
}

/**
 * Links a pull request to a record: its URL added to the front matter's
 * `pullRequests` (every other byte kept), and, with a note, a dated line
 * under the text. Open unsaved documents are edited in their editor.
 */
export async function writePullRequestLink(
  records: WorkspaceRecords,
  record: LodestarRecord,
  url: string,
  note?: string,
): Promise<{ path: string; outcome: PullRequestLinkOutcome } | undefined> {
  let outcome: PullRequestLinkOutcome = 'unsupported';
  let reason: string | undefined;
  const withNote = note !== undefined && note.trim() !== '';
  const ok = await replaceDocuments(new Map([[record.path, '']]), (before) => {
    const edit = addPullRequestLink(before, url);
    outcome = edit.outcome;
    reason = edit.reason;
    if (edit.outcome === 'unsupported') return undefined;
    return withNote ? appendPullRequestNote(edit.text, url, note as string, today()) : edit.text;
  });
  if (outcome === 'unsupported') {
    void vscode.window.showErrorMessage(
      `Lodestar: could not link the pull request to ${recordLabel(record)}: ${reason ?? 'its front matter cannot be edited safely.'} Nothing was changed.`,
    );
    return undefined;
  }
  if (!ok) return undefined;
  await records.refreshPaths([record.path]);
  return { path: record.path, outcome };
}

function targetName(record: LodestarRecord): string {
  if (record.kind === 'person') return record.title;
  if (record.kind === 'activity') return `"${record.title}"`;
  return recordLabel(record);
}

function menteeItems(records: WorkspaceRecords, pr: PickedPullRequest | undefined): PickItem<Target>[] {
  const authored = (r: LodestarRecord): boolean => (r.emails ?? []).some((e) => pr?.people.includes(e.toLowerCase()));
  return records
    .records('person')
    .sort((a, b) => Number(authored(b)) - Number(authored(a)) || a.title.localeCompare(b.title))
    .map((r) => ({
      label: r.title,
      description: [`@${r.handle ?? ''}`, authored(r) ? `worked on ${shortLabel(pr!.url, pr!.number)}` : '', r.private ? 'private' : '']
        .filter(Boolean)
        .join(' · '),
      value: r,
    }));
}

function activityItems(records: WorkspaceRecords): PickItem<Target>[] {
  const activities = records.records('activity').sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title));
  return [
    { label: '$(add) New activity…', description: 'log one now, with this pull request', value: NEW_ACTIVITY },
    ...activities.map((r) => ({
      label: r.title,
      description: [r.date, activityTypeLabel(r.activityType ?? 'unspecified')].filter(Boolean).join(' · '),
      value: r as Target,
    })),
  ];
}

function recordItems(records: WorkspaceRecords, kind: 'decision' | 'design'): PickItem<Target>[] {
  return records
    .records(kind)
    .sort(compareRecords)
    .map((r) => ({ label: recordLabel(r), description: r.status ?? '', value: r }));
}

const KIND_NAMES: Record<TargetKind, string> = { mentee: 'Mentee', activity: 'Influence Activity', decision: 'Decision Record', design: 'Design Doc' };

/** The record a tree row or a `record` argument names; a message when it names none. */
function rowTarget(records: WorkspaceRecords, row: TreeRow): LodestarRecord | string {
  if (row.record) return row.record;
  if (row.mentee) return row.mentee.profile ?? `${row.mentee.handle} has no profile yet to link to: add one with Lodestar: Add Mentee…`;
  if (row.activity) return records.indexOf(row.activity.source)?.record(row.activity.source) ?? 'That activity is not a record Lodestar knows.';
  return 'Pick a record to link the pull request to.';
}

function findTarget(records: WorkspaceRecords, args: LinkPullRequestArgs): LodestarRecord | string | undefined {
  if (args.record) {
    const path = toPortPath(args.record);
    return records.indexOf(path)?.record(path) ?? records.notebook.records().find((r) => r.path === path) ?? `${args.record} is not a record Lodestar knows.`;
  }
  if (args.mentee) {
    const handle = args.mentee.replace(/^@/, '').toLowerCase();
    return records.records('person').find((r) => r.handle?.toLowerCase() === handle) ?? `no mentee profile has the handle "${args.mentee}".`;
  }
  if (args.activity) {
    const path = toPortPath(args.activity);
    const record = records.records('activity').find((r) => r.path === path);
    return record ?? `${args.activity} is not an influence activity Lodestar knows.`;
  }
  return undefined;
}

/**
 * The three link commands share this: the pull request (current branch's
 * first), what to link it to, an optional note, then one front-matter edit
 * (or a new activity record holding the link).
 */
async function linkPullRequest(
  records: WorkspaceRecords,
  pullRequests: WorkspacePullRequests,
  forge: ForgeSession,
  kind: TargetKind | undefined,
  input?: LinkPullRequestArgs | TreeRow,
): Promise<LinkResult> {
  if (refusedInRestrictedMode('link pull requests', 'Trust this workspace first.', 'it would run git and write files')) return undefined;
  await records.ready();
  const row = input && 'type' in input && typeof input.type === 'string' ? (input as TreeRow) : undefined;
  const args = row ? undefined : (input as LinkPullRequestArgs | undefined);

  let target: Target | undefined;
  if (row) {
    const found = rowTarget(records, row);
    if (typeof found === 'string') {
      void vscode.window.showWarningMessage(`Lodestar: ${found}`);
      return undefined;
    }
    target = found;
  } else if (args) {
    const found = findTarget(records, args);
    if (typeof found === 'string') {
      void vscode.window.showErrorMessage(`Lodestar: ${found} Nothing was changed.`);
      return undefined;
    }
    target = found ?? (args.newActivity ? NEW_ACTIVITY : undefined);
  }
  const targetFromArgs = args !== undefined && target !== undefined;
  const root = pullRequests.rootFor(target && target !== NEW_ACTIVITY ? target.path : undefined);

  let pr: PickedPullRequest | undefined;
  if (args?.pullRequest) {
    const resolved = await resolvePullRequestInput(pullRequests, root, args.pullRequest);
    if (typeof resolved === 'string') {
      void vscode.window.showErrorMessage(`${resolved} Nothing was changed.`);
      return undefined;
    }
    pr = resolved;
  }
  let chosenKind = kind ?? (target === NEW_ACTIVITY ? 'activity' : undefined);
  let type = args?.newActivity?.type ?? '';
  let title = args?.newActivity?.title ?? '';
  let note = args?.note ?? '';
  const heading = `Link Pull Request${kind ? ` to ${KIND_NAMES[kind]}` : ''}`;
  const records_ = (k: TargetKind): PickItem<Target>[] =>
    k === 'mentee' ? menteeItems(records, pr) : k === 'activity' ? activityItems(records) : recordItems(records, k);

  const askPullRequest = pr === undefined;
  const askTarget = target === undefined;
  const ok = await runFlow([
    { when: () => askPullRequest, run: pullRequestStep(pullRequests, forge, root, heading), set: (v) => (pr = v as PickedPullRequest) },
    {
      when: () => askTarget && kind === undefined,
      run: pickStep<TargetKind>({
        title: `${heading}: link to what?`,
        placeholder: `Link ${pr ? shortLabel(pr.url, pr.number) : 'the pull request'} to…`,
        items: () => (Object.keys(KIND_NAMES) as TargetKind[]).map((k) => ({ label: KIND_NAMES[k], value: k })),
      }),
      set: (v) => (chosenKind = (v as TargetKind[])[0]),
    },
    {
      when: () => askTarget,
      run: (position) =>
        pickStep<Target>({
          title: `${heading}: which ${KIND_NAMES[chosenKind ?? 'mentee'].toLowerCase()}?`,
          placeholder: chosenKind === 'mentee' ? 'Mentees who worked on it come first' : 'Pick one',
          items: () => records_(chosenKind ?? 'mentee'),
        })(position),
      set: (v) => (target = (v as Target[])[0]),
    },
    {
      when: () => target === NEW_ACTIVITY && !args?.newActivity,
      run: activityTypeStep(`${heading}: activity type`),
      set: (v) => (type = (v as string[])[0] ?? ''),
    },
    {
      when: () => target === NEW_ACTIVITY && !args?.newActivity,
      run: activityTitleStep(`${heading}: activity title`, () => pr?.title),
      set: (v) => (title = v as string),
    },
    {
      when: () => !targetFromArgs,
      run: inputStep({
        title: `${heading}: note (optional)`,
        prompt: 'A note, written under the record’s text with the link and today’s date; Enter to skip',
        placeholder: 'e.g. Alice designed the retry strategy herself',
      }),
      set: (v) => (note = v as string),
    },
  ]);
  if (!ok || !pr || target === undefined) {
    if (ok && target === undefined) void vscode.window.showWarningMessage('Lodestar: nothing to link to. Nothing was changed.');
    return undefined;
  }

  if (target === NEW_ACTIVITY) {
    if (!root) return undefined;
    // The pull request's authors and co-authors are people of the activity (as handles when they have a profile).
    const people = [...(args?.newActivity?.people ?? []), ...pr.people];
    const path = await createActivity(
      records,
      root,
      { type, title, date: args?.newActivity?.date ?? today(), people, pullRequests: [pr.url] },
      note.trim() !== '' ? { url: pr.url, text: note } : undefined,
    );
    if (path) void vscode.window.showInformationMessage(`Linked ${shortLabel(pr.url, pr.number)} to the new activity "${title.trim()}".`);
    return path;
  }
  const written = await writePullRequestLink(records, target, pr.url, note);
  if (!written) return undefined;
  const label = shortLabel(pr.url, pr.number);
  if (written.outcome === 'already-linked' && note.trim() === '')
    void vscode.window.showInformationMessage(`${label} was already linked to ${targetName(target)}.`);
  else void vscode.window.showInformationMessage(`Linked ${label} to ${targetName(target)}.`);
  return written.path;
}

/** `Link Pull Request…` (any record; the status bar's and the tree rows'), `…to Mentee…`, `…to Influence Activity…`. */
export function registerPullRequestCommands(records: WorkspaceRecords, pullRequests: WorkspacePullRequests, forge: ForgeSession): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('lodestar.linkPullRequest', (args?: LinkPullRequestArgs | TreeRow) =>
      linkPullRequest(records, pullRequests, forge, undefined, args),
    ),
    vscode.commands.registerCommand('lodestar.linkPullRequestToMentee', (args?: LinkPullRequestArgs | TreeRow) =>
      linkPullRequest(records, pullRequests, forge, 'mentee', args),
    ),
    vscode.commands.registerCommand('lodestar.linkPullRequestToActivity', (args?: LinkPullRequestArgs | TreeRow) =>
      linkPullRequest(records, pullRequests, forge, 'activity', args),
    ),
  );
}
