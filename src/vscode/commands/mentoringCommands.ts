import * as vscode from 'vscode';
import { scanHistory } from '../../core/git/commitHistory';
import { createGitExecutor } from '../../core/git/gitExecutor';
import { parseCoAuthors } from '../../core/people/coAuthors';
import { githubNoreplyLogin } from '../../core/people/identities';
import { handleProblem, MenteeProfileInput, writeMenteeProfile, writeSession } from '../../core/people/mentoringWriter';
import { isSensitiveKind } from '../../core/people/privateNotebook';
import { sessionKindLabel } from '../../core/people/mentoringParser';
import { PairingDetection } from '../pairingDetection';
import type { RecordTreeNode } from '../views/recordTrees';
import { allMentees, findMentee, MenteeEntry, mentoringScopes } from '../views/mentees';
import { WorkspaceRecords } from '../workspaceRecords';
import { today } from '../../core/records/calendar';
import { registerLogPairingCommands } from './logPairingCommand';
import {
  dayProblem,
  fileSystem,
  pickMentee,
  privateMentoringFolder,
  reportWriteError,
  showWritten,
  splitList,
  workspaceEditWriter,
  workspaceRoots,
} from './mentoringWrites';
import { inputStep, pickStep, runSteps } from '../support/stepInput';
import { DerivedAnswer } from '../../core/input/derivedAnswer';
import { refusedInRestrictedMode } from '../support/restrictedMode';

/** Arguments that skip the prompts of `Lodestar: Add Mentee…` (tests, other extensions). */
export interface AddMenteeArgs {
  name: string;
  handle: string;
  emails?: string[];
  github?: string;
  gitlab?: string;
  track?: string;
  goals?: string[];
  /** Keep the profile in the private notebook. */
  private?: boolean;
}

/** Arguments that skip the prompts of `Lodestar: New Mentoring Note…`. */
export interface MentoringNoteArgs {
  mentee: string;
  kind: string;
  date?: string;
  with?: string[];
  topics?: string[];
  notes?: string;
  /** Where to keep it; sensitive kinds (career, feedback, wellbeing) default to the private notebook. */
  private?: boolean;
}

/** The kinds `New Mentoring Note…` offers; pairing has its own command. */
export const NOTE_KINDS = ['one-on-one', 'career', 'feedback', 'code-review', 'design-review', 'shadowing', 'wellbeing', 'note'];

const TRACKS = [
  { label: 'Individual contributor', value: 'ic' },
  { label: 'Management', value: 'management' },
  { label: 'Undecided', value: 'undecided' },
];

/** Every mentoring and pairing command. */
export function registerMentoringCommands(records: WorkspaceRecords, pairing: PairingDetection, log: vscode.OutputChannel): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('lodestar.addMentee', (args?: AddMenteeArgs) => addMentee(records, log, args)),
    vscode.commands.registerCommand('lodestar.newMentoringNote', (args?: MentoringNoteArgs | RecordTreeNode) => newMentoringNote(records, log, args)),
    registerLogPairingCommands(records, pairing, log),
  );
}

/** `Lodestar: Add Mentee…` — returns the profile's path, or undefined when nothing was written. */
async function addMentee(records: WorkspaceRecords, log: vscode.OutputChannel, args?: AddMenteeArgs): Promise<string | undefined> {
  if (refusedInRestrictedMode('write mentee profiles', 'Trust this workspace to use it.')) return undefined;
  await records.ready();
  const scopes = mentoringScopes(records).filter((s) => !s.notebookOnly);
  const taken = new Set(allMentees(records).map((e) => e.handle.toLowerCase()));
  let input: MenteeProfileInput | undefined = args ? { ...args } : await askProfile(records, taken, scopes.length > 0);
  if (!input) return undefined;
  input = { ...input, since: input.since ?? today() };
  if (taken.has(input.handle.trim().toLowerCase())) {
    void vscode.window.showErrorMessage(`Lodestar: there is already a mentee "${input.handle}". Nothing was written.`);
    return undefined;
  }
  let folder: string | undefined;
  if (input.private || scopes.length === 0) {
    folder = await privateMentoringFolder(records);
    input.private = true;
  } else {
    folder =
      scopes.length === 1
        ? scopes[0].folder
        : (
            await vscode.window.showQuickPick(
              scopes.map((s) => ({ label: s.label, folder: s.folder })),
              { title: 'Add Mentee: which mentoring folder?' },
            )
          )?.folder;
  }
  if (!folder) return undefined;
  try {
    const written = await writeMenteeProfile(fileSystem, workspaceEditWriter, folder, input, { workspaceFolders: workspaceRoots() });
    log.appendLine(`Added mentee ${input.handle}: ${written.path}`);
    await showWritten(records, written, 'Notes');
    return written.path;
  } catch (e) {
    reportWriteError(e, log);
    return undefined;
  }
}

