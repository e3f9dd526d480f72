import { yamlScalar } from '../records/frontMatterEdit';
import { normaliseDate } from '../records/dates';
import { RecordFileSystem, joinPath } from '../store/fileSystem';
import { FileExistsError, RecordWriter } from '../store/recordWriter';
import { sessionKindLabel } from './mentoringParser';
import { PairingSession } from './pairing';
import { privateFolderProblem } from './privateNotebook';

/**
 * New mentoring records: a mentee's profile `<folder>/<handle>.md` and a
 * session or note `<folder>/<handle>/<YYYY-MM-DD>-<kind>[-N].md`. Planning is
 * pure (path and text from the inputs); writing creates the file exclusively,
 * never over an existing one.
 */

/** Bad input to a planning function; the message is meant for the user. */
export class MentoringInputError extends Error {}

export interface PlannedRecord {
  /** Relative to the mentoring folder, with `/`: `alice.md`, `alice/2026-01-05-pairing.md`. */
  relativePath: string;
  /** The folder joined with `relativePath`. */
  path: string;
  content: string;
}

const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * Why a handle cannot name a profile file and a session folder, or undefined.
 * A handle is one file name: letters, digits, `.`, `_`, `-`; no separators
 * (`../x`, `/etc/x`, `a\b`), no leading or trailing dot, no Windows device
 * name (`CON`, `nul.txt`…), at most 64 characters.
 */
export function handleProblem(handle: string): string | undefined {
  if (handle.trim() === '') return 'A handle is needed (it names the profile file and the folder of sessions).';
  if (/[/\\]/.test(handle)) return `The handle "${handle}" contains "/" or "\\"; a handle is one name and cannot point into another folder.`;
  if (handle.startsWith('.')) return `The handle "${handle}" starts with a dot; that would make a hidden file or leave the folder.`;
  if (RESERVED.test(handle)) return `The handle "${handle}" is a device name Windows reserves; choose another.`;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(handle)) return `The handle "${handle}" may only use letters, digits, ".", "_" and "-" (no spaces).`;
  if (handle.endsWith('.')) return `The handle "${handle}" ends with a dot, which Windows drops from file names.`;
  if (handle.length > 64) return `The handle "${handle.slice(0, 20)}…" is ${handle.length} characters; keep it to 64.`;
  return undefined;
}

/** Why a session kind cannot be used, or undefined: lower-case words joined by `-` (`one-on-one`), so it fits the file name. */
export function kindProblem(kind: string): string | undefined {
  if (kind.trim() === '') return 'A session needs a kind (pairing, one-on-one, career…).';
  if (!/^[a-z]+(-[a-z]+)*$/.test(kind) || kind.length > 40)
    return `The kind "${kind}" must be lower-case words joined by "-" (like one-on-one); it becomes part of the file name.`;
  if (RESERVED.test(kind)) return `The kind "${kind}" is a device name Windows reserves; choose another.`;
  return undefined;
}

function check(problem: string | undefined): void {
  if (problem) throw new MentoringInputError(problem);
}

function checkDay(date: string, what: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || normaliseDate(date) !== date)
    throw new MentoringInputError(`The ${what} must be a date as YYYY-MM-DD, not "${date}".`);
}

function oneLine(value: string, what: string): string {
  if (/[\r\n]/.test(value)) throw new MentoringInputError(`The ${what} must be one line.`);
  return value.trim();
}

function cleanList(values: readonly string[] | undefined, what: string): string[] {
  const out: string[] = [];
  for (const v of values ?? []) {
    const t = oneLine(v, what);
    if (t !== '' && !out.includes(t)) out.push(t);
  }
  return out;
}

function flowList(values: readonly string[]): string {
  return `[${values.map(yamlScalar).join(', ')}]`;
}

function blockList(key: string, values: readonly string[]): string[] {
  return values.length === 0 ? [`${key}: []`] : [`${key}:`, ...values.map((v) => `  - ${yamlScalar(v)}`)];
}

export interface MenteeProfileInput {
  name: string;
  handle: string;
  /** Git e-mails, to match authors and co-authors. */
  emails?: string[];
  github?: string;
  gitlab?: string;
  /** `YYYY-MM-DD`. */
  since?: string;
  /** ic, management, undecided. */
  track?: string;
  goals?: string[];
  /** weekly, fortnightly… */
  cadence?: string;
  /** `visibility: private` (the profile then belongs in the private notebook). */
  private?: boolean;
}

