// Tier 3: a person's first minute with the packaged extension — open the Lodestar side bar, find a decision, read it.
// Runs against the .vsix installed into a fresh code-server, so it also proves the package is complete.
import * as fs from 'fs';
import * as path from 'path';
import { buildRepo } from '../fixtures/gitRepo';
import { buildSingleRootWorkspace } from '../fixtures/workspaces';
import { launchChromium } from '../harness/chromium';
import { startCodeServer } from '../harness/codeServer';
import { Page } from 'playwright-core';
import { freshTempDir, projectRoot, removeTempDir, resultsDir } from '../harness/paths';
import { step } from '../harness/progress';
import { JourneyStep, screenshot } from './journeyStep';
import { moreJourneyBlocks, moreJourneySteps } from './moreJourneys';
import { orderRandom, shuffle, testOrderSeed, testRetries } from '../harness/testOrder';
import { countsLine, failureNote, TierOutcome } from '../harness/tally';
import {
  activeEditorText,
  activityBarItem,
  collapseView,
  dismissNotifications,
  editorTab,
  expandRow,
  expandView,
  generousMs,
  openViewContainer,
  quickInput,
  runCommand,
  treeRow,
  waitForWorkbench,
} from './workbench';

const recordFile = '0002-use-postgresql.md';
/** A repository with no records yet, opened last to see what a new user is told. Set by runJourney. */
let emptyWorkspaceUrl = '';
const recordRow = '0002 Use PostgreSQL';
/** Records 1–6 are in the fixture and a colleague's branch claims 5, so the next is 7. */
const newRecordFile = '0007-use-redis-for-sessions.md';

/** New Decision Record… from the palette, as a person types it: title, one superseded record, no links, Accepted, deciders, no applies-to. */
async function draftFromPalette(page: Page, o: { title: string; supersedes: string; deciders?: string; screenshotAfterSupersedes?: string }): Promise<void> {
  await runCommand(page, 'Lodestar: New Decision Record');
  const input = quickInput(page).locator('input');
  await quickInput(page).getByText('Title of decision').waitFor({ state: 'visible', timeout: generousMs });
  await input.fill(o.title);
  await page.keyboard.press('Enter');
  await quickInput(page).locator('.monaco-list-row', { hasText: o.supersedes }).click();
  if (o.screenshotAfterSupersedes) await screenshot(page, o.screenshotAfterSupersedes);
  await input.focus();
  await page.keyboard.press('Enter');
  await quickInput(page).getByText('New Decision Record: links').waitFor({ state: 'visible', timeout: generousMs });
  await page.keyboard.press('Enter');
  await quickInput(page).getByText('New Decision Record: status').waitFor({ state: 'visible', timeout: generousMs });
  await input.fill('Accepted');
  await page.keyboard.press('Enter');
  await quickInput(page).getByText('Who decides').waitFor({ state: 'visible', timeout: generousMs });
  if (o.deciders) await input.fill(o.deciders);
  await page.keyboard.press('Enter');
  // Applies to…: prefilled from the active editor's folder (empty here: a record is in front); Enter keeps it.
  await quickInput(page).getByText('The code this decision governs').waitFor({ state: 'visible', timeout: generousMs });
  await page.keyboard.press('Enter');
}

