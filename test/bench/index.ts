import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { RecordIndex } from '../../src/core/index/recordIndex';
import { DEFAULT_SETTINGS } from '../../src/core/index/recordFolders';
import { NodeFileSystem } from '../../src/core/store/nodeFileSystem';
import { groupByStatus, recordDescription } from '../../src/core/listing/recordGroups';
import { recordLabel } from '../../src/core/records/recordLabels';
import { buildCorpus, RECORDS } from './corpus';
import { benchGovernance } from './governance';
import { buildHistoryRepo } from './historyRepo';
import { benchSiteBuild } from './siteBuild';
import { cleanUpHooks, Command, comparePair, median } from './processes';

/**
 * `npm run bench`: what a user feels. Each CLI command runs as a whole process
 * (start-up and output included) against the simplest program that does the
 * part of its job nothing can skip, in turn, in the same run, on a generated
 * repository that varies the way real ones do (see corpus.ts, historyScan.ts).
 * The in-process figures of the editor follow. One table; exit 1 when a budget
 * is missed. Ratios taken in one run hold on a loaded machine; absolute times
 * do not.
 */

const RUNS = Math.max(5, Number(process.env.LODESTAR_BENCH_RUNS) || 5);
const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const READ_TREE = path.join(__dirname, 'readTree.js');
// What `prs`, `pairing` and `report` cannot do without: every commit's hash, parents, subject, author, date and co-authors.
const MINIMAL_LOG = '--format=%H%x1f%P%x1f%s%x1f%an%x1f%ae%x1f%aI%x1f%(trailers:key=Co-authored-by,valueonly,separator=%x1d)%x1e';

interface Row {
  what: string;
  figure: string;
  ratio: string;
  budget: string;
  ok: boolean | undefined;
}
const rows: Row[] = [];

function row(what: string, figure: string, ratio: string, budget: string, ok: boolean | undefined): void {
  rows.push({ what, figure, ratio, budget, ok });
  console.log(`${ok === undefined ? 'info' : ok ? 'ok  ' : 'OVER'}  ${what}: ${figure}${ratio ? ` = ${ratio}` : ''}${budget ? ` (budget ${budget})` : ''}`);
}

const ms = (x: number): string => `${x.toFixed(0)} ms`;
const mb = (x: number | undefined): string => (x === undefined ? '?' : `${x.toFixed(0)} MB`);

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** adr-log from npm, into a temp folder; undefined (with the reason printed) when it cannot be installed. */
function installAdrLog(): string | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-bench-adrlog-'));
  try {
    fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"bench-adr-log","private":true}\n');
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['install', '--no-audit', '--no-fund', '--silent', 'adr-log@2'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const bin = path.join(dir, 'node_modules/adr-log/bin/adr-log');
    if (fs.existsSync(bin)) return bin;
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules/adr-log/package.json'), 'utf8')) as { bin?: string | Record<string, string> };
    const rel = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.['adr-log'];
    return rel ? path.join(dir, 'node_modules/adr-log', rel) : undefined;
  } catch (e) {
    console.log(`info  adr-log could not be installed from npm (${(e as Error).message.split('\n')[0]}); the adr rows are not measured`);
    return undefined;
  }
}