/** `<folder>/<handle>.md`. Throws {@link MentoringInputError} on a bad handle, name, e-mail or date. */
export function planMenteeProfile(folder: string, input: MenteeProfileInput): PlannedRecord {
  const handle = input.handle.trim();
  check(handleProblem(handle));
  const name = oneLine(input.name, 'name');
  if (name === '') throw new MentoringInputError('A mentee needs a name.');
  const emails = cleanList(input.emails, 'e-mail');
  const bad = emails.find((e) => !/^[^\s<>@,]+@[^\s<>@,]+$/.test(e));
  if (bad) throw new MentoringInputError(`"${bad}" is not an e-mail address.`);
  const login = (v: string | undefined, what: string): string | undefined => {
    const t = v === undefined ? '' : oneLine(v, what).replace(/^@/, '');
    if (t !== '' && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(t)) throw new MentoringInputError(`"${t}" is not a ${what}.`);
    return t || undefined;
  };
  const github = login(input.github, 'GitHub login');
  const gitlab = login(input.gitlab, 'GitLab login');
  if (input.since) checkDay(input.since, 'start date');
  const track = input.track ? oneLine(input.track, 'track') : '';
  const cadence = input.cadence ? oneLine(input.cadence, 'cadence') : '';
  const goals = cleanList(input.goals, 'goal');
  const lines = [
    '---',
    `name: ${yamlScalar(name)}`,
    `handle: ${yamlScalar(handle)}`,
    `emails: ${flowList(emails)}`,
    ...(github ? [`github: ${yamlScalar(github)}`] : []),
    ...(gitlab ? [`gitlab: ${yamlScalar(gitlab)}`] : []),
    ...(input.since ? [`since: ${input.since}`] : []),
    ...(track ? [`track: ${yamlScalar(track)}`] : []),
    ...blockList('goals', goals),
    ...(cadence ? [`cadence: ${yamlScalar(cadence)}`] : []),
    ...(input.private ? ['visibility: private'] : []),
    '---',
    '',
    `# ${name}`,
    '',
    '## Goals',
    '',
    ...(goals.length > 0 ? goals.map((g) => `- ${g}`) : ['- ']),
    '',
    '## Notes',
    '',
  ];
  const relativePath = `${handle}.md`;
  return { relativePath, path: joinPath(folder, relativePath), content: lines.join('\n') };
}

export interface SessionInput {
  /** The mentee: the folder the record goes in. */
  handle: string;
  /** pairing, one-on-one, code-review, design-review, shadowing, career, feedback, note… */
  kind: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** The other people: handles, or e-mails for people without a profile. */
  with?: string[];
  /** Minutes. */
  duration?: number;
  topics?: string[];
  pullRequests?: string[];
  commits?: string[];
  /** `visibility: private`. */
  private?: boolean;
  /** The mentee's display name for the title (the handle otherwise). */
  menteeName?: string;
  /** Free text put under the first section. */
  notes?: string;
  /** Commit subjects to list, by hash (a detected session's commits). */
  commitSubjects?: Record<string, string>;
}

/** The sections a record of each kind starts with; the notes go under {@link notesSection}'s. */
const SECTIONS: Record<string, string[]> = {
  pairing: ['What we worked on', 'What went well', 'Next time'],
  'one-on-one': ['Topics', 'Notes', 'Actions'],
  'code-review': ['What was reviewed', 'Observations', 'Follow-ups'],
  'design-review': ['The design', 'Feedback given', 'Follow-ups'],
  shadowing: ['What they observed', 'Questions', 'Takeaways'],
  career: ['Where they are', 'Where they want to go', 'Next steps'],
  feedback: ['Situation', 'Behaviour', 'Impact', 'Next steps'],
  wellbeing: ['How they are', 'Support agreed'],
  note: ['Notes'],
};

/** The section a kind's one-line notes are written under: what the prompt asks about (a pairing's "how it went" is What went well), else the first. */
export function notesSection(kind: string): string {
  const sections = SECTIONS[kind] ?? SECTIONS.note;
  return kind === 'pairing' ? 'What went well' : sections[0];
}

/**
 * `<date>-<kind>.md`, or `<date>-<kind>-N.md` with the lowest free N from 2
 * when that name (any case, `.md` or `.markdown`) is among `existingNames`
 * (the names in the mentee's folder).
 */
