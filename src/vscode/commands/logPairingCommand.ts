import * as vscode from 'vscode';
import { HistoryCommit, scanHistory } from '../../core/git/commitHistory';
import { createGitExecutor, GitExecutor } from '../../core/git/gitExecutor';
import { canonicalPeople } from '../../core/people/canonicalPeople';
import { readGitCoauthors } from '../../core/people/identities';
import { notesSection, writeConfirmedSession, writeSession } from '../../core/people/mentoringWriter';
import { detectedSession, PairingSession, recentCoAuthors } from '../../core/people/pairing';
import { currentBranch } from '../../core/pulls/branchPullRequest';
import { pullRequestFromMessage } from '../../core/pulls/prDiscovery';
import { FolderPairing, menteeKey, PairingDetection } from '../pairingDetection';
import { detectedDays, DetectedTarget, detectedTarget } from '../views/detectedPairing';
import { allMentees, findMentee, MenteeEntry } from '../views/mentees';
import type { RecordTreeNode } from '../views/recordTrees';
import { WorkspaceRecords } from '../workspaceRecords';
import { today } from '../../core/records/calendar';
import {
  dayProblem,
  durationProblem,
  fileSystem,
  pickMentee,
  privateMentoringFolder,
  reportWriteError,
  showWritten,
  splitList,
  workspaceEditWriter,
  workspaceRoots,
} from './mentoringWrites';
import { inputStep, pickStep, remembered, runSteps, Step } from '../support/stepInput';
import { refusedInRestrictedMode } from '../support/restrictedMode';

/** Arguments that skip the prompts of `Lodestar: Log Pairing Session…`. */
export interface LogPairingArgs {
  /** The mentee whose folder the session goes in. */
  mentee: string;
  /** The other people: handles, or e-mails for people without a profile. */
  with?: string[];
  date?: string;
  duration?: number;
  topics?: string[];
  pullRequests?: string[];
  commits?: string[];
  notes?: string;
}

/** Arguments that skip the prompts of `Lodestar: Confirm as Pairing Session`: a mentee and the commits (hash prefixes) or the day to log. */
export interface ConfirmPairingArgs {
  mentee: string;
  commits?: string[];
  date?: string;
}

/** Recent commits of the checked-out branch shown when logging a session. */
const RECENT_COMMITS = 30;

export function registerLogPairingCommands(records: WorkspaceRecords, pairing: PairingDetection, log: vscode.OutputChannel): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('lodestar.logPairingSession', (args?: LogPairingArgs | RecordTreeNode) => logPairingSession(records, pairing, log, args)),
    vscode.commands.registerCommand('lodestar.confirmPairing', (args?: ConfirmPairingArgs | RecordTreeNode) => confirmPairing(records, pairing, log, args)),
  );
}

interface Partner {
  key: string;
  /** What `with` records: a handle for a mentee, else an e-mail. */
  ref: string;
  name: string;
  mentee?: MenteeEntry;
  /** The git user: recorded in `with` like any partner, so the session counts for both of you. */
  you?: boolean;
}

interface RecentCommit {
  commit: HistoryCommit;
  /** People (keys) of the commit when it has co-authors. */
  session?: PairingSession;
}

