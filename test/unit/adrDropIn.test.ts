import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { adrToolsSlug } from '../../src/core/decisions/adrTools';
import { FileExistsError, NodeRecordWriter } from '../../src/core/store/recordWriter';
import { makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { repoWithColleagueRecords, runAdr } from '../fixtures/adrCli';

/**
 * `lodestar adr` against golden output taken from adr-tools 3.0.0 running the
 * same commands (ADR_DATE fixed, no editor).
 */
const CLI = path.resolve(__dirname, '../../../dist/cli.js');

const adr = runAdr;

const read = (dir: string, rel: string): string => fs.readFileSync(path.join(dir, rel), 'utf8');
const BODY = `## Context

The issue motivating this decision, and any context that influences or constrains the decision.

## Decision

The change that we're proposing or have agreed to implement.

## Consequences

What becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated.
`;

describe('lodestar adr: the adr-tools drop-in', () => {
  it('init, new, -s, -l, link, list, generate toc and graph write what adr-tools writes', () => {
    const dir = makeTempDir();
    const steps: [string[], string][] = [
      [['init'], 'doc/adr/0001-record-architecture-decisions.md\n'],
      [['new', 'Use', 'PostgreSQL'], 'doc/adr/0002-use-postgresql.md\n'],
      [['new', '-s', '2', 'Use', 'CockroachDB'], 'doc/adr/0003-use-cockroachdb.md\n'],
      [['new', '-l', '2:Amends:Amended by', 'Tweak', 'the', 'schema'], 'doc/adr/0004-tweak-the-schema.md\n'],
      [['new', '-s', '1', '-s', '4', 'Start', 'over'], 'doc/adr/0005-start-over.md\n'],
      [['link', '3', 'Clarifies', '1', 'Clarified by'], ''],
    ];
    for (const [args, expected] of steps) {
      const r = adr(dir, args);
      assert.deepStrictEqual([r.code, r.out, r.err], [0, expected, ''], args.join(' '));
    }
    assert.strictEqual(
      read(dir, 'doc/adr/0002-use-postgresql.md'),
      `# 2. Use PostgreSQL\n\nDate: 2026-11-21\n\n## Status\n\nSuperceded by [3. Use CockroachDB](0003-use-cockroachdb.md)\n\nAmended by [4. Tweak the schema](0004-tweak-the-schema.md)\n\n${BODY}`,
    );
    assert.strictEqual(
      read(dir, 'doc/adr/0003-use-cockroachdb.md'),
      `# 3. Use CockroachDB\n\nDate: 2026-11-21\n\n## Status\n\nAccepted\n\nSupercedes [2. Use PostgreSQL](0002-use-postgresql.md)\n\nClarifies [1. Record architecture decisions](0001-record-architecture-decisions.md)\n\n${BODY}`,
    );
    assert.strictEqual(
      read(dir, 'doc/adr/0005-start-over.md'),
      `# 5. Start over\n\nDate: 2026-11-21\n\n## Status\n\nAccepted\n\nSupercedes [1. Record architecture decisions](0001-record-architecture-decisions.md)\n\nSupercedes [4. Tweak the schema](0004-tweak-the-schema.md)\n\n${BODY}`,
    );
    assert.match(
      read(dir, 'doc/adr/0001-record-architecture-decisions.md'),
      /^# 1\. Record architecture decisions\n\nDate: 2026-11-21\n\n## Status\n\nSuperceded by \[5\. Start over\]\(0005-start-over\.md\)\n\nClarified by \[3\. Use CockroachDB\]\(0003-use-cockroachdb\.md\)\n\n## Context\n\nWe need to record the architectural decisions made on this project\.\n/,
    );

    const files = [
      '0001-record-architecture-decisions.md',
      '0002-use-postgresql.md',
      '0003-use-cockroachdb.md',
      '0004-tweak-the-schema.md',
      '0005-start-over.md',
    ];
    assert.strictEqual(adr(dir, ['list']).out, files.map((f) => `doc/adr/${f}\n`).join(''));
    const titles = ['1. Record architecture decisions', '2. Use PostgreSQL', '3. Use CockroachDB', '4. Tweak the schema', '5. Start over'];
    assert.strictEqual(
      adr(dir, ['generate', 'toc', '-p', 'docs/']).out,
      `# Architecture Decision Records\n\n${files.map((f, i) => `* [${titles[i]}](docs/${f})\n`).join('')}`,
    );
    const nodes = files
      .map(
        (f, i) =>
          `    _${i + 1} [label="${titles[i]}"; URL="p/${f.replace('.md', '')}.svg"];\n${i > 0 ? `    _${i} -> _${i + 1} [style="dotted", weight=1];\n` : ''}`,
      )
      .join('');
    assert.strictEqual(
      adr(dir, ['generate', 'graph', '-p', 'p/', '-e', '.svg']).out,
      `digraph {\n  node [shape=plaintext];\n  subgraph {\n${nodes}  }\n  _3 -> _2 [label="Supercedes", weight=0]\n  _3 -> _1 [label="Clarifies", weight=0]\n  _4 -> _2 [label="Amends", weight=0]\n  _5 -> _1 [label="Supercedes", weight=0]\n  _5 -> _4 [label="Supercedes", weight=0]\n}\n`,
    );
  });

  it('file names follow adr-tools slug rules', () => {
    assert.strictEqual(adrToolsSlug("Don't panic!  (really)"), 'don-t-panic-really');
    assert.strictEqual(adrToolsSlug('Café ünïcode title'), 'caf-n-code-title');
    assert.strictEqual(adrToolsSlug('--weird--'), 'weird');
    assert.strictEqual(adrToolsSlug('🚀'), '');
    assert.strictEqual(adrToolsSlug('a/b\\c'), 'a-b-c');
    assert.strictEqual(adrToolsSlug('../../etc/passwd'), 'etc-passwd');
  });

  it('.adr-dir is written by init DIR and found from a sub-folder; paths print relative to where it runs', () => {
    const dir = makeTempDir();
    assert.strictEqual(adr(dir, ['init', 'docs/architecture']).out, 'docs/architecture/0001-record-architecture-decisions.md\n');
    assert.strictEqual(read(dir, '.adr-dir'), 'docs/architecture\n');
    fs.mkdirSync(path.join(dir, 'src'));
    assert.strictEqual(adr(path.join(dir, 'src'), ['new', 'From', 'below']).out, '../docs/architecture/0002-from-below.md\n');
  });

  it('titles are written as typed (adr-tools would turn & into "TITLE"), and a project template is used', () => {
    const dir = makeTempDir();
    adr(dir, ['init']);
    writeFiles(dir, { 'doc/adr/templates/template.md': '# NUMBER. TITLE\n\nDate: DATE\n\nStatus: STATUS\n' });
    assert.strictEqual(adr(dir, ['new', 'Use C++ & Rust DATE']).out, 'doc/adr/0002-use-c-rust-date.md\n');
    assert.strictEqual(read(dir, 'doc/adr/0002-use-c-rust-date.md'), '# 2. Use C++ & Rust DATE\n\nDate: 2026-11-21\n\nStatus: Accepted\n');
  });

  it('messages and exit codes: no title, unknown command, no folder, a reference that matches nothing', () => {
    const dir = makeTempDir();
    assert.deepStrictEqual(adr(dir, ['list']), { code: 1, out: 'The doc/adr directory does not exist\n', err: '' });
    const bogus = adr(dir, ['bogus']);
    assert.strictEqual(bogus.code, 1);
    assert.match(bogus.out, /^usage: adr help COMMAND \[ARG\] \.\.\.\nCOMMAND is one of: \n  init\n/);
    adr(dir, ['init']);
    assert.deepStrictEqual(adr(dir, ['new']), { code: 1, out: 'ERROR: no title given\n', err: '' });
    assert.strictEqual(adr(dir, ['new', '   ']).code, 1);
    const missing = adr(dir, ['new', '-s', '9', 'Replace', 'nothing']);
    assert.strictEqual(missing.code, 1);
    assert.match(missing.err, /no decision record matches "9"/);
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, 'doc/adr')), ['0001-record-architecture-decisions.md'], 'nothing was written');
    assert.strictEqual(adr(dir, ['help', 'new']).out.split('\n')[0], 'usage: adr new [-s SUPERCEDED] [-l TARGET:LINK:REVERSE-LINK] TITLE_TEXT...');
  });

  it('-s takes a number exactly (adr-tools would grep "3" and could pick 0001-use-python-3.md)', () => {
    const dir = makeTempDir();
    adr(dir, ['init']);
    adr(dir, ['new', 'Use', 'Python', '3']);
    adr(dir, ['new', 'Use', 'Go']);
    assert.strictEqual(adr(dir, ['new', '-s', '3', 'Use', 'Rust']).code, 0);
    assert.match(read(dir, 'doc/adr/0003-use-go.md'), /Superceded by \[4\. Use Rust\]/);
    assert.doesNotMatch(read(dir, 'doc/adr/0002-use-python-3.md'), /Superceded/);
  });

  it('inside a git repository, numbers used on other branches are skipped, with a note on stderr', () => {
    const dir = repoWithColleagueRecords(['Colleague idea', 'Another idea']);
    const r = adr(dir, ['new', 'My', 'idea']);
    assert.deepStrictEqual([r.code, r.out], [0, 'doc/adr/0004-my-idea.md\n']);
    assert.strictEqual(r.err, 'adr: 2 and 3 are taken on another branch (colleague); using 4.\n');
  });

  it('says on stderr when git refuses to read the other branches, and still writes the record', () => {
    const dir = repoWithColleagueRecords(['Colleague idea']);
    // A repository git stops at (as one another user owns does, or a damaged ref file).
    fs.writeFileSync(path.join(dir, '.git/packed-refs'), 'not a ref line\n');
    const r = adr(dir, ['new', 'My', 'idea']);
    assert.deepStrictEqual([r.code, r.out], [0, 'doc/adr/0002-my-idea.md\n']);
    assert.match(
      r.err,
      /^adr: the decision numbers of other branches could not be read \(git: .*packed-refs.*\); 2 was chosen from this branch's records only\.\n$/,
    );
    // With no repository at all there is nothing to read, and nothing to say (as lint says nothing).
    const plain = makeTempDir();
    adr(plain, ['init']);
    assert.deepStrictEqual(adr(plain, ['new', 'My', 'idea']), { code: 0, out: 'doc/adr/0002-my-idea.md\n', err: '' });
  });

  it('a file already in the folder counts toward the number and is left untouched', () => {
    const dir = makeTempDir();
    adr(dir, ['init']);
    writeFiles(dir, { 'doc/adr/0002-use-kafka.md': 'precious\n' });
    const r = adr(dir, ['new', 'Use', 'Kafka']);
    assert.strictEqual(r.out, 'doc/adr/0003-use-kafka.md\n');
    assert.strictEqual(read(dir, 'doc/adr/0002-use-kafka.md'), 'precious\n');
  });

  it('new records are created exclusively: an existing file is never overwritten, and replace goes through a rename', async () => {
    const dir = makeTempDir();
    const writer = new NodeRecordWriter();
    const file = path.join(dir, 'doc/adr/0002-use-kafka.md');
    await writer.createExclusive(file, 'first\n');
    await assert.rejects(writer.createExclusive(file, 'second\n'), FileExistsError);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'first\n');
    await writer.replace(file, 'changed\n');
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'changed\n');
    assert.deepStrictEqual(fs.readdirSync(path.dirname(file)), ['0002-use-kafka.md'], 'no temporary file left behind');
    // Through a symbolic link: the file it points to changes and the link stays a link; the mode is kept.
    fs.chmodSync(file, 0o640);
    const link = path.join(dir, 'linked.md');
    fs.symlinkSync(file, link);
    await writer.replace(link, 'via the link\n');
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'via the link\n');
    assert.strictEqual(fs.statSync(file).mode & 0o777, 0o640);
  });

  it('$VISUAL (then $EDITOR) opens the new record before its path is printed', () => {
    const dir = makeTempDir();
    adr(dir, ['init']);
    const log = path.join(dir, 'edited.txt');
    const editor = path.join(dir, 'fake-editor.sh');
    fs.writeFileSync(editor, `#!/bin/sh\necho "$@" >> ${log}\n`, { mode: 0o755 });
    assert.strictEqual(adr(dir, ['new', 'Edit', 'me'], { VISUAL: editor }).out, 'doc/adr/0002-edit-me.md\n');
    assert.strictEqual(adr(dir, ['new', 'Edit', 'again'], { EDITOR: editor }).out, 'doc/adr/0003-edit-again.md\n');
    assert.strictEqual(fs.readFileSync(log, 'utf8'), 'doc/adr/0002-edit-me.md\ndoc/adr/0003-edit-again.md\n');
  });
});

