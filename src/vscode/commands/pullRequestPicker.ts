import * as vscode from 'vscode';
import { shortPullRequestLabel as shortLabel } from '../../core/influence/linkedRecords';
import { prLabel } from '../../core/influence/reportMarkdown';
import { ForgeError } from '../../core/pulls/forgeClient';
import { discoveredChoice, findDiscovered, knownChoice, PullRequestChoice, sameChoice, typedPullRequest } from '../../core/pulls/prChoices';
import { resolvePullRequestReference } from '../../core/pulls/prReferences';
import { isGitHubLike, RemoteRepo } from '../../core/pulls/remotes';
import { ForgeSession, forgeName } from '../forgeSession';
import { WorkspacePullRequests } from '../workspacePullRequests';
import { tracked } from '../support/quickInputs';
import { Step } from '../support/stepInput';

/** A pull request picked or typed: its canonical URL, or the reference it is (`#N`) when no forge URL can be made. */
export interface PickedPullRequest {
  url: string;
  number: number;
  title?: string;
  /** E-mails of its authors and co-authors (from history), lower-case: mentees among them are offered first. */
  people: string[];
}

function picked(choice: PullRequestChoice): PickedPullRequest {
  return { url: choice.reference, number: choice.number, title: choice.title, people: choice.people };
}

export interface PullRequestItem extends vscode.QuickPickItem {
  pr?: PickedPullRequest;
  signIn?: RemoteRepo;
  /** The row that reads the rest of history. */
  readAll?: boolean;
}