export function sessionFileName(date: string, kind: string, existingNames: readonly string[]): string {
  const taken = new Set(existingNames.map((n) => n.toLowerCase().replace(/\.markdown$/, '.md')));
  const base = `${date}-${kind}`;
  if (!taken.has(`${base}.md`)) return `${base}.md`;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}.md`)) return `${base}-${n}.md`;
}

/**
 * `<folder>/<handle>/<date>-<kind>[-N].md`: front matter `date`, `kind`,
 * `with`, `duration`, `topics`, `pullRequests`, `commits`, `visibility`
 * (when private), and a body with a title and the kind's sections.
 * Throws {@link MentoringInputError} on a bad handle, kind, date or duration.
 */
export function planSession(folder: string, input: SessionInput, existingNames: readonly string[]): PlannedRecord {
  const handle = input.handle.trim();
  check(handleProblem(handle));
  const kind = input.kind.trim();
  check(kindProblem(kind));
  checkDay(input.date, 'date');
  if (input.duration !== undefined && !(Number.isInteger(input.duration) && input.duration > 0 && input.duration <= 24 * 60)) {
    throw new MentoringInputError(`The duration is in whole minutes, 1 to 1440, not ${input.duration}.`);
  }
  const withPeople = cleanList(input.with, 'partner').filter((p) => p.toLowerCase() !== handle.toLowerCase());
  const topics = cleanList(input.topics, 'topic');
  const pullRequests = cleanList(input.pullRequests, 'pull request');
  const commits = cleanList(input.commits, 'commit');
  const who = input.menteeName ? oneLine(input.menteeName, 'name') || handle : handle;
  const sections = SECTIONS[kind] ?? SECTIONS.note;
  const body: string[] = [`# ${sessionKindLabel(kind)} with ${who}, ${input.date}`, ''];
  const notesUnder = notesSection(kind);
  for (const title of sections) {
    body.push(`## ${title}`, '');
    if (title === notesUnder && input.notes && input.notes.trim() !== '') body.push(input.notes.trim().replace(/\r\n?/g, '\n'), '');
  }
  if (commits.length > 0) {
    body.push('## Commits', '');
    for (const c of commits) {
      const subject = input.commitSubjects?.[c];
      body.push(subject ? `- \`${c.slice(0, 12)}\` ${subject.replace(/[\r\n]+/g, ' ')}` : `- \`${c.slice(0, 12)}\``);
    }
    body.push('');
  }
  const lines = [
    '---',
    `date: ${input.date}`,
    `kind: ${kind}`,
    `with: ${flowList(withPeople)}`,
    ...(input.duration !== undefined ? [`duration: ${input.duration}`] : []),
    `topics: ${flowList(topics)}`,
    ...(pullRequests.length > 0 ? [`pullRequests: ${flowList(pullRequests)}`] : []),
    // Always quoted: a hash of digits alone would otherwise be written bare next to quoted ones.
    ...(commits.length > 0 ? [`commits: [${commits.map((c) => JSON.stringify(c)).join(', ')}]`] : []),
    ...(input.private ? ['visibility: private'] : []),
    '---',
    '',
    ...body,
  ];
  const relativePath = `${handle}/${sessionFileName(input.date, kind, existingNames)}`;
  return { relativePath, path: joinPath(folder, relativePath), content: lines.join('\n') };
}

/** The mentee a confirmed session is logged under. */
export interface MenteeRef {
  /** Person key (as in {@link PairingSession.people}). */
  key: string;
  /** Profile file name: the folder the session goes in. */
  handle: string;
  name?: string;
}

/**
 * Turns detected sessions (one, or all of a day with the same people) into a
 * logged pairing session of `mentee`: the day's date, `with` = everyone else
 * (handles, or e-mails for people without a profile), `commits` = the hashes,
 * listed with their subjects. Throws {@link MentoringInputError} when there is
 * nothing to confirm, the sessions span several days, or the mentee is not in them.
 */
