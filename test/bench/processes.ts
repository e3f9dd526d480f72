import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';

/**
 * Whole-process timing: a command is started, its output read (and thrown
 * away) as a user's pipe would, and timed from spawn to exit, start-up
 * included. Two commands run in turn, A B A B …, and each ratio is taken pair
 * by pair, so a machine that speeds up or slows down during the run moves
 * both sides alike. Peak memory of Node processes is their own `maxRSS`,
 * written on exit by a preloaded hook (given to both sides alike).
 */

export interface Command {
  /** For the table: what was run. */
  label: string;
  file: string;
  args: string[];
  cwd: string;
  /** A Node process: run with the memory hook, so its peak RSS is known. */
  node?: boolean;
  /** Extra environment variables for this command. */
  env?: Record<string, string>;
  /** Runs before each run of the command, untimed (e.g. removing what the last run wrote). */
  before?: () => void;
}

export interface RunFigures {
  wallMs: number;
  /** Peak resident memory in MB, for Node commands. */
  peakMb?: number;
  stdoutBytes: number;
  code: number | null;
}

const HOOK_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-bench-hook-'));
const HOOK = path.join(HOOK_DIR, 'peak-memory.js');
fs.writeFileSync(
  HOOK,
  "process.on('exit', () => { if (process.env.LODESTAR_BENCH_PEAK) require('fs').writeFileSync(process.env.LODESTAR_BENCH_PEAK, String(process.resourceUsage().maxRSS)); });\n",
);
let runNumber = 0;

export function runOnce(c: Command): Promise<RunFigures> {
  c.before?.();
  const peakFile = path.join(HOOK_DIR, `peak-${++runNumber}`);
  const file = c.node ? process.execPath : c.file;
  const args = c.node ? ['--require', HOOK, c.file, ...c.args] : c.args;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, args, { cwd: c.cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...c.env, LODESTAR_BENCH_PEAK: peakFile } });
    let stdoutBytes = 0;
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdoutBytes += b.length));
    child.stderr.on('data', (b: Buffer) => {
      if (stderr.length < 2000) stderr += b.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      let peakMb: number | undefined;
      if (c.node && fs.existsSync(peakFile)) {
        peakMb = Number(fs.readFileSync(peakFile, 'utf8')) / 1024;
        fs.rmSync(peakFile);
      }
      if (code !== 0 && code !== 1) reject(new Error(`${c.label} exited ${code}: ${stderr}`));
      else resolve({ wallMs, peakMb, stdoutBytes, code });
    });
  });
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export interface PairFigures {
  a: { wallMs: number; peakMb?: number; stdoutBytes: number };
  b: { wallMs: number; peakMb?: number; stdoutBytes: number };
  /** Median of the pair-by-pair ratios A/B. */
  timeRatio: number;
  memoryRatio?: number;
  runs: number;
}

/** A and B in turn, after one warm-up each; medians of `runs` pairs. */
export async function comparePair(a: Command, b: Command, runs: number): Promise<PairFigures> {
  await runOnce(a);
  await runOnce(b);
  const as: RunFigures[] = [];
  const bs: RunFigures[] = [];
  for (let i = 0; i < runs; i++) {
    as.push(await runOnce(a));
    bs.push(await runOnce(b));
  }
  const peaks = (xs: RunFigures[]): number | undefined => (xs.every((x) => x.peakMb !== undefined) ? median(xs.map((x) => x.peakMb as number)) : undefined);
  const memoryRatios =
    as.every((x) => x.peakMb !== undefined) && bs.every((x) => x.peakMb !== undefined)
      ? as.map((x, i) => (x.peakMb as number) / (bs[i].peakMb as number))
      : undefined;
  return {
    a: { wallMs: median(as.map((x) => x.wallMs)), peakMb: peaks(as), stdoutBytes: as[as.length - 1].stdoutBytes },
    b: { wallMs: median(bs.map((x) => x.wallMs)), peakMb: peaks(bs), stdoutBytes: bs[bs.length - 1].stdoutBytes },
    timeRatio: median(as.map((x, i) => x.wallMs / bs[i].wallMs)),
    memoryRatio: memoryRatios ? median(memoryRatios) : undefined,
    runs,
  };
}

export function cleanUpHooks(): void {
  fs.rmSync(HOOK_DIR, { recursive: true, force: true });
}
