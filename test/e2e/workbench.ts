// Locators for VS Code's web workbench, by the roles and aria labels VS Code itself sets (stable across themes and layouts).
import { Locator, Page } from 'playwright-core';

export const generousMs = 60_000;

/** Waits until the workbench has painted its activity bar (first load compiles a lot of JavaScript on a 2-core box). */
export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: 2 * generousMs });
}

/** Closes notification toasts (recommendations, update checks) that may sit over the tree or the editor. */
export async function dismissNotifications(page: Page): Promise<void> {
  const closeButtons = page.locator('.notifications-toasts .notification-toast .codicon-notifications-clear');
  for (let i = await closeButtons.count(); i > 0; i--) {
    await closeButtons
      .first()
      .click({ timeout: 5_000 })
      .catch(() => undefined);
  }
}

/** The activity-bar entry of a view container, e.g. "Lodestar". */
export function activityBarItem(page: Page, title: string): Locator {
  return page.locator('.part.activitybar').getByRole('tab', { name: new RegExp(`^${title}\\b`) });
}

/** Opens a view container from the activity bar; clicking an already selected entry would close the side bar, so check first. */
export async function openViewContainer(page: Page, title: string): Promise<void> {
  const item = activityBarItem(page, title);
  await item.waitFor({ state: 'visible', timeout: generousMs });
  if ((await item.getAttribute('aria-selected')) !== 'true') await item.click();
  await page.locator('.part.sidebar .composite.title').filter({ hasText: title }).waitFor({ state: 'visible', timeout: generousMs });
}

/** The collapsible pane of one view inside the side bar, found by its header's aria label ("Decisions Section"). */
export function viewPane(page: Page, viewName: string): Locator {
  return page.locator('.part.sidebar .pane').filter({ has: page.locator(`.pane-header[aria-label^="${viewName}"]`) });
}

/** The same element, matched only while it reports itself expanded. */
function expanded(element: Locator): Locator {
  return element.and(element.page().locator('[aria-expanded="true"]'));
}

/** Expands a view's pane (a collapsed view shows only its header) and returns the pane. */
export async function expandView(page: Page, viewName: string): Promise<Locator> {
  const pane = viewPane(page, viewName);
  const header = pane.locator('.pane-header').first();
  await header.waitFor({ state: 'visible', timeout: generousMs });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await expanded(header).waitFor({ timeout: generousMs });
  return pane;
}

/** Collapses a view's pane to its header (if the view is there and open), leaving room for the others. */
export async function collapseView(page: Page, viewName: string): Promise<void> {
  const header = viewPane(page, viewName).locator('.pane-header').first();
  if ((await header.count()) === 0) return;
  // The twistie end of the header: its other end holds the view's action buttons (a click there runs one).
  if ((await header.getAttribute('aria-expanded')) === 'true') await header.click({ position: { x: 12, y: 10 } });
  await header.and(page.locator('[aria-expanded="false"]')).waitFor({ timeout: generousMs });
}

/** A tree row whose label starts with `label` (labels may be followed by a description). */
export function treeRow(pane: Locator, label: string): Locator {
  return pane.locator('.monaco-list-row[role="treeitem"]').filter({ has: pane.page().locator('.label-name', { hasText: label }) });
}

/** Expands a collapsible tree row if it is collapsed. */
export async function expandRow(row: Locator): Promise<void> {
  await row.waitFor({ state: 'visible', timeout: generousMs });
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
  await expanded(row).waitFor({ timeout: generousMs });
}

/** The editor tab whose label contains `fileName`, in any editor group. */
export function editorTab(page: Page, fileName: string): Locator {
  return page.locator('.part.editor .tabs-container [role="tab"]').filter({ hasText: fileName });
}

/** The text area of the active editor (Monaco renders only visible lines, which is what a person sees). */
export function activeEditorText(page: Page): Locator {
  return page.locator('.part.editor .editor-group-container.active .monaco-editor .view-lines');
}

/** The quick input widget (command palette, input boxes, quick picks). */
export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

/** Opens the command palette and runs a command by its title, as a person would: F1, type, Enter. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = quickInput(page).locator('input');
  await input.waitFor({ state: 'visible', timeout: generousMs });
  await input.fill(`>${title}`);
  await quickInput(page).locator('.monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: generousMs });
  await page.keyboard.press('Enter');
}

/** Waits for the quick input to show `text` (a title or prompt), then types `value` (if any) and presses Enter. */
export async function answer(page: Page, text: string, value?: string): Promise<void> {
  await quickInput(page).getByText(text).first().waitFor({ state: 'visible', timeout: generousMs });
  const input = quickInput(page).locator('input').first();
  if (value !== undefined) await input.fill(value);
  await input.focus();
  await page.keyboard.press('Enter');
}

