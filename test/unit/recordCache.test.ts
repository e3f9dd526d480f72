import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RecordCacheFile } from '../../src/core/index/recordCacheFile';
import { DEFAULT_SETTINGS } from '../../src/core/index/recordFolders';
import { RecordIndex } from '../../src/core/index/recordIndex';
import { RecordFileSystem } from '../../src/core/store/fileSystem';
import { NodeFileSystem } from '../../src/core/store/nodeFileSystem';
import { buildRepo, makeTempDir } from '../fixtures/gitRepo';
import { madr2Adr, madr4Adr, nygardAdr, sessionNote } from '../fixtures/recordText';
import { runCli } from './cliInProcess';
import { countingFileSystem } from '../fixtures/countingFileSystem';

/** Records in several dialects side by side, CRLF, broken front matter and a mentoring session: what a real repository holds. */
function repoFiles(): Record<string, string> {
  return {
    'doc/adr/0001-record-decisions.md': nygardAdr({ number: 1, title: 'Record decisions' }),
    'doc/adr/0002-use-kafka.md': nygardAdr({
      number: 2,
      title: 'Use Kafka',
      statusLines: ['Supersedes [1. Record decisions](0001-record-decisions.md)'],
    }).replace(/\n/g, '\r\n'),
    'doc/adr/0003-broken.md': '---\ntitle: [unclosed\n---\n# 3. Broken front matter\n',
    'doc/adr/0004-madr.md': madr4Adr({ title: 'Use MADR', status: 'accepted', extraFrontMatter: 'tags: [arch, docs]\n' }),
    'doc/adr/0005-bullets.md': madr2Adr({ title: 'Bullets', status: 'proposed' }),
    'docs/mentoring/alice/2026-02-01-pairing.md': sessionNote({ date: '2026-02-01', kind: 'pairing', with: ['alice'], title: 'Pairing on the parser' }),
  };
}

/** Node's file system, counting the record files read. */
/** Files written now were written "just now": a clock this far ahead trusts them, as a later run would. */
const LATER = () => Date.now() + 60_000;

async function buildWith(root: string, cache: RecordCacheFile | undefined, fsys: RecordFileSystem): Promise<RecordIndex> {
  const index = new RecordIndex(fsys, root, DEFAULT_SETTINGS);
  await index.build({ cache });
  cache?.save();
  return index;
}

/** Builds once more with the cache file in `folder` and returns the record files read. */
async function readsOfBuild(root: string, folder: string, identity = 'build-1', now: () => number = LATER): Promise<string[]> {
  const run = countingFileSystem();
  await buildWith(root, new RecordCacheFile(root, identity, { folder, now }), run.fs);
  return run.reads;
}

function snapshot(index: RecordIndex): unknown {
  return { records: index.records(), problems: index.problems() };
}