async function processRows(root: string, adrFolder: string): Promise<void> {
  const cli = (label: string, args: string[], cwd = root): Command => ({ label, file: CLI, args, cwd, node: true });
  const folders = ['doc/adr', 'packages/api/docs/adr', 'packages/web/docs/adr', 'docs/design', 'docs/mentoring', 'docs/influence'].map((f) =>
    path.join(root, f),
  );
  const readTree: Command = { label: 'read every file', file: READ_TREE, args: folders, cwd: root, node: true };
  // Fully buffered output (GIT_FLUSH=0), as Lodestar's own git runs: the baseline does not pay for a write per commit either.
  const gitLog: Command = { label: 'git log (needed fields)', file: 'git', args: ['log', MINIMAL_LOG, 'HEAD'], cwd: root, env: { GIT_FLUSH: '0' } };

  // Cold: every file read and parsed, as on a first run (or LODESTAR_NO_RECORD_CACHE=1).
  const index = await comparePair({ ...cli('index', ['index', '--json', '--root', root]), env: { LODESTAR_NO_RECORD_CACHE: '1' } }, readTree, RUNS);
  row(
    `\`index --json\` cold (${RECORDS.toLocaleString('en')} records) vs a Node script reading every file`,
    `${ms(index.a.wallMs)} vs ${ms(index.b.wallMs)}`,
    `${index.timeRatio.toFixed(2)}×`,
    '≤ 2.0×',
    index.timeRatio <= 2.0,
  );
  row(
    '  same, peak RSS',
    `${mb(index.a.peakMb)} vs ${mb(index.b.peakMb)}`,
    `${index.memoryRatio?.toFixed(2)}×`,
    '≤ 1.5×',
    index.memoryRatio !== undefined && index.memoryRatio <= 1.5,
  );
  // Warm: the records kept by the run before (its warm-up run), no file changed since: what a user running it again feels.
  const warm = await comparePair(cli('index', ['index', '--json', '--root', root]), readTree, RUNS);
  row(
    '`index --json` again, nothing changed (records kept between runs) vs the same script',
    `${ms(warm.a.wallMs)} vs ${ms(warm.b.wallMs)}`,
    `${warm.timeRatio.toFixed(2)}×`,
    '',
    undefined,
  );

  // lint as a CI job or a pre-commit hook runs it again and again: records kept, every decision's content judged.
  const lint = await comparePair(cli('lint', ['lint', '--root', root]), readTree, RUNS);
  row(
    '`lint` (records kept between runs; content rules read every decision) vs the same script',
    `${ms(lint.a.wallMs)} vs ${ms(lint.b.wallMs)}`,
    `${lint.timeRatio.toFixed(2)}×`,
    '',
    undefined,
  );

  // search reads every decision and design doc's text for each query.
  const search = await comparePair(cli('search', ['search', 'operability', 'cost', '--root', root]), readTree, RUNS);
  row(
    '`search operability cost` (records kept; every text read) vs the same script',
    `${ms(search.a.wallMs)} vs ${ms(search.b.wallMs)}`,
    `${search.timeRatio.toFixed(2)}×`,
    '',
    undefined,
  );

  for (const [what, args] of [
    ['prs --json', ['prs', '--json', '--root', root]],
    ['pairing --json', ['pairing', '--json', '--root', root]],
    ['report', ['report', '--from', '2015-01-01', '--to', '2030-12-31', '--root', root]],
  ] as const) {
    const r = await comparePair(cli(what, [...args]), gitLog, RUNS);
    row(
      `\`${what}\` (100,000 commits, GitHub remote) vs one git log of the needed fields`,
      `${ms(r.a.wallMs)} vs ${ms(r.b.wallMs)}`,
      `${r.timeRatio.toFixed(2)}×`,
      '≤ 1.5×',
      r.timeRatio <= 1.5,
    );
    if (what === 'prs --json') row('  same, peak RSS (output: ' + mb(r.a.stdoutBytes / 1024 / 1024) + ')', mb(r.a.peakMb), '', '', undefined);
  }

  const adrLog = installAdrLog();
  if (adrLog) {
    const rel = path.relative(root, adrFolder);
    const baseline: Command = { label: 'adr-log', file: adrLog, args: ['-d', rel], cwd: root, node: true };
    for (const [what, args] of [
      ['adr generate toc', ['adr', 'generate', 'toc']],
      ['adr list', ['adr', 'list']],
    ] as const) {
      const r = await comparePair(cli(what, [...args]), baseline, RUNS);
      row(
        `\`${what}\` (4,000 ADRs) vs \`adr-log -d DIR\``,
        `${ms(r.a.wallMs)} vs ${ms(r.b.wallMs)}`,
        `${r.timeRatio.toFixed(2)}×`,
        '≤ 1.0×',
        r.timeRatio <= 1.0,
      );
    }
    fs.rmSync(path.dirname(path.dirname(path.dirname(adrLog))), { recursive: true, force: true });
  } else {
    row('`adr generate toc` / `adr list` vs `adr-log -d DIR`', 'not measured (adr-log not installed)', '', '≤ 1.0×', undefined);
  }
}