describe('lodestar adr: review findings', () => {
  it('an empty .adr-dir is an error, and nothing is written at the filesystem root', () => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, '.adr-dir'), '');
    const r = adr(dir, ['new', 'First']);
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /\.adr-dir is empty/);
  });

  it('.adr-dir may name a folder with spaces; index reads the same folder', () => {
    const dir = makeTempDir();
    assert.strictEqual(adr(dir, ['init', 'my adrs']).out, 'my adrs/0001-record-architecture-decisions.md\n');
    const index = JSON.parse(spawnSync(process.execPath, [CLI, 'index', '--json', '--root', dir], { encoding: 'utf8' }).stdout);
    assert.deepStrictEqual(
      index.records.map((r: { path: string }) => r.path),
      ['my adrs/0001-record-architecture-decisions.md'],
    );
  });

  it('init writes its own first record even when the project has a template', () => {
    const dir = makeTempDir();
    writeFiles(dir, { 'doc/adr/templates/template.md': '# NUMBER. TITLE\n\nCustom\n' });
    adr(dir, ['init']);
    assert.match(read(dir, 'doc/adr/0001-record-architecture-decisions.md'), /^# 1\. Record architecture decisions\n/);
  });

  it('-l needs all three parts; references are patterns, like adr-tools grep', () => {
    const dir = makeTempDir();
    adr(dir, ['init']);
    adr(dir, ['new', 'Use', 'Postgres']);
    const bad = adr(dir, ['new', '-l', '2:Amends', 'Third']);
    assert.strictEqual(bad.code, 1);
    assert.match(bad.err, /-l needs TARGET:LINK:REVERSE-LINK/);
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, 'doc/adr')).filter((f) => f.endsWith('.md')).length, 2);
    assert.strictEqual(adr(dir, ['new', '-l', 'use.postgres:Refined   by:Refines', 'Tune']).code, 0);
    assert.match(read(dir, 'doc/adr/0003-tune.md'), /Refined by \[2\. Use Postgres\]\(0002-use-postgres\.md\)/);
  });
});

