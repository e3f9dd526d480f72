import * as vscode from 'vscode';
import { createForgeClient, ForgeClient, memoryForgeCache } from '../core/pulls/forgeClient';
import { isGitHubLike, RemoteRepo } from '../core/pulls/remotes';
import { refusedInRestrictedMode } from './support/restrictedMode';

/** The VS Code authentication provider that signs in to a GitHub-like remote. */
function githubProvider(remote: RemoteRepo): 'github' | 'github-enterprise' {
  return remote.kind === 'ghes' ? 'github-enterprise' : 'github';
}

function gitLabSecretKey(host: string): string {
  return `lodestar.gitlab.token/${host.toLowerCase()}`;
}

/** `github.com` → `GitHub`, a GHES host → `GitHub Enterprise (host)`, GitLab → `GitLab (host)`. */
export function forgeName(remote: RemoteRepo): string {
  if (remote.kind === 'github') return 'GitHub';
  if (remote.kind === 'ghes') return `GitHub Enterprise (${remote.host})`;
  return `GitLab (${remote.host})`;
}

/**
 * Tokens for forge enrichment, asked for only when a person runs a command
 * that needs one: VS Code's built-in `github` / `github-enterprise` sessions,
 * and a GitLab token kept in SecretStorage. Nothing here runs at activation;
 * in Restricted Mode there is no network, so no client. Tokens go to the
 * forge client and nowhere else (never logged, never shown).
 */