const journey: JourneyStep[] = [
  {
    name: 'the workbench opens the fixture workspace with the packaged extension',
    run: async (page) => {
      await waitForWorkbench(page);
      await dismissNotifications(page);
    },
  },
  {
    name: 'the Lodestar icon in the activity bar opens the Lodestar side bar',
    run: async (page) => {
      await openViewContainer(page, 'Lodestar');
      const decisions = await expandView(page, 'Decisions');
      // The view says "Looking for decision records…" until the first index is built; wait for real rows.
      await decisions.locator('.monaco-list-row[role="treeitem"]').first().waitFor({ state: 'visible', timeout: generousMs });
      await dismissNotifications(page);
      await screenshot(page, 'journey-1-container.png');
    },
  },
  {
    name: `the Decisions view groups records by status and lists "${recordRow}" under Accepted`,
    run: async (page) => {
      const decisions = await expandView(page, 'Decisions');
      await expandRow(treeRow(decisions, 'Accepted'));
      await treeRow(decisions, recordRow).waitFor({ state: 'visible', timeout: generousMs });
      await screenshot(page, 'journey-2-tree.png');
    },
  },
  {
    name: `clicking "${recordRow}" opens ${recordFile} in an editor showing "Use PostgreSQL"`,
    run: async (page) => {
      const decisions = await expandView(page, 'Decisions');
      await treeRow(decisions, recordRow).click();
      await editorTab(page, recordFile).waitFor({ state: 'visible', timeout: generousMs });
      await activeEditorText(page).filter({ hasText: 'Use PostgreSQL' }).waitFor({ state: 'visible', timeout: generousMs });
      await dismissNotifications(page);
      await screenshot(page, 'journey-3-record.png');
    },
  },
  {
    name: 'Lodestar: New Decision Record… from the palette: title, supersedes, links, status, deciders, then the new record opens and shows in the tree',
    run: async (page) => {
      await draftFromPalette(page, {
        title: 'Use Redis for sessions',
        supersedes: '0002 Use PostgreSQL',
        deciders: 'Dana Lead',
        screenshotAfterSupersedes: 'journey-4-supersedes.png',
      });
      await editorTab(page, newRecordFile).waitFor({ state: 'visible', timeout: generousMs });
      await activeEditorText(page).filter({ hasText: '7. Use Redis for sessions' }).waitFor({ state: 'visible', timeout: generousMs });
      const decisions = await expandView(page, 'Decisions');
      await treeRow(decisions, '0007 Use Redis for sessions').waitFor({ state: 'visible', timeout: generousMs });
      await dismissNotifications(page);
      await screenshot(page, 'journey-5-new-decision.png');
    },
  },
  {
    name: 'a second draft from the palette supersedes the first: the tree shows both, the first under Superseded',
    run: async (page) => {
      await draftFromPalette(page, { title: 'Use Valkey for sessions', supersedes: '0007 Use Redis for sessions' });
      await editorTab(page, '0008-use-valkey-for-sessions.md').waitFor({ state: 'visible', timeout: generousMs });
      await activeEditorText(page).filter({ hasText: 'Supersedes [7. Use Redis for sessions]' }).waitFor({ state: 'visible', timeout: generousMs });
      // The other views fold away so the whole Decisions tree fits, as a person would make room.
      for (const view of ['Design Docs', 'Mentoring', 'Influence']) await collapseView(page, view);
      const decisions = await expandView(page, 'Decisions');
      await expandRow(treeRow(decisions, 'Superseded'));
      await treeRow(decisions, '0007 Use Redis for sessions').waitFor({ state: 'visible', timeout: generousMs });
      await treeRow(decisions, '0008 Use Valkey for sessions').waitFor({ state: 'visible', timeout: generousMs });
      await dismissNotifications(page);
      await screenshot(page, 'journey-6-superseded.png');
    },
  },
  ...moreJourneySteps,
  {
    name: 'in a repository with no records, each view says how to start',
    run: async (page) => {
      await page.goto(emptyWorkspaceUrl);
      await waitForWorkbench(page);
      await dismissNotifications(page);
      await openViewContainer(page, 'Lodestar');
      const decisions = await expandView(page, 'Decisions');
      await decisions.getByText('No decision records found.').waitFor({ state: 'visible', timeout: generousMs });
      await decisions.getByRole('button', { name: 'Choose Decision Folders' }).waitFor({ state: 'visible', timeout: generousMs });
      await page.getByText('No mentoring notes yet.').waitFor({ state: 'visible', timeout: generousMs });
      await screenshot(page, 'journey-9-welcome.png');
    },
  },
];

/**
 * The journey in the order `seed` gives, as blocks of steps: the first step (the workbench opens) first and the
 * empty repository last; between them, the decision steps and each feature's steps as blocks in shuffled order (the
 * steps of one block build on each other; the blocks do not, and each starts from a neutral workbench).
 */
