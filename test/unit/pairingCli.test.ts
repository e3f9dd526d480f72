import * as assert from 'assert';
import { runCli } from './cliInProcess';
import { commitAs, git, initRepo, makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { sessionNote } from '../fixtures/recordText';

const run = runCli;

function coAuthoredRepo(): string {
  const root = makeTempDir();
  initRepo(root);
  writeFiles(root, {
    'docs/mentoring/alice.md': '---\nname: Alice Example\nhandle: alice\nemails: [alice@example.com, alice@home.example]\ngithub: alicex\n---\n',
    '.git-coauthors': '{"coauthors":{"ss":{"name":"Sam Staff","email":"sam@example.com"}}}',
    'docs/mentoring/alice/2026-03-01-pairing.md': sessionNote({ date: '2026-03-01', kind: 'pairing', with: ['dana@example.com'] }),
  });
  const dana = { name: 'Dana Lead', email: 'dana@example.com' };
  commitAs(root, 'Start\n', { ...dana, date: '2026-03-01T08:00:00Z' });
  commitAs(root, 'One\n\nCo-authored-by: Alice Example <alice@example.com>\n', { ...dana, date: '2026-03-02T10:00:00Z' });
  commitAs(root, 'Two\n\nSome text.\n\nco-authored-by: Sam Staff <sam@example.com>\nCo-authored-by: A. <123+AliceX@users.noreply.github.com>\n', {
    name: 'Alice',
    email: 'alice@home.example',
    date: '2026-03-03T10:00:00Z',
  });
  commitAs(root, 'Three\n\nCo-Authored-By: Kim Newcomer <Kim@Example.org>\n', { ...dana, date: '2026-03-04T10:00:00Z' });
  commitAs(root, 'No pair\n', { ...dana, date: '2026-03-05T10:00:00Z' });
  return root;
}

describe('lodestar pairing', () => {
  it('--json prints the DESIGN contract: one co-authored session per commit with a trailer, the right people, and pairs', async () => {
    const root = coAuthoredRepo();
    const r = await run(['pairing', '--json', '--root', root]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(r.stderr, '');
    const report = JSON.parse(r.stdout) as {
      sessions: { date: string; people: string[]; source: string; commit: string | null; path: string | null }[];
      pairs: unknown[];
    };
    assert.deepStrictEqual(Object.keys(report), ['sessions', 'pairs']);
    // The oracle: git's own list of commits with a Co-authored-by trailer (any case).
    const withTrailer = git(root, ['log', '-i', '--grep=^co-authored-by:', '--format=%H']).trim().split('\n');
    const coAuthored = report.sessions.filter((s) => s.source === 'co-authored');
    assert.deepStrictEqual(
      coAuthored.map((s) => s.commit),
      withTrailer,
    );
    assert.deepStrictEqual(report.sessions, [
      { date: '2026-03-04', people: ['dana@example.com', 'kim@example.org'], source: 'co-authored', commit: withTrailer[0], path: null },
      { date: '2026-03-03', people: ['alice', 'sam@example.com'], source: 'co-authored', commit: withTrailer[1], path: null },
      { date: '2026-03-02', people: ['dana@example.com', 'alice'], source: 'co-authored', commit: withTrailer[2], path: null },
      { date: '2026-03-01', people: ['alice', 'dana@example.com'], source: 'logged', commit: null, path: 'docs/mentoring/alice/2026-03-01-pairing.md' },
    ]);
    assert.deepStrictEqual(report.pairs, [
      { people: ['alice', 'dana@example.com'], count: 2 },
      { people: ['alice', 'sam@example.com'], count: 1 },
      { people: ['dana@example.com', 'kim@example.org'], count: 1 },
    ]);
  });

  it('--since keeps sessions from that day on', async () => {
    const root = coAuthoredRepo();
    const r = await run(['pairing', '--json', '--since', '2026-03-03', '--root', root]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(
      JSON.parse(r.stdout).sessions.map((s: { date: string }) => s.date),
      ['2026-03-04', '2026-03-03'],
    );
  });

  it('prints a readable form without --json', async () => {
    const root = coAuthoredRepo();
    const r = await run(['pairing', '--root', root]);
    assert.strictEqual(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.strictEqual(lines[0], '4 pairing sessions (1 logged, 3 from co-authored commits)');
    assert.match(lines[1], /^ {2}2026-03-04 {2}co-authored {2}dana@example\.com, kim@example\.org {2}\([0-9a-f]{12}\)$/);
    assert.strictEqual(lines[4], '  2026-03-01  logged       alice, dana@example.com  (docs/mentoring/alice/2026-03-01-pairing.md)');
    assert.deepStrictEqual(lines.slice(6), [
      'who paired with whom:',
      '  2  alice + dana@example.com',
      '  1  alice + sam@example.com',
      '  1  dana@example.com + kim@example.org',
      '',
    ]);
  });

  it('a bad --since is a usage error (exit 2); an empty repository gives empty lists and says why on stderr', async () => {
    const root = coAuthoredRepo();
    for (const since of ['yesterday', '2026-13-01', '--all']) {
      const r = await run(['pairing', '--json', '--root', root, `--since=${since}`]);
      assert.strictEqual(r.code, 2, since);
      assert.match(r.stderr, /--since needs a date as YYYY-MM-DD/);
      assert.strictEqual(r.stdout, '');
    }
    const unknown = await run(['pairing', '--format', 'json', '--root', root]);
    assert.strictEqual(unknown.code, 2);
    const empty = makeTempDir();
    initRepo(empty);
    const r = await run(['pairing', '--json', '--root', empty]);
    assert.strictEqual(r.code, 0);
    assert.deepStrictEqual(JSON.parse(r.stdout), { sessions: [], pairs: [] });
    assert.strictEqual(r.stderr, 'lodestar: no git history read: the repository has no commits yet\n');
  });

  it('reports two mentees with the same handle on stderr and still answers', async () => {
    const root = coAuthoredRepo();
    writeFiles(root, { 'docs/mentoring/alice2.md': '---\nname: Other Alice\nhandle: alice\n---\n' });
    const r = await run(['pairing', '--json', '--root', root]);
    assert.strictEqual(r.code, 0);
    assert.match(r.stderr, /^docs\/mentoring\/alice2\.md:1: error duplicate-handle The handle "alice" is already used by /);
    assert.strictEqual(JSON.parse(r.stdout).sessions.length, 4);
  });
});
