// Tier 1: plain mocha over the compiled unit tests, in this process (no VS Code needed).
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import { projectRoot } from './paths';
import { failureNote, Tally } from './tally';
import { orderRandom, shuffle, shuffleSuiteTree, testRetries } from './testOrder';

function findTestFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findTestFiles(full);
    return entry.isFile() && entry.name.endsWith('.test.js') ? [full] : [];
  });
}

/**
 * Runs out/test/unit/**\/*.test.js with the spec reporter, files and tests in the order `seed` shuffles them to;
 * throws if there are no compiled unit tests. A failing test runs once more (LODESTAR_TEST_RETRIES, 1 by default);
 * the notes name every failure and every test that passed only on its second try.
 */
export async function runUnitTests(seed: number): Promise<Tally & { notes: string[] }> {
  const random = orderRandom(seed, 'unit');
  const files = shuffle(findTestFiles(path.join(projectRoot(), 'out', 'test', 'unit')).sort(), random);
  if (files.length === 0) throw new Error('no out/test/unit/**/*.test.js: run npm run compile-tests first');
  const mocha = new Mocha({ reporter: 'spec', timeout: 20_000, retries: testRetries() });
  for (const file of files) mocha.addFile(file);
  await mocha.loadFilesAsync();
  shuffleSuiteTree(mocha.suite, random);
  const failures: Array<{ title: string; error: string }> = [];
  const firstTries = new Map<string, string>();
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      const stats = runner.stats;
      const notes = failures.map((f) => failureNote('✘', f.title, f.error));
      for (const [title, error] of firstTries) {
        if (!failures.some((f) => f.title === title)) notes.push(failureNote('↻ passed on the second try:', title, error));
      }
      resolve({ passed: stats?.passes ?? 0, failed: stats?.failures ?? 0, skipped: stats?.pending ?? 0, notes });
    });
    runner.on('retry', (test: Mocha.Test, err: Error) => {
      const error = err.stack ?? err.message;
      firstTries.set(test.fullTitle(), error);
      console.log(`  ↻ ${test.fullTitle()}: failed, running it once more\n    ${error.split('\n').join('\n    ')}`);
    });
    runner.on('fail', (test: Mocha.Test, err: Error) => failures.push({ title: test.fullTitle(), error: err.stack ?? err.message }));
  });
}