function journeyInOrder(seed: number): JourneyStep[][] {
  const [opens, ...rest] = journey;
  const welcome = rest.pop() as JourneyStep;
  const decisionSteps = rest.slice(0, rest.length - moreJourneySteps.length);
  const blocks = shuffle([decisionSteps, ...moreJourneyBlocks], orderRandom(seed, 'e2e'));
  return [
    [opens],
    ...blocks.map((block) => [{ ...block[0], run: async (page: Page) => (await neutralWorkbench(page), await block[0].run(page)) }, ...block.slice(1)]),
    [welcome],
  ];
}

/**
 * The workbench as every block of steps may expect it: no picker or editor open, and (if the Lodestar side bar
 * shows) all four views expanded, whatever the block before folded away.
 */
async function neutralWorkbench(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await dismissNotifications(page);
  await runCommand(page, 'View: Close All Editors');
  await page.locator('.part.editor .tabs-container [role="tab"]').first().waitFor({ state: 'detached', timeout: generousMs });
  if ((await activityBarItem(page, 'Lodestar').getAttribute('aria-selected')) === 'true') {
    for (const view of ['Decisions', 'Design Docs', 'Mentoring', 'Influence']) await expandView(page, view);
  }
}

interface Session {
  page: Page;
  workbenchUrl: string;
  /** The browser console's last errors and warnings, and the extension host's log tail: what a failure prints. */
  details: () => string;
  close: () => Promise<void>;
}

