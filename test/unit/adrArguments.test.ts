import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { oneLineTitle } from '../../src/core/decisions/newDecision';
import { commitAll, git, initRepo, makeTempDir, snapshot, writeFiles } from '../fixtures/gitRepo';
import { repoWithColleagueRecords, runAdr } from '../fixtures/adrCli';

/** `lodestar adr`'s arguments: help, options it does not take, the template and the title. */

const adr = runAdr;

const read = (dir: string, rel: string): string => fs.readFileSync(path.join(dir, rel), 'utf8');

/** A folder with .adr-dir, two records and one with an old-style date that `upgrade-repository` would change. */
function repo(): string {
  const dir = makeTempDir();
  assert.strictEqual(adr(dir, ['init', 'docs/decisions']).code, 0);
  assert.strictEqual(adr(dir, ['new', 'Use', 'Postgres']).code, 0);
  writeFiles(dir, { 'docs/decisions/0003-old.md': '# 3. Old\n\nDate: 21/11/2016\n\n## Status\n\nAccepted\n' });
  return dir;
}

describe('lodestar adr: --help and options a command does not take', () => {
  const commands = [['init'], ['new'], ['link'], ['list'], ['generate'], ['generate', 'toc'], ['generate', 'graph'], ['upgrade-repository'], ['renumber']];

  it('every command given --help or -h prints its usage, exits 0 and changes nothing', () => {
    const dir = repo();
    const before = snapshot(dir);
    for (const command of commands)
      for (const flag of ['--help', '-h']) {
        const r = adr(dir, [...command, flag]);
        assert.deepStrictEqual([r.code, r.err], [0, ''], `${command.join(' ')} ${flag}`);
        assert.match(r.out, new RegExp(`^usage: adr ${command[0]}`), `${command.join(' ')} ${flag}`);
      }
    // After other arguments too, where they are still options.
    for (const args of [
      ['init', 'doc/x', '--help'],
      ['link', '1', 'Amends', '2', '-h'],
      ['new', '-s', '2', '--help', 'Title'],
      ['generate', 'toc', '-p', 'x/', '-h'],
    ])
      assert.deepStrictEqual(adr(dir, args).code, 0, args.join(' '));
    assert.deepStrictEqual(snapshot(dir), before);
    assert.strictEqual(read(dir, '.adr-dir'), 'docs/decisions\n');
    // adr's own help, as `adr help`.
    const help = adr(dir, ['--help']);
    assert.deepStrictEqual([help.code, help.out], [0, adr(dir, ['help']).out]);
  });

  it('an argument starting with - that is no option of the command is a usage error that changes nothing', () => {
    const dir = repo();
    const before = snapshot(dir);
    const cases: [string[], RegExp][] = [
      [['init', '-x'], /^adr: init does not take -x \(a folder named -x goes after --: adr init -- -x\); nothing was changed\.\n\nusage: adr init/],
      [['init', '--force', 'doc/adr'], /^adr: init does not take --force/],
      [['link', '-x', '1', 'Amends', '2', 'Amended by'], /^adr: link does not take -x; nothing was changed\.\n\nusage: adr link/],
      [['list', '--all'], /^adr: list does not take --all; nothing was changed\.\n\nusage: adr list/],
      [['upgrade-repository', '--dry-run'], /^adr: upgrade-repository does not take --dry-run; nothing was changed\.\n\nusage: adr upgrade-repository/],
      [['new', '--title', 'X'], /^adr: new does not take --title \(only -s and -l\); nothing was written\.\n\nusage: adr new/],
      [['new', '-x', 'X'], /^adr: new does not take -x \(only -s and -l\); nothing was written\./],
    ];
    for (const [args, message] of cases) {
      const r = adr(dir, args);
      assert.deepStrictEqual([r.code, r.out], [1, ''], args.join(' '));
      assert.match(r.err, message, args.join(' '));
    }
    assert.deepStrictEqual(snapshot(dir), before);
    // Said after `--`, a folder whose name starts with - is what was asked for.
    const dashed = adr(dir, ['init', '--', '-odd']);
    assert.deepStrictEqual([dashed.code, dashed.out], [0, '-odd/0001-record-architecture-decisions.md\n']);
    assert.strictEqual(read(dir, '.adr-dir'), '-odd\n');
  });

  it('generate toc and graph refuse an unknown option or a missing value with exit 1, as getopt and getopts do', () => {
    const dir = repo();
    assert.deepStrictEqual(adr(dir, ['generate', 'toc', '-x']), { code: 1, out: '', err: "getopt: invalid option -- 'x'\n" });
    assert.deepStrictEqual(adr(dir, ['generate', 'toc', '-p', 'docs/', '--long']), { code: 1, out: '', err: "getopt: unrecognized option '--long'\n" });
    assert.deepStrictEqual(adr(dir, ['generate', 'toc', '-p']), { code: 1, out: '', err: "getopt: option requires an argument -- 'p'\n" });
    assert.deepStrictEqual(adr(dir, ['generate', 'graph', '-x']), { code: 1, out: '', err: 'adr generate graph: illegal option -- x\n' });
    assert.deepStrictEqual(adr(dir, ['generate', 'graph', '-e']), { code: 1, out: '', err: 'adr generate graph: option requires an argument -- e\n' });
    assert.deepStrictEqual(adr(dir, ['generate', 'graph', '-p', 'x/', '-e']), {
      code: 1,
      out: '',
      err: 'adr generate graph: option requires an argument -- e\n',
    });
    // The options they take still work, and a value may start with -.
    const graph = adr(dir, ['generate', 'graph', '-e', '.svg', '-p', '-x/']);
    assert.deepStrictEqual([graph.code, graph.err], [0, '']);
    assert.match(graph.out, /URL="-x\/0002-use-postgres\.svg"/);
    const toc = adr(dir, ['generate', 'toc', '-pdocs/']);
    assert.deepStrictEqual([toc.code, toc.err], [0, '']);
    assert.match(toc.out, /^\* \[2\. Use Postgres\]\(docs\/0002-use-postgres\.md\)$/m);
  });
});