/** `Lodestar: Log Pairing Session…` — returns the session's path, or undefined when nothing was written. */
async function logPairingSession(
  records: WorkspaceRecords,
  pairing: PairingDetection,
  log: vscode.OutputChannel,
  args?: LogPairingArgs | RecordTreeNode,
): Promise<string | undefined> {
  if (refusedInRestrictedMode('log pairing sessions', 'Trust this workspace to use it.')) return undefined;
  await records.ready();
  const given = args && !('type' in args) ? args : undefined;
  if (given) {
    const entry = findMentee(records, given.mentee);
    if (!entry) {
      void vscode.window.showErrorMessage(`Lodestar: "${given.mentee}" is not a mentee Lodestar knows. Nothing was written.`);
      return undefined;
    }
    return write(records, pairing, log, entry, { ...given, date: given.date ?? today() });
  }
  const fromTree =
    args && 'type' in args && args.type === 'mentee'
      ? allMentees(records).find((e) => e.mentee.handle === args.mentee.handle && e.scope.index === args.index)
      : undefined;
  const mentees = allMentees(records);
  if (mentees.length === 0) {
    await pickMentee(records, 'Log Pairing Session');
    return undefined;
  }
  const index = (fromTree ?? mentees[0]).scope.index;
  const git = createGitExecutor(index.root);
  const folderPairing = await pairing.forIndex(index);
  const partners = await partnerChoices(git, index.root, folderPairing, mentees);
  const recent = await recentCommits(git, folderPairing);
  const me = partners.find((p) => p.you);
  const branch = await currentBranch(git);
  // Prefill: the people of the branch's latest co-authored commit, or the mentee picked in the tree (and you).
  const latest = recent.find((r) => r.session)?.session?.people ?? [];
  const preselected = new Set([...(fromTree ? [partners.find((p) => p.mentee === fromTree)?.key ?? ''] : latest), me?.key ?? '']);

  let chosen: Partner[] = [];
  let date = today();
  let commits: string[] = [];
  const steps: Step<unknown>[] = [
    remembered(
      pickStep({
        many: true,
        title: 'Log Pairing Session: who did you pair with?',
        placeholder: branch
          ? `Ticked: you and the people of the latest co-authored commit on ${branch}`
          : 'Pick one or more; the first mentee picked keeps the session',
        items: () => partners.map((p) => ({ label: p.name, description: describePartner(p), value: p, picked: preselected.has(p.key) })),
      }),
      (v) => (chosen = v),
    ),
    remembered(
      inputStep({ title: 'Log Pairing Session: date', prompt: 'The day you paired (YYYY-MM-DD)', value: () => date, validate: dayProblem }),
      (v) => (date = v.trim()),
    ),
    inputStep({ title: 'Log Pairing Session: duration', prompt: 'Minutes; Enter to skip', value: () => '60', validate: durationProblem }),
    inputStep({
      title: 'Log Pairing Session: topics (optional)',
      prompt: 'What you worked on, separated by commas; Enter to skip',
      placeholder: 'e.g. retry logic, flaky tests',
    }),
    ...(recent.length > 0
      ? [
          remembered(
            pickStep({
              many: true,
              title: `Log Pairing Session: commits${branch ? ` on ${branch}` : ''} (optional)`,
              placeholder: 'Ticked: that day’s commits with the people you picked',
              items: () => {
                // Your own commits that day are not all with these people: match on the others.
                const keys = new Set(chosen.filter((p) => !p.you).map((p) => p.key));
                return recent.map((r) => ({
                  label: r.commit.subject,
                  description: `${r.commit.hash.slice(0, 7)} · ${r.commit.date.slice(0, 10)}${r.session ? ` · with ${r.session.people.map((k) => folderPairing?.directory.nameOf(k) ?? k).join(', ')}` : ''}`,
                  value: r.commit.hash,
                  picked: r.commit.date.slice(0, 10) === date && (r.session?.people.some((p) => keys.has(p)) ?? false),
                }));
              },
            }),
            (v) => (commits = v),
          ),
        ]
      : []),
    inputStep({
      title: 'Log Pairing Session: pull requests (optional)',
      prompt: 'Pull request URLs or references (#12), separated by commas; Enter to skip',
      value: () => pullRequestsOf(recent.filter((r) => commits.includes(r.commit.hash))).join(', '),
    }),
    inputStep({
      title: 'Log Pairing Session: how it went (optional)',
      prompt: `How it went: a line written under "${notesSection('pairing')}"; Enter to skip`,
      placeholder: 'e.g. Alice drove and found the race herself',
    }),
  ];
  const values = await runSteps(steps);
  if (!values) return undefined;
  const hasCommitStep = recent.length > 0;
  const mentee = chosen.find((p) => p.mentee)?.mentee;
  if (!mentee) {
    void vscode.window.showWarningMessage('Lodestar: pick at least one mentee. A pairing session is kept in a mentee’s folder. Nothing was written.');
    return undefined;
  }
  const duration = (values[2] as string).trim();
  return write(records, pairing, log, mentee, {
    mentee: mentee.handle,
    with: chosen.filter((p) => p.mentee !== mentee).map((p) => p.ref),
    date,
    duration: duration === '' ? undefined : Number(duration),
    topics: splitList(values[3] as string),
    commits: hasCommitStep ? commits : [],
    pullRequests: splitList(values[hasCommitStep ? 5 : 4] as string),
    notes: values[hasCommitStep ? 6 : 5] as string,
  });
}

