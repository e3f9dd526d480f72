// A real VS Code for tests on an offline machine: code-server (VS Code's server and web workbench, from npm),
// installed once into the cache and started per test with its own config, user data and extensions.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { CODE_SERVER_VERSION, ensureCodeServer } from './codeServerInstall';
import { freshTempDir, removeTempDir, resultsDir, xdgDirsUnder } from './paths';
import { freePort, killGroup, run, trackGroup } from './processes';
import { step, tail } from './progress';

export { CODE_SERVER_VERSION, ensureCodeServer };

export interface CodeServerOptions {
  /** Names the log file in test-results/. */
  label: string;
  /** Folder or .code-workspace file to open by default. */
  open?: string;
  /** A .vsix installed into the fresh extensions dir before start (also proves the package is whole). */
  installExtension?: string;
  /** Extra environment for code-server; its extension host inherits it. */
  env?: Record<string, string>;
  /** Default true; leave trust on only to test Restricted Mode. */
  disableWorkspaceTrust?: boolean;
  /** Written to the fresh user data dir's settings.json. */
  userSettings?: Record<string, unknown>;
}

export interface RunningCodeServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** 127.0.0.1:PORT, the authority of vscode-remote:// URIs. */
  authority: string;
  logFile: string;
  /** The fresh user data dir; VS Code keeps its logs (extension host, output channels) under `logs/`. */
  userDataDir: string;
  /** The last lines of the extension host's log and of the Lodestar output channel, each under its file name. */
  extensionHostLogTail(lines?: number): string;
  /** Workbench URL opening `folder` or `workspace`, with an optional payload (extensionDevelopmentPath, extensionTestsPath). */
  workbenchUrl(target: { folder?: string; workspace?: string; payload?: Array<[string, string]> }): string;
  /** vscode-remote:// URI of a path on this machine, as the payload wants it. */
  remoteUri(absolutePath: string): string;
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

// Settings that keep first-run pages and prompts from covering the workbench.
const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.openRepositoryInParentFolders': 'never',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
};

/** Log files under `dir`, recursively (VS Code nests them by session and window). */
function logFilesUnder(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? logFilesUnder(path.join(dir, e.name)) : e.name.endsWith('.log') ? [path.join(dir, e.name)] : []));
}

/** The tails of the extension host's own log and the Lodestar output channel under a user data dir. */
export function extensionHostLogTail(userDataDir: string, lines = 25): string {
  const files = logFilesUnder(path.join(userDataDir, 'logs')).filter((f) => /exthost\.log$|Lodestar\.log$/.test(f));
  if (files.length === 0) return `(no extension host log under ${path.join(userDataDir, 'logs')})`;
  return files
    .map((f) => {
      let text = '';
      try {
        text = fs.readFileSync(f, 'utf8');
      } catch (e) {
        text = `(unreadable: ${(e as Error).message})`;
      }
      return `--- ${path.basename(path.dirname(f))}/${path.basename(f)} (last ${lines} lines)\n${tail(text.trimEnd(), lines)}`;
    })
    .join('\n');
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(true);
    });
    request.setTimeout(2000, () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

/** Starts code-server on a free 127.0.0.1 port and resolves once GET / answers. */
export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const binary = await ensureCodeServer();
  const home = freshTempDir(`code-server-${options.label}`);
  const userDataDir = path.join(home, 'user-data');
  const extensionsDir = path.join(home, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...quietSettings, ...options.userSettings }, null, 2));
  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  // Its own config file, so code-server never writes ~/.config/code-server/config.yaml.
  const configFile = path.join(home, 'config.yaml');
  fs.writeFileSync(configFile, `bind-addr: ${authority}\nauth: none\ncert: false\n`);
  const logFile = path.join(resultsDir(), `${options.label}-code-server.log`);
  fs.writeFileSync(logFile, '');
  // XDG dirs keep code-server's logs, device id and state out of the user's home.
  const env: NodeJS.ProcessEnv = { ...process.env, ...xdgDirsUnder(home), ...options.env };
  const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  if (options.installExtension) {
    step(`installing ${path.basename(options.installExtension)} into a fresh extensions dir`);
    const code = await run(binary, [...common, '--install-extension', options.installExtension, '--force'], { env, logFile });
    const log = fs.readFileSync(logFile, 'utf8');
    if (code !== 0 || !/successfully installed/i.test(log)) {
      removeTempDir(home);
      throw new Error(`code-server --install-extension ${options.installExtension} failed (exit ${code}):\n${tail(log)}`);
    }
  }

  const args = [
    ...common,
    '--auth',
    'none',
    '--bind-addr',
    authority,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(options.disableWorkspaceTrust === false ? [] : ['--disable-workspace-trust']),
    ...(options.open ? [options.open] : []),
  ];
  const log = fs.openSync(logFile, 'a');
  // detached: its own process group, so stop() can kill the extension host and other children with it.
  const child = spawn(binary, args, { env, detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  if (child.pid === undefined) throw new Error(`could not start ${binary}`);
  const pid = child.pid;
  trackGroup(pid, home);
  let exited: string | undefined;
  child.on('exit', (code, signal) => (exited = `code ${code} signal ${signal}`));

  const origin = `http://${authority}`;
  const logTail = (lines = 30) => tail(fs.readFileSync(logFile, 'utf8'), lines);
  const stop = async () => {
    await killGroup(pid);
    removeTempDir(home);
  };
  const deadline = Date.now() + 60_000;
  while (!(await answers(`${origin}/`))) {
    if (exited || Date.now() > deadline) {
      await stop();
      throw new Error(`code-server ${exited ? `exited (${exited})` : 'did not answer within 60 s'}; last lines of ${logFile}:\n${logTail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  step(`code-server ${CODE_SERVER_VERSION} listening on ${origin} (pid ${pid}, log ${path.relative(process.cwd(), logFile)})`);

  const remoteUri = (absolutePath: string) => `vscode-remote://${authority}${absolutePath}`;
  return {
    origin,
    authority,
    logFile,
    userDataDir,
    extensionHostLogTail: (lines = 25) => extensionHostLogTail(userDataDir, lines),
    remoteUri,
    logTail,
    stop,
    workbenchUrl({ folder, workspace, payload }) {
      const query: string[] = [];
      if (folder) query.push(`folder=${encodeURIComponent(folder)}`);
      if (workspace) query.push(`workspace=${encodeURIComponent(workspace)}`);
      if (payload) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
      return `${origin}/${query.length ? `?${query.join('&')}` : ''}`;
    },
  };
}