/** A fresh fixture workspace in a fresh code-server with the packaged extension, and a browser on its workbench. */
async function startSession(vsix: string, scratch: string, label: string): Promise<Session> {
  step(`${label}: building the single-root fixture workspace`);
  const { folder } = await buildSingleRootWorkspace(path.join(scratch, `${label}-workspace`));
  const emptyFolder = buildRepo({ 'README.md': '# A new service\n' }, path.join(scratch, `${label}-new-service`));
  const server = await startCodeServer({ label, open: folder, installExtension: vsix, disableWorkspaceTrust: true });
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  try {
    browser = await launchChromium();
  } catch (e) {
    await server.stop();
    throw e;
  }
  emptyWorkspaceUrl = server.workbenchUrl({ folder: emptyFolder });
  const workbenchUrl = server.workbenchUrl({ folder });
  await browser.page.goto(workbenchUrl);
  return {
    page: browser.page,
    workbenchUrl,
    details: () =>
      `    browser console (last errors and warnings):\n    ${browser.consoleTail().split('\n').join('\n    ')}\n` +
      `    extension host log:\n    ${server.extensionHostLogTail().split('\n').join('\n    ')}`,
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

interface FailedBlock {
  block: JourneyStep[];
  /** The step that failed and its error, and how many steps after it were skipped. */
  step: string;
  error: string;
  skipped: number;
}

/**
 * Runs the journey. A failing step skips the rest of its block (those steps build on it) and no more: the workbench
 * is loaded afresh and the next block runs, so one failure cannot hide or cause others. A block that failed runs
 * once more at the end (LODESTAR_TEST_RETRIES, 1 by default) in a fresh workspace and code-server, after the first
 * step: the blocks never depend on each other, so that is one of the orders they may run in. It then counts by that
 * second try, which the summary names with the first try's error.
 */
export async function runJourney(vsix: string, seed: number): Promise<TierOutcome> {
  const outcome: TierOutcome = { tier: 'e2e', passed: 0, failed: 0, skipped: 0, notes: [] };
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} does not exist: run npm run package first`);
  const scratch = freshTempDir('journey');
  const failed: FailedBlock[] = [];
  try {
    const session = await startSession(vsix, scratch, 'journey');
    try {
      console.log(`  journey order seed: ${seed}`);
      const blocks = journeyInOrder(seed);
      let reload = false;
      for (const block of blocks) {
        const result = await runBlock(block, session, reload, seed, 'journey-failed-step');
        reload = result.failed !== undefined;
        outcome.passed += result.passed;
        if (result.failed) {
          outcome.failed++;
          outcome.skipped += result.skipped;
          failed.push({ block, step: result.failed.step, error: result.failed.error, skipped: result.skipped });
        }
      }
    } finally {
      await session.close();
    }
    if (failed.length > 0 && testRetries() > 0) await retryBlocks(vsix, scratch, seed, failed, outcome);
    else for (const f of failed) outcome.notes.push(failureNote('✘', f.step, f.error));
  } finally {
    removeTempDir(scratch);
  }
  return outcome;
}

/** The failed blocks once more, in a fresh session that starts with the journey's first step. */
async function retryBlocks(vsix: string, scratch: string, seed: number, failed: FailedBlock[], outcome: TierOutcome): Promise<void> {
  console.log(`  running ${failed.length} failed block(s) once more, in a fresh workspace`);
  let session: Session;
  try {
    session = await startSession(vsix, scratch, 'journey-second-try');
  } catch (e) {
    for (const f of failed) outcome.notes.push(failureNote('✘', f.step, f.error));
    console.log(`  the second try could not start: ${String(e)}`);
    return;
  }
  try {
    const [opens] = journeyInOrder(seed);
    const start = await runBlock(opens, session, false, seed, 'journey-second-try-failed-step');
    let reload = start.failed !== undefined;
    for (const f of failed) {
      const again = f.block === opens && start.failed === undefined ? start : await runBlock(f.block, session, reload, seed, 'journey-second-try-failed-step');
      reload = again.failed !== undefined;
      if (again.failed === undefined) {
        // Counted by the second try: the failed step and those it skipped passed.
        outcome.failed--;
        outcome.skipped -= f.skipped;
        outcome.passed += f.skipped + 1;
        outcome.notes.push(failureNote('↻ passed on the second try:', f.step, f.error));
      } else {
        outcome.notes.push(failureNote('✘', f.step, f.error));
        outcome.notes.push(failureNote('✘ second try:', again.failed.step, again.failed.error));
      }
    }
  } finally {
    await session.close();
  }
}

/** Runs one block's steps in order; the first that fails ends the block (the rest are skipped). */
async function runBlock(
  block: JourneyStep[],
  session: Session,
  reload: boolean,
  seed: number,
  shotPrefix: string,
): Promise<{ passed: number; skipped: number; failed?: { step: string; error: string } }> {
  let passed = 0;
  for (const [i, journeyStep] of block.entries()) {
    try {
      if (reload && i === 0) {
        // The step before failed somewhere in the workbench: start this block from a freshly loaded one.
        await session.page.goto(session.workbenchUrl);
        await waitForWorkbench(session.page);
      }
      await journeyStep.run(session.page);
      passed++;
      console.log(`  ✔ ${journeyStep.name}`);
    } catch (error) {
      const shot = path.join(resultsDir(), `${shotPrefix}-${++failedSteps}.png`);
      await session.page.screenshot({ path: shot }).catch(() => undefined);
      console.log(
        `  ✘ ${journeyStep.name}\n    seed: ${seed} (LODESTAR_TEST_SEED=${seed} replays this order)\n    ${String(error).split('\n').join('\n    ')}\n    screenshot: ${shot}\n` +
          session.details(),
      );
      for (const skippedStep of block.slice(i + 1)) console.log(`  - ${skippedStep.name} (skipped: an earlier step of its block failed)`);
      return { passed, skipped: block.length - i - 1, failed: { step: journeyStep.name, error: String(error) } };
    }
  }
  return { passed, skipped: 0 };
}

let failedSteps = 0;

// `node out/test/e2e/journey.js [path/to.vsix]` runs only the journey (after npm run package).
if (require.main === module) {
  const vsix = path.resolve(process.argv[2] ?? path.join(projectRoot(), 'lodestar.vsix'));
  runJourney(vsix, testOrderSeed()).then(
    (outcome) => {
      console.log(countsLine(outcome));
      process.exit(outcome.failed > 0 ? 1 : 0);
    },
    (error) => {
      console.error(`journey could not run: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    },
  );
}