async function write(
  records: WorkspaceRecords,
  pairing: PairingDetection,
  log: vscode.OutputChannel,
  entry: MenteeEntry,
  input: LogPairingArgs & { date: string },
): Promise<string | undefined> {
  const folder = entry.private ? await privateMentoringFolder(records) : entry.folder;
  if (!folder) return undefined;
  try {
    const withPeople = await partnersAsKeys(records, pairing, entry, input.with ?? []);
    const written = await writeSession(
      fileSystem,
      workspaceEditWriter,
      folder,
      { ...input, with: withPeople, handle: entry.handle, kind: 'pairing', private: entry.private, menteeName: entry.mentee.profile?.title },
      { workspaceFolders: workspaceRoots() },
    );
    log.appendLine(`Logged pairing session ${written.path}`);
    await showWritten(records, written);
    return written.path;
  } catch (e) {
    reportWriteError(e, log);
    return undefined;
  }
}

/**
 * `with` as one identity per person: a profile's handle for anyone with a
 * profile (whatever address, initials or old `.mailmap` address was given),
 * else their canonical address; the mentee themself and repeats left out.
 */
async function partnersAsKeys(records: WorkspaceRecords, pairing: PairingDetection, entry: MenteeEntry, given: readonly string[]): Promise<string[]> {
  // A private mentee's people are resolved with the first folder's profiles, `.git-coauthors` and `.mailmap`.
  const index = entry.scope.index === records.notebook.index ? records.indexes()[0]?.index : entry.scope.index;
  const directory = index ? (await pairing.forIndex(index)?.catch(() => undefined))?.directory : undefined;
  if (!directory) return [...given];
  const mentee = directory.keyFor(entry.handle).toLowerCase();
  return canonicalPeople(given, directory).filter((key) => key.toLowerCase() !== mentee && key.toLowerCase() !== entry.handle.toLowerCase());
}

function describePartner(p: Partner): string {
  if (p.you) return `${p.ref} · you`;
  if (p.mentee) return `@${p.mentee.handle} · mentee${p.mentee.private ? ' · private notebook' : ''}`;
  return p.ref;
}

/** Mentees first, then you (the git user), people who co-authored recently, and the rest of `.git-coauthors`. */
async function partnerChoices(git: GitExecutor, root: string, pairing: FolderPairing | undefined, mentees: MenteeEntry[]): Promise<Partner[]> {
  const out: Partner[] = [];
  const seen = new Set<string>();
  const add = (p: Partner): void => {
    if (seen.has(p.key)) return;
    seen.add(p.key);
    out.push(p);
  };
  for (const m of mentees.filter((e) => e.scope.index.root === root || e.private))
    add({ key: pairing ? menteeKey(pairing, m.handle) : m.handle, ref: m.handle, name: m.name, mentee: m });
  if (!pairing) return out;
  const me = await currentUser(git, pairing);
  if (me) add(me);
  // `with` records the person's key: their handle when they have a profile, else their canonical address.
  for (const person of await recentCoAuthors(git, pairing.directory).catch(() => [])) add({ key: person.key, ref: person.key, name: person.name });
  for (const entry of (await readGitCoauthors(fileSystem, root)).entries) {
    const key = pairing.directory.keyFor(`${entry.name} <${entry.email}>`);
    add({ key, ref: key, name: pairing.directory.nameOf(key) === key ? entry.name : pairing.directory.nameOf(key) });
  }
  return out;
}

/** The last commits of the checked-out branch, with who co-authored them. */
async function recentCommits(git: GitExecutor, pairing: FolderPairing | undefined): Promise<RecentCommit[]> {
  const out: RecentCommit[] = [];
  await scanHistory(git, (commit) => out.push({ commit, session: pairing ? detectedSession(commit, pairing.directory) : undefined }), {
    maxCount: RECENT_COMMITS,
  }).catch(() => undefined);
  return out;
}

/** Who runs Lodestar: `git config user.email`, as a partner (a mentee logging their own session is that mentee). */
async function currentUser(git: GitExecutor, pairing: FolderPairing): Promise<Partner | undefined> {
  try {
    const email = (await git.run(['config', '--get', 'user.email'])).trim();
    if (!email) return undefined;
    const key = pairing.directory.keyFor(email);
    return { key, ref: key, name: `${pairing.directory.nameOf(key) === key ? email : pairing.directory.nameOf(key)} (you)`, you: true };
  } catch {
    return undefined;
  }
}

/** `#12` / `!7` for the pull requests these commits merged. */
function pullRequestsOf(commits: RecentCommit[]): string[] {
  const out: string[] = [];
  for (const { commit } of commits) {
    const pr = pullRequestFromMessage(commit.subject, commit.body);
    const ref = pr ? `${pr.source === 'gitlab' ? '!' : '#'}${pr.number}` : undefined;
    if (ref && !out.includes(ref)) out.push(ref);
  }
  return out;
}

