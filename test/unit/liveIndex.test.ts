import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { BatcherOptions } from '../../src/core/index/changeBatcher';
import { LiveIndex } from '../../src/core/index/liveChanges';
import { DEFAULT_SETTINGS } from '../../src/core/index/recordFolders';
import { RecordIndex } from '../../src/core/index/recordIndex';
import { NodeFileSystem } from '../../src/core/store/nodeFileSystem';
import { makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { nygardAdr } from '../fixtures/recordText';
import { FakeTimers } from '../fixtures/fakeTimers';

// A record created and deleted soon after must leave the live index, whatever order the file events, the batches,
// the re-reads and the re-indexes come in — and when the file watcher never reports the delete at all.

/** Reads that a test can hold after the bytes are read (the file may then be deleted before the index stores them). */
class HeldFileSystem extends NodeFileSystem {
  reads: string[] = [];
  private holds = new Map<string, { reached: () => void; released: Promise<void> }>();

  /** The next read of `file` waits, after reading, until `release` is called; `reached` resolves when it is waiting. */
  hold(file: string): { reached: Promise<void>; release: () => void } {
    let reached: () => void = () => undefined;
    let release: () => void = () => undefined;
    const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.holds.set(file, { reached, released });
    return { reached: reachedPromise, release };
  }

  override async readFile(p: string): Promise<Uint8Array> {
    this.reads.push(p);
    const bytes = await super.readFile(p);
    const held = this.holds.get(p);
    if (held) {
      this.holds.delete(p);
      held.reached();
      await held.released;
    }
    return bytes;
  }
}

const options: BatcherOptions = {
  quietMs: 100,
  maxWaitMs: 400,
  fullThreshold: 5,
  burstQuietMs: 300,
  burstMaxWaitMs: 3000,
  busyCheckMs: 100,
  busyMaxWaitMs: 30_000,
  verifyAfterMs: 1500,
};

async function changedAt(p: string): Promise<number | undefined> {
  try {
    const st = await fs.promises.stat(p);
    return Math.max(st.ctimeMs, st.mtimeMs);
  } catch {
    return undefined;
  }
}

interface Folder {
  root: string;
  adr: string;
  fsPort: HeldFileSystem;
  timers: FakeTimers;
  live: LiveIndex;
  builds: number;
  /** Lets the batcher's timers run, as time passing would. */
  wait(ms: number): Promise<void>;
}

async function liveFolder(): Promise<Folder> {
  const root = makeTempDir();
  writeFiles(root, { 'doc/adr/0001-first.md': nygardAdr({ number: 1, title: 'First' }) });
  for (let i = 2; i <= 8; i++) writeFiles(root, { [`doc/adr/000${i}-r${i}.md`]: nygardAdr({ number: i, title: `Record ${i}` }) });
  const fsPort = new HeldFileSystem();
  const timers = new FakeTimers();
  const index = new RecordIndex(fsPort, root, DEFAULT_SETTINGS);
  const folder: Folder = {
    root,
    adr: path.join(root, 'doc/adr'),
    fsPort,
    timers,
    builds: 0,
    live: new LiveIndex(
      index,
      {
        build: async () => {
          await index.build();
          folder.builds++;
          return true;
        },
        changedAt,
      },
      options,
      timers,
      () => timers.now,
    ),
    async wait(ms: number) {
      timers.advance(ms);
      await folder.live.batcher.checked();
      timers.advance(0);
      await folder.live.batcher.flush();
    },
  };
  await folder.live.rebuild();
  return folder;
}

function write(file: string, title: string): void {
  fs.writeFileSync(file, nygardAdr({ number: 9, title }));
}

describe('live index: a record created and soon deleted', () => {
  let folder: Folder;
  let file: string;
  beforeEach(async () => {
    folder = await liveFolder();
    file = path.join(folder.adr, '0009-short-lived.md');
  });
  afterEach(() => folder.live.dispose());

  it('create and delete in the same batch: the record never shows', async () => {
    write(file, 'Short lived');
    folder.live.fileEvent(file, 'created');
    fs.rmSync(file);
    folder.live.fileEvent(file, 'deleted');
    await folder.wait(100);
    assert.strictEqual(folder.live.index.record(file), undefined);
    assert.strictEqual(folder.live.index.holds(file), false);
    assert.strictEqual(folder.live.index.records().length, 8);
  });

  it('a delete in a later batch, while the re-read of the create is still in flight, removes the record', async () => {
    write(file, 'Short lived');
    folder.live.fileEvent(file, 'created');
    const read = folder.fsPort.hold(file);
    const applying = folder.live.batcher.flush();
    await read.reached; // the create's re-read has the bytes but has not stored them yet
    fs.rmSync(file);
    folder.live.fileEvent(file, 'deleted');
    read.release();
    await applying;
    assert.ok(folder.live.index.record(file), 'the create was applied first');
    await folder.wait(100);
    assert.strictEqual(folder.live.index.holds(file), false);
  });

  it('a delete reported while a re-index that read the file is in flight removes the record after it', async () => {
    write(file, 'Short lived');
    const read = folder.fsPort.hold(file);
    const rebuilding = folder.live.rebuild();
    await read.reached;
    fs.rmSync(file);
    folder.live.fileEvent(file, 'deleted');
    read.release();
    await rebuilding;
    assert.ok(folder.live.index.record(file), 'the re-index read the file before it was deleted');
    await folder.wait(100);
    assert.strictEqual(folder.live.index.holds(file), false);
  });

  it('a delete in a late wave of a branch switch (a batch the last re-index mostly covers) still removes the record', async () => {
    write(file, 'Short lived');
    // File times have a clock tick of slack: the wave's files must be older than the re-index by more than that.
    await new Promise((resolve) => setTimeout(resolve, 150));
    await folder.live.rebuild();
    const before = folder.builds;
    assert.ok(folder.live.index.record(file));
    fs.rmSync(file);
    // The wave: files the re-index already read, and the delete; more than fullThreshold paths.
    for (let i = 2; i <= 8; i++) folder.live.fileEvent(path.join(folder.adr, `000${i}-r${i}.md`), 'changed');
    folder.live.fileEvent(file, 'deleted');
    await folder.wait(3000);
    assert.strictEqual(folder.live.index.holds(file), false);
    assert.strictEqual(folder.builds, before, 'the covered wave is not another re-index');
    assert.strictEqual(folder.live.index.records().length, 8);
  });

  it('a change event for a file that no longer exists removes its record; one for a file never indexed is harmless', async () => {
    write(file, 'Short lived');
    folder.live.fileEvent(file, 'created');
    await folder.wait(100);
    assert.ok(folder.live.index.record(file));
    fs.rmSync(file);
    folder.live.fileEvent(file, 'changed');
    folder.live.fileEvent(path.join(folder.adr, '0010-never-there.md'), 'changed');
    await folder.wait(100);
    assert.strictEqual(folder.live.index.holds(file), false);
    assert.strictEqual(folder.live.index.records().length, 8);
  });

  it('the watcher reports neither create nor delete (it drops the pair) after a command read the file: the record still goes', async () => {
    write(file, 'Written by a command');
    // A command refreshes what it wrote at once, before any file event.
    folder.live.fileEvent(file, 'created');
    await folder.live.batcher.flush();
    assert.ok(folder.live.index.record(file));
    fs.rmSync(file); // and no event follows
    await folder.wait(1000);
    assert.ok(folder.live.index.record(file), 'before the second look, only an event could have told');
    await folder.wait(500);
    assert.strictEqual(folder.live.index.holds(file), false);
  });

  it('the watcher reports neither create nor delete after a re-index read the file: the record still goes', async () => {
    write(file, 'Seen by a refresh');
    await folder.live.rebuild();
    assert.ok(folder.live.index.record(file));
    fs.rmSync(file);
    await folder.wait(1500);
    assert.strictEqual(folder.live.index.holds(file), false);
    assert.strictEqual(folder.live.index.records().length, 8);
  });

  it('a file that appeared and is still there is not read again by the second look', async () => {
    write(file, 'Here to stay');
    folder.live.fileEvent(file, 'created');
    await folder.live.batcher.flush();
    const reads = folder.fsPort.reads.length;
    await folder.wait(1500);
    await folder.wait(1500);
    assert.strictEqual(folder.fsPort.reads.length, reads);
    assert.strictEqual(folder.live.index.record(file)?.title, 'Here to stay');
  });

  it('a disposed live index looks no more', async () => {
    write(file, 'Short lived');
    folder.live.fileEvent(file, 'created');
    await folder.live.batcher.flush();
    fs.rmSync(file);
    folder.live.dispose();
    await folder.wait(1500);
    assert.ok(folder.live.index.record(file), 'nothing is applied after dispose');
  });
});
