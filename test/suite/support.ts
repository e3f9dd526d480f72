import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LodestarApi } from '../../src/extension';
import type { RecordTreeNode } from '../../src/vscode/views/recordTrees';

export async function lodestar(): Promise<LodestarApi> {
  const ext = vscode.extensions.getExtension<LodestarApi>('lodestar.lodestar');
  if (!ext) throw new Error('the Lodestar extension is not installed');
  const api = await ext.activate();
  await api.records.ready();
  return api;
}

type Tree = { getChildren(node?: RecordTreeNode): Promise<RecordTreeNode[]>; getTreeItem(node: RecordTreeNode): vscode.TreeItem | Thenable<vscode.TreeItem> };

/** The rows a tree shows under `node`, as their labels. */
export async function labels(tree: Tree, node?: RecordTreeNode): Promise<string[]> {
  const children = await tree.getChildren(node);
  return Promise.all(children.map(async (c) => String((await tree.getTreeItem(c)).label)));
}

/** The child of `node` whose label is `label`. */
export async function child(tree: Tree, label: string, node?: RecordTreeNode): Promise<RecordTreeNode> {
  for (const c of await tree.getChildren(node)) {
    if (String((await tree.getTreeItem(c)).label) === label) return c;
  }
  throw new Error(
    `no row "${label}" under ${node ? String((await tree.getTreeItem(node)).label) : 'the root'}; rows: ${(await labels(tree, node)).join(' | ')}`,
  );
}

/**
 * Polls until `check` passes; returns how long it took. Fails with the last error after `timeoutMs` — a safety net
 * for a condition that never comes, generous because a loaded machine is slow, never a measure of speed.
 */
export async function eventually(check: () => Promise<void> | void, timeoutMs = 30000): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      await check();
      return Date.now() - started;
    } catch (e) {
      if (Date.now() - started > timeoutMs) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export function workspaceRoot(index = 0): string {
  const folder = vscode.workspace.workspaceFolders?.[index];
  if (!folder) throw new Error('no workspace folder is open');
  return folder.uri.fsPath;
}

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Dana Lead',
  GIT_AUTHOR_EMAIL: 'dana@example.com',
  GIT_COMMITTER_NAME: 'Dana Lead',
  GIT_COMMITTER_EMAIL: 'dana@example.com',
};

/** Runs git in `cwd` (no hooks, no signing) and returns its output. */
export function gitIn(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', ['-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    env: { ...gitEnv, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Adds `count` commits that change no file on top of the current branch in
 * one `git fast-import` (a long history in a second), dated a minute apart
 * from `from`. The suite's fixture restore puts the branch back.
 */
export function addLaterCommits(root: string, count: number, from = '2026-11-25T00:00:00Z'): void {
  const branch = gitIn(root, ['symbolic-ref', 'HEAD']).trim();
  const head = gitIn(root, ['rev-parse', 'HEAD']).trim();
  const start = Math.floor(Date.parse(from) / 1000);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const message = `Routine change ${i + 1}\n`;
    parts.push(
      `commit ${branch}\ncommitter Dana Lead <dana@example.com> ${start + i * 60} +0000\ndata ${Buffer.byteLength(message)}\n${message}${i === 0 ? `from ${head}\n` : ''}\n`,
    );
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: root, input: parts.join(''), env: { ...gitEnv }, stdio: ['pipe', 'pipe', 'pipe'] });
  // The working tree is unchanged (no commit changes a file); the index follows the new HEAD.
  gitIn(root, ['reset', '-q', '--mixed', 'HEAD']);
}

let sentinelCount = 0;

/**
 * Resolves once the file watcher has delivered and the index applied everything that happened on disk before
 * the call: a marker file is written into every record folder, and the events for them are awaited. The watcher
 * delivers events in order, so the markers come after everything before them. This is also how a test knows a
 * newly started watcher (of a folder outside the workspace) is live.
 */
