import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RecordIndex } from '../../src/core/index/recordIndex';
import { DEFAULT_SETTINGS } from '../../src/core/index/recordFolders';
import { buildSite, SiteBuild } from '../../src/core/site/siteBuilder';
import { isForgeFileUrl } from '../../src/core/records/forgeAddresses';
import { toPortPath } from '../../src/core/store/fileSystem';
import { NodeFileSystem } from '../../src/core/store/nodeFileSystem';
import { git, initRepo, makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { nygardAdr } from '../fixtures/recordText';
import { runCli } from './cliInProcess';
import { byName, linksOf, surveyProblems } from './helpers';

/** Node's file system, telling which files under a `.git` folder (or `.git` files) were read. */
class WatchedFileSystem extends NodeFileSystem {
  readonly gitReads: string[] = [];
  override readFile(p: string): Promise<Uint8Array> {
    if (/\/\.git(\/|$)/.test(p)) this.gitReads.push(p);
    return super.readFile(p);
  }
}

/** A git repository (real `git init`, `git remote add`) holding `files`, indexed from `sub` (its top by default). */
async function repoIndex(
  files: Record<string, string>,
  remotes: Record<string, string>,
  o: { git?: boolean; sub?: string } = {},
): Promise<{ root: string; index: RecordIndex; fs: WatchedFileSystem }> {
  const root = makeTempDir();
  writeFiles(root, files);
  if (o.git !== false) initRepo(root);
  for (const [name, url] of Object.entries(remotes)) git(root, ['remote', 'add', name, url]);
  const watched = new WatchedFileSystem();
  const index = new RecordIndex(watched, toPortPath(path.join(root, o.sub ?? '')), DEFAULT_SETTINGS);
  await index.build();
  return { root, index, fs: watched };
}

const adr = (n: number, title: string, context = '', statusLines: string[] = []): string =>
  nygardAdr({ number: n, title, statusLines }).replace('## Context\n', `## Context\n\n${context}\n`);

const QUEUES = 'docs/adr/0008-use-queues.md';
const queues = { [QUEUES]: adr(8, 'Use queues') };

describe('links between records written as forge addresses', () => {
  it("a GitHub address in an https remote's project links the record: /blob/REF/, /tree/, a commit, an anchor, ?plain=1, http://www., any case", async () => {
    const { index } = await repoIndex(
      {
        ...queues,
        'docs/adr/0009-use-grpc.md': adr(9, 'Use gRPC'),
        'docs/adr/0010-retry-policy.md': adr(
          10,
          'Retry policy',
          [
            'Builds on [ADR 8](https://github.com/org/repo/blob/main/docs/adr/0008-use-queues.md#decision)',
            'and [ADR 9](http://www.github.com/Org/Repo/tree/0123456789abcdef0123456789abcdef01234567/docs/adr/0009-use-grpc.md?plain=1).',
            'Also [the wiki](https://github.com/org/repo/wiki/Home) and [a page](https://example.com/docs/adr/0008-use-queues.md).',
          ].join('\n'),
        ),
      },
      { origin: 'https://github.com/org/repo.git' },
    );
    assert.deepStrictEqual(linksOf(index, '0010-retry-policy.md'), ['references 0008-use-queues.md', 'references 0009-use-grpc.md']);
    assert.deepStrictEqual(linksOf(index, '0008-use-queues.md'), ['referenced-by 0010-retry-policy.md']);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('an ssh remote (git@host:owner/repo.git, or with no .git) names the same project', async () => {
    for (const url of ['git@github.com:org/repo.git', 'git@github.com:ORG/repo', 'ssh://git@github.com/org/repo.git']) {
      const { index } = await repoIndex(
        { ...queues, 'docs/adr/0010-retry.md': adr(10, 'Retry', 'See [ADR 8](https://github.com/org/repo/blob/main/docs/adr/0008-use-queues.md).') },
        { origin: url },
      );
      assert.deepStrictEqual(linksOf(index, '0010-retry.md'), ['references 0008-use-queues.md'], url);
    }
  });

  it("GitLab's /-/blob/ in a subgroup project links; the parent group's project of the same name does not", async () => {
    const { index } = await repoIndex(
      {
        ...queues,
        'docs/adr/0010-retry.md': adr(
          10,
          'Retry',
          'See [ADR 8](https://gitlab.com/group/sub/repo/-/blob/main/docs/adr/0008-use-queues.md), not [theirs](https://gitlab.com/group/repo/-/blob/main/docs/adr/0008-use-queues.md).',
        ),
        'docs/adr/0011-other.md': adr(11, 'Other', 'Only [theirs](https://gitlab.com/group/repo/-/blob/main/docs/adr/0008-use-queues.md).'),
      },
      { origin: 'https://gitlab.com/group/sub/repo.git' },
    );
    assert.deepStrictEqual(linksOf(index, '0010-retry.md'), ['references 0008-use-queues.md']);
    assert.deepStrictEqual(linksOf(index, '0011-other.md'), []);
  });

  it('a GitHub Enterprise host over ssh with a port, and a branch whose name holds a slash', async () => {
    const { index } = await repoIndex(
      {
        ...queues,
        'docs/adr/0010-retry.md': adr(10, 'Retry', 'See [ADR 8](https://ghe.example.com/org/repo/blob/release/2.0/docs/adr/0008-use-queues.md#context).'),
      },
      { upstream: 'ssh://git@ghe.example.com:2222/org/repo.git' },
    );
    assert.deepStrictEqual(linksOf(index, '0010-retry.md'), ['references 0008-use-queues.md']);
  });

  it("an address whose path runs through another folder is not this repository's record of the same name", async () => {
    const { index } = await repoIndex(
      {
        ...queues,
        'docs/adr/0010-retry.md': adr(10, 'Retry', '', [
          'Supersedes [8. Use queues](https://github.com/org/repo/blob/main/vendor/tool/docs/adr/0008-use-queues.md)',
          'Amends [8. Use queues](https://github.com/org/repo/blob/v2.1/old/docs/adr/0008-use-queues.md)',
        ]),
      },
      { origin: 'https://github.com/org/repo.git' },
    );
    // `main/vendor/tool` or `v2.1/old` as the ref would make the rest this record's path: a ref is one segment unless
    // it opens as branch namespaces do (`release/2.0` above). The verb lines stay links to those web pages.
    const retry = byName(index, '0010-retry.md');
    assert.deepStrictEqual(
      index.linksOf(retry).map((l) => index.resolveLink(retry, l.target)),
      [
        'https://github.com/org/repo/blob/main/vendor/tool/docs/adr/0008-use-queues.md',
        'https://github.com/org/repo/blob/v2.1/old/docs/adr/0008-use-queues.md',
      ],
    );
    assert.deepStrictEqual(linksOf(index, '0008-use-queues.md'), []);
  });

  it('a git config that is a device or a pipe is not read: the index builds, and the address is no link', async function () {
    if (process.platform === 'win32') this.skip();
    const root = makeTempDir();
    writeFiles(root, {
      ...queues,
      'docs/adr/0010-retry.md': adr(10, 'Retry', 'See [ADR 8](https://github.com/org/repo/blob/main/docs/adr/0008-use-queues.md).'),
    });
    initRepo(root);
    git(root, ['remote', 'add', 'origin', 'https://github.com/org/repo.git']);
    const config = path.join(root, '.git/config');
    fs.rmSync(config);
    fs.symlinkSync('/dev/zero', config);
    const index = new RecordIndex(new NodeFileSystem(), toPortPath(root), DEFAULT_SETTINGS);
    await index.build();
    assert.deepStrictEqual(linksOf(index, '0010-retry.md'), []);
  });

  it('a very long address is judged in one pass (no backtracking over it)', () => {
    const long = `https://github.com/${'blob/'.repeat(20000)}x`;
    assert.strictEqual(isForgeFileUrl(long), false);
    assert.strictEqual(isForgeFileUrl(`${long}.md`), true);
    assert.strictEqual(isForgeFileUrl('https://github.com/org/repo/blob/main/docs/adr/0008-x.md#decision'), true);
    assert.strictEqual(isForgeFileUrl('https://github.com/org/repo/blob/main/docs/adr/0008-x.md x'), false);
    assert.strictEqual(isForgeFileUrl('https://github.com/org/repo/blob/'), false);
    assert.strictEqual(isForgeFileUrl('https://github.com/org/repo/wiki/0008-x.md'), false);
  });

  it("Bitbucket's /src/REF/ and a self-hosted Gitea's /src/branch/REF/ address in the remote's project", async () => {
    const files = (url: string) => ({ ...queues, 'docs/adr/0010-retry.md': adr(10, 'Retry', `See [ADR 8](${url}).`) });
    const bitbucket = await repoIndex(files('https://bitbucket.org/org/repo/src/main/docs/adr/0008-use-queues.md'), {
      origin: 'git@bitbucket.org:org/repo.git',
    });
    assert.deepStrictEqual(linksOf(bitbucket.index, '0010-retry.md'), ['references 0008-use-queues.md']);
    const gitea = await repoIndex(files('https://git.example.com/org/repo/src/branch/main/docs/adr/0008-use-queues.md'), {
      origin: 'https://git.example.com/org/repo.git',
    });
    assert.deepStrictEqual(linksOf(gitea.index, '0010-retry.md'), ['references 0008-use-queues.md']);
  });

  it("another repository's record at the same path is no link, not even with a verb; nor is it broken", async () => {
    const { index } = await repoIndex(
      {
        'doc/adr/0001-record-architecture-decisions.md': adr(1, 'Record architecture decisions'),
        'doc/adr/0002-use-x.md': adr(2, 'Use X', 'As [they did](https://github.com/other/tool/blob/main/doc/adr/0001-record-architecture-decisions.md).', [
          'Supersedes [1. Record architecture decisions](https://github.com/other/tool/blob/main/doc/adr/0001-record-architecture-decisions.md)',
        ]),
      },
      { origin: 'git@github.com:org/repo.git' },
    );
    // The verb's link stays what it was, a link to a web page; the link in the text is none.
    const r = byName(index, '0002-use-x.md');
    assert.deepStrictEqual(
      index.linksOf(r).map((l) => `${l.kind} ${index.resolveLink(r, l.target)}`),
      ['supersedes https://github.com/other/tool/blob/main/doc/adr/0001-record-architecture-decisions.md'],
    );
    assert.deepStrictEqual(linksOf(index, '0001-record-architecture-decisions.md'), []);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('without a remote, or without git, a forge address is no link (and the index still builds)', async () => {
    const files = { ...queues, 'docs/adr/0010-retry.md': adr(10, 'Retry', 'See [ADR 8](https://github.com/org/repo/blob/main/docs/adr/0008-use-queues.md).') };
    for (const o of [{}, { git: false }]) {
      const { index } = await repoIndex(files, {}, o);
      assert.deepStrictEqual(linksOf(index, '0010-retry.md'), []);
      assert.deepStrictEqual(linksOf(index, '0008-use-queues.md'), []);
    }
  });

  it('a supersede written as a forge address shows both ways, and its other side counts as written', async () => {
    const { index } = await repoIndex(
      {
        'doc/adr/0001-use-rest.md': adr(1, 'Use REST', '', [
          'Superseded by [2. Use gRPC](https://github.com/org/repo/blob/main/doc/adr/0002-use-grpc.md)',
        ]).replace('Accepted\n\n', ''),
        'doc/adr/0002-use-grpc.md': adr(2, 'Use gRPC', '', ['Supersedes [1. Use REST](0001-use-rest.md)']),
        // One side only: the link via the forge address is as one-sided as a relative one would be.
        'doc/adr/0003-use-soap.md': adr(3, 'Use SOAP', '', ['Supersedes [2. Use gRPC](https://github.com/org/repo/blob/main/doc/adr/0002-use-grpc.md)']),
      },
      { origin: 'https://github.com/org/repo' },
    );
    assert.deepStrictEqual(linksOf(index, '0001-use-rest.md'), ['superseded-by 0002-use-grpc.md']);
    assert.deepStrictEqual(linksOf(index, '0002-use-grpc.md'), ['supersedes 0001-use-rest.md', 'superseded-by 0003-use-soap.md']);
    assert.deepStrictEqual(linksOf(index, '0003-use-soap.md'), ['supersedes 0002-use-grpc.md']);
    assert.deepStrictEqual(surveyProblems(index), ['0003-use-soap.md:9 one-sided-link']);
  });

  it('reads no git file unless a record links a forge address; reads the remotes when one does, also from a folder under the top', async () => {
    const plain = await repoIndex(
      { ...queues, 'docs/adr/0010-retry.md': adr(10, 'Retry', 'See [ADR 8](0008-use-queues.md) and [a site](https://example.com/a.md).') },
      {
        origin: 'https://github.com/org/repo.git',
      },
    );
    assert.deepStrictEqual(linksOf(plain.index, '0010-retry.md'), ['references 0008-use-queues.md']);
    assert.deepStrictEqual(plain.fs.gitReads, []);
    const forge = await repoIndex(
      { ...queues, 'docs/adr/0010-retry.md': adr(10, 'Retry', 'See [ADR 8](https://github.com/org/repo/blob/main/docs/adr/0008-use-queues.md).') },
      { origin: 'https://github.com/org/repo.git' },
      { sub: 'docs' },
    );
    assert.deepStrictEqual(linksOf(forge.index, '0010-retry.md'), ['references 0008-use-queues.md']);
    assert.deepStrictEqual(
      forge.fs.gitReads.map((p) => p.slice(p.indexOf('/.git'))),
      // A linked worktree's commondir is read only when there is one (files are looked at before they are read).
      ['/.git/config'],
    );
  });

  it('a record changed to link a forge address is linked when the live index re-reads it', async () => {
    const { root, index } = await repoIndex({ ...queues, 'docs/adr/0010-retry.md': adr(10, 'Retry') }, { origin: 'git@github.com:org/repo.git' });
    assert.deepStrictEqual(linksOf(index, '0010-retry.md'), []);
    const file = path.join(root, 'docs/adr/0010-retry.md');
    fs.writeFileSync(file, adr(10, 'Retry', 'See [ADR 8](https://github.com/org/repo/blob/main/docs/adr/0008-use-queues.md).'));
    await index.refreshFile(toPortPath(file));
    assert.deepStrictEqual(linksOf(index, '0010-retry.md'), ['references 0008-use-queues.md']);
    assert.deepStrictEqual(linksOf(index, '0008-use-queues.md'), ['referenced-by 0010-retry.md']);
  });

  it("lodestar index --json lists the link to the record's path", async () => {
    const { root } = await repoIndex(
      { ...queues, 'docs/adr/0010-retry.md': adr(10, 'Retry', 'See [ADR 8](https://github.com/org/repo/blob/main/docs/adr/0008-use-queues.md).') },
      { origin: 'git@github.com:org/repo.git' },
    );
    const r = await runCli(['index', '--json', '--root', root]);
    assert.strictEqual(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { records: { path: string; links: { kind: string; target: string }[] }[] };
    assert.deepStrictEqual(out.records.find((x) => x.path === 'docs/adr/0010-retry.md')?.links, [{ kind: 'references', target: QUEUES }]);
  });

  it("the site sends a forge address of a published record to that record's page; another repository's stays a web link", async () => {
    const { index } = await repoIndex(
      {
        ...queues,
        'docs/adr/0010-retry.md': adr(
          10,
          'Retry',
          'See [ADR 8](https://github.com/org/repo/blob/feature/x/docs/adr/0008-use-queues.md?plain=1#decision) and [theirs](https://github.com/other/tool/blob/main/docs/adr/0008-use-queues.md).',
        ),
      },
      { origin: 'git@github.com:org/repo.git' },
    );
    const site = await buildSite(index, new NodeFileSystem());
    const page = pageText(site, 'docs/adr/0010-retry.html');
    assert.match(page, /<a href="0008-use-queues\.html#decision">ADR 8<\/a>/);
    assert.match(page, /<a href="https:\/\/github\.com\/other\/tool\/blob\/main\/docs\/adr\/0008-use-queues\.md" rel="noopener noreferrer">theirs<\/a>/);
    // The Links list names the record's page, and the other repository's file not at all.
    assert.doesNotMatch(page, /<li>[^<]*theirs/);
    assert.match(pageText(site, 'docs/adr/0008-use-queues.html'), /href="0010-retry\.html"/);
  });
});

function pageText(site: SiteBuild, p: string): string {
  const f = site.files.find((x) => x.path === p);
  assert.ok(f, `no ${p} in ${site.files.map((x) => x.path).join(', ')}`);
  return typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('utf8');
}
