import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createGitExecutor } from '../../src/core/git/gitExecutor';
import { Mailmap, readMailmap } from '../../src/core/people/mailmap';
import { NodeFileSystem } from '../../src/core/store/nodeFileSystem';
import { buildRepo, git, makeTempDir } from '../fixtures/gitRepo';

/** Every form gitmailmap(5) documents, comments, case, later lines over earlier ones, and lines git ignores. */
const MAILMAP = [
  '# Team mailmap',
  'Dana Lead <dana@example.com>',
  '<dana@example.com> <dana@old-corp.example>',
  'Dana Lead <dana@example.com> <DLead@Laptop.local>',
  'Sam Staff <sam@example.com> Sam <shared@build.example>',
  'Kim Ops <kim@example.com> KIM OPS <shared@build.example>   # trailing text after the last > is ignored',
  'Alex Old <alex@example.com>',
  'Alex New <alex@example.com>',
  '<alex.new@example.com> <alex@example.com>',
  'Only Name <>',
  '<> <empty@example.com>',
  'no brackets at all',
  '  # not a comment: a name <hash@example.com>',
  'Pat <pat@example.com> <pat@old.example> extra <ignored@example.com>',
  '',
].join('\n');

const IDENTITIES: [string, string][] = [
  ['Whoever', 'dana@old-corp.example'],
  ['dana', 'DANA@OLD-CORP.EXAMPLE'],
  ['Laptop User', 'dlead@laptop.local'],
  ['Sam', 'shared@build.example'],
  ['sam', 'SHARED@build.example'],
  ['Kim Ops', 'shared@build.example'],
  ['Someone Else', 'shared@build.example'],
  ['A', 'alex@example.com'],
  ['Unknown', 'nobody@example.com'],
  ['E', 'empty@example.com'],
  ['H', 'hash@example.com'],
  ['P', 'pat@old.example'],
  ['Dana Lead', 'dana@example.com'],
];

describe('.mailmap, read with git’s own rules', () => {
  it('maps every identity exactly as `git check-mailmap` does in a real repository', () => {
    const root = buildRepo({ '.mailmap': MAILMAP, 'README.md': '# x\n' });
    const mailmap = new Mailmap().add(MAILMAP);
    const oracle = git(root, ['check-mailmap', ...IDENTITIES.map(([n, e]) => `${n} <${e}>`)])
      .trim()
      .split('\n');
    const ours = IDENTITIES.map(([name, email]) => {
      const m = mailmap.map({ name, email });
      return `${m.name} <${m.email}>`;
    });
    assert.deepStrictEqual(ours, oracle);
    // The cases that matter for people: old addresses, case, name-and-e-mail lines, later lines winning.
    assert.deepStrictEqual(ours.slice(0, 8), [
      'Whoever <dana@example.com>',
      'dana <dana@example.com>',
      'Dana Lead <dana@example.com>',
      'Sam Staff <sam@example.com>',
      'Sam Staff <sam@example.com>',
      'Kim Ops <kim@example.com>',
      'Someone Else <shared@build.example>',
      'Alex New <alex.new@example.com>',
    ]);
  });

  it('CRLF, a BOM and an e-mail-only lookup (whatever the name)', () => {
    const mailmap = new Mailmap().add('\uFEFF<new@example.com> <Old@Example.com>\r\nNew Name <new@example.com>\r\n');
    assert.strictEqual(mailmap.mapEmail('OLD@example.com'), 'new@example.com');
    assert.deepStrictEqual(mailmap.map({ name: 'x', email: 'new@example.com' }), { name: 'New Name', email: 'new@example.com' });
    assert.strictEqual(mailmap.mapEmail('other@example.com'), 'other@example.com');
    assert.ok(new Mailmap().add('# only comments\n\n').empty);
  });

  it('reads the top-level .mailmap from a subfolder root; mailmap.file and mailmap.blob only when trusted, later sources winning', async () => {
    const root = buildRepo({
      '.mailmap': '<dana@example.com> <dana@old.example>\n',
      'services/api/README.md': '# api\n',
      'team.mailmap': 'Dana From Blob <dana@example.com>\n',
    });
    const outside = makeTempDir();
    fs.writeFileSync(path.join(outside, 'extra.mailmap'), 'Dana From Config <dana@example.com>\n<sam@example.com> <sam@old.example>\n');
    git(root, ['config', 'mailmap.file', path.join(outside, 'extra.mailmap')]);
    git(root, ['config', 'mailmap.blob', 'HEAD:team.mailmap']);
    const sub = path.join(root, 'services/api');
    const nodeFs = new NodeFileSystem();
    const untrusted = await readMailmap(nodeFs, sub, { trusted: false, git: createGitExecutor(sub) });
    assert.deepStrictEqual(untrusted.map({ name: 'D', email: 'dana@old.example' }), { name: 'D', email: 'dana@example.com' });
    assert.strictEqual(untrusted.mapEmail('sam@old.example'), 'sam@old.example', 'mailmap.file is not read untrusted');
    const trusted = await readMailmap(nodeFs, sub, { trusted: true, git: createGitExecutor(sub) });
    const asked: [string, string][] = [
      ['D', 'dana@old.example'],
      ['D', 'dana@example.com'],
      ['S', 'sam@old.example'],
    ];
    const oracle = git(sub, ['check-mailmap', ...asked.map(([n, e]) => `${n} <${e}>`)])
      .trim()
      .split('\n');
    const ours = asked.map(([name, email]) => trusted.map({ name, email })).map((m) => `${m.name} <${m.email}>`);
    assert.deepStrictEqual(ours, oracle);
    // One step, as git maps: the old address gets the new one; the config file (read last) names it.
    assert.deepStrictEqual(ours, ['D <dana@example.com>', 'Dana From Config <dana@example.com>', 'S <sam@example.com>']);
  });

  it('a .mailmap that is a symbolic link is not followed (git refuses it too)', async () => {
    const root = buildRepo({ 'README.md': '# x\n' });
    const elsewhere = makeTempDir();
    fs.writeFileSync(path.join(elsewhere, 'm'), '<new@example.com> <old@example.com>\n');
    fs.symlinkSync(path.join(elsewhere, 'm'), path.join(root, '.mailmap'));
    const mailmap = await readMailmap(new NodeFileSystem(), root, { trusted: true, git: createGitExecutor(root) });
    assert.strictEqual(mailmap.mapEmail('old@example.com'), 'old@example.com');
    assert.strictEqual(git(root, ['check-mailmap', 'O <old@example.com>']).trim(), 'O <old@example.com>');
  });
});