export async function watcherCaughtUp(timeoutMs = 60000): Promise<void> {
  const { records } = await lodestar();
  const folders = [...new Set(records.indexes().flatMap(({ index }) => index.folders.map((f) => f.path)))].filter((f) => fs.existsSync(f));
  if (folders.length === 0) return;
  const markers = new Set(folders.map((f) => path.join(f, `.lodestar-caught-up-${process.pid}-${++sentinelCount}`)));
  const seen = new Set<string>();
  let done: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (done = resolve));
  const subscription = records.onDidApplyChanges((e) => {
    for (const p of e.paths) if (markers.has(path.normalize(p))) seen.add(path.normalize(p));
    if (seen.size === markers.size) done();
  });
  let timer: NodeJS.Timeout | undefined;
  // A watcher that starts after a marker was written never hears of it: the markers not heard of yet are written
  // again every second until each is reported (or the time is up).
  let rewrites = 0;
  const again = setInterval(() => {
    rewrites++;
    for (const marker of markers) if (!seen.has(marker)) fs.writeFileSync(marker, String(rewrites));
  }, 1000);
  try {
    for (const marker of markers) fs.writeFileSync(marker, '');
    await Promise.race([
      all,
      new Promise<void>(
        (_, reject) =>
          (timer = setTimeout(
            () => reject(new Error(`the file watcher did not report ${[...markers].filter((m) => !seen.has(m)).join(', ')} within ${timeoutMs / 1000} s`)),
            timeoutMs,
          )),
      ),
    ]);
  } finally {
    clearTimeout(timer);
    clearInterval(again);
    subscription.dispose();
    for (const marker of markers) fs.rmSync(marker, { force: true });
  }
  await records.settle();
}

// ---------------------------------------------------------------------------------------------------------------
// The fixture's known state, and putting it back. Every test starts from it (a root beforeEach in index.ts) and is
// put back to it after (a root afterEach), so a test that fails half-way cannot reach the next one.

interface RepositoryState {
  root: string;
  gitDir: string;
  /** `.git/HEAD` as written: `ref: refs/heads/main` or a commit. */
  head: string;
  /** Every branch and tag, as `refname sha` lines. */
  refs: string;
  config: string;
}

export interface FixtureBaseline {
  repositories: RepositoryState[];
  /** Global values of every `lodestar.*` setting. */
  settings: Record<string, unknown>;
  /** The private notebook's files (path → content), or undefined when it has no folder. */
  notebookRoot?: string;
  notebook?: Map<string, Buffer>;
  /** Filter and grouping of the Decisions and Design Docs views. */
  views: { filter: string; groupBy: string }[];
  /** Every record the index holds (paths, sorted): a test's record whose deletion the index has not seen yet differs. */
  indexed: string;
}

function indexedPaths(api: LodestarApi): string {
  return api.records
    .records()
    .map((r) => r.path)
    .sort()
    .join('\n');
}

function repositoryState(root: string): RepositoryState {
  const gitDir = path.resolve(root, gitIn(root, ['rev-parse', '--git-dir']).trim());
  return {
    root,
    gitDir,
    head: fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim(),
    refs: gitIn(root, ['for-each-ref', '--format=%(refname) %(objectname)']),
    config: fs.readFileSync(path.join(gitDir, 'config'), 'utf8'),
  };
}

function settingKeys(): string[] {
  const pkg = vscode.extensions.getExtension('lodestar.lodestar')?.packageJSON as {
    contributes?: { configuration?: { properties?: Record<string, unknown> } | { properties?: Record<string, unknown> }[] };
  };
  const configuration = pkg.contributes?.configuration;
  const sections = Array.isArray(configuration) ? configuration : configuration ? [configuration] : [];
  return sections.flatMap((s) => Object.keys(s.properties ?? {})).filter((k) => k.startsWith('lodestar.'));
}

function globalSettings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration();
  return Object.fromEntries(settingKeys().map((k) => [k, config.inspect(k)?.globalValue]));
}

function filesUnder(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) files.set(full, fs.readFileSync(full));
    }
  };
  if (fs.existsSync(root)) walk(root);
  return files;
}

function viewState(api: LodestarApi): { filter: string; groupBy: string }[] {
  return [api.trees.decisions, api.trees.designDocs].map((t) => ({ filter: t.currentFilter, groupBy: t.currentGroupBy }));
}

/** Reads the fixture's state as the harness built it; call once, before the first test. */
export async function fixtureBaseline(): Promise<FixtureBaseline> {
  const api = await lodestar();
  const roots = new Set<string>();
  for (const f of vscode.workspace.workspaceFolders ?? []) {
    try {
      roots.add(gitIn(f.uri.fsPath, ['rev-parse', '--show-toplevel']).trim());
    } catch {
      // not in a repository: nothing of git to restore
    }
  }
  const repositories = [...roots].map(repositoryState);
  for (const r of repositories) {
    const dirty = gitIn(r.root, ['status', '--porcelain', '--untracked-files=all']);
    if (dirty) throw new Error(`the fixture repository ${r.root} is not clean before the first test:\n${dirty}`);
  }
  const notebookRoot = api.records.notebook.location?.root;
  return {
    repositories,
    settings: globalSettings(),
    notebookRoot,
    notebook: notebookRoot && fs.existsSync(notebookRoot) ? filesUnder(notebookRoot) : undefined,
    views: viewState(api),
    indexed: indexedPaths(api),
  };
}

