import * as assert from 'assert';
import * as path from 'path';
import { createGitExecutor } from '../../src/core/git/gitExecutor';
import { blobUrl, commitUrl, permanentLinks, readLinkedFolder } from '../../src/core/influence/reportLinks';
import { parseRemoteUrl, readRemotes } from '../../src/core/pulls/remotes';
import { commitAs, git, makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { buildTeamRepo } from '../fixtures/teamRepo';
import { nygardAdr, sessionNote } from '../fixtures/recordText';
import { runCli } from './cliInProcess';

const HASH = '0123456789abcdef0123456789abcdef01234567';

/** The team repository with a GitHub origin, fetched (a remote-tracking branch at HEAD), then one more commit not pushed yet. */
function pushedTeamRepo(): { root: string; pushed: string; local: string } {
  const { root, commits } = buildTeamRepo();
  writeFiles(root, {
    'docs/decisions/0001-use-a-ledger.md': nygardAdr({ number: 1, title: 'Use a ledger', date: '2026-03-02', status: 'Accepted' }),
    'docs/mentoring/alice/2026-03-02-pairing.md': sessionNote({ date: '2026-03-02', kind: 'pairing', with: ['dana'], title: 'Paired on the poller' }).replace(
      'topics:',
      `commits: [${commits['Retry the poller']}]\ntopics:`,
    ),
  });
  const pushed = commitAs(root, 'Record the ledger decision\n', { name: 'Dana Lead', email: 'dana@example.com', date: '2026-03-08T10:00:00Z' });
  git(root, ['remote', 'add', 'origin', 'git@github.com:acme/payments.git']);
  git(root, ['update-ref', 'refs/remotes/origin/main', pushed]);
  writeFiles(root, { 'docs/decisions/0002-not-pushed.md': nygardAdr({ number: 2, title: 'Not pushed yet', date: '2026-03-09', status: 'Proposed' }) });
  const local = commitAs(root, 'Draft a second decision\n', { name: 'Dana Lead', email: 'dana@example.com', date: '2026-03-09T10:00:00Z' });
  return { root, pushed, local };
}

describe('report links that survive moving the report', () => {
  it('forge permalinks and commit URLs for each forge the remotes know', () => {
    const cases: [string, string, string][] = [
      [
        'https://github.com/acme/payments.git',
        `https://github.com/acme/payments/blob/${HASH}/docs/adr/0001-a%20b.md`,
        `https://github.com/acme/payments/commit/${HASH}`,
      ],
      [
        'git@gitlab.com:acme/sub/payments.git',
        `https://gitlab.com/acme/sub/payments/-/blob/${HASH}/docs/adr/0001-a%20b.md`,
        `https://gitlab.com/acme/sub/payments/-/commit/${HASH}`,
      ],
      [
        'https://bitbucket.org/acme/payments.git',
        `https://bitbucket.org/acme/payments/src/${HASH}/docs/adr/0001-a%20b.md`,
        `https://bitbucket.org/acme/payments/commits/${HASH}`,
      ],
      [
        'https://git.example.com/scm/pay/payments.git',
        `https://git.example.com/projects/PAY/repos/payments/browse/docs/adr/0001-a%20b.md?at=${HASH}`,
        `https://git.example.com/projects/PAY/repos/payments/commits/${HASH}`,
      ],
      [
        'https://dev.azure.com/acme/Pay/_git/payments',
        `https://dev.azure.com/acme/Pay/_git/payments?path=/docs/adr/0001-a%20b.md&version=GC${HASH}`,
        `https://dev.azure.com/acme/Pay/_git/payments/commit/${HASH}`,
      ],
      [
        'https://ghe.example.com/acme/payments.git',
        `https://ghe.example.com/acme/payments/blob/${HASH}/docs/adr/0001-a%20b.md`,
        `https://ghe.example.com/acme/payments/commit/${HASH}`,
      ],
    ];
    for (const [url, blob, commit] of cases) {
      const remote = parseRemoteUrl(url)!;
      assert.strictEqual(blobUrl(remote, HASH, 'docs/adr/0001-a b.md'), blob, url);
      assert.strictEqual(commitUrl(remote, HASH), commit, url);
    }
  });

  it('links point at the newest commit the remote has; a record only committed locally gets a folder-relative link, and the note says both', async () => {
    const { root, pushed } = pushedTeamRepo();
    const g = createGitExecutor(root);
    const folder = await readLinkedFolder(g, root, 'payments', await readRemotes(g));
    assert.strictEqual(folder.forge?.commit, pushed, 'not HEAD: HEAD is not on origin yet');
    const links = permanentLinks([folder]);
    assert.strictEqual(
      links.linkTo(path.join(root, 'docs/decisions/0001-use-a-ledger.md')),
      `https://github.com/acme/payments/blob/${pushed}/docs/decisions/0001-use-a-ledger.md`,
    );
    assert.strictEqual(links.linkTo(path.join(root, 'docs/decisions/0002-not-pushed.md')), 'docs/decisions/0002-not-pushed.md');
    assert.strictEqual(links.commitLink('abc1234', path.join(root, 'docs/decisions/0001-use-a-ledger.md')), 'https://github.com/acme/payments/commit/abc1234');
    assert.strictEqual(links.commitLink('not-a-hash', path.join(root, 'x.md')), undefined);
    assert.strictEqual(
      links.note(),
      `Links: records link to github.com/acme/payments at commit ${pushed.slice(0, 12)} (permanent links, whatever becomes of this file); other record links are paths relative to the workspace folder payments (${root}) — not on the remote yet.`,
    );
  });

  it('a folder inside a repository links with its path in the repository; several folders are told apart by name', async () => {
    const root = makeTempDir();
    git(root, ['init', '-q', '-b', 'main']);
    writeFiles(root, { 'services/api/docs/adr/0001-x.md': nygardAdr({ number: 1, title: 'X', date: '2026-01-01', status: 'Accepted' }) });
    commitAs(root, 'Add\n', { name: 'A', email: 'a@example.com' });
    git(root, ['remote', 'add', 'origin', 'https://gitlab.com/acme/mono.git']);
    const api = path.join(root, 'services/api');
    const other = makeTempDir();
    const g = createGitExecutor(api);
    const links = permanentLinks([await readLinkedFolder(g, api, 'api', await readRemotes(g)), await readLinkedFolder(undefined, other, 'notes', [])]);
    const head = git(root, ['rev-parse', 'HEAD']).trim();
    assert.strictEqual(
      links.linkTo(path.join(api, 'docs/adr/0001-x.md')),
      `https://gitlab.com/acme/mono/-/blob/${head}/services/api/docs/adr/0001-x.md`,
      'nothing fetched: HEAD',
    );
    assert.strictEqual(links.linkTo(path.join(other, 'a/b.md')), 'notes/a/b.md');
    assert.match(links.note(), /paths relative to "notes\/…" is the workspace folder notes \(/);
    // HEAD may never have been pushed: the note does not promise the links work.
    assert.match(
      links.note(),
      new RegExp(
        `records link to gitlab\\.com/acme/mono at commit ${head.slice(0, 12)} \\(permanent links once that commit is pushed: nothing of the remote was fetched to check\\)`,
      ),
    );
  });

  it('lodestar report: permalinks to records and commits, no ../ paths, and a line that says where links go', async () => {
    const { root, pushed } = pushedTeamRepo();
    const r = await runCli(['report', '--from', '2026-03-01', '--to', '2026-03-31', '--root', root]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^_Links: records link to github\\.com/acme/payments at commit ${pushed.slice(0, 12)} `, 'm'));
    assert.match(r.stdout, new RegExp(`\\[Use a ledger\\]\\(https://github\\.com/acme/payments/blob/${pushed}/docs/decisions/0001-use-a-ledger\\.md\\)`));
    assert.match(
      r.stdout,
      new RegExp(
        `\\[Paired on the poller\\]\\(https://github\\.com/acme/payments/blob/${pushed}/docs/mentoring/alice/2026-03-02-pairing\\.md\\) · pairing, 1h · commit \\[[0-9a-f]{7}\\]\\(https://github\\.com/acme/payments/commit/[0-9a-f]{40}\\)`,
      ),
    );
    assert.doesNotMatch(r.stdout, /\]\(\.\.\//);
    // Without a forge remote the links are relative to --root, and the line says so.
    const { root: plain } = buildTeamRepo();
    const p = await runCli(['report', '--from', '2026-03-01', '--to', '2026-03-31', '--root', plain]);
    assert.match(p.stdout, /\[Paired on the ledger\]\(docs\/influence\/2026\/2026-03-06-pairing-on-the-ledger\.md\)/);
    assert.match(p.stdout, new RegExp(`^_Links: record links are paths relative to the workspace folder ${path.basename(plain)} \\(`, 'm'));
  });
});