describe('records kept between runs (the CLI record cache)', () => {
  it('reads no unchanged file on the next run and lists exactly the same records and problems', async () => {
    const root = buildRepo(repoFiles());
    const folder = makeTempDir();
    const fresh = await buildWith(root, undefined, new NodeFileSystem({ blockingReads: true }));
    const firstReads = await readsOfBuild(root, folder);
    assert.strictEqual(firstReads.length, 6, 'the first run reads every record file');
    const second = countingFileSystem();
    const cached = await buildWith(root, new RecordCacheFile(root, 'build-1', { folder, now: LATER }), second.fs);
    assert.deepStrictEqual(second.reads, []);
    assert.deepStrictEqual(snapshot(cached), snapshot(fresh));
    assert.ok(
      cached.problems().some((p) => p.path.endsWith('0003-broken.md')),
      'a problem of a file is kept with it',
    );
  });

  it('reads again a file changed since, and forgets a file deleted', async () => {
    const root = buildRepo(repoFiles());
    const folder = makeTempDir();
    await readsOfBuild(root, folder);
    const changed = path.join(root, 'doc/adr/0001-record-decisions.md');
    fs.writeFileSync(changed, nygardAdr({ number: 1, title: 'Record every decision', status: 'Deprecated' }));
    fs.rmSync(path.join(root, 'doc/adr/0005-bullets.md'));
    const next = countingFileSystem();
    const index = await buildWith(root, new RecordCacheFile(root, 'build-1', { folder, now: LATER }), next.fs);
    assert.deepStrictEqual(next.reads, [changed]);
    assert.strictEqual(index.record(changed)?.title, 'Record every decision');
    assert.strictEqual(index.record(changed)?.status, 'deprecated');
    assert.strictEqual(index.records().length, 5);
    assert.deepStrictEqual(snapshot(index), snapshot(await buildWith(root, undefined, new NodeFileSystem({ blockingReads: true }))));
    // The deleted file's entry is gone from the cache file too.
    const afterReads = await readsOfBuild(root, folder);
    assert.deepStrictEqual(afterReads, []);
  });

  it('does not trust a file changed just before it was read: it is read again next time', async () => {
    const root = buildRepo(repoFiles());
    const folder = makeTempDir();
    // The real clock: every file was written moments ago, within the time its stamps could miss a change.
    await readsOfBuild(root, folder, 'build-1', Date.now);
    const againReads = await readsOfBuild(root, folder, 'build-1', Date.now);
    assert.strictEqual(againReads.length, 6);
    // Once the files have been still long enough, they are taken from the cache.
    await readsOfBuild(root, folder);
    const settledReads = await readsOfBuild(root, folder);
    assert.deepStrictEqual(settledReads, []);
  });

  it('reads every file again for another build of the program, another folder kind, or a damaged cache file', async () => {
    const root = buildRepo(repoFiles());
    const folder = makeTempDir();
    const first = new RecordCacheFile(root, 'build-1', { folder, now: LATER });
    await buildWith(root, first, countingFileSystem().fs);
    const otherReads = await readsOfBuild(root, folder, 'build-2');
    assert.strictEqual(otherReads.length, 6, 'another build of the program parses anew');

    const cache = new RecordCacheFile(root, 'build-1', { folder, now: LATER });
    const file = path.join(root, 'doc/adr/0001-record-decisions.md');
    const asDecision = { kind: 'decision' as const, path: path.join(root, 'doc/adr'), source: 'convention', log4brains: false };
    assert.ok(cache.get(file, asDecision), 'kept for the folder it was read in');
    assert.strictEqual(cache.get(file, { ...asDecision, kind: 'design' }), undefined);
    assert.strictEqual(cache.get(file, { ...asDecision, log4brains: true }), undefined);

    fs.writeFileSync(first.path, 'not a cache file');
    const damaged = countingFileSystem();
    const index = await buildWith(root, new RecordCacheFile(root, 'build-1', { folder, now: LATER }), damaged.fs);
    assert.strictEqual(damaged.reads.length, 6);
    assert.strictEqual(index.records().length, 6);
  });

  it('when written, removes the files of roots unused for 30 days and every file of the earlier format', async () => {
    const root = buildRepo(repoFiles());
    const folder = makeTempDir();
    const old = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    const named = (name: string, mtime?: Date): string => {
      const file = path.join(folder, name);
      fs.writeFileSync(file, '{}');
      if (mtime) fs.utimesSync(file, mtime, mtime);
      return file;
    };
    const stale = named(`records-${'a'.repeat(32)}.json`, old);
    const recent = named(`records-${'b'.repeat(32)}.json`);
    const earlierFormat = named(`records-${'c'.repeat(32)}.bin`);
    const unrelated = named('cli-code-index-1-2-v20-x64.bin', old);
    const cache = new RecordCacheFile(root, 'build-1', { folder, now: LATER });
    await buildWith(root, cache, countingFileSystem().fs);
    assert.ok(fs.existsSync(cache.path) && cache.path.endsWith('.json'));
    assert.ok(!fs.existsSync(stale) && !fs.existsSync(earlierFormat));
    assert.ok(fs.existsSync(recent) && fs.existsSync(unrelated));
    // The kept file is plain JSON of this format.
    assert.strictEqual((JSON.parse(fs.readFileSync(cache.path, 'utf8')) as { format: string }).format, 'lodestar-record-cache-3');
  });

  it('a cache that cannot be written changes nothing in the index', async () => {
    const root = buildRepo(repoFiles());
    const blocker = path.join(makeTempDir(), 'a-file');
    fs.writeFileSync(blocker, '');
    const cache = new RecordCacheFile(root, 'build-1', { folder: path.join(blocker, 'cache'), now: LATER });
    const index = new RecordIndex(new NodeFileSystem({ blockingReads: true }), root, DEFAULT_SETTINGS);
    await index.build({ cache });
    assert.strictEqual(cache.save(), false);
    assert.strictEqual(index.records().length, 6);
  });

  it('keeps a value worked out from a file with its entry while the file is unchanged, and drops it when the file is read again', async () => {
    const root = buildRepo(repoFiles());
    const folder = makeTempDir();
    const kept = path.join(root, 'doc/adr/0001-record-decisions.md');
    const changed = path.join(root, 'doc/adr/0004-madr.md');
    const first = new RecordCacheFile(root, 'build-1', { folder, now: LATER });
    await buildWith(root, first, new NodeFileSystem({ blockingReads: true }));
    first.keepDerived(kept, 'check', { problems: [{ code: 'x', line: 2 }] });
    first.keepDerived(changed, 'check', { problems: [] });
    first.keepDerived(path.join(root, 'doc/adr/not-looked-at.md'), 'check', 1);
    assert.strictEqual(first.derived(path.join(root, 'doc/adr/not-looked-at.md'), 'check'), undefined, 'nothing is kept for a file the build did not look at');
    assert.ok(first.save());

    const second = new RecordCacheFile(root, 'build-1', { folder, now: LATER });
    assert.strictEqual(second.derived(kept, 'check'), undefined, 'nothing is told before the build looks at the file');
    fs.appendFileSync(changed, '\nOne more line.\n');
    await buildWith(root, second, new NodeFileSystem({ blockingReads: true }));
    assert.deepStrictEqual(second.derived(kept, 'check'), { problems: [{ code: 'x', line: 2 }] });
    assert.strictEqual(second.derived(kept, 'other'), undefined);
    assert.strictEqual(second.derived(changed, 'check'), undefined, 'a file read again has nothing kept');

    // Another build of the program keeps nothing of this one's.
    const other = new RecordCacheFile(root, 'build-2', { folder, now: LATER });
    await buildWith(root, other, new NodeFileSystem({ blockingReads: true }));
    assert.strictEqual(other.derived(kept, 'check'), undefined);
  });

  it('lodestar lint takes the content problems of unchanged records from the cache, and judges a changed record or template anew', async function () {
    const root = buildRepo({
      ...repoFiles(),
      'doc/adr/0006-six.md': nygardAdr({ number: 7, title: 'Six' }),
    });
    const folder = makeTempDir();
    const saved = { dir: process.env.LODESTAR_RECORD_CACHE_DIR, off: process.env.LODESTAR_NO_RECORD_CACHE };
    const lint = async (cached: boolean): Promise<string> => {
      if (cached) delete process.env.LODESTAR_NO_RECORD_CACHE;
      else process.env.LODESTAR_NO_RECORD_CACHE = '1';
      return (await runCli(['lint', '--json', '--root', root])).stdout;
    };
    // Files are taken from the cache only once they have been still for two seconds.
    const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 2100));
    try {
      process.env.LODESTAR_RECORD_CACHE_DIR = folder;
      await settle();
      const expected = await lint(false);
      assert.match(expected, /title-number-mismatch/);
      assert.strictEqual(await lint(true), expected);
      assert.strictEqual(await lint(true), expected, 'the second run takes the kept content problems');
      const cacheFile = fs.readdirSync(folder).find((n) => n.startsWith('records-'));
      assert.match(fs.readFileSync(path.join(folder, cacheFile!), 'utf8'), /"lint-content":\{"template":"","problems":\[\{/, 'the content problems are kept');

      fs.appendFileSync(path.join(root, 'doc/adr/0001-record-decisions.md'), '\n## Options\n\n* [option 1]\n');
      fs.writeFileSync(path.join(root, 'doc/adr/template.md'), '# NUMBER. TITLE\n\n## Context\n\nThe issue motivating this decision, and any context.\n');
      fs.appendFileSync(path.join(root, 'doc/adr/0002-use-kafka.md'), '\nThe issue motivating this decision, and any context.\n');
      await settle();
      const changed = await lint(false);
      assert.notStrictEqual(changed, expected);
      assert.match(changed, /0001-record-decisions\.md[\s\S]*template-placeholder/);
      assert.strictEqual(await lint(true), changed);
      assert.strictEqual(await lint(true), changed);

      fs.writeFileSync(path.join(root, 'doc/adr/template.md'), '# NUMBER. TITLE\n\n## Context\n\nSome other template line that no record has.\n');
      const otherTemplate = await lint(false);
      assert.notStrictEqual(otherTemplate, changed);
      assert.strictEqual(await lint(true), otherTemplate, 'another folder template: the records are judged against it');
    } finally {
      if (saved.dir === undefined) delete process.env.LODESTAR_RECORD_CACHE_DIR;
      else process.env.LODESTAR_RECORD_CACHE_DIR = saved.dir;
      if (saved.off === undefined) delete process.env.LODESTAR_NO_RECORD_CACHE;
      else process.env.LODESTAR_NO_RECORD_CACHE = saved.off;
    }
  });

  it('lodestar index keeps its records in LODESTAR_RECORD_CACHE_DIR and prints the same; LODESTAR_NO_RECORD_CACHE=1 keeps none', async () => {
    const root = buildRepo(repoFiles());
    const folder = makeTempDir();
    const saved = { dir: process.env.LODESTAR_RECORD_CACHE_DIR, off: process.env.LODESTAR_NO_RECORD_CACHE };
    try {
      process.env.LODESTAR_RECORD_CACHE_DIR = folder;
      process.env.LODESTAR_NO_RECORD_CACHE = '1';
      const uncached = await runCli(['index', '--json', '--root', root]);
      assert.deepStrictEqual(fs.readdirSync(folder), []);
      delete process.env.LODESTAR_NO_RECORD_CACHE;
      const first = await runCli(['index', '--json', '--root', root]);
      const second = await runCli(['index', '--json', '--root', root]);
      assert.strictEqual(first.code, 0);
      assert.strictEqual(first.stdout, uncached.stdout);
      assert.strictEqual(second.stdout, uncached.stdout);
      assert.deepStrictEqual(fs.readdirSync(folder).filter((n) => n.startsWith('records-')).length, 1, 'one cache file for the root, in the folder given');
      const lint = await runCli(['lint', '--json', '--root', root]);
      assert.match(lint.stdout, /0003-broken\.md/);
    } finally {
      if (saved.dir === undefined) delete process.env.LODESTAR_RECORD_CACHE_DIR;
      else process.env.LODESTAR_RECORD_CACHE_DIR = saved.dir;
      if (saved.off === undefined) delete process.env.LODESTAR_NO_RECORD_CACHE;
      else process.env.LODESTAR_NO_RECORD_CACHE = saved.off;
    }
  });
});
