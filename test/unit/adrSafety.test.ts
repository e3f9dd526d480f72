import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { adrMain } from '../../src/cli/adrCommand';
import { NodeRecordWriter, RecordWriter } from '../../src/core/store/recordWriter';
import { makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { runCli } from './cliInProcess';

/**
 * `lodestar adr` never says "nothing was changed" after changing something:
 * every file is checked before the first write, and a write that still fails
 * is undone. It also updates MADR records in their own dialect.
 */

interface Run {
  code: number;
  out: string;
  err: string;
}

async function adr(cwd: string, args: string[], options: { env?: Record<string, string>; writer?: RecordWriter } = {}): Promise<Run> {
  let out = '';
  let err = '';
  const code = await adrMain(args, {
    cwd,
    env: { PATH: process.env.PATH, ADR_DATE: '2026-11-21', ...options.env },
    out: (s) => (out += s),
    err: (s) => (err += s),
    writer: options.writer,
  });
  return { code, out, err };
}

/** Every file under the folder with its bytes and mode: what "nothing was changed" promises. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    const abs = path.join(dir, name);
    out[name] = `${(fs.statSync(abs).mode & 0o777).toString(8)} ${fs.readFileSync(abs, 'utf8')}`;
  }
  return out;
}

/** A folder as the bug reports left it: 1, 2 Use Kafka, 3 Tune Kafka (amends 2). */
async function kafkaFolder(): Promise<{ dir: string; adrDir: string }> {
  const dir = makeTempDir();
  assert.strictEqual((await adr(dir, ['init'])).code, 0);
  assert.strictEqual((await adr(dir, ['new', 'Use', 'Kafka'])).code, 0);
  assert.strictEqual((await adr(dir, ['new', '-l', '2:Amends:Amended by', 'Tune', 'Kafka'])).code, 0);
  return { dir, adrDir: path.join(dir, 'doc/adr') };
}

/** A writer that fails replacing one file, as a full disk or a vanished folder would. */
function failingOn(file: string): RecordWriter {
  const real = new NodeRecordWriter();
  return {
    createExclusive: (p, c) => real.createExclusive(p, c),
    ensureFolder: (p) => real.ensureFolder(p),
    replace: (p, c) => (path.basename(p) === file ? Promise.reject(new Error('ENOSPC: no space left on device')) : real.replace(p, c)),
  };
}

describe('lodestar adr: a refusal changes nothing', () => {
  it('a read-only record stops new -s, new -l, link and renumber before anything is written', async () => {
    const { dir, adrDir } = await kafkaFolder();
    // Tune Kafka links to itself, so renumbering it would also edit its own text.
    fs.appendFileSync(path.join(adrDir, '0003-tune-kafka.md'), '\nSee [3](0003-tune-kafka.md).\n');
    fs.chmodSync(path.join(adrDir, '0002-use-kafka.md'), 0o444);
    const before = snapshot(adrDir);
    const runs: [string, string[]][] = [
      ['new -s', ['new', '-s', '2', 'Use', 'Pulsar']],
      ['new -l', ['new', '-l', '2:Amends:Amended by', 'Use', 'Pulsar']],
      ['link', ['link', '1', 'Clarifies', '2', 'Clarified by']],
      ['renumber', ['renumber', 'doc/adr/0003-tune-kafka.md', '--to', '9']],
    ];
    for (const [what, args] of runs) {
      const r = await adr(dir, args);
      assert.deepStrictEqual([r.code, r.err], [1, 'adr: doc/adr/0002-use-kafka.md is read-only; nothing was changed. Make it writable and try again.\n'], what);
      assert.deepStrictEqual(snapshot(adrDir), before, `${what}: nothing was changed`);
    }
  });

  it('upgrade-repository: a read-only record stops it before any record is upgraded', async () => {
    const dir = makeTempDir();
    writeFiles(dir, {
      'doc/adr/0001-a.md': '# 1. A\n\nDate: 31/12/2019\n\n## Status\n\nAccepted\n',
      'doc/adr/0002-b.md': '# 2. B\n\nDate: 01/02/2020\n\n## Status\n\nAccepted\n',
    });
    const adrDir = path.join(dir, 'doc/adr');
    fs.chmodSync(path.join(adrDir, '0002-b.md'), 0o444);
    const before = snapshot(adrDir);
    assert.deepStrictEqual(await adr(dir, ['upgrade-repository']), {
      code: 1,
      out: '',
      err: 'adr: doc/adr/0002-b.md is read-only; nothing was changed. Make it writable and try again.\n',
    });
    assert.deepStrictEqual(snapshot(adrDir), before);
  });

  it('a write that fails after the first is undone: the new record is removed and the records it linked are restored', async () => {
    const { dir, adrDir } = await kafkaFolder();
    const before = snapshot(adrDir);
    // The new record and 0001 are written before 0002 fails.
    const r = await adr(dir, ['new', '-s', '1', '-s', '2', 'Use', 'Pulsar'], { writer: failingOn('0002-use-kafka.md') });
    assert.strictEqual(r.code, 1);
    assert.strictEqual(r.err, 'adr: doc/adr/0002-use-kafka.md: ENOSPC: no space left on device; nothing was changed.\n');
    assert.deepStrictEqual(snapshot(adrDir), before);

    const link = await adr(dir, ['link', '3', 'Clarifies', '2', 'Clarified by'], { writer: failingOn('0002-use-kafka.md') });
    assert.strictEqual(link.code, 1);
    assert.match(link.err, /ENOSPC.*; nothing was changed\.\n$/);
    assert.deepStrictEqual(snapshot(adrDir), before);
  });

  it('when the undo fails too, the message names the files that changed', async () => {
    const { dir, adrDir } = await kafkaFolder();
    const real = new NodeRecordWriter();
    let failures = 0;
    const writer: RecordWriter = {
      createExclusive: (p, c) => real.createExclusive(p, c),
      ensureFolder: (p) => real.ensureFolder(p),
      // 0001 is written, then every later replace fails: 0002's change and 0001's undo.
      replace: (p, c) =>
        path.basename(p) === '0001-record-architecture-decisions.md' && failures === 0 ? real.replace(p, c) : Promise.reject(new Error(`EIO ${++failures}`)),
    };
    const r = await adr(dir, ['new', '-s', '1', '-s', '2', 'Use', 'Pulsar'], { writer });
    assert.strictEqual(r.code, 1);
    assert.strictEqual(
      r.err,
      'adr: doc/adr/0002-use-kafka.md: EIO 1; could not undo everything: doc/adr/0001-record-architecture-decisions.md was changed. The other files are as they were.\n',
    );
    assert.ok(!fs.existsSync(path.join(adrDir, '0004-use-pulsar.md')), 'the new record was removed');
    assert.match(fs.readFileSync(path.join(adrDir, '0001-record-architecture-decisions.md'), 'utf8'), /Superceded by \[4\. Use Pulsar\]/);
  });

  it('renumber: a failed link rewrite puts the record back under its old name with its old text', async () => {
    const { dir, adrDir } = await kafkaFolder();
    fs.appendFileSync(path.join(adrDir, '0003-tune-kafka.md'), '\nSee [3](0003-tune-kafka.md).\n');
    const before = snapshot(adrDir);
    const r = await adr(dir, ['renumber', 'doc/adr/0003-tune-kafka.md', '--to', '9'], { writer: failingOn('0002-use-kafka.md') });
    assert.deepStrictEqual([r.code, r.out], [1, '']);
    assert.strictEqual(r.err, 'adr: renumbering stopped (ENOSPC: no space left on device); nothing was changed.\n');
    assert.deepStrictEqual(snapshot(adrDir), before);
  });
});

describe('lodestar adr new: another process takes the number meanwhile', () => {
  /** A writer that, as the new record is created, lets "another process" create `theirs` first (once). */
  function racingWriter(adrDir: string, theirs: string): RecordWriter {
    const real = new NodeRecordWriter();
    let raced = false;
    return {
      createExclusive: async (p, c) => {
        if (!raced) {
          raced = true;
          fs.writeFileSync(path.join(adrDir, theirs), 'theirs\n', { flag: 'wx' });
        }
        await real.createExclusive(p, c);
      },
      ensureFolder: (p) => real.ensureFolder(p),
      replace: (p, c) => real.replace(p, c),
    };
  }

  it('a record with the same number that appears beside it: the new record and its links move to the next number', async () => {
    const { dir, adrDir } = await kafkaFolder();
    const r = await adr(dir, ['new', '-l', '2:Amends:Amended by', 'Use', 'Pulsar'], { writer: racingWriter(adrDir, '0004-theirs.md') });
    assert.deepStrictEqual([r.code, r.out, r.err], [0, 'doc/adr/0005-use-pulsar.md\n', '']);
    assert.strictEqual(fs.readFileSync(path.join(adrDir, '0004-theirs.md'), 'utf8'), 'theirs\n');
    assert.ok(!fs.existsSync(path.join(adrDir, '0004-use-pulsar.md')));
    assert.match(fs.readFileSync(path.join(adrDir, '0005-use-pulsar.md'), 'utf8'), /^# 5\. Use Pulsar\n[\s\S]*Amends \[2\. Use Kafka\]\(0002-use-kafka\.md\)/);
    const kafka = fs.readFileSync(path.join(adrDir, '0002-use-kafka.md'), 'utf8');
    assert.match(kafka, /Amended by \[5\. Use Pulsar\]\(0005-use-pulsar\.md\)/);
    assert.doesNotMatch(kafka, /0004-use-pulsar/);
  });

  it('the very file name taken meanwhile (same title): the next number, and theirs is not overwritten', async () => {
    const { dir, adrDir } = await kafkaFolder();
    const r = await adr(dir, ['new', 'Use', 'Pulsar'], { writer: racingWriter(adrDir, '0004-use-pulsar.md') });
    assert.deepStrictEqual([r.code, r.out, r.err], [0, 'doc/adr/0005-use-pulsar.md\n', '']);
    assert.strictEqual(fs.readFileSync(path.join(adrDir, '0004-use-pulsar.md'), 'utf8'), 'theirs\n');
  });
});

describe('lodestar adr renumber: links inside the record', () => {
  it("a record's link to itself follows its new name; lint finds no broken link", async () => {
    const { dir, adrDir } = await kafkaFolder();
    fs.appendFileSync(path.join(adrDir, '0003-tune-kafka.md'), '\nSee [3](0003-tune-kafka.md) and [ADR 3](./0003-tune-kafka.md#decision).\n');
    const r = await adr(dir, ['renumber', 'doc/adr/0003-tune-kafka.md', '--to', '17']);
    assert.deepStrictEqual([r.code, r.out], [0, 'doc/adr/0017-tune-kafka.md\n'], r.err);
    const text = fs.readFileSync(path.join(adrDir, '0017-tune-kafka.md'), 'utf8');
    assert.match(text, /^# 17\. Tune Kafka\n/);
    assert.match(text, /\nSee \[17\]\(0017-tune-kafka\.md\) and \[ADR 17\]\(\.\/0017-tune-kafka\.md#decision\)\.\n$/);
    const lint = await runCli(['lint', '--root', dir]);
    assert.ok(!/broken-link|one-sided-link/.test(lint.stdout), lint.stdout);
  });
});

const MADR4 =
  '\uFEFF---\r\nstatus: accepted # decided in March\r\ndate: 2024-01-01\r\ndecision-makers: [ana]\r\n---\r\n\r\n# Use Kafka\r\n\r\n## Context and Problem Statement\r\n\r\nWe need a queue.\r\n\r\n## Decision Outcome\r\n\r\nKafka.\r\n';
const MADR2 =
  '# Use Redis\n\n* Status: accepted\n* Date: 2024-01-01\n\n## Context and Problem Statement\n\nWe need a cache.\n\n## Decision Outcome\n\nRedis.\n';

describe('lodestar adr: MADR records are updated in their own dialect', () => {
  it('new -s and -l write the MADR status and reverse links; front matter keeps its BOM, CRLF, comment and other keys', async () => {
    const dir = makeTempDir();
    writeFiles(dir, { 'doc/adr/0001-use-kafka.md': MADR4, 'doc/adr/0002-use-redis.md': MADR2 });
    const adrDir = path.join(dir, 'doc/adr');
    assert.deepStrictEqual(await adr(dir, ['new', '-s', '1', 'Use', 'Pulsar']), { code: 0, out: 'doc/adr/0003-use-pulsar.md\n', err: '' });
    assert.deepStrictEqual(await adr(dir, ['new', '-s', '2', '-l', '1:Amends:Amended by', 'Use', 'Valkey']), {
      code: 0,
      out: 'doc/adr/0004-use-valkey.md\n',
      err: '',
    });
    assert.strictEqual(
      fs.readFileSync(path.join(adrDir, '0001-use-kafka.md'), 'utf8'),
      MADR4.replace('status: accepted #', 'status: "superseded by [ADR-0003](0003-use-pulsar.md)" #') +
        '\r\n## Links\r\n\r\n* Amended by [ADR-0004](0004-use-valkey.md)\r\n',
    );
    assert.strictEqual(
      fs.readFileSync(path.join(adrDir, '0002-use-redis.md'), 'utf8'),
      MADR2.replace('* Status: accepted', '* Status: superseded by [ADR-0004](0004-use-valkey.md)'),
    );
    const valkey = fs.readFileSync(path.join(adrDir, '0004-use-valkey.md'), 'utf8');
    assert.match(valkey, /\nAccepted\n\nSupercedes \[2\. Use Redis\]\(0002-use-redis\.md\)\n\nAmends \[1\. Use Kafka\]\(0001-use-kafka\.md\)\n\n## Context\n/);

    const index = JSON.parse((await runCli(['index', '--json', '--root', dir])).stdout) as { records: { path: string; status: string }[] };
    const status = (file: string): string | undefined => index.records.find((x) => x.path.endsWith(file))?.status;
    assert.strictEqual(status('0001-use-kafka.md'), 'superseded');
    assert.strictEqual(status('0002-use-redis.md'), 'superseded');
    const lint = await runCli(['lint', '--root', dir]);
    assert.ok(!/broken-link|one-sided-link/.test(lint.stdout), lint.stdout);
  });

  it('link adds the MADR link pair once, and refuses a record linked to itself', async () => {
    const dir = makeTempDir();
    writeFiles(dir, { 'doc/adr/0001-use-kafka.md': MADR4, 'doc/adr/0002-use-redis.md': MADR2 });
    const adrDir = path.join(dir, 'doc/adr');
    for (let i = 0; i < 2; i++) assert.deepStrictEqual(await adr(dir, ['link', '2', 'Clarifies', '1', 'Clarified by']), { code: 0, out: '', err: '' });
    assert.strictEqual(fs.readFileSync(path.join(adrDir, '0002-use-redis.md'), 'utf8'), `${MADR2}\n## Links\n\n* Clarifies [ADR-0001](0001-use-kafka.md)\n`);
    assert.strictEqual(
      fs.readFileSync(path.join(adrDir, '0001-use-kafka.md'), 'utf8'),
      `${MADR4}\r\n## Links\r\n\r\n* Clarified by [ADR-0002](0002-use-redis.md)\r\n`,
    );

    const before = snapshot(adrDir);
    const self = await adr(dir, ['link', '1', 'Amends', '1', 'Amended by']);
    assert.deepStrictEqual(self, { code: 1, out: '', err: 'adr: doc/adr/0001-use-kafka.md cannot link to itself; nothing was written.\n' });
    assert.deepStrictEqual(snapshot(adrDir), before);
  });

  it('a MADR status that cannot be written safely is refused with nothing written', async () => {
    const dir = makeTempDir();
    writeFiles(dir, { 'doc/adr/0001-use-kafka.md': '---\n{status: accepted, date: 2024-01-01}\n---\n\n# Use Kafka\n\n## Decision Outcome\n\nKafka.\n' });
    const adrDir = path.join(dir, 'doc/adr');
    const before = snapshot(adrDir);
    const r = await adr(dir, ['new', '-s', '1', 'Use', 'Pulsar']);
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /^adr: 0001-use-kafka\.md: its status cannot be changed safely .*Nothing was written\.\n$/);
    assert.deepStrictEqual(snapshot(adrDir), before);
  });

  it('a record with no Status section gets its link under ## Links (adr-tools drops it)', async () => {
    const dir = makeTempDir();
    await adr(dir, ['init']);
    writeFiles(dir, { 'doc/adr/templates/template.md': '# NUMBER. TITLE\n\nDate: DATE\n\nStatus: STATUS\n' });
    assert.deepStrictEqual(await adr(dir, ['new', '-l', '1:Amends:Amended by', 'Tweak']), { code: 0, out: 'doc/adr/0002-tweak.md\n', err: '' });
    assert.strictEqual(
      fs.readFileSync(path.join(dir, 'doc/adr/0002-tweak.md'), 'utf8'),
      '# 2. Tweak\n\nDate: 2026-11-21\n\nStatus: Accepted\n\n## Links\n\n* Amends [1. Record architecture decisions](0001-record-architecture-decisions.md)\n',
    );
    assert.match(fs.readFileSync(path.join(dir, 'doc/adr/0001-record-architecture-decisions.md'), 'utf8'), /\nAmended by \[2\. Tweak\]\(0002-tweak\.md\)\n/);
  });

  it('adr link on adr-tools records does not add the same link twice', async () => {
    const { dir, adrDir } = await kafkaFolder();
    assert.strictEqual((await adr(dir, ['link', '3', 'Amends', '2', 'Amended by'])).code, 0);
    const text = fs.readFileSync(path.join(adrDir, '0002-use-kafka.md'), 'utf8');
    assert.strictEqual(text.split('Amended by [3. Tune Kafka](0003-tune-kafka.md)').length, 2, text);
    assert.strictEqual(fs.readFileSync(path.join(adrDir, '0003-tune-kafka.md'), 'utf8').split('Amends [2. Use Kafka]').length, 2);
  });
});

describe('lodestar adr: clear messages', () => {
  it('a long title is cut to a 60-character file name; a title with no ASCII letters is named "decision"', async () => {
    const dir = makeTempDir();
    await adr(dir, ['init']);
    const long = await adr(dir, ['new', ...Array.from({ length: 96 }, () => 'word')]);
    assert.deepStrictEqual([long.code, long.err], [0, '']);
    assert.strictEqual(long.out, `doc/adr/0002-${Array.from({ length: 12 }, () => 'word').join('-')}.md\n`);
    assert.match(fs.readFileSync(path.join(dir, long.out.trim()), 'utf8'), /^# 2\. (word ){95}word\n/);
    assert.deepStrictEqual(await adr(dir, ['new', '🚀🚀']), { code: 0, out: 'doc/adr/0003-decision.md\n', err: '' });
    assert.match(fs.readFileSync(path.join(dir, 'doc/adr/0003-decision.md'), 'utf8'), /^# 3\. 🚀🚀\n/);
  });

  it('an editor that fails or is missing: the path is printed and the reason given', async () => {
    const dir = makeTempDir();
    await adr(dir, ['init']);
    assert.deepStrictEqual(await adr(dir, ['new', 'One'], { env: { EDITOR: 'false' } }), {
      code: 1,
      out: 'doc/adr/0002-one.md\n',
      err: 'adr: doc/adr/0002-one.md was written, but the editor "false" exited with status 1.\n',
    });
    const missing = await adr(dir, ['new', 'Two'], { env: { VISUAL: 'no-such-editor-here' } });
    assert.deepStrictEqual(missing, {
      code: 1,
      out: 'doc/adr/0003-two.md\n',
      err: 'adr: doc/adr/0003-two.md was written, but the editor "no-such-editor-here" could not be started (ENOENT).\n',
    });
  });

  it('missing link arguments and unknown options are usage errors (exit 1); help lists renumber', async () => {
    const { dir, adrDir } = await kafkaFolder();
    const before = snapshot(adrDir);
    const link = await adr(dir, ['link', '1', 'Amends']);
    assert.strictEqual(link.code, 1);
    assert.match(link.err, /^adr: link needs SOURCE LINK TARGET REVERSE-LINK; TARGET is missing\. Nothing was written\.\n\nusage: adr link /);
    const x = await adr(dir, ['new', '-x', 'Title']);
    assert.strictEqual(x.code, 1);
    assert.match(x.err, /^adr: new does not take -x \(only -s and -l\); nothing was written\.\n\nusage: adr new /);
    const s = await adr(dir, ['new', '-s']);
    assert.match(s.err, /^adr: -s needs a value/);
    assert.deepStrictEqual(snapshot(adrDir), before);
    assert.match((await adr(dir, ['help'])).out, /\n {2}upgrade-repository\n {2}renumber\n/);
  });
});
