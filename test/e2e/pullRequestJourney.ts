// Journey steps for pull requests and influence: link the current pull request to a mentee and to a
// new activity from the palette, then see both in the status bar and the Influence view.
import { Locator, Page } from 'playwright-core';
import { SINGLE_ROOT_PULLS } from '../fixtures/workspaces';
import { JourneyStep, screenshot } from './journeyStep';
import {
  answer,
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
} from './workbench';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** `2026 Q4` for today, as the Influence view groups. */
function thisQuarter(): string {
  const d = new Date();
  return `${d.getFullYear()} Q${Math.floor(d.getMonth() / 3) + 1}`;
}

// The fixture's main has no pull request of its own; HEAD is the squash of #15, so that is the current one.
const current = SINGLE_ROOT_PULLS.current;
const currentRow = `#${current.number} ${current.title}`;
const activityTitle = 'Reviewed the idempotency design';

/** The status-bar item of the current pull request, once it says `text`. */
function statusItem(page: Page, text: string): Locator {
  return page.locator('.part.statusbar .statusbar-item').filter({ hasText: text });
}

async function influenceView(page: Page): Promise<Locator> {
  await openViewContainer(page, 'Lodestar');
  for (const view of ['Decisions', 'Design Docs', 'Mentoring']) await collapseView(page, view);
  return expandView(page, 'Influence');
}

/** Expands a row that opens something when clicked (a record, a pull request) by its twistie, as a person would. */
async function expandByTwistie(row: Locator): Promise<void> {
  await row.waitFor({ state: 'visible', timeout: generousMs });
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
  await row.and(row.page().locator('[aria-expanded="true"]')).waitFor({ timeout: generousMs });
}

/** The pull-request step: waits for the current pull request at the top of the list, then takes it. */
async function pickCurrentPullRequest(page: Page): Promise<void> {
  const row = quickInput(page).locator('.monaco-list-row', { hasText: currentRow }).first();
  await row.waitFor({ state: 'visible', timeout: generousMs });
  await row.click();
}

export const pullRequestJourneySteps: JourneyStep[] = [
  {
    name: `the status bar shows the current pull request, #${current.number} (HEAD of main is its squash), not linked yet; the Influence view lists activities by quarter`,
    run: async (page) => {
      await dismissNotifications(page);
      const influence = await influenceView(page);
      await treeRow(influence, thisQuarter()).waitFor({ state: 'visible', timeout: generousMs });
      await statusItem(page, `#${current.number} not linked`).waitFor({ state: 'visible', timeout: generousMs });
      await screenshot(page, 'journey-p1-status-not-linked.png');
    },
  },
  {
    name: `Lodestar: Link Pull Request to Mentee… from the palette: #${current.number} first, Alice (who wrote it) first, a note; the status bar says "→ alice"`,
    run: async (page) => {
      await runCommand(page, 'Lodestar: Link Pull Request to Mentee');
      await pickCurrentPullRequest(page);
      await quickInput(page).getByText('which mentee?').waitFor({ state: 'visible', timeout: generousMs });
      await quickInput(page)
        .locator('.monaco-list-row', { hasText: `worked on #${current.number}` })
        .first()
        .waitFor({ state: 'visible', timeout: generousMs });
      await screenshot(page, 'journey-p2-pick-mentee.png');
      await answer(page, 'which mentee?');
      await answer(page, 'note (optional)', 'Alice designed the key format herself');
      await statusItem(page, `#${current.number} → alice`).waitFor({ state: 'visible', timeout: generousMs });
      await screenshot(page, 'journey-p2-linked-to-mentee.png');
      await dismissNotifications(page);
    },
  },
  {
    name: `Lodestar: Link Pull Request to Influence Activity… with a new Design review activity: it opens, and the status bar says "→ alice, design-review"`,
    run: async (page) => {
      await runCommand(page, 'Lodestar: Link Pull Request to Influence Activity');
      await pickCurrentPullRequest(page);
      await answer(page, 'which influence activity?', 'New activity');
      await quickInput(page).getByText('Leading (team-wide)').waitFor({ state: 'visible', timeout: generousMs });
      await screenshot(page, 'journey-p3-activity-types.png');
      await answer(page, 'activity type', 'Design review');
      await answer(page, 'Title of the activity', activityTitle);
      await answer(page, 'note (optional)');
      await editorTab(page, `${today()}-reviewed-the-idempotency-design.md`).waitFor({ state: 'visible', timeout: generousMs });
      await statusItem(page, `#${current.number} → alice, design-review`).waitFor({ state: 'visible', timeout: generousMs });
      await dismissNotifications(page);
      await screenshot(page, 'journey-p3-linked-to-activity.png');
    },
  },
  {
    name: `the Influence view shows the activity under ${thisQuarter()} → Design review with its pull request, and the Pull Requests group shows #${current.number} → alice, design-review`,
    run: async (page) => {
      const influence = await influenceView(page);
      const quarter = treeRow(influence, thisQuarter());
      await expandRow(quarter);
      await expandRow(treeRow(influence, 'Design review').first());
      await expandByTwistie(treeRow(influence, activityTitle));
      await treeRow(influence, currentRow).first().waitFor({ state: 'visible', timeout: generousMs });
      await screenshot(page, 'journey-p4-influence-activity.png');
      // Fold the quarter so the Pull Requests group below it is in view.
      await quarter.click();
      const group = treeRow(influence, 'Pull Requests');
      await expandRow(group);
      const linked = treeRow(influence, currentRow).filter({ hasText: '→ alice, design-review' });
      await expandByTwistie(linked);
      await treeRow(influence, 'Mentee Alice Example').waitFor({ state: 'visible', timeout: generousMs });
      await treeRow(influence, `Activity (Design review): ${activityTitle}`).waitFor({ state: 'visible', timeout: generousMs });
      await screenshot(page, 'journey-p5-influence-pull-requests.png');
    },
  },
];
