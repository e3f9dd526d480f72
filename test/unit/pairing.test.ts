import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { createGitExecutor } from '../../src/core/git/gitExecutor';
import { DEFAULT_SETTINGS } from '../../src/core/index/recordFolders';
import { RecordIndex } from '../../src/core/index/recordIndex';
import { loadPeopleDirectory, PeopleDirectory } from '../../src/core/people/identities';
import {
  buildPairingReport,
  detectPairingSessions,
  groupByDay,
  loggedPairingSessions,
  pairCounts,
  PairingSession,
  recentCoAuthors,
  unloggedSessions,
  validateDay,
} from '../../src/core/people/pairing';
import { trackedByGit } from '../../src/core/people/privateNotebook';
import { NodeFileSystem } from '../../src/core/store/nodeFileSystem';
import { commitAs, git, initRepo, makeTempDir, shallowClone, writeFiles } from '../fixtures/gitRepo';
import { menteeProfile, sessionNote } from '../fixtures/recordText';

const DANA = { name: 'Dana Lead', email: 'dana@example.com' };
const ALICE = { name: 'Alice Example', email: 'alice@example.com' };
const ALICE_HOME = { name: 'alice', email: 'Alice.Home@example.net' };

/** A team repository: Alice's profile (two e-mails), Sam in .git-coauthors, and a history with every kind of trailer. */
function teamRepo(): { root: string; hashes: Record<string, string> } {
  const root = makeTempDir();
  initRepo(root);
  writeFiles(root, {
    'docs/mentoring/alice.md': menteeProfile({ name: 'Alice Example', handle: 'alice', emails: ['alice@example.com', 'alice.home@example.net'] }),
    '.git-coauthors': JSON.stringify({ coauthors: { ss: { name: 'Sam Staff', email: 'sam@example.com' } } }),
  });
  const hashes: Record<string, string> = {};
  hashes.danaAlice = commitAs(root, 'Pair on the parser\n\nCo-authored-by: Alice Example <alice@example.com>\n', { ...DANA, date: '2026-01-05T09:00:00Z' });
  hashes.aliceSam = commitAs(root, 'Fix flaky test\n\nco-authored-by:  Sam Staff   <SAM@example.com>\n', { ...ALICE_HOME, date: '2026-01-06T16:30:00+02:00' });
  commitAs(root, 'Bump deps\n\nCo-authored-by: dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>\n', {
    ...DANA,
    date: '2026-01-06T17:00:00Z',
  });
  commitAs(root, 'Self credit\n\nCo-authored-by: Dana Lead <dana@example.com>\nCo-authored-by: Nobody\n', { ...DANA, date: '2026-01-06T18:00:00Z' });
  commitAs(root, 'Two of my e-mails\n\nCo-authored-by: Alice <alice.home@example.net>\n', { ...ALICE, date: '2026-01-06T19:00:00Z' });
  commitAs(root, 'Plain commit\n', { ...DANA, date: '2026-01-07T08:00:00Z' });
  hashes.mob = commitAs(
    root,
    'Mob on the release\n\nCo-authored-by: Alice Example <alice@example.com>\nCo-authored-by: Sam Staff <sam@example.com>\nCo-authored-by: Alice Example <alice@example.com>\n',
    { ...DANA, date: '2026-01-07T11:00:00Z' },
  );
  return { root, hashes };
}

async function load(root: string): Promise<{ index: RecordIndex; directory: PeopleDirectory }> {
  const nodeFs = new NodeFileSystem();
  const index = new RecordIndex(nodeFs, root, DEFAULT_SETTINGS);
  await index.build();
  return { index, directory: await loadPeopleDirectory(index, nodeFs) };
}

const brief = (sessions: PairingSession[]): [string | null, string[], string | null][] => sessions.map((s) => [s.date, s.people, s.commit]);

