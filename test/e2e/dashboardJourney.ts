// Journey steps for the influence dashboard and report: open the dashboard from the palette, read
// it inside its webview, switch the period and open a record from it by keyboard, then write last
// quarter's report to the private notebook through the pickers.
import * as assert from 'assert';
import { Frame, Page } from 'playwright-core';
import { namedPeriod, periodName } from '../../src/core/influence/reportPeriods';
import { JourneyStep, screenshot } from './journeyStep';
import { activeEditorText, answer, dismissNotifications, editorTab, generousMs, openWebview, runCommand } from './workbench';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The dashboard's page: code-server nests each webview in iframes, so look
 * through every frame for the one whose document has the dashboard's marker
 * (and, when asked, shows `pressed` as the pressed period).
 */
async function dashboardFrame(page: Page, pressed?: string, timeoutMs = generousMs): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      const marked = await frame
        .locator('[data-lodestar-dashboard]')
        .count()
        .catch(() => 0);
      if (marked === 0) continue;
      if (
        pressed === undefined ||
        (await frame
          .locator('button[aria-pressed="true"]')
          .first()
          .textContent({ timeout: 1000 })
          .catch(() => null)) === pressed
      )
        return frame;
    }
    if (Date.now() > deadline) throw new Error(`no webview frame shows the dashboard${pressed ? ` with "${pressed}" pressed` : ''}`);
    await page.waitForTimeout(250);
  }
}

export const dashboardJourneySteps: JourneyStep[] = [
  {
    name: 'Lodestar: Open Dashboard from the palette: this quarter as pictures (tiles, timeline, lead/manage split, mentee cards, reminders) in a strict-CSP webview',
    run: async (page) => {
      await dismissNotifications(page);
      const frame = await openWebview(
        page,
        `Influence: ${periodName(namedPeriod('this-quarter', today()))}`,
        () => runCommand(page, 'Lodestar: Open Dashboard'),
        (timeoutMs) => dashboardFrame(page, 'This quarter', timeoutMs),
      );
      const csp = (await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
      assert.match(csp, /^default-src 'none'; /, csp);
      assert.match(csp, /script-src 'nonce-[A-Za-z0-9]+'$/, csp);
      await frame.getByRole('heading', { name: 'Influence', level: 1 }).waitFor({ state: 'visible', timeout: generousMs });
      const activities = Number(await frame.locator('.tile.t-lead .value').textContent());
      assert.ok(activities > 0, `${activities} activities this quarter`);
      await frame.locator('svg.chart[role="img"]').first().waitFor({ state: 'visible', timeout: generousMs });
      await frame.getByRole('img', { name: /^Lead\/manage split: \d+ leading/ }).waitFor({ state: 'visible', timeout: generousMs });
      await frame.getByRole('heading', { name: /^Needs attention/ }).waitFor({ state: 'attached', timeout: generousMs });
      await frame.getByRole('article', { name: 'Alice Example @alice' }).waitFor({ state: 'attached', timeout: generousMs });
      await dismissNotifications(page);
      await page.mouse.move(900, 600);
      await screenshot(page, 'journey-d1-dashboard.png');
    },
  },
  {
    name: 'the period switcher redraws the dashboard for the year; Tab to a record and Enter opens it beside',
    run: async (page) => {
      await (await dashboardFrame(page)).getByRole('button', { name: 'This year' }).click();
      const frame = await dashboardFrame(page, 'This year');
      await frame.getByRole('heading', { name: 'Activity by month' }).waitFor({ state: 'visible', timeout: generousMs });
      await frame.locator('table.pairs').waitFor({ state: 'visible', timeout: generousMs });
      await dismissNotifications(page);
      await page.mouse.move(900, 600);
      await screenshot(page, 'journey-d2-dashboard-year.png');
      const record = frame.getByRole('button', { name: 'Led the settlement outage response', exact: true });
      await record.focus();
      await page.keyboard.press('Enter');
      await editorTab(page, '2026-09-03-led-the-settlement-outage-response.md').waitFor({ state: 'visible', timeout: generousMs });
      await activeEditorText(page).filter({ hasText: 'incident-leadership' }).waitFor({ state: 'visible', timeout: generousMs });
    },
  },
  {
    name: 'Lodestar: Generate Influence Report… for last quarter, about everyone, into the private notebook: the Markdown report opens',
    run: async (page) => {
      const last = namedPeriod('last-quarter', today());
      await runCommand(page, 'Lodestar: Generate Influence Report');
      await answer(page, 'which period', 'Last quarter');
      await answer(page, 'about whom');
      await answer(page, 'where to write it');
      const name = `influence-report-${periodName(last).replace(/ /g, '-')}.md`;
      await editorTab(page, name).waitFor({ state: 'visible', timeout: generousMs });
      await activeEditorText(page)
        .filter({ hasText: `# Influence report, ${last.from} to ${last.to}` })
        .waitFor({ state: 'visible', timeout: generousMs });
      await dismissNotifications(page);
      await screenshot(page, 'journey-d3-report.png');
    },
  },
];
