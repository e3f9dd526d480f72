import { spawn } from 'child_process';
import * as fs from 'fs';
import { performance } from 'perf_hooks';
import { scanHistory, historyArgs } from '../../src/core/git/commitHistory';
import { createGitExecutor } from '../../src/core/git/gitExecutor';
import { parseCoAuthors, PullRequestCollector } from '../../src/core/pulls/prDiscovery';
import { parseRemoteUrl } from '../../src/core/pulls/remotes';
import { git, makeTempDir } from '../fixtures/gitRepo';

/**
 * The PR + co-author scan of a generated 100,000-commit history against raw
 * `git log` with the same `--format` (its output read and thrown away), both
 * on the same repository in the same run. Budget: ≤ 1.5×.
 */

const COMMITS = 100_000;
const PEOPLE = ['Alice Ángel <alice@example.com>', 'Bob Builder <bob@example.com>', 'Carol Chen <carol@example.com>', 'Dana Lead <dana@example.com>', 'Eve 李 <eve@example.com>', 'Frank Ó Briain <frank@example.com>'];
const WORDS = 'cache index parser retry timeout schema migration worker queue token session layout render build deploy config logging metrics'.split(' ');
const BODY_LINES = [
  'The previous approach re-read every file on each change, which was slow on large folders.',
  'Keep the old behaviour behind a flag until the next release.',
  'This also removes a race between the watcher and the indexer.',
  'See the design doc for the trade-offs we considered.',
  'Tested on a 10k-record fixture and on a shallow clone.',
];

export interface HistoryRepo {
  root: string;
  commits: number;
  /** Pull requests the messages name (merge commits, squash subjects, GitLab, Bitbucket, Azure). */
  pullRequests: number;
}

/** A deterministic pseudo-random sequence, so every run builds the same history. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Builds the history with one `git fast-import` from a generated stream:
 * about 9% GitHub merge commits (each with its branch commit), 25% squash
 * subjects `… (#N)`, 5% leading `#N` issue references, 2% each GitLab,
 * Bitbucket and Azure DevOps messages, 15% with `Co-authored-by:` trailers.
 */
