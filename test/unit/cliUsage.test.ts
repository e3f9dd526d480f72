import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildRepo, makeTempDir } from '../fixtures/gitRepo';
import { nygardAdr } from '../fixtures/recordText';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

function cli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('lodestar CLI usage: subfolders, per-command help, report --json', () => {
  const root = buildRepo({
    'doc/adr/0001-use-postgres.md': nygardAdr({ number: 1, title: 'Use Postgres' }),
    'docs/design/api.md': '---\ntitle: API\nstatus: draft\n---\n\n# API\n',
    'src/db/schema.sql': 'create table t (id int);\n',
    'packages/api/docs/adr/0001-own-queue.md': nygardAdr({ number: 1, title: 'Own queue' }),
  });
  const sub = path.join(root, 'src', 'db');

  it('run in a folder of a repository without --root: one with record folders of its own is read alone, with a note; one with none (the ADR folder itself, src/) reads the repository, with a note; at the top or with --root, no note', () => {
    const pkg = path.join(root, 'packages', 'api');
    for (const args of [['index', '--json'], ['lint'], ['search', 'postgres'], ['site', 'build', '--out', path.join(makeTempDir(), 'site')]]) {
      const command = args[0] === 'site' ? 'site build' : args[0];
      const own = cli(args, pkg);
      assert.match(
        own.stderr,
        new RegExp(`^lodestar ${command}: note: reading only .*packages[/\\\\]api, a folder inside the repository at .*; --root .* reads all of it`, 'm'),
        `${args.join(' ')}: ${own.stderr}`,
      );
      for (const folder of [sub, path.join(root, 'doc', 'adr')]) {
        const none = cli(args, folder);
        assert.match(
          none.stderr,
          new RegExp(`^lodestar ${command}: note: no record folder in .*; reading the repository at .*\\(--root \\. reads only this folder\\)`, 'm'),
          `${args.join(' ')} in ${folder}: ${none.stderr}`,
        );
      }
    }
    // The package's folder: its own record only.
    const here = cli(['index', '--json'], pkg);
    assert.deepStrictEqual(
      (JSON.parse(here.stdout) as { records: { path: string }[] }).records.map((r) => r.path),
      ['docs/adr/0001-own-queue.md'],
    );
    // The ADR folder, or src/db: the repository's records (its conventional folders: not the package's), paths from its
    // top; lint judges them (the hook checks something).
    for (const folder of [sub, path.join(root, 'doc', 'adr')]) {
      assert.strictEqual((JSON.parse(cli(['index', '--json'], folder).stdout) as { records: unknown[] }).records.length, 2);
    }
    assert.match(cli(['search', 'postgres'], path.join(root, 'doc', 'adr')).stdout, /doc\/adr\/0001-use-postgres\.md/);
    const top = cli(['index', '--json'], root);
    assert.strictEqual(top.stderr, '');
    assert.strictEqual((JSON.parse(top.stdout) as { records: unknown[] }).records.length, 2);
    // `--root .`: this folder alone, as asked, without a note.
    const asked = cli(['index', '--json', '--root', '.'], sub);
    assert.strictEqual(asked.stderr, '');
    assert.deepStrictEqual((JSON.parse(asked.stdout) as { records: unknown[] }).records, []);
    assert.strictEqual((JSON.parse(cli(['index', '--json', '--root', root], sub).stdout) as { records: unknown[] }).records.length, 2);
    // Outside any repository: nothing to say, and only the folder is read; lint says it checked nothing.
    const loose = makeTempDir();
    fs.mkdirSync(path.join(loose, 'notes'));
    assert.strictEqual(cli(['index'], path.join(loose, 'notes')).stderr, '');
    const nothing = cli(['lint'], path.join(loose, 'notes'));
    assert.deepStrictEqual([nothing.code, nothing.stdout], [0, '']);
    assert.match(nothing.stderr, /^lodestar lint: no record folder in .*notes \(no \.adr-dir, doc\/adr, docs\/adr, docs\/decisions…\): nothing was checked\n$/);
  });

  it("COMMAND --help prints that command's usage (exit 0); site --help and -h too", () => {
    for (const [command, usage] of [
      ['index', 'usage: lodestar index [--json] [--root DIR]'],
      ['lint', 'usage: lodestar lint [--json | --format'],
      ['prs', 'usage: lodestar prs [--json] [--since DATE]'],
      ['pairing', 'usage: lodestar pairing [--json] [--since DATE]'],
      ['report', 'usage: lodestar report --from DATE --to DATE'],
    ]) {
      const r = cli([command, '--help'], root);
      assert.strictEqual(r.code, 0, r.stderr);
      assert.ok(r.stdout.startsWith(usage), `${command} --help: ${r.stdout}`);
      assert.ok(!r.stdout.includes('commands:'), `${command} --help is not the general help`);
    }
    for (const flag of ['--help', '-h']) {
      const site = cli(['site', flag], root);
      assert.strictEqual(site.code, 0, site.stderr);
      assert.match(site.stdout, /^usage: lodestar site build/);
    }
    assert.match(cli(['--help'], root).stdout, /^commands:/m);
  });

  it('report --json is --format json; with --format md it is a usage error', () => {
    const asFormat = cli(['report', '--from', '2020-01-01', '--to', '2030-12-31', '--format', 'json'], root);
    const asFlag = cli(['report', '--from', '2020-01-01', '--to', '2030-12-31', '--json'], root);
    assert.strictEqual(asFlag.code, 0, asFlag.stderr);
    assert.strictEqual(asFlag.stdout, asFormat.stdout);
    assert.ok(JSON.parse(asFlag.stdout));
    const both = cli(['report', '--from', '2020-01-01', '--to', '2030-12-31', '--json', '--format', 'md'], root);
    assert.strictEqual(both.code, 2);
    assert.match(both.stderr, /--json and --format md ask for two formats/);
  });
});