/** `Lodestar: Confirm as Pairing Session` — on a detected day (all its commits) or one commit; returns the session's path. */
async function confirmPairing(
  records: WorkspaceRecords,
  pairing: PairingDetection,
  log: vscode.OutputChannel,
  args?: ConfirmPairingArgs | RecordTreeNode,
): Promise<string | undefined> {
  if (refusedInRestrictedMode('log pairing sessions', 'Trust this workspace to use it.')) return undefined;
  await records.ready();
  let target: DetectedTarget | undefined;
  let sessions: PairingSession[] = [];
  if (args && 'type' in args && args.type === 'detected') {
    target = args.target;
    sessions = args.sessions;
  } else {
    const chosen = await chooseDetected(records, pairing, args && 'type' in args ? args : undefined, args && !('type' in args) ? args : undefined);
    if (!chosen) return undefined;
    ({ target, sessions } = chosen);
  }
  if (sessions.length === 0) return undefined;
  const folder = target.private ? await privateMentoringFolder(records) : target.folder;
  if (!folder) return undefined;
  try {
    const written = await writeConfirmedSession(
      fileSystem,
      workspaceEditWriter,
      folder,
      target.mentee,
      sessions,
      { private: target.private },
      { workspaceFolders: workspaceRoots() },
    );
    log.appendLine(`Confirmed ${sessions.length} co-authored commit(s) as pairing session ${written.path}`);
    await showWritten(records, written);
    return written.path;
  } catch (e) {
    reportWriteError(e, log);
    return undefined;
  }
}

/** The detected sessions to confirm: from arguments, a mentee or group row of the tree, or asked for. */
async function chooseDetected(
  records: WorkspaceRecords,
  pairing: PairingDetection,
  node: RecordTreeNode | undefined,
  given: ConfirmPairingArgs | undefined,
): Promise<{ target: DetectedTarget; sessions: PairingSession[] } | undefined> {
  let entry: MenteeEntry | undefined;
  if (given) entry = findMentee(records, given.mentee);
  else if (node?.type === 'mentee') entry = allMentees(records).find((e) => e.mentee.handle === node.mentee.handle && e.scope.index === node.index);
  else if (node?.type === 'detected-group') entry = findMentee(records, node.target.mentee.handle, node.target.root);
  else entry = await pickMentee(records, 'Confirm as Pairing Session: whose?');
  if (!entry) {
    if (given) void vscode.window.showErrorMessage(`Lodestar: "${given.mentee}" is not a mentee Lodestar knows. Nothing was written.`);
    return undefined;
  }
  const folderPairing = await pairing.forIndex(entry.scope.index);
  const days = folderPairing ? detectedDays(entry, folderPairing) : [];
  if (!folderPairing || days.length === 0) {
    void vscode.window.showInformationMessage(`Lodestar: no co-authored commits with ${entry.name} are waiting to be logged.`);
    return undefined;
  }
  const target = detectedTarget(entry, folderPairing);
  const all = days.flatMap((d) => d.sessions);
  if (given?.commits) {
    const wanted = given.commits.map((c) => c.trim().toLowerCase()).filter((c) => c.length >= 7);
    const sessions = all.filter((s) => wanted.some((c) => (s.commit ?? '').startsWith(c)));
    if (sessions.length === 0)
      void vscode.window.showErrorMessage(
        `Lodestar: none of ${given.commits.join(', ')} is a detected, unlogged session with ${entry.name}. Nothing was written.`,
      );
    return sessions.length > 0 ? { target, sessions } : undefined;
  }
  if (given?.date) {
    const sessions = all.filter((s) => s.date === given.date);
    if (sessions.length === 0)
      void vscode.window.showErrorMessage(`Lodestar: no detected, unlogged session with ${entry.name} on ${given.date}. Nothing was written.`);
    return sessions.length > 0 ? { target, sessions } : undefined;
  }
  const picked = await vscode.window.showQuickPick(
    days.map((d) => ({
      label: `${d.sessions[0].date} with ${d.partners}`,
      description: d.sessions.length === 1 ? (d.sessions[0].subject ?? '') : `${d.sessions.length} commits`,
      sessions: d.sessions,
    })),
    { title: `Confirm as Pairing Session: which day with ${entry.name}?` },
  );
  return picked ? { target, sessions: picked.sessions } : undefined;
}
