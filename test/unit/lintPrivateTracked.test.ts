import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { PRIVATE_TRACKED_MESSAGE } from '../../src/core/people/privateNotebook';
import { buildRepo, loggingGit, makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { nygardAdr } from '../fixtures/recordText';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

function lint(root: string, env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'lint', '--root', root], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const PRIVATE = '---\nname: S\nhandle: sam\nvisibility: private\n---\n';

describe('lodestar lint: private-tracked-by-git', () => {
  it('warns about a committed private record, with the message the Problems panel has; exit 0', () => {
    const root = buildRepo({ 'docs/mentoring/sam.md': PRIVATE, 'docs/mentoring/ali.md': '---\nname: A\nhandle: ali\n---\n' });
    const r = lint(root);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(r.stdout, `docs/mentoring/sam.md:1: warning private-tracked-by-git ${PRIVATE_TRACKED_MESSAGE}\n`);
  });

  it('says nothing of a private record git does not track', () => {
    const root = buildRepo({ 'docs/mentoring/sam.md': PRIVATE });
    writeFiles(root, { 'docs/mentoring/kim.md': PRIVATE.replace(/sam/g, 'kim') });
    const r = lint(root);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(
      r.stdout
        .split('\n')
        .filter((l) => l.includes('private-tracked-by-git'))
        .map((l) => l.split(':')[0]),
      ['docs/mentoring/sam.md'],
    );
  });

  it('asks git ls-files once, about the private records only, and not at all without one', () => {
    const { path: PATH, log } = loggingGit();
    const root = buildRepo({ 'docs/mentoring/sam.md': PRIVATE, 'docs/mentoring/ali.md': '---\nname: A\nhandle: ali\n---\n' });
    assert.match(lint(root, { PATH }).stdout, /private-tracked-by-git/);
    const calls = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '').split('\n').filter((l) => l.includes('ls-files'));
    assert.strictEqual(calls().length, 1, calls().join('\n'));
    assert.match(calls()[0], / ls-files -z -- docs\/mentoring\/sam\.md$/);
    fs.rmSync(log);
    const none = buildRepo({ 'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }), 'docs/mentoring/ali.md': '---\nname: A\nhandle: ali\n---\n' });
    assert.strictEqual(lint(none, { PATH }).code, 0);
    assert.deepStrictEqual(calls(), []);
  });

  it('without git, or outside a repository: no such problem, no failure', () => {
    const root = buildRepo({ 'docs/mentoring/sam.md': PRIVATE });
    assert.match(lint(root).stdout, /private-tracked-by-git/);
    const noGit = lint(root, { PATH: makeTempDir('lodestar-nogit-') });
    assert.strictEqual(noGit.code, 0, noGit.stderr);
    assert.ok(!noGit.stdout.includes('private-tracked-by-git'), noGit.stdout);
    const plain = makeTempDir();
    writeFiles(plain, { 'docs/mentoring/sam.md': PRIVATE });
    const outside = lint(plain);
    assert.strictEqual(outside.code, 0, outside.stderr);
    assert.strictEqual(outside.stdout, '');
  });
});