export async function buildHistoryRepo(commits = COMMITS): Promise<HistoryRepo> {
  const root = makeTempDir('lodestar-bench-history-');
  git(root, ['init', '-q', '-b', 'main']);
  const rnd = random(42);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  let mark = 0;
  let made = 0;
  let prs = 0;
  let prNumber = 0;
  let time = Date.UTC(2015, 0, 1) / 1000;
  let lastMain = 0;
  const chunks: string[] = [];
  const commit = (ref: string, author: string, message: string, parents: number[], file?: string): number => {
    mark++;
    made++;
    time += 600 + Math.floor(rnd() * 3000);
    const data = Buffer.byteLength(message);
    let s = `commit ${ref}\nmark :${mark}\nauthor ${author} ${time} +0000\ncommitter ${author} ${time} +0000\ndata ${data}\n${message}\n`;
    if (parents[0]) s += `from :${parents[0]}\n`;
    if (parents[1]) s += `merge :${parents[1]}\n`;
    if (file !== undefined) s += `M 100644 inline README.md\ndata ${Buffer.byteLength(file)}\n${file}\n`;
    chunks.push(s, '\n');
    return mark;
  };
  const body = (): string => {
    const n = Math.floor(rnd() * 4);
    let text = Array.from({ length: n }, () => pick(BODY_LINES)).join('\n');
    if (rnd() < 0.15) {
      const co = pick(PEOPLE);
      text += `${text ? '\n\n' : ''}Co-authored-by: ${co}`;
      if (rnd() < 0.3) text += `\nCo-authored-by: ${pick(PEOPLE)}`;
    }
    return text;
  };
  const withBody = (subject: string, text = body()): string => (text ? `${subject}\n\n${text}` : subject);

  lastMain = commit('refs/heads/main', PEOPLE[3], 'Initial commit', [], '# bench\n');
  while (made < commits) {
    const roll = rnd();
    const topic = `${pick(WORDS)} ${pick(WORDS)}`;
    if (roll < 0.09 && made + 2 <= commits) {
      const author = pick(PEOPLE);
      const branch = `${author.split(' ')[0].toLowerCase()}/${topic.replace(' ', '-')}`;
      const tip = commit('refs/heads/side', author, withBody(`Improve the ${topic}`), [lastMain]);
      lastMain = commit('refs/heads/main', PEOPLE[3], `Merge pull request #${++prNumber} from ${branch}\n\nImprove the ${topic}`, [lastMain, tip]);
      prs++;
    } else if (roll < 0.34) {
      lastMain = commit('refs/heads/main', pick(PEOPLE), withBody(`Improve the ${topic} (#${++prNumber})`), [lastMain]);
      prs++;
    } else if (roll < 0.39) {
      lastMain = commit('refs/heads/main', pick(PEOPLE), withBody(`#${Math.floor(rnd() * 5000) + 1} fix the ${topic}`), [lastMain]);
    } else if (roll < 0.41) {
      lastMain = commit('refs/heads/main', pick(PEOPLE), `Merge branch '${topic.replace(' ', '-')}' into 'main'\n\nImprove the ${topic}\n\nSee merge request group/sub/proj!${++prNumber}`, [lastMain]);
      prs++;
    } else if (roll < 0.43) {
      lastMain = commit('refs/heads/main', pick(PEOPLE), `Merged in feature/${topic.replace(' ', '-')} (pull request #${++prNumber})\n\nImprove the ${topic}\n\nApproved-by: Dana Lead`, [lastMain]);
      prs++;
    } else if (roll < 0.45) {
      lastMain = commit('refs/heads/main', pick(PEOPLE), `Merged PR ${++prNumber}: Améliorer ${topic}`, [lastMain]);
      prs++;
    } else {
      lastMain = commit('refs/heads/main', pick(PEOPLE), withBody(`${pick(['Fix', 'Add', 'Refactor', 'Document', 'Speed up'])} the ${topic}`), [lastMain]);
    }
  }
  await new Promise<void>((resolve, reject) => {
    const child = spawn('git', ['fast-import', '--quiet'], { cwd: root, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import failed: ${stderr}`))));
    child.stdin.end(chunks.join(''));
  });
  git(root, ['reset', '-q', '--hard', 'main']);
  return { root, commits: made, pullRequests: prs };
}

/** Raw `git log` with the scan's own arguments; stdout read and discarded. */
function rawGitLog(root: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    const child = spawn('git', historyArgs(), { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.on('data', (b: Buffer) => (bytes += b.length));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(bytes) : reject(new Error(`git log exited ${code}`))));
  });
}

/** Lodestar's scan: one streaming pass collecting merged PRs and every commit's co-authors. */
async function lodestarScan(root: string): Promise<{ commits: number; pullRequests: number; coAuthors: number }> {
  const remote = parseRemoteUrl('git@github.com:acme/widgets.git');
  const collector = new PullRequestCollector(remote ? [{ name: 'origin', ...remote }] : []);
  let coAuthors = 0;
  const scan = await scanHistory(createGitExecutor(root), (c) => {
    collector.add(c);
    coAuthors += parseCoAuthors(c.body).length;
  });
  if (scan.unavailable) throw new Error(scan.unavailable);
  return { commits: scan.commits, pullRequests: collector.pullRequests().length, coAuthors };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export interface BenchResult {
  what: string;
  figure: string;
  budget: string;
  ok: boolean;
}

export async function benchHistoryScan(runs = 7): Promise<BenchResult> {
  const started = performance.now();
  const repo = await buildHistoryRepo();
  console.log(`info  generated a ${repo.commits}-commit history (${repo.pullRequests} PRs) with git fast-import in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  try {
    // Warm the page cache and check the scan sees what was generated.
    await rawGitLog(repo.root);
    const first = await lodestarScan(repo.root);
    if (first.commits !== repo.commits) throw new Error(`scanned ${first.commits} commits, generated ${repo.commits}`);
    if (first.pullRequests !== repo.pullRequests) throw new Error(`found ${first.pullRequests} PRs, generated ${repo.pullRequests}`);
    const raw: number[] = [];
    const ours: number[] = [];
    const gc = (globalThis as { gc?: () => void }).gc;
    for (let i = 0; i < runs; i++) {
      // Each side starts from a settled heap, so neither pays for the other's garbage.
      gc?.();
      let t = performance.now();
      await rawGitLog(repo.root);
      raw.push(performance.now() - t);
      gc?.();
      t = performance.now();
      await lodestarScan(repo.root);
      ours.push(performance.now() - t);
    }
    const r = median(raw);
    const o = median(ours);
    return {
      what: `PR + co-author scan of ${repo.commits.toLocaleString('en')} commits vs raw git log (same --format)`,
      figure: `${o.toFixed(0)} ms vs ${r.toFixed(0)} ms = ${(o / r).toFixed(2)}× (median of ${runs}; ${first.pullRequests} PRs, ${first.coAuthors} co-author lines)`,
      budget: '≤ 1.5×',
      ok: o / r <= 1.5,
    };
  } finally {
    fs.rmSync(repo.root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchHistoryScan().then(
    (r) => {
      console.log(`${r.ok ? 'ok  ' : 'OVER'}  ${r.what}: ${r.figure}  (budget ${r.budget})`);
      process.exitCode = r.ok ? 0 : 1;
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 2;
    },
  );
}