/** What differs from the baseline (empty when nothing does): cheap, so it runs around every test. */
function differences(baseline: FixtureBaseline, api: LodestarApi): string[] {
  const found: string[] = [];
  for (const r of baseline.repositories) {
    for (const lock of ['index.lock', 'HEAD.lock']) if (fs.existsSync(path.join(r.gitDir, lock))) found.push(`${r.root}: .git/${lock}`);
    const now = repositoryState(r.root);
    if (now.head !== r.head) found.push(`${r.root}: HEAD is ${now.head}, not ${r.head}`);
    if (now.refs !== r.refs) found.push(`${r.root}: branches moved`);
    if (now.config !== r.config) found.push(`${r.root}: .git/config changed`);
    const status = gitIn(r.root, ['status', '--porcelain', '--untracked-files=all', '--ignored']).trim();
    if (status) found.push(`${r.root}: ${status.split('\n').length} changed files (${status.split('\n').slice(0, 3).join('; ')})`);
  }
  const settings = globalSettings();
  for (const [k, v] of Object.entries(baseline.settings)) if (JSON.stringify(settings[k]) !== JSON.stringify(v)) found.push(`setting ${k}`);
  const notebookRoot = api.records.notebook.location?.root;
  if (notebookRoot !== baseline.notebookRoot) found.push('the private notebook moved');
  else if (notebookRoot) {
    const now = fs.existsSync(notebookRoot) ? filesUnder(notebookRoot) : undefined;
    const before = baseline.notebook;
    if (!now !== !before || (now && before && (now.size !== before.size || [...now].some(([p, c]) => !before.get(p)?.equals(c)))))
      found.push('the private notebook changed');
  }
  if (JSON.stringify(viewState(api)) !== JSON.stringify(baseline.views)) found.push('a view filter or grouping');
  if (indexedPaths(api) !== baseline.indexed) found.push('the index holds other records than the fixture');
  const tabs = vscode.window.tabGroups.all.reduce((n, g) => n + g.tabs.length, 0);
  if (tabs > 0) found.push(`${tabs} open editors`);
  if (vscode.workspace.textDocuments.some((d) => d.isDirty)) found.push('unsaved editors');
  return found;
}

async function restoreRepository(r: RepositoryState): Promise<void> {
  for (const lock of ['index.lock', 'HEAD.lock']) fs.rmSync(path.join(r.gitDir, lock), { force: true });
  fs.writeFileSync(path.join(r.gitDir, 'config'), r.config);
  const wanted = new Map(
    r.refs
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(' ') as [string, string]),
  );
  for (const [ref, sha] of wanted) gitIn(r.root, ['update-ref', ref, sha]);
  const branch = /^ref: refs\/heads\/(.+)$/.exec(r.head)?.[1];
  if (branch) {
    gitIn(r.root, ['checkout', '-q', '-f', branch]);
    gitIn(r.root, ['reset', '-q', '--hard', wanted.get(`refs/heads/${branch}`) ?? 'HEAD']);
  } else {
    gitIn(r.root, ['checkout', '-q', '-f', '--detach', r.head]);
  }
  gitIn(r.root, ['clean', '-q', '-ffdx']);
  const now = gitIn(r.root, ['for-each-ref', '--format=%(refname)']).split('\n').filter(Boolean);
  for (const ref of now) if (!wanted.has(ref)) gitIn(r.root, ['update-ref', '-d', ref]);
  fs.writeFileSync(path.join(r.gitDir, 'config'), r.config);
}

async function closeEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  // Unsaved changes are thrown away first, so closing asks nothing.
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Puts the fixture back as the baseline recorded it, if anything differs: open editors closed (unsaved changes
 * dropped), every repository at its branch and commit with no other files, branches and .git/config as they were,
 * `lodestar.*` settings, the private notebook and the views' filters as they were; then the index is rebuilt and the
 * file watcher has caught up. Returns what went wrong, or undefined; never throws (a hook that throws would skip
 * every later test).
 */
