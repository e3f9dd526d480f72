import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildRepo, commitAll, git, initRepo, makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { nygardAdr } from '../fixtures/recordText';
import { runCli } from './cliInProcess';

/** A repository with one warning (a proposed record with template text) and one info (a number gap). */
function repoWithWarnings(): string {
  return buildRepo({
    'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }),
    'doc/adr/0003-b.md': nygardAdr({ number: 3, title: 'B', status: 'Proposed', template: true }),
  });
}

describe('lodestar lint: .lodestar.yml and --warnings-as-errors', () => {
  it('warnings and info do not fail lint; --warnings-as-errors fails on the warning', async () => {
    const root = repoWithWarnings();
    const plain = await runCli(['lint', '--root', root]);
    assert.strictEqual(plain.code, 0);
    assert.deepStrictEqual(
      plain.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(' ').slice(0, 3).join(' ')),
      ['doc/adr/0003-b.md:1: info number-gap', 'doc/adr/0003-b.md:11: warning template-placeholder'],
    );
    assert.strictEqual((await runCli(['lint', '--warnings-as-errors', '--root', root])).code, 1);
  });

  it('the repository file changes severities, switches rules off and ignores paths', async () => {
    const root = repoWithWarnings();
    writeFiles(root, { '.lodestar.yml': 'rules:\n  number-gap: off\n  template-placeholder: error\n' });
    const stricter = await runCli(['lint', '--json', '--root', root]);
    assert.strictEqual(stricter.code, 1);
    assert.deepStrictEqual(
      (JSON.parse(stricter.stdout) as { problems: { code: string; severity: string }[] }).problems.map((p) => `${p.code} ${p.severity}`),
      ['template-placeholder error'],
    );
    writeFiles(root, { '.lodestar.yml': 'ignore:\n  - doc/adr/0003-*.md\n' });
    const ignored = await runCli(['lint', '--warnings-as-errors', '--root', root]);
    assert.deepStrictEqual([ignored.code, ignored.stdout], [0, '']);
  });

  it('a configuration it cannot follow is a clear error, exit 2, and nothing is linted', async () => {
    const root = repoWithWarnings();
    writeFiles(root, { '.lodestar.yml': 'rules:\n  number-gap: off\nwarnings: error\n' });
    const r = await runCli(['lint', '--root', root]);
    assert.deepStrictEqual([r.code, r.stdout], [2, '']);
    assert.strictEqual(r.stderr, 'lodestar: .lodestar.yml:3: unknown key "warnings". .lodestar.yml takes rules and ignore.\n');
  });

  it('bad usage: an unknown format, --json with another format, --branches without --base', async () => {
    for (const args of [
      ['--format', 'xml'],
      ['--json', '--format', 'sarif'],
      ['--branches', 'origin/*'],
      ['--base', '-x'],
    ]) {
      const r = await runCli(['lint', ...args, '--root', repoWithWarnings()]);
      assert.strictEqual(r.code, 2, args.join(' '));
      assert.match(
        r.stderr,
        /^lodestar: (--format must be one of text, json, github, sarif|--json and --format disagree|--branches goes with --base|--base needs a branch)/,
        args.join(' '),
      );
    }
  });
});

describe('lodestar lint when git refuses to read the repository', () => {
  it('says the other branches could not be read, and number-gap no longer claims to have looked there', async () => {
    const root = repoWithWarnings();
    const before = await runCli(['lint', '--root', root]);
    assert.match(before.stdout, /Number 2 is not used here or on another branch/);
    assert.strictEqual(before.stderr, '');
    // A repository git stops at (as one another user owns does, or a damaged ref file).
    fs.writeFileSync(path.join(root, '.git/packed-refs'), 'not a ref line\n');
    const after = await runCli(['lint', '--root', root]);
    assert.match(after.stdout, /Number 2 is not used here: this record follows 0001-a\.md\./);
    assert.match(
      after.stderr,
      /the decision numbers of other branches in doc\/adr could not be read \(git: .*packed-refs.*\); number-on-other-branch is not checked/,
    );
    assert.strictEqual(after.code, 0);
  });
});

