import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RecordCacheFile } from '../../src/core/index/recordCacheFile';
import { RecordCache } from '../../src/core/index/recordCache';
import { DEFAULT_SETTINGS } from '../../src/core/index/recordFolders';
import { publishSite, PublishResult } from '../../src/core/site/publishSite';
import { RecordIndex } from '../../src/core/index/recordIndex';
import { draftRecord, DraftSummary, RecordDraft } from '../../src/core/site/recordDrafts';
import { buildSite } from '../../src/core/site/siteBuilder';
import { createSiteMarkdown, draftMark } from '../../src/core/site/siteMarkdown';
import { SITE_WORKER_SCRIPT, SiteWorker } from '../../src/core/site/siteWorker';
import { SiteWriter } from '../../src/core/site/siteWriter';
import { NodeFileSystem } from '../../src/core/store/nodeFileSystem';
import { buildRepo, makeTempDir } from '../fixtures/gitRepo';
import { madr4Adr, nygardAdr, sessionNote } from '../fixtures/recordText';
import { indexOf } from './helpers';

/** Every file under `dir`, relative path → bytes. */
function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(path.relative(dir, full).split(path.sep).join('/'), fs.readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

/** Records that exercise every way a body link or image can go, in several dialects, CRLF and a BOM among them. */
export const VARIED = {
  'doc/adr/0001-record-decisions.md': nygardAdr({ number: 1, title: 'Record <decisions> & "quotes"' }).replace(
    '## Context',
    `## Context

See [Kafka](0002-use-kafka.md#context "the Kafka record"), [the schema](../../schema/orders.sql), [absolute](/schema/orders.sql),
[web](https://example.org/x), [mail](mailto:a@example.org), [script](javascript:alert(1)), [ftp](ftp://example.org/f),
[a folder note](README.md), [career](../../docs/mentoring/alice/2026-02-01-career.md), [secrets](../../.env),
[outside](../../../etc/passwd), [only a query](?x=1), [here](#context), [spaced](../../docs/my%20notes.txt).

![Diagram](../../img/arch.png "Architecture") ![Remote](https://example.org/x.png) ![Missing](../../img/missing.png)
[![Badge](../../img/arch.png)](0002-use-kafka.md) [![Gone](../../img/gone.png)](../../.env) [![Web](https://example.org/b.png)](../../.env)

Text that looks like a mark: \u0001deadbeefdeadbeefo0\u0002 and \u0001 alone.
`,
  ),
  'doc/adr/0002-use-kafka.md':
    `\ufeff${nygardAdr({ number: 2, title: 'Use Kafka', statusLines: ['Supersedes [1. Record](0001-record-decisions.md)'] })}`.replace(/\n/g, '\r\n'),
  'doc/adr/0003-diagrams.md': madr4Adr({ title: 'Diagrams', status: 'accepted', extraFrontMatter: 'tags: [arch]\n' }) + '\n```mermaid\ngraph TD; A-->B;\n```\n',
  'doc/adr/README.md': '# About these records\n',
  'docs/design/events.md':
    '---\ntitle: Events platform\nstatus: approved\n---\n# Events platform\n\nBuilt on [Kafka](../../doc/adr/0002-use-kafka.md) and [nothing](../../doc/adr/0099-none.md).\n',
  'docs/my notes.txt': 'notes\n',
  'schema/orders.sql': 'create table orders();\n',
  'img/arch.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
  '.env': 'TOKEN=hunter2\n',
  'docs/mentoring/alice/2026-02-01-career.md': sessionNote({ date: '2026-02-01', kind: 'career', with: ['alice'], title: 'Career talk about promotion' }),
};

async function build(root: string, siteWorker?: string, recordCache?: RecordCache): Promise<{ result: PublishResult; files: Map<string, Buffer> }> {
  const outDir = path.join(makeTempDir(), 'site');
  const result = await publishSite({ fs: new NodeFileSystem({ blockingReads: true }), root, settings: DEFAULT_SETTINGS, outDir, siteWorker, recordCache });
  return { result, files: readTree(outDir) };
}

describe('site build on a second thread', () => {
  it('makes byte for byte the site a build on one thread makes', async () => {
    const root = buildRepo(VARIED);
    const two = await build(root);
    const one = await build(root, path.join(root, 'no-such-worker.js'));
    assert.strictEqual(two.result.usedWorker, true, 'the worker script is built next to the module');
    assert.strictEqual(one.result.usedWorker, false);
    assert.deepStrictEqual([...two.files.keys()].sort(), [...one.files.keys()].sort());
    for (const [p, bytes] of one.files) assert.ok(bytes.equals(two.files.get(p)!), `${p} differs`);
    assert.deepStrictEqual(two.result.warnings, one.result.warnings);
    assert.strictEqual(two.result.written, one.result.written);
    // And what was made is right: links resolved either way, marks-alike text kept as written, nothing private.
    const page = two.files.get('doc/adr/0001-record-decisions.html')!.toString('utf8');
    assert.match(page, /<a href="0002-use-kafka\.html#context" title="the Kafka record">Kafka<\/a>/);
    assert.match(page, /<a href="\.\.\/\.\.\/schema\/orders\.sql">absolute<\/a>/);
    assert.match(page, /<img src="\.\.\/\.\.\/img\/arch\.png" alt="Diagram" title="Architecture">/);
    assert.match(page, /<a href="0002-use-kafka\.html"><img src="\.\.\/\.\.\/img\/arch\.png" alt="Badge"><\/a>/);
    // A missing image in a link that is not published: its words, no image of a file the site does not have.
    assert.match(page, /<span class="unpublished" title="not published"><span class="unpublished" title="not found">Image: Gone<\/span><\/span>/);
    assert.doesNotMatch(page, /gone\.png/);
    assert.match(page, /<span class="unpublished" title="not a web address">ftp<\/span>/);
    assert.match(page, /\[script\]\(javascript:alert\(1\)\)/);
    assert.match(page, /\u0001deadbeefdeadbeefo0\u0002 and \u0001 alone/);
    assert.match(page, /<a href="\.\.\/\.\.\/docs\/my%20notes\.txt">spaced<\/a>/);
    assert.ok(two.files.has('docs/my notes.txt'));
    assert.match(two.files.get('docs/design/events.html')!.toString('utf8'), /<a href="\.\.\/\.\.\/doc\/adr\/0002-use-kafka\.html">Kafka<\/a>/);
    for (const [p, bytes] of two.files) assert.doesNotMatch(bytes.toString('latin1'), /hunter2|promotion/, p);
  });

  it('shares the drafting: batches the worker has not started are drafted here, and the pages come out the same', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 200; i++)
      files[`doc/adr/${String(i).padStart(4, '0')}-d.md`] = nygardAdr({
        number: i,
        title: `Decision ${i} ’quoted’`,
        statusLines: i > 1 ? [`Amends [${i - 1}. Decision](${String(i - 1).padStart(4, '0')}-d.md)`] : [],
      });
    const root = buildRepo(files);
    const { index } = await indexOf(files);
    const mark = draftMark();
    const worker = new SiteWorker(mark);
    const md = createSiteMarkdown();
    const here = new Map<string, RecordDraft>();
    try {
      // The first batch, drafted by the worker; then the rest at once, which the two threads share: the worker
      // takes them from the first, this thread from the last.
      const records = index.records();
      const send = (rs: typeof records): void => {
        for (const r of rs) worker.draft(path.join(root, path.relative(index.root, r.path)), fs.readFileSync(r.path));
      };
      send(records.slice(0, 32));
      for (const t = Date.now(); worker.draftsMade < 32 && Date.now() - t < 20_000;) await new Promise((resolve) => setTimeout(resolve, 5));
      assert.strictEqual(worker.draftsMade, 32, 'the worker drafted the first batch');
      send(records.slice(32));
      const drafted: Map<string, DraftSummary | RecordDraft> = await worker.drafted((p, bytes) => here.set(p, draftRecord(md, bytes, mark)));
      assert.ok(here.size > 0 && here.size <= 168, `${here.size} drafted here`);
      assert.strictEqual(drafted.size + here.size, 200);
      for (const [p, d] of here) drafted.set(p, d);
      const siteIndex = new RecordIndex(new NodeFileSystem(), root, DEFAULT_SETTINGS);
      await siteIndex.build();
      const out = path.join(makeTempDir(), 'site');
      const writer = new SiteWriter(out, worker);
      const shared = await buildSite(siteIndex, new NodeFileSystem(), { drafts: { mark, byPath: drafted } }, (f) => writer.write(f));
      await writer.finish(shared.paths);
      const alone = await buildSite(siteIndex, new NodeFileSystem());
      const sharedFiles = readTree(out);
      for (const f of alone.files) assert.ok(Buffer.from(f.content).equals(sharedFiles.get(f.path)!), `${f.path} differs`);
      assert.strictEqual([...sharedFiles.keys()].filter((p) => p.endsWith('.html')).length, 201);
    } finally {
      await worker.close();
    }
  });

  it('with the records kept from the build before, parses no record again and makes the same site, on two threads or one', async () => {
    const root = buildRepo(VARIED);
    const folder = makeTempDir();
    const plain = await build(root);
    // A clock a minute ahead: the files were written long enough ago to be trusted, as on a later run.
    const later = (): number => Date.now() + 60_000;
    const parsed: string[] = [];
    const counted = (): RecordCacheFile => {
      const cache = new RecordCacheFile(root, 'build-1', { folder, now: later });
      const put = cache.put.bind(cache);
      cache.put = (p, f, e) => (parsed.push(p), put(p, f, e));
      return cache;
    };
    const first = counted();
    await build(root, undefined, first);
    assert.strictEqual(first.save(), true);
    assert.ok(parsed.length >= 5, `${parsed.length} records parsed by the first build`);
    for (const worker of [undefined, path.join(root, 'no-such-worker.js')]) {
      parsed.length = 0;
      const again = await build(root, worker, counted());
      assert.deepStrictEqual(parsed, [], 'nothing parsed again');
      assert.strictEqual(again.result.usedWorker, worker === undefined);
      assert.deepStrictEqual([...again.files.keys()].sort(), [...plain.files.keys()].sort());
      for (const [p, bytes] of plain.files) assert.ok(bytes.equals(again.files.get(p)!), `${p} differs`);
    }
  });

  it('still builds the whole site when the worker cannot start', async () => {
    const root = buildRepo(VARIED);
    const broken = path.join(makeTempDir(), 'broken-worker.js');
    fs.writeFileSync(broken, "throw new Error('this worker is broken');\n");
    const fallback = await build(root, broken);
    const normal = await build(root);
    assert.strictEqual(fallback.result.usedWorker, false);
    assert.deepStrictEqual([...fallback.files.keys()].sort(), [...normal.files.keys()].sort());
    for (const [p, bytes] of normal.files) assert.ok(bytes.equals(fallback.files.get(p)!), `${p} differs`);
  });

  it('says so when the worker stops while writing pages, and leaves the repository untouched', async () => {
    const root = buildRepo(VARIED);
    const before = readTree(root);
    const stopping = path.join(makeTempDir(), 'stopping-worker.js');
    fs.writeFileSync(
      stopping,
      `const { parentPort } = require('worker_threads');\nparentPort.on('message', (m) => { if (m.job === 'pages') process.exit(3); });\nrequire(${JSON.stringify(SITE_WORKER_SCRIPT)});\n`,
    );
    await assert.rejects(build(root, stopping), /site worker stopped \(exit code 3\)/);
    const after = readTree(root);
    assert.deepStrictEqual([...after.keys()].sort(), [...before.keys()].sort());
  });
});
