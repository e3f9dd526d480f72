// `npm test`: unit tests, the extension-host suite in a real VS Code (code-server), then the packaged extension
// driven like a person would. Ends with the line `N passed, M failed` and exits 1 if anything failed or could not run.
// Every tier runs its tests in an order shuffled by one seed, printed first (`test order seed: N`);
// LODESTAR_TEST_SEED=N replays that order.
// Every temporary folder of the run (all tiers and the processes they start) goes under one folder, removed at the
// end even when a tier fails or the run is interrupted; LODESTAR_KEEP_TMP=1 keeps it.
import * as path from 'path';
import { runJourney } from '../e2e/journey';
import { keepTempFolders, TempRoot } from '../fixtures/tempRoot';
import { describeFailure, runExtensionHostSuite, Scenario } from './extensionHost';
import { projectRoot } from './paths';
import { run } from './processes';
import { addUp, countsLine, failureNote, TierOutcome } from './tally';
import { orderRandom, shuffle, testOrderSeed } from './testOrder';
import { runUnitTests } from './unitTests';

const allTiers = ['unit', 'host', 'e2e'] as const;
type TierName = (typeof allTiers)[number];

/** LODESTAR_TEST_TIERS=unit,host narrows a local run; all tiers by default. */
function selectedTiers(): TierName[] {
  const requested = process.env.LODESTAR_TEST_TIERS;
  if (!requested) return [...allTiers];
  const names = requested
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(allTiers as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`LODESTAR_TEST_TIERS: unknown tier ${unknown.join(', ')} (use ${allTiers.join(',')})`);
  return allTiers.filter((tier) => names.includes(tier));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function unitTier(seed: number): Promise<TierOutcome> {
  return { tier: 'unit', ...(await runUnitTests(seed)) };
}

async function hostTier(seed: number): Promise<TierOutcome> {
  const outcome: TierOutcome = { tier: 'host', passed: 0, failed: 0, skipped: 0, notes: [] };
  for (const scenario of shuffle(['single', 'multi', 'restricted', 'monorepo'] as Scenario[], orderRandom(seed, 'host scenarios'))) {
    try {
      const result = await runExtensionHostSuite(scenario, seed);
      if (result.vscode) console.log(`extension host: VS Code ${result.vscode} (${result.appName})`);
      if (typeof result.activationMs === 'number') console.log(`activate(): ${Number(result.activationMs.toFixed(1))} ms`);
      console.log(`${scenario}: ${countsLine(result)}`);
      for (const failure of result.failures) console.log(describeFailure(failure, seed));
      outcome.passed += result.passed;
      outcome.failed += result.failed;
      outcome.skipped += result.skipped;
      outcome.notes.push(`${scenario}: ${countsLine(result)}`);
      for (const failure of result.failures) outcome.notes.push(failureNote('✘', failure.title, failure.error));
      const failedTitles = new Set(result.failures.map((f) => f.title));
      for (const first of result.retried ?? []) {
        if (!failedTitles.has(first.title)) outcome.notes.push(failureNote('↻ passed on the second try:', first.title, first.error));
      }
    } catch (error) {
      // One scenario that cannot start is one failure; the other scenario still runs.
      outcome.failed++;
      outcome.notes.push(`${scenario}: could not run: ${message(error)}`);
      console.log(`${scenario}: could not run: ${message(error)}`);
    }
  }
  return outcome;
}

async function e2eTier(seed: number): Promise<TierOutcome> {
  console.log('npm run package');
  const code = await run('npm', ['run', 'package'], { cwd: projectRoot() });
  if (code !== 0) throw new Error(`npm run package exited with ${code}`);
  return runJourney(path.join(projectRoot(), 'lodestar.vsix'), seed);
}

const tierRunners: Record<TierName, { title: string; run: (seed: number) => Promise<TierOutcome> }> = {
  unit: { title: 'tier 1: unit tests (mocha)', run: unitTier },
  host: { title: 'tier 2: extension-host suite in VS Code (code-server)', run: hostTier },
  e2e: { title: 'tier 3: packaged extension, user journey (Playwright)', run: e2eTier },
};

/** Where this run's temporary folders are, said before the closing counts line when a tier failed or they are kept. */
function tempFoldersNote(dir: string, kept: boolean): string {
  return kept
    ? `temporary folders of this run kept in ${dir} (LODESTAR_KEEP_TMP is set; delete the folder when done)`
    : `temporary folders of this run (${dir}) are removed; LODESTAR_KEEP_TMP=1 keeps them for inspection`;
}

async function main(tempRoot: TempRoot): Promise<number> {
  const started = Date.now();
  const seed = testOrderSeed();
  console.log(`test order seed: ${seed}`);
  console.log(`(LODESTAR_TEST_SEED=${seed} npm test runs the tests in this order again)`);
  const outcomes: Array<TierOutcome & { seconds: number }> = [];
  for (const tier of selectedTiers()) {
    console.log(`\n=== ${tierRunners[tier].title} ===`);
    const tierStarted = Date.now();
    let outcome: TierOutcome;
    try {
      outcome = await tierRunners[tier].run(seed);
    } catch (error) {
      // A tier that cannot run counts as a failure, so a broken setup never looks green.
      outcome = { tier, passed: 0, failed: 1, skipped: 0, couldNotRun: message(error), notes: [] };
      console.log(`${tier}: could not run: ${message(error)}`);
    }
    outcomes.push({ ...outcome, seconds: Math.round((Date.now() - tierStarted) / 1000) });
  }

  console.log('\n=== summary ===');
  for (const outcome of outcomes) {
    const status = outcome.couldNotRun ? `could not run (${outcome.couldNotRun.split('\n')[0]})` : countsLine(outcome);
    console.log(`${outcome.tier.padEnd(5)} ${status}  [${outcome.seconds} s]`);
    for (const note of outcome.notes) console.log(`      ${note.split('\n')[0]}`);
  }
  console.log(`total time ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`test order seed: ${seed}`);
  const total = addUp(outcomes);
  if (total.failed > 0 || keepTempFolders()) console.log(tempFoldersNote(tempRoot.dir, keepTempFolders()));
  console.log(countsLine(total));
  return total.failed > 0 ? 1 : 0;
}

// Made under the machine's temp folder before anything else reads TMPDIR; processes.ts ends the run on Ctrl-C or
// SIGTERM with process.exit, so the 'exit' handler removes the folder then too.
const tempRoot = new TempRoot();
tempRoot.enter();
tempRoot.removeAtExit();
// The records the CLI keeps between runs (src/cli/recordCache.ts) go with the run's other temporary files, not
// into the user's cache folder.
process.env.LODESTAR_RECORD_CACHE_DIR ??= path.join(tempRoot.dir, 'record-cache');

main(tempRoot).then(
  (code) => process.exit(code),
  (error) => {
    console.error(message(error));
    console.log(tempFoldersNote(tempRoot.dir, keepTempFolders()));
    console.log(countsLine({ passed: 0, failed: 1, skipped: 0 }));
    process.exit(1);
  },
);
