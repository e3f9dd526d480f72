import * as path from 'path';
import { Page } from 'playwright-core';
import { projectRoot, resultsDir } from '../harness/paths';
import { step } from '../harness/progress';

/** One step of the Playwright journey: what a person does, checked as they would see it. */
export interface JourneyStep {
  name: string;
  run: (page: Page) => Promise<void>;
}

/** Saves `test-results/NAME` (look at it: the journey's screenshots are how the UI is reviewed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const file = path.join(resultsDir(), name);
  await page.screenshot({ path: file });
  step(`screenshot ${path.relative(projectRoot(), file)}`);
}