/**
 * Opens one of our webview pages with `open` and waits for `shown` (its content). code-server serves every webview
 * from one origin, so its webview frames share service worker registrations, and a frame whose worker handshake
 * finds another webview's worker in control waits for a change of controller that may never come: the frame stays
 * blank (a ready `iframe.webview` with no content frame inside). So the webview workers left by earlier pages are
 * unregistered first, as a fresh browser would have none; and if the page still shows nothing, the window is
 * reloaded and the page opened again, once, saying so. A page that stays blank after that fails.
 */
export async function openWebview<T>(page: Page, tabTitle: string, open: () => Promise<void>, shown: (timeoutMs: number) => Promise<T>): Promise<T> {
  if (!(await unregisterWebviewWorkers(page))) {
    // A worker still held by an earlier webview: a reload lets it go (the page it controlled is gone).
    console.log(`[harness] a webview worker was not unregistered in ${UNREGISTER_BOUND_MS / 1000} s; reloading the window first`);
    await page.reload();
    await waitForWorkbench(page);
    await dismissNotifications(page);
    await unregisterWebviewWorkers(page);
  }
  await open();
  await editorTab(page, tabTitle).first().waitFor({ state: 'visible', timeout: generousMs });
  try {
    return await shown(generousMs / 2);
  } catch (error) {
    console.log(
      `[harness] the webview "${tabTitle}" showed nothing in ${generousMs / 2000} s (${String(error).split('\n')[0]}); reloading the window and opening it again`,
    );
    console.log(`[harness] webview frames: ${await webviewFrames(page)}`);
    await page.keyboard.press('Escape');
    await runCommand(page, 'View: Close Editor').catch(() => undefined);
    await unregisterWebviewWorkers(page);
    await page.reload();
    await waitForWorkbench(page);
    await dismissNotifications(page);
    await open();
    await editorTab(page, tabTitle).first().waitFor({ state: 'visible', timeout: generousMs });
    return shown(generousMs);
  }
}

/**
 * Unregisters the service workers of webview frames (same origin as the workbench under code-server). Bounded: in
 * some states Chromium answers an unregister only minutes later (160 s was seen after a webview had just been shown);
 * false then, and `openWebview` reloads the window first.
 */
async function unregisterWebviewWorkers(page: Page): Promise<boolean> {
  return page
    .evaluate(async (boundMs) => {
      const navigator = (globalThis as unknown as { navigator: { serviceWorker: ServiceWorkerLike } }).navigator;
      const unregister = (async () => {
        for (const registration of await navigator.serviceWorker.getRegistrations()) {
          if (registration.scope.includes('/webview/')) await registration.unregister();
        }
        return true;
      })();
      return Promise.race([unregister, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), boundMs))]);
    }, UNREGISTER_BOUND_MS)
    .catch(() => true);
}

const UNREGISTER_BOUND_MS = 3000;

interface ServiceWorkerLike {
  controller?: { scriptURL: string } | null;
  getRegistrations(): Promise<Array<{ scope: string; active: unknown; waiting: unknown; installing: unknown; unregister(): Promise<boolean> }>>;
}

/** What the page holds of webviews, for a failure's report: each webview iframe's classes and size, and every frame's URL. */
async function webviewFrames(page: Page): Promise<string> {
  const iframes = await page
    .locator('iframe.webview')
    .evaluateAll((els) => els.map((e) => `${e.className} ${Math.round(e.getBoundingClientRect().width)}x${Math.round(e.getBoundingClientRect().height)}`))
    .catch((e) => [String(e)]);
  const frames = page.frames().map((f) => f.url().replace(/\?.*/, '').slice(-80));
  const workers = await Promise.all(
    page
      .frames()
      .filter((f) => f.url().includes('/webview/browser/pre/'))
      .map((f) =>
        f
          .evaluate(async () => {
            // Runs in the page: its own globals, not Node's.
            const navigator = (globalThis as unknown as { navigator: { serviceWorker: ServiceWorkerLike } }).navigator;
            const registrations = await navigator.serviceWorker.getRegistrations();
            const controller = navigator.serviceWorker.controller?.scriptURL.replace(/^.*\//, '') ?? 'none';
            return `controller ${controller.slice(0, 60)}; ${registrations.length} registered: ${registrations.map((r) => `${r.active ? 'active' : ''}${r.waiting ? ' waiting' : ''}${r.installing ? ' installing' : ''}`).join(', ')}`;
          })
          .catch((e) => String(e)),
      ),
  );
  return `${iframes.join('; ') || 'no iframe.webview'} | frames: ${frames.join(', ')} | service workers: ${workers.join(' / ') || 'none'}`;
}

/** Opens a file by name from Quick Open, as a person would: F1, clear the `>`, type the name, Enter. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = quickInput(page).locator('input');
  await input.waitFor({ state: 'visible', timeout: generousMs });
  await input.fill(name);
  await quickInput(page).locator('.monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: generousMs });
  await page.keyboard.press('Enter');
  await editorTab(page, name).waitFor({ state: 'visible', timeout: generousMs });
}
