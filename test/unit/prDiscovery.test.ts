import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createGitExecutor } from '../../src/core/git/gitExecutor';
import { findBranchPullRequest } from '../../src/core/pulls/branchPullRequest';
import {
  discoverPullRequestDates,
  discoverPullRequests,
  discoveredPullRequestUrl,
  parseCoAuthors,
  pullRequestFromMessage,
  remotesGiveUrls,
} from '../../src/core/pulls/prDiscovery';
import { parseRemoteUrl, readRemotes, RemoteRepo } from '../../src/core/pulls/remotes';
import { commitAt, git, initRepo, makeTempDir, mergeNoFf, writeFiles } from '../fixtures/gitRepo';

const ALICE = 'Alice Ángel <alice@example.com>';
const BOB = 'Bob Builder <bob@example.com>';
const DANA = 'Dana Lead <dana@example.com>';
const EVIL_BRANCH = 'feat/$(id>pwned);`id>pwned2`|x&y"q\'';

/** A repository whose history holds every merge style, oldest first. */
function forgeHistory(): { root: string; hashes: Record<string, string> } {
  const root = makeTempDir();
  initRepo(root);
  const h: Record<string, string> = {};
  writeFiles(root, { 'README.md': 'hi\n' });
  commitAt(root, 'Initial commit', '2025-12-01T10:00:00Z', DANA);
  // A GitHub merge commit: the branch tip by Alice (with a co-author), merged by Dana.
  git(root, ['checkout', '-q', '-b', 'feature']);
  writeFiles(root, { 'a.txt': 'a\n' });
  h.tip12 = commitAt(root, 'Add the feature\n\nCo-authored-by: Bob Builder <bob@example.com>', '2025-12-02T10:00:00Z', ALICE);
  git(root, ['checkout', '-q', 'main']);
  h.merge12 = mergeNoFf(root, 'feature', 'Merge pull request #12 from alice/feature\n\nAdd the feature', '2025-12-03T10:00:00Z', DANA);
  // Squash merges, one with co-authors (one malformed, one a bot, one duplicate).
  h.squash34 = commitAt(
    root,
    'Fix thing (#34)\n\n* Fix thing\n\nCo-authored-by: Carol Chen <carol@example.com>\nco-authored-by: CAROL CHEN <Carol@Example.com>\nCo-Authored-By: dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>\nCo-authored-by: no email here\nCo-authored-by: Renovate Bot <bot@renovateapp.com>',
    '2025-12-04T10:00:00Z',
    BOB,
  );
  // Issue references that are not pull requests.
  commitAt(root, '#56 leading issue ref', '2025-12-05T10:00:00Z', BOB);
  commitAt(root, 'Fix #57 in the middle of the subject', '2025-12-06T10:00:00Z', BOB);
  commitAt(root, 'Closes (#58) but more words', '2025-12-07T10:00:00Z', BOB);
  // GitLab merge commit.
  git(root, ['checkout', '-q', '-b', 'topic']);
  commitAt(root, 'Topic work', '2025-12-08T10:00:00Z', ALICE);
  git(root, ['checkout', '-q', 'main']);
  h.merge78 = mergeNoFf(
    root,
    'topic',
    "Merge branch 'topic' into 'main'\n\nAdd the topic\n\nSee merge request group/sub/proj!78",
    '2025-12-09T10:00:00Z',
    DANA,
  );
  // Bitbucket Cloud, Bitbucket Server, Azure DevOps.
  h.bb90 = commitAt(root, 'Merged in feature/x (pull request #90)\n\nBitbucket title\n\nApproved-by: Dana Lead', '2025-12-10T10:00:00Z', BOB);
  h.bbs95 = commitAt(root, 'Pull request #95: Server title\n\nMerge in PLAT/app from feature/y to main\n\n* commit abc', '2025-12-11T10:00:00Z', BOB);
  h.az91 = commitAt(root, 'Merged PR 91: Ajouter la fonctionnalité', '2025-12-12T10:00:00Z', ALICE);
  // Subjects in other languages.
  h.ja92 = commitAt(root, '新しい機能を追加 (#92)', '2025-12-13T10:00:00Z', ALICE);
  h.fr93 = commitAt(root, 'Ajouter l’élément « éditer » (#93)', '2025-12-14T10:00:00Z', ALICE);
  // A branch name full of shell metacharacters.
  git(root, ['checkout', '-q', '-b', EVIL_BRANCH]);
  commitAt(root, 'Evil work', '2025-12-15T10:00:00Z', BOB);
  git(root, ['checkout', '-q', 'main']);
  h.merge94 = mergeNoFf(root, EVIL_BRANCH, `Merge pull request #94 from bob/${EVIL_BRANCH}\n\nHandle odd names`, '2025-12-16T10:00:00Z', DANA);
  return { root, hashes: h };
}

