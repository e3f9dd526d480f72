import * as assert from 'assert';
import { runCli } from './cliInProcess';
import { PrsJson } from '../../src/cli/prsCommand';
import { mayLinkPullRequests, PullRequestLinks } from '../../src/core/pulls/recordsByPullRequest';
import { parseRemoteUrl } from '../../src/core/pulls/remotes';
import { LodestarRecord } from '../../src/core/records/record';
import { commitAt, git, initRepo, makeTempDir, mergeNoFf, writeFiles } from '../fixtures/gitRepo';

const run = runCli;

const SECRET = 'ghp_CLISECRET_abcdef0123456789';

/** Records that link PRs in every stored form, and a history that merges them. */
function linkedRepo(): string {
  const root = makeTempDir();
  initRepo(root);
  writeFiles(root, {
    'docs/mentoring/alice.md': '---\nname: Alice\nhandle: alice\npullRequests:\n  - "#12"\n  - https://github.com/Acme/Widgets/pull/34\n---\n',
    'docs/design/api.md': '---\ntitle: API\nstatus: approved\npullRequests: [12, "acme/widgets#92"]\n---\n',
    'doc/adr/0001-use-kafka.md': '---\nstatus: accepted\npullRequests:\n  - https://github.com/acme/widgets/pull/999\n---\n# Use Kafka\n',
  });
  commitAt(root, 'Add records', '2025-12-01T10:00:00Z');
  git(root, ['checkout', '-q', '-b', 'feature']);
  commitAt(root, 'Work\n\nCo-authored-by: Bob Builder <bob@example.com>', '2025-12-02T10:00:00Z', 'Alice Ángel <alice@example.com>');
  git(root, ['checkout', '-q', 'main']);
  mergeNoFf(root, 'feature', 'Merge pull request #12 from alice/feature\n\nAdd the feature', '2025-12-03T10:00:00Z');
  commitAt(root, 'Fix thing (#34)', '2025-12-04T10:00:00Z', 'Bob Builder <bob@example.com>');
  commitAt(root, '#56 leading issue ref', '2025-12-05T10:00:00Z');
  commitAt(root, '新しい機能を追加 (#92)', '2025-12-06T10:00:00Z', 'Alice Ángel <alice@example.com>');
  return root;
}

