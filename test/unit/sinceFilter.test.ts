import * as assert from 'assert';
import { runCli } from './cliInProcess';
import { countHistory, hasSinceAsFilter, scanHistory } from '../../src/core/git/commitHistory';
import { createGitExecutor, GitExecutor } from '../../src/core/git/gitExecutor';
import { discoverPullRequests } from '../../src/core/pulls/prDiscovery';
import { git, initRepo, makeTempDir } from '../fixtures/gitRepo';

const ALICE = { name: 'Alice Ángel', email: 'alice@example.com' };
const DANA = { name: 'Dana Lead', email: 'dana@example.com' };

/** A commit by `who` with its own author and committer dates (a committer clock may be years off). */
function commitDated(root: string, message: string, who: { name: string; email: string }, authored: string, committed = authored): string {
  git(root, ['commit', '-q', '--allow-empty', '--cleanup=verbatim', '-m', message], {
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email,
    GIT_AUTHOR_DATE: authored,
    GIT_COMMITTER_DATE: committed,
  });
  return git(root, ['rev-parse', 'HEAD']).trim();
}

/**
 * Oldest first: a start, then two co-authored commits and a squash merge from March 2026, then a commit whose
 * committer clock was set to 2019, then a newer co-authored commit. Walking back from HEAD, `--since=2026-03-01`
 * stops at the 2019 commit; everything behind it is from March 2026 all the same.
 */
function skewedRepo(): { root: string; hidden: string; behindSquash: string; newest: string; rebased: string } {
  const root = makeTempDir();
  initRepo(root);
  commitDated(root, 'Start', DANA, '2025-06-01T10:00:00Z');
  // Written in January, committed (rebased) in March: merged, by its author date, before the window.
  const rebased = commitDated(root, 'Old change (#5)', ALICE, '2026-01-10T10:00:00Z', '2026-03-01T12:00:00Z');
  const hidden = commitDated(root, 'Pair on the parser\n\nCo-authored-by: Alice Ángel <alice@example.com>', DANA, '2026-03-02T10:00:00Z');
  const behindSquash = commitDated(root, 'Add the importer (#8)', ALICE, '2026-03-03T10:00:00Z');
  commitDated(root, 'Commit from a laptop with a flat battery', DANA, '2026-03-04T10:00:00Z', '2019-06-01T10:00:00Z');
  const newest = commitDated(root, 'Pair on the docs\n\nCo-authored-by: Dana Lead <dana@example.com>', ALICE, '2026-03-05T10:00:00Z');
  return { root, hidden, behindSquash, newest, rebased };
}

/** The real git, but saying it is `version` and keeping the arguments of every git it runs. */
function gitClaiming(root: string, version: string | undefined): { git: GitExecutor; calls: string[][] } {
  const real = createGitExecutor(root);
  const calls: string[][] = [];
  const wrapped: GitExecutor = {
    run: (args) => (calls.push(args), real.run(args)),
    stream: (args, onChunk, input) => (calls.push(args), real.stream(args, onChunk, input)),
  };
  if (version !== undefined)
    wrapped.version = () => {
      calls.push(['version']);
      return Promise.resolve(version);
    };
  return { git: wrapped, calls };
}