async function askProfile(records: WorkspaceRecords, taken: Set<string>, canShare: boolean): Promise<MenteeProfileInput | undefined> {
  let name = '';
  // Each follows the answers before it (after Back too) until the user types their own.
  const handle = new DerivedAnswer();
  const emails = new DerivedAnswer();
  const logins = new DerivedAnswer();
  let emailsFound: { name: string; emails: string } | undefined;
  const title = 'Add Mentee';
  const values = await runSteps([
    inputStep({
      title,
      prompt: 'Their name',
      placeholder: 'e.g. Alice Example',
      value: () => name,
      validate: (v) => ((name = v.trim()) === '' ? 'A name is needed' : /[\r\n]/.test(v) ? 'One line' : undefined),
    }),
    inputStep({
      title: `${title}: handle`,
      prompt: 'A short handle: it names their profile file and the folder of their sessions',
      placeholder: 'e.g. alice',
      value: () => handle.value(slug(name)),
      validate: (v) => {
        handle.set(v.trim());
        const h = v.trim();
        return handleProblem(h) ?? (taken.has(h.toLowerCase()) ? `"${h}" is already a mentee` : undefined);
      },
    }),
    async (position) => {
      if (emailsFound?.name !== name) emailsFound = { name, emails: (await gitEmailsOf(records, name)).join(', ') };
      const suggested = emailsFound.emails;
      return inputStep({
        title: `${title}: git e-mails`,
        prompt: 'The e-mails they commit with, separated by commas (to find their commits and co-authored pairing); Enter to skip',
        placeholder: 'e.g. alice@example.com, 1234+alice@users.noreply.github.com',
        value: () => emails.value(suggested),
        validate: (v) => (emails.set(v), splitList(v).find((e) => !/^[^\s<>@,]+@[^\s<>@,]+$/.test(e)) ? 'E-mail addresses, separated by commas' : undefined),
      })(position);
    },
    inputStep({
      title: `${title}: forge logins (optional)`,
      prompt: 'GitHub and GitLab logins: "alice" (GitHub), or "github:alice, gitlab:alice-x"; Enter to skip',
      placeholder: 'e.g. alice',
      value: () =>
        logins.value(
          splitList(emails.value(emailsFound?.emails ?? ''))
            .map(githubNoreplyLogin)
            .find((l) => l) ?? '',
        ),
      validate: (v) => (logins.set(v), parseLogins(v).problem),
    }),
    pickStep({
      title: `${title}: track`,
      placeholder: 'Which track are they growing on?',
      items: () => TRACKS.map((t) => ({ label: t.label, value: t.value })),
    }),
    inputStep({
      title: `${title}: goals (optional)`,
      prompt: 'Their goals, separated by semicolons; Enter to skip',
      placeholder: 'e.g. Lead a design review; Own the on-call rota',
    }),
    ...(canShare
      ? [
          pickStep({
            title: `${title}: where to keep the profile`,
            placeholder: 'The profile holds their name, e-mails and goals',
            items: () => [
              { label: 'In the repository', description: 'with the team’s mentoring notes', value: false },
              { label: 'In my private notebook', description: 'outside every workspace folder, never committed', value: true },
            ],
          }),
        ]
      : []),
  ]);
  if (!values) return undefined;
  const forge = parseLogins(values[3] as string);
  return {
    name: (values[0] as string).trim(),
    handle: (values[1] as string).trim(),
    emails: splitList(values[2] as string),
    github: forge.github,
    gitlab: forge.gitlab,
    track: (values[4] as string[])[0],
    goals: splitList(values[5] as string, ';'),
    private: canShare ? ((values[6] as boolean[])[0] ?? false) : true,
  };
}

/** `alice` (GitHub), `github:alice, gitlab:alice-x`. */
export function parseLogins(text: string): { github?: string; gitlab?: string; problem?: string } {
  const out: { github?: string; gitlab?: string; problem?: string } = {};
  for (const part of splitList(text)) {
    const m = /^(?:(github|gitlab)\s*:\s*)?@?([A-Za-z0-9][A-Za-z0-9._-]*)$/i.exec(part);
    if (!m) return { problem: `"${part}" is not a login; write "alice" or "github:alice, gitlab:alice-x"` };
    if ((m[1] ?? 'github').toLowerCase() === 'github') out.github = m[2];
    else out.gitlab = m[2];
  }
  return out;
}

function slug(name: string): string {
  return (name.trim().split(/\s+/)[0] ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9._-]/g, '');
}

