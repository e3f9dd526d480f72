// Tier 1: plain mocha over the compiled unit tests, in this process (no VS Code needed).
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import { projectRoot } from './paths';
import { Tally } from './tally';
import { orderRandom, shuffle, shuffleSuiteTree } from './testOrder';

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
 * throws if there are no compiled unit tests.
 */
export async function runUnitTests(seed: number): Promise<Tally> {
  const random = orderRandom(seed, 'unit');
  const files = shuffle(findTestFiles(path.join(projectRoot(), 'out', 'test', 'unit')).sort(), random);
  if (files.length === 0) throw new Error('no out/test/unit/**/*.test.js: run npm run compile-tests first');
  const mocha = new Mocha({ reporter: 'spec', timeout: 20_000 });
  for (const file of files) mocha.addFile(file);
  await mocha.loadFilesAsync();
  shuffleSuiteTree(mocha.suite, random);
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      const stats = runner.stats;
      resolve({ passed: stats?.passes ?? 0, failed: stats?.failures ?? 0, skipped: stats?.pending ?? 0 });
    });
  });
}
