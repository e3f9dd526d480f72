import { spawn } from 'child_process';
import { simpleGit, SimpleGit } from 'simple-git';

/** Text for git's stdin that arrives while git runs: handed a sink once git has started. */
export interface GitInputFeed {
  attach(sink: { write(text: string): void; end(): void }): void;
}

/**
 * The one way Lodestar runs git. Repo-local config cannot make it run
 * programs (fsmonitor, hooks, ext:: transports), output is plain and
 * unquoted, prompts are off, and user strings are only ever passed after
 * `--` or as values of options we build, never as options themselves.
 */
export interface GitExecutor {
  /** stdout of `git ARGS`; rejects with a GitError. */
  run(args: string[]): Promise<string>;
  /**
   * Runs `git ARGS` and hands its stdout to `onChunk` as it arrives (large
   * outputs such as `git log` of a long history are never held whole).
   * Same hardening as `run`; resolves when git exits 0. `input` is written
   * to git's stdin (for `--stdin`), at once or as a feed hands it over;
   * without it stdin is closed.
   */
  stream(args: string[], onChunk: (text: string) => void, input?: string | GitInputFeed): Promise<void>;
  /**
   * What `git version` prints (`git version 2.39.5`), asked once per process: every executor runs the same git.
   * Rejects with a GitError, as `run` does. An executor without it is taken for a git of unknown age.
   */
  version?(): Promise<string>;
}

export class GitError extends Error {
  constructor(
    message: string,
    /** `missing` when git is not installed, `not-a-repo` outside a repository. */
    readonly reason: 'missing' | 'not-a-repo' | 'failed',
  ) {
    super(message);
  }
}

const HARDENING = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'protocol.ext.allow=never',
  'core.quotepath=false',
  'core.pager=cat',
  'credential.helper=',
];

/**
 * The environment git runs with: the user's, less everything that names a
 * program for git to run (editors, pagers, ssh, askpass, external diff) or
 * points it at other config; Lodestar's git calls never need any of them.
 */
function gitEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    const k = key.toLowerCase();
    if (k.startsWith('git_') || ['editor', 'visual', 'pager', 'ssh_askpass', 'prefix'].includes(k)) continue;
    env[key] = value;
  }
  // NoDefaultCurrentDirectoryInExePath: on Windows, never run a git.exe sitting in the repository itself.
  // GIT_FLUSH=0: into a pipe, `git log` would flush after every commit, one small write (and one read here) each;
  // fully buffered, a 100,000-commit log costs a tenth of the system calls and of Node's stream work.
  return {
    ...env,
    LC_ALL: 'C',
    GIT_TERMINAL_PROMPT: '0',
    GCM_INTERACTIVE: 'never',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_FLUSH: '0',
    NoDefaultCurrentDirectoryInExePath: '1',
  };
}

function classify(message: string): GitError {
  if (/ENOENT|spawn git/.test(message)) return new GitError('git is not installed or not on PATH', 'missing');
  if (/not a git repository/i.test(message)) return new GitError('not a git repository', 'not-a-repo');
  return new GitError(message.trim().split('\n')[0], 'failed');
}

/** Characters of output after which small reads wait for more, and what counts as small. */
const GATHER_AFTER = 64 * 1024;
const GATHER_BELOW = 32 * 1024;

/**
 * Streams one git process's stdout. simple-git buffers whole outputs, so the
 * few large reads (history scans) spawn git directly, with the same `-c`
 * hardening and environment.
 */
function streamGit(cwd: string, args: string[], onChunk: (text: string) => void, input?: string | GitInputFeed): Promise<void> {
  return new Promise((resolve, reject) => {
    const config = HARDENING.flatMap((c) => ['-c', c]);
    let child;
    try {
      child = spawn('git', [...config, ...args], { cwd, env: gitEnvironment(), stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    } catch (e) {
      reject(classify(String((e as Error).message ?? e)));
      return;
    }
    // git may exit before reading all of `input` (an error): that is reported by its exit code, not as EPIPE here.
    const stdin = child.stdin;
    stdin.on('error', () => undefined);
    if (typeof input === 'object') input.attach({ write: (text) => void stdin.write(text), end: () => stdin.end() });
    else stdin.end(input);
    let stderr = '';
    child.stdout.setEncoding('utf8');
    // git writes a few KB at a time. Past the first pipeful, a small read makes this side wait a moment for
    // more: a 100,000-commit log is then read in about a fifth of the reads, each with its share of stream work.
    let seen = 0;
    const stdout = child.stdout;
    stdout.on('data', (text: string) => {
      onChunk(text);
      seen += text.length;
      if (seen > GATHER_AFTER && text.length < GATHER_BELOW) {
        stdout.pause();
        setTimeout(() => stdout.resume(), 1);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      if (stderr.length < 4096) stderr += text;
    });
    child.on('error', (e) => reject(classify(String(e.message ?? e))));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(classify(stderr || `git exited with code ${code}`));
    });
  });
}

/** `git version`, once asked; forgotten when it fails (no git yet), so a later call asks again. */
let versionAsked: Promise<string> | undefined;

export function createGitExecutor(cwd: string, maxConcurrent = 4): GitExecutor {
  let git: SimpleGit;
  try {
    git = simpleGit({
      baseDir: cwd,
      binary: 'git',
      maxConcurrentProcesses: maxConcurrent,
      config: HARDENING,
      trimmed: false,
      // simple-git refuses these keys whatever their value; ours only ever switch them off.
      unsafe: {
        allowUnsafeFsMonitor: true,
        allowUnsafeHooksPath: true,
        allowUnsafePager: true,
        allowUnsafeCredentialHelper: true,
        allowUnsafeProtocolOverride: true,
      },
    }).env(gitEnvironment());
  } catch (e) {
    // simple-git checks that the folder exists before anything runs.
    const failure = () => Promise.reject(new GitError(String((e as Error).message ?? e), 'not-a-repo'));
    return { run: failure, stream: failure };
  }
  return {
    async run(args: string[]): Promise<string> {
      try {
        return await git.raw(args);
      } catch (e) {
        throw classify(String((e as Error).message ?? e));
      }
    },
    stream(args: string[], onChunk: (text: string) => void, input?: string | GitInputFeed): Promise<void> {
      return streamGit(cwd, args, onChunk, input);
    },
    version(): Promise<string> {
      if (!versionAsked) {
        const asked = this.run(['version']);
        versionAsked = asked;
        asked.catch(() => {
          if (versionAsked === asked) versionAsked = undefined;
        });
      }
      return versionAsked;
    },
  };
}