/** E-mails git history shows for this name (as author or co-author), so the profile matches their commits from the start. */
async function gitEmailsOf(records: WorkspaceRecords, name: string): Promise<string[]> {
  const root = records.indexes()[0]?.index.root;
  const wanted = name.trim().toLowerCase();
  if (!root || wanted === '') return [];
  const found: string[] = [];
  const add = (n: string, e: string): void => {
    if (n.trim().toLowerCase() === wanted && !found.includes(e.toLowerCase())) found.push(e.toLowerCase());
  };
  await scanHistory(
    createGitExecutor(root),
    (c) => {
      add(c.authorName, c.authorEmail);
      for (const co of parseCoAuthors(c.body)) add(co.name, co.email);
    },
    { maxCount: 1000 },
  ).catch(() => undefined);
  return found;
}

/** `Lodestar: New Mentoring Note…` — returns the note's path, or undefined when nothing was written. */
async function newMentoringNote(records: WorkspaceRecords, log: vscode.OutputChannel, args?: MentoringNoteArgs | RecordTreeNode): Promise<string | undefined> {
  if (refusedInRestrictedMode('write mentoring notes', 'Trust this workspace to use it.')) return undefined;
  await records.ready();
  const fromTree = args && 'type' in args ? args : undefined;
  const given = args && !('type' in args) ? args : undefined;
  let entry: MenteeEntry | undefined;
  if (given) {
    entry = findMentee(records, given.mentee);
    if (!entry) {
      void vscode.window.showErrorMessage(`Lodestar: "${given.mentee}" is not a mentee Lodestar knows. Nothing was written.`);
      return undefined;
    }
  } else if (fromTree?.type === 'mentee') {
    entry = allMentees(records).find((e) => e.mentee.handle === fromTree.mentee.handle && e.scope.index === fromTree.index);
  }
  entry ??= await pickMentee(records, 'New Mentoring Note: for whom?');
  if (!entry) return undefined;

  let kind: string;
  let date: string;
  let topics: string[];
  let makePrivate: boolean;
  if (given) {
    kind = given.kind;
    date = given.date ?? today();
    topics = given.topics ?? [];
    makePrivate = entry.private || (given.private ?? isSensitiveKind(kind));
  } else {
    const mentee = entry;
    let chosenKind = '';
    const values = await runSteps([
      async (position) => {
        const v = await pickStep({
          title: `New Mentoring Note for ${mentee.name}`,
          placeholder: 'What kind of note?',
          items: () =>
            NOTE_KINDS.map((k) => ({ label: sessionKindLabel(k), description: isSensitiveKind(k) ? 'sensitive: private notebook by default' : '', value: k })),
        })(position);
        if (Array.isArray(v)) chosenKind = v[0] ?? '';
        return v;
      },
      inputStep({ title: 'New Mentoring Note: date', prompt: 'The day it happened (YYYY-MM-DD)', value: () => today(), validate: dayProblem }),
      inputStep({
        title: 'New Mentoring Note: topics (optional)',
        prompt: 'Topics, separated by commas; Enter to skip',
        placeholder: 'e.g. promotion case, on-call load',
      }),
      async (position) => {
        if (mentee.private || !isSensitiveKind(chosenKind)) return [mentee.private];
        return pickStep({
          title: `New Mentoring Note: where to keep this ${sessionKindLabel(chosenKind).toLowerCase()} note`,
          placeholder: 'Career, feedback and wellbeing notes are about a person: keep them private unless they agreed to share',
          items: () => [
            { label: '$(lock) In my private notebook', description: 'outside every workspace folder, never committed', value: true },
            {
              label: 'In the repository',
              description: `${mentee.folder.slice(mentee.scope.index.root.length + 1)}: everyone with the repository can read it`,
              value: false,
            },
          ],
        })(position);
      },
    ]);
    if (!values) return undefined;
    kind = (values[0] as string[])[0];
    date = (values[1] as string).trim();
    topics = splitList(values[2] as string);
    makePrivate = (values[3] as boolean[])[0] ?? true;
    if (!kind) return undefined;
  }

  const folder = makePrivate ? await privateMentoringFolder(records) : entry.folder;
  if (!folder) return undefined;
  try {
    const written = await writeSession(
      fileSystem,
      workspaceEditWriter,
      folder,
      { handle: entry.handle, kind, date, with: given?.with, topics, notes: given?.notes, private: makePrivate, menteeName: entry.mentee.profile?.title },
      { workspaceFolders: workspaceRoots() },
    );
    log.appendLine(`Wrote ${makePrivate ? 'private ' : ''}${kind} note ${written.path}`);
    await showWritten(records, written);
    return written.path;
  } catch (e) {
    reportWriteError(e, log);
    return undefined;
  }
}
