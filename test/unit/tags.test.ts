import * as assert from 'assert';
import { buildIndexReport } from '../../src/core/index/indexReport';
import { describeRecordFilter, matchesFilter, parseRecordFilter } from '../../src/core/listing/recordFilter';
import { recordDescription } from '../../src/core/listing/recordGroups';
import { recordLabel } from '../../src/core/records/recordLabels';
import { madr2Adr, madr4Adr, nygardAdr } from '../fixtures/recordText';
import { byName, indexOf } from './helpers';

const LOG4BRAINS = `# Use Markdown Architectural Decision Records

- Status: accepted
- Deciders: Dana Lead
- Date: 2026-02-03
- Tags: [doc, Process]

## Context and Problem Statement
`;

const LOG4BRAINS_TEMPLATE = `# [short title of solved problem and solution]

- Status: [draft | proposed | rejected | accepted | deprecated | … | superseded by [xxx](yyyymmdd-xxx.md)] <!-- optional -->
- Deciders: [list everyone involved in the decision] <!-- optional -->
- Date: [YYYY-MM-DD when the decision was last updated] <!-- optional -->
- Tags: [space and/or comma separated list of tags] <!-- optional -->
`;

describe('tags', () => {
  it('are read from front matter (list or comma string) and from a log4brains Tags line, lower-case, once each', async () => {
    const { index, root } = await indexOf({
      'docs/decisions/0001-list.md': madr4Adr({ title: 'Use a list', status: 'accepted', extraFrontMatter: 'tags: [Storage, security, storage]\n' }),
      'docs/decisions/0002-string.md': madr4Adr({ title: 'Use a string', status: 'proposed', extraFrontMatter: 'tags: api, "#events"\n' }),
      'docs/decisions/0003-none.md': madr2Adr({ title: 'Untagged', status: 'accepted' }),
      'docs/decisions/20260203-use-markdown.md': LOG4BRAINS,
      'docs/decisions/20260204-template.md': LOG4BRAINS_TEMPLATE,
      'docs/decisions/20260205-unclosed.md': LOG4BRAINS.replace('[doc, Process]', '[doc, Process'),
      'docs/design/search.md': '---\ntitle: Search rewrite\nstatus: draft\ntags:\n  - search\n  - Performance\n---\n# Search rewrite\n',
      'docs/mentoring/alice.md': '---\nname: Alice\nhandle: alice\ntags: [secret]\n---\n',
    });
    assert.deepStrictEqual(byName(index, '0001-list.md').tags, ['storage', 'security']);
    assert.deepStrictEqual(byName(index, '0002-string.md').tags, ['api', 'events']);
    assert.deepStrictEqual(byName(index, '0003-none.md').tags, []);
    assert.deepStrictEqual(byName(index, '20260203-use-markdown.md').tags, ['doc', 'process']);
    assert.deepStrictEqual(byName(index, '20260204-template.md').tags, []);
    assert.deepStrictEqual(byName(index, '20260205-unclosed.md').tags, ['doc', 'process']);
    assert.deepStrictEqual(byName(index, 'search.md').tags, ['search', 'performance']);

    const report = buildIndexReport(index);
    const entry = (p: string) => report.records.find((r) => r.path === p);
    assert.deepStrictEqual(entry('docs/decisions/0001-list.md')?.tags, ['storage', 'security']);
    assert.deepStrictEqual(entry('docs/decisions/0003-none.md')?.tags, []);
    assert.deepStrictEqual(entry('docs/design/search.md')?.tags, ['search', 'performance']);
    // Only decisions and design docs carry the added field.
    assert.strictEqual(entry('docs/mentoring/alice.md')?.tags, undefined);
    assert.ok(root);
  });

  it('show in the tree description after status and date', async () => {
    const { index } = await indexOf({
      'docs/decisions/0001-list.md': madr4Adr({ title: 'Use a list', status: 'accepted', date: '2026-03-01', extraFrontMatter: 'tags: [storage, security]\n' }),
    });
    assert.strictEqual(recordDescription(byName(index, '0001-list.md')), 'accepted · 2026-03-01 · #storage #security');
  });

  it('filter the views with tag:, t: and #, and plain words match tags too', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md': madr4Adr({ title: 'Encrypt at rest', status: 'accepted', extraFrontMatter: 'tags: [security, storage]\n' }),
      'doc/adr/0002-b.md': madr4Adr({ title: 'Use Kafka', status: 'proposed', extraFrontMatter: 'tags: [events]\n' }),
      'doc/adr/0003-c.md': nygardAdr({ number: 3, title: 'Record decisions' }),
    });
    const labels = (q: string): string[] =>
      index
        .records()
        .filter((r) => matchesFilter(r, parseRecordFilter(q)))
        .map(recordLabel)
        .sort();
    assert.deepStrictEqual(labels('tag:security'), ['0001 Encrypt at rest']);
    assert.deepStrictEqual(labels('t:EVENTS'), ['0002 Use Kafka']);
    assert.deepStrictEqual(labels('#storage'), ['0001 Encrypt at rest']);
    assert.deepStrictEqual(labels('tag:security tag:events'), ['0001 Encrypt at rest', '0002 Use Kafka']);
    assert.deepStrictEqual(labels('tag:events status:accepted'), []);
    assert.deepStrictEqual(labels('storage'), ['0001 Encrypt at rest']);
    // `#3` is still a number.
    assert.deepStrictEqual(labels('#3'), ['0003 Record decisions']);
    assert.strictEqual(describeRecordFilter(parseRecordFilter('kafka #events s:proposed 2')), 'status:proposed tag:events 2 kafka');
  });
  it('a list written half in flow style (`tags: a, [b` or `tags: a], b`) gives its tags without the stray brackets', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md': madr4Adr({ title: 'A', status: 'accepted', extraFrontMatter: 'tags: security, [storage\n' }),
      'doc/adr/0002-b.md': madr4Adr({ title: 'B', status: 'accepted', extraFrontMatter: 'tags: events], kafka\n' }),
    });
    assert.deepStrictEqual(byName(index, '0001-a.md').tags, ['security', 'storage']);
    assert.deepStrictEqual(byName(index, '0002-b.md').tags, ['events', 'kafka']);
  });
});
