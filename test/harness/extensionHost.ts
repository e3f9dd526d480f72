// Tier 2: the extension-host suite (test/suite) inside a real VS Code — code-server's Node extension host, shown by headless Chromium.
import * as fs from 'fs';
import * as path from 'path';
import { buildMonorepoWorkspace, buildMultiRootWorkspace, buildSingleRootWorkspace } from '../fixtures/workspaces';
import { launchChromium } from './chromium';
import { startCodeServer } from './codeServer';
import { freshTempDir, projectRoot, removeTempDir, resultsDir } from './paths';
import { step } from './progress';
import { failureAnswerFile, SuiteEventReader, SuiteFailure, SuiteResult, waitForSuiteResult } from './suiteResult';

/** `restricted` is the single-root workspace opened in Restricted Mode (workspace trust on, not granted). */
export type Scenario = 'single' | 'multi' | 'restricted' | 'monorepo';

const resultTimeoutMs = Number(process.env.LODESTAR_HOST_TIMEOUT_MS) || 10 * 60_000; // generous: a loaded machine is slow, and a missing report loses the whole scenario

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
  return errors
    .slice(-5)
    .map((line) => line.split('\n').slice(0, 8).join('\n'))
    .join('\n');
}

/** A failed host test as `npm test` prints it: its name, the seed, the error, the screenshot and the extension host log. */
export function describeFailure(failure: SuiteFailure, seed: number): string {
  const indent = (text: string) => text.split('\n').join('\n    ');
  return [
    `  ✘ ${failure.title}`,
    `    seed: ${seed} (LODESTAR_TEST_SEED=${seed} replays this order)`,
    `    ${indent(failure.error)}`,
    `    screenshot: ${failure.screenshot ?? '(none taken)'}`,
    ...(failure.logTail ? [`    extension host log:\n    ${indent(failure.logTail)}`] : []),
  ].join('\n');
}

/** Runs out/test/suite/index.js in code-server against the scenario's fixture workspace; a missing report counts as one failure. */
export async function runExtensionHostSuite(scenario: Scenario, seed: number): Promise<SuiteResult> {
  const root = projectRoot();
  const testsModule = path.join(root, 'out', 'test', 'suite', 'index.js');
  if (!fs.existsSync(testsModule)) throw new Error(`${testsModule} is missing: run npm run compile-tests first`);
  const scratch = freshTempDir(`host-${scenario}`);
  const resultFile = path.join(scratch, 'result.json');
  const eventsFile = path.join(scratch, 'events.jsonl');
  step(`extension host (${scenario}): building the fixture workspace`);
  const target = await buildWorkspace(scenario, path.join(scratch, 'workspace'));

  const server = await startCodeServer({
    label: `host-${scenario}`,
    open: target.folder ?? target.workspace,
    env: { LODESTAR_TEST_SCENARIO: scenario, LODESTAR_TEST_RESULT: resultFile, LODESTAR_TEST_EVENTS: eventsFile, LODESTAR_TEST_SEED: String(seed) },
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
    // Each test's outcome as it happens; a failure is answered with a screenshot of that moment and the log tail
    // (the suite waits for the answer before its clean-up closes what the test left open).
    const events = new SuiteEventReader(eventsFile);
    const answered = new Map<string, SuiteFailure>();
    const onPoll = async (): Promise<void> => {
      for (const event of events.next()) {
        if (event.kind === 'pass') console.log(`  ✔ ${event.title}${event.ms !== undefined ? ` (${event.ms} ms)` : ''}`);
        else if (event.kind === 'pending') console.log(`  - ${event.title} (skipped)`);
        else {
          const shot = path.join(resultsDir(), `host-${scenario}-${event.kind === 'retry' ? 'first-try' : 'failure'}-${event.id}.png`);
          const taken = await browser.page.screenshot({ path: shot }).then(
            () => true,
            () => false,
          );
          const failure: SuiteFailure = {
            title: event.title,
            error: event.error ?? '',
            screenshot: taken ? shot : undefined,
            logTail: server.extensionHostLogTail(),
          };
          fs.writeFileSync(failureAnswerFile(eventsFile, event.id), JSON.stringify({ screenshot: failure.screenshot, logTail: failure.logTail }));
          if (event.kind === 'retry') {
            console.log(`  ↻ ${event.title}: failed, running it once more (screenshot ${shot})\n    ${failure.error.split('\n').join('\n    ')}`);
          } else {
            answered.set(event.title, failure);
            console.log(`  ✘ ${event.title} (screenshot ${shot})`);
          }
        }
      }
    };
    const result = await waitForSuiteResult(resultFile, resultTimeoutMs, hostExited, onPoll);
    const screenshot = path.join(resultsDir(), `host-${scenario}.png`);
    await browser.page.screenshot({ path: screenshot }).catch(() => undefined);
    if (result) {
      // Failures the suite reported without the harness's answer (a hook, or an answer that came too late).
      result.failures = result.failures.map((f) => ({
        ...answered.get(f.title),
        ...f,
        screenshot: f.screenshot ?? answered.get(f.title)?.screenshot ?? screenshot,
        logTail: f.logTail ?? answered.get(f.title)?.logTail ?? server.extensionHostLogTail(),
      }));
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
          screenshot,
          logTail: server.extensionHostLogTail(),
        },
      ],
    };
  } finally {
    fs.writeFileSync(browserLog, consoleLines.join('\n') + '\n');
    await browser.close();
    await server.stop();
    removeTempDir(scratch);
  }
}
