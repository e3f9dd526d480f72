// Tier 2: the extension-host suite (test/suite) inside a real VS Code — code-server's Node extension host, shown by headless Chromium.
import * as fs from 'fs';
import * as path from 'path';
import { buildMonorepoWorkspace, buildMultiRootWorkspace, buildSingleRootWorkspace } from '../fixtures/workspaces';
import { launchChromium } from './chromium';
import { startCodeServer } from './codeServer';
import { freshTempDir, projectRoot, resultsDir } from './paths';
import { step } from './progress';
import { SuiteResult, waitForSuiteResult } from './suiteResult';

/** `restricted` is the single-root workspace opened in Restricted Mode (workspace trust on, not granted). */
export type Scenario = 'single' | 'multi' | 'restricted' | 'monorepo';

const resultTimeoutMs = Number(process.env.LODESTAR_HOST_TIMEOUT_MS) || 4 * 60_000;

async function buildWorkspace(scenario: Scenario, dir: string): Promise<{ folder?: string; workspace?: string }> {
  if (scenario === 'monorepo') return { workspace: (await buildMonorepoWorkspace(dir)).workspaceFile };
  if (scenario !== 'multi') return { folder: (await buildSingleRootWorkspace(dir)).folder };
  return { workspace: (await buildMultiRootWorkspace(dir)).workspaceFile };
}

// Console errors worth showing when the suite never reported (a suite that throws while loading lands here);
// offline gallery lookups and missing optional files are noise on this machine.
function workbenchErrors(consoleLines: string[]): string {
  const noise = /open-vsx|ENOTFOUND|ERR_NAME_NOT_RESOLVED|Failed to load resource/;
  const errors = consoleLines.filter((line) => /^\[(error|pageerror)\]/.test(line) && !noise.test(line));
  if (errors.length === 0) return '(none)';
  return errors.slice(-5).map((line) => line.split('\n').slice(0, 8).join('\n')).join('\n');
}

/** Runs out/test/suite/index.js in code-server against the scenario's fixture workspace; a missing report counts as one failure. */
export async function runExtensionHostSuite(scenario: Scenario): Promise<SuiteResult> {
  const root = projectRoot();
  const testsModule = path.join(root, 'out', 'test', 'suite', 'index.js');
  if (!fs.existsSync(testsModule)) throw new Error(`${testsModule} is missing: run npm run compile-tests first`);
  const scratch = freshTempDir(`host-${scenario}`);
  const resultFile = path.join(scratch, 'result.json');
  step(`extension host (${scenario}): building the fixture workspace`);
  const target = await buildWorkspace(scenario, path.join(scratch, 'workspace'));

  const server = await startCodeServer({
    label: `host-${scenario}`,
    open: target.folder ?? target.workspace,
    env: { LODESTAR_TEST_SCENARIO: scenario, LODESTAR_TEST_RESULT: resultFile },
    disableWorkspaceTrust: scenario !== 'restricted',
  });
  const browser = await launchChromium().catch(async (error) => {
    await server.stop();
    throw error;
  });
  const browserLog = path.join(resultsDir(), `host-${scenario}-browser.log`);
  const consoleLines: string[] = [];
  browser.page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
  browser.page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.message}`));
  try {
    const url = server.workbenchUrl({
      ...target,
      payload: [
        ['extensionDevelopmentPath', server.remoteUri(root)],
        ['extensionTestsPath', server.remoteUri(testsModule)],
      ],
    });
    step(`extension host (${scenario}): opening the workbench, waiting up to ${resultTimeoutMs / 1000} s for the suite`);
    await browser.page.goto(url);
    // The extension host exits once run() settles; without a report by then, waiting the full timeout helps nobody.
    const hostExited = () => /Extension Host Process exited/.test(server.logTail(200));
    const result = await waitForSuiteResult(resultFile, resultTimeoutMs, hostExited);
    const screenshot = path.join(resultsDir(), `host-${scenario}.png`);
    await browser.page.screenshot({ path: screenshot }).catch(() => undefined);
    if (result) {
      // Kept for `npm run bench`, which reports the activate() time measured here.
      fs.writeFileSync(path.join(resultsDir(), `host-${scenario}-result.json`), JSON.stringify(result, null, 2));
      return result;
    }
    return {
      passed: 0,
      failed: 1,
      skipped: 0,
      failures: [
        {
          title: `extension-host suite (${scenario}) never reported a result`,
          error:
            `${hostExited() ? 'the extension host exited without writing' : `no report after ${resultTimeoutMs / 1000} s at`} ${resultFile}; ` +
            `see ${screenshot} and ${browserLog}.\nErrors in the workbench console:\n${workbenchErrors(consoleLines)}\n` +
            `Last lines of ${server.logFile}:\n${server.logTail(25)}`,
        },
      ],
    };
  } finally {
    fs.writeFileSync(browserLog, consoleLines.join('\n') + '\n');
    await browser.close();
    await server.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
