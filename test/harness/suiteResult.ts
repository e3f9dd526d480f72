// The report test/suite/index.ts writes from inside the extension host (the window cannot hand back an exit code).
import * as fs from 'fs';

export interface SuiteResult {
  passed: number;
  failed: number;
  skipped: number;
  failures: Array<{ title: string; error: string }>;
  vscode?: string;
  appName?: string;
  node?: string;
  activationMs?: number | null;
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
 */
export async function waitForSuiteResult(file: string, timeoutMs: number, hostExited: () => boolean = () => false): Promise<SuiteResult | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const result = readResult(file);
    if (result) return result;
    if (hostExited()) {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      return readResult(file);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return undefined;
}
