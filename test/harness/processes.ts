// Child-process helpers: free ports, running commands, and killing whole process trees.
import { spawn, spawnSync, SpawnOptions } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import { removeTempDir } from './paths';

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Absolute path of an executable on PATH, or undefined. */
export function commandPath(name: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const location = found.stdout.trim();
  return found.status === 0 && location ? location : undefined;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Append stdout and stderr to this file instead of showing them. */
  logFile?: string;
}

/** Runs a command to completion and resolves with its exit code; stdin is closed so prompts cannot hang a run. */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const spawnOptions: SpawnOptions = { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'inherit', 'inherit'] };
    let log: number | undefined;
    if (options.logFile) {
      log = fs.openSync(options.logFile, 'a');
      spawnOptions.stdio = ['ignore', log, log];
    }
    const child = spawn(command, args, spawnOptions);
    child.on('error', (error) => {
      if (log !== undefined) fs.closeSync(log);
      reject(error);
    });
    child.on('close', (code, signal) => {
      if (log !== undefined) fs.closeSync(log);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

// Process groups started by the harness, with the scratch folder each one uses; killed and removed on exit or
// Ctrl-C so no code-server outlives a run.
const liveGroups = new Map<number, string | undefined>();

/** Remembers a detached child (its pid is its process group id) and its scratch folder for cleanup on exit. */
export function trackGroup(pid: number, scratchDir?: string): void {
  liveGroups.set(pid, scratchDir);
}

function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // the group is already gone
  }
}

function groupAlive(pid: number): boolean {
  return signalGroup(pid, 0);
}

/** SIGTERM the whole group, then SIGKILL whatever is still there after `graceMs`. */
export async function killGroup(pid: number, graceMs = 3000): Promise<void> {
  liveGroups.delete(pid);
  if (!signalGroup(pid, 'SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  signalGroup(pid, 'SIGKILL');
}

function killAllNow(): void {
  for (const [pid, scratchDir] of liveGroups) {
    signalGroup(pid, 'SIGKILL');
    if (scratchDir) removeTempDir(scratchDir);
  }
  liveGroups.clear();
}

process.on('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    killAllNow();
    process.exit(130);
  });
}
