import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import * as vscode from 'vscode';
import { orderRandom, shuffleSuiteTree, testOrderSeed, testRetries } from '../harness/testOrder';
import { failureAnswerFile, SuiteEvent, SuiteFailure } from '../harness/suiteResult';
import { fixtureBaseline, restoreFixture } from './support';

/**
 * The extension-host suite: mocha inside VS Code's extension host, for the
 * code-server harness and for @vscode/test-electron alike. The scenario
 * (single- or multi-root workspace) picks the test files; LODESTAR_TEST_SEED
 * shuffles them and the tests inside them. Every test starts from the
 * fixture as the harness built it (see restoreFixture). The result goes to
 * LODESTAR_TEST_RESULT for the harness, and a failure throws for test-electron.
 */
export async function run(): Promise<void> {
  const requested = process.env.LODESTAR_TEST_SCENARIO;
  const scenario = requested === 'multi' || requested === 'restricted' || requested === 'monorepo' ? requested : 'single';
  const seed = testOrderSeed();
  console.log(`test order seed: ${seed}`);
  // A test that fails is run once more from the restored fixture (LODESTAR_TEST_RETRIES=0 turns this off): a test that
  // fails only when the shared machine stalls must not fail the run, but the harness reports every second try, with
  // the first try's error and screenshot, so a flaky test is seen and fixed rather than hidden.
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, reporter: 'spec', retries: testRetries() });
  // LODESTAR_TEST_GREP=text narrows a local run further, to the tests whose full title holds the text.
  if (process.env.LODESTAR_TEST_GREP) mocha.grep(process.env.LODESTAR_TEST_GREP);
  const files = {
    // One file a line, so suites added side by side merge cleanly.
    single: [
      'activation.test.js',
      'commandsDeclared.test.js',
      'views.test.js',
      'liveUpdates.test.js',
      'newDecision.test.js',
      'recordOperations.test.js',
      'mentoring.test.js',
      'pullRequests.test.js',
      'dashboard.test.js',
      'workflows.test.js',
      'brokenLinks.test.js',
      'people.test.js',
      'previewSite.test.js',
      'searchRecords.test.js',
      'governance.test.js',
    ],
    multi: ['multiRoot.test.js'],
    restricted: ['restrictedMode.test.js'],
    monorepo: ['monorepo.test.js'],
  }[scenario];
  // LODESTAR_TEST_FILES=a.test.js,b.test.js narrows a local run.
  const only = process.env.LODESTAR_TEST_FILES?.split(',').map((f) => f.trim());
  for (const f of files) if (!only || only.includes(f)) mocha.addFile(path.join(__dirname, f));
  await mocha.loadFilesAsync();
  shuffleSuiteTree(mocha.suite, orderRandom(seed, `host ${scenario}`));

  // The fixture as the harness built it, before any test ran; every test starts from it and is put back to it.
  const baseline = await fixtureBaseline();
  const eventsFile = process.env.LODESTAR_TEST_EVENTS;
  let eventId = 0;
  const emit = (event: Omit<SuiteEvent, 'id'>): number => {
    const id = ++eventId;
    if (eventsFile) fs.appendFileSync(eventsFile, `${JSON.stringify({ ...event, id })}\n`);
    return id;
  };
  const answers = new Map<string, number>();
  // Set when the last clean-up left the fixture as the baseline: the next test may start without looking again.
  let restored = false;
  mocha.suite.beforeEach(async function () {
    // Restoring after a 1,500-file branch switch on a loaded machine takes a while; a hook that times out would skip the rest.
    this.timeout(restoreTimeoutMs);
    // Whatever an earlier test (or a failed clean-up, or a describe's own before hook) left behind is undone first.
    const problem = restored && !describeHookRan ? undefined : await restoreFixture(baseline);
    restored = false;
    describeHookRan = false;
    // A fixture that cannot be restored fails this test alone, with the reason, instead of the hook (which would skip the rest).
    if (problem && this.currentTest) this.currentTest.fn = () => Promise.reject(new Error(`the fixture could not be restored before this test: ${problem}`));
  });
  mocha.suite.afterEach(async function () {
    this.timeout(restoreTimeoutMs);
    const test = this.currentTest;
    // A failed test: wait (briefly) for the harness's screenshot of the state it failed in, before restoring the fixture.
    const id = test && answers.get(test.fullTitle());
    if (id && eventsFile) await waitForFile(failureAnswerFile(eventsFile, id), 20_000);
    const problem = await restoreFixture(baseline);
    restored = !problem;
    if (problem) console.log(`      (the fixture could not be restored after this test: ${problem}; the next test tries again)`);
  });

  // A describe's before/after hooks run between the root's hooks: the next test then looks at the fixture again.
  let describeHookRan = false;
  const failures: SuiteFailure[] = [];
  const retried: SuiteFailure[] = [];
  let passed = 0;
  let skipped = 0;
  const failedCount = await new Promise<number>((resolve) => {
    const runner = mocha.run((n) => resolve(n));
    runner.on('hook end', (hook: Mocha.Hook) => {
      if (hook.parent && !hook.parent.root && /"(before|after) all" hook/.test(hook.title)) describeHookRan = true;
    });
    runner.on('pass', (test) => {
      passed++;
      emit({ kind: 'pass', title: test.fullTitle(), ms: test.duration });
    });
    runner.on('pending', (test) => {
      skipped++;
      emit({ kind: 'pending', title: test.fullTitle() });
    });
    runner.on('retry', (test: Mocha.Test, err: Error) => {
      const title = test.fullTitle();
      const error = err.stack ?? err.message;
      retried.push({ title, error });
      answers.set(title, emit({ kind: 'retry', title, error }));
    });
    runner.on('fail', (test, err: Error) => {
      const title = test.fullTitle();
      const error = err.stack ?? err.message;
      failures.push({ title, error });
      answers.set(title, emit({ kind: 'fail', title, error }));
    });
  });
  // The harness's screenshot and log tail for each failure, where it answered in time.
  for (const failure of failures) {
    const id = answers.get(failure.title);
    if (!id || !eventsFile) continue;
    try {
      Object.assign(failure, JSON.parse(fs.readFileSync(failureAnswerFile(eventsFile, id), 'utf8')) as Partial<SuiteFailure>);
    } catch {
      // not answered: the harness fills in its own
    }
  }

  const ext = vscode.extensions.getExtension('lodestar.lodestar');
  const api = ext?.isActive ? (ext.exports as { activationMs?: number }) : undefined;
  const result = {
    scenario,
    seed,
    passed,
    failed: failedCount,
    skipped,
    failures,
    retried,
    vscode: vscode.version,
    appName: vscode.env.appName,
    node: process.version,
    activationMs: api?.activationMs ?? null,
  };
  const out = process.env.LODESTAR_TEST_RESULT;
  if (out) fs.writeFileSync(out, JSON.stringify(result, null, 2));
  if (failedCount > 0) throw new Error(`${failedCount} extension-host test(s) failed (test order seed ${seed})`);
}

const restoreTimeoutMs = 300_000;

async function waitForFile(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}