describe('lodestar adr generate toc: unreadable intro or outro, as adr-tools', () => {
  it("stops where cat failed, with cat's message and exit 1; an option without its value is getopt's error", () => {
    const dir = makeTempDir();
    adr(dir, ['init']);
    const header = '# Architecture Decision Records\n\n';
    assert.deepStrictEqual(adr(dir, ['generate', 'toc', '-i', 'missing.md']), { code: 1, out: header, err: 'cat: missing.md: No such file or directory\n' });
    const full = adr(dir, ['generate', 'toc']).out;
    assert.deepStrictEqual(adr(dir, ['generate', 'toc', '-o', 'gone.md']), { code: 1, out: `${full}\n`, err: 'cat: gone.md: No such file or directory\n' });
    assert.deepStrictEqual(adr(dir, ['generate', 'toc', '-i']), { code: 1, out: '', err: "getopt: option requires an argument -- 'i'\n" });
  });
});

describe('lodestar adr with records that open with front matter', () => {
  it('toc, graph and -s label such a record by its title, not by the fence (adr-tools would write [-])', () => {
    const dir = makeTempDir();
    adr(dir, ['init']);
    adr(dir, ['new', 'Use', 'Postgres']);
    const file = path.join(dir, 'doc/adr/0002-use-postgres.md');
    // As the README suggests: front matter naming the code the decision governs.
    fs.writeFileSync(file, `---\r\napplies-to: [src/db/**]\r\n---\r\n\r\n${read(dir, 'doc/adr/0002-use-postgres.md').replace(/\n/g, '\r\n')}`);
    const toc = adr(dir, ['generate', 'toc']).out;
    assert.match(toc, /^\* \[2\. Use Postgres\]\(0002-use-postgres\.md\)$/m);
    assert.doesNotMatch(toc, /\[-\]/);
    assert.match(adr(dir, ['generate', 'graph']).out, /_2 \[label="2\. Use Postgres"; URL="0002-use-postgres\.html"\];/);
    assert.strictEqual(adr(dir, ['new', '-s', '2', 'Use', 'CockroachDB']).code, 0);
    assert.match(read(dir, 'doc/adr/0003-use-cockroachdb.md'), /Supercedes \[2\. Use Postgres\]\(0002-use-postgres\.md\)/);
    // A record without front matter is labelled as adr-tools labels it.
    assert.match(toc, /^\* \[1\. Record architecture decisions\]\(0001-record-architecture-decisions\.md\)$/m);
  });
});

