import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  branchNumberConflicts,
  ClaimedNumbers,
  claimedNumbersOnOtherBranches,
  nextDecisionNumber,
  numbersTakenFrom,
  otherBranchesUnreadable,
} from '../../src/core/decisions/claimedNumbers';
import { createGitExecutor } from '../../src/core/git/gitExecutor';
import { buildRepo, commitAll, git, makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { nygardAdr } from '../fixtures/recordText';

describe('numbers claimed on other branches', () => {
  it('finds numbers on local and remote-tracking branches, not on the current one', async () => {
    const origin = buildRepo({ 'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }), 'doc/adr/0002-b.md': nygardAdr({ number: 2, title: 'B' }) });
    git(origin, ['checkout', '-q', '-b', 'teammate']);
    writeFiles(origin, { 'doc/adr/0004-teammates-record.md': nygardAdr({ number: 4, title: 'Teammate' }) });
    commitAll(origin, 'Add 4 on teammate');
    git(origin, ['checkout', '-q', 'main']);
    const clone = path.join(makeTempDir(), 'clone');
    git(path.dirname(clone), ['clone', '-q', origin, clone]);
    git(clone, ['checkout', '-q', '-b', 'feature']);
    writeFiles(clone, { 'doc/adr/0003-feature-record.md': nygardAdr({ number: 3, title: 'Feature' }) });
    commitAll(clone, 'Add 3 on feature');
    git(clone, ['checkout', '-q', 'main']);

    const claimed = await claimedNumbersOnOtherBranches(createGitExecutor(path.join(clone, 'doc/adr')));
    assert.strictEqual(claimed.unavailable, undefined);
    assert.deepStrictEqual(
      [...claimed.byNumber.entries()].sort((a, b) => a[0] - b[0]),
      [
        [1, [{ file: '0001-a.md', branches: ['feature', 'origin/main', 'origin/teammate'] }]],
        [2, [{ file: '0002-b.md', branches: ['feature', 'origin/main', 'origin/teammate'] }]],
        [3, [{ file: '0003-feature-record.md', branches: ['feature'] }]],
        [4, [{ file: '0004-teammates-record.md', branches: ['origin/teammate'] }]],
      ],
    );
    assert.strictEqual(nextDecisionNumber([1, 2], claimed), 5);
    const conflicts = branchNumberConflicts(
      [
        { number: 1, file: '0001-a.md' },
        { number: 3, file: '0003-my-own-idea.md' },
      ],
      claimed,
    );
    assert.deepStrictEqual(conflicts, [{ number: 3, file: '0003-my-own-idea.md', others: [{ file: '0003-feature-record.md', branches: ['feature'] }] }]);
  });

  it('numbersTakenFrom names only the numbers other branches use from the next one here on, with their branches', () => {
    const claims = (entries: [number, [string, string[]][]][]): ClaimedNumbers => ({
      byNumber: new Map(entries.map(([n, cs]) => [n, cs.map(([file, branches]) => ({ file, branches }))])),
    });
    assert.strictEqual(numbersTakenFrom(claims([[3, [['0003-x.md', ['a']]]]]), 4), undefined);
    assert.deepStrictEqual(numbersTakenFrom(claims([[9, [['0009-feature-thing.md', ['feature']]]]]), 8), {
      numbers: [9],
      using: 10,
      note: '9 is taken on another branch (feature); using 10.',
    });
    assert.strictEqual(numbersTakenFrom(claims([[8, [['0008-x.md', ['a', 'origin/a']]]]]), 8)?.note, '8 is taken on other branches (a, origin/a); using 9.');
    assert.strictEqual(
      numbersTakenFrom(
        claims([
          [2, [['0002-old.md', ['a']]]],
          [5, [['0005-x.md', ['a']]]],
          [
            7,
            [
              ['0007-y.md', ['b']],
              ['0007-z.md', ['a', 'c']],
            ],
          ],
        ]),
        4,
      )?.note,
      '5 and 7 are taken on other branches (5: a; 7: a, b, c); using 8.',
    );
    assert.strictEqual(
      numbersTakenFrom(
        claims([
          [4, [['0004-x.md', ['a']]]],
          [5, [['0005-y.md', ['a']]]],
          [6, [['0006-z.md', ['a']]]],
        ]),
        4,
      )?.note,
      '4, 5 and 6 are taken on another branch (a); using 7.',
    );
  });

  it('a translation named with a language code is no second record: here of a record there, or there of one here', () => {
    const claimed = {
      byNumber: new Map([
        [3, [{ file: '0003-use-postgres.md', branches: ['colleague'] }]],
        [4, [{ file: '0004-cache-fr.md', branches: ['colleague'] }]],
        [
          5,
          [
            { file: '0005-other-de.md', branches: ['colleague'] },
            { file: '0005-another.md', branches: ['colleague'] },
          ],
        ],
      ]),
    } as unknown as Parameters<typeof branchNumberConflicts>[1];
    const conflicts = branchNumberConflicts(
      [
        { number: 3, file: '0003-utiliser-postgres-fr.md' },
        { number: 4, file: '0004-cache.md' },
        { number: 5, file: '0005-mine.md' },
      ],
      claimed,
    );
    // 5: another record there (its translation aside) is still a clash.
    assert.deepStrictEqual(conflicts, [{ number: 5, file: '0005-mine.md', others: [{ file: '0005-another.md', branches: ['colleague'] }] }]);
  });

  it('a branch git cannot list is named, and the other branches are still read', async () => {
    const repo = buildRepo({ 'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }) });
    git(repo, ['checkout', '-q', '-b', 'teammate']);
    writeFiles(repo, { 'doc/adr/0002-teammates-record.md': nygardAdr({ number: 2, title: 'Teammate' }) });
    commitAll(repo, 'Add 2 on teammate');
    git(repo, ['checkout', '-q', 'main']);
    // A ref to something that is not a commit (a damaged ref, a blob written over it): git lists it, ls-tree fails.
    fs.writeFileSync(path.join(repo, 'not-a-commit.txt'), 'not a commit\n');
    const blob = git(repo, ['hash-object', '-w', 'not-a-commit.txt']).trim();
    fs.writeFileSync(path.join(repo, '.git/refs/heads/damaged'), `${blob}\n`);

    const claimed = await claimedNumbersOnOtherBranches(createGitExecutor(path.join(repo, 'doc/adr')));
    assert.strictEqual(claimed.unavailable, undefined);
    assert.deepStrictEqual([...claimed.byNumber.keys()].sort(), [1, 2]);
    assert.deepStrictEqual(claimed.unreadBranches?.names, ['damaged']);
    assert.match(otherBranchesUnreadable(claimed) ?? '', /^branch damaged: .+/);
    assert.strictEqual(nextDecisionNumber([1], claimed), 3);
  });

  it('without git, or outside a repository, says why and claims nothing', async () => {
    const plain = makeTempDir();
    fs.mkdirSync(path.join(plain, 'doc/adr'), { recursive: true });
    const claimed = await claimedNumbersOnOtherBranches(createGitExecutor(path.join(plain, 'doc/adr')));
    assert.match(claimed.unavailable ?? '', /not a git repository/);
    assert.strictEqual(nextDecisionNumber([1, 7, null], claimed), 8);
    const savedPath = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const noGit = await claimedNumbersOnOtherBranches(createGitExecutor(path.join(plain, 'doc/adr')));
      assert.match(noGit.unavailable ?? '', /git is not installed/);
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it('repo-local config cannot make it run programs', async () => {
    const repo = buildRepo({ 'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }) });
    const marker = path.join(makeTempDir(), 'fired');
    const script = path.join(makeTempDir(), 'evil.sh');
    fs.writeFileSync(script, `#!/bin/sh\ntouch ${marker}\n`, { mode: 0o755 });
    fs.mkdirSync(path.join(repo, 'hooks'));
    for (const hook of ['post-checkout', 'reference-transaction', 'post-index-change']) fs.copyFileSync(script, path.join(repo, 'hooks', hook));
    git(repo, ['config', 'core.fsmonitor', script]);
    git(repo, ['config', 'core.hooksPath', path.join(repo, 'hooks')]);
    git(repo, ['branch', 'other']);
    await claimedNumbersOnOtherBranches(createGitExecutor(path.join(repo, 'doc/adr')));
    assert.strictEqual(fs.existsSync(marker), false, 'no repo-local program ran');
  });
});
