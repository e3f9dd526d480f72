import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildRepo, makeTempDir } from '../fixtures/gitRepo';
import { nygardAdr } from '../fixtures/recordText';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

describe('dist/cli.js keeps V8 compiled code between runs', () => {
  const repo = buildRepo({ 'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }), 'doc/adr/0002-b.md': nygardAdr({ number: 2, title: 'B' }) });
  const run = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, [CLI, 'adr', 'list'], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...env } });
  const expected = 'doc/adr/0001-a.md\ndoc/adr/0002-b.md\n';

  it('the first run writes the cache in the user cache folder, the next uses it as it is; a damaged one is replaced', () => {
    const folder = path.join(makeTempDir('lodestar-code-cache-'), 'cache');
    const first = run({ LODESTAR_CACHE_DIR: folder });
    assert.strictEqual(first.status, 0, first.stderr);
    assert.strictEqual(first.stdout, expected);
    const files = fs.readdirSync(folder);
    assert.strictEqual(files.length, 1, files.join(', '));
    assert.match(files[0], /^cli-code-adr-list-\d+-\d+-v[\d.]+-\w+\.bin$/);
    const file = path.join(folder, files[0]);
    if (process.platform !== 'win32') assert.strictEqual(fs.statSync(folder).mode & 0o077, 0, 'only the user may write code V8 trusts');
    const written = fs.readFileSync(file);
    assert.ok(written.length > 10_000);

    const second = run({ LODESTAR_CACHE_DIR: folder });
    assert.strictEqual(second.stdout, expected);
    assert.ok(fs.readFileSync(file).equals(written), 'a cache V8 accepted is not written again');

    fs.writeFileSync(file, Buffer.from('not V8 code at all'));
    const damaged = run({ LODESTAR_CACHE_DIR: folder });
    assert.strictEqual(damaged.status, 0, damaged.stderr);
    assert.strictEqual(damaged.stdout, expected);
    assert.ok(fs.readFileSync(file).length > 10_000, 'the refused cache was written anew');
    // Another build's cache goes when this one is written.
    const stale = path.join(folder, 'cli-code-1-2-v0.0.0-x.bin');
    fs.writeFileSync(stale, 'old');
    fs.rmSync(file);
    assert.strictEqual(run({ LODESTAR_CACHE_DIR: folder }).stdout, expected);
    assert.deepStrictEqual(fs.readdirSync(folder), files);
  });

  it("each command keeps its own cache (V8 saves only the code that ran), and another build's go", () => {
    const folder = path.join(makeTempDir('lodestar-code-cache-'), 'cache');
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [CLI, ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, LODESTAR_CACHE_DIR: folder } });
    assert.strictEqual(cli(['adr', 'list']).stdout, expected);
    const index = cli(['index', '--json']);
    assert.strictEqual(index.status, 0, index.stderr);
    assert.strictEqual(cli(['--root', repo, 'index']).status, 0);
    const names = fs.readdirSync(folder).filter((n) => n.startsWith('cli-code-'));
    assert.deepStrictEqual(names.map((n) => /^cli-code-([a-z-]+?)-\d+-\d+-v/.exec(n)?.[1]).sort(), ['adr-list', 'index', 'other']);
    // The index cache holds the index's code, which adr list never runs: it is the larger.
    const size = (command: string) =>
      fs.statSync(
        path.join(
          folder,
          names.find((n) => n.startsWith(`cli-code-${command}-`))!,
        ),
      ).size;
    assert.ok(size('index') > size('adr-list'), `index ${size('index')} bytes, adr list ${size('adr-list')}`);
    const indexFile = path.join(
      folder,
      names.find((n) => n.startsWith('cli-code-index-'))!,
    );
    const written = fs.readFileSync(indexFile);
    cli(['index', '--json']);
    assert.ok(fs.readFileSync(indexFile).equals(written), 'a command whose cache V8 accepted does not write it again');
    // An upgrade: another build's caches, of any command, go when one of this build's is written.
    fs.writeFileSync(path.join(folder, 'cli-code-index-1-2-v0.0.0-x.bin'), 'old');
    fs.writeFileSync(path.join(folder, 'cli-code-1-2-v0.0.0-x.bin'), 'old');
    fs.rmSync(indexFile);
    cli(['index', '--json']);
    assert.deepStrictEqual(fs.readdirSync(folder).sort(), names.sort());
  });

  it("the compiler's tuning changes no output and prints nothing; LODESTAR_V8_DEFAULTS=1 runs with V8's defaults", () => {
    const folder = path.join(makeTempDir('lodestar-code-cache-'), 'cache');
    const index = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, [CLI, 'index', '--json', '--root', repo], { encoding: 'utf8', env: { ...process.env, LODESTAR_CACHE_DIR: folder, ...env } });
    const tuned = index({});
    const defaults = index({ LODESTAR_V8_DEFAULTS: '1' });
    assert.strictEqual(tuned.status, 0, tuned.stderr);
    assert.strictEqual(defaults.status, 0, defaults.stderr);
    assert.strictEqual(tuned.stderr, '');
    assert.strictEqual(defaults.stderr, '');
    assert.strictEqual(tuned.stdout, defaults.stdout);
    assert.deepStrictEqual(
      (JSON.parse(tuned.stdout) as { records: { path: string }[] }).records.map((r) => r.path),
      ['doc/adr/0001-a.md', 'doc/adr/0002-b.md'],
    );
  });

  it('LODESTAR_NO_CODE_CACHE=1 writes nothing; a cache folder that cannot be written changes nothing else', () => {
    const base = makeTempDir('lodestar-code-cache-');
    const off = run({ LODESTAR_CACHE_DIR: path.join(base, 'off'), LODESTAR_NO_CODE_CACHE: '1' });
    assert.strictEqual(off.stdout, expected);
    assert.ok(!fs.existsSync(path.join(base, 'off')));
    // A file where the folder should be: the cache cannot be made, the command still runs and says nothing of it.
    fs.writeFileSync(path.join(base, 'blocked'), '');
    const blocked = run({ LODESTAR_CACHE_DIR: path.join(base, 'blocked') });
    assert.strictEqual(blocked.status, 0);
    assert.strictEqual(blocked.stdout, expected);
    assert.strictEqual(blocked.stderr, '');
  });
});
