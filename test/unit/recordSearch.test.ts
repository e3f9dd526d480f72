import * as assert from 'assert';
import { parseSearchQuery, readSearchable, searchRecords } from '../../src/core/search/recordSearch';
import { NodeFileSystem } from '../../src/core/store/nodeFileSystem';
import { madr4Adr, nygardAdr, sessionNote } from '../fixtures/recordText';
import { runCli } from './cliInProcess';
import { indexOf } from './helpers';

const files = {
  'doc/adr/0001-use-postgresql.md': nygardAdr({ number: 1, title: 'Use PostgreSQL' }).replace(
    '## Decision\n\n',
    '## Decision\n\nReplicas stay in one région.\n',
  ),
  'doc/adr/0002-encrypt-backups.md': madr4Adr({ title: 'Encrypt backups', status: 'proposed', extraFrontMatter: 'tags: [security, storage]\n' }).replace(
    'Chosen option: the first one.',
    'Chosen option: age, with a key held in PostgreSQL.',
  ),
  'docs/design/search.md': '---\ntitle: Search rewrite\nstatus: draft\ntags: [search]\n---\n# Search rewrite\n\nWe index records in PostgreSQL too.\n',
  'docs/mentoring/alice/2026-02-01-career.md': sessionNote({ date: '2026-02-01', kind: 'career', with: ['alice'], title: 'PostgreSQL career talk' }),
};

describe('record search', () => {
  it('finds every word in title, tags and text, title matches first, with the line of the match', async () => {
    const { index } = await indexOf(files);
    const records = index.records().filter((r) => r.kind === 'decision' || r.kind === 'design');
    const all = await readSearchable(new NodeFileSystem(), records);
    const hits = searchRecords(all, { text: 'postgresql' });
    assert.deepStrictEqual(
      hits.map((h) => h.record.title),
      ['Use PostgreSQL', 'Encrypt backups', 'Search rewrite'],
    );
    const backups = hits[1];
    assert.strictEqual(backups.preview, 'Chosen option: age, with a key held in PostgreSQL.');
    assert.strictEqual(backups.line, 18);
    assert.strictEqual(backups.column, 'Chosen option: age, with a key held in '.length);
    // Accents and case do not matter; all words must match.
    assert.deepStrictEqual(
      searchRecords(all, { text: 'REGION replicas' }).map((h) => [h.record.title, h.line]),
      [['Use PostgreSQL', 15]],
    );
    assert.deepStrictEqual(searchRecords(all, { text: 'postgresql kafka' }), []);
    assert.deepStrictEqual(
      searchRecords(all, { text: 'postgresql', tags: ['#SECURITY'] }).map((h) => h.record.title),
      ['Encrypt backups'],
    );
    assert.deepStrictEqual(
      searchRecords(all, { text: '', statuses: ['draft'] }).map((h) => h.record.title),
      ['Search rewrite'],
    );
  });

  it("reads status: and tag: terms out of a typed query, as the views' filter does", async () => {
    assert.deepStrictEqual(parseSearchQuery('  Key status:Proposed #Security held 2 '), { text: '2 key held', tags: ['security'], statuses: ['proposed'] });
    assert.deepStrictEqual(parseSearchQuery(''), { text: '' });
    const { index } = await indexOf(files);
    const all = await readSearchable(
      new NodeFileSystem(),
      index.records().filter((r) => r.kind === 'decision' || r.kind === 'design'),
    );
    assert.deepStrictEqual(
      searchRecords(all, parseSearchQuery('postgresql tag:search')).map((h) => h.record.title),
      ['Search rewrite'],
    );
    assert.deepStrictEqual(
      searchRecords(all, parseSearchQuery('postgresql s:proposed')).map((h) => h.record.title),
      ['Encrypt backups'],
    );
  });

  it('lodestar search prints path:line lines or JSON, and exits 1 when nothing matches', async () => {
    const { root } = await indexOf(files);
    const text = await runCli(['search', 'postgresql', '--root', root, '--status', 'proposed']);
    assert.strictEqual(text.code, 0, text.stderr);
    assert.strictEqual(
      text.stdout,
      'doc/adr/0002-encrypt-backups.md:18: 0002 Encrypt backups [proposed] — Chosen option: age, with a key held in PostgreSQL.\n',
    );
    const json = await runCli(['search', 'postgresql', '--json', '--tag', 'search', '--root', root]);
    assert.deepStrictEqual(JSON.parse(json.stdout), {
      results: [
        {
          kind: 'design',
          path: 'docs/design/search.md',
          line: 8,
          number: null,
          title: 'Search rewrite',
          status: 'draft',
          tags: ['search'],
          preview: 'We index records in PostgreSQL too.',
        },
      ],
    });
    // A match in the title is shown by the title alone (not the title twice).
    const titled = await runCli(['search', 'encrypt', '--root', root]);
    assert.strictEqual(titled.stdout, 'doc/adr/0002-encrypt-backups.md:10: 0002 Encrypt backups [proposed]\n');
    const none = await runCli(['search', 'career', '--root', root, '--tag', 'security']);
    assert.strictEqual(none.code, 1);
    assert.strictEqual(none.stdout, '');
    assert.strictEqual(none.stderr, 'lodestar search: no decision record or design doc matches "career", with the tag security (3 read)\n');
    const noneJson = await runCli(['search', 'career', '--root', root, '--json']);
    assert.deepStrictEqual([noneJson.code, JSON.parse(noneJson.stdout), noneJson.stderr], [1, { results: [] }, '']);
    assert.strictEqual((await runCli(['search', '--root', root])).code, 2);
  });
});
