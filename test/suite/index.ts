import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import * as vscode from 'vscode';

/**
 * The extension-host suite: mocha inside VS Code's extension host, for the
 * code-server harness and for @vscode/test-electron alike. The scenario
 * (single- or multi-root workspace) picks the test files; the result goes to
 * LODESTAR_TEST_RESULT for the harness, and a failure throws for test-electron.
 */
export async function run(): Promise<void> {
  const requested = process.env.LODESTAR_TEST_SCENARIO;
  const scenario = requested === 'multi' || requested === 'restricted' || requested === 'monorepo' ? requested : 'single';
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  const files = {
    single: ['activation.test.js', 'commandsDeclared.test.js', 'views.test.js', 'liveUpdates.test.js', 'newDecision.test.js', 'recordOperations.test.js', 'mentoring.test.js', 'pullRequests.test.js', 'dashboard.test.js', 'governance.test.js'],
    multi: ['multiRoot.test.js'],
    restricted: ['restrictedMode.test.js'],
    monorepo: ['monorepo.test.js'],
  }[scenario];
  // LODESTAR_TEST_FILES=a.test.js,b.test.js narrows a local run (the scenario's order is kept).
  const only = process.env.LODESTAR_TEST_FILES?.split(',').map((f) => f.trim());
  for (const f of files) if (!only || only.includes(f)) mocha.addFile(path.join(__dirname, f));

  const failures: { title: string; error: string }[] = [];
  let passed = 0;
  let skipped = 0;
  const failedCount = await new Promise<number>((resolve) => {
    const runner = mocha.run((n) => resolve(n));
    runner.on('pass', () => passed++);
    runner.on('pending', () => skipped++);
    runner.on('fail', (test, err: Error) => failures.push({ title: test.fullTitle(), error: err.stack ?? err.message }));
  });

  const ext = vscode.extensions.getExtension('lodestar.lodestar');
  const api = ext?.isActive ? (ext.exports as { activationMs?: number }) : undefined;
  const result = {
    scenario,
    passed,
    failed: failedCount,
    skipped,
    failures,
    vscode: vscode.version,
    appName: vscode.env.appName,
    node: process.version,
    activationMs: api?.activationMs ?? null,
  };
  const out = process.env.LODESTAR_TEST_RESULT;
  if (out) fs.writeFileSync(out, JSON.stringify(result, null, 2));
  if (failedCount > 0) throw new Error(`${failedCount} extension-host test(s) failed`);
}