describe('pull-request discovery from history', () => {
  let repo: { root: string; hashes: Record<string, string> };
  before(() => {
    repo = forgeHistory();
  });

  it("git prints only the messages that may name a PR, then the GitHub merges' branch tips: exactly what walking every commit finds", async () => {
    const gitx = createGitExecutor(repo.root);
    const remotes = [parseRemoteUrl('git@github.com:acme/app.git') as RemoteRepo, parseRemoteUrl('https://gitlab.com/group/sub/proj.git') as RemoteRepo];
    const filtered = await discoverPullRequests(gitx, remotes);
    // A bound the history never reaches: every commit is walked and handed over, in one pass.
    const walked = await discoverPullRequests(gitx, remotes, { maxCount: 1_000_000 });
    assert.deepStrictEqual(filtered.pullRequests, walked.pullRequests);
    assert.strictEqual(filtered.pullRequests.length, 9);
    // Fewer commits printed: plain commits are left out by git.
    assert.ok(filtered.commits < walked.commits, `${filtered.commits} < ${walked.commits}`);
    // A GitHub merge's author is its branch tip's (read in the second pass), with the merge's own co-authors kept.
    assert.deepStrictEqual(
      filtered.pullRequests.find((p) => p.number === 12)?.authors.map((a) => a.name),
      ['Alice Ángel'],
    );
    const messages = await discoverPullRequests(gitx, remotes, { onlyMessages: true });
    const when = (r: typeof filtered) => r.pullRequests.map((p) => [p.number, p.source, p.title, p.mergeCommit, p.mergedAt, p.url, p.branch, p.project]);
    assert.deepStrictEqual(when(messages), when(filtered));
    // onlyMessages skips the tips: a GitHub merge's author is then the merge commit's own.
    assert.deepStrictEqual(
      messages.pullRequests.find((p) => p.number === 12)?.authors.map((a) => a.name),
      ['Dana Lead'],
    );
  });

  it('a branch tip older than --since still gives its merge its author and co-authors', async () => {
    const root = makeTempDir();
    git(root, ['init', '-q', '-b', 'main']);
    commitAt(root, 'Start', '2025-01-01T10:00:00Z', DANA);
    git(root, ['checkout', '-q', '-b', 'feature']);
    commitAt(root, 'Feature work\n\nCo-authored-by: Bob Builder <bob@example.com>', '2025-01-02T10:00:00Z', ALICE);
    git(root, ['checkout', '-q', 'main']);
    commitAt(root, 'Unrelated', '2025-03-02T10:00:00Z', DANA);
    mergeNoFf(root, 'feature', 'Merge pull request #7 from alice/feature', '2025-03-03T10:00:00Z', DANA);
    const gitx = createGitExecutor(root);
    const all = await discoverPullRequests(gitx, []);
    const since = await discoverPullRequests(gitx, [], { since: '2025-03-01' });
    for (const found of [all, since]) {
      assert.strictEqual(found.pullRequests.length, 1, JSON.stringify(found.pullRequests));
      const [seven] = found.pullRequests;
      assert.strictEqual(seven.number, 7);
      assert.deepStrictEqual(
        seven.authors.map((a) => a.name),
        ['Alice Ángel'],
      );
      assert.deepStrictEqual(
        seven.coAuthors.map((a) => a.email),
        ['bob@example.com'],
      );
    }
  });

  it('merge days by URL: the same pull requests and dates as discovery, a squash-style (#N) giving way to the merge of N', async () => {
    const root = makeTempDir();
    // The forge history, then newer commits naming numbers it already has.
    git(process.cwd(), ['clone', '-q', repo.root, root]);
    commitAt(root, 'Follow-up to the feature (#12)', '2026-01-10T10:00:00Z', BOB);
    commitAt(root, 'Another fix (#34)', '2026-01-11T10:00:00Z', BOB);
    commitAt(root, "Merge branch 'again' into 'main'\n\nAgain\n\nSee merge request other/proj!78", '2026-01-12T10:00:00Z', DANA);
    const gitx = createGitExecutor(root);
    const remotes = [
      'git@github.com:acme/app.git',
      'https://gitlab.com/group/sub/proj.git',
      'git@bitbucket.org:team/app.git',
      'git@ssh.dev.azure.com:v3/contoso/Fabrikam/web',
    ].map((u) => parseRemoteUrl(u) as RemoteRepo);
    for (const known of [remotes, remotes.slice(0, 1), []]) {
      const found = await discoverPullRequests(gitx, known, { onlyMessages: true });
      const expected = new Map(found.pullRequests.filter((p) => p.url).map((p) => [p.url as string, p.mergedAt.slice(0, 10)]));
      const dates = await discoverPullRequestDates(gitx, known);
      assert.deepStrictEqual([...dates].sort(), [...expected].sort(), `${known.length} remotes`);
    }
    const dates = await discoverPullRequestDates(gitx, remotes);
    assert.strictEqual(dates.get('https://github.com/acme/app/pull/12'), '2025-12-03', 'the merge commit, not the later (#12)');
    assert.strictEqual(dates.get('https://github.com/acme/app/pull/34'), '2026-01-11', 'two squash-style subjects: the newest');
    assert.strictEqual(dates.get('https://gitlab.com/other/proj/-/merge_requests/78'), '2026-01-12', 'the newest merge request message names its project');
    assert.strictEqual(dates.get('https://gitlab.com/group/sub/proj/-/merge_requests/78'), undefined);
    assert.strictEqual(dates.get('https://bitbucket.org/team/app/pull-requests/90'), '2025-12-10');
    assert.strictEqual(dates.get('https://dev.azure.com/contoso/Fabrikam/_git/web/pullrequest/91'), '2025-12-12');
    assert.strictEqual((await discoverPullRequestDates(createGitExecutor(makeTempDir()), remotes)).size, 0, 'no repository');
    // Strict: a caller that keeps the answer hears that git failed; a repository with no commits yet is no failure.
    await assert.rejects(discoverPullRequestDates(createGitExecutor(makeTempDir()), remotes, { strict: true }), /not a git repository/);
    const fresh = makeTempDir();
    initRepo(fresh);
    assert.strictEqual((await discoverPullRequestDates(createGitExecutor(fresh), remotes, { strict: true })).size, 0);
  });

  it('finds every merged PR in one pass, newest first, and no issue numbers', async () => {
    const gitx = createGitExecutor(repo.root);
    const result = await discoverPullRequests(gitx, []);
    assert.strictEqual(result.unavailable, undefined);
    assert.deepStrictEqual(
      result.pullRequests.map((p) => [p.number, p.source, p.title, p.mergeCommit, p.url]),
      [
        [94, 'merge-commit', 'Handle odd names', repo.hashes.merge94, null],
        [93, 'squash', 'Ajouter l’élément « éditer »', repo.hashes.fr93, null],
        [92, 'squash', '新しい機能を追加', repo.hashes.ja92, null],
        [91, 'azure', 'Ajouter la fonctionnalité', repo.hashes.az91, null],
        [95, 'bitbucket', 'Server title', repo.hashes.bbs95, null],
        [90, 'bitbucket', 'Bitbucket title', repo.hashes.bb90, null],
        [78, 'gitlab', 'Add the topic', repo.hashes.merge78, null],
        [34, 'squash', 'Fix thing', repo.hashes.squash34, null],
        [12, 'merge-commit', 'Add the feature', repo.hashes.merge12, null],
      ],
    );
    assert.ok(!fs.existsSync(path.join(repo.root, 'pwned')) && !fs.existsSync(path.join(repo.root, 'pwned2')));
  });

  it('a (#N) subject newer than the merge of N gives way to the merge, which keeps the newer place in the list', async () => {
    const root = makeTempDir();
    initRepo(root);
    writeFiles(root, { 'README.md': 'hi\n' });
    commitAt(root, 'Initial commit', '2025-12-01T10:00:00Z', DANA);
    git(root, ['checkout', '-q', '-b', 'feature']);
    writeFiles(root, { 'a.txt': 'a\n' });
    commitAt(root, 'Add the feature', '2025-12-02T10:00:00Z', ALICE);
    git(root, ['checkout', '-q', 'main']);
    const merge5 = mergeNoFf(root, 'feature', 'Merge pull request #5 from alice/feature\n\nAdd the feature', '2025-12-03T10:00:00Z', DANA);
    commitAt(root, 'Cache the tokens (#6)', '2025-12-04T10:00:00Z', BOB);
    commitAt(root, 'Fix the typo from (#5)', '2025-12-05T10:00:00Z', BOB);
    commitAt(root, 'Speed up the build (#7)', '2025-12-06T10:00:00Z', BOB);
    const result = await discoverPullRequests(createGitExecutor(root), []);
    assert.deepStrictEqual(
      result.pullRequests.map((p) => [p.number, p.source, p.title, p.authors[0].email]),
      [
        [7, 'squash', 'Speed up the build', 'bob@example.com'],
        [5, 'merge-commit', 'Add the feature', 'alice@example.com'],
        [6, 'squash', 'Cache the tokens', 'bob@example.com'],
      ],
    );
    assert.strictEqual(result.pullRequests[1].mergeCommit, merge5);
  });

  it('authors: the merged branch tip for GitHub merges, the commit author otherwise; co-authors without bots, malformed lines or duplicates', async () => {
    const result = await discoverPullRequests(createGitExecutor(repo.root), []);
    const pr = (n: number) => result.pullRequests.find((p) => p.number === n)!;
    assert.deepStrictEqual(pr(12).authors, [{ name: 'Alice Ángel', email: 'alice@example.com' }]);
    assert.deepStrictEqual(pr(12).coAuthors, [{ name: 'Bob Builder', email: 'bob@example.com' }]);
    assert.strictEqual(pr(12).branch, 'feature');
    assert.strictEqual(pr(94).branch, EVIL_BRANCH);
    assert.deepStrictEqual(pr(94).authors, [{ name: 'Bob Builder', email: 'bob@example.com' }]);
    assert.deepStrictEqual(pr(34).authors, [{ name: 'Bob Builder', email: 'bob@example.com' }]);
    assert.deepStrictEqual(pr(34).coAuthors, [{ name: 'Carol Chen', email: 'carol@example.com' }]);
    assert.strictEqual(pr(12).mergedAt, '2025-12-03T10:00:00Z'.replace('Z', '+00:00'));
    assert.strictEqual(pr(78).project, 'group/sub/proj');
  });

  it('builds URLs from the first remote of each forge', async () => {
    const root = repo.root;
    git(root, ['remote', 'add', 'origin', 'https://dana:ghp_SECRETTOKEN@github.com/acme/widgets.git']);
    git(root, ['remote', 'add', 'gl', 'git@gitlab.corp.example:group/sub/proj.git']);
    git(root, ['remote', 'add', 'bb', 'git@bitbucket.org:team/app.git']);
    git(root, ['remote', 'add', 'az', 'git@ssh.dev.azure.com:v3/contoso/Fabrikam/web']);
    try {
      const gitx = createGitExecutor(root);
      const result = await discoverPullRequests(gitx, await readRemotes(gitx));
      const url = (n: number) => result.pullRequests.find((p) => p.number === n)?.url;
      assert.strictEqual(url(12), 'https://github.com/acme/widgets/pull/12');
      assert.strictEqual(url(34), 'https://github.com/acme/widgets/pull/34');
      assert.strictEqual(url(78), 'https://gitlab.corp.example/group/sub/proj/-/merge_requests/78');
      assert.strictEqual(url(90), 'https://bitbucket.org/team/app/pull-requests/90');
      assert.strictEqual(url(91), 'https://dev.azure.com/contoso/Fabrikam/_git/web/pullrequest/91');
      assert.ok(!JSON.stringify(result).includes('SECRETTOKEN'));
    } finally {
      for (const r of ['origin', 'gl', 'bb', 'az']) git(root, ['remote', 'remove', r]);
    }
  });

  it('Bitbucket Cloud merge and squash commits made by git give the titles their messages hold', async () => {
    const root = makeTempDir();
    git(root, ['init', '-q', '-b', 'main']);
    commitAt(root, 'Start', '2026-01-01T10:00:00Z', DANA);
    git(root, ['checkout', '-q', '-b', 'feature/importer']);
    commitAt(root, 'Importer work', '2026-01-02T10:00:00Z', ALICE);
    git(root, ['checkout', '-q', 'main']);
    const merge = mergeNoFf(
      root,
      'feature/importer',
      'Merged in feature/importer (pull request #21)\n\nAdd the importer\n\nApproved-by: Dana Lead',
      '2026-01-03T10:00:00Z',
      DANA,
    );
    const squash = commitAt(
      root,
      'Merged in feature/exporter (pull request #22)\n\nAdd the exporter\n\n* Start the exporter\n\n* Fix the test\n\nApproved-by: Dana Lead',
      '2026-01-04T10:00:00Z',
      BOB,
    );
    const found = await discoverPullRequests(createGitExecutor(root), [parseRemoteUrl('git@bitbucket.org:team/app.git') as RemoteRepo]);
    assert.deepStrictEqual(
      found.pullRequests.map((p) => [p.number, p.title, p.source, p.mergeCommit, p.branch, p.url]),
      [
        [22, 'Add the exporter', 'bitbucket', squash, 'feature/exporter', 'https://bitbucket.org/team/app/pull-requests/22'],
        [21, 'Add the importer', 'bitbucket', merge, 'feature/importer', 'https://bitbucket.org/team/app/pull-requests/21'],
      ],
    );
  });

  it("since: only PRs merged from that date; a merge whose branch tip is older still gets the tip's author", async () => {
    const gitx = createGitExecutor(repo.root);
    const recent = await discoverPullRequests(gitx, [], { since: '2025-12-12' });
    assert.deepStrictEqual(
      recent.pullRequests.map((p) => p.number),
      [94, 93, 92, 91],
    );
    const cut = await discoverPullRequests(gitx, [], { since: '2025-12-03' });
    const pr12 = cut.pullRequests.find((p) => p.number === 12)!;
    assert.deepStrictEqual(pr12.authors, [{ name: 'Alice Ángel', email: 'alice@example.com' }]);
    await assert.rejects(discoverPullRequests(gitx, [], { since: 'yesterday; rm -rf /' }), /not a date/);
  });

  it('no git repository and no commits are not errors', async () => {
    const empty = makeTempDir();
    const none = await discoverPullRequests(createGitExecutor(empty), []);
    assert.deepStrictEqual(none.pullRequests, []);
    assert.ok(none.unavailable);
    initRepo(empty);
    const fresh = await discoverPullRequests(createGitExecutor(empty), []);
    assert.deepStrictEqual(fresh.pullRequests, []);
    assert.match(fresh.unavailable ?? '', /no commits/);
  });

  it("the current branch's PR: from the upstream ref, else from a merge in history naming the branch", async () => {
    const root = repo.root;
    const gitx = createGitExecutor(root);
    git(root, ['remote', 'add', 'origin', 'git@github.com:acme/widgets.git']);
    try {
      const remotes = await readRemotes(gitx);
      git(root, ['checkout', '-q', EVIL_BRANCH]);
      let found = await findBranchPullRequest(gitx, remotes);
      assert.strictEqual(found.branch, EVIL_BRANCH);
      assert.deepStrictEqual(found.pullRequest, {
        number: 94,
        url: 'https://github.com/acme/widgets/pull/94',
        title: 'Handle odd names',
        state: 'merged',
        source: 'history',
      });
      git(root, ['checkout', '-q', '-b', 'review-77', 'main']);
      git(root, ['config', 'branch.review-77.remote', 'origin']);
      git(root, ['config', 'branch.review-77.merge', 'refs/pull/77/head']);
      found = await findBranchPullRequest(gitx, remotes);
      assert.deepStrictEqual(found.pullRequest, { number: 77, url: 'https://github.com/acme/widgets/pull/77', source: 'upstream' });
      git(root, ['checkout', '-q', '--detach', 'main']);
      found = await findBranchPullRequest(gitx, remotes);
      assert.deepStrictEqual(found, { branch: null, pullRequest: null });
    } finally {
      git(root, ['checkout', '-q', 'main']);
      git(root, ['remote', 'remove', 'origin']);
    }
  });
});

