import * as assert from 'assert';
import { madr2Adr, nygardAdr } from '../fixtures/recordText';
import { byName, indexOf } from './helpers';

const LOG4BRAINS_YML =
  'project:\n  name: shop\n  adrFolder: ./docs/adr\n  packages:\n    - name: billing\n      path: ./billing\n      adrFolder: ./billing/adr\n';
const fields = (r: { status: string | null; date: string | null; dialect: string; number: number | null; people: string[] }): unknown[] => [
  r.status,
  r.date,
  r.dialect,
  r.number,
  r.people,
];

/** Each dialect's own rules, as its tool applies them; `dialect` names the rule set applied. */
describe('dialect rules', () => {
  it('log4brains: a record with no status is accepted (Adr.status); draft is kept; ids are dates, not numbers; packages too', async () => {
    const { index } = await indexOf({
      '.log4brains.yml': LOG4BRAINS_YML,
      'docs/adr/20210101-use-log4brains.md': '# Use Log4brains\n\n- Date: 2021-01-01\n- Tags: doc\n\n## Context\n',
      'docs/adr/20210102-no-bullets.md': '# No bullets at all\n\n## Context\n',
      'docs/adr/20210103-event-schema.md': '# Event schema\n\n- Status: draft\n- Date: 2021-01-03\n',
      'billing/adr/20210104-invoice-numbers.md': '# Invoice numbers\r\n\r\n- Deciders: Dana Lead, Sam Staff\r\n\r\n## Context\r\n',
    });
    assert.deepStrictEqual(fields(byName(index, '20210101-use-log4brains.md')), ['accepted', '2021-01-01', 'log4brains', null, []]);
    assert.deepStrictEqual(fields(byName(index, '20210102-no-bullets.md')), ['accepted', '2021-01-02', 'log4brains', null, []]);
    assert.deepStrictEqual(fields(byName(index, '20210103-event-schema.md')), ['draft', '2021-01-03', 'log4brains', null, []]);
    assert.deepStrictEqual(fields(byName(index, '20210104-invoice-numbers.md')), ['accepted', '2021-01-04', 'log4brains', null, ['Dana Lead', 'Sam Staff']]);
  });

  it("log4brains: the template's status placeholder reads as draft, as log4brains shows it; the placeholder's example link is no link", async () => {
    const { index } = await indexOf({
      '.log4brains.yml': 'project:\n  name: shop\n  adrFolder: ./docs/adr\n',
      'docs/adr/20210501-from-the-template.md':
        '# From the template\n\n- Status: [draft | proposed | rejected | accepted | deprecated | … | superseded by [xxx](yyyymmdd-xxx.md)]\n- Deciders: [list everyone involved in the decision]\n- Date: [YYYY-MM-DD when the decision was last updated]\n\n## Context\n',
    });
    const r = byName(index, '20210501-from-the-template.md');
    assert.deepStrictEqual([...fields(r), r.links], ['draft', '2021-05-01', 'log4brains', null, [], []]);
    assert.deepStrictEqual(index.problems(), []);
  });

  it('log4brains: a status word outside its six (draft, proposed, rejected, accepted, deprecated, superseded) is kept as the team wrote it, as in every dialect (never silently changed)', async () => {
    const { index } = await indexOf({
      '.log4brains.yml': 'project:\n  name: shop\n  adrFolder: ./docs/adr\n',
      'docs/adr/20210113-distribute-as-npm-package.md':
        '# Distribute as a global npm package\n\n- Status: Implemented\n- Deciders: Thomas\n- Tags: npm, distribution\n\n## Context\n',
      'docs/adr/20210114-use-lunr.md': '# Use Lunr\n\n- Status: **Accepted**\n\n## Context\n',
      'docs/adr/20210115-use-mdx.md': '# Use MDX\n\n- Status: Deprecated\n\n## Context\n',
    });
    assert.deepStrictEqual(
      ['20210113-distribute-as-npm-package.md', '20210114-use-lunr.md', '20210115-use-mdx.md'].map((n) => byName(index, n).status),
      ['implemented', 'accepted', 'deprecated'],
    );
    assert.deepStrictEqual(byName(index, '20210113-distribute-as-npm-package.md').tags, ['npm', 'distribution']);
    // As outside log4brains.
    const { index: madr } = await indexOf({ 'docs/adr/0001-a.md': '# A\n\n* Status: Implemented\n* Date: 2021-01-01\n' });
    assert.strictEqual(byName(madr, '0001-a.md').status, 'implemented');
  });

  it('log4brains: "superseded by SLUG" names the record by its date id, in the project or a package', async () => {
    const { index } = await indexOf({
      '.log4brains.yml': LOG4BRAINS_YML,
      'docs/adr/20210201-use-kafka.md': '# Use Kafka\n\n- Status: superseded by 20210301-use-pulsar\n',
      'docs/adr/20210301-use-pulsar.md':
        '# Use Pulsar\n\n- Status: superseded by billing/20210401-use-nats\n\n## Links\n\n- Supersedes [Use Kafka](20210201-use-kafka.md)\n',
      'billing/adr/20210401-use-nats.md': '# Use NATS\n\n## Links\n\n- Supersedes [Use Pulsar](../../docs/adr/20210301-use-pulsar.md)\n',
    });
    const kafka = byName(index, '20210201-use-kafka.md');
    const pulsar = byName(index, '20210301-use-pulsar.md');
    assert.deepStrictEqual([kafka.status, pulsar.status, byName(index, '20210401-use-nats.md').status], ['superseded', 'superseded', 'accepted']);
    assert.strictEqual(index.resolveLink(kafka, kafka.links[0].target), pulsar.path);
    assert.ok(index.resolveLink(pulsar, pulsar.links[0].target).endsWith('billing/adr/20210401-use-nats.md'));
    assert.deepStrictEqual(index.problems(), []);
  });

  it('log4brains writes both sides of a supersede (`Supersedes` under `## Links`): one side alone is one-sided-link; MADR 2 writes one, and is not', async () => {
    const { index } = await indexOf({
      '.log4brains.yml': 'project:\n  name: shop\n  adrFolder: ./docs/adr\n',
      'docs/adr/20200926-use-the-adr-number.md':
        '# Use the ADR number\n\n- Status: superseded by [20201016-use-the-slug](20201016-use-the-slug.md)\n- Date: 2020-09-26\n',
      'docs/adr/20201016-use-the-slug.md':
        '# Use the slug\n\n- Status: accepted\n\n## Context\n\nThere is a conflict because [a number must be unique](20200926-use-the-adr-number.md).\n',
      'docs/adr/20201101-use-nats.md': '# Use NATS\n\n- Status: accepted\n\n## Links\n\n- Supersedes [20201020-use-kafka](20201020-use-kafka.md)\n',
      'docs/adr/20201020-use-kafka.md': '# Use Kafka\n\n- Status: accepted\n',
    });
    // The old record says it is superseded (log4brains shows it so): the newer one's missing `Supersedes` is a warning.
    // The newer record's `Supersedes` alone leaves the old one shown as in force: an error.
    assert.deepStrictEqual(
      index
        .problems()
        .map((p) => `${p.path.split('/').pop()} ${p.severity} ${p.code} ${p.line}`)
        .sort(),
      ['20200926-use-the-adr-number.md warning one-sided-link 3', '20201101-use-nats.md error one-sided-link 7'],
    );
    const { index: madr } = await indexOf({
      'docs/adr/0001-a.md': madr2Adr({ title: 'A', status: 'superseded by [ADR-0002](0002-b.md)' }),
      'docs/adr/0002-b.md': madr2Adr({ title: 'B', status: 'accepted' }),
    });
    assert.deepStrictEqual(
      madr.records().map((r) => `${r.dialect} ${r.status}`),
      ['madr2 superseded', 'madr2 accepted'],
    );
    assert.deepStrictEqual(madr.problems(), []);
    assert.deepStrictEqual(
      madr.linksOf(byName(madr, '0002-b.md')).map((l) => l.kind),
      ['supersedes'],
    );
  });

  it('log4brains writes no other side of Relates to or Amends: one side alone is no problem there; adr-tools, which writes both sides of Amends, still reports it', async () => {
    const l4b = (title: string, date: string, links: string[]): string =>
      `# ${title}\n\n- Status: accepted\n- Date: ${date}\n\n## Context and Problem Statement\n\nC.\n\n## Decision Outcome\n\nD.\n${links.length > 0 ? `\n## Links\n\n${links.join('\n')}\n` : ''}`;
    const { index } = await indexOf({
      '.log4brains.yml': 'project:\n  name: shop\n  adrFolder: ./docs/adr\n',
      'docs/adr/20201026-use-mdx.md': l4b('Use MDX', '2020-10-26', [
        '- Relates to [The core API enhances the body](20201027-the-core-api-enhances-the-body.md)',
        '- **Amends:** [Use lunr for search](20201103-use-lunr-for-search.md)',
      ]),
      'docs/adr/20201027-the-core-api-enhances-the-body.md': l4b('The core API enhances the body', '2020-10-27', []),
      'docs/adr/20201103-use-lunr-for-search.md': l4b('Use lunr for search', '2020-11-03', []),
    });
    assert.deepStrictEqual(
      index.records().map((r) => r.dialect),
      ['log4brains', 'log4brains', 'log4brains'],
    );
    assert.deepStrictEqual(
      byName(index, '20201026-use-mdx.md').links.map((l) => [l.kind, l.target.split('/').pop()]),
      [
        ['relates-to', '20201027-the-core-api-enhances-the-body.md'],
        ['amends', '20201103-use-lunr-for-search.md'],
      ],
    );
    assert.deepStrictEqual(index.problems(), []);

    const { index: adrTools } = await indexOf({
      'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A', statusLines: ['Relates to [2. B](0002-b.md)', '**Amends:** [2. B](0002-b.md)'] }),
      'doc/adr/0002-b.md': nygardAdr({ number: 2, title: 'B' }),
    });
    assert.deepStrictEqual(
      adrTools.problems().map((p) => `${p.path.split('/').pop()}:${p.line} ${p.severity} ${p.code}`),
      ['0001-a.md:11 error one-sided-link'],
    );
  });

  it("the log4brains default is only log4brains': a MADR 2 record (bullets) or a Nygard one (a Date: line) with no status has none", async () => {
    const { index } = await indexOf({
      'docs/adr/0001-no-status.md': '# No status\n\n* Deciders: Dana\n* Date: 2021-01-01\n\n## Context\n',
      'docs/adr/0002-nygard.md': '# 2. Nygard\n\nDate: 2021-01-02\n\n## Context\n',
    });
    assert.deepStrictEqual(fields(byName(index, '0001-no-status.md')), [null, '2021-01-01', 'madr2', 1, ['Dana']]);
    assert.deepStrictEqual(fields(byName(index, '0002-nygard.md')), [null, '2021-01-02', 'nygard', 2, []]);
  });

  it("MADR 2: the template's placeholders are no status, date, deciders or link", async () => {
    const { index } = await indexOf({
      'docs/adr/0001-chargebacks.md': madr2Adr({
        title: 'Chargebacks',
        status: '[proposed | rejected | accepted | deprecated | … | superseded by [ADR-0005](0005-example.md)] <!-- optional -->',
        deciders: '[list everyone involved in the decision] <!-- optional -->',
        date: '[YYYY-MM-DD when the decision was last updated] <!-- optional -->',
        links: ['[Link type] [Link to ADR] <!-- example: Refined by [ADR-0005](0005-example.md) -->'],
      }),
    });
    const r = byName(index, '0001-chargebacks.md');
    assert.deepStrictEqual([...fields(r), r.links], [null, null, 'madr2', 1, [], []]);
    assert.deepStrictEqual(index.problems(), []);
  });

  it("MADR 4: the template's quoted status placeholder and {…} values are no status, date or decision-makers", async () => {
    const { index } = await indexOf({
      'docs/decisions/0001-refunds.md':
        '---\n# These are optional metadata elements. Feel free to remove any of them.\nstatus: "{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123"\ndate: {YYYY-MM-DD when the decision was last updated}\ndecision-makers: {list everyone involved in the decision}\nconsulted: {list everyone whose opinions are sought}\n---\n\n# Refunds\n',
    });
    const r = byName(index, '0001-refunds.md');
    assert.deepStrictEqual([...fields(r), r.links], [null, null, 'madr4', 1, [], []]);
    assert.deepStrictEqual(index.problems(), []);
  });

  it('MADR 3: `deciders` in front matter; an unquoted {…} status placeholder (a YAML mapping) is no status', async () => {
    const { index } = await indexOf({
      'docs/decisions/0001-a.md': '---\nstatus: {proposed | rejected | accepted}\ndeciders: [Dana Lead]\n---\n\n# A\n',
      'docs/decisions/0002-b.md': "---\nstatus: 'Accepted'\ndate: 2022-03-04\ndeciders: Dana Lead, Sam Staff\n---\n\n# B\n",
    });
    assert.deepStrictEqual(fields(byName(index, '0001-a.md')), [null, null, 'madr3', 1, ['Dana Lead']]);
    assert.deepStrictEqual(fields(byName(index, '0002-b.md')), ['accepted', '2022-03-04', 'madr3', 2, ['Dana Lead', 'Sam Staff']]);
  });

  it("MADR 3: the template's own front matter (not YAML: `{… | superseded by [ADR-0005](0005-example.md)}`) is placeholders, not a malformed-front-matter error", async () => {
    const template =
      '---\n# These are optional elements. Feel free to remove any of them.\nstatus: {proposed | rejected | accepted | deprecated | … | superseded by [ADR-0005](0005-example.md)}\ndate: {YYYY-MM-DD when the decision was last updated}\ndeciders: {list everyone involved in the decision}\nconsulted: {list everyone whose opinions are sought (typically subject-matter experts); and with whom there is a two-way communication}\ninformed: {list everyone who is kept up-to-date on progress; and with whom there is a one-way communication}\n---\n# Use Kafka\n\n## Context and Problem Statement\n';
    const { index } = await indexOf({
      'docs/decisions/0001-use-kafka.md': template,
      'docs/decisions/0002-use-nats.md': template.replace('status: {', 'supersedes: 0001-use-kafka.md\r\nstatus: {').replace('# Use Kafka', '# Use NATS'),
      // A flow mapping that really is broken is still reported.
      'docs/decisions/0003-broken.md': '---\nstatus: accepted\nmeta: {owner: dana, team: [}\n---\n# Broken\n',
    });
    const kafka = byName(index, '0001-use-kafka.md');
    assert.deepStrictEqual([...fields(kafka), kafka.links], [null, null, 'madr3', 1, [], []]);
    assert.deepStrictEqual(
      index.linksOf(byName(index, '0002-use-nats.md')).map((l) => l.kind),
      ['supersedes'],
    );
    assert.deepStrictEqual(
      index.problems().map((p) => `${p.path.split('/').pop()} ${p.code}`),
      ['0003-broken.md malformed-front-matter'],
    );
  });

  it('MADR 3/4: front matter without `status` (every key is optional) is still MADR, by `deciders` (3) or `decision-makers` (4), with no status', async () => {
    const { index } = await indexOf({
      'docs/decisions/0001-use-x.md': '---\ndate: 2024-01-01\ndecision-makers: [Alice]\n---\n\n# Use X\n\n## Context and Problem Statement\n',
      'docs/decisions/0002-use-y.md': '---\ndeciders: Bob\nconsulted: Carol\n---\n\n# Use Y\n',
      'docs/decisions/0003-use-z.md': '---\ninformed: everyone\n---\n\n# Use Z\n',
      // Front matter that is not MADR's leaves the record to its body: a Nygard Status section.
      'docs/decisions/0004-use-w.md': '---\ntags: [storage]\n---\n\n# 4. Use W\n\n## Status\n\nAccepted\n',
    });
    assert.deepStrictEqual(fields(byName(index, '0001-use-x.md')), [null, '2024-01-01', 'madr4', 1, ['Alice']]);
    assert.deepStrictEqual(fields(byName(index, '0002-use-y.md')), [null, null, 'madr3', 2, ['Bob']]);
    assert.deepStrictEqual(fields(byName(index, '0003-use-z.md')), [null, null, 'madr4', 3, []]);
    assert.deepStrictEqual(fields(byName(index, '0004-use-w.md')), ['accepted', null, 'nygard', 4, []]);
  });

  it('adr-tools: Superseded and Superceded both supersede; custom verbs are links of their own kebab-case kind', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A', status: '', statusLines: ['Superseded by [2. B](0002-b.md)'] }),
      'doc/adr/0002-b.md': nygardAdr({ number: 2, title: 'B', status: '', statusLines: ['Supercedes [1. A](0001-a.md)', 'Superceded by [3. C](0003-c.md)'] }),
      'doc/adr/0003-c.md': nygardAdr({
        number: 3,
        title: 'C',
        statusLines: ['Supersedes [2. B](0002-b.md)', 'Clarified by [4. D](0004-d.md)', 'Relates to [1. A](0001-a.md)'],
      }),
      'doc/adr/0004-d.md': nygardAdr({ number: 4, title: 'D', statusLines: ['Clarifies [3. C](0003-c.md)', 'Is Blocked By [1. A](0001-a.md)'] }),
    });
    assert.deepStrictEqual(
      ['0001-a.md', '0002-b.md', '0003-c.md', '0004-d.md'].map((n) => byName(index, n).status),
      ['superseded', 'superseded', 'accepted', 'accepted'],
    );
    assert.deepStrictEqual(
      byName(index, '0003-c.md').links.map((l) => l.kind),
      ['supersedes', 'clarified-by', 'relates-to'],
    );
    assert.deepStrictEqual(
      byName(index, '0004-d.md').links.map((l) => l.kind),
      ['clarifies', 'is-blocked-by'],
    );
    // "Relates to" goes both ways.
    assert.deepStrictEqual(
      index.linksOf(byName(index, '0001-a.md')).map((l) => `${l.kind} ${l.target.split('/').pop()}`),
      ['superseded-by 0002-b.md', 'relates-to 0003-c.md'],
    );
    assert.deepStrictEqual(index.problems(), []);
  });
});
