import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { commitAll, git, initRepo, makeTempDir, snapshot } from '../fixtures/gitRepo';
import { runAdr, runLodestar } from '../fixtures/adrCli';

/** `lodestar adr … --root DIR` is `cd DIR && lodestar adr …`, wherever `--root` is given. */

const adr = runAdr;
const read = (dir: string, rel: string): string => fs.readFileSync(path.join(dir, rel), 'utf8');

/** A repository with two records and an empty folder `src` in it, and a folder elsewhere to run from. */
function setup(): { repo: string; sub: string; elsewhere: string } {
  const repo = makeTempDir();
  assert.strictEqual(adr(repo, ['init']).code, 0);
  assert.strictEqual(adr(repo, ['new', 'Use', 'Postgres']).code, 0);
  const sub = path.join(repo, 'src');
  fs.mkdirSync(sub);
  return { repo, sub, elsewhere: makeTempDir() };
}

describe('lodestar adr --root DIR', () => {
  it('list: right after adr, right after list, as --root=DIR, and before adr, prints the paths cd DIR prints', () => {
    const { sub, elsewhere } = setup();
    const asIfThere = adr(sub, ['list']);
    assert.deepStrictEqual(asIfThere, {
      code: 0,
      out: '../doc/adr/0001-record-architecture-decisions.md\n../doc/adr/0002-use-postgres.md\n',
      err: '',
    });
    for (const args of [
      ['adr', '--root', sub, 'list'],
      ['adr', 'list', '--root', sub],
      ['adr', 'list', `--root=${sub}`],
      ['adr', `--root=${sub}`, 'list'],
      ['--root', sub, 'adr', 'list'],
      [`--root=${sub}`, 'adr', 'list'],
    ])
      assert.deepStrictEqual(runLodestar(elsewhere, args), asIfThere, args.join(' '));
    // A relative DIR is relative to the current folder.
    assert.deepStrictEqual(adr(path.dirname(sub), ['list', '--root', 'src']), asIfThere);
  });

  it('new: the record is written in the folder found from DIR, and its path is printed as from DIR', () => {
    const { repo, sub, elsewhere } = setup();
    for (const [args, file] of [
      [['new', '--root', sub, 'Use', 'Kafka'], '0003-use-kafka.md'],
      [['--root', sub, 'new', 'Use', 'NATS'], '0004-use-nats.md'],
      [['new', '-s', '3', '--root', sub, '-l', '2:Amends:Amended by', 'Use', 'Redis'], '0005-use-redis.md'],
    ] as const) {
      const r = adr(elsewhere, [...args]);
      assert.deepStrictEqual(r, { code: 0, out: `../doc/adr/${file}\n`, err: '' }, args.join(' '));
      assert.ok(fs.existsSync(path.join(repo, 'doc/adr', file)), file);
    }
    assert.match(read(repo, 'doc/adr/0003-use-kafka.md'), /^Superceded by \[5\. Use Redis\]\(0005-use-redis\.md\)$/m);
    assert.match(read(repo, 'doc/adr/0002-use-postgres.md'), /^Amended by \[5\. Use Redis\]\(0005-use-redis\.md\)$/m);
    assert.deepStrictEqual(fs.readdirSync(elsewhere), [], 'nothing is written where it runs');
  });

  it('new: --root after the first word of the title is part of the title, as adr-tools takes it', () => {
    const { repo, elsewhere } = setup();
    const r = adr(elsewhere, ['new', '--root', repo, 'Use', '--root', 'flag']);
    assert.deepStrictEqual(r, { code: 0, out: 'doc/adr/0003-use-root-flag.md\n', err: '' });
    assert.match(read(repo, 'doc/adr/0003-use-root-flag.md'), /^# 3\. Use --root flag$/m);
    // After --, and as the value of -s, it is no option either.
    assert.match(adr(elsewhere, ['new', '-s', '--root', repo, 'X']).err, /no decision record matches "--root"/);
  });

  it('generate toc and graph: right after generate, after the report, and among its options', () => {
    const { sub, elsewhere } = setup();
    const toc = adr(sub, ['generate', 'toc', '-p', 'adr/']);
    assert.match(toc.out, /^\* \[2\. Use Postgres\]\(adr\/0002-use-postgres\.md\)$/m);
    for (const args of [
      ['generate', '--root', sub, 'toc', '-p', 'adr/'],
      ['generate', 'toc', '--root', sub, '-p', 'adr/'],
      ['generate', 'toc', '-p', 'adr/', `--root=${sub}`],
      ['--root', sub, 'generate', 'toc', '-p', 'adr/'],
    ])
      assert.deepStrictEqual(adr(elsewhere, args), toc, args.join(' '));
    // -p takes the next argument as its value, as getopt does: it is not --root.
    assert.match(adr(sub, ['generate', 'toc', '-p', '--root']).out, /\]\(--root0002-use-postgres\.md\)/);
    const graph = adr(sub, ['generate', 'graph']);
    assert.match(graph.out, /0002-use-postgres\.html/);
    assert.deepStrictEqual(adr(elsewhere, ['generate', 'graph', '--root', sub, '-e', '.html']), graph);
  });

  it('link, renumber and upgrade-repository change the records found from DIR', () => {
    const { repo, sub, elsewhere } = setup();
    assert.deepStrictEqual(adr(elsewhere, ['link', '--root', sub, '2', 'Amends', '1', 'Amended by']), { code: 0, out: '', err: '' });
    assert.match(read(repo, 'doc/adr/0002-use-postgres.md'), /^Amends \[1\. Record architecture decisions\]/m);
    assert.match(read(repo, 'doc/adr/0001-record-architecture-decisions.md'), /^Amended by \[2\. Use Postgres\]/m);
    const r = adr(elsewhere, ['renumber', '2', '--root', sub, '--to', '7']);
    assert.deepStrictEqual([r.code, r.out], [0, '../doc/adr/0007-use-postgres.md\n'], r.err);
    assert.match(read(repo, 'doc/adr/0001-record-architecture-decisions.md'), /^Amended by \[7\. Use Postgres\]\(0007-use-postgres\.md\)/m);
    fs.writeFileSync(path.join(repo, 'doc/adr/0008-old.md'), '# 8. Old\n\nDate: 21/11/2016\n\n## Status\n\nAccepted\n');
    assert.deepStrictEqual(adr(elsewhere, ['--root', sub, 'upgrade-repository']), { code: 0, out: '', err: '' });
    assert.match(read(repo, 'doc/adr/0008-old.md'), /^Date: 2016-11-21$/m);
  });

  it('init: .adr-dir and the folder are written in DIR', () => {
    const dir = makeTempDir();
    const elsewhere = makeTempDir();
    const r = adr(elsewhere, ['init', '--root', dir, 'docs/decisions']);
    assert.deepStrictEqual(r, { code: 0, out: 'docs/decisions/0001-record-architecture-decisions.md\n', err: '' });
    assert.strictEqual(read(dir, '.adr-dir'), 'docs/decisions\n');
    assert.ok(fs.existsSync(path.join(dir, 'docs/decisions/0001-record-architecture-decisions.md')));
    const other = makeTempDir();
    assert.strictEqual(runLodestar(elsewhere, ['--root', other, 'adr', 'init']).code, 0);
    assert.ok(fs.existsSync(path.join(other, 'doc/adr/0001-record-architecture-decisions.md')));
    assert.deepStrictEqual(fs.readdirSync(elsewhere), []);
  });

  it('a --root that does not exist, is a file or has no value is a usage error (exit 1) and changes nothing', () => {
    const { repo, elsewhere } = setup();
    const before = snapshot(repo);
    const missing = path.join(repo, 'nope');
    const gone = adr(elsewhere, ['new', '--root', missing, 'X']);
    assert.strictEqual(gone.code, 1);
    assert.strictEqual(gone.out, '');
    assert.match(
      gone.err,
      new RegExp(`^adr: --root ${missing.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')} does not exist; nothing was written\\.\\n\\nusage: adr new `),
    );
    const file = adr(elsewhere, ['list', '--root', path.join(repo, 'doc/adr/0002-use-postgres.md')]);
    assert.strictEqual(file.code, 1);
    assert.match(file.err, /^adr: --root \S+0002-use-postgres\.md is not a folder; nothing was changed\.\n\nusage: adr list/);
    const bare = adr(elsewhere, ['renumber', '2', '--root']);
    assert.strictEqual(bare.code, 1);
    assert.match(bare.err, /^adr: --root needs a folder; nothing was changed\.\n\nusage: adr renumber/);
    const beforeAdr = runLodestar(elsewhere, ['--root', missing, 'adr', 'link', '2', 'Amends', '1', 'Amended by']);
    assert.strictEqual(beforeAdr.code, 1);
    assert.match(beforeAdr.err, /does not exist; nothing was changed\.\n\nusage: adr link/);
    assert.deepStrictEqual(snapshot(repo), before);
    assert.deepStrictEqual(fs.readdirSync(elsewhere), []);
  });

  it('in a git repository, DIR is the repository whose other branches are read', () => {
    const repo = makeTempDir();
    initRepo(repo);
    adr(repo, ['init']);
    commitAll(repo, 'init');
    git(repo, ['checkout', '-q', '-b', 'colleague']);
    adr(repo, ['new', 'Colleague', 'idea']);
    commitAll(repo, 'idea');
    git(repo, ['checkout', '-q', 'main']);
    const r = adr(makeTempDir(), ['new', '--root', repo, 'Mine']);
    assert.deepStrictEqual([r.code, r.out], [0, 'doc/adr/0003-mine.md\n'], r.err);
  });

  it("adr's help says where --root goes", () => {
    const help = adr(makeTempDir(), ['help']);
    assert.match(help.out, /^--root DIR runs COMMAND as if DIR were the current folder/m);
    assert.match(runLodestar(makeTempDir(), ['help']).out, /^  adr \[--root DIR\] COMMAND \.\.\./m);
  });
});
