import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildRepo, writeFiles } from '../fixtures/gitRepo';
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
