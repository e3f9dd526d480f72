// Journey steps for mentoring and pairing: log a session from the palette, confirm one detected from
// co-authored commits, see both under the mentee, and look at who paired with whom.
import { Page } from 'playwright-core';
import { SINGLE_ROOT_PAIRING } from '../fixtures/workspaces';
import { JourneyStep, screenshot } from './journeyStep';
import {
  activeEditorText,
  answer,
  dismissNotifications,
  editorTab,
  expandRow,
  expandView,
  generousMs,
  openViewContainer,
  openWebview,
  quickInput,
  runCommand,
  treeRow,
} from './workbench';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Views this journey collapsed, to open again when it is done (later steps of other features expect them as they were). */
const collapsed: string[] = [];

/** Collapses every other view of the side bar so the Mentoring view has room for its rows. */
async function collapseOtherViews(page: Page, keep: string): Promise<void> {
  const headers = page.locator('.part.sidebar .pane-header[aria-expanded="true"]');
  for (let i = (await headers.count()) - 1; i >= 0; i--) {
    const header = headers.nth(i);
    const label = (await header.getAttribute('aria-label')) ?? '';
    if (label.startsWith(keep)) continue;
    // Click the twistie end of the header: its other end holds the view's action buttons.
    await header.click({ position: { x: 12, y: 10 } });
    collapsed.push(label.replace(/ Section$/, ''));
  }
}

async function mentoringView(page: Page) {
  await openViewContainer(page, 'Lodestar');
  await collapseOtherViews(page, 'Mentoring');
  return expandView(page, 'Mentoring');
}

const bobDay = SINGLE_ROOT_PAIRING.bobDays[0];

export const mentoringJourneySteps: JourneyStep[] = [
  {
    name: 'Lodestar: Log Pairing Session… from the palette: Bob is ticked from the branch’s latest co-authored commit, with you; the session opens and shows under bob',
    run: async (page) => {
      await dismissNotifications(page);
      await runCommand(page, 'Lodestar: Log Pairing Session');
      await quickInput(page).getByText('who did you pair with').waitFor({ state: 'visible', timeout: generousMs });
      // Bob (the latest co-authored commit) and you (the git user) start ticked.
      const bobRow = quickInput(page).locator('.monaco-list-row', { hasText: '@bob' }).first();
      await bobRow.waitFor({ state: 'visible', timeout: generousMs });
      await bobRow
        .locator('input[type="checkbox"]:checked, .monaco-custom-toggle.checked, [aria-checked="true"]')
        .first()
        .waitFor({ state: 'attached', timeout: generousMs });
      await screenshot(page, 'journey-7-pairing-partners.png');
      await answer(page, 'who did you pair with');
      await answer(page, 'The day you paired');
      await answer(page, 'Minutes; Enter to skip', '90');
      await answer(page, 'What you worked on', 'settlement poller, flaky tests');
      await answer(page, 'Log Pairing Session: commits');
      await answer(page, 'Pull request URLs');
      await answer(page, 'How it went: a line written under', 'Bob drove; we found the race in the poller.');
      await editorTab(page, `${today()}-pairing.md`).waitFor({ state: 'visible', timeout: generousMs });
      await activeEditorText(page)
        .filter({ hasText: `Pairing with bob, ${today()}` })
        .waitFor({ state: 'visible', timeout: generousMs });
      const mentoring = await mentoringView(page);
      await expandRow(
        mentoring.locator('.monaco-list-row[role="treeitem"][aria-level="1"]').filter({ has: page.locator('.label-name', { hasText: /^bob$/ }) }),
      );
      await treeRow(mentoring, `Pairing with bob, ${today()}`).waitFor({ state: 'visible', timeout: generousMs });
      await treeRow(mentoring, 'Detected pairing').waitFor({ state: 'visible', timeout: generousMs });
      await dismissNotifications(page);
      await screenshot(page, 'journey-7-pairing-logged.png');
    },
  },
  {
    name: `Confirm as Pairing Session on the detected day ${bobDay.date} under bob: the day leaves Detected pairing and both sessions show under the mentee`,
    run: async (page) => {
      const mentoring = await mentoringView(page);
      const day = treeRow(mentoring, `${bobDay.date} with Dana Lead`);
      await day.waitFor({ state: 'visible', timeout: generousMs });
      // The row's inline action (a check mark), shown on hover.
      await day.hover();
      await day.locator('.action-label[aria-label^="Confirm as Pairing Session"]').click({ timeout: generousMs });
      await editorTab(page, `${bobDay.date}-pairing.md`).waitFor({ state: 'visible', timeout: generousMs });
      await activeEditorText(page).filter({ hasText: bobDay.subjects[0] }).waitFor({ state: 'visible', timeout: generousMs });
      await treeRow(mentoring, `Pairing with bob, ${bobDay.date}`).waitFor({ state: 'visible', timeout: generousMs });
      await treeRow(mentoring, `Pairing with bob, ${today()}`).waitFor({ state: 'visible', timeout: generousMs });
      await day.waitFor({ state: 'detached', timeout: generousMs });
      await dismissNotifications(page);
      await screenshot(page, 'journey-8-pairing-confirmed.png');
    },
  },
  {
    name: 'Lodestar: Show Pairing Matrix over all history: a heat-map table of who paired with whom (Dana and Bob: their co-authored commits, and the sessions logged so far)',
    run: async (page) => {
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      // Steps run in any order: the two co-authored commits are always there, the logged sessions only once those steps ran.
      const pair = frame.locator('table.pairing-matrix td[aria-label^="Dana Lead and Bob: "]');
      await openWebview(
        page,
        'Pairing: all history',
        async () => {
          await runCommand(page, 'Lodestar: Show Pairing Matrix');
          await answer(page, 'over which time', 'All history');
        },
        (timeoutMs) => pair.waitFor({ state: 'visible', timeout: timeoutMs }),
      );
      const sessions = Number(/: (\d+) sessions?$/.exec((await pair.getAttribute('aria-label')) ?? '')?.[1]);
      if (!(sessions >= 2)) throw new Error(`Dana Lead and Bob paired ${sessions} times in the matrix, expected at least their 2 co-authored commits`);
      await dismissNotifications(page);
      await screenshot(page, 'journey-8-pairing-matrix.png');
      // Leave the workbench as the steps after these expect it: no page of ours open, the other views open again.
      await runCommand(page, 'View: Close Editor');
      await editorTab(page, 'Pairing: all history').waitFor({ state: 'detached', timeout: generousMs });
      for (const view of collapsed.splice(0)) await expandView(page, view);
    },
  },
];
