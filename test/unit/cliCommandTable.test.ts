import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { buildRepo } from '../fixtures/gitRepo';
import { nygardAdr } from '../fixtures/recordText';

const MAIN = path.resolve(__dirname, '../../src/cli/main.js');

/** Runs one command in a fresh Node process and returns the project modules it loaded (relative to src/). */
function modulesLoadedBy(args: string[], cwd: string): string[] {
  const script = `
    const { main } = require(${JSON.stringify(MAIN)});
    const { Writable } = require('stream');
    const sink = new Writable({ write(_c, _e, done) { done(); } });
    main(${JSON.stringify(args)}, sink, sink).then((code) => {
      process.stdout.write(JSON.stringify({ code, modules: Object.keys(require.cache) }));
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8' });
  assert.strictEqual(r.status, 0, r.stderr);
  const { code, modules } = JSON.parse(r.stdout) as { code: number; modules: string[] };
  assert.strictEqual(code, 0, `${args.join(' ')} exited ${code}`);
  const src = path.resolve(__dirname, '../../src') + path.sep;
  return modules.map((m) =>
    m.startsWith(src)
      ? m.slice(src.length).split(path.sep).join('/')
      : m.includes(`${path.sep}node_modules${path.sep}`)
        ? `node_modules:${m.split(`${path.sep}node_modules${path.sep}`).pop()}`
        : m,
  );
}

describe('lodestar command table (each command loads only what it needs)', () => {
  const root = buildRepo({ 'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }) });

  it('index loads no git, pull-request or forge code', () => {
    const loaded = modulesLoadedBy(['index', '--json', '--root', root], root);
    assert.ok(loaded.includes('cli/indexCommand.js'), 'the index command ran');
    assert.deepStrictEqual(
      loaded.filter((m) => /^core\/(git|pulls)\/|simple-git|^cli\/(adr|lint|prs|pairing|report)Command/.test(m)),
      [],
    );
  });

  it('index with a short pull-request reference loads the resolver, still no git or forge code', () => {
    const short = buildRepo({ 'docs/design/d.md': '---\ntitle: D\npullRequests: ["#15"]\n---\n' });
    const loaded = modulesLoadedBy(['index', '--json', '--root', short], short);
    assert.ok(loaded.includes('core/pulls/configRemotes.js'), 'the remotes were read');
    assert.deepStrictEqual(
      loaded.filter((m) => /^core\/git\/|^core\/pulls\/(forge|github|gitlab|prDiscovery)|simple-git|^cli\/(adr|lint|prs|pairing|report)Command/.test(m)),
      [],
    );
  });

  it('adr list loads neither the record index nor git', () => {
    const loaded = modulesLoadedBy(['adr', 'list'], root);
    assert.ok(loaded.includes('cli/adrCommand.js'), 'the adr command ran');
    assert.deepStrictEqual(
      loaded.filter((m) => /^core\/(index|git|pulls)\/|simple-git|yaml/.test(m)),
      [],
    );
  });

  it('help loads no command module', () => {
    const loaded = modulesLoadedBy(['help'], root);
    assert.deepStrictEqual(
      loaded.filter((m) => /Command\.js$|^core\/(index|git|pulls|decisions)\//.test(m)),
      [],
    );
  });
});