/** Typed text that is meant as a reference (and not a filter over the list's titles). */
function looksLikeReference(text: string): boolean {
  return /^(https?:\/\/|[#!]|\d+$|[\w.-]+\/[\w./-]*[#!])/i.test(text);
}

/** A reference as given in a command's arguments or typed: resolved against the folder's remotes, or a message. */
export async function resolvePullRequestInput(
  pullRequests: WorkspacePullRequests,
  root: string | undefined,
  input: string,
): Promise<PickedPullRequest | string> {
  const history = root ? await pullRequests.history(root) : undefined;
  const typed = typedPullRequest(input, history?.remotes ?? []);
  if (!typed.ok) return `Lodestar: ${typed.message}.`;
  return picked(knownChoice(typed, (history?.pullRequests ?? []).map(discoveredChoice)));
}

/**
 * The pull-request step: the current branch's pull request first, then
 * recent merged ones from history; typing a URL, `#N` or `!N` offers exactly
 * that one. When the repository's forge is one Lodestar can ask and nobody
 * signed in, an item offers the sign-in (titles, open pull requests); it is
 * never asked for otherwise. With a signed-in forge, a typed number that
 * does not exist is refused.
 */
export function pullRequestStep(pullRequests: WorkspacePullRequests, forge: ForgeSession, root: string | undefined, title: string): Step<PickedPullRequest> {
  return ({ step, total }) =>
    new Promise((resolve) => {
      const pick = tracked(vscode.window.createQuickPick<PullRequestItem>());
      pick.title = title;
      pick.step = step;
      pick.totalSteps = total;
      pick.placeholder = 'Pick a pull request, or type its URL, #N or !N';
      pick.ignoreFocusOut = true;
      pick.matchOnDescription = true;
      pick.matchOnDetail = true;
      if (step > 1) pick.buttons = [vscode.QuickInputButtons.Back];
      let listed: PullRequestItem[] = [];
      let remotes: RemoteRepo[] = [];
      let waitingForSignIn = false;
      let done = false;
      const finish = (v: PickedPullRequest | 'back' | undefined): void => {
        if (done) return;
        done = true;
        resolve(v);
        pick.dispose();
      };
      const typed = (): PullRequestItem[] => {
        const text = pick.value.trim();
        if (!looksLikeReference(text)) return [];
        const resolved = typedPullRequest(text, remotes);
        if (!resolved.ok) return [{ label: `$(error) ${text}`, detail: resolved.message, alwaysShow: true }];
        // A pull request already listed is shown once: the listed row, first.
        const known = listed.find((i) => i.pr && sameChoice({ reference: i.pr.url, number: i.pr.number }, resolved));
        if (known) return [{ ...known, alwaysShow: true }];
        const { reference } = resolved;
        const url = /^https?:/i.test(reference);
        return [
          {
            label: `$(link) ${url ? prLabel(reference) : reference}`,
            description: url ? 'as typed' : 'as typed: no forge URL can be made from this repository’s remotes',
            detail: url ? reference : undefined,
            alwaysShow: true,
            pr: { url: reference, number: resolved.number, people: [] },
          },
        ];
      };
      const render = (): void => {
        const first = typed();
        const shown = first[0]?.pr;
        pick.items = [
          ...first,
          ...listed.filter(
            (i) =>
              !shown || (i.pr !== shown && !(i.pr && sameChoice({ reference: i.pr.url, number: i.pr.number }, { reference: shown.url, number: shown.number }))),
          ),
        ];
      };
      const load = async (): Promise<void> => {
        pick.busy = true;
        listed = root ? await listPullRequests(pullRequests, forge, root) : [];
        remotes = root ? (await pullRequests.history(root)).remotes : [];
        if (done) return;
        pick.busy = false;
        render();
      };
      pick.onDidChangeValue(render);
      pick.onDidAccept(async () => {
        const item = pick.activeItems[0];
        if (!item) return;
        if (item.readAll && root) {
          pullRequests.readAllHistory(root);
          await load();
          return;
        }
        if (item.signIn) {
          waitingForSignIn = true;
          pick.busy = true;
          await forge.signIn(item.signIn);
          waitingForSignIn = false;
          if (done) return;
          pick.show();
          await load();
          return;
        }
        if (!item.pr) return;
        const problem = await checkOnForge(forge, item.pr, remotes, () => (pick.busy = true));
        if (done) return;
        pick.busy = false;
        if (problem) {
          pick.items = [{ label: `$(error) ${shortLabel(item.pr.url, item.pr.number)}`, detail: problem, alwaysShow: true }, ...listed];
          return;
        }
        finish(item.pr);
      });
      pick.onDidTriggerButton(() => finish('back'));
      // VS Code's sign-in dialog hides the pick; it comes back when the sign-in ends.
      pick.onDidHide(() => {
        if (!waitingForSignIn) finish(undefined);
      });
      pick.show();
      void load();
    });
}

/** The rows the pull-request step lists before anything is typed: the current pull request, then every merged one in history, whatever the remote. */
export async function historyPullRequestItems(pullRequests: WorkspacePullRequests, root: string): Promise<PullRequestItem[]> {
  const history = await pullRequests.history(root);
  const current = await pullRequests.current(root);
  const items: PullRequestItem[] = [];
  let currentChoice: PullRequestChoice | undefined;
  if (current) {
    const reference = current.url ?? `#${current.number}`;
    const known = findDiscovered(history.pullRequests, { reference, number: current.number });
    currentChoice = { reference, number: current.number, title: current.title ?? known?.title, people: known ? discoveredChoice(known).people : [] };
    items.push({
      label: `$(git-pull-request) ${shortLabel(reference, current.number)}${currentChoice.title ? ` ${currentChoice.title}` : ''}`,
      description: current.atHead
        ? `merged at HEAD${current.branch ? ` of ${current.branch}` : ''}`
        : `current branch${current.branch ? ` ${current.branch}` : ''}${current.state ? ` · ${current.state}` : ''}`,
      detail: current.url ?? undefined,
      pr: picked(currentChoice),
    });
  }
  const recent = history.pullRequests.filter((p) => !currentChoice || !sameChoice(discoveredChoice(p), currentChoice));
  if (recent.length > 0) items.push({ label: 'Merged, newest first', kind: vscode.QuickPickItemKind.Separator });
  for (const p of recent) {
    const c = discoveredChoice(p);
    items.push({
      label: `${shortLabel(c.reference, c.number)} ${p.title}`.trim(),
      description: `${p.mergedAt.slice(0, 10)} · ${p.authors.map((a) => a.name).join(', ')}`,
      detail: p.url ?? undefined,
      pr: picked(c),
    });
  }
  return items;
}

async function listPullRequests(pullRequests: WorkspacePullRequests, forge: ForgeSession, root: string): Promise<PullRequestItem[]> {
  const items = await historyPullRequestItems(pullRequests, root);
  const history = await pullRequests.history(root);
  const remote = history.remotes[0];
  if (history.truncated !== undefined) {
    items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
    items.push({
      label: `$(history) Only the newest ${history.truncated.toLocaleString('en-US')} commits were read: read all of history`,
      description: 'older pull requests are not listed yet',
      alwaysShow: true,
      readAll: true,
    });
  }
  if (history.remotes.length === 0) {
    items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
    items.push({ label: '$(info) No forge URL can be made from this repository’s remotes: #N is stored as typed, or paste the full URL', alwaysShow: true });
  } else if (remote && forge.supports(remote) && !(await forge.isSignedIn(remote))) {
    items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
    items.push({
      label: isGitHubLike(remote.kind)
        ? `$(github) Sign in to ${forgeName(remote)} for titles and open pull requests`
        : `$(key) Set a GitLab token for ${remote.host}…`,
      description: 'optional: everything works offline',
      alwaysShow: true,
      signIn: remote,
    });
  }
  return items;
}

/** With a signed-in forge, a number that does not exist is refused (a message); offline, or when the forge fails, it is taken as given. */
async function checkOnForge(forge: ForgeSession, pr: PickedPullRequest, remotes: readonly RemoteRepo[], busy: () => void): Promise<string | undefined> {
  if (pr.title !== undefined) return undefined;
  const resolved = resolvePullRequestReference(pr.url, remotes);
  if (!resolved.ok) return undefined;
  const client = await forge.client(resolved.reference.repo, false);
  if (!client) return undefined;
  busy();
  try {
    const found = await client.getPullRequest(pr.number);
    pr.title = found.title;
    return undefined;
  } catch (e) {
    if (e instanceof ForgeError && e.reason === 'not-found') return e.message;
    return undefined;
  }
}
