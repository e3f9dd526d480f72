// Headless Debian Chromium driven by playwright-core: no browser download, a fresh profile per launch.
import { BrowserContext, chromium, Page } from 'playwright-core';
import { freshTempDir, removeTempDir, xdgDirsUnder } from './paths';
import { chromiumPath } from './systemPackages';

// Flags that keep Chromium from reaching the network or asking first-run questions on a CI box.
const chromiumFlags = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface RunningBrowser {
  context: BrowserContext;
  page: Page;
  /** The page's last console errors and warnings (webviews included), for a failing step's report. */
  consoleTail(): string;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh user-data dir and one page sized like a laptop screen, so screenshots are readable. */
export async function launchChromium(): Promise<RunningBrowser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('chromium is not installed: apt-get install -y chromium (or set LODESTAR_CHROMIUM)');
  const userDataDir = freshTempDir('chromium');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: chromiumFlags,
    viewport: { width: 1440, height: 900 },
    env: { ...process.env, ...xdgDirsUnder(userDataDir) }, // crash reports and dconf stay out of ~/.config and ~/.cache
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const console: string[] = [];
  const keep = (line: string): void => {
    console.push(line.length > 400 ? `${line.slice(0, 400)}…` : line);
    if (console.length > 20) console.shift();
  };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') keep(`[${message.type()}] ${message.text()}`);
  });
  page.on('pageerror', (error) => keep(`[pageerror] ${error.message}`));
  return {
    context,
    page,
    consoleTail: () => (console.length > 0 ? console.join('\n') : '(nothing)'),
    async close() {
      await context.close().catch(() => undefined);
      removeTempDir(userDataDir);
    },
  };
}
