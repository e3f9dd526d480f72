import * as assert from 'assert';
import * as fs from 'fs';
import { folderDialect, supersedeText } from '../../src/core/decisions/newDecision';
import { madr2Adr, madr4Adr, nygardAdr } from '../fixtures/recordText';
import { byName, indexOf } from './helpers';

describe('decision dialects', () => {
  it('reads adr-tools/Nygard records: number, title, status, date and both supersede spellings', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-record-architecture-decisions.md': nygardAdr({ number: 1, title: 'Record architecture decisions', date: '2024-01-02' }),
      'doc/adr/0002-use-mysql.md': nygardAdr({
        number: 2,
        title: 'Use MySQL',
        status: '',
        statusLines: ['Superceded by [3. Use PostgreSQL](0003-use-postgresql.md)'],
      }),
      'doc/adr/0003-use-postgresql.md': nygardAdr({
        number: 3,
        title: 'Use PostgreSQL',
        statusLines: ['Supersedes [2. Use MySQL](0002-use-mysql.md)', 'Superseded by [4. Use CockroachDB](0004-use-cockroachdb.md)'],
      }),
      'doc/adr/0004-use-cockroachdb.md': nygardAdr({
        number: 4,
        title: 'Use CockroachDB',
        statusLines: ['Supersedes [3. Use PostgreSQL](0003-use-postgresql.md)'],
      }),
    });
    const first = byName(index, '0001-record-architecture-decisions.md');
    assert.deepStrictEqual(
      [first.number, first.title, first.status, first.date, first.dialect],
      [1, 'Record architecture decisions', 'accepted', '2024-01-02', 'nygard'],
    );
    const mysql = byName(index, '0002-use-mysql.md');
    assert.strictEqual(mysql.status, 'superseded');
    assert.deepStrictEqual(
      mysql.links.map((l) => [l.kind, l.target.split('/').pop()]),
      [['superseded-by', '0003-use-postgresql.md']],
    );
    const pg = byName(index, '0003-use-postgresql.md');
    assert.strictEqual(pg.status, 'superseded', 'the "Superseded" spelling counts too');
    assert.deepStrictEqual(
      pg.links.map((l) => l.kind),
      ['supersedes', 'superseded-by'],
    );
    assert.deepStrictEqual(index.problems(), []);
  });

  it('reads MADR 2 bullets, with a supersede link in the status bullet', async () => {
    const { index } = await indexOf({
      'docs/adr/0001-use-markdown.md': madr2Adr({
        title: 'Use Markdown Architectural Decision Records',
        status: 'accepted',
        date: '2018-09-15',
        deciders: 'Oliver, Anna',
      }),
      'docs/adr/0002-use-json.md': madr2Adr({ title: 'Use JSON', status: 'superseded by [ADR-0003](0003-use-yaml.md)' }),
      'docs/adr/0003-use-yaml.md': madr2Adr({ title: 'Use YAML', status: 'accepted', links: ['Supersedes [ADR-0002](0002-use-json.md)'] }),
    });
    const md = byName(index, '0001-use-markdown.md');
    assert.deepStrictEqual(
      [md.number, md.title, md.status, md.date, md.dialect],
      [1, 'Use Markdown Architectural Decision Records', 'accepted', '2018-09-15', 'madr2'],
    );
    assert.deepStrictEqual(md.people, ['Oliver', 'Anna']);
    const json = byName(index, '0002-use-json.md');
    assert.strictEqual(json.status, 'superseded');
    assert.strictEqual(json.links[0].kind, 'superseded-by');
    assert.ok(json.links[0].target.endsWith('/docs/adr/0003-use-yaml.md'));
    assert.deepStrictEqual(index.problems(), []);
  });

  it("reads MADR 2 fields one to a line, with the template's `<!-- optional -->` left in and a Technical Story line", async () => {
    const { index } = await indexOf({
      'docs/adr/0004-use-kafka.md':
        '# Use Kafka\n\n* Status: accepted <!-- optional -->\n* Deciders: [@oliver](https://github.com/oliver), Anna Schmidt, and Bob <!-- optional -->\n* Date: 2018-09-15 <!-- optional -->\n\nTechnical Story: [#42](https://example.com/issues/42) <!-- optional -->\n\n## Context and Problem Statement\n\nC.\n\n## Decision Outcome\n\nD.\n',
      'docs/adr/0005-use-nats.md':
        '# Use NATS\n\n- Status: proposed\n- Deciders: Ada; Grace, and Research and Development; proposed by: Linus\n- Date: 2019-01-02\n\n## Context and Problem Statement\n\nC.\n',
    });
    const kafka = byName(index, '0004-use-kafka.md');
    assert.deepStrictEqual([kafka.status, kafka.date, kafka.dialect, kafka.people], ['accepted', '2018-09-15', 'madr2', ['@oliver', 'Anna Schmidt', 'Bob']]);
    const nats = byName(index, '0005-use-nats.md');
    assert.deepStrictEqual([nats.status, nats.date, nats.people], ['proposed', '2019-01-02', ['Ada', 'Grace', 'Research and Development', 'Linus']]);
  });

  it('reads MADR 3 and 4 front matter and tells them apart', async () => {
    const { index } = await indexOf({
      'docs/decisions/0001-use-madr-4.md': madr4Adr({ title: 'Use MADR 4', status: 'accepted', date: '2024-09-02', makers: ['Ada', 'Grace'] }),
      'docs/decisions/0002-use-madr-3.md': madr4Adr({ title: 'Use MADR 3', status: 'proposed', madr3: true }),
      'docs/decisions/0003-old.md': madr4Adr({ title: 'Old way', status: '"superseded by ADR-0001"' }),
    });
    const four = byName(index, '0001-use-madr-4.md');
    assert.deepStrictEqual(
      [four.number, four.title, four.status, four.date, four.dialect, four.people],
      [1, 'Use MADR 4', 'accepted', '2024-09-02', 'madr4', ['Ada', 'Grace']],
    );
    assert.strictEqual(byName(index, '0002-use-madr-3.md').dialect, 'madr3');
    const old = byName(index, '0003-old.md');
    assert.strictEqual(old.status, 'superseded');
    assert.strictEqual(index.resolveLink(old, old.links[0].target), four.path, 'ADR-0001 resolves to the record by number');
  });

  it('reads a MADR record with no status (every MADR 3/4 key is optional) as MADR by its sections, and supersedes it in MADR', async () => {
    // As MADR's own and many projects' decision logs are: Jekyll keys in the front matter, MADR's sections, no status.
    const madrBody = (title: string): string =>
      `# ${title}\n\n## Context and Problem Statement\n\nWhich component should render it?\n\n## Considered Options\n\n* Use \`TextArea\`\n\n## Decision Outcome\n\nChosen option: "Use \`TextArea\`", because it is simple.\n`;
    const { index } = await indexOf({
      'docs/decisions/0000-use-markdown-any-decision-records.md': `---\nparent: Decision Records\nnav_order: 0\n---\n${madrBody('Use Markdown Any Decision Records')}`,
      'docs/decisions/0036-use-markdown-for-chat-content.md': `---\nnav_order: 0036\nparent: Decision Records\n---\n\n${madrBody('Use Markdown for chat content')}`,
      'docs/decisions/0037-no-front-matter.md': madrBody('No front matter'),
      'docs/decisions/0038-notes.md': '# Notes\n\nJust notes, with a [link](https://example.com).\n',
    });
    const chat = byName(index, '0036-use-markdown-for-chat-content.md');
    assert.deepStrictEqual([chat.number, chat.title, chat.status, chat.dialect], [36, 'Use Markdown for chat content', null, 'madr4']);
    assert.strictEqual(byName(index, '0037-no-front-matter.md').dialect, 'madr2');
    assert.strictEqual(byName(index, '0038-notes.md').dialect, 'plain');
    assert.strictEqual(folderDialect(index.records()), 'madr');
    const text = fs.readFileSync(chat.path, 'utf8');
    const superseded = supersedeText(chat, text, {
      number: 66,
      title: 'Use MarkdownTextFlow',
      path: chat.path.replace(/0036-.*$/, '0066-use-markdowntextflow.md'),
    });
    assert.ok(
      superseded.startsWith('---\nnav_order: 0036\nparent: Decision Records\nstatus: \"superseded by [ADR-0066](0066-use-markdowntextflow.md)\"\n---\n'),
      superseded,
    );
    assert.doesNotMatch(superseded, /## Status/);
  });

  it('reads log4brains date-named records: no number, date from the name, folders from .log4brains.yml', async () => {
    const { index } = await indexOf({
      '.log4brains.yml': 'project:\n  name: shop\n  adrFolder: ./docs/adr\npackages:\n  - name: billing\n    path: ./billing\n    adrFolder: ./billing/adr\n',
      'docs/adr/20200101-use-log4brains.md': '# Use Log4brains to manage the ADRs\n\n- Status: accepted\n- Date: 2020-01-01\n- Tags: doc\n\n## Context\n',
      'docs/adr/20210315-no-date-line.md': '# A record without a date line\n\n- Status: draft\n',
      'billing/adr/20220202-bill-monthly.md': '# Bill monthly\n\n- Status: proposed\n',
    });
    const l4b = byName(index, '20200101-use-log4brains.md');
    assert.deepStrictEqual(
      [l4b.number, l4b.title, l4b.status, l4b.date, l4b.dialect],
      [null, 'Use Log4brains to manage the ADRs', 'accepted', '2020-01-01', 'log4brains'],
    );
    assert.strictEqual(byName(index, '20210315-no-date-line.md').date, '2021-03-15');
    assert.strictEqual(byName(index, '20220202-bill-monthly.md').status, 'proposed');
    assert.strictEqual(index.folders.filter((f) => f.kind === 'decision').length, 2);
  });

  it('keeps statuses outside the usual vocabulary as written, lower-cased', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A', status: '**Accepted** (2021-03-01)' }),
      'doc/adr/0002-b.md': nygardAdr({ number: 2, title: 'B', status: 'On hold' }),
      'doc/adr/0003-c.md': '# 3. C\n\nDate: 2020-02-02\n\nStatus: Deprecated\n\n## Context\n',
    });
    assert.strictEqual(byName(index, '0001-a.md').status, 'accepted');
    assert.strictEqual(byName(index, '0002-b.md').status, 'on hold');
    assert.strictEqual(byName(index, '0003-c.md').status, 'deprecated');
  });

  it("does not take a title from a code block, and skips README, index, template files and templates/, and a folder's own papers", async () => {
    const { index } = await indexOf({
      'doc/adr/CONTRIBUTING.md': '# Contributing\n\nWrite an ADR with adr new.\n',
      'doc/adr/CHANGELOG.md': '# Changelog\n',
      'doc/adr/SUMMARY.md': '# Summary\n\n* [Real title](0001-x.md)\n',
      'doc/adr/_sidebar.md': '* [Home](/)\n',
      'doc/adr/LICENSE.md': '# MIT\n',
      'doc/adr/0001-x.md': '```md\n# Not the title\n```\n\n# 1. Real title\n\n## Status\n\nProposed\n',
      'doc/adr/README.md': '# Decisions\n',
      'doc/adr/index.md': '# Index\n',
      'doc/adr/template.md': '# NUMBER. TITLE\n',
      'doc/adr/adr-template-lite.md': '# Template\n',
      'doc/adr/templates/template.md': '# NUMBER. TITLE\n',
    });
    assert.deepStrictEqual(
      index.records().map((r) => r.title),
      ['Real title'],
    );
  });
});
