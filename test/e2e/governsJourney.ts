// Journey steps for decisions that govern code: open a governed file, see its decisions in the CodeLens,
// the status bar and the Decisions view's For Current File group, and follow the CodeLens to a record.
import { Locator, Page } from 'playwright-core';
import { SINGLE_ROOT } from '../fixtures/workspaces';
import { JourneyStep, screenshot } from './journeyStep';
import {
  activeEditorText,
  answer,
  collapseView,
  dismissNotifications,
  editorTab,
  expandView,
  generousMs,
  openViewContainer,
  quickInput,
  runCommand,
  treeRow,
  openFile,
} from './workbench';

const governedName = SINGLE_ROOT.governed.file.split('/').pop() as string;

/** The CodeLens above the first line of the active editor. */
function governingLens(page: Page): Locator {
  return page.locator('.part.editor .editor-group-container.active .monaco-editor .codelens-decoration a').filter({ hasText: 'Governed by 2 decisions' });
}

export const governsJourneySteps: JourneyStep[] = [
  {
    name: `opening ${SINGLE_ROOT.governed.file} shows its two decisions: a CodeLens on the first line, "2 decisions" in the status bar, For Current File in the Decisions view`,
    run: async (page) => {
      await openViewContainer(page, 'Lodestar');
      for (const view of ['Design Docs', 'Mentoring', 'Influence']) await collapseView(page, view);
      await openFile(page, governedName);
      await governingLens(page).waitFor({ state: 'visible', timeout: generousMs });
      await page.locator('.part.statusbar .statusbar-item').filter({ hasText: '2 decisions' }).waitFor({ state: 'visible', timeout: generousMs });
      const decisions = await expandView(page, 'Decisions');
      await treeRow(decisions, 'For Current File (2)').waitFor({ state: 'visible', timeout: generousMs });
      for (const label of SINGLE_ROOT.governed.records) await treeRow(decisions, label).first().waitFor({ state: 'visible', timeout: generousMs });
      await dismissNotifications(page);
      await screenshot(page, 'journey-governs-1-codelens.png');
    },
  },
  {
    name: `New Decision Record… with ${governedName} in front offers "Applies to…" prefilled with its folder (then Escape: nothing written)`,
    run: async (page) => {
      await runCommand(page, 'Lodestar: New Decision Record');
      const input = quickInput(page).locator('input');
      await answer(page, 'Title of decision', 'Cache orders in memory');
      await answer(page, 'New Decision Record: supersedes');
      await answer(page, 'New Decision Record: links');
      await answer(page, 'New Decision Record: status');
      await answer(page, 'Who decides');
      await quickInput(page).getByText('The code this decision governs').waitFor({ state: 'visible', timeout: generousMs });
      const folder = SINGLE_ROOT.governed.file.slice(0, SINGLE_ROOT.governed.file.lastIndexOf('/'));
      if ((await input.inputValue()) !== `${folder}/**`) throw new Error(`Applies to… starts as "${await input.inputValue()}", not "${folder}/**"`);
      await screenshot(page, 'journey-governs-2-applies-to.png');
      await page.keyboard.press('Escape');
      await quickInput(page).waitFor({ state: 'hidden', timeout: generousMs });
    },
  },
  {
    name: 'clicking the CodeLens lists the governing decisions in a quick pick; picking one opens the record',
    run: async (page) => {
      await governingLens(page).click();
      const row = quickInput(page).locator('.monaco-list-row', { hasText: SINGLE_ROOT.governed.records[1] });
      await row.waitFor({ state: 'visible', timeout: generousMs });
      await screenshot(page, 'journey-governs-3-pick.png');
      await row.click();
      await editorTab(page, '0003-use-rest-for-internal-apis.md').waitFor({ state: 'visible', timeout: generousMs });
      await activeEditorText(page).filter({ hasText: 'Use REST for internal APIs' }).waitFor({ state: 'visible', timeout: generousMs });
      await dismissNotifications(page);
      await screenshot(page, 'journey-governs-4-record.png');
    },
  },
];
