import * as assert from 'assert';
import * as path from 'path';
import { nygardAdr } from '../fixtures/recordText';
import { byName, indexOf } from './helpers';

/** Shapes met in public repositories' ADR folders. */
describe('real-world record variations', () => {
  it('log4brains packages nested under project, as its schema has them', async () => {
    const { index } = await indexOf({
      '.log4brains.yml': 'project:\n  name: shop\n  adrFolder: ./docs/adr\n\n  packages:\n    - name: core\n      path: ./packages/core\n      adrFolder: ./packages/core/docs/adr\n',
      'docs/adr/20240101-a.md': '# A\n\n- Status: accepted\n',
      'packages/core/docs/adr/20240202-b.md': '# B\n\n- Status: proposed\n',
    });
    assert.deepStrictEqual(index.records().map((r) => r.title).sort(), ['A', 'B']);
  });

  it('invalid YAML front matter still gives a title, and the problem is reported', async () => {
    const { index } = await indexOf({
      'docs/architecture-decisions/adr001-add-adr-log.md': '---\nid: adrs-adr001\ntitle: ADR001: Architecture Decision Record (ADR) log\ndescription: Architecture Decision Record (ADR) log\n---\n\nThis is the log.\n',
    });
    const r = index.records()[0];
    assert.deepStrictEqual([r.number, r.title], [1, 'Architecture Decision Record (ADR) log']);
    assert.deepStrictEqual(index.problems().map((p) => p.code), ['malformed-front-matter']);
  });

  it('ADR-prefixed file names carry the number', async () => {
    const { index } = await indexOf({ 'doc/adr/ADR-0012-use-kafka.md': '# Use Kafka\n\n## Status\n\nAccepted\n', 'doc/adr/adr013_use-nats.md': '# Use NATS\n' });
    assert.deepStrictEqual(index.records().map((r) => [r.number, r.title]).sort(), [[12, 'Use Kafka'], [13, 'Use NATS']]);
  });

  it('"Implemented in !4678" is the status "implemented"; a bold __Status__ line is read', async () => {
    const { index } = await indexOf({ 'doc/adr/0001-a.md': '# Architecture Decision Record 1: A\n\n> Timestamp: 2020\n\n__Status__: Implemented in [!4678](https://example.com/mr/4678)\n' });
    assert.strictEqual(index.records()[0].status, 'implemented');
  });

  it('links listed in front matter (target, kind, filename)', async () => {
    const { index } = await indexOf({
      'docs/decisions/0001-use-madr.md': '---\nnumber: 1\ntitle: Use MADR\nstatus: superseded\nlinks:\n  - target: 2\n    kind: supersededby\n    filename: 0002-use-nygard.md\n---\n',
      'docs/decisions/0002-use-nygard.md': '---\nnumber: 2\ntitle: Use Nygard\nstatus: accepted\nlinks:\n  - target: 1\n    kind: supersedes\n---\n',
    });
    const first = byName(index, '0001-use-madr.md');
    const second = byName(index, '0002-use-nygard.md');
    assert.deepStrictEqual(first.links.map((l) => [l.kind, index.resolveLink(first, l.target)]), [['superseded-by', second.path]]);
    assert.deepStrictEqual(second.links.map((l) => [l.kind, index.resolveLink(second, l.target)]), [['supersedes', first.path]]);
    assert.deepStrictEqual(index.problems(), []);
  });

  it('older adr-tools dates (dd/mm/yyyy)', async () => {
    const { index } = await indexOf({ 'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A', date: '13/04/2016' }), 'doc/adr/0002-b.md': nygardAdr({ number: 2, title: 'B', date: '04/05/2016' }) });
    assert.deepStrictEqual(index.records().map((r) => r.date).sort(), ['2016-04-13', '2016-05-04']);
  });

  it('numbered templates are not records', async () => {
    const { index } = await indexOf({
      'doc/adr/0000-template.md': '# NUMBER. TITLE\n',
      'doc/adr/xxxx-template.md': '# Title\n\n__Status__: Status\n',
      'doc/adr/adr000-template.md': '# [TITLE]\n',
      'doc/adr/0001-email-templates.md': nygardAdr({ number: 1, title: 'Email templates' }),
    });
    assert.deepStrictEqual(index.records().map((r) => r.title), ['Email templates']);
  });

  it('a file opening with a --- horizontal rule is not unclosed front matter', async () => {
    const { index } = await indexOf({ 'doc/adr/0009-a.md': '---\n\n# Architecture Decision Record 9: A\n\n__Status__: Accepted\n' });
    assert.deepStrictEqual(index.problems(), []);
    assert.strictEqual(index.records()[0].status, 'accepted');
  });

  it('a one-sided supersede is reported on the line of the link, in plain words', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A', status: '', statusLines: ['Superseded by [2. B](0002-b.md)'] }),
      'doc/adr/0002-b.md': nygardAdr({ number: 2, title: 'B' }),
    });
    const [p] = index.problems();
    assert.deepStrictEqual([path.basename(p.path), p.code, p.line], ['0001-a.md', 'one-sided-link', 7]);
    assert.strictEqual(p.message, 'This record says it is superseded by 0002-b.md, but that record does not say it supersedes this one.');
  });
});
