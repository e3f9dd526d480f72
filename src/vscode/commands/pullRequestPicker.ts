import * as vscode from 'vscode';
import { shortPullRequestLabel as shortLabel } from '../../core/influence/linkedRecords';
import { prLabel } from '../../core/influence/reportMarkdown';
import { ForgeError } from '../../core/pulls/forgeClient';
import { resolvePullRequestReference } from '../../core/pulls/prReferences';
import { isGitHubLike, RemoteRepo } from '../../core/pulls/remotes';
import { ForgeSession, forgeName } from '../forgeSession';
import { WorkspacePullRequests } from '../workspacePullRequests';
import { Step } from './stepInput';

/** A pull request picked or typed: its canonical URL. */
export interface PickedPullRequest {
  url: string;
  number: number;
  title?: string;
  /** E-mails of its authors and co-authors (from history), lower-case: mentees among them are offered first. */
  people: string[];
}

interface PullRequestItem extends vscode.QuickPickItem {
  pr?: PickedPullRequest;
  signIn?: RemoteRepo;
}

/** Typed text that is meant as a reference (and not a filter over the list's titles). */
function looksLikeReference(text: string): boolean {
  return /^(https?:\/\/|[#!]|\d+$|[\w.-]+\/[\w./-]*[#!])/i.test(text);
}

/** A reference as given in a command's arguments or typed: resolved against the folder's remotes, or a message. */
export async function resolvePullRequestInput(pullRequests: WorkspacePullRequests, root: string | undefined, input: string): Promise<PickedPullRequest | string> {
  const history = root ? await pullRequests.history(root) : undefined;
  const resolved = resolvePullRequestReference(input, history?.remotes ?? []);
  if (!resolved.ok) return `Lodestar: ${resolved.message}.`;
  const { url, number } = resolved.reference;
  const known = history?.pullRequests.find((p) => p.url?.toLowerCase() === url.toLowerCase());
  return { url, number, title: known?.title, people: known ? [...known.authors, ...known.coAuthors].map((p) => p.email.toLowerCase()) : [] };
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
      const pick = vscode.window.createQuickPick<PullRequestItem>();
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
        const resolved = resolvePullRequestReference(text, remotes);
        if (!resolved.ok) return [{ label: `$(error) ${text}`, detail: resolved.message, alwaysShow: true }];
        const { url, number } = resolved.reference;
        const known = listed.find((i) => i.pr?.url.toLowerCase() === url.toLowerCase())?.pr;
        return [{ label: `$(link) ${prLabel(url)}`, description: known?.title ?? 'as typed', detail: url, alwaysShow: true, pr: known ?? { url, number, people: [] } }];
      };
      const render = (): void => {
        pick.items = [...typed(), ...listed];
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

async function listPullRequests(pullRequests: WorkspacePullRequests, forge: ForgeSession, root: string): Promise<PullRequestItem[]> {
  const history = await pullRequests.history(root);
  const current = await pullRequests.current(root);
  const items: PullRequestItem[] = [];
  if (current?.url) {
    const known = history.pullRequests.find((p) => p.url === current.url);
    items.push({
      label: `$(git-pull-request) ${shortLabel(current.url, current.number)}${current.title ? ` ${current.title}` : ''}`,
      description: current.atHead ? `merged at HEAD${current.branch ? ` of ${current.branch}` : ''}` : `current branch${current.branch ? ` ${current.branch}` : ''}${current.state ? ` · ${current.state}` : ''}`,
      detail: current.url,
      pr: { url: current.url, number: current.number, title: current.title, people: known ? [...known.authors, ...known.coAuthors].map((p) => p.email.toLowerCase()) : [] },
    });
  }
  const recent = history.pullRequests.filter((p) => p.url && p.url !== current?.url).slice(0, 50);
  if (recent.length > 0) items.push({ label: 'Merged recently', kind: vscode.QuickPickItemKind.Separator });
  for (const p of recent) {
    const url = p.url as string;
    items.push({
      label: `${shortLabel(url, p.number)} ${p.title}`,
      description: `${p.mergedAt.slice(0, 10)} · ${p.authors.map((a) => a.name).join(', ')}`,
      detail: url,
      pr: { url, number: p.number, title: p.title, people: [...p.authors, ...p.coAuthors].map((a) => a.email.toLowerCase()) },
    });
  }
  const remote = history.remotes[0];
  if (history.remotes.length === 0) {
    items.push({ label: '$(info) This repository has no git remote: type the pull request’s full URL', alwaysShow: true });
  } else if (remote && forge.supports(remote) && !(await forge.isSignedIn(remote))) {
    items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
    items.push({
      label: isGitHubLike(remote.kind) ? `$(github) Sign in to ${forgeName(remote)} for titles and open pull requests` : `$(key) Set a GitLab token for ${remote.host}…`,
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