describe('whether remotes give discovered pull requests a URL', () => {
  it('is false exactly when no source of pull request finds a remote', () => {
    assert.strictEqual(remotesGiveUrls([]), false);
    for (const url of ['git@github.com:o/r.git', 'https://gitlab.com/g/sub/p.git', 'https://bitbucket.org/w/r.git', 'https://dev.azure.com/org/proj/_git/r']) {
      const remote = parseRemoteUrl(url) as RemoteRepo;
      assert.ok(remote, url);
      assert.strictEqual(remotesGiveUrls([remote]), true, url);
      const sources = (['merge-commit', 'squash', 'gitlab', 'bitbucket', 'azure'] as const).filter(
        (source) => discoveredPullRequestUrl({ number: 1, source }, [remote]) !== null,
      );
      assert.ok(sources.length > 0, url);
    }
    for (const source of ['merge-commit', 'squash', 'gitlab', 'bitbucket', 'azure'] as const)
      assert.strictEqual(discoveredPullRequestUrl({ number: 1, source }, []), null);
  });
});

describe('pull-request messages', () => {
  const read = (message: string) => {
    const nl = message.indexOf('\n\n');
    const m = pullRequestFromMessage(nl === -1 ? message : message.slice(0, nl), nl === -1 ? '' : message.slice(nl + 2));
    return m && [m.number, m.source, m.title];
  };

  it('recognises each forge and nothing else', () => {
    assert.deepStrictEqual(read('Merge pull request #5 from a/b'), [5, 'merge-commit', 'Merge pull request #5 from a/b']);
    assert.deepStrictEqual(read('Update deps (#7)  '), [7, 'squash', 'Update deps']);
    assert.deepStrictEqual(read('Fix #3 for good (#8)'), [8, 'squash', 'Fix #3 for good']);
    assert.deepStrictEqual(read('Revert "Fix thing (#34)" (#40)'), [40, 'squash', 'Revert "Fix thing (#34)"']);
    assert.deepStrictEqual(read('Squashed change\n\nSee merge request g/p!9'), [9, 'gitlab', 'Squashed change']);
    assert.deepStrictEqual(read('Merged PR 11: Título'), [11, 'azure', 'Título']);
    for (const message of [
      '#56 leading issue ref',
      'Fix #57',
      'Revert "Fix thing (#34)"',
      'Merge branch main',
      'Bump (#0)',
      'Huge (#99999999999)',
      'Pull request #3: no Bitbucket body',
      'Merge pull request #0 from a/b',
    ]) {
      assert.strictEqual(read(message), undefined, message);
    }
  });

  it("Bitbucket Cloud: the PR's title, not `Merged in …`, for merges and squashes; approvals and squashed commits are no title", () => {
    assert.deepStrictEqual(read('Merged in feature/x (pull request #8)\n\nAdd the importer\n\nApproved-by: Dana Lead'), [8, 'bitbucket', 'Add the importer']);
    // The squash form: the title, the squashed commits, the approvals.
    assert.deepStrictEqual(
      read(
        'Merged in feature/x (pull request #9)\n\nAdd the exporter\n\n* Start the exporter\n\n* Fix the test\n\nApproved-by: Dana Lead\nApproved-by: Sam Staff',
      ),
      [9, 'bitbucket', 'Add the exporter'],
    );
    // The title deleted: an approval or a squashed commit is not one, the subject stands in.
    assert.deepStrictEqual(read('Merged in feature/x (pull request #10)\n\nApproved-by: Dana Lead'), [
      10,
      'bitbucket',
      'Merged in feature/x (pull request #10)',
    ]);
    assert.deepStrictEqual(read('Merged in feature/x (pull request #11)\n\n* Start\n\n* Finish'), [11, 'bitbucket', 'Merged in feature/x (pull request #11)']);
    // The title on the very next line: git joins it to the subject.
    assert.deepStrictEqual(pullRequestFromMessage('Merged in feature/x (pull request #12) Add the importer', '')?.title, 'Add the importer');
    // A subject edited to the title.
    assert.deepStrictEqual(read('Add the importer (pull request #13)\n\nApproved-by: Dana Lead'), [13, 'bitbucket', 'Add the importer']);
    assert.deepStrictEqual(read('Fix (pull request #0)'), undefined);
    // GitHub and GitLab merges whose first body line is a trailer keep their subject too.
    assert.deepStrictEqual(read('Merge pull request #5 from a/b\n\nCo-authored-by: Eve <eve@example.com>'), [
      5,
      'merge-commit',
      'Merge pull request #5 from a/b',
    ]);
    assert.deepStrictEqual(read("Merge branch 'b' into 'main'\n\nSigned-off-by: Eve <eve@example.com>\n\nSee merge request g/p!6"), [
      6,
      'gitlab',
      "Merge branch 'b' into 'main'",
    ]);
  });

  it('co-author trailers: any key case, bots and malformed lines skipped', () => {
    assert.deepStrictEqual(
      parseCoAuthors(
        'x\n\nCO-AUTHORED-BY: Eve <eve@example.com>\nCo-authored-by: <nobody@example.com>\nCo-authored-by: github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>',
      ),
      [{ name: 'Eve', email: 'eve@example.com' }],
    );
  });
});