describe('lodestar adr upgrade-repository, as adr-tools 3.0.0', () => {
  it("turns every record's old DD/MM/YYYY header date into ISO 8601 silently (adr-tools' migrate-date-format test), keeping all other bytes", () => {
    const dir = makeTempDir();
    adr(dir, ['init']);
    adr(dir, ['new', 'With', 'Old', 'Date', 'Format']);
    adr(dir, ['new', 'With', 'Current', 'Date', 'Format']);
    const old = path.join(dir, 'doc/adr/0002-with-old-date-format.md');
    fs.writeFileSync(old, read(dir, 'doc/adr/0002-with-old-date-format.md').replace(/^Date: .*$/m, 'Date: 12/01/1992'));
    // A CRLF record with a byte that is not UTF-8; dates in its body (after the first ## section) are left as written.
    const crlf = Buffer.concat([
      Buffer.from('# 4. Legacy\r\n\r\nDate: 31/12/2019\r\n\r\n## Status\r\n\r\nAccepted \xe9 (Date: 01/02/2003, Date: 04/05/2006)\r\n', 'latin1'),
    ]);
    fs.writeFileSync(path.join(dir, 'doc/adr/0004-legacy.md'), crlf);
    const current = read(dir, 'doc/adr/0003-with-current-date-format.md');
    const mtime = fs.statSync(path.join(dir, 'doc/adr/0003-with-current-date-format.md')).mtimeMs;

    assert.deepStrictEqual(adr(dir, ['upgrade-repository']), { code: 0, out: '', err: '' });

    assert.match(read(dir, 'doc/adr/0002-with-old-date-format.md'), /^Date: 1992-01-12$/m);
    assert.strictEqual(read(dir, 'doc/adr/0003-with-current-date-format.md'), current);
    assert.strictEqual(fs.statSync(path.join(dir, 'doc/adr/0003-with-current-date-format.md')).mtimeMs, mtime, 'an unchanged record is not rewritten');
    assert.deepStrictEqual(
      fs.readFileSync(path.join(dir, 'doc/adr/0004-legacy.md')),
      Buffer.from('# 4. Legacy\r\n\r\nDate: 2019-12-31\r\n\r\n## Status\r\n\r\nAccepted \xe9 (Date: 01/02/2003, Date: 04/05/2006)\r\n', 'latin1'),
    );
    assert.strictEqual(adr(dir, ['help', 'upgrade-repository']).out, 'usage: adr upgrade-repository\n\nUpgrades the ADR documents to the latest format.\n');
    assert.match(adr(dir, ['help']).out, /\n {2}upgrade-repository\n/);
  });

  it('reads a US-style date as the index does (12/31/2019 is 31 December), and leaves a date that is no calendar day as written, saying so', () => {
    const dir = makeTempDir();
    writeFiles(dir, {
      'doc/adr/0001-us.md': '# 1. US\n\nDate: 12/31/2019\n\n## Status\n\nAccepted\n\nDate: 12/31/2019 was the deadline.\n',
      'doc/adr/0002-day-first.md': '# 2. Day first\n\nDate: 01/02/2003\n\n## Status\n\nAccepted\n',
      'doc/adr/0003-no-day.md': '# 3. No day\n\nDate: 31/31/2003\n\n## Status\n\nAccepted\n',
    });
    assert.deepStrictEqual(adr(dir, ['upgrade-repository']), {
      code: 0,
      out: '',
      err: 'adr: doc/adr/0003-no-day.md: Date: 31/31/2003 is not a calendar day; it was left as written.\n',
    });
    assert.strictEqual(read(dir, 'doc/adr/0001-us.md'), '# 1. US\n\nDate: 2019-12-31\n\n## Status\n\nAccepted\n\nDate: 12/31/2019 was the deadline.\n');
    assert.strictEqual(read(dir, 'doc/adr/0002-day-first.md'), '# 2. Day first\n\nDate: 2003-02-01\n\n## Status\n\nAccepted\n');
    assert.strictEqual(read(dir, 'doc/adr/0003-no-day.md'), '# 3. No day\n\nDate: 31/31/2003\n\n## Status\n\nAccepted\n');
    const index = JSON.parse(spawnSync(process.execPath, [CLI, 'index', '--json', '--root', dir], { encoding: 'utf8' }).stdout) as {
      records: { path: string; date: string }[];
    };
    assert.deepStrictEqual(index.records.map((r) => r.date).slice(0, 2), ['2019-12-31', '2003-02-01']);
  });

  it("with no record folder, sed is handed the words of adr list's message and stops at the first", () => {
    const dir = makeTempDir();
    assert.deepStrictEqual(adr(dir, ['upgrade-repository']), { code: 1, out: '', err: 'sed: The: No such file or directory\n' });
    assert.deepStrictEqual(fs.readdirSync(dir), []);
  });
});