export function planConfirmedSession(
  folder: string,
  mentee: MenteeRef,
  detected: readonly PairingSession[],
  existingNames: readonly string[],
  extra: Pick<SessionInput, 'duration' | 'topics' | 'notes' | 'private' | 'pullRequests'> = {},
): PlannedRecord {
  const sessions = detected.filter((d) => d.source === 'co-authored' && d.commit);
  if (sessions.length === 0) throw new MentoringInputError('There is no detected session to confirm.');
  const dates = new Set(sessions.map((s) => s.date));
  if (dates.size > 1) throw new MentoringInputError(`The sessions are on ${dates.size} different days; confirm one day at a time.`);
  const date = sessions[0].date;
  if (!date) throw new MentoringInputError('The detected session has no date.');
  if (!sessions.every((s) => s.people.includes(mentee.key)))
    throw new MentoringInputError(`${mentee.name ?? mentee.key} is not in every one of these sessions.`);
  const withPeople: string[] = [];
  for (const s of sessions) for (const p of s.people) if (p !== mentee.key && !withPeople.includes(p)) withPeople.push(p);
  const commits = sessions.map((s) => s.commit as string);
  const commitSubjects: Record<string, string> = {};
  for (const s of sessions) if (s.subject) commitSubjects[s.commit as string] = s.subject;
  return planSession(
    folder,
    { ...extra, handle: mentee.handle, kind: 'pairing', date, with: withPeople, commits, commitSubjects, menteeName: mentee.name },
    existingNames,
  );
}

/** Names in a folder, or none when it does not exist yet. */
async function namesIn(fs: RecordFileSystem, folder: string): Promise<string[]> {
  try {
    return (await fs.readDirectory(folder)).map((e) => e.name);
  } catch {
    return [];
  }
}

export interface WriteOptions {
  /** Workspace folders: a private record is refused under any of them. */
  workspaceFolders?: readonly string[];
}

async function refusePrivateUnderWorkspace(fs: RecordFileSystem, folder: string, isPrivate: boolean | undefined, options: WriteOptions): Promise<void> {
  if (!isPrivate || !options.workspaceFolders) return;
  const problem = await privateFolderProblem(fs, folder, options.workspaceFolders);
  if (problem) throw new MentoringInputError(problem);
}

/**
 * Plans and writes a session or note in `folder` (the mentoring folder or the
 * private notebook), exclusively: when another writer took the name in
 * between, the next `-N` is used. Returns what was written.
 */
export async function writeSession(
  fs: RecordFileSystem,
  writer: RecordWriter,
  folder: string,
  input: SessionInput,
  options: WriteOptions = {},
): Promise<PlannedRecord> {
  return writeWithNextName(fs, writer, folder, input.handle, input.private, options, (names) => planSession(folder, input, names));
}

/** Plans and writes a confirmed pairing session (see {@link planConfirmedSession}) like {@link writeSession}. */
export async function writeConfirmedSession(
  fs: RecordFileSystem,
  writer: RecordWriter,
  folder: string,
  mentee: MenteeRef,
  detected: readonly PairingSession[],
  extra: Pick<SessionInput, 'duration' | 'topics' | 'notes' | 'private' | 'pullRequests'> = {},
  options: WriteOptions = {},
): Promise<PlannedRecord> {
  return writeWithNextName(fs, writer, folder, mentee.handle, extra.private, options, (names) => planConfirmedSession(folder, mentee, detected, names, extra));
}

async function writeWithNextName(
  fs: RecordFileSystem,
  writer: RecordWriter,
  folder: string,
  handle: string,
  isPrivate: boolean | undefined,
  options: WriteOptions,
  plan: (names: string[]) => PlannedRecord,
): Promise<PlannedRecord> {
  check(handleProblem(handle.trim()));
  // The folder the file goes in, symbolic links resolved: a mentee folder linked into a repository is caught too.
  await refusePrivateUnderWorkspace(fs, joinPath(folder, handle.trim()), isPrivate, options);
  const names = await namesIn(fs, joinPath(folder, handle.trim()));
  for (let attempt = 0; ; attempt++) {
    const planned = plan(names);
    try {
      await writer.createExclusive(planned.path, planned.content);
      return planned;
    } catch (e) {
      if (!(e instanceof FileExistsError) || attempt >= 20) throw e;
      names.push(planned.relativePath.slice(planned.relativePath.lastIndexOf('/') + 1));
    }
  }
}

/** Writes a new profile exclusively; an existing `<handle>.md` is left as it is ({@link FileExistsError}). */
export async function writeMenteeProfile(
  fs: RecordFileSystem,
  writer: RecordWriter,
  folder: string,
  input: MenteeProfileInput,
  options: WriteOptions = {},
): Promise<PlannedRecord> {
  const planned = planMenteeProfile(folder, input);
  await refusePrivateUnderWorkspace(fs, folder, input.private, options);
  await writer.createExclusive(planned.path, planned.content);
  return planned;
}
