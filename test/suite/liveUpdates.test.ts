import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { nygardAdr } from '../fixtures/recordText';
import { child, eventually, labels, lodestar, watcherCaughtUp, workspaceRoot } from './support';

const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' };
const git = (args: string[]): string =>
  execFileSync('git', ['-c', 'core.hooksPath=/dev/null', ...args], { cwd: workspaceRoot(), env: gitEnv, encoding: 'utf8' });

/** Waits until the index's counters have not moved for `ms` (at most a minute). */
async function statsQuietFor(stats: object, ms: number): Promise<void> {
  let last = JSON.stringify(stats);
  let since = Date.now();
  const deadline = Date.now() + 60_000;
  while (Date.now() - since < ms && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = JSON.stringify(stats);
    if (now !== last) {
      last = now;
      since = Date.now();
    }
  }
}

describe('live updates from changes made outside VS Code', () => {
  it('an added, edited, renamed and deleted file shows up in the tree', async () => {
    const { trees } = await lodestar();
    const adrDir = path.join(workspaceRoot(), 'doc/adr');
    const added = path.join(adrDir, '0007-use-opentelemetry.md');
    fs.writeFileSync(added, nygardAdr({ number: 7, title: 'Use OpenTelemetry', status: 'Proposed' }));
    const addMs = await eventually(async () =>
      assert.ok((await labels(trees.decisions, await child(trees.decisions, 'Proposed (2)'))).includes('0007 Use OpenTelemetry')),
    );

    fs.writeFileSync(added, nygardAdr({ number: 7, title: 'Use OpenTelemetry for tracing' }));
    await eventually(async () =>
      assert.ok((await labels(trees.decisions, await child(trees.decisions, 'Accepted (4)'))).includes('0007 Use OpenTelemetry for tracing')),
    );

    const renamed = path.join(adrDir, '0008-use-opentelemetry-for-tracing.md');
    fs.renameSync(added, renamed);
    await eventually(async () => {
      const rows = await labels(trees.decisions, await child(trees.decisions, 'Accepted (4)'));
      assert.ok(rows.includes('0008 Use OpenTelemetry for tracing') && !rows.some((r) => r.startsWith('0007')), rows.join());
    });

    fs.rmSync(renamed);
    await eventually(async () => assert.deepStrictEqual(await labels(trees.decisions), ['Proposed (1)', 'Accepted (3)', 'Superseded (1)', 'No status (1)']));
    console.log(`      (external add visible in the tree after ${addMs} ms)`);
  });

  it('a record a command wrote and refreshed, deleted at once, leaves the index (the watcher may report neither)', async () => {
    const api = await lodestar();
    const file = path.join(workspaceRoot(), 'doc/adr/0009-short-lived.md');
    const indexed = () => api.records.records('decision').some((r) => path.normalize(r.path) === file);
    fs.writeFileSync(file, nygardAdr({ number: 9, title: 'Short lived' }));
    await api.records.refreshPaths([file]); // what a command does after writing a record
    assert.ok(indexed(), 'the command saw its own record');
    // Within VS Code's event batch: its watcher drops a create followed by a delete, so no event may come.
    fs.rmSync(file);
    await eventually(() => assert.ok(!indexed(), 'the deleted record is still in the index'), 15_000);
  });

  it('deleting a whole record folder empties its view, and restoring it brings it back', async () => {
    const { trees } = await lodestar();
    fs.rmSync(path.join(workspaceRoot(), 'docs/design'), { recursive: true });
    await eventually(async () => assert.deepStrictEqual(await labels(trees.designDocs), []));
    git(['checkout', '--', 'docs/design']);
    await eventually(async () => assert.deepStrictEqual(await labels(trees.designDocs), ['Draft (1)', 'In review (1)']));
  });

  it('a branch switch touching 1,500 files triggers one re-index, not 1,500 updates, however late the watcher delivers its events', async function () {
    // 1,500 files written, committed and checked out twice: minutes on a loaded machine, not a measure of anything.
    this.timeout(300_000);
    const api = await lodestar();
    git(['checkout', '-q', '-b', 'bulk-import']);
    const adrDir = path.join(workspaceRoot(), 'doc/adr');
    for (let i = 100; i < 1600; i++)
      fs.writeFileSync(path.join(adrDir, `${String(i).padStart(4, '0')}-imported-${i}.md`), nygardAdr({ number: i, title: `Imported ${i}` }));
    git(['add', '-A']);
    git(['commit', '-q', '-m', 'Import 1500 records']);
    git(['checkout', '-q', 'main']);
    await eventually(() => assert.strictEqual(api.records.records('decision').length, 6), 120_000);
    // Every event of the files written and removed above has been applied before counting starts: the marker's
    // event came back, and then no update at all for two seconds (a watcher may deliver a late wave of them).
    await watcherCaughtUp();
    await statsQuietFor(api.records.stats, 2000);

    const before = { ...api.records.stats };
    git(['checkout', '-q', 'bulk-import']);
    await eventually(() => assert.strictEqual(api.records.records('decision').length, 1506), 120_000);
    // All of the switch's events, however many waves the watcher split them into, have been applied now.
    await watcherCaughtUp();
    const after = api.records.stats;
    assert.strictEqual(after.fullBuilds - before.fullBuilds, 1, `re-indexes: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
    assert.ok(after.fileUpdates - before.fileUpdates < 50, `file-by-file updates: ${after.fileUpdates - before.fileUpdates}`);
    // The branch and its records go in the suite's clean-up (the fixture is restored after every test).
  });

  it('while git holds .git/index.lock (a checkout or rebase at work) changes wait, then become one re-index when it is released', async function () {
    this.timeout(300_000);
    const api = await lodestar();
    const lock = path.join(workspaceRoot(), '.git', 'index.lock');
    const adrDir = path.join(workspaceRoot(), 'doc/adr');
    const before = { ...api.records.stats };
    fs.writeFileSync(lock, '');
    try {
      // What git writes into the work tree while it holds the lock.
      for (let i = 200; i < 600; i++)
        fs.writeFileSync(path.join(adrDir, `${String(i).padStart(4, '0')}-rebased-${i}.md`), nygardAdr({ number: i, title: `Rebased ${i}` }));
      await eventually(() => assert.ok(api.records.waitingForGit, 'the changes wait for git'));
      assert.strictEqual(api.records.records('decision').length, 6, 'nothing applied while git is at work');
      assert.strictEqual(api.records.stats.fullBuilds, before.fullBuilds);
    } finally {
      fs.rmSync(lock, { force: true });
    }
    await eventually(() => assert.strictEqual(api.records.records('decision').length, 406), 120_000);
    await watcherCaughtUp();
    assert.strictEqual(api.records.stats.fullBuilds - before.fullBuilds, 1, `re-indexes: ${JSON.stringify(before)} → ${JSON.stringify(api.records.stats)}`);
    assert.ok(api.records.stats.waitsForGit > before.waitsForGit);
  });
});

describe('records kept between builds and sessions', () => {
  /** Every record and problem of the workspace, by path: what the views are made from. */
  const snapshot = (api: Awaited<ReturnType<typeof lodestar>>): string =>
    JSON.stringify({
      records: [...api.records.records()].sort((a, b) => a.path.localeCompare(b.path)),
      problems: api.records
        .problems()
        .map((p) => `${p.path}:${p.line}:${p.code}:${p.message}`)
        .sort(),
    });

  it('a full re-index takes unchanged records from the extension storage, reads a changed one again, and lists what reading every file lists', async () => {
    const api = await lodestar();
    const file = path.join(workspaceRoot(), 'doc/adr/0002-use-postgresql.md');
    const original = fs.readFileSync(file);
    const saved = process.env.LODESTAR_NO_RECORD_CACHE;
    try {
      // A file changed less than two seconds before a build looks at it is read again by the next one, whatever its stamps say.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await api.records.rebuildAll();
      await api.records.rebuildAll();
      assert.ok(api.records.stats.keptRecords > 0, 'no record was taken from the storage');
      const kept = snapshot(api);
      process.env.LODESTAR_NO_RECORD_CACHE = '1';
      await api.records.rebuildAll();
      assert.strictEqual(api.records.stats.keptRecords, 0);
      assert.strictEqual(kept, snapshot(api), 'the kept records differ from the files read');
      delete process.env.LODESTAR_NO_RECORD_CACHE;

      // Same size, new text: the change time still tells the file changed.
      const changed = original.toString('utf8').replace('Use PostgreSQL', 'Use PostgreSQL!').replace('\n\n', '\n');
      fs.writeFileSync(file, changed);
      await api.records.rebuildAll();
      const record = api.records.records('decision').find((r) => path.normalize(r.path) === file);
      assert.strictEqual(record?.title, 'Use PostgreSQL!');
      assert.ok(api.records.stats.keptRecords > 0);
    } finally {
      if (saved === undefined) delete process.env.LODESTAR_NO_RECORD_CACHE;
      else process.env.LODESTAR_NO_RECORD_CACHE = saved;
      fs.writeFileSync(file, original);
      await api.records.refreshPaths([file]);
    }
  });
});
