import * as fs from 'fs';
import * as path from 'path';
import { commitAll, initRepo, makeTempDir } from '../fixtures/gitRepo';
import { madr4Adr, nygardAdr } from '../fixtures/recordText';
import { Command, comparePair } from './processes';

/**
 * `lodestar site build` of a 10,000-record repository (indexing, one git log,
 * rendering, pages, index, search index, writing 10,000 pages) against only
 * reading and rendering the same files with markdown-it. Budget: ≤ 1.5×.
 */

const RECORDS = 10_000;
const FILLER = 'We weigh the options against operability, cost and the team’s experience, and write down why. '.repeat(18);

export function buildSiteCorpus(): { root: string; files: string[] } {
  const root = makeTempDir('lodestar-site-bench-');
  const folder = path.join(root, 'doc/adr');
  fs.mkdirSync(folder, { recursive: true });
  const files: string[] = [];
  for (let i = 1; i <= RECORDS; i++) {
    const title = `Decision number ${i} about subsystem ${i % 97}`;
    const name = `${String(i).padStart(5, '0')}-decision-${i}.md`;
    const previous = `${String(i - 1).padStart(5, '0')}-decision-${i - 1}.md`;
    const head =
      i % 2 === 0
        ? nygardAdr({
            number: i,
            title,
            status: i % 10 === 0 ? 'Proposed' : 'Accepted',
            statusLines: i > 1 && i % 5 === 0 ? [`Amends [${i - 1}. Decision](${previous})`] : [],
          })
        : madr4Adr({ title, status: 'accepted', extraFrontMatter: `tags: [area-${i % 13}, team-${i % 7}]\n` });
    const extra = `\n## Notes\n\nSee [the previous one](${previous}) and [the spec](https://example.org/spec/${i}).\n\n| option | cost |\n| --- | --- |\n| one | low |\n\n${FILLER.slice(0, Math.max(0, 2048 - head.length))}\n`;
    fs.writeFileSync(path.join(folder, name), head + extra);
    files.push(path.join(folder, name));
  }
  initRepo(root);
  commitAll(root, 'Add records');
  return { root, files };
}

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const RENDER_ONLY = path.join(__dirname, 'renderOnly.js');

/**
 * Whole processes, alternating, median of the pair-by-pair ratios:
 * `node dist/cli.js site build` into a new folder each run (as a CI job
 * builds into a fresh checkout) against `renderOnly.js`, which reads and
 * renders the same files with markdown-it and writes nothing. The folders
 * are removed after the last run: removing 10,000 files leaves the file
 * system work to do for seconds afterwards, which would land in whichever
 * run came next.
 */
export interface SiteBenchRow {
  what: string;
  figure: string;
  ratio: string;
  budget: string;
  ok: boolean | undefined;
}

export async function benchSiteBuild(runs = 5): Promise<SiteBenchRow[]> {
  console.log(`building a ${RECORDS}-record repository for the site benchmark…`);
  const { root } = buildSiteCorpus();
  const outBase = makeTempDir('lodestar-site-out-');
  // The records the CLI keeps between runs: none for the budget row (a CI job's fresh checkout has none), then
  // kept in a folder of this run for the row of a second build with nothing changed.
  const recordCache = makeTempDir('lodestar-site-records-');
  let built = 0;
  const args = ['site', 'build', '--root', root, '--out', ''];
  try {
    const site = (env: Record<string, string>): Command => ({
      label: 'site build',
      file: CLI,
      args,
      cwd: root,
      node: true,
      env: { LODESTAR_RECORD_CACHE_DIR: recordCache, ...env },
      before: () => (args[args.length - 1] = path.join(outBase, `site-${++built}`)),
    });
    const renderOnly: Command = { label: 'render only', file: RENDER_ONLY, args: [root], cwd: root, node: true };
    const cold = await comparePair(site({ LODESTAR_NO_RECORD_CACHE: '1' }), renderOnly, runs);
    const pages = fs.readdirSync(path.join(args[args.length - 1], 'doc/adr')).length;
    if (pages !== RECORDS) throw new Error(`the site has ${pages} pages, not ${RECORDS}`);
    const again = await comparePair(site({}), renderOnly, runs);
    return [
      {
        what: `\`site build\` of ${RECORDS.toLocaleString('en')} records vs a Node script rendering them with markdown-it`,
        figure: `${cold.a.wallMs.toFixed(0)} vs ${cold.b.wallMs.toFixed(0)} ms`,
        ratio: `${cold.timeRatio.toFixed(2)}×`,
        budget: '≤ 1.5×',
        ok: cold.timeRatio <= 1.5,
      },
      {
        what: '`site build` again, nothing changed (records kept between runs) vs the same script',
        figure: `${again.a.wallMs.toFixed(0)} vs ${again.b.wallMs.toFixed(0)} ms`,
        ratio: `${again.timeRatio.toFixed(2)}×`,
        budget: '',
        ok: undefined,
      },
    ];
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outBase, { recursive: true, force: true });
    fs.rmSync(recordCache, { recursive: true, force: true });
  }
}

// `node out/test/bench/siteBuild.js` runs this figure alone (after `npm run build`).
if (require.main === module) {
  benchSiteBuild(Number(process.env.LODESTAR_BENCH_RUNS) || 5).then(
    (rows) => {
      for (const r of rows)
        console.log(`${r.ok === undefined ? 'info' : r.ok ? 'ok  ' : 'OVER'}  ${r.what}: ${r.figure} = ${r.ratio}${r.budget ? `  (budget ${r.budget})` : ''}`);
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 2;
    },
  );
}
