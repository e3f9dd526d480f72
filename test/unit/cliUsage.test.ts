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
  });
  const sub = path.join(root, 'src', 'db');

  it('run in a folder of a repository without --root, commands say they read only that folder; at the top or with --root they do not', () => {
    for (const args of [['index', '--json'], ['lint'], ['search', 'postgres'], ['site', 'build', '--out', path.join(makeTempDir(), 'site')]]) {
      const r = cli(args, sub);
      const command = args[0] === 'site' ? 'site build' : args[0];
      assert.match(
        r.stderr,
        new RegExp(`^lodestar ${command}: note: reading only .*src[/\\\\]db, a folder inside the repository at .*; --root .* reads all of it`, 'm'),
        `${args.join(' ')}: ${r.stderr}`,
      );
    }
    // What the folder holds is still what is read: none of the repository's records.
    const here = cli(['index', '--json'], sub);
    assert.deepStrictEqual((JSON.parse(here.stdout) as { records: unknown[] }).records, []);
    const top = cli(['index', '--json'], root);
    assert.strictEqual(top.stderr, '');
    assert.strictEqual((JSON.parse(top.stdout) as { records: unknown[] }).records.length, 2);
    assert.strictEqual(cli(['index', '--json', '--root', '.'], sub).stderr, '');
    assert.strictEqual((JSON.parse(cli(['index', '--json', '--root', root], sub).stdout) as { records: unknown[] }).records.length, 2);
    // Outside any repository: nothing to say.
    const loose = makeTempDir();
    fs.mkdirSync(path.join(loose, 'notes'));
    assert.strictEqual(cli(['index'], path.join(loose, 'notes')).stderr, '');
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
