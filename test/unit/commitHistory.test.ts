import * as assert from 'assert';
import { CommitFeed, HistoryCommit, scanHistory } from '../../src/core/git/commitHistory';
import { createGitExecutor } from '../../src/core/git/gitExecutor';
import { commitAt, git, makeTempDir } from '../fixtures/gitRepo';

const ALICE = 'Alice Ángel <alice@example.com>';

describe('history scans of given commits', () => {
  it('a CommitFeed hands hashes to git as they come, before and after git starts; git prints them once the feed ends', async () => {
    const root = makeTempDir();
    git(root, ['init', '-q', '-b', 'main']);
    const first = commitAt(root, 'First', '2025-01-01T10:00:00Z', ALICE);
    const second = commitAt(root, 'Second\n\nCo-authored-by: Bob <bob@example.com>', '2025-01-02T10:00:00Z', ALICE);
    const third = commitAt(root, 'Third', '2025-01-03T10:00:00Z', ALICE);
    const feed = new CommitFeed();
    // Before the scan starts (buffered), then while it runs; a hash the repository lacks is skipped.
    feed.add(third);
    const seen: HistoryCommit[] = [];
    const scan = scanHistory(createGitExecutor(root), (c) => seen.push(c), { commits: feed });
    await new Promise((resolve) => setTimeout(resolve, 50));
    feed.add('0'.repeat(40));
    feed.add(first);
    assert.strictEqual(seen.length, 0, 'nothing is printed before the feed ends');
    feed.end();
    feed.add(second);
    const result = await scan;
    assert.deepStrictEqual(
      seen.map((c) => c.subject),
      ['Third', 'First'],
    );
    assert.strictEqual(result.commits, 2);
    assert.throws(() => new CommitFeed().add('HEAD; rm -rf /'), /not a commit hash/);
  });

  it('a CommitFeed hands many hashes over in a few writes, every one of them, each on its own line', () => {
    const writes: string[] = [];
    let ended = false;
    const feed = new CommitFeed();
    const hashes = Array.from({ length: 5000 }, (_, i) => i.toString(16).padStart(40, 'a'));
    for (const h of hashes.slice(0, 10)) feed.add(h);
    feed.attach({ write: (text) => writes.push(text), end: () => (ended = true) });
    for (const h of hashes.slice(10)) feed.add(h);
    assert.strictEqual(ended, false);
    feed.end();
    assert.strictEqual(ended, true);
    assert.strictEqual(writes.join(''), hashes.map((h) => `${h}\n`).join(''));
    // Not a pipe write (and a wake-up of git) per hash.
    assert.ok(writes.length <= 60, `${writes.length} writes for 5,000 hashes`);
  });

  it('a list of commits, in the order given, with bodies; an empty list runs no git', async () => {
    const root = makeTempDir();
    git(root, ['init', '-q', '-b', 'main']);
    const a = commitAt(root, 'A', '2025-01-01T10:00:00Z', ALICE);
    const b = commitAt(root, 'B\n\nCo-authored-by: Bob <bob@example.com>', '2025-01-02T10:00:00Z', ALICE);
    const seen: HistoryCommit[] = [];
    await scanHistory(createGitExecutor(root), (c) => seen.push(c), { commits: [a, b] });
    assert.deepStrictEqual(
      seen.map((c) => [c.hash, c.subject, c.body]),
      [
        [a, 'A', ''],
        [b, 'B', 'Co-authored-by: Bob <bob@example.com>'],
      ],
    );
    const none = await scanHistory(createGitExecutor(makeTempDir()), () => assert.fail('no commit'), { commits: [] });
    assert.deepStrictEqual(none, { commits: 0 });
  });
});
