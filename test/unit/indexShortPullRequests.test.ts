import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseGitConfig } from '../../src/core/pulls/configRemotes';
import { repositoryRemotes } from '../../src/cli/repositoryRemotes';
import { readRemotes } from '../../src/core/pulls/remotes';
import { createGitExecutor } from '../../src/core/git/gitExecutor';
import { buildRepo, git, gitCalls, loggingGit, makeTempDir, writeFiles } from '../fixtures/gitRepo';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

function cli(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function pullRequestsOf(root: string, env: Record<string, string> = {}): Record<string, string[]> {
  const r = cli(['index', '--json', '--root', root], env);
  assert.strictEqual(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { records: { path: string; pullRequests: string[] }[] };
  return Object.fromEntries(out.records.map((x) => [x.path, x.pullRequests]));
}

const design = (refs: string[]): string => `---\ntitle: D\nstatus: draft\npullRequests: ${JSON.stringify(refs)}\n---\n`;

function repo(refs: string[], remotes: Record<string, string>): string {
  const root = buildRepo({ 'docs/design/d.md': design(refs) });
  for (const [name, url] of Object.entries(remotes)) git(root, ['remote', 'add', name, url]);
  return root;
}

describe('lodestar index --json: short pull-request references', () => {
  it('resolves #N and o/r#N against a GitHub ssh origin', () => {
    const root = repo(['#15', 'acme/other#4', 'https://github.com/acme/pay/pull/9'], { origin: 'git@github.com:acme/pay.git' });
    assert.deepStrictEqual(pullRequestsOf(root)['docs/design/d.md'], [
      'https://github.com/acme/pay/pull/15',
      'https://github.com/acme/other/pull/4',
      'https://github.com/acme/pay/pull/9',
    ]);
  });

  it('resolves !N against a GitLab https remote, and never shows the credentials in it', () => {
    const root = repo(['!5', '#6'], { origin: 'https://oauth2:glpat-SECRET@gitlab.example.com/team/sub/pay.git' });
    const r = cli(['index', '--json', '--root', root]);
    assert.ok(!r.stdout.includes('SECRET') && !r.stdout.includes('oauth2'), r.stdout);
    // `#6` on GitLab is an issue, not a merge request: kept as written.
    assert.deepStrictEqual(pullRequestsOf(root)['docs/design/d.md'], ['https://gitlab.example.com/team/sub/pay/-/merge_requests/5', '#6']);
  });

  it('prefers origin; with one remote of another name, that one', () => {
    const both = repo(['#1'], { fork: 'https://github.com/dana/pay.git', origin: 'https://github.com/acme/pay' });
    assert.deepStrictEqual(pullRequestsOf(both)['docs/design/d.md'], ['https://github.com/acme/pay/pull/1']);
    const only = repo(['#2'], { upstream: 'ssh://git@github.com/acme/pay.git' });
    assert.deepStrictEqual(pullRequestsOf(only)['docs/design/d.md'], ['https://github.com/acme/pay/pull/2']);
  });

  it("reads a linked worktree's remotes through its .git file and commondir", () => {
    const main = repo(['#15'], { origin: 'git@github.com:acme/pay.git' });
    const tree = path.join(makeTempDir(), 'wt');
    git(main, ['worktree', 'add', '-q', tree]);
    assert.ok(fs.statSync(path.join(tree, '.git')).isFile());
    assert.deepStrictEqual(pullRequestsOf(tree)['docs/design/d.md'], ['https://github.com/acme/pay/pull/15']);
  });

  it('keeps short forms as written without a remote, and outside a repository', () => {
    const root = repo(['#15', 'acme/other#4', '!5'], {});
    assert.deepStrictEqual(pullRequestsOf(root)['docs/design/d.md'], ['#15', 'acme/other#4', '!5']);
    const plain = makeTempDir();
    writeFiles(plain, { 'docs/design/d.md': design(['#15']) });
    assert.deepStrictEqual(pullRequestsOf(plain)['docs/design/d.md'], ['#15']);
    // The remotes are read on each run: one added since resolves them.
    git(root, ['remote', 'add', 'origin', 'https://gitlab.com/acme/pay.git']);
    assert.deepStrictEqual(pullRequestsOf(root)['docs/design/d.md'], [
      '#15',
      'https://github.com/acme/other/pull/4',
      'https://gitlab.com/acme/pay/-/merge_requests/5',
    ]);
  });

  it('starts no git process, with short forms or without', () => {
    const { path: PATH, log } = loggingGit();
    const short = repo(['#15'], { origin: 'git@github.com:acme/pay.git' });
    const urls = repo(['https://github.com/acme/pay/pull/15'], { origin: 'git@github.com:acme/pay.git' });
    assert.deepStrictEqual(pullRequestsOf(short, { PATH })['docs/design/d.md'], ['https://github.com/acme/pay/pull/15']);
    assert.deepStrictEqual(pullRequestsOf(urls, { PATH })['docs/design/d.md'], ['https://github.com/acme/pay/pull/15']);
    assert.deepStrictEqual(gitCalls(log), []);
  });
});

describe('remotes from the git config file', () => {
  it('parses quotes, escapes, comments, continuations and old-style headers', () => {
    const entries = parseGitConfig(
      [
        '# top',
        '[core]',
        '\tbare = false',
        '[remote "origin"] ; comment',
        '\turl = "git@github.com:acme/pay.git" # trailing',
        '\tfetch = +refs/heads/*:refs/remotes/origin/*',
        '[Remote "We\\"ird"]',
        '\tURL = https://github.com/a/\\',
        'b.git',
        '[remote.old]',
        '\turl = https://github.com/o/r',
        '\tflag',
      ].join('\n'),
    );
    const urls = entries.filter((e) => e.section === 'remote' && e.key === 'url').map((e) => [e.subsection, e.value]);
    assert.deepStrictEqual(urls, [
      ['origin', 'git@github.com:acme/pay.git'],
      ['We"ird', 'https://github.com/a/b.git'],
      ['old', 'https://github.com/o/r'],
    ]);
    assert.deepStrictEqual(
      entries.find((e) => e.key === 'flag'),
      { section: 'remote', subsection: 'old', key: 'flag' },
    );
  });

  it('gives the remotes git remote -v gives, in the same order (insteadOf applied, first url of each)', async () => {
    const root = buildRepo({ 'a.md': 'x' });
    git(root, ['remote', 'add', 'zeta', 'https://gitlab.com/g/z.git']);
    git(root, ['remote', 'add', 'upstream', 'gh:acme/up']);
    git(root, ['remote', 'add', 'origin', 'https://user:SECRET@github.com/acme/pay.git']);
    git(root, ['remote', 'add', 'local', '/tmp/elsewhere']);
    git(root, ['config', 'url.https://github.com/.insteadOf', 'gh:']);
    git(root, ['config', '--add', 'remote.zeta.url', 'https://gitlab.com/g/second.git']);
    const fromConfig = repositoryRemotes(root);
    assert.deepStrictEqual(fromConfig, await readRemotes(createGitExecutor(root)));
    assert.deepStrictEqual(
      fromConfig.map((r) => `${r.name} ${r.owner}/${r.repo}`),
      ['origin acme/pay', 'upstream acme/up', 'zeta g/z'],
    );
    assert.ok(!JSON.stringify(fromConfig).includes('SECRET'));
  });

  it('finds the repository from a folder inside it; none outside one', () => {
    const root = buildRepo({ 'docs/design/d.md': design([]) });
    git(root, ['remote', 'add', 'origin', 'git@gitlab.com:g/p.git']);
    assert.deepStrictEqual(
      repositoryRemotes(path.join(root, 'docs', 'design')).map((r) => r.kind),
      ['gitlab'],
    );
    assert.deepStrictEqual(repositoryRemotes(makeTempDir()), []);
  });
});
