// The decision site as a reader meets it: opened from file:// with no server, then from `lodestar site serve`.
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Page } from 'playwright-core';
import { buildRepo, commitAll } from '../fixtures/gitRepo';
import { madr4Adr, nygardAdr } from '../fixtures/recordText';
import { launchChromium } from '../harness/chromium';
import { projectRoot } from '../harness/paths';
import { step } from '../harness/progress';
import { JourneyStep, screenshot } from './journeyStep';

const waitMs = 30_000;

function siteRepo(): string {
  return buildRepo({
    'doc/adr/0001-record-architecture-decisions.md': nygardAdr({ number: 1, title: 'Record architecture decisions' }),
    'doc/adr/0002-use-kafka-for-events.md': nygardAdr({
      number: 2,
      title: 'Use Kafka for events',
      status: '',
      statusLines: ['Superseded by [3. Use NATS for events](0003-use-nats-for-events.md)'],
    }),
    'doc/adr/0003-use-nats-for-events.md': nygardAdr({
      number: 3,
      title: 'Use NATS for events',
      statusLines: ['Supersedes [2. Use Kafka for events](0002-use-kafka-for-events.md)'],
    }),
    'doc/adr/0004-encrypt-backups.md': madr4Adr({
      title: 'Encrypt backups at rest',
      status: 'proposed',
      extraFrontMatter: 'tags: [security, storage]\n',
    }).replace(
      'Chosen option: the first one.',
      'Chosen option: age with a hardware-held key, because restores must work offline.\n\n![Backup flow](../../img/backup-flow.svg)\n\n```mermaid\nflowchart LR\n  nightly[Nightly backup] --> vault[(Key vault)]\n```',
    ),
    'img/backup-flow.svg':
      '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60"><rect width="240" height="60" fill="#0969da"/><text x="12" y="36" fill="#fff" font-size="18">backup → vault</text></svg>',
    'docs/design/events-platform.md':
      '---\ntitle: Events platform\nstatus: in-review\ntags: [events]\ndecisions: [../../doc/adr/0003-use-nats-for-events.md]\n---\n# Events platform\n\n## Proposal\n\nOne bus for every service.\n',
  });
}

function runCliSync(args: string[]): void {
  const cli = path.join(projectRoot(), 'dist', 'cli.js');
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`lodestar ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
}

/** Status filter, search as you type, a supersede link followed: the same on file:// and over http. */
async function readTheSite(page: Page, indexUrl: string, shotPrefix: string): Promise<void> {
  await page.goto(indexUrl);
  await page.getByRole('heading', { level: 1, name: 'Decision log' }).waitFor({ timeout: waitMs });
  const rows = page.locator('ul.records > li:not([hidden])');
  await page.locator('#count', { hasText: '5 records' }).waitFor({ timeout: waitMs });
  await screenshot(page, `${shotPrefix}-1-index.png`);

  await page.getByLabel('Status').selectOption('proposed');
  await page.locator('#count', { hasText: '1 of 5 records' }).waitFor({ timeout: waitMs });
  if ((await rows.count()) !== 1 || !(await rows.first().innerText()).includes('Encrypt backups at rest'))
    throw new Error(`status filter shows: ${await rows.allInnerTexts()}`);
  await screenshot(page, `${shotPrefix}-2-status-proposed.png`);

  await page.getByRole('button', { name: 'Clear' }).click();
  await page.locator('#count', { hasText: '5 records' }).waitFor({ timeout: waitMs });
  await page.getByRole('searchbox', { name: 'Search' }).pressSequentially('hardware-held', { delay: 20 });
  await page.locator('#count', { hasText: '1 of 5 records' }).waitFor({ timeout: waitMs });
  await page.locator('.snippet:not([hidden])', { hasText: 'hardware-held key' }).waitFor({ timeout: waitMs });
  await screenshot(page, `${shotPrefix}-3-search.png`);

  await page.getByRole('button', { name: 'Clear' }).click();
  await page.getByRole('link', { name: '0002 Use Kafka for events' }).click();
  await page.getByRole('heading', { level: 1, name: /Use Kafka for events/ }).waitFor({ timeout: waitMs });
  await page.getByRole('navigation', { name: 'Links' }).getByRole('link', { name: '0003 Use NATS for events' }).click();
  await page.getByRole('heading', { level: 1, name: /Use NATS for events/ }).waitFor({ timeout: waitMs });
  await page.getByRole('link', { name: '0002 Use Kafka for events' }).waitFor({ timeout: waitMs });
  await page.getByText('Events platform').waitFor({ timeout: waitMs });
  await screenshot(page, `${shotPrefix}-4-followed-supersede.png`);
}

async function startServe(root: string): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [path.join(projectRoot(), 'dist', 'cli.js'), 'site', 'serve', '--port', '0', '--root', root], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const started = Date.now();
  while (!/http:\/\/127\.0\.0\.1:\d+\//.test(output)) {
    if (child.exitCode !== null) throw new Error(`site serve exited: ${output}`);
    if (Date.now() - started > waitMs) throw new Error(`site serve did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: /http:\/\/127\.0\.0\.1:\d+\//.exec(output)![0], child, output: () => output };
}