describe('lodestar prs', () => {
  it("--json gives the DESIGN contract with linked records, URLs from the remote, and never the remote's token", async () => {
    const root = linkedRepo();
    git(root, ['remote', 'add', 'origin', `https://dana:${SECRET}@github.com/acme/widgets.git`]);
    const r = await run(['prs', '--json', '--root', root]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.ok(!r.stdout.includes(SECRET) && !r.stderr.includes(SECRET));
    const out = JSON.parse(r.stdout) as PrsJson;
    assert.deepStrictEqual(
      out.pullRequests.map((p) => [p.number, p.url, p.source, p.title, p.linkedRecords]),
      [
        [92, 'https://github.com/acme/widgets/pull/92', 'squash', '新しい機能を追加', ['docs/design/api.md']],
        [34, 'https://github.com/acme/widgets/pull/34', 'squash', 'Fix thing', ['docs/mentoring/alice.md']],
        [12, 'https://github.com/acme/widgets/pull/12', 'merge-commit', 'Add the feature', ['docs/design/api.md', 'docs/mentoring/alice.md']],
      ],
    );
    const pr12 = out.pullRequests[2];
    assert.deepStrictEqual(Object.keys(pr12), ['number', 'url', 'title', 'mergedAt', 'mergeCommit', 'source', 'authors', 'coAuthors', 'linkedRecords']);
    assert.strictEqual(pr12.mergeCommit, git(root, ['rev-parse', 'HEAD~3']).trim());
    assert.deepStrictEqual(pr12.authors, [{ name: 'Alice Ángel', email: 'alice@example.com' }]);
    assert.deepStrictEqual(pr12.coAuthors, [{ name: 'Bob Builder', email: 'bob@example.com' }]);
    assert.match(pr12.mergedAt, /^2025-12-03T10:00:00/);
  });

  it('works without a remote: URLs null, short-form links still found by number', async () => {
    const root = linkedRepo();
    const r = await run(['prs', '--json', '--root', root]);
    assert.strictEqual(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as PrsJson;
    assert.deepStrictEqual(
      out.pullRequests.map((p) => [p.number, p.url, p.linkedRecords]),
      [
        [92, null, []],
        [34, null, []],
        [12, null, ['docs/design/api.md', 'docs/mentoring/alice.md']],
      ],
    );
  });

  it('--since keeps later merges; a bad date exits 2', async () => {
    const root = linkedRepo();
    const r = await run(['prs', '--json', '--since', '2025-12-04', '--root', root]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(
      (JSON.parse(r.stdout) as PrsJson).pullRequests.map((p) => p.number),
      [92, 34],
    );
    for (const bad of ['yesterday', '2025-13-01', '2025-02-30', '--json', '2025-12-04; rm -rf /']) {
      const b = await run(['prs', '--json', `--since=${bad}`, '--root', root]);
      assert.strictEqual(b.code, 2, `${bad}: ${b.stdout}`);
      assert.match(b.stderr, /--since needs a date as YYYY-MM-DD, not "/);
    }
  });

  it('readable text without --json; no git repository is not an error', async () => {
    const root = linkedRepo();
    git(root, ['remote', 'add', 'origin', `https://dana:${SECRET}@github.com/acme/widgets.git`]);
    const r = await run(['prs', '--root', root]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /^3 merged pull requests in 6 commits\n/);
    assert.match(
      r.stdout,
      /#12 +2025-12-03 {2}Add the feature {2}\(Alice Ángel with Bob Builder; merge-commit [0-9a-f]{12}\)\n {11}https:\/\/github.com\/acme\/widgets\/pull\/12\n {11}linked: docs\/design\/api.md\n/,
    );
    assert.ok(!r.stdout.includes(SECRET));
    const plain = makeTempDir();
    const none = await run(['prs', '--json', '--root', plain]);
    assert.strictEqual(none.code, 0);
    assert.deepStrictEqual(JSON.parse(none.stdout), { pullRequests: [] });
    assert.match(none.stderr, /no git history read/);
  });

  it('readable text names a GitLab merge request !N, as GitLab does', async () => {
    const root = linkedRepo();
    commitAt(root, "Merge branch 'fix-cache' into 'main'\n\nFix the cache\n\nSee merge request group/proj!7", '2025-12-07T10:00:00Z');
    const r = await run(['prs', '--root', root]);
    assert.match(r.stdout, /\n {2}!7 +2025-12-07 {2}.*; gitlab [0-9a-f]{12}\)\n/);
    assert.match(r.stdout, /\n {2}#34 +2025-12-04 /);
  });

  it('rejects options it does not take', async () => {
    const r = await run(['prs', '--from', '2025-01-01']);
    assert.strictEqual(r.code, 2);
  });
});

describe('pull request → records lookup', () => {
  const record = (path: string, pullRequests: string[]): LodestarRecord =>
    ({
      kind: 'session',
      path,
      folder: '/',
      number: null,
      title: path,
      status: null,
      date: null,
      dialect: 'front-matter',
      links: [],
      pullRequests,
      private: false,
      people: [],
      titleLine: 1,
    }) as LodestarRecord;

  it('meets every stored form of the same PR under its canonical URL', () => {
    const remotes = [
      { name: 'origin', ...parseRemoteUrl('git@gitlab.com:group/sub/proj.git')! },
      { name: 'upstream', ...parseRemoteUrl('git@github.com:acme/widgets.git')! },
    ];
    const a = record('/r/a.md', ['!8', '#3', 'not a reference', '#0']);
    const b = record('/r/b.md', ['https://gitlab.com/group/sub/proj/-/merge_requests/8/diffs', 'https://GitHub.com/acme/widgets/pull/3']);
    const links = new PullRequestLinks([a, b], remotes);
    assert.deepStrictEqual(
      links.recordsFor({ url: 'https://gitlab.com/group/sub/proj/-/merge_requests/8' }).map((r) => r.path),
      ['/r/a.md', '/r/b.md'],
    );
    assert.deepStrictEqual(
      links.recordsFor({ url: 'https://github.com/acme/widgets/pull/3' }).map((r) => r.path),
      ['/r/a.md', '/r/b.md'],
    );
    assert.deepStrictEqual(links.recordsFor({ url: 'https://github.com/acme/widgets/pull/4' }), []);
    assert.deepStrictEqual(
      links.linked().map((l) => [l.url, l.records.length]),
      [
        ['https://gitlab.com/group/sub/proj/-/merge_requests/8', 2],
        ['https://github.com/acme/widgets/pull/3', 2],
      ],
    );
  });

  it('a file is parsed for links only when its bytes could hold the key', () => {
    const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
    for (const text of ['---\npullRequests: [12]\n---\n', 'pull-requests: [12]', 'pullRequests', 'x\\u0070ullRequests', 'quiet quota\npullRequests:']) {
      assert.strictEqual(mayLinkPullRequests(bytes(text)), true, text);
    }
    for (const text of ['', 'q', 'pullRequest', 'ullRequests', 'pull requests', 'pullrequests', '---\nstatus: accepted\n---\n# Quick queue\n']) {
      assert.strictEqual(mayLinkPullRequests(bytes(text)), false, text);
    }
  });
});
