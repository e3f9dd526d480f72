import * as assert from 'assert';
import { ChangeBatch, ChangeBatcher } from '../../src/core/index/changeBatcher';

/** A hand-driven clock so the batching rules are checked without sleeping. */
class FakeTimers {
  now = 0;
  private queue: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.queue.push({ at: this.now + ms, fn, id });
    return id;
  };
  clearTimeout = (id: unknown): void => {
    this.queue = this.queue.filter((t) => t.id !== id);
  };
  advance(ms: number): void {
    this.now += ms;
    const due = this.queue.filter((t) => t.at <= this.now);
    this.queue = this.queue.filter((t) => t.at > this.now);
    for (const t of due) t.fn();
  }
}

describe('change batcher', () => {
  const options = { quietMs: 100, maxWaitMs: 400, fullThreshold: 300, burstQuietMs: 300, burstMaxWaitMs: 3000 };

  it('turns a branch switch touching thousands of files into one full re-index', async () => {
    const timers = new FakeTimers();
    const batches: ChangeBatch[] = [];
    const batcher = new ChangeBatcher(async (b) => void batches.push(b), options, timers, () => timers.now);
    // git checkout delivers its events in waves with short gaps between them.
    for (let wave = 0; wave < 5; wave++) {
      for (let i = 0; i < 1000; i++) batcher.add(`/repo/doc/adr/${wave}-${i}.md`);
      timers.advance(150);
    }
    assert.strictEqual(batches.length, 0, 'a burst waits for quiet');
    timers.advance(300);
    await batcher.flush();
    assert.strictEqual(batches.length, 1);
    assert.strictEqual(batches[0].full, true);
    assert.strictEqual(batches[0].paths.size, 5000);
    assert.strictEqual(batches.length, 1);
  });

  it('applies a single save file by file after a quiet period', async () => {
    const timers = new FakeTimers();
    const batches: ChangeBatch[] = [];
    const batcher = new ChangeBatcher(async (b) => void batches.push(b), options, timers, () => timers.now);
    batcher.add('/repo/doc/adr/1.md');
    batcher.add('/repo/doc/adr/1.md');
    timers.advance(99);
    assert.strictEqual(batches.length, 0);
    timers.advance(1);
    await batcher.flush();
    assert.deepStrictEqual(batches.map((b) => [b.full, [...b.paths]]), [[false, ['/repo/doc/adr/1.md']]]);
  });

  it('never holds a steady stream of events longer than maxWaitMs', async () => {
    const timers = new FakeTimers();
    const batches: ChangeBatch[] = [];
    const batcher = new ChangeBatcher(async (b) => void batches.push(b), options, timers, () => timers.now);
    for (let t = 0; t < 400; t += 50) {
      batcher.add(`/repo/doc/adr/${t}.md`);
      timers.advance(50);
    }
    await batcher.flush();
    assert.ok(batches.length >= 1);
    assert.ok(batches[0].paths.size <= 8);
  });

  it('a folder-config change asks for a full rebuild', async () => {
    const timers = new FakeTimers();
    const batches: ChangeBatch[] = [];
    const batcher = new ChangeBatcher(async (b) => void batches.push(b), options, timers, () => timers.now);
    batcher.add('/repo/.adr-dir', true);
    await batcher.flush();
    assert.strictEqual(batches[0].full, true);
  });
});

describe('change batcher queue', () => {
  it('a full build and file batches never interleave: events during a build are applied after it', async () => {
    const order: string[] = [];
    let finishBuild: () => void = () => undefined;
    const batcher = new ChangeBatcher(async (b) => void order.push(`batch ${[...b.paths].join(',')}`), { quietMs: 0, maxWaitMs: 0, fullThreshold: 300, burstQuietMs: 0, burstMaxWaitMs: 0 });
    const build = batcher.run(async () => {
      order.push('build start');
      await new Promise<void>((resolve) => (finishBuild = resolve));
      order.push('build end');
    });
    await new Promise((r) => setTimeout(r, 5));
    batcher.add('/repo/doc/adr/0002-b.md');
    await new Promise((r) => setTimeout(r, 5));
    assert.deepStrictEqual(order, ['build start'], 'the batch waits for the build');
    finishBuild();
    await build;
    await batcher.flush();
    assert.deepStrictEqual(order, ['build start', 'build end', 'batch /repo/doc/adr/0002-b.md']);
  });
});