/** `lodestar adr …` runs in the folder it is started in, as adr-tools does. */
async function adrIn(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const before = process.cwd();
  const env = { ADR_DATE: process.env.ADR_DATE, VISUAL: process.env.VISUAL, EDITOR: process.env.EDITOR };
  process.chdir(cwd);
  Object.assign(process.env, { ADR_DATE: '2026-11-21', VISUAL: '', EDITOR: '' });
  try {
    return await runCli(['adr', ...args]);
  } finally {
    process.chdir(before);
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** `code severity` of each problem lint prints, with its exit code. */
async function lintOf(root: string): Promise<{ code: number; problems: string[]; messages: string[] }> {
  const r = await runCli(['lint', '--json', '--root', root]);
  const problems = (JSON.parse(r.stdout) as { problems: { path: string; code: string; severity: string; message: string }[] }).problems;
  return { code: r.code, problems: problems.map((p) => `${p.path} ${p.code} ${p.severity}`), messages: problems.map((p) => p.message) };
}

describe('lodestar lint right after `adr new`: template text in an accepted record', () => {
  it('is a warning until the record is committed, and an error once it is', async () => {
    const root = buildRepo({ 'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }) });
    assert.strictEqual((await adrIn(root, ['new', 'Use', 'Kafka'])).stdout, 'doc/adr/0002-use-kafka.md\n');
    const fresh = await lintOf(root);
    assert.deepStrictEqual([fresh.code, fresh.problems], [0, ['doc/adr/0002-use-kafka.md template-placeholder warning']]);
    assert.match(fresh.messages[0], /the record is accepted, so this is an error once it is committed/);
    // Added to the index is not committed yet.
    git(root, ['add', 'doc/adr/0002-use-kafka.md']);
    assert.deepStrictEqual((await lintOf(root)).problems, ['doc/adr/0002-use-kafka.md template-placeholder warning']);
    commitAll(root, 'Use Kafka');
    const committed = await lintOf(root);
    assert.deepStrictEqual([committed.code, committed.problems], [1, ['doc/adr/0002-use-kafka.md template-placeholder error']]);
    assert.match(committed.messages[0], /and the record is accepted\./);
    // A committed record edited since is still a committed record.
    fs.appendFileSync(path.join(root, 'doc/adr/0002-use-kafka.md'), '\nMore later.\n');
    assert.strictEqual((await lintOf(root)).code, 1);
  });

  it('in a repository with no commits yet every record is new; outside a repository nothing tells, and it is an error', async () => {
    const unborn = makeTempDir();
    initRepo(unborn);
    assert.strictEqual((await adrIn(unborn, ['init'])).code, 0);
    assert.strictEqual((await adrIn(unborn, ['new', 'Use', 'Kafka'])).code, 0);
    assert.deepStrictEqual(await lintOf(unborn).then((l) => [l.code, l.problems]), [0, ['doc/adr/0002-use-kafka.md template-placeholder warning']]);

    const noRepo = makeTempDir();
    assert.strictEqual((await adrIn(noRepo, ['init'])).code, 0);
    assert.strictEqual((await adrIn(noRepo, ['new', 'Use', 'Kafka'])).code, 0);
    assert.deepStrictEqual(await lintOf(noRepo).then((l) => [l.code, l.problems]), [1, ['doc/adr/0002-use-kafka.md template-placeholder error']]);
  });

  it('a proposed record with template text is a warning, committed or not', async () => {
    const root = repoWithWarnings();
    writeFiles(root, { 'doc/adr/0002-c.md': nygardAdr({ number: 2, title: 'C', status: 'Proposed', template: true }) });
    const l = await lintOf(root);
    assert.deepStrictEqual(
      [l.code, l.problems.filter((p) => p.includes('template'))],
      [0, ['doc/adr/0002-c.md template-placeholder warning', 'doc/adr/0003-b.md template-placeholder warning']],
    );
  });
});