async function inProcessRows(root: string): Promise<void> {
  const index = new RecordIndex(new NodeFileSystem(), root, DEFAULT_SETTINGS);
  await index.build();
  if (index.size !== RECORDS) throw new Error(`indexed ${index.size} records, expected ${RECORDS}`);
  const target = path.join(root, 'doc/adr/2000-decision-number-2000.md');
  const original = fs.readFileSync(target, 'utf8');
  const updates: number[] = [];
  for (let i = 0; i < 50; i++) {
    fs.writeFileSync(target, original.replace('Decision number 2000', `Decision number 2000 (edit ${i})`));
    updates.push(await time(() => index.refreshFile(target)));
  }
  if (!index.record(target)?.title.includes('(edit 49)')) throw new Error('the incremental update did not land');
  const incremental = median(updates);
  row('one changed file on a 10k index (in the editor)', `${incremental.toFixed(2)} ms (median of 50)`, '', '≤ 5 ms', incremental <= 5);

  const treeTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    // A change makes the view recompute its children: group, sort, label every row of the folder.
    fs.writeFileSync(target, original);
    await index.refreshFile(target);
    treeTimes.push(
      await time(() => {
        const groups = groupByStatus(index.records('decision'), 'decision');
        return groups.flatMap((g) => g.records.map((r) => [recordLabel(r), recordDescription(r)]));
      }),
    );
  }
  const tree = median(treeTimes);
  row('tree children of the 10k-record Decisions view (group, sort, label)', `${tree.toFixed(2)} ms (median of 20)`, '', '≤ 20 ms', tree <= 20);

  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  row('heap used with the 10k index loaded', mb(process.memoryUsage().heapUsed / 1024 / 1024), '', '', undefined);

  const hostResult = path.resolve(__dirname, '../../../test-results/host-single-result.json');
  const activation = fs.existsSync(hostResult) ? (JSON.parse(fs.readFileSync(hostResult, 'utf8')) as { activationMs?: number }).activationMs : undefined;
  if (typeof activation === 'number')
    row('activate() in the real VS Code (from the last host-suite run)', `${activation.toFixed(2)} ms`, '', '≤ 50 ms', activation <= 50);
  else row('activate() in the real VS Code', 'not measured here: run the host suite (`npm test`), then this again', '', '≤ 50 ms', undefined);
}

function printTable(): void {
  console.log('\n| what | figure | ratio | budget | |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.what} | ${r.figure} | ${r.ratio} | ${r.budget} | ${r.ok === undefined ? '' : r.ok ? 'ok' : 'OVER'} |`);
}

async function main(): Promise<number> {
  const started = performance.now();
  // The records the CLI keeps between runs go into a folder of this run, not the user's cache folder.
  const recordCache = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-bench-records-'));
  process.env.LODESTAR_RECORD_CACHE_DIR = recordCache;
  console.log('building a 100,000-commit history (merges, squashes, forges, co-authors, bots; a GitHub remote) and a 10,000-record repository…');
  const history = await buildHistoryRepo();
  const corpus = buildCorpus(history.root);
  console.log(
    `info  ${corpus.records} records (${(corpus.bytes / 1024 / 1024).toFixed(1)} MB) and ${history.commits} commits (${history.pullRequests} PRs) in ${((performance.now() - started) / 1000).toFixed(0)} s; ${RUNS} runs of each side, alternating`,
  );
  try {
    await processRows(corpus.root, corpus.adrFolder);
    await inProcessRows(corpus.root);
    for (const site of await benchSiteBuild(RUNS)) row(site.what, site.figure, site.ratio, site.budget, site.ok);
    const why = await benchGovernance();
    row('indexing for why on a 10,000-file repository with 500 globs', why.indexing, '', '', undefined);
    row(why.what, why.figure, '', why.budget, why.ok);
  } finally {
    fs.rmSync(corpus.root, { recursive: true, force: true });
    fs.rmSync(recordCache, { recursive: true, force: true });
    cleanUpHooks();
  }
  printTable();
  const over = rows.filter((r) => r.ok === false);
  console.log(
    `\n${over.length === 0 ? 'all budgets met' : `${over.length} budget(s) missed`} (${((performance.now() - started) / 1000).toFixed(0)} s; whole-process ratios are medians of pair-by-pair ratios in this run)`,
  );
  return over.length === 0 ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e);
    process.exitCode = 2;
  },
);