export async function restoreFixture(baseline: FixtureBaseline): Promise<string | undefined> {
  try {
    const api = await lodestar();
    if (differences(baseline, api).length === 0) return undefined;
    await closeEditors();
    let gitMoved = false;
    for (const r of baseline.repositories) {
      const now = repositoryState(r.root);
      gitMoved ||= now.head !== r.head || now.refs !== r.refs;
      await restoreRepository(r);
    }
    const config = vscode.workspace.getConfiguration();
    const settings = globalSettings();
    for (const [k, v] of Object.entries(baseline.settings)) {
      if (JSON.stringify(settings[k]) !== JSON.stringify(v)) await config.update(k, v, vscode.ConfigurationTarget.Global);
    }
    if (baseline.notebookRoot) {
      const now = filesUnder(baseline.notebookRoot);
      for (const p of now.keys()) if (!baseline.notebook?.has(p)) fs.rmSync(p, { force: true });
      for (const [p, content] of baseline.notebook ?? []) {
        if (!now.get(p)?.equals(content)) {
          fs.mkdirSync(path.dirname(p), { recursive: true });
          fs.writeFileSync(p, content);
        }
      }
      if (!baseline.notebook) fs.rmSync(baseline.notebookRoot, { recursive: true, force: true });
    }
    const [decisions, designDocs] = baseline.views;
    await vscode.commands.executeCommand('lodestar.decisions.filter', decisions.filter);
    await vscode.commands.executeCommand('lodestar.decisions.groupBy', decisions.groupBy);
    await vscode.commands.executeCommand('lodestar.designDocs.filter', designDocs.filter);
    await vscode.commands.executeCommand('lodestar.designDocs.groupBy', designDocs.groupBy);
    await api.records.rebuildAll();
    if (gitMoved) api.influence.pullRequests.invalidate();
    // The watcher's events about the restore come before the next test, not during it.
    await watcherCaughtUp();
    await api.records.idle();
    // Which records govern which files is worked out from the restored records and git, not from a test's leftovers.
    await api.governing.governance.rebuild();
    const left = differences(baseline, api);
    return left.length > 0 ? `still different after restoring: ${left.join('; ')}` : undefined;
  } catch (e) {
    return (e as Error).stack ?? String(e);
  }
}

/**
 * The quick fixes VS Code offers for `range`, asked again until `ready` accepts them: a request that a document or
 * diagnostics change cancels in flight, or that runs before the providers have seen the newest diagnostics, is retried.
 */
export async function quickFixes(
  uri: vscode.Uri,
  range: vscode.Range,
  ready: (actions: vscode.CodeAction[]) => boolean = (actions) => actions.length > 0,
  timeoutMs = 15000,
): Promise<vscode.CodeAction[]> {
  const started = Date.now();
  let last: vscode.CodeAction[] = [];
  let lastError: unknown;
  for (;;) {
    try {
      last =
        (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
      lastError = undefined;
      if (ready(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() - started > timeoutMs) {
      if (lastError) throw lastError;
      return last;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Whether a `view/item/context` menu entry of `command` (any group) shows on a tree item whose contextValue is
 * `contextValue`, judged by the entry's `viewItem == …` / `viewItem =~ /…/` terms as VS Code reads them (the
 * `view ==` and other terms are left out: the question is which items, not which view).
 */
export function itemMenuShows(command: string, contextValue: string): boolean {
  const pkg = vscode.extensions.getExtension('lodestar.lodestar')?.packageJSON as {
    contributes: { menus: Record<string, { command: string; when?: string }[]> };
  };
  return pkg.contributes.menus['view/item/context']
    .filter((m) => m.command === command)
    .some((m) =>
      [...(m.when ?? '').matchAll(/viewItem\s*(==|=~)\s*(\/(?:\\.|[^/])+\/|[^\s&|)]+)/g)].every(([, op, value]) =>
        op === '==' ? value === contextValue : new RegExp(value.slice(1, -1)).test(contextValue),
      ),
    );
}

/** GET `url` from a server the extension started on 127.0.0.1: status, body and Content-Security-Policy header. */
export function httpGet(url: string): Promise<{ status: number; body: string; csp: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, csp: String(res.headers['content-security-policy'] ?? '') }));
      })
      .on('error', reject);
  });
}

/**
 * The notifications of one kind shown while `fn` runs (each still shown): the window's function is wrapped, and put
 * back after, whatever happens.
 */
export async function messagesShownBy<T>(
  kind: 'showWarningMessage' | 'showErrorMessage' | 'showInformationMessage',
  fn: () => PromiseLike<T>,
): Promise<{ result: T; messages: string[] }> {
  const window = vscode.window as unknown as Record<typeof kind, (message: string, ...rest: unknown[]) => Thenable<unknown>>;
  const original = window[kind];
  const messages: string[] = [];
  window[kind] = (message, ...rest) => {
    messages.push(message);
    return original.call(vscode.window, message, ...rest);
  };
  try {
    return { result: await fn(), messages };
  } finally {
    window[kind] = original;
  }
}
