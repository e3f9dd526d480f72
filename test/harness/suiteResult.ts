// The report test/suite/index.ts writes from inside the extension host (the window cannot hand back an exit code),
// and the events it appends while it runs, so the harness can show progress and take a screenshot of each failure.
import * as fs from 'fs';

export interface SuiteFailure {
  title: string;
  error: string;
  /** The screenshot the harness took when the test failed (before its clean-up ran). */
  screenshot?: string;
  /** The last lines of the extension host's log and the Lodestar output channel at that moment. */
  logTail?: string;
}

export interface SuiteResult {
  passed: number;
  failed: number;
  skipped: number;
  failures: SuiteFailure[];
  /** Tests whose first try failed and which ran once more (they count as passed or failed by their last try). */
  retried?: SuiteFailure[];
  seed?: number;
  vscode?: string;
  appName?: string;
  node?: string;
  activationMs?: number | null;
}

/** One line of the events file (JSON per line): a test passed, failed or was skipped. */
export interface SuiteEvent {
  kind: 'pass' | 'fail' | 'pending' | 'retry';
  /** Counts events, so the harness's answer to a failure can be matched to it. */
  id: number;
  title: string;
  ms?: number;
  error?: string;
}

/** Where the harness answers failure `id` with its screenshot and log tail (JSON {screenshot, logTail}). */
export function failureAnswerFile(eventsFile: string, id: number): string {
  return `${eventsFile}.failure-${id}.json`;
}

/** Reads the lines appended to an events file since the last call. */
export class SuiteEventReader {
  private offset = 0;
  private partial = '';

  constructor(private readonly file: string) {}

  next(): SuiteEvent[] {
    let text = '';
    try {
      const fd = fs.openSync(this.file, 'r');
      try {
        const size = fs.fstatSync(fd).size;
        if (size > this.offset) {
          const buffer = Buffer.alloc(size - this.offset);
          fs.readSync(fd, buffer, 0, buffer.length, this.offset);
          this.offset = size;
          text = buffer.toString('utf8');
        }
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      return []; // not written yet
    }
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    return lines
      .filter((l) => l.trim())
      .flatMap((l) => {
        try {
          return [JSON.parse(l) as SuiteEvent];
        } catch {
          return [];
        }
      });
  }
}

function readResult(file: string): SuiteResult | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteResult;
  } catch {
    return undefined; // not there yet, or half written: read it again on the next tick
  }
}

/**
 * Polls for the result file until it parses, `timeoutMs` passes, or `hostExited()` says the extension host is gone
 * (then it looks once more after a short grace, so a suite that crashed before reporting fails fast).
 * `onPoll` runs on every tick (the harness answers failures there).
 */
export async function waitForSuiteResult(
  file: string,
  timeoutMs: number,
  hostExited: () => boolean = () => false,
  onPoll: () => Promise<void> = async () => undefined,
): Promise<SuiteResult | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await onPoll();
    const result = readResult(file);
    if (result) return result;
    if (hostExited()) {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await onPoll();
      return readResult(file);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return undefined;
}
