import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { byName, indexOf } from './helpers';
import { RecordCacheFile } from '../../src/core/index/recordCacheFile';
import { DEFAULT_SETTINGS } from '../../src/core/index/recordFolders';
import { RecordIndex } from '../../src/core/index/recordIndex';
import { changeOfEvent } from '../../src/core/index/liveChanges';
import { toPortPath } from '../../src/core/store/fileSystem';
import { NodeFileSystem } from '../../src/core/store/nodeFileSystem';
import { makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { countingFileSystem } from '../fixtures/countingFileSystem';

const DEBUG_README = '# KEP-1441: kubectl debug\n\n<!-- toc -->\n- [Summary](#summary)\n<!-- /toc -->\n\n## Summary\n\nText.\n';

/** kubernetes/enhancements' kep.yaml for `kubectl debug`, as the repository writes it (comments and stages included). */
const DEBUG_KEP = [
  'title: kubectl debug',
  'kep-number: 1441',
  'authors:',
  '  - "@verb"',
  'owning-sig: sig-cli',
  'participating-sigs:',
  '  - sig-cli',
  '  - sig-node',
  'status: implementable',
  'creation-date: 2019-08-05',
  'last-updated: 2021-02-03',
  'reviewers:',
  '  - "@aylei"',
  '  - "@soltysh"',
  'approvers:',
  '  - "@pwittrock"',
  'see-also:',
  '  - "/keps/sig-node/277-ephemeral-containers"',
  '  - "/keps/sig-node/20190212-ephemeral-containers.md"',
  '  - "https://github.com/kubernetes/community/pull/481"',
  'replaces:',
  '  - "keps/sig-cli/20190805-kubectl-debug.md"',
  'superseded-by:',
  '  - n/a',
  '',
  '# The target maturity stage in the current dev cycle for this KEP.',
  'stage: beta',
  'milestone:',
  '  alpha: "v1.18"',
  '  beta: "v1.20"',
  '',
].join('\n');

function kepRepo(extra: Record<string, string | Uint8Array> = {}): Record<string, string | Uint8Array> {
  return {
    'keps/README.md': '# Kubernetes Enhancement Proposals\n',
    'keps/NNNN-kep-template/README.md': '# KEP-NNNN: Your short, descriptive title\n',
    'keps/NNNN-kep-template/kep.yaml': 'title: My KEP\nkep-number: NNNN\nstatus: provisional|implementable\n',
    'keps/sig-cli/1441-kubectl-debug/README.md': DEBUG_README,
    'keps/sig-cli/1441-kubectl-debug/kep.yaml': DEBUG_KEP,
    'keps/sig-cli/20190805-kubectl-debug.md': '---\ntitle: kubectl debug\nstatus: replaced\n---\n\n# kubectl debug\n',
    'keps/sig-node/277-ephemeral-containers/README.md': '# KEP-277: Ephemeral Containers\n',
    'keps/sig-node/277-ephemeral-containers/kep.yaml':
      'title: Ephemeral Containers\nkep-number: 277\nauthors: ["@verb"]\nstatus: implemented\ncreation-date: 2019-02-12\nsee-also:\n  - "/keps/sig-cli/1441-kubectl-debug/"\n',
    ...extra,
  };
}

/** A record's links as the index gives them: verb and target relative to the root. */
function links(index: RecordIndex, root: string, name: string): string[] {
  const r = byName(index, name);
  return index.linksOf(r).map((l) => {
    const target = index.resolveLink(r, l.target);
    return `${l.kind} ${target.startsWith('/') ? path.relative(root, target).split(path.sep).join('/') : target}`;
  });
}

function forgeLinks(index: RecordIndex, name: string): string[] {
  const r = byName(index, name);
  return index
    .linksOf(r)
    .filter((l) => l.target.startsWith('https:'))
    .map((l) => `${l.kind} ${l.target}`);
}

/** Node's file system, counting the files read (either way of reading). */
describe('KEP-style proposals: a README with its kep.yaml beside it', () => {
  it('kep.yaml gives the status, people, dates, number and links; the README keeps its title', async () => {
    const { root, index } = await indexOf(kepRepo());
    const r = byName(index, '1441-kubectl-debug/README.md');
    assert.deepStrictEqual(
      {
        number: r.number,
        title: r.title,
        status: r.status,
        date: r.date,
        authors: r.authors,
        reviewers: r.reviewers,
        approvers: r.approvers,
        people: r.people,
      },
      {
        number: 1441,
        title: 'KEP-1441: kubectl debug',
        status: 'implementable',
        date: '2021-02-03',
        authors: ['@verb'],
        reviewers: ['@aylei', '@soltysh'],
        approvers: ['@pwittrock'],
        people: ['@verb', '@aylei', '@soltysh', '@pwittrock'],
      },
    );
    // A proposal's folder (with or without the leading `/`, or a trailing one) is its README; a file is that file;
    // a path to nothing here (moved since) is no link and no problem; an address stays; `n/a` is none.
    assert.deepStrictEqual(links(index, root, '1441-kubectl-debug/README.md'), [
      'supersedes keps/sig-cli/20190805-kubectl-debug.md',
      'relates-to keps/sig-node/277-ephemeral-containers/README.md',
      'relates-to https://github.com/kubernetes/community/pull/481',
    ]);
    // The other side carries the reverse links, and its own see-also is the same link once.
    assert.deepStrictEqual(links(index, root, '20190805-kubectl-debug.md'), ['superseded-by keps/sig-cli/1441-kubectl-debug/README.md']);
    assert.deepStrictEqual(links(index, root, '277-ephemeral-containers/README.md'), ['relates-to keps/sig-cli/1441-kubectl-debug/README.md']);
    assert.deepStrictEqual(forgeLinks(index, '1441-kubectl-debug/README.md'), ['relates-to https://github.com/kubernetes/community/pull/481']);
    // The template's kep.yaml is not read for anything: its README is no record.
    assert.deepStrictEqual(
      index
        .records('design')
        .map((x) => path.relative(root, x.path).split(path.sep).join('/'))
        .sort(),
      ['keps/sig-cli/1441-kubectl-debug/README.md', 'keps/sig-cli/20190805-kubectl-debug.md', 'keps/sig-node/277-ephemeral-containers/README.md'],
    );
    assert.deepStrictEqual(index.problems(), []);
  });

  it("the README's own front matter wins over kep.yaml; kep.yaml's title is used when the README has no title heading", async () => {
    const { index } = await indexOf({
      'docs/design/0007-cache/README.md': '---\nstatus: withdrawn\nauthors: [ada]\nlast-updated: 2024-05-06\n---\n\nNo heading here, only text.\n',
      'docs/design/0007-cache/kep.yaml':
        'title: Response cache\nkep-number: 7\nstatus: implementable\nauthors: ["@grace"]\nreviewers: ["@linus"]\nlast-updated: 2023-01-01\n',
      'docs/design/0008-queue/README.md': '# Queue\n',
      'docs/design/0008-queue/kep.yaml': 'kep-number: "12"\nlast-updated: v1.28\ncreation-date: 2022-03-04\nstatus: Deferred\n',
    });
    const cache = byName(index, '0007-cache/README.md');
    assert.deepStrictEqual(
      [cache.title, cache.status, cache.date, cache.authors, cache.reviewers],
      ['Response cache', 'withdrawn', '2024-05-06', ['ada'], ['@linus']],
    );
    // A number written as text counts; an update that is no date leaves the creation date; statuses are lower-cased.
    const queue = byName(index, '0008-queue/README.md');
    assert.deepStrictEqual([queue.number, queue.date, queue.status], [12, '2022-03-04', 'deferred']);
  });

  it('a kep.yaml that is too large, malformed, no mapping or no file breaks nothing: the README is listed from itself, with a warning', async () => {
    const readme = (n: number): string => `# Proposal ${n}\n\n- Status: Draft\n`;
    const { root, index } = await indexOf({
      'keps/sig-a/1001-huge/README.md': readme(1001),
      'keps/sig-a/1001-huge/kep.yaml': `status: implemented\nnotes: "${'x'.repeat(300 * 1024)}"\n`,
      'keps/sig-a/1002-broken/README.md': readme(1002),
      'keps/sig-a/1002-broken/kep.yaml': 'title: Broken\nstatus: implemented\nauthors:\n  - "@a"\n - "@b"\n',
      'keps/sig-a/1003-list/README.md': readme(1003),
      'keps/sig-a/1003-list/kep.yaml': '- status: implemented\n',
      'keps/sig-a/1004-folder/README.md': readme(1004),
      'keps/sig-a/1004-folder/kep.yaml/notes.txt': 'a folder named kep.yaml\n',
      'keps/sig-a/1005-bomb/README.md': readme(1005),
      'keps/sig-a/1005-bomb/kep.yaml': `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nstatus: implemented\n`,
    });
    for (const n of [1001, 1002, 1003, 1004, 1005]) {
      const r = index.records('design').find((x) => x.number === n);
      assert.ok(r, `${n} is listed`);
      assert.strictEqual(r.status, 'draft', `${n} keeps the README's own status`);
    }
    const problems = index
      .problems()
      .map((p) => `${path.relative(root, p.path).split(path.sep).join('/')}:${p.line} ${p.severity} ${p.code}`)
      .sort();
    assert.deepStrictEqual(problems, [
      'keps/sig-a/1001-huge/kep.yaml:1 warning unreadable-metadata',
      'keps/sig-a/1002-broken/kep.yaml:5 warning unreadable-metadata',
      'keps/sig-a/1003-list/kep.yaml:1 warning unreadable-metadata',
      'keps/sig-a/1005-bomb/kep.yaml:1 warning unreadable-metadata',
    ]);
    assert.match(index.problems().find((p) => p.path.includes('1001-huge'))!.message, /over 256 KB it is not read/);
  });

  it('a pipe named kep.yaml is never opened', async function () {
    if (process.platform === 'win32') this.skip();
    const root = makeTempDir();
    writeFiles(root, { 'keps/sig-a/1001-x/README.md': '# X\n', 'keps/sig-a/1002-y/README.md': '# Y\n' });
    execFileSync('mkfifo', [path.join(root, 'keps/sig-a/1001-x/kep.yaml')]);
    const index = new RecordIndex(new NodeFileSystem(), toPortPath(root), DEFAULT_SETTINGS);
    await index.build();
    assert.strictEqual(index.records('design').length, 2);
    assert.deepStrictEqual(index.problems(), []);
  });

  it('kep.yaml is read only beside a proposal README, with either way of reading; other files cost no extra read', async () => {
    const files = kepRepo({
      // A kep.yaml beside a plain design doc, or in a folder with no number, is nobody's metadata.
      'docs/design/0001-plain.md': '# Plain\n',
      'docs/design/kep.yaml': 'status: implemented\n',
      'docs/design/storage/README.md': '# Storage\n',
      'docs/design/storage/kep.yaml': 'status: implemented\n',
    });
    for (const blocking of [false, true]) {
      const root = makeTempDir();
      writeFiles(root, files);
      const run = countingFileSystem(blocking);
      const index = new RecordIndex(run.fs, toPortPath(root), DEFAULT_SETTINGS);
      await index.build();
      const reads = run.reads.map((p) => path.relative(root, p).split(path.sep).join('/')).sort();
      assert.deepStrictEqual(
        reads.filter((p) => p.endsWith('kep.yaml')),
        ['keps/sig-cli/1441-kubectl-debug/kep.yaml', 'keps/sig-node/277-ephemeral-containers/kep.yaml'],
        `blocking reads: ${blocking}`,
      );
      assert.strictEqual(reads.filter((p) => p.endsWith('.md')).length, 4);
      assert.strictEqual(byName(index, '1441-kubectl-debug/README.md').status, 'implementable');
      assert.strictEqual(byName(index, '0001-plain.md').status, null);
    }
  });

  it('a kep.yaml changed, added or deleted is a change to its README (what the editor’s file watcher sends)', async () => {
    const { root, index } = await indexOf(kepRepo());
    const dir = `${toPortPath(root)}/keps/sig-cli/1441-kubectl-debug`;
    const kep = `${dir}/kep.yaml`;
    const readme = `${dir}/README.md`;
    assert.strictEqual(changeOfEvent(index, kep, 'changed'), 'file');
    assert.strictEqual(changeOfEvent(index, kep, 'created'), 'file');
    const before = index.version;
    fs.writeFileSync(kep, DEBUG_KEP.replace('status: implementable', 'status: implemented').replace('"@pwittrock"', '"@soltysh"'));
    assert.strictEqual(await index.refreshFile(kep), true);
    assert.ok(index.version > before);
    assert.strictEqual(index.record(readme)?.status, 'implemented');
    assert.deepStrictEqual(index.record(readme)?.approvers, ['@soltysh']);
    // Broken: the README is listed from itself, with the warning; mended: the warning goes.
    fs.writeFileSync(kep, 'status: [implemented\n');
    await index.refreshFile(kep);
    assert.strictEqual(index.record(readme)?.status, null);
    assert.deepStrictEqual(
      index.problems().map((p) => [p.path, p.code]),
      [[kep, 'unreadable-metadata']],
    );
    fs.rmSync(kep);
    assert.strictEqual(await index.refreshFile(kep), true);
    assert.strictEqual(index.record(readme)?.status, null);
    assert.strictEqual(index.record(readme)?.authors, undefined);
    assert.deepStrictEqual(index.problems(), []);
    fs.writeFileSync(kep, 'status: provisional\n');
    await index.refreshFile(kep);
    assert.strictEqual(index.record(readme)?.status, 'provisional');
    // The README saved: read with its kep.yaml.
    fs.writeFileSync(readme, '# KEP-1441: kubectl debug, again\n');
    await index.refreshFile(readme);
    assert.deepStrictEqual([index.record(readme)?.title, index.record(readme)?.status], ['KEP-1441: kubectl debug, again', 'provisional']);
    // A kep.yaml beside no proposal README changes nothing.
    writeFiles(root, { 'keps/sig-cli/kep.yaml': 'status: implemented\n' });
    assert.strictEqual(await index.refreshFile(`${toPortPath(root)}/keps/sig-cli/kep.yaml`), false);
  });

  it('the CLI record cache reads a proposal README again when its kep.yaml changed, came or went', async () => {
    const root = makeTempDir();
    writeFiles(root, kepRepo());
    const port = toPortPath(root);
    const folder = makeTempDir();
    const LATER = (): number => Date.now() + 60_000;
    const build = async (): Promise<{ index: RecordIndex; reads: string[] }> => {
      const run = countingFileSystem(true);
      const index = new RecordIndex(run.fs, port, DEFAULT_SETTINGS);
      const cache = new RecordCacheFile(port, 'build-1', { folder, now: LATER });
      await index.build({ cache });
      cache.save();
      return { index, reads: run.reads.map((p) => path.relative(root, p).split(path.sep).join('/')) };
    };
    await build();
    assert.deepStrictEqual((await build()).reads, []);
    const kep = path.join(root, 'keps/sig-cli/1441-kubectl-debug/kep.yaml');
    fs.writeFileSync(kep, DEBUG_KEP.replace('status: implementable', 'status: withdrawn'));
    const changed = await build();
    assert.deepStrictEqual(changed.reads.sort(), ['keps/sig-cli/1441-kubectl-debug/README.md', 'keps/sig-cli/1441-kubectl-debug/kep.yaml']);
    assert.strictEqual(byName(changed.index, '1441-kubectl-debug/README.md').status, 'withdrawn');
    fs.rmSync(kep);
    const gone = await build();
    assert.deepStrictEqual(gone.reads, ['keps/sig-cli/1441-kubectl-debug/README.md']);
    assert.strictEqual(byName(gone.index, '1441-kubectl-debug/README.md').status, null);
    fs.writeFileSync(kep, 'status: rejected\n');
    const back = await build();
    assert.strictEqual(byName(back.index, '1441-kubectl-debug/README.md').status, 'rejected');
    assert.deepStrictEqual((await build()).reads, []);
  });
});