describe('pairing sessions', () => {
  it('detects exactly one session per commit with a human co-author, people merged through profiles and .git-coauthors', async () => {
    const { root, hashes } = teamRepo();
    const { directory } = await load(root);
    const detected = await detectPairingSessions(createGitExecutor(root), directory);
    assert.strictEqual(detected.unavailable, undefined);
    assert.strictEqual(detected.commits, 7);
    assert.deepStrictEqual(brief(detected.sessions), [
      ['2026-01-07', ['dana@example.com', 'alice', 'sam@example.com'], hashes.mob],
      // The author's own calendar day (+02:00), Alice under her second e-mail, Sam by his .git-coauthors e-mail in another case.
      ['2026-01-06', ['alice', 'sam@example.com'], hashes.aliceSam],
      ['2026-01-05', ['dana@example.com', 'alice'], hashes.danaAlice],
    ]);
    assert.deepStrictEqual(
      detected.sessions.map((s) => [s.source, s.path, s.subject]),
      [
        ['co-authored', null, 'Mob on the release'],
        ['co-authored', null, 'Fix flaky test'],
        ['co-authored', null, 'Pair on the parser'],
      ],
    );
    assert.strictEqual(directory.nameOf('sam@example.com'), 'Sam Staff');
    assert.strictEqual(directory.nameOf('dana@example.com'), 'Dana Lead');
  });

  it('finds the same sessions when git prints only the commits that mention co-authors, in any case', async () => {
    const { root, hashes } = teamRepo();
    // The key in capitals, and a trailer in the middle of a squash body rather than in its last paragraph.
    hashes.caps = commitAs(root, 'Shout\n\nCO-AUTHORED-BY: Sam Staff <sam@example.com>\n', { ...ALICE, date: '2026-01-08T10:00:00Z' });
    hashes.squash = commitAs(
      root,
      'Squash (#4)\n\n* first\n\nCo-authored-by: Sam Staff <sam@example.com>\n\n* second\n\nSigned-off-by: Dana Lead <dana@example.com>\n',
      { ...DANA, date: '2026-01-09T10:00:00Z' },
    );
    const { directory } = await load(root);
    const every = await detectPairingSessions(createGitExecutor(root), directory);
    const mentioning = await detectPairingSessions(createGitExecutor(root), directory, { onlyCoAuthored: true });
    assert.deepStrictEqual(mentioning.sessions, every.sessions);
    assert.deepStrictEqual(
      mentioning.sessions.slice(0, 2).map((s) => s.commit),
      [hashes.squash, hashes.caps],
    );
    // Nine commits; the plain one is never printed.
    assert.strictEqual(every.commits, 9);
    assert.strictEqual(mentioning.commits, 8);
    // With maxCount the commits counted are every commit, so no filter applies.
    assert.strictEqual((await detectPairingSessions(createGitExecutor(root), directory, { onlyCoAuthored: true, maxCount: 3 })).commits, 3);
  });

  it('reads logged pairing sessions (other kinds are not pairing), and tells which detected ones are not logged yet', async () => {
    const { root, hashes } = teamRepo();
    writeFiles(root, {
      'docs/mentoring/alice/2026-01-05-pairing.md': sessionNote({ date: '2026-01-05', kind: 'pairing', with: ['dana@example.com'] }),
      'docs/mentoring/alice/2026-01-06-one-on-one.md': sessionNote({ date: '2026-01-06', kind: 'one-on-one', with: ['Sam Staff'] }),
      'docs/mentoring/alice/2026-01-09-pairing.md': sessionNote({ date: '2026-01-09', kind: 'pairing', with: ['dana@example.com', 'Sam Staff'] }).replace(
        'duration: 60',
        `duration: 60\ncommits: ["${hashes.mob.slice(0, 8)}"]`,
      ),
    });
    const { index, directory } = await load(root);
    const logged = loggedPairingSessions(index.records('session'), directory);
    assert.deepStrictEqual(logged.map((s) => [s.date, s.people, s.source, path.basename(s.path ?? ''), s.mentee]).sort(), [
      ['2026-01-05', ['alice', 'dana@example.com'], 'logged', '2026-01-05-pairing.md', 'alice'],
      ['2026-01-09', ['alice', 'dana@example.com', 'sam@example.com'], 'logged', '2026-01-09-pairing.md', 'alice'],
    ]);
    const detected = (await detectPairingSessions(createGitExecutor(root), directory)).sessions;
    // Commit 1: same day and people as a logged session. The mob commit: named in a logged session's `commits`.
    assert.deepStrictEqual(
      unloggedSessions(detected, logged).map((s) => s.commit),
      [hashes.aliceSam],
    );
    assert.deepStrictEqual(
      unloggedSessions(detected, logged, 'alice').map((s) => s.commit),
      [hashes.aliceSam],
    );
    assert.deepStrictEqual(unloggedSessions(detected, logged, 'dana@example.com'), []);
    assert.deepStrictEqual(
      unloggedSessions(detected, [], 'dana@example.com').map((s) => s.commit),
      [hashes.mob, hashes.danaAlice],
    );

    // Pairs count each session once: the logged ones, plus detected ones nothing logged covers.
    assert.deepStrictEqual(pairCounts([...logged, ...detected]), [
      { people: ['alice', 'dana@example.com'], count: 2 },
      { people: ['alice', 'sam@example.com'], count: 2 },
      { people: ['dana@example.com', 'sam@example.com'], count: 1 },
    ]);
  });

  it('builds the whole report, newest first, and filters by --since on the session day', async () => {
    const { root, hashes } = teamRepo();
    writeFiles(root, { 'docs/mentoring/alice/2026-01-05-pairing.md': sessionNote({ date: '2026-01-05', kind: 'pairing', with: ['dana@example.com'] }) });
    const { index } = await load(root);
    const nodeFs = new NodeFileSystem();
    const all = await buildPairingReport({ index, fs: nodeFs, git: createGitExecutor(root), trusted: true });
    assert.deepStrictEqual(
      all.sessions.map((s) => [s.date, s.source, s.commit ?? path.basename(s.path ?? '')]),
      [
        ['2026-01-07', 'co-authored', hashes.mob],
        ['2026-01-06', 'co-authored', hashes.aliceSam],
        ['2026-01-05', 'logged', '2026-01-05-pairing.md'],
        ['2026-01-05', 'co-authored', hashes.danaAlice],
      ],
    );
    const since = await buildPairingReport({ index, fs: nodeFs, git: createGitExecutor(root), window: { since: '2026-01-06' }, trusted: true });
    assert.deepStrictEqual(
      since.sessions.map((s) => s.commit),
      [hashes.mob, hashes.aliceSam],
    );
    assert.deepStrictEqual(since.pairs, [
      { people: ['alice', 'sam@example.com'], count: 2 },
      { people: ['alice', 'dana@example.com'], count: 1 },
      { people: ['dana@example.com', 'sam@example.com'], count: 1 },
    ]);
    const window = await buildPairingReport({
      index,
      fs: nodeFs,
      git: createGitExecutor(root),
      window: { since: '2026-01-05', until: '2026-01-05' },
      trusted: true,
    });
    assert.deepStrictEqual(
      window.sessions.map((s) => s.source),
      ['logged', 'co-authored'],
    );
    assert.strictEqual(validateDay('2026-02-30'), '--since needs a date as YYYY-MM-DD, not "2026-02-30"');
    assert.strictEqual(validateDay('2026-02-28'), undefined);
  });

  it('lists recent co-authors, most recent first, for the partner picker', async () => {
    const { root } = teamRepo();
    const { directory } = await load(root);
    assert.deepStrictEqual(
      (await recentCoAuthors(createGitExecutor(root), directory)).map((p) => [p.key, p.name]),
      [
        ['dana@example.com', 'Dana Lead'],
        ['alice', 'Alice Example'],
        ['sam@example.com', 'Sam Staff'],
      ],
    );
    commitAs(root, 'Newest\n\nCo-authored-by: Dana Lead <dana@example.com>\n', { ...ALICE, date: '2026-01-08T10:00:00Z' });
    assert.deepStrictEqual(
      (await recentCoAuthors(createGitExecutor(root), directory, 1)).map((p) => p.key),
      ['alice', 'dana@example.com'],
    );
    assert.deepStrictEqual(await recentCoAuthors(createGitExecutor(makeTempDir()), directory), []);
  });

  it('groups detected sessions of one day with the same people', () => {
    const s = (date: string, people: string[], commit: string): PairingSession => ({ date, people, source: 'co-authored', commit, path: null });
    const groups = groupByDay([
      s('2026-01-05', ['a', 'b'], '1'),
      s('2026-01-05', ['b', 'a'], '2'),
      s('2026-01-05', ['a', 'c'], '3'),
      s('2026-01-06', ['a', 'b'], '4'),
    ]);
    assert.deepStrictEqual(
      groups.map((g) => g.map((x) => x.commit)),
      [['1', '2'], ['3'], ['4']],
    );
  });

  describe('history that is not there or not whole', () => {
    it('no git installed: an empty result and the reason; logged sessions are still read', async () => {
      const { root } = teamRepo();
      writeFiles(root, { 'docs/mentoring/alice/2026-01-05-pairing.md': sessionNote({ date: '2026-01-05', kind: 'pairing', with: ['dana@example.com'] }) });
      const { index } = await load(root);
      const savedPath = process.env.PATH;
      process.env.PATH = makeTempDir('no-git-');
      try {
        const report = await buildPairingReport({ index, fs: new NodeFileSystem(), git: createGitExecutor(root), trusted: true });
        assert.match(report.unavailable ?? '', /git is not installed/);
        assert.deepStrictEqual(
          report.sessions.map((s) => s.source),
          ['logged'],
        );
        assert.deepStrictEqual(report.pairs, [{ people: ['alice', 'dana@example.com'], count: 1 }]);
      } finally {
        process.env.PATH = savedPath;
      }
    });

    it('a repository with no commits, and a folder that is no repository', async () => {
      const empty = makeTempDir();
      initRepo(empty);
      const none = await detectPairingSessions(createGitExecutor(empty), new PeopleDirectory([]));
      assert.deepStrictEqual([none.sessions, none.commits, none.unavailable], [[], 0, 'the repository has no commits yet']);
      const plain = makeTempDir();
      const notRepo = await detectPairingSessions(createGitExecutor(plain), new PeopleDirectory([]));
      assert.deepStrictEqual(notRepo.sessions, []);
      assert.match(notRepo.unavailable ?? '', /not a git repository/);
    });

    it('detached HEAD: the history behind the checked-out commit', async () => {
      const { root, hashes } = teamRepo();
      git(root, ['checkout', '-q', '--detach', `${hashes.aliceSam}`]);
      assert.throws(() => git(root, ['symbolic-ref', '-q', 'HEAD']));
      const detected = await detectPairingSessions(createGitExecutor(root), (await load(root)).directory);
      assert.strictEqual(detected.unavailable, undefined);
      assert.deepStrictEqual(
        detected.sessions.map((s) => s.commit),
        [hashes.aliceSam, hashes.danaAlice],
      );
    });

    it('a shallow clone: the commits it has', async () => {
      const { root, hashes } = teamRepo();
      const clone = shallowClone(root, 2);
      assert.strictEqual(git(clone, ['rev-parse', '--is-shallow-repository']).trim(), 'true');
      const detected = await detectPairingSessions(createGitExecutor(clone), (await load(clone)).directory);
      assert.strictEqual(detected.unavailable, undefined);
      assert.strictEqual(detected.commits, 2);
      assert.deepStrictEqual(brief(detected.sessions), [['2026-01-07', ['dana@example.com', 'alice', 'sam@example.com'], hashes.mob]]);
    });

    it('repo-local config cannot make it run programs (core.fsmonitor, core.hooksPath)', async () => {
      const { root } = teamRepo();
      const marker = path.join(makeTempDir(), 'fired');
      const script = path.join(makeTempDir(), 'evil.sh');
      fs.writeFileSync(script, `#!/bin/sh\ntouch ${marker}\n`, { mode: 0o755 });
      fs.mkdirSync(path.join(root, 'hooks'));
      for (const hook of ['post-checkout', 'reference-transaction', 'post-index-change', 'pre-auto-gc'])
        fs.copyFileSync(script, path.join(root, 'hooks', hook));
      git(root, ['config', 'core.fsmonitor', script]);
      git(root, ['config', 'core.hooksPath', path.join(root, 'hooks')]);
      // The trap is armed: plain git runs the fsmonitor program for ls-files.
      execFileSync('git', ['ls-files'], { cwd: root, stdio: 'ignore' });
      assert.strictEqual(fs.existsSync(marker), true, 'the fixture fires for an unhardened git');
      fs.rmSync(marker);
      const { index } = await load(root);
      const report = await buildPairingReport({ index, fs: new NodeFileSystem(), git: createGitExecutor(root), trusted: true });
      assert.strictEqual(report.sessions.length, 3, 'the history was read');
      assert.deepStrictEqual(await trackedByGit(createGitExecutor(root), ['docs/mentoring/alice.md']), ['docs/mentoring/alice.md']);
      assert.strictEqual(fs.existsSync(marker), false, 'no repo-local program ran');
    });
  });
});
