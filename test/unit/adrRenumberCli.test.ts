import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildRepo, commitAll, git, writeFiles } from '../fixtures/gitRepo';
import { nygardAdr } from '../fixtures/recordText';
import { runCli } from './cliInProcess';

/** `lodestar adr …` runs in the folder it is started in, as adr-tools does. */
async function adrIn(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    return await runCli(['adr', ...args]);
  } finally {
    process.chdir(before);
  }
}

function repo(): string {
  return buildRepo({
    'doc/adr/0001-record-architecture-decisions.md': nygardAdr({ number: 1, title: 'Record architecture decisions' }),
    'doc/adr/0002-use-kafka.md': nygardAdr({ number: 2, title: 'Use Kafka', status: '', statusLines: ['Superseded by [3. Use NATS](0003-use-nats.md)'] }),
    'doc/adr/0003-use-nats.md': nygardAdr({ number: 3, title: 'Use NATS', statusLines: ['Supersedes [2. Use Kafka](0002-use-kafka.md)'] }),
    'doc/adr/0004-ops.md': '# 4. Ops\n\nSee [ADR-0003](0003-use-nats.md#decision).\n',
  });
}

describe('lodestar adr renumber', () => {
  it('--to N: renames the file, its title follows, and every link to it in the folder is rewritten', async () => {
    const root = repo();
    const r = await adrIn(root, ['renumber', 'doc/adr/0003-use-nats.md', '--to', '7']);
    assert.deepStrictEqual([r.code, r.stdout], [0, 'doc/adr/0007-use-nats.md\n'], r.stderr);
    const adr = (name: string): string => fs.readFileSync(path.join(root, 'doc/adr', name), 'utf8');
    assert.ok(!fs.existsSync(path.join(root, 'doc/adr/0003-use-nats.md')));
    assert.match(adr('0007-use-nats.md'), /^# 7\. Use NATS\n/);
    assert.match(adr('0002-use-kafka.md'), /Superseded by \[7\. Use NATS\]\(0007-use-nats\.md\)/);
    assert.strictEqual(adr('0004-ops.md'), '# 4. Ops\n\nSee [ADR-0007](0007-use-nats.md#decision).\n');
    const lint = await runCli(['lint', '--root', root]);
    assert.ok(!/broken-link|one-sided-link|title-number-mismatch/.test(lint.stdout), lint.stdout);
  });

  it('links from elsewhere in the repository follow: a design doc (front matter and text), a README, an untracked note, a link from the top', async () => {
    const root = repo();
    writeFiles(root, {
      'docs/design/events.md': '---\ntitle: Events\ndecisions: [../../doc/adr/0003-use-nats.md]\n---\n# Events\n\nOn [NATS](../../doc/adr/0003-use-nats.md).\n',
      'README.md': '# Platform\n\n* [3. Use NATS](doc/adr/0003-use-nats.md)\n',
      'docs/guide.md': 'From the top: [NATS](/doc/adr/0003-use-nats.md).\n',
    });
    commitAll(root, 'design and readme');
    writeFiles(root, { 'notes/draft.md': 'See [NATS](../doc/adr/0003-use-nats.md).\n' });
    const r = await adrIn(root, ['renumber', 'doc/adr/0003-use-nats.md', '--to', '7']);
    assert.deepStrictEqual([r.code, r.stdout], [0, 'doc/adr/0007-use-nats.md\n'], r.stderr);
    const read = (p: string): string => fs.readFileSync(path.join(root, p), 'utf8');
    assert.strictEqual(
      read('docs/design/events.md'),
      '---\ntitle: Events\ndecisions: [../../doc/adr/0007-use-nats.md]\n---\n# Events\n\nOn [NATS](../../doc/adr/0007-use-nats.md).\n',
    );
    assert.strictEqual(read('README.md'), '# Platform\n\n* [7. Use NATS](doc/adr/0007-use-nats.md)\n');
    assert.strictEqual(read('notes/draft.md'), 'See [NATS](../doc/adr/0007-use-nats.md).\n');
    assert.strictEqual(read('docs/guide.md'), 'From the top: [NATS](/doc/adr/0007-use-nats.md).\n');
    const lint = await runCli(['lint', '--root', root]);
    assert.ok(!/broken-link/.test(lint.stdout), lint.stdout);
  });

  it('a record numbered by its front matter id keeps its file name; the id takes the number', async () => {
    const root = repo();
    writeFiles(root, { 'doc/adr/typed-errors.md': '---\nid: ADR-0008\nstatus: accepted\n---\n\n# Typed errors\n' });
    const r = await adrIn(root, ['renumber', 'doc/adr/typed-errors.md', '--to', '9']);
    assert.deepStrictEqual([r.code, r.stdout], [0, 'doc/adr/typed-errors.md\n'], r.stderr);
    assert.strictEqual(fs.readFileSync(path.join(root, 'doc/adr/typed-errors.md'), 'utf8'), '---\nid: ADR-0009\nstatus: accepted\n---\n\n# Typed errors\n');
  });

  it('--next-free (the default) skips numbers used on other branches', async () => {
    const root = repo();
    git(root, ['checkout', '-q', '-b', 'colleague']);
    writeFiles(root, { 'doc/adr/0005-use-grpc.md': nygardAdr({ number: 5, title: 'Use gRPC' }) });
    commitAll(root, 'gRPC');
    git(root, ['checkout', '-q', 'main']);
    const r = await adrIn(path.join(root, 'doc'), ['renumber', 'adr/0002-use-kafka.md']);
    assert.deepStrictEqual([r.code, r.stdout], [0, 'adr/0006-use-kafka.md\n'], r.stderr);
    assert.match(fs.readFileSync(path.join(root, 'doc/adr/0003-use-nats.md'), 'utf8'), /Supersedes \[6\. Use Kafka\]\(0006-use-kafka\.md\)/);
  });

  it('--to N refuses a number another branch gives to another record, as adr new skips it, and says when git refused to tell', async () => {
    const root = repo();
    git(root, ['checkout', '-q', '-b', 'colleague']);
    writeFiles(root, { 'doc/adr/0005-use-grpc.md': nygardAdr({ number: 5, title: 'Use gRPC' }) });
    commitAll(root, 'gRPC');
    git(root, ['checkout', '-q', 'main']);
    const before = fs.readdirSync(path.join(root, 'doc/adr'));
    const refused = await adrIn(root, ['renumber', 'doc/adr/0004-ops.md', '--to', '5']);
    assert.deepStrictEqual([refused.code, refused.stdout], [1, '']);
    assert.strictEqual(
      refused.stderr,
      'adr: number 5 is already used by 0005-use-grpc.md on branch colleague; nothing was changed. Choose another number, or --next-free for one free on every branch\n',
    );
    assert.deepStrictEqual(fs.readdirSync(path.join(root, 'doc/adr')), before);
    // A number no branch uses is taken, and lint finds nothing to say about it.
    const ok = await adrIn(root, ['renumber', 'doc/adr/0004-ops.md', '--to', '6']);
    assert.deepStrictEqual([ok.code, ok.stdout, ok.stderr], [0, 'doc/adr/0006-ops.md\n', '']);
    assert.ok(!/number-on-other-branch/.test((await runCli(['lint', '--root', root])).stdout));

    // When git refuses to read the other branches, the number is checked here only, and that is said.
    fs.writeFileSync(path.join(root, '.git/packed-refs'), 'not a ref line\n');
    const unchecked = await adrIn(root, ['renumber', 'doc/adr/0006-ops.md', '--to', '8']);
    assert.deepStrictEqual([unchecked.code, unchecked.stdout], [0, 'doc/adr/0008-ops.md\n']);
    assert.match(
      unchecked.stderr,
      /^adr: the decision numbers of other branches could not be read \(git: .*packed-refs.*\); 8 is free here, but other branches were not checked\.\n$/,
    );
  });

  it('refuses a taken number, a missing file, a file that is no numbered record and bad options, changing nothing', async () => {
    const root = repo();
    const before = fs.readdirSync(path.join(root, 'doc/adr')).map((n) => [n, fs.readFileSync(path.join(root, 'doc/adr', n), 'utf8')]);
    const cases: [string[], number, RegExp][] = [
      [['renumber', 'doc/adr/0003-use-nats.md', '--to', '2'], 1, /^adr: number 2 is already used by 0002-use-kafka\.md; nothing was changed\n$/],
      [['renumber', 'doc/adr/0009-none.md'], 1, /^adr: no decision record matches "doc\/adr\/0009-none\.md" in doc\/adr; nothing was changed\n$/],
      [['renumber', '9'], 1, /^adr: no decision record matches "9" in doc\/adr; nothing was changed\n$/],
      [['renumber', 'doc/adr/0003-use-nats.md', '--to', 'x'], 1, /--to needs a positive whole number/],
      [['renumber', 'doc/adr/0003-use-nats.md', '--to', '4', '--next-free'], 1, /not both/],
      [['renumber'], 1, /needs the RECORD/],
      [['renumber', 'doc/adr/0003-use-nats.md', '--force'], 1, /does not take --force/],
    ];
    for (const [args, code, message] of cases) {
      const r = await adrIn(root, args);
      assert.strictEqual(r.code, code, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
    }
    writeFiles(root, { 'notes/0001-x.md': '# 1. X\n' });
    const notRecord = await adrIn(root, ['renumber', 'notes/0001-x.md', '--to', '3']);
    assert.strictEqual(notRecord.code, 0, "a numbered file in any folder is that folder's record");
    const after = fs.readdirSync(path.join(root, 'doc/adr')).map((n) => [n, fs.readFileSync(path.join(root, 'doc/adr', n), 'utf8')]);
    assert.deepStrictEqual(after, before);
  });

  it('RECORD is a number or part of a file name, as link, -s and -l take them; usage errors exit 1 like theirs', async () => {
    const root = repo();
    const byNumber = await adrIn(root, ['renumber', '3', '--to', '7']);
    assert.deepStrictEqual(
      [byNumber.code, byNumber.stdout, byNumber.stderr],
      [0, 'doc/adr/0007-use-nats.md\n', 'adr: renumbered 0003-use-nats.md to 7; links in 2 other records follow.\n'],
    );
    const byName = await adrIn(root, ['renumber', 'ops', '--to', '5']);
    assert.deepStrictEqual([byName.code, byName.stdout], [0, 'doc/adr/0005-ops.md\n'], byName.stderr);
    const inside = await adrIn(path.join(root, 'doc'), ['renumber', '5', '--to', '6']);
    assert.deepStrictEqual([inside.code, inside.stdout], [0, 'adr/0006-ops.md\n'], inside.stderr);
    const badTo = await adrIn(root, ['renumber', '7', '--to', '0']);
    assert.strictEqual(badTo.code, 1);
    assert.match(badTo.stderr, /--to needs a positive whole number[^]*usage: adr renumber RECORD/);
  });

  it('its help says every Markdown file of the repository that links the record follows', async () => {
    const r = await adrIn(repo(), ['renumber', '--help']);
    assert.strictEqual(r.code, 0);
    assert.match(r.stdout.replace(/\s+/g, ' '), /every link to it from the Markdown files of the repository is rewritten/);
  });

  it('to a number of fewer digits writes the heading and link labels plain, as adr-tools writes them', async () => {
    const root = repo();
    writeFiles(root, { 'docs/design.md': 'Messaging follows [ADR 3](../doc/adr/0003-use-nats.md).\n' });
    commitAll(root, 'design');
    const up = await adrIn(root, ['renumber', '3', '--to', '40']);
    assert.strictEqual(up.code, 0, up.stderr);
    const down = await adrIn(root, ['renumber', '40', '--to', '3']);
    assert.deepStrictEqual([down.code, down.stdout], [0, 'doc/adr/0003-use-nats.md\n'], down.stderr);
    const read = (p: string): string => fs.readFileSync(path.join(root, p), 'utf8');
    assert.match(read('doc/adr/0003-use-nats.md'), /^# 3\. Use NATS\n/);
    assert.match(read('doc/adr/0002-use-kafka.md'), /Superseded by \[3\. Use NATS\]\(0003-use-nats\.md\)/);
    assert.strictEqual(read('doc/adr/0004-ops.md'), '# 4. Ops\n\nSee [ADR-0003](0003-use-nats.md#decision).\n');
    assert.strictEqual(read('docs/design.md'), 'Messaging follows [ADR 3](../doc/adr/0003-use-nats.md).\n');
  });

  it('the same number is nothing to do', async () => {
    const root = repo();
    const r = await adrIn(root, ['renumber', 'doc/adr/0004-ops.md', '--to', '4']);
    assert.deepStrictEqual([r.code, r.stdout], [0, 'doc/adr/0004-ops.md already has number 4; nothing was changed.\n']);
  });
});
