import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readFrontMatter } from '../../src/core/records/frontMatter';
import { RecordIndex } from '../../src/core/index/recordIndex';
import { DEFAULT_SETTINGS } from '../../src/core/index/recordFolders';
import { toPortPath } from '../../src/core/store/fileSystem';
import { NodeFileSystem, readWholeFile, readWholeFileNow } from '../../src/core/store/nodeFileSystem';
import { makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { nygardAdr } from '../fixtures/recordText';
import { byName, indexOf } from './helpers';

const good = nygardAdr({ number: 1, title: 'Good record' });

/** Every bad file is listed with a problem, the good record next to it is unaffected, and nothing is rewritten. */
async function expectProblem(name: string, content: string | Uint8Array, code: string): Promise<void> {
  const files = { 'doc/adr/0001-good-record.md': good, [`doc/adr/${name}`]: content };
  const { root, index } = await indexOf(files);
  const problems = index.problems().filter((p) => p.path.endsWith(`/${name}`));
  assert.deepStrictEqual(
    problems.map((p) => p.code),
    [code],
    `problems for ${name}: ${JSON.stringify(index.problems())}`,
  );
  assert.ok(
    index.records().some((r) => r.path.endsWith(`/${name}`)),
    `${name} is still listed`,
  );
  const goodRecord = byName(index, '0001-good-record.md');
  assert.deepStrictEqual([goodRecord.title, goodRecord.status], ['Good record', 'accepted']);
  const after = fs.readFileSync(path.join(root, 'doc/adr', name));
  assert.ok(Buffer.from(content).equals(after), `${name} was not rewritten`);
}

describe('bad input', () => {
  it('malformed YAML front matter', () => expectProblem('0002-bad-yaml.md', '---\nstatus: [accepted\n---\n# 2. Bad\n', 'malformed-front-matter'));
  it('broken front matter makes up no tags or status from its text, and the record says its front matter is malformed', async () => {
    const shapes: [string, string[]][] = [
      ['tags: [a', []],
      ['tags: [a, b\nstatus: accepted', []],
      ['tags: {a: 1', []],
      ['tags: ["a, b]', []],
      ['tags: [a,, b]', []],
      ['tags: [a]] ', []],
      ['tags: "security\nstatus: accepted', []],
      ['status: [accepted\ntags: [a', []],
      // A line that is YAML on its own still says what it says.
      ['tags: [kafka, events] # ok\ntitle: "Unclosed', ['kafka', 'events']],
    ];
    const files: Record<string, string> = {};
    shapes.forEach(([yaml], i) => (files[`docs/decisions/${String(i + 1).padStart(4, '0')}-broken.md`] = `---\n${yaml}\n---\n# Broken ${i + 1}\n\nText.\n`));
    const { index } = await indexOf(files);
    for (const [i, [yaml, tags]] of shapes.entries()) {
      const name = `${String(i + 1).padStart(4, '0')}-broken.md`;
      const r = byName(index, name);
      assert.deepStrictEqual(r.tags ?? [], tags, yaml);
      assert.ok(!/[[\]{}"]/.test(String(r.status ?? '')), `${yaml}: status ${r.status}`);
      assert.deepStrictEqual(
        index
          .problems()
          .filter((p) => p.path.endsWith(`/${name}`))
          .map((p) => p.code),
        ['malformed-front-matter'],
        yaml,
      );
    }
    assert.ok(!index.records().some((r) => (r.tags ?? []).some((t) => /[[\]{}"]/.test(t))));
  });
  it('front matter without its closing ---', () => expectProblem('0002-unclosed.md', '---\nstatus: accepted\n\n# 2. Unclosed\n', 'unclosed-front-matter'));
  it('an empty file', () => expectProblem('0002-empty.md', '', 'empty-file'));
  it('a binary file named .md', () => expectProblem('0002-binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x00]), 'binary-file'));
  it('invalid UTF-8', () =>
    expectProblem('0002-latin1.md', Buffer.concat([Buffer.from('# 2. Caf'), Buffer.from([0xe9]), Buffer.from('\n\n## Status\n\nAccepted\n')]), 'invalid-utf8'));
  it('a 10 MB file', () => expectProblem('0002-huge.md', `# 2. Huge\n\n## Status\n\nAccepted\n\n${'x'.repeat(10 * 1024 * 1024)}`, 'file-too-large'));
  it('a ---js block, which is never executed', async () => {
    const marker = `lodestar_js_ran_${process.pid}`;
    await expectProblem('0002-js.md', `---js\n{ status: (globalThis.${marker} = 'yes') }\n---\n# 2. JS\n`, 'unsupported-front-matter');
    assert.strictEqual((globalThis as Record<string, unknown>)[marker], undefined);
  });
  it('an alias bomb fails fast as malformed front matter', async () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    ].join('\n');
    await expectProblem('0002-bomb.md', `---\n${bomb}\n---\n# 2. Bomb\n`, 'malformed-front-matter');
  });

  it('__proto__ and constructor keys stay plain data', async () => {
    const { index } = await indexOf({
      'docs/decisions/0001-proto.md': '---\nstatus: accepted\n__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\n---\n# Proto\n',
    });
    assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
    assert.strictEqual(index.records()[0].status, 'accepted');
    const fm = readFrontMatter('---\n__proto__: {x: 1}\n---\n');
    assert.strictEqual(Object.getPrototypeOf(fm.data), null);
    assert.deepStrictEqual(Object.keys(fm.data ?? {}), ['__proto__']);
  });

  it('BOM and CRLF are read, and the file is left as it was', async () => {
    const text = `\uFEFF${nygardAdr({ number: 2, title: 'Windows line endings', eol: '\r\n' })}`;
    const { root, index } = await indexOf({ 'doc/adr/0002-crlf.md': text });
    const r = byName(index, '0002-crlf.md');
    assert.deepStrictEqual([r.number, r.title, r.status, r.date], [2, 'Windows line endings', 'accepted', '2026-01-05']);
    assert.deepStrictEqual(index.problems(), []);
    assert.strictEqual(fs.readFileSync(path.join(root, 'doc/adr/0002-crlf.md'), 'utf8'), text);
    const fm = readFrontMatter('\uFEFF---\r\nstatus: accepted\r\n---\r\n# T\r\n');
    assert.strictEqual(fm.data?.status, 'accepted');
  });

  it('two ADRs with the same number are both listed and both flagged', async () => {
    const { index } = await indexOf({
      'doc/adr/0003-use-kafka.md': nygardAdr({ number: 3, title: 'Use Kafka' }),
      'doc/adr/0003-use-rabbitmq.md': nygardAdr({ number: 3, title: 'Use RabbitMQ' }),
    });
    assert.strictEqual(index.records().length, 2);
    const dups = index.problems().filter((p) => p.code === 'duplicate-number');
    assert.deepStrictEqual(dups.map((p) => [path.basename(p.path), p.severity]).sort(), [
      ['0003-use-kafka.md', 'error'],
      ['0003-use-rabbitmq.md', 'error'],
    ]);
    assert.match(dups[0].message, /also used by 0003-use-/);
  });

  it('broken and one-sided supersede links are errors', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A', status: '', statusLines: ['Superceded by [2. B](0002-b.md)'] }),
      'doc/adr/0002-b.md': nygardAdr({ number: 2, title: 'B' }),
      'doc/adr/0003-c.md': nygardAdr({ number: 3, title: 'C', statusLines: ['Amends [9. Gone](0009-gone.md)'] }),
    });
    const codes = index
      .problems()
      .map((p) => `${path.basename(p.path)} ${p.code}`)
      .sort();
    assert.deepStrictEqual(codes, ['0001-a.md one-sided-link', '0003-c.md broken-link']);
  });

  it('non-ASCII file names and titles', async () => {
    const { index } = await indexOf({ 'doc/adr/0004-użyj-café-数据库.md': nygardAdr({ number: 4, title: 'Użyj café 数据库 🚀' }) });
    const r = index.records()[0];
    assert.deepStrictEqual([r.number, r.title], [4, 'Użyj café 数据库 🚀']);
    assert.ok(r.path.endsWith('0004-użyj-café-数据库.md'));
  });

  it('a folder that is not a git repository at all is indexed the same', async () => {
    const { root, index } = await indexOf({ 'doc/adr/0001-good-record.md': good });
    assert.strictEqual(fs.existsSync(path.join(root, '.git')), false);
    assert.strictEqual(index.records().length, 1);
  });
});

describe('reading whole files', () => {
  it('reads files larger than one read chunk, empty files, and reports a missing file or a folder as an error', async () => {
    const root = makeTempDir();
    const big = Buffer.from('0123456789abcdef'.repeat(5000)); // 80,000 bytes: five chunks
    writeFiles(root, { 'big.md': big, 'empty.md': '', 'dir/x.md': 'x' });
    assert.deepStrictEqual(await readWholeFile(path.join(root, 'big.md')), big);
    assert.strictEqual((await readWholeFile(path.join(root, 'empty.md'))).length, 0);
    await assert.rejects(readWholeFile(path.join(root, 'missing.md')), (e: NodeJS.ErrnoException) => e.code === 'ENOENT');
    await assert.rejects(readWholeFile(path.join(root, 'dir')), (e: NodeJS.ErrnoException) => e.code === 'EISDIR');
    // Many at once share the read buffers without mixing their bytes.
    const names = Array.from({ length: 200 }, (_, i) => `f${i}.md`);
    writeFiles(root, Object.fromEntries(names.map((n, i) => [n, `file ${i} `.repeat(i * 10 + 1)])));
    const texts = await Promise.all(names.map((n) => readWholeFile(path.join(root, n)).then((b) => b.toString())));
    texts.forEach((t, i) => assert.strictEqual(t, `file ${i} `.repeat(i * 10 + 1)));
  });

  it('reads a whole file at once into a reused buffer: larger than the buffer, exactly its size, empty; a missing file or a folder throws', () => {
    const root = makeTempDir();
    const big = Buffer.from('0123456789abcdef'.repeat(13000)); // 208,000 bytes: more than three buffers' worth
    const exact = Buffer.alloc(64 * 1024, 'y');
    writeFiles(root, { 'big.md': big, 'exact.md': exact, 'small.md': 'small', 'empty.md': '', 'dir/x.md': 'x' });
    assert.ok(Buffer.from(readWholeFileNow(path.join(root, 'big.md'))).equals(big));
    assert.ok(Buffer.from(readWholeFileNow(path.join(root, 'exact.md'))).equals(exact));
    assert.strictEqual(Buffer.from(readWholeFileNow(path.join(root, 'small.md'))).toString(), 'small');
    assert.strictEqual(readWholeFileNow(path.join(root, 'empty.md')).length, 0);
    assert.throws(
      () => readWholeFileNow(path.join(root, 'missing.md')),
      (e: NodeJS.ErrnoException) => e.code === 'ENOENT',
    );
    assert.throws(
      () => readWholeFileNow(path.join(root, 'dir')),
      (e: NodeJS.ErrnoException) => e.code === 'EISDIR',
    );
  });

  it('an index read one file at a time (the CLI) holds the same records and problems as one read with many reads in flight', async () => {
    const root = makeTempDir();
    writeFiles(root, {
      'doc/adr/0001-good-record.md': good,
      'doc/adr/0002-bad-yaml.md': '---\nstatus: [accepted\n---\n# 2. Bad\n',
      'doc/adr/0003-empty.md': '',
      'doc/adr/0004-binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x00]),
      'doc/adr/0005-latin1.md': Buffer.concat([Buffer.from('# 5. Caf'), Buffer.from([0xe9]), Buffer.from('\n\n## Status\n\nAccepted\n')]),
      'doc/adr/0006-huge.md': `# 6. Huge\n\n## Status\n\nSuperseded by [1. Good record](0001-good-record.md)\n\n${'x'.repeat(2 * 1024 * 1024)}`,
      'doc/adr/0007-long.md': `# 7. Long\n\n## Status\n\nAccepted\n\n${'é'.repeat(100 * 1024)}\n`,
      'docs/design/one.md': '---\ntitle: One\nstatus: draft\nowner: &o dana\nreviewer: *o\n---\n# One\n',
      'docs/mentoring/dana.md': '---\nhandle: dana\n---\n# Dana\n',
      'docs/mentoring/dana/2026-01-02-pairing.md': '---\nwith: [sam]\n---\n# Pairing\n',
    });
    const built = async (blockingReads: boolean): Promise<RecordIndex> => {
      const index = new RecordIndex(new NodeFileSystem({ blockingReads }), toPortPath(root), DEFAULT_SETTINGS);
      await index.build();
      return index;
    };
    const [inFlight, oneAtATime] = [await built(false), await built(true)];
    assert.strictEqual(inFlight.size, 10);
    assert.deepStrictEqual(oneAtATime.records(), inFlight.records());
    assert.deepStrictEqual(oneAtATime.problems(), inFlight.problems());
    assert.deepStrictEqual(
      inFlight
        .problems()
        .map((p) => p.code)
        .sort(),
      ['binary-file', 'empty-file', 'file-too-large', 'invalid-utf8', 'malformed-front-matter', 'one-sided-link'],
    );
  });
});
