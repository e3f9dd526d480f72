// Journey steps for commands that act on what is in front of the user: Change Status and Supersede from the
// palette preselect the record in the editor, Supersede drafts its successor in the same flow (step count, Back,
// the file the title gives), and a one-sided link offers the quick fix "Add the missing side".
// The block writes nothing it does not take back: every flow ends with Escape, and the typed link is undone and saved.
import { Page } from 'playwright-core';
import { JourneyStep, screenshot } from './journeyStep';
import { activeEditorText, collapseView, dismissNotifications, generousMs, openViewContainer, quickInput, runCommand, openFile } from './workbench';

const recordFile = '0002-use-postgresql.md';
const recordRow = '0002 Use PostgreSQL';
/** A proposed record of the fixture; its Status section is lines 5–7 (`## Status`, blank, `Proposed`). */
const proposedFile = '0005-adopt-feature-flags.md';
const typedLink = 'Amends [1. Record architecture decisions](0001-record-architecture-decisions.md)';

/** The quick input's title shows `text` (VS Code writes the step count after it: `Title (1/2)`). */
async function titleShows(page: Page, text: string): Promise<void> {
  await quickInput(page).locator('.quick-input-title').filter({ hasText: text }).first().waitFor({ state: 'visible', timeout: generousMs });
}

/** Escape until the quick input is gone: nothing was written. */
async function escape(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await quickInput(page).waitFor({ state: 'hidden', timeout: generousMs });
}

export const workflowsJourneySteps: JourneyStep[] = [
  {
    name: `with ${recordFile} in the editor, Change Status from the palette has "${recordRow}" selected at step 1/2 (then Escape: nothing changed)`,
    run: async (page) => {
      await openViewContainer(page, 'Lodestar');
      for (const view of ['Design Docs', 'Mentoring', 'Influence']) await collapseView(page, view);
      await openFile(page, recordFile);
      await runCommand(page, 'Lodestar: Change Status…');
      await titleShows(page, 'Change Status: which record?');
      await titleShows(page, '1/2');
      // The record in front is the focused row, said so in its description.
      const focused = quickInput(page).locator('.monaco-list-row.focused');
      await focused.filter({ hasText: recordRow }).waitFor({ state: 'visible', timeout: generousMs });
      await focused.filter({ hasText: 'open in the editor' }).waitFor({ state: 'visible', timeout: generousMs });
      await screenshot(page, 'journey-workflows-1-change-status.png');
      await escape(page);
    },
  },
  {
    name: `Supersede from the palette with ${recordFile} in front: "New decision…" drafts the successor in the same flow, the title step naming its number and file, Back keeping the title (then Escape: nothing written)`,
    run: async (page) => {
      await openFile(page, recordFile);
      await runCommand(page, 'Lodestar: Supersede Decision Record…');
      await titleShows(page, 'Supersede which decision?');
      await quickInput(page).locator('.monaco-list-row.focused').filter({ hasText: recordRow }).waitFor({ state: 'visible', timeout: generousMs });
      const input = quickInput(page).locator('input');
      await input.focus();
      await page.keyboard.press('Enter');
      await titleShows(page, 'Supersede: which record replaces it?');
      await titleShows(page, '2/2');
      await quickInput(page).locator('.monaco-list-row', { hasText: 'New decision…' }).first().click();
      await titleShows(page, `Supersede ${recordRow}: new decision`);
      await quickInput(page)
        .getByText(/Title of decision \d+, in doc\/adr/)
        .first()
        .waitFor({ state: 'visible', timeout: generousMs });
      await input.fill('Use CockroachDB');
      // The prompt follows the typing: the file the title gives.
      await quickInput(page)
        .getByText(/written as doc\/adr\/\d{4}-use-cockroachdb\.md/)
        .first()
        .waitFor({ state: 'visible', timeout: generousMs });
      await screenshot(page, 'journey-workflows-2-new-successor.png');
      await page.keyboard.press('Enter');
      await titleShows(page, 'links (optional)');
      // The quick input's Back button (its codicon, whatever the language of its label).
      await quickInput(page).locator('.codicon-quick-input-back').first().click();
      // Back on the title step (its title is a prefix of the links step's, so wait for the links step to go first).
      await quickInput(page).locator('.quick-input-title').filter({ hasText: 'links (optional)' }).waitFor({ state: 'detached', timeout: generousMs });
      await titleShows(page, `Supersede ${recordRow}: new decision`);
      const kept = await input.inputValue();
      if (kept !== 'Use CockroachDB') throw new Error(`after Back the title step holds "${kept}", not the title typed`);
      await escape(page);
      await dismissNotifications(page);
    },
  },
  {
    name: `a one-sided "Amends" link typed into ${proposedFile} and saved offers the quick fix "Add the missing side" (then Escape, the typing undone and saved)`,
    run: async (page) => {
      await openFile(page, proposedFile);
      // Go to the end of the Status line (`Proposed`) and add a link 0001 does not say back.
      await page.keyboard.press('F1');
      await quickInput(page).locator('input').fill(':7');
      await page.keyboard.press('Enter');
      await quickInput(page).waitFor({ state: 'hidden', timeout: generousMs });
      await page.keyboard.press('End');
      // insertText, not typing: no auto-closed brackets.
      await page.keyboard.insertText(`\n\n${typedLink}`);
      await page.keyboard.press('Control+S');
      await activeEditorText(page).filter({ hasText: typedLink }).waitFor({ state: 'visible', timeout: generousMs });
      try {
        // The problem is reported once the saved record is indexed: ask for the quick fixes on that line until it is offered.
        const fix = page
          .locator('.action-widget')
          .getByText(/Add the missing side/)
          .first();
        const deadline = Date.now() + generousMs;
        for (;;) {
          await page.keyboard.press('Control+.');
          if (
            await fix.waitFor({ state: 'visible', timeout: 5_000 }).then(
              () => true,
              () => false,
            )
          )
            break;
          if (Date.now() > deadline) throw new Error('the quick fix "Add the missing side" was never offered on the typed link');
          await page.keyboard.press('Escape');
        }
        await screenshot(page, 'journey-workflows-3-quick-fix.png');
        await page.keyboard.press('Escape');
        await fix.waitFor({ state: 'hidden', timeout: generousMs });
      } finally {
        // Take the typing back and save: the record is as the fixture wrote it.
        for (let i = 0; i < 5 && (await activeEditorText(page).filter({ hasText: typedLink }).count()) > 0; i++) await page.keyboard.press('Control+Z');
        await page.keyboard.press('Control+S');
      }
      await activeEditorText(page).filter({ hasText: typedLink }).waitFor({ state: 'detached', timeout: generousMs });
      await dismissNotifications(page);
    },
  },
];
