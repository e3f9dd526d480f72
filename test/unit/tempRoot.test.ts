import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { keepTempFolders, TempFolders, TempRoot } from '../fixtures/tempRoot';

// The test runs' temporary folders: one root per run, removed at the end with what is in it and nothing else.

const fixtures = path.join(__dirname, '..', 'fixtures');

/** A parent folder of this test's own, standing in for the machine's /tmp. */
function scratchParent(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'temp-root-test-')));
}

/** The environment of a child node process whose temp folder is `parent`. */
function childEnv(parent: string, keep?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: parent, TMP: parent, TEMP: parent };
  delete env.XDG_RUNTIME_DIR;
  delete env.LODESTAR_KEEP_TMP;
  if (keep !== undefined) env.LODESTAR_KEEP_TMP = keep;
  return env;
}

describe('test temp folders', () => {
  let parent: string;
  beforeEach(() => (parent = scratchParent()));
  afterEach(() => fs.rmSync(parent, { recursive: true, force: true }));

  it('a temp root is a new folder in the parent, and removing it takes its contents and leaves its neighbours', () => {
    const neighbour = path.join(parent, 'lodestar-someone-else');
    fs.mkdirSync(neighbour);
    fs.writeFileSync(path.join(neighbour, 'keep.txt'), 'mine');
    const root = new TempRoot(parent);
    assert.strictEqual(path.dirname(root.dir), parent);
    assert.match(path.basename(root.dir), /^lodestar-run-/);
    fs.mkdirSync(path.join(root.dir, 'repo', '.git', 'objects'), { recursive: true });
    fs.writeFileSync(path.join(root.dir, 'repo', 'README.md'), '# x\n');

    assert.strictEqual(root.remove(false), true);
    assert.strictEqual(fs.existsSync(root.dir), false);
    assert.strictEqual(fs.readFileSync(path.join(neighbour, 'keep.txt'), 'utf8'), 'mine');
    assert.strictEqual(root.remove(false), true, 'removing twice is fine');
  });

  it('a kept temp root stays with its contents', () => {
    const root = new TempRoot(parent);
    fs.writeFileSync(path.join(root.dir, 'log.txt'), 'evidence');
    assert.strictEqual(root.remove(true), false);
    assert.strictEqual(fs.readFileSync(path.join(root.dir, 'log.txt'), 'utf8'), 'evidence');
  });

  it('entering a temp root points TMPDIR, TMP, TEMP and XDG_RUNTIME_DIR at it; leaving puts them back, unset ones unset', () => {
    const root = new TempRoot(parent);
    const env: NodeJS.ProcessEnv = { TMPDIR: '/elsewhere', PATH: '/bin' };
    root.enter(env);
    assert.deepStrictEqual(env, { TMPDIR: root.dir, TMP: root.dir, TEMP: root.dir, XDG_RUNTIME_DIR: root.dir, PATH: '/bin' });
    root.leave(env);
    assert.deepStrictEqual(env, { TMPDIR: '/elsewhere', PATH: '/bin' });
  });

  it("os.tmpdir() answers the entered temp root, and the machine's again after leaving", () => {
    const before = os.tmpdir();
    const root = new TempRoot(parent);
    root.enter();
    try {
      assert.strictEqual(os.tmpdir(), root.dir);
    } finally {
      root.leave();
    }
    assert.strictEqual(os.tmpdir(), before);
  });

  it('LODESTAR_KEEP_TMP=1 (or true) keeps the folders; unset, empty, 0 or false does not', () => {
    for (const value of ['1', 'true', 'yes']) assert.strictEqual(keepTempFolders({ LODESTAR_KEEP_TMP: value }), true, value);
    for (const value of [undefined, '', '0', 'false', 'FALSE']) assert.strictEqual(keepTempFolders({ LODESTAR_KEEP_TMP: value }), false, String(value));
  });

  it('removing the temp folders made one by one removes exactly those', () => {
    const folders = new TempFolders();
    const made = [folders.make('lodestar-', parent), folders.make('no-git-', parent)];
    const other = fs.mkdtempSync(path.join(parent, 'lodestar-'));
    folders.removeAll(false);
    assert.deepStrictEqual(
      made.filter((dir) => fs.existsSync(dir)),
      [],
    );
    assert.strictEqual(fs.existsSync(other), true);
  });

  it("makeTempDir's folders are gone when the process that made them exits, and stay with LODESTAR_KEEP_TMP=1", () => {
    const script = `const { makeTempDir } = require(${JSON.stringify(path.join(fixtures, 'gitRepo.js'))});
      const a = makeTempDir(); const b = makeTempDir('lodestar-pack-');
      require('fs').writeFileSync(a + '/file.md', 'x');
      console.log(JSON.stringify([a, b]));`;
    const removed = spawnSync(process.execPath, ['-e', script], { env: childEnv(parent), encoding: 'utf8' });
    assert.strictEqual(removed.status, 0, removed.stderr);
    const dirs = JSON.parse(removed.stdout) as string[];
    assert.deepStrictEqual(
      dirs.map((dir) => path.dirname(dir)),
      [parent, parent],
    );
    assert.deepStrictEqual(
      dirs.filter((dir) => fs.existsSync(dir)),
      [],
    );

    const kept = spawnSync(process.execPath, ['-e', script], { env: childEnv(parent, '1'), encoding: 'utf8' });
    assert.strictEqual(kept.status, 0, kept.stderr);
    for (const dir of JSON.parse(kept.stdout) as string[]) assert.strictEqual(fs.existsSync(dir), true, dir);
  });

  it("mocha's temp root hook moves the process's temp folder into one folder and removes it at exit", () => {
    const script = `const os = require('os'); const fs = require('fs');
      fs.mkdirSync(fs.mkdtempSync(os.tmpdir() + '/lodestar-') + '/deep', { recursive: true });
      console.log(os.tmpdir());`;
    const child = spawnSync(process.execPath, ['-r', path.join(fixtures, 'unitTempRoot.js'), '-e', script], { env: childEnv(parent), encoding: 'utf8' });
    assert.strictEqual(child.status, 0, child.stderr);
    const root = child.stdout.trim();
    assert.strictEqual(path.dirname(root), parent);
    assert.match(path.basename(root), /^lodestar-run-/);
    assert.strictEqual(fs.existsSync(root), false);
    assert.deepStrictEqual(fs.readdirSync(parent), []);
  });

  it("mocha's temp root hook removes the folder when the process is terminated, and the process still ends by the signal", async () => {
    const script = `require('fs').writeFileSync(require('os').tmpdir() + '/half-written', 'x');
      console.log(require('os').tmpdir()); setInterval(() => undefined, 1000);`;
    const child = spawn(process.execPath, ['-r', path.join(fixtures, 'unitTempRoot.js'), '-e', script], {
      env: childEnv(parent),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const root = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.trim());
      });
      child.on('error', reject);
    });
    assert.strictEqual(fs.existsSync(path.join(root, 'half-written')), true);
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGTERM');
    assert.strictEqual(await ended, 'SIGTERM');
    assert.strictEqual(fs.existsSync(root), false);
  });
});
