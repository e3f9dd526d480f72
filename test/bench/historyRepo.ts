import { spawn } from 'child_process';
import { git, makeTempDir } from '../fixtures/gitRepo';

/** A generated 100,000-commit history for the benchmark (see buildHistoryRepo). */

const COMMITS = 100_000;
const PEOPLE = [
  'Alice Ángel <alice@example.com>',
  'Bob Builder <bob@example.com>',
  'Carol Chen <carol@example.com>',
  'Dana Lead <dana@example.com>',
  'Eve 李 <eve@example.com>',
  'Frank Ó Briain <frank@example.com>',
];
const BOT = 'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>';
const WORDS = 'cache index parser retry timeout schema migration worker queue token session layout render build deploy config logging metrics'.split(' ');
const BODY_LINES = [
  'The previous approach re-read every file on each change, which was slow on large folders.',
  'Keep the old behaviour behind a flag until the next release.',
  'This also removes a race between the watcher and the indexer.',
  'See the design doc for the trade-offs we considered.',
  'Tested on a 10k-record fixture and on a shallow clone.',
];

/** The remote the history has, as a team's clone of GitHub would (offline: nothing is fetched). */
export const REMOTE = 'https://github.com/acme/platform.git';

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
 * Bitbucket and Azure DevOps messages, 15% with `Co-authored-by:` trailers;
 * `origin` is a GitHub remote.
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
    } else if (roll < 0.12) {
      // Dependency bots open pull requests too: squashed, with the bot as author.
      lastMain = commit(
        'refs/heads/main',
        BOT,
        `Bump ${pick(WORDS)} from 1.${Math.floor(rnd() * 9)}.0 to 1.${Math.floor(rnd() * 9) + 1}.0 (#${++prNumber})\n\nSigned-off-by: dependabot[bot] <support@github.com>`,
        [lastMain],
      );
      prs++;
    } else if (roll < 0.34) {
      lastMain = commit('refs/heads/main', pick(PEOPLE), withBody(`Improve the ${topic} (#${++prNumber})`), [lastMain]);
      prs++;
    } else if (roll < 0.39) {
      lastMain = commit('refs/heads/main', pick(PEOPLE), withBody(`#${Math.floor(rnd() * 5000) + 1} fix the ${topic}`), [lastMain]);
    } else if (roll < 0.41) {
      lastMain = commit(
        'refs/heads/main',
        pick(PEOPLE),
        `Merge branch '${topic.replace(' ', '-')}' into 'main'\n\nImprove the ${topic}\n\nSee merge request group/sub/proj!${++prNumber}`,
        [lastMain],
      );
      prs++;
    } else if (roll < 0.43) {
      lastMain = commit(
        'refs/heads/main',
        pick(PEOPLE),
        `Merged in feature/${topic.replace(' ', '-')} (pull request #${++prNumber})\n\nImprove the ${topic}\n\nApproved-by: Dana Lead`,
        [lastMain],
      );
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
  // Teams' repositories have a forge remote, and with one `prs` and `report` give pull requests URLs. Never fetched.
  git(root, ['remote', 'add', 'origin', REMOTE]);
  return { root, commits: made, pullRequests: prs };
}
