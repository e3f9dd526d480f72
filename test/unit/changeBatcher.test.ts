import * as assert from 'assert';
import { ChangeBatch, ChangeBatcher, changedSince } from '../../src/core/index/changeBatcher';
import { FakeTimers } from '../fixtures/fakeTimers';

describe('change batcher', () => {
  const options = { quietMs: 100, maxWaitMs: 400, fullThreshold: 300, burstQuietMs: 300, burstMaxWaitMs: 3000 };

  it('turns a branch switch touching thousands of files into one full re-index', async () => {
    const timers = new FakeTimers();
    const batches: ChangeBatch[] = [];
    const batcher = new ChangeBatcher(
      async (b) => void batches.push(b),
      options,
      timers,
      () => timers.now,
    );
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
    const batcher = new ChangeBatcher(
      async (b) => void batches.push(b),
      options,
      timers,
      () => timers.now,
    );
    batcher.add('/repo/doc/adr/1.md');
    batcher.add('/repo/doc/adr/1.md');
    timers.advance(99);
    assert.strictEqual(batches.length, 0);
    timers.advance(1);
    await batcher.flush();
    assert.deepStrictEqual(
      batches.map((b) => [b.full, [...b.paths]]),
      [[false, ['/repo/doc/adr/1.md']]],
    );
  });

  it('never holds a steady stream of events longer than maxWaitMs', async () => {
    const timers = new FakeTimers();
    const batches: ChangeBatch[] = [];
    const batcher = new ChangeBatcher(
      async (b) => void batches.push(b),
      options,
      timers,
      () => timers.now,
    );
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
    const batcher = new ChangeBatcher(
      async (b) => void batches.push(b),
      options,
      timers,
      () => timers.now,
    );
    batcher.add('/repo/.adr-dir', true);
    await batcher.flush();
    assert.strictEqual(batches[0].full, true);
  });
});

describe('change batcher: a second look at files that appeared', () => {
  const options = { quietMs: 100, maxWaitMs: 400, fullThreshold: 300, burstQuietMs: 300, burstMaxWaitMs: 3000, verifyAfterMs: 1500 };

  it('after verifyAfterMs, queues the files that are gone (like deletes) and nothing else; a disposed batcher queues nothing', async () => {
    const timers = new FakeTimers();
    const batches: ChangeBatch[] = [];
    const batcher = new ChangeBatcher(
      async (b) => void batches.push(b),
      options,
      timers,
      () => timers.now,
    );
    const present = new Set(['/repo/doc/adr/0001-stays.md']);
    const looked: string[] = [];
    const exists = async (p: string): Promise<boolean> => {
      looked.push(p);
      return present.has(p);
    };
    batcher.verifyLater(['/repo/doc/adr/0001-stays.md', '/repo/doc/adr/0002-gone.md'], exists);
    timers.advance(1499);
    await batcher.checked();
    assert.deepStrictEqual(looked, [], 'no look before verifyAfterMs');
    timers.advance(1);
    await batcher.checked();
    await batcher.flush();
    assert.deepStrictEqual(
      batches.map((b) => [b.full, [...b.paths]]),
      [[false, ['/repo/doc/adr/0002-gone.md']]],
    );

    batcher.verifyLater(['/repo/doc/adr/0003-gone-too.md'], exists);
    batcher.dispose();
    timers.advance(1500);
    await batcher.checked();
    await batcher.flush();
    assert.strictEqual(batches.length, 1);
  });
});

