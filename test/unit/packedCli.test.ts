import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildRepo, makeTempDir } from '../fixtures/gitRepo';
import { nygardAdr } from '../fixtures/recordText';

const PROJECT = path.resolve(__dirname, '../../..');

/** npm with no settings from the npm that may be running these tests, and its own cache. */
function npm(args: string[], cwd: string, cache: string): string {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.toLowerCase().startsWith('npm_')) env[k] = v;
  return execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', [...args, '--cache', cache, '--no-audit', '--no-fund', '--no-update-notifier'], {
    cwd,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: process.platform === 'win32',
  });
}

describe('the installable CLI (npm pack, then npm install -g)', function () {
  this.timeout(180_000);

  it('packs dist/cli.js built by prepack, installs offline with no dependencies, and runs lint and index', () => {
    // A copy of the project, so packing (which rebuilds dist/) leaves this checkout's build alone.
    const work = makeTempDir('lodestar-pack-');
    const copy = path.join(work, 'project');
    fs.mkdirSync(copy);
    for (const name of ['package.json', 'README.md', 'CHANGELOG.md', '.npmignore', 'src'])
      fs.cpSync(path.join(PROJECT, name), path.join(copy, name), { recursive: true });
    fs.copyFileSync(path.join(PROJECT, 'esbuild.mjs'), path.join(copy, 'esbuild.mjs'));
    fs.symlinkSync(path.join(PROJECT, 'node_modules'), path.join(copy, 'node_modules'), 'junction');
    const cache = path.join(work, 'npm-cache');

    const packed = npm(['pack', '--pack-destination', work, '--json'], copy, cache);
    const [info] = JSON.parse(packed.slice(packed.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    const version = (JSON.parse(fs.readFileSync(path.join(PROJECT, 'package.json'), 'utf8')) as { version: string }).version;
    assert.strictEqual(info.filename, `lodestar-${version}.tgz`);
    assert.deepStrictEqual(info.files.map((f) => f.path).sort(), [
      'README.md',
      'dist/cli.js',
      'dist/lodestar-cli.js',
      'dist/mermaid.LICENSE',
      'dist/mermaid.min.js',
      'dist/siteRenderWorker.js',
      'package.json',
    ]);
    assert.ok(fs.existsSync(path.join(copy, 'dist/cli.js')), 'prepack built dist/');

    const prefix = path.join(work, 'prefix');
    npm(['install', '-g', '--prefix', prefix, '--offline', path.join(work, info.filename)], work, cache);
    const installed = path.join(prefix, process.platform === 'win32' ? '' : 'lib', 'node_modules', 'lodestar');
    assert.ok(fs.existsSync(path.join(installed, 'dist/cli.js')));
    assert.ok(!fs.existsSync(path.join(installed, 'node_modules')), 'nothing else is installed: the bundle is the whole program');

    const bin = path.join(prefix, process.platform === 'win32' ? 'lodestar.cmd' : 'bin/lodestar');
    const repo = buildRepo({
      'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }),
      'doc/adr/0002-b.md': nygardAdr({ number: 2, title: 'B', template: true, status: 'Proposed' }),
    });
    const run = (args: string[]) =>
      spawnSync(bin, args, { cwd: repo, encoding: 'utf8', shell: process.platform === 'win32', env: { ...process.env, NODE_PATH: '' } });
    const lint = run(['lint', '--format', 'github']);
    assert.strictEqual(lint.status, 0, lint.stderr);
    assert.match(lint.stdout, /^::warning file=doc\/adr\/0002-b\.md,line=11,title=template-placeholder::/);
    const index = run(['index', '--json']);
    assert.strictEqual(index.status, 0, index.stderr);
    assert.deepStrictEqual(
      (JSON.parse(index.stdout) as { records: { title: string }[] }).records.map((r) => r.title),
      ['A', 'B'],
    );
    const sarif = run(['lint', '--format', 'sarif']);
    assert.strictEqual((JSON.parse(sarif.stdout) as { runs: { tool: { driver: { version: string } } }[] }).runs[0].tool.driver.version, version);
    // Diagrams are drawn by the mermaid the package carries: no other install, no CDN.
    fs.mkdirSync(path.join(repo, 'docs/design'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'docs/design/flow.md'), '---\ntitle: Flow\nstatus: draft\n---\n```mermaid\ngraph TD; A-->B;\n```\n');
    const site = run(['site', 'build', '--out', path.join(work, 'site')]);
    assert.strictEqual(site.status, 0, site.stderr);
    assert.strictEqual(site.stderr, '');
    assert.deepStrictEqual(
      fs.readFileSync(path.join(work, 'site/assets/mermaid.min.js')),
      fs.readFileSync(path.join(PROJECT, 'node_modules/mermaid/dist/mermaid.min.js')),
    );
    assert.match(fs.readFileSync(path.join(work, 'site/docs/design/flow.html'), 'utf8'), /<script src="\.\.\/\.\.\/assets\/mermaid\.min\.js" defer>/);
  });
});