describe('--since: a date filter that does not stop at a commit with a wrong clock', () => {
  let repo: ReturnType<typeof skewedRepo>;
  before(async function () {
    // `--since-as-filter` came with git 2.37: an older git cannot find what this proves is found.
    if (!hasSinceAsFilter(await createGitExecutor(makeTempDir()).version!())) this.skip();
    repo = skewedRepo();
  });

  it('git itself stops at the 2019 commit with --since (the problem), not with --since-as-filter', () => {
    const stopping = git(repo.root, ['log', '--format=%H', '--since=2026-03-01 00:00:00', 'HEAD']).trim().split('\n');
    assert.deepStrictEqual(stopping, [repo.newest]);
    const filtering = git(repo.root, ['log', '--format=%H', '--since-as-filter=2026-03-01 00:00:00', 'HEAD']).trim().split('\n');
    assert.ok(filtering.includes(repo.hidden));
  });

  it('lodestar pairing --since finds the co-authored commit behind it', async () => {
    const r = await runCli(['pairing', '--json', '--since', '2026-03-01', '--root', repo.root]);
    assert.strictEqual(r.code, 0, r.stderr);
    const sessions = (JSON.parse(r.stdout) as { sessions: { commit: string; date: string }[] }).sessions;
    assert.deepStrictEqual(
      sessions.map((s) => [s.commit, s.date]),
      [
        [repo.newest, '2026-03-05'],
        [repo.hidden, '2026-03-02'],
      ],
    );
  });

  it('lodestar prs --since finds the squash merge behind it, and keeps out a PR merged (by its author date) before the day', async () => {
    const r = await runCli(['prs', '--json', '--since', '2026-03-01', '--root', repo.root]);
    assert.strictEqual(r.code, 0, r.stderr);
    const prs = (JSON.parse(r.stdout) as { pullRequests: { number: number; mergeCommit: string; mergedAt: string }[] }).pullRequests;
    assert.deepStrictEqual(
      prs.map((p) => [p.number, p.mergeCommit, p.mergedAt.slice(0, 10)]),
      [[8, repo.behindSquash, '2026-03-03']],
    );
    // Without --since the rebased one is there: it is the date that leaves it out.
    const all = await runCli(['prs', '--json', '--root', repo.root]);
    assert.deepStrictEqual(
      (JSON.parse(all.stdout) as { pullRequests: { number: number }[] }).pullRequests.map((p) => p.number),
      [8, 5],
    );
  });

  it('a date-time --since compares instants of the author date', async () => {
    const gitx = createGitExecutor(repo.root);
    const found = await discoverPullRequests(gitx, [], { since: '2026-03-03T10:00:00Z' });
    assert.deepStrictEqual(
      found.pullRequests.map((p) => p.number),
      [8],
    );
    const after = await discoverPullRequests(gitx, [], { since: '2026-03-03T10:00:01Z' });
    assert.deepStrictEqual(after.pullRequests, []);
  });

  it('lodestar prs counts the commits committed since the day by the same filter', async () => {
    const r = await runCli(['prs', '--since', '2026-03-01', '--root', repo.root]);
    assert.strictEqual(r.code, 0, r.stderr);
    // The rebased commit, the two from March behind the 2019 one, and the newest; not the 2019 one or the start.
    assert.match(r.stdout, /^1 merged pull request since 2026-03-01 in 4 commits\n/);
  });

  it('git 2.37 and later get --since-as-filter; an older git, or one whose version is unknown, gets --since', async () => {
    for (const [version, option] of [
      ['git version 2.37.0', '--since-as-filter='],
      ['git version 2.45.1.windows.1', '--since-as-filter='],
      ['git version 3.0.0', '--since-as-filter='],
      ['git version 2.36.6', '--since='],
      ['not git', '--since='],
      [undefined, '--since='],
    ] as const) {
      const { git: gitx, calls } = gitClaiming(repo.root, version);
      await scanHistory(gitx, () => undefined, { since: '2026-03-01' });
      await countHistory(gitx, '2026-03-01');
      const dated = calls.filter((c) => c[0] !== 'version').map((c) => c.find((a) => a.startsWith('--since')));
      assert.deepStrictEqual(dated, [`${option}2026-03-01 00:00:00`, `${option}2026-03-01 00:00:00`], String(version));
    }
  });

  it('an older git falls back to --since, which misses what is behind the 2019 commit (as the README says)', async () => {
    const { git: gitx } = gitClaiming(repo.root, 'git version 2.30.2');
    const seen: string[] = [];
    await scanHistory(gitx, (c) => seen.push(c.hash), { since: '2026-03-01' });
    assert.deepStrictEqual(seen, [repo.newest]);
  });

  it('a scan or count without a date asks git for no version: no more git processes than before', async () => {
    const { git: gitx, calls } = gitClaiming(repo.root, 'git version 2.40.0');
    await scanHistory(gitx, () => undefined, {});
    await scanHistory(gitx, () => undefined, { mentioning: ['(#'] });
    await countHistory(gitx);
    await discoverPullRequests(gitx, []);
    assert.ok(!calls.some((c) => c[0] === 'version'), JSON.stringify(calls));
    assert.ok(!calls.flat().some((a) => a.startsWith('--since')));
  });
});

describe('git version', () => {
  it('is read once per process, whichever executor asks', async () => {
    const a = createGitExecutor(makeTempDir());
    const b = createGitExecutor(makeTempDir());
    const first = a.version!();
    assert.strictEqual(b.version!(), first);
    assert.match(await first, /^git version \d+\.\d+/);
  });

  it('tells a git with --since-as-filter from one without', () => {
    for (const yes of ['git version 2.37.0', 'git version 2.39.5\n', 'git version 2.37.1 (Apple Git-137.1)', 'git version 10.0.0'])
      assert.ok(hasSinceAsFilter(yes), yes);
    for (const no of ['git version 2.36.9', 'git version 1.99.0', 'git version', '', 'version 2.40.0']) assert.ok(!hasSinceAsFilter(no), no);
  });
});