describe('change batcher queue', () => {
  it('a full build and file batches never interleave: events during a build are applied after it', async () => {
    const order: string[] = [];
    let finishBuild: () => void = () => undefined;
    const batcher = new ChangeBatcher(async (b) => void order.push(`batch ${[...b.paths].join(',')}`), {
      quietMs: 0,
      maxWaitMs: 0,
      fullThreshold: 300,
      burstQuietMs: 0,
      burstMaxWaitMs: 0,
    });
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

describe('change batcher and git operations', () => {
  const options = { quietMs: 100, maxWaitMs: 400, fullThreshold: 300, burstQuietMs: 300, burstMaxWaitMs: 3000, busyCheckMs: 100, busyMaxWaitMs: 30_000 };

  it('a checkout slower than the burst limit stays one re-index: nothing is applied while git holds its lock, then once', async () => {
    const timers = new FakeTimers();
    const batches: ChangeBatch[] = [];
    let locked = true;
    const batcher = new ChangeBatcher(
      async (b) => void batches.push(b),
      options,
      timers,
      () => timers.now,
      () => locked,
    );
    // Ten seconds of checkout on a loaded machine: waves of events with gaps longer than the burst's quiet time.
    for (let wave = 0; wave < 20; wave++) {
      for (let i = 0; i < 100; i++) batcher.add(`/repo/doc/adr/${wave}-${i}.md`);
      timers.advance(500);
    }
    await Promise.resolve();
    assert.strictEqual(batches.length, 0, 'held while git works');
    assert.strictEqual(batcher.waitingForGit, true);
    locked = false;
    timers.advance(100); // the next look sees the lock gone
    assert.strictEqual(batches.length, 0, 'the last writes get the burst quiet time');
    timers.advance(300);
    await batcher.flush();
    assert.deepStrictEqual(
      batches.map((b) => [b.full, b.paths.size]),
      [[true, 2000]],
    );
    assert.strictEqual(batcher.deferrals, 1);
    assert.strictEqual(batcher.waitingForGit, false);
  });

  it('a lock left behind by a crashed git holds changes back only up to busyMaxWaitMs', async () => {
    const timers = new FakeTimers();
    const batches: ChangeBatch[] = [];
    const batcher = new ChangeBatcher(
      async (b) => void batches.push(b),
      options,
      timers,
      () => timers.now,
      () => true,
    );
    batcher.add('/repo/doc/adr/0001-a.md');
    for (let t = 0; t < 29_000; t += 1000) timers.advance(1000);
    assert.strictEqual(batches.length, 0);
    timers.advance(1500);
    timers.advance(300);
    await batcher.flush();
    assert.deepStrictEqual(
      batches.map((b) => [...b.paths]),
      [['/repo/doc/adr/0001-a.md']],
    );
  });

  it('an explicit flush (a command that needs fresh data) does not wait for git', async () => {
    const timers = new FakeTimers();
    const batches: ChangeBatch[] = [];
    const batcher = new ChangeBatcher(
      async (b) => void batches.push(b),
      options,
      timers,
      () => timers.now,
      () => true,
    );
    batcher.add('/repo/doc/adr/0001-a.md');
    timers.advance(200);
    await batcher.flush();
    assert.strictEqual(batches.length, 1);
  });

  it('a folder-config change is marked as one that may change folders; a big batch alone is not', async () => {
    const timers = new FakeTimers();
    const batches: ChangeBatch[] = [];
    const batcher = new ChangeBatcher(
      async (b) => void batches.push(b),
      options,
      timers,
      () => timers.now,
    );
    batcher.add('/repo/.adr-dir', true);
    await batcher.flush();
    for (let i = 0; i < 400; i++) batcher.add(`/repo/doc/adr/${i}.md`);
    await batcher.flush();
    assert.deepStrictEqual(
      batches.map((b) => [b.full, b.foldersMayChange]),
      [
        [true, true],
        [true, false],
      ],
    );
  });
});

describe('changes a re-index already read', () => {
  const builtAt = 1_000_000;
  const stamps = new Map<string, number>([
    ['/repo/doc/adr/0001-written-before.md', builtAt - 5000],
    ['/repo/doc/adr/0002-written-after.md', builtAt + 20],
    ['/repo/doc/adr/0003-renamed-a-tick-early.md', builtAt - 10],
  ]);
  const changedAt = async (p: string): Promise<number | undefined> => stamps.get(p);
  const indexed = (p: string): boolean => p === '/repo/doc/adr/0004-deleted-still-indexed.md' || p === '/repo/doc/adr/old';

  it('keeps files changed after the re-index began (or a clock tick before it) and files gone that the index still holds', async () => {
    const changed = await changedSince(
      [
        '/repo/doc/adr/0001-written-before.md',
        '/repo/doc/adr/0002-written-after.md',
        '/repo/doc/adr/0003-renamed-a-tick-early.md',
        '/repo/doc/adr/0004-deleted-still-indexed.md',
        '/repo/doc/adr/0005-deleted-not-indexed.md',
        '/repo/doc/adr/old',
      ],
      builtAt,
      changedAt,
      indexed,
    );
    assert.deepStrictEqual([...changed].sort(), [
      '/repo/doc/adr/0002-written-after.md',
      '/repo/doc/adr/0003-renamed-a-tick-early.md',
      '/repo/doc/adr/0004-deleted-still-indexed.md',
      '/repo/doc/adr/old',
    ]);
  });

  it('a late wave of a branch switch (every file written before the re-index) is entirely covered', async () => {
    const wave = Array.from({ length: 1000 }, (_, i) => `/repo/doc/adr/${i}.md`);
    const changed = await changedSince(
      wave,
      builtAt,
      async () => builtAt - 2000,
      () => true,
    );
    assert.strictEqual(changed.size, 0);
  });

  it('a file that cannot be looked at counts as gone', async () => {
    const changed = await changedSince(
      ['/repo/doc/adr/x.md'],
      builtAt,
      async () => Promise.reject(new Error('EACCES')),
      () => true,
    );
    assert.deepStrictEqual([...changed], ['/repo/doc/adr/x.md']);
  });
});