export class ForgeSession {
  /** Providers signed in during this window, so later background reads may use them silently. */
  private readonly signedIn = new Set<string>();
  private readonly cache = memoryForgeCache();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires after a sign-in or a token change. */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: vscode.OutputChannel,
  ) {}

  /** Whether Lodestar can ask this remote's forge at all. */
  supports(remote: RemoteRepo): boolean {
    return isGitHubLike(remote.kind) || remote.kind === 'gitlab';
  }

  /** A signed-in client, or undefined. `interactive` may show VS Code's sign-in (only from a command the user ran). */
  async client(remote: RemoteRepo, interactive: boolean): Promise<ForgeClient | undefined> {
    if (!vscode.workspace.isTrusted || !this.supports(remote)) return undefined;
    const token = await this.token(remote, interactive);
    if (!token) return undefined;
    return createForgeClient(remote, {
      token,
      cache: this.cache,
      timeoutMs: 10_000,
      maxWaitMs: 10_000,
      // The client logs method, path and status only.
      log: (line) => this.log.appendLine(`forge: ${line}`),
    });
  }

  /** True when a client is at hand without asking (signed in this window, or a stored GitLab token). */
  async isSignedIn(remote: RemoteRepo): Promise<boolean> {
    if (isGitHubLike(remote.kind)) return this.signedIn.has(githubProvider(remote));
    if (remote.kind === 'gitlab') return (await this.secrets.get(gitLabSecretKey(remote.host))) !== undefined;
    return false;
  }

  private async token(remote: RemoteRepo, interactive: boolean): Promise<string | undefined> {
    if (remote.kind === 'gitlab') {
      const stored = await this.secrets.get(gitLabSecretKey(remote.host));
      if (stored || !interactive) return stored;
      return (await this.askGitLabToken(remote.host)) ? this.secrets.get(gitLabSecretKey(remote.host)) : undefined;
    }
    const provider = githubProvider(remote);
    if (!interactive && !this.signedIn.has(provider)) return undefined;
    if (provider === 'github-enterprise' && !this.enterpriseHostMatches(remote, interactive)) return undefined;
    try {
      const session = interactive
        ? await vscode.authentication.getSession(provider, ['repo'], { createIfNone: true })
        : await vscode.authentication.getSession(provider, ['repo'], { silent: true });
      if (!session) return undefined;
      if (!this.signedIn.has(provider)) {
        this.signedIn.add(provider);
        this.emitter.fire();
      }
      return session.accessToken;
    } catch (e) {
      // Cancelled, or no such provider (some VS Code builds have no GitHub sign-in).
      this.log.appendLine(`Sign-in to ${forgeName(remote)} did not complete: ${(e as Error).message}`);
      if (interactive)
        void vscode.window.showWarningMessage(
          `Lodestar: sign-in to ${forgeName(remote)} did not complete. Everything works without it; titles and open pull requests come from git history instead.`,
        );
      return undefined;
    }
  }

  /** VS Code's `github-enterprise` session belongs to `github-enterprise.uri`; a token for one host is never sent to another. */
  private enterpriseHostMatches(remote: RemoteRepo, interactive: boolean): boolean {
    const uri = (vscode.workspace.getConfiguration('github-enterprise').get<string>('uri') ?? '').trim();
    let host = '';
    try {
      host = uri ? new URL(uri).host.toLowerCase() : '';
    } catch {
      host = '';
    }
    if (host === remote.host) return true;
    if (interactive) {
      void vscode.window.showWarningMessage(
        `Lodestar: to sign in to ${remote.host}, set the setting github-enterprise.uri to ${remote.webBase} (it is ${uri ? `"${uri}"` : 'not set'}).`,
      );
    }
    return false;
  }

  /** Signs in to the remote's forge now (a command the user ran). */
  async signIn(remote: RemoteRepo): Promise<boolean> {
    return (await this.client(remote, true)) !== undefined;
  }

  /** Asks for a GitLab token and stores it; an empty answer removes the stored one. */
  async askGitLabToken(host: string): Promise<boolean> {
    const token = await vscode.window.showInputBox({
      title: `GitLab token for ${host}`,
      prompt: 'A personal access token with read_api scope. Kept in VS Code’s secret storage; leave empty to remove the stored one.',
      password: true,
      ignoreFocusOut: true,
    });
    if (token === undefined) return false;
    await this.setGitLabToken(host, token);
    return token.trim() !== '';
  }

  async setGitLabToken(host: string, token: string): Promise<void> {
    const key = gitLabSecretKey(host);
    if (token.trim() === '') await this.secrets.delete(key);
    else await this.secrets.store(key, token.trim());
    this.log.appendLine(token.trim() === '' ? `Removed the GitLab token for ${host}.` : `Stored a GitLab token for ${host}.`);
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/**
 * `Lodestar: Sign In to Forge` (VS Code's GitHub / GitHub Enterprise sign-in,
 * or a GitLab token) and `Lodestar: Set GitLab Token…` (`{ host, token }`
 * skips the prompts; an empty token removes the stored one).
 */
export function registerForgeCommands(forge: ForgeSession, remotesOf: () => Promise<RemoteRepo[]>): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('lodestar.signInToForge', async (): Promise<boolean> => {
      if (refusedInRestrictedMode('call GitHub or GitLab', 'Trust this workspace first.')) return false;
      const remotes = (await remotesOf()).filter((r) => forge.supports(r));
      if (remotes.length === 0) {
        void vscode.window.showInformationMessage(
          'Lodestar: this folder has no GitHub or GitLab remote, so there is nothing to sign in to. Everything works from git history.',
        );
        return false;
      }
      const remote =
        remotes.length === 1
          ? remotes[0]
          : (
              await vscode.window.showQuickPick(
                remotes.map((r) => ({ label: forgeName(r), description: `${r.name ?? ''} · ${r.owner}/${r.repo}`, remote: r })),
                { title: 'Sign In to Forge: which remote?' },
              )
            )?.remote;
      if (!remote) return false;
      const ok = await forge.signIn(remote);
      if (ok)
        void vscode.window.showInformationMessage(`Lodestar: signed in to ${forgeName(remote)}. Pull-request titles and open pull requests now come from it.`);
      return ok;
    }),
    vscode.commands.registerCommand('lodestar.setGitLabToken', async (args?: { host?: string; token?: string }): Promise<boolean> => {
      if (refusedInRestrictedMode('use forges', 'Trust this workspace to set a GitLab token.')) return false;
      let host = args?.host?.trim().toLowerCase();
      if (!host) {
        const hosts = [...new Set((await remotesOf()).filter((r) => r.kind === 'gitlab').map((r) => r.host))];
        host =
          hosts.length === 1
            ? hosts[0]
            : (
                await vscode.window.showInputBox({
                  title: 'Set GitLab Token',
                  prompt: 'The GitLab host',
                  value: hosts[0] ?? 'gitlab.com',
                  validateInput: (v) => (/^[a-z0-9.-]+(:\d+)?$/i.test(v.trim()) ? undefined : 'A host name, e.g. gitlab.com'),
                })
              )
                ?.trim()
                .toLowerCase();
      }
      if (!host) return false;
      if (args?.token !== undefined) {
        await forge.setGitLabToken(host, args.token);
        return true;
      }
      return forge.askGitLabToken(host);
    }),
  );
}
