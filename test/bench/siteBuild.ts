import * as fs from 'fs';
import MarkdownIt from 'markdown-it';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { DEFAULT_SETTINGS } from '../../src/core/index/recordFolders';
import { publishSite } from '../../src/core/site/publishSite';
import { NodeFileSystem } from '../../src/core/store/nodeFileSystem';
import { commitAll, initRepo, makeTempDir } from '../fixtures/gitRepo';
import { madr4Adr, nygardAdr } from '../fixtures/recordText';

/**
 * `lodestar site build` of a 10,000-record repository (indexing, one git log,
 * rendering, pages, index, search index, writing) against only reading and
 * rendering the same files with markdown-it, alternating, median of 5.
 * Budget: ≤ 1.5×.
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

async function renderOnly(files: string[]): Promise<number> {
  const md = new MarkdownIt({ html: false });
  let total = 0;
  const texts = await Promise.all(files.map((f) => fs.promises.readFile(f, 'utf8')));
  for (const t of texts) total += md.render(t).length;
  return total;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function benchSiteBuild(): Promise<{ what: string; figure: string; ratio: string; budget: string; ok: boolean }> {
  console.log(`building a ${RECORDS}-record repository for the site benchmark…`);
  const { root, files } = buildSiteCorpus();
  const fsPort = new NodeFileSystem();
  const outBase = makeTempDir('lodestar-site-out-');
  try {
    await renderOnly(files);
    const renderTimes: number[] = [];
    const siteTimes: number[] = [];
    for (let run = 0; run < 5; run++) {
      let t = performance.now();
      await renderOnly(files);
      renderTimes.push(performance.now() - t);
      const out = path.join(outBase, `run-${run}`);
      t = performance.now();
      const result = await publishSite({ fs: fsPort, root, settings: DEFAULT_SETTINGS, outDir: out });
      siteTimes.push(performance.now() - t);
      if (result.pages !== RECORDS || result.historyUnavailable)
        throw new Error(`site of ${result.pages} pages (${result.historyUnavailable ?? 'history read'})`);
      fs.rmSync(out, { recursive: true, force: true });
    }
    const render = median(renderTimes);
    const site = median(siteTimes);
    return {
      what: 'site build of 10,000 records vs only rendering them with markdown-it',
      figure: `${site.toFixed(0)} ms vs ${render.toFixed(0)} ms`,
      ratio: `${(site / render).toFixed(2)}×`,
      budget: '≤ 1.5×',
      ok: site / render <= 1.5,
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outBase, { recursive: true, force: true });
  }
}

// `node out/test/bench/siteBuild.js` runs this figure alone.
if (require.main === module) {
  benchSiteBuild().then(
    (r) => console.log(`${r.ok ? 'ok  ' : 'OVER'}  ${r.what}: ${r.figure} = ${r.ratio}  (budget ${r.budget})`),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 2;
    },
  );
}