describe('lodestar adr new: ADR_TEMPLATE', () => {
  it('a template that cannot be read is an error naming it, exit 1, nothing written', () => {
    const dir = repo();
    const before = snapshot(dir);
    for (const [template, reason] of [
      ['/nonexistent.md', 'No such file or directory'],
      ['missing/template.md', 'No such file or directory'],
      ['docs', 'Is a directory'],
    ]) {
      const r = adr(dir, ['new', 'Use', 'Redis'], { ADR_TEMPLATE: template });
      assert.deepStrictEqual(
        r,
        { code: 1, out: '', err: `adr: the template ${template} (ADR_TEMPLATE) cannot be read: ${reason}; nothing was written.\n` },
        template,
      );
    }
    assert.deepStrictEqual(snapshot(dir), before);
  });

  it('a relative ADR_TEMPLATE is read from the folder adr runs in, as adr-tools `cat`s it; a blank one is unset', () => {
    const dir = repo();
    writeFiles(dir, {
      'tpl.md': '# NUMBER. TITLE (top)\n\nDate: DATE\n\n## Status\n\nSTATUS\n',
      'docs/tpl.md': '# NUMBER. TITLE (docs)\n\nDate: DATE\n\n## Status\n\nSTATUS\n',
    });
    const top = adr(dir, ['new', 'Top'], { ADR_TEMPLATE: 'tpl.md' });
    assert.deepStrictEqual([top.code, top.out, top.err], [0, 'docs/decisions/0004-top.md\n', '']);
    assert.strictEqual(read(dir, 'docs/decisions/0004-top.md'), '# 4. Top (top)\n\nDate: 2026-11-21\n\n## Status\n\nAccepted\n');
    // Run from docs/: .adr-dir is found above, the template beside where it runs.
    const sub = adr(path.join(dir, 'docs'), ['new', 'Sub'], { ADR_TEMPLATE: 'tpl.md' });
    assert.deepStrictEqual([sub.code, sub.err], [0, '']);
    assert.match(read(dir, 'docs/decisions/0005-sub.md'), /^# 5\. Sub \(docs\)\n/);
    const blank = adr(dir, ['new', 'Blank'], { ADR_TEMPLATE: '  ' });
    assert.deepStrictEqual([blank.code, blank.err], [0, '']);
    assert.match(read(dir, 'docs/decisions/0006-blank.md'), /^# 6\. Blank\n\nDate: 2026-11-21\n\n## Status\n\nAccepted\n\n## Context\n/);
  });
});

describe('lodestar adr: titles', () => {
  it('a title with line breaks, tabs or other control characters is written on one line; runs of spaces stay as typed', () => {
    assert.strictEqual(oneLineTitle('tab\tand\nnewline'), 'tab and newline');
    assert.strictEqual(oneLineTitle('a \r\n\t b\u2028c\u0007d'), 'a b c d');
    assert.strictEqual(oneLineTitle('\n  lead and trail \t\n'), 'lead and trail');
    assert.strictEqual(oneLineTitle('two  spaces'), 'two  spaces');
    const dir = repo();
    const r = adr(dir, ['new', 'tab\tand\nnewline', 'then\r\nmore']);
    assert.deepStrictEqual([r.code, r.out, r.err], [0, 'docs/decisions/0004-tab-and-newline-then-more.md\n', '']);
    assert.match(read(dir, 'docs/decisions/0004-tab-and-newline-then-more.md'), /^# 4\. tab and newline then more\n\nDate: 2026-11-21\n/);
    assert.strictEqual(adr(dir, ['new', 'Two  spaces']).code, 0);
    assert.match(read(dir, 'docs/decisions/0005-two-spaces.md'), /^# 5\. Two {2}spaces\n/);
    assert.strictEqual(adr(dir, ['new', '\n\t']).out, 'ERROR: no title given\n');
  });

  it('a byte order mark before the title line is no part of the label in toc, graph and written links', () => {
    const dir = repo();
    writeFiles(dir, { 'docs/decisions/0004-b.md': '\ufeff# 4. B\r\n\r\nDate: 2026-11-21\r\n\r\n## Status\r\n\r\nAccepted\r\n' });
    assert.match(adr(dir, ['generate', 'toc']).out, /^\* \[4\. B\]\(0004-b\.md\)$/m);
    assert.match(adr(dir, ['generate', 'graph']).out, /^ {4}_4 \[label="4\. B"; URL="0004-b\.html"\];$/m);
    assert.strictEqual(adr(dir, ['new', '-l', '4:Amends:Amended by', '-s', '4', 'C']).code, 0);
    const c = read(dir, 'docs/decisions/0005-c.md');
    assert.match(c, /^Supercedes \[4\. B\]\(0004-b\.md\)$/m);
    assert.match(c, /^Amends \[4\. B\]\(0004-b\.md\)$/m);
    assert.strictEqual(adr(dir, ['link', '2', 'Clarifies', '4', 'Clarified by']).code, 0);
    assert.match(read(dir, 'docs/decisions/0002-use-postgres.md'), /^Clarifies \[4\. B\]\(0004-b\.md\)$/m);
    assert.ok(read(dir, 'docs/decisions/0004-b.md').startsWith('\ufeff# 4. B\r\n'), 'the BOM is kept');
  });
});

describe('lodestar adr new: messages', () => {
  it('-l without all three parts echoes the value as given', () => {
    const dir = repo();
    const r = adr(dir, ['new', '-l', '1::Rev', 'X']);
    assert.deepStrictEqual(r, { code: 1, out: '', err: 'adr: -l needs TARGET:LINK:REVERSE-LINK (got "1::Rev"); nothing was written.\n' });
  });

  it('one number taken on another branch is said in the singular', () => {
    const dir = repoWithColleagueRecords(['Colleague idea']);
    const r = adr(dir, ['new', 'My', 'idea']);
    assert.deepStrictEqual([r.code, r.out], [0, 'doc/adr/0003-my-idea.md\n']);
    assert.strictEqual(r.err, 'adr: 2 is taken on another branch (colleague); using 3.\n');
  });

  it('names only the numbers another branch uses, not the free ones below them', () => {
    // main has 0001-0007; feature adds 0009: 8 is free everywhere, 9 is feature's, so the record is 10.
    const dir = makeTempDir();
    initRepo(dir);
    adr(dir, ['init']);
    for (let n = 2; n <= 7; n++) adr(dir, ['new', `Decision ${n}`]);
    commitAll(dir, 'seven records');
    git(dir, ['checkout', '-q', '-b', 'feature']);
    writeFiles(dir, { 'doc/adr/0009-feature-thing.md': '# 9. Feature thing\n' });
    commitAll(dir, 'feature thing');
    git(dir, ['checkout', '-q', 'main']);
    const r = adr(dir, ['new', 'Main', 'thing']);
    assert.deepStrictEqual(r, { code: 0, out: 'doc/adr/0010-main-thing.md\n', err: 'adr: 9 is taken on another branch (feature); using 10.\n' });
  });
});

describe('lodestar adr new: ADR_DATE', () => {
  it('an ADR_DATE that is no date is written as given (as adr-tools) and said on stderr; a date is not', () => {
    const dir = makeTempDir();
    assert.strictEqual(adr(dir, ['init']).code, 0);
    const bad = adr(dir, ['new', 'Use', 'Postgres'], { ADR_DATE: 'next tuesday' });
    assert.strictEqual(bad.code, 0);
    assert.match(bad.err, /^adr: warning: ADR_DATE "next tuesday" is not a date \(YYYY-MM-DD\)/m);
    assert.match(read(dir, 'doc/adr/0002-use-postgres.md'), /^Date: next tuesday$/m);
    const good = adr(dir, ['new', 'Use', 'Redis'], { ADR_DATE: '2026-12-07' });
    assert.deepStrictEqual([good.code, good.err], [0, '']);
    assert.match(read(dir, 'doc/adr/0003-use-redis.md'), /^Date: 2026-12-07$/m);
  });
});
