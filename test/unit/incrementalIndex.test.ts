import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RecordIndex } from '../../src/core/index/recordIndex';
import { DEFAULT_SETTINGS } from '../../src/core/index/recordFolders';
import { NodeFileSystem } from '../../src/core/store/nodeFileSystem';
import { makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { nygardAdr } from '../fixtures/recordText';

/** Counts reads so a test can prove one change re-reads one file. */
class CountingFileSystem extends NodeFileSystem {
  reads: string[] = [];
  override async readFile(p: string): Promise<Uint8Array> {
    this.reads.push(p);
    return super.readFile(p);
  }
}

/** Reads that each take a turn of the event loop or two, as they do on a busy machine. */
class SlowFileSystem extends NodeFileSystem {
  reads = 0;
  override async readFile(p: string): Promise<Uint8Array> {
    this.reads++;
    await new Promise((resolve) => setTimeout(resolve, 2));
    return super.readFile(p);
  }
}

describe('incremental index', () => {
  it('re-reads only the changed file, and picks up adds, renames and deletes', async () => {
    const root = makeTempDir();
    const files: Record<string, string> = {};
    for (let i = 1; i <= 20; i++) files[`doc/adr/${String(i).padStart(4, '0')}-r${i}.md`] = nygardAdr({ number: i, title: `Record ${i}` });
    writeFiles(root, files);
    const fsPort = new CountingFileSystem();
    const index = new RecordIndex(fsPort, root, DEFAULT_SETTINGS);
    await index.build();
    assert.strictEqual(index.size, 20);

    const changed = path.join(root, 'doc/adr/0007-r7.md');
    fs.writeFileSync(changed, nygardAdr({ number: 7, title: 'Record seven, renamed', status: 'Deprecated' }));
    fsPort.reads = [];
    const v = index.version;
    assert.strictEqual(await index.refreshFile(changed), true);
    assert.deepStrictEqual(fsPort.reads, [changed], 'only the changed file was read');
    assert.ok(index.version > v);
    assert.deepStrictEqual([index.record(changed)?.title, index.record(changed)?.status], ['Record seven, renamed', 'deprecated']);

    const added = path.join(root, 'doc/adr/0021-new.md');
    fs.writeFileSync(added, nygardAdr({ number: 21, title: 'New' }));
    await index.refreshFile(added);
    assert.strictEqual(index.record(added)?.title, 'New');

    const renamed = path.join(root, 'doc/adr/0022-moved.md');
    fs.renameSync(added, renamed);
    await index.refreshFile(added);
    await index.refreshFile(renamed);
    assert.strictEqual(index.record(added), undefined);
    assert.strictEqual(index.record(renamed)?.title, 'New');

    fs.rmSync(renamed);
    await index.refreshFile(renamed);
    assert.strictEqual(index.size, 20);

    const readme = path.join(root, 'doc/adr/README.md');
    fs.writeFileSync(readme, '# Decisions\n');
    assert.strictEqual(await index.refreshFile(readme), false, 'README is not a record');
    assert.strictEqual(await index.refreshFile(path.join(root, 'src/app.ts')), false, 'files outside record folders are ignored');
  });

  it('updates duplicate-number problems when a file changes', async () => {
    const root = makeTempDir();
    writeFiles(root, { 'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }), 'doc/adr/0002-b.md': nygardAdr({ number: 2, title: 'B' }) });
    const index = new RecordIndex(new NodeFileSystem(), root, DEFAULT_SETTINGS);
    await index.build();
    assert.deepStrictEqual(index.problems(), []);
    const dup = path.join(root, 'doc/adr/0002-c.md');
    fs.writeFileSync(dup, nygardAdr({ number: 2, title: 'C' }));
    await index.refreshFile(dup);
    assert.strictEqual(index.problems().filter((p) => p.code === 'duplicate-number').length, 2);
    fs.rmSync(dup);
    await index.refreshFile(dup);
    assert.deepStrictEqual(index.problems(), []);
  });

  it('asks for a folder re-discovery when a record folder, a folder above it or a config file changes', async () => {
    const root = makeTempDir();
    writeFiles(root, { 'docs/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }) });
    const index = new RecordIndex(new NodeFileSystem(), root, DEFAULT_SETTINGS);
    await index.build();
    assert.strictEqual(index.affectsFolders(path.join(root, 'docs/adr')), true);
    assert.strictEqual(index.affectsFolders(path.join(root, 'docs')), true);
    assert.strictEqual(index.affectsFolders(path.join(root, '.adr-dir')), true);
    assert.strictEqual(index.affectsFolders(path.join(root, 'docs/adr/0001-a.md')), false);
    assert.strictEqual(index.affectsFolders(path.join(root, 'src')), false);
    assert.strictEqual(index.affectsFolders(path.join(root, 'docs/design')), true, 'a conventional folder that does not exist yet');
    assert.strictEqual(index.isInMissingFolder(path.join(root, 'docs/design/x.md')), true);
    assert.strictEqual(index.isInMissingFolder(path.join(root, 'docs/adr/0002-b.md')), false);
    fs.rmSync(path.join(root, 'docs'), { recursive: true });
    await index.build();
    assert.strictEqual(index.size, 0);
  });

  it('drops every record under a deleted folder', async () => {
    const root = makeTempDir();
    writeFiles(root, {
      'docs/mentoring/bob/2026-01-01-pairing.md': '# P\n',
      'docs/mentoring/bob/2026-01-02-note.md': '# N\n',
      'docs/mentoring/amy.md': '# Amy\n',
    });
    const index = new RecordIndex(new NodeFileSystem(), root, DEFAULT_SETTINGS);
    await index.build();
    assert.strictEqual(index.size, 3);
    fs.rmSync(path.join(root, 'docs/mentoring/bob'), { recursive: true });
    await index.refreshFile(path.join(root, 'docs/mentoring/bob'));
    assert.deepStrictEqual(
      index.records().map((r) => r.title),
      ['Amy'],
    );
  });
});

describe('design-doc references', () => {
  it('resolve ADR-0004 to the decision record, and an unknown one is a problem', async () => {
    const root = makeTempDir();
    writeFiles(root, {
      'doc/adr/0004-use-grpc.md': nygardAdr({ number: 4, title: 'Use gRPC' }),
      'docs/design/gateway.md': '---\ntitle: Gateway\nstatus: draft\ndecisions: [ADR-0004, ADR-0042, ../../doc/adr/0004-use-grpc.md]\n---\n',
    });
    const index = new RecordIndex(new NodeFileSystem(), root, DEFAULT_SETTINGS);
    await index.build();
    const doc = index.records('design')[0];
    const decision = index.records('decision')[0];
    assert.deepStrictEqual(
      doc.links.map((l) => index.resolveLink(doc, l.target)),
      [decision.path, 'ADR-0042', decision.path],
    );
    assert.deepStrictEqual(
      index.problems().map((p) => [path.basename(p.path), p.code]),
      [['gateway.md', 'unknown-reference']],
    );
  });
});

describe('folders moved inside a record folder', () => {
  it('a renamed sub-folder is walked: its records reappear at their new paths', async () => {
    const root = makeTempDir();
    writeFiles(root, { 'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }), 'doc/adr/archive/0002-b.md': nygardAdr({ number: 2, title: 'B' }) });
    const index = new RecordIndex(new NodeFileSystem(), root, DEFAULT_SETTINGS);
    await index.build();
    fs.renameSync(path.join(root, 'doc/adr/archive'), path.join(root, 'doc/adr/old'));
    await index.refreshFile(path.join(root, 'doc/adr/archive'));
    await index.refreshFile(path.join(root, 'doc/adr/old'));
    assert.deepStrictEqual(
      index
        .records()
        .map((r) => path.relative(root, r.path))
        .sort(),
      ['doc/adr/0001-a.md', 'doc/adr/old/0002-b.md'],
    );
  });
  it('a folder event re-reads the folder without its records ever leaving the index meanwhile', async () => {
    const root = makeTempDir();
    const files: Record<string, string> = { 'docs/influence/2026/2026-01-05-review.md': '---\ndate: 2026-01-05\ntype: design-review\ntitle: Review\n---\n' };
    for (let i = 1; i <= 5; i++)
      files[`docs/influence/2024/2024-02-1${i}-paired-${i}.md`] = `---\ndate: 2024-02-1${i}\ntype: pairing\ntitle: Paired ${i}\n---\n`;
    writeFiles(root, files);
    const fsPort = new SlowFileSystem();
    const index = new RecordIndex(fsPort, root, DEFAULT_SETTINGS);
    await index.build();
    const folder = path.join(root, 'docs/influence/2024');
    const inFolder = () => index.records().filter((r) => r.path.startsWith(`${folder}/`)).length;
    assert.strictEqual(inFolder(), 5);
    // What a reader (a view, a report) sees at every turn while the folder is re-read after a watcher event for it.
    const seen = new Set<number>();
    let done = false;
    const refresh = index.refreshFile(folder).finally(() => (done = true));
    while (!done) {
      seen.add(inFolder());
      await new Promise((resolve) => setImmediate(resolve));
    }
    await refresh;
    assert.ok(fsPort.reads > 0, 'the folder was re-read');
    assert.deepStrictEqual([...seen], [5]);
    assert.strictEqual(inFolder(), 5);
  });
});

describe('files a re-index finds new', () => {
  it('none after the first build; after a later build, exactly the files the build before did not have', async () => {
    const root = makeTempDir();
    writeFiles(root, { 'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }), 'doc/adr/0002-b.md': nygardAdr({ number: 2, title: 'B' }) });
    const index = new RecordIndex(new NodeFileSystem(), root, DEFAULT_SETTINGS);
    await index.build();
    assert.deepStrictEqual(index.appearedInLastBuild, []);
    fs.rmSync(path.join(root, 'doc/adr/0002-b.md'));
    writeFiles(root, { 'doc/adr/0003-c.md': nygardAdr({ number: 3, title: 'C' }) });
    await index.build();
    assert.deepStrictEqual(index.appearedInLastBuild, [path.join(root, 'doc/adr/0003-c.md')]);
    await index.build();
    assert.deepStrictEqual(index.appearedInLastBuild, []);
  });
});