/** The site in a tab of its own, closed after: the workbench's page stays where the other journey steps expect it. */
async function inOwnTab(workbench: Page, use: (page: Page) => Promise<void>): Promise<void> {
  const page = await workbench.context().newPage();
  try {
    await use(page);
  } finally {
    await page.close();
    await workbench.bringToFront();
  }
}

export const siteJourneySteps: JourneyStep[] = [
  {
    name: 'the built decision site works from file://: filter by status, search, follow a supersede link, an image and a diagram shown',
    run: (workbench) =>
      inOwnTab(workbench, async (page) => {
        const root = siteRepo();
        try {
          runCliSync(['site', 'build', '--root', root]);
          await readTheSite(page, `file://${path.join(root, '_site', 'index.html')}`, 'site-file');
          await page.goto(`file://${path.join(root, '_site', 'doc', 'adr', '0004-encrypt-backups.html')}`);
          await page.locator('article img[alt="Backup flow"]').waitFor({ timeout: waitMs });
          if (
            !(await page
              .locator('article img[alt="Backup flow"]')
              .evaluate(
                (img) =>
                  (img as unknown as { complete: boolean; naturalWidth: number }).complete && (img as unknown as { naturalWidth: number }).naturalWidth > 0,
              ))
          )
            throw new Error('the copied image did not load');
          // The diagram drawn by the bundled mermaid, under the page's Content-Security-Policy, from file://.
          const diagram = page.locator('article pre.mermaid svg');
          await diagram.waitFor({ timeout: waitMs });
          const drawn = await diagram.evaluate((svg) => ({ text: svg.textContent ?? '', width: svg.getBoundingClientRect().width }));
          if (!drawn.text.includes('Nightly backup') || !drawn.text.includes('Key vault') || drawn.width < 50)
            throw new Error(`the diagram was not drawn: ${JSON.stringify(drawn)}`);
          await screenshot(page, 'site-file-5-record-with-image.png');
        } finally {
          fs.rmSync(root, { recursive: true, force: true });
        }
      }),
  },
  {
    name: 'lodestar site serve: the same site over http on 127.0.0.1, rebuilt when a record changes',
    run: (workbench) =>
      inOwnTab(workbench, async (page) => {
        const root = siteRepo();
        const served = await startServe(root);
        try {
          await readTheSite(page, served.url, 'site-serve');
          fs.writeFileSync(path.join(root, 'doc/adr/0005-adopt-opentelemetry.md'), nygardAdr({ number: 5, title: 'Adopt OpenTelemetry', status: 'Proposed' }));
          commitAll(root, 'Add 5');
          const started = Date.now();
          while (!/rebuilt: 6 pages/.test(served.output())) {
            if (Date.now() - started > waitMs) throw new Error(`no rebuild: ${served.output()}`);
            await new Promise((r) => setTimeout(r, 100));
          }
          await page.goto(served.url);
          await page.getByRole('link', { name: '0005 Adopt OpenTelemetry' }).waitFor({ timeout: waitMs });
          await screenshot(page, 'site-serve-5-rebuilt.png');
        } finally {
          served.child.kill('SIGTERM');
          fs.rmSync(root, { recursive: true, force: true });
        }
      }),
  },
];

// `node out/test/e2e/siteJourney.js` runs only these steps (after npm run build), in a bare Chromium.
if (require.main === module) {
  void (async () => {
    const browser = await launchChromium();
    let failed = 0;
    try {
      for (const s of siteJourneySteps) {
        try {
          await s.run(browser.page);
          console.log(`  ✔ ${s.name}`);
        } catch (e) {
          failed++;
          console.log(`  ✘ ${s.name}\n    ${String(e)}`);
        }
      }
    } finally {
      await browser.close();
    }
    step(`${siteJourneySteps.length - failed} passed, ${failed} failed`);
    process.exit(failed > 0 ? 1 : 0);
  })();
}
