import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { buildLinkedDecisionsRepo } from '../fixtures/linkedDecisions';
import { indexOf } from './helpers';
import { nygardAdr } from '../fixtures/recordText';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

interface Report {
  records: { path: string; status: string | null; dialect: string; links: { kind: string; target: string }[] }[];
  problems: { path: string; line: number; code: string; message: string }[];
}

function indexJson(root: string): Report {
  const r = spawnSync(process.execPath, [CLI, 'index', '--json', '--root', root], { encoding: 'utf8' });
  assert.strictEqual(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Report;
}

const ADR = 'doc/adr';
const PAY = 'services/payments/docs/decisions';
const L4B = 'docs/architecture';

describe('links between records in index --json (a repository with three dialects side by side)', () => {
  let report: Report;
  let root: string;
  before(() => {
    root = buildLinkedDecisionsRepo();
    report = indexJson(root);
  });
  const linksOf = (p: string): string[] => {
    const r = report.records.find((x) => x.path === p);
    assert.ok(r, `no record ${p}`);
    return r.links.map((l) => `${l.kind} ${l.target}`);
  };

  it('every link, from Status lines, custom verbs, body links, reference definitions and front-matter keys, with the reverse of each link made to a record', () => {
    const all = Object.fromEntries(report.records.map((r) => [r.path, linksOf(r.path)]));
    assert.deepStrictEqual(all, {
      'billing/docs/adr/20210601-invoice-numbers.md': [`references ${L4B}/20210301-use-pulsar.md`],
      [`${ADR}/0001-record-architecture-decisions.md`]: [`clarified-by ${ADR}/0005-write-adrs-in-review.md`],
      [`${ADR}/0002-use-postgresql.md`]: [`superseded-by ${ADR}/0003-use-cockroachdb.md`],
      // The body's link to 0002 is the supersede already written; the one in a code fence and in inline code are not links.
      [`${ADR}/0003-use-cockroachdb.md`]: [
        `supersedes ${ADR}/0002-use-postgresql.md`,
        `references ${ADR}/0009-use-mysql.md`,
        `amended-by ${ADR}/0004-tweak-the-schema.md`,
        `relates-to ${PAY}/0002-store-cards-in-vault.md`,
      ],
      [`${ADR}/0004-tweak-the-schema.md`]: [`amends ${ADR}/0003-use-cockroachdb.md`, `relates-to ${ADR}/0005-write-adrs-in-review.md`],
      // CRLF; the reference definition to 0001 is the "Clarifies" link already there; ../../README.md is no record.
      [`${ADR}/0005-write-adrs-in-review.md`]: [`clarifies ${ADR}/0001-record-architecture-decisions.md`, `relates-to ${ADR}/0004-tweak-the-schema.md`],
      [`${ADR}/0009-use-mysql-renamed.md`]: [],
      [`${L4B}/20210101-use-log4brains.md`]: [],
      // `superseded by 20210301-use-pulsar`: a log4brains slug.
      [`${L4B}/20210201-use-kafka.md`]: [`superseded-by ${L4B}/20210301-use-pulsar.md`],
      [`${L4B}/20210301-use-pulsar.md`]: [`supersedes ${L4B}/20210201-use-kafka.md`, 'referenced-by billing/docs/adr/20210601-invoice-numbers.md'],
      [`${L4B}/20210401-event-schema.md`]: [],
      [`${L4B}/20210501-from-the-template.md`]: [],
      // `status: superseded by ADR-0003` and `superseded_by: "0003"` are one link.
      [`${PAY}/0001-use-stripe.md`]: [
        `superseded-by ${PAY}/0003-use-adyen.md`,
        `relates-to ${PAY}/0002-store-cards-in-vault.md`,
        `referenced-by ${PAY}/0002-store-cards-in-vault.md`,
      ],
      // A block list of `related`: `ADR-0001` and a relative path into another folder; a body link with a #fragment.
      [`${PAY}/0002-store-cards-in-vault.md`]: [
        `relates-to ${PAY}/0001-use-stripe.md`,
        `relates-to ${ADR}/0003-use-cockroachdb.md`,
        `references ${PAY}/0001-use-stripe.md`,
        `amended-by ${PAY}/0003-use-adyen.md`,
      ],
      // Quoted keys, a flow list of a file name, a bare number, a quoted file name that does not exist; `supersededBy` on 0004.
      [`${PAY}/0003-use-adyen.md`]: [
        `supersedes ${PAY}/0001-use-stripe.md`,
        `amends ${PAY}/0002-store-cards-in-vault.md`,
        `relates-to ${PAY}/0007-use-3ds.md`,
        `supersedes ${PAY}/0004-refunds.md`,
      ],
      [`${PAY}/0004-refunds.md`]: [`superseded-by ${PAY}/0003-use-adyen.md`],
      // MADR 2's template example link (0005-example.md) is a placeholder, not a link.
      [`${PAY}/0005-chargebacks.md`]: [],
    });
  });

  it('lint: broken links in the body and in front matter, and a one-sided amend where adr-tools writes both sides; front-matter links are one side by design', () => {
    const r = spawnSync(process.execPath, [CLI, 'lint', '--root', root], { encoding: 'utf8' });
    assert.strictEqual(r.status, 1);
    // The errors; the stubs' missing sections and template text are warnings of the content rules.
    assert.deepStrictEqual(
      r.stdout
        .trim()
        .split('\n')
        .filter((l) => / error /.test(l)),
      [
        `${ADR}/0003-use-cockroachdb.md:17: error broken-link "the old file" (references) in 0003-use-cockroachdb.md: no record at 0009-use-mysql.md. 0009-use-mysql-renamed.md has its number.`,
        `${ADR}/0004-tweak-the-schema.md:9: error one-sided-link This record says it amends 0003-use-cockroachdb.md, but that record does not say it is amended by this one.`,
        `${PAY}/0003-use-adyen.md:7: error broken-link "0007-use-3ds.md" (relates to) in 0003-use-adyen.md: no record at 0007-use-3ds.md.`,
      ],
    );
  });
});

describe('links between records: one rule each', () => {
  it('front-matter values: file name, relative path, number, "0007", ADR-0007, alone or in a list; keys in every spelling; CRLF', async () => {
    const target = (n: number): string => `doc/adr/000${n}-t${n}.md`;
    const files: Record<string, string> = {};
    for (let n = 1; n <= 7; n++) files[target(n)] = `---\nstatus: accepted\n---\n# T${n}\n`;
    files['doc/adr/0008-links.md'] = [
      '---',
      'status: accepted',
      'supersedes: 0001-t1.md',
      'superseded-by: ./0002-t2.md',
      'supersededBy: 3',
      'amends: "0004"',
      'amended_by: ADR-0005',
      'related: [6, "ADR-0007"]',
      '---',
      '# Links',
      '',
      // Written on Windows: CRLF.
    ].join('\r\n');
    const { index, root } = await indexOf(files);
    const rec = index.records().find((r) => r.path.endsWith('0008-links.md'))!;
    assert.deepStrictEqual(
      index.linksOf(rec).map((l) => `${l.kind} ${path.relative(root, index.resolveLink(rec, l.target))} ${l.line}`),
      [
        'supersedes doc/adr/0001-t1.md 3',
        'superseded-by doc/adr/0002-t2.md 4',
        'superseded-by doc/adr/0003-t3.md 5',
        'amends doc/adr/0004-t4.md 6',
        'amended-by doc/adr/0005-t5.md 7',
        'relates-to doc/adr/0006-t6.md 8',
        'relates-to doc/adr/0007-t7.md 8',
      ],
    );
    // And the reverse on each target, none of which says anything itself.
    const back = (n: number): string[] =>
      index.linksOf(index.records().find((r) => r.path.endsWith(`000${n}-t${n}.md`))!).map((l) => `${l.kind} ${path.basename(l.target)} ${l.reverse === true}`);
    assert.deepStrictEqual([1, 2, 3, 4, 5, 6, 7].map(back), [
      ['superseded-by 0008-links.md true'],
      ['supersedes 0008-links.md true'],
      ['supersedes 0008-links.md true'],
      ['amended-by 0008-links.md true'],
      ['amends 0008-links.md true'],
      ['relates-to 0008-links.md true'],
      ['relates-to 0008-links.md true'],
    ]);
    assert.deepStrictEqual(index.problems(), []);
  });

  it("a front-matter path from the repository's top (`supersedes: docs/decisions/0001-a.md`) names that record, one that matches nothing is broken; `a, b` is a list", async () => {
    const { index, root } = await indexOf({
      'docs/decisions/0001-a.md': '---\nstatus: superseded\n---\n# A\n',
      'docs/decisions/0002-b.md':
        '---\nstatus: accepted\nsupersedes: docs/decisions/0001-a.md\nrelated:\n  - ./docs/decisions/0003-c.md\n  - docs/decisions/0009-gone.md\n---\n# B\n',
      'docs/decisions/0003-c.md': '---\nstatus: accepted\n---\n# C\n',
      // A list written as one string, as `tags: a, b` is.
      'docs/decisions/0004-d.md': '---\nstatus: accepted\nrelates-to: 0001-a.md, ADR-0003\n---\n# D\n',
    });
    const d = index.records().find((r) => r.path.endsWith('0004-d.md'))!;
    assert.deepStrictEqual(
      index.linksOf(d).map((l) => `${l.kind} ${path.basename(index.resolveLink(d, l.target))}`),
      ['relates-to 0001-a.md', 'relates-to 0003-c.md'],
    );
    const b = index.records().find((r) => r.path.endsWith('0002-b.md'))!;
    assert.deepStrictEqual(
      index.linksOf(b).map((l) => `${l.kind} ${path.relative(root, index.resolveLink(b, l.target))}`),
      ['supersedes docs/decisions/0001-a.md', 'relates-to docs/decisions/0003-c.md', 'relates-to docs/decisions/docs/decisions/0009-gone.md'],
    );
    const a = index.records().find((r) => r.path.endsWith('0001-a.md'))!;
    assert.deepStrictEqual(
      index.linksOf(a).map((l) => `${l.kind} ${path.basename(l.target)}`),
      ['superseded-by 0002-b.md', 'relates-to 0004-d.md'],
    );
    assert.deepStrictEqual(
      index.problems().map((p) => `${p.code} ${p.line}`),
      ['broken-link 4'],
    );
  });

  it('a Hugo site\'s records (ownCloud\'s shape): title in front matter, MADR 2 bullets opening the body, links through `{{< ref "…" >}}`', async () => {
    const hugo = (n: number, title: string, bullets: string, body = ''): string =>
      `---\ntitle: "${n}. ${title}"\nweight: ${n}\ndate: 2020-06-15T20:21:00+01:00\ngeekdocFilePath: 000${n}.md\n---\n\n${bullets}\n\nTechnical Story: [persist accounts](https://example.com/pull/34)\n\n## Context and Problem Statement\n${body}`;
    const { index } = await indexOf({
      'docs/adr/0001-introduce-accounts.md': hugo(
        1,
        'Introduce an accounts service',
        '* Status: superseded by [ADR-0003]({{< ref "0003-external-users.md" >}})\n* Deciders: @butonic, @micbar\n* Date: [2020-06-15](https://example.com/commit/2fd05e2)',
        '\nSee [ADR-0002]({{< ref "0002-persist-accounts.md" >}}) and [ADR-0009]({{% relref "0009-gone.md" %}}).\n',
      ),
      'docs/adr/0002-persist-accounts.md': hugo(2, 'Persist accounts', '* Status: accepted\n* Date: 2020-08-21'),
      'docs/adr/0003-external-users.md': hugo(3, 'Use external user management', '* Status: accepted\n* Date: 2022-02-08'),
    });
    const first = index.records().find((r) => r.path.endsWith('0001-introduce-accounts.md'))!;
    assert.deepStrictEqual(
      [first.number, first.title, first.status, first.dialect, first.date, first.people],
      [1, 'Introduce an accounts service', 'superseded', 'madr2', '2020-06-15', ['@butonic', '@micbar']],
    );
    assert.deepStrictEqual(
      index.linksOf(first).map((l) => `${l.kind} ${path.basename(index.resolveLink(first, l.target))}`),
      ['superseded-by 0003-external-users.md', 'references 0002-persist-accounts.md', 'references 0009-gone.md'],
    );
    // MADR has no tool that writes both sides: only the old record says it (no one-sided-link); the broken link is reported.
    assert.deepStrictEqual(
      index.problems().map((p) => `${path.basename(p.path)} ${p.code} ${p.line}`),
      ['0001-introduce-accounts.md broken-link 16'],
    );
  });

  it("a body link from the repository's top (`/doc/adr/0001-a.md`, as GitHub reads it) names that record; a missing one is broken, with the fix", async () => {
    const { index, root } = await indexOf({
      'doc/adr/0001-use-postgres.md': nygardAdr({ number: 1, title: 'Use Postgres' }),
      'doc/adr/0002-use-redis-for-sessions.md': nygardAdr({ number: 2, title: 'Use Redis for sessions' }),
      'doc/adr/0003-c.md': nygardAdr({ number: 3, title: 'C' }).replace(
        '## Context\n',
        '## Context\n\nAs [ADR 1](/doc/adr/0001-use-postgres.md) and [ADR 2](/doc/adr/0002-use-redis.md) say; [the README](/README.md).\n',
      ),
    });
    const c = index.records().find((r) => r.path.endsWith('0003-c.md'))!;
    assert.deepStrictEqual(
      index.linksOf(c).map((l) => `${l.kind} ${path.relative(root, index.resolveLink(c, l.target))}`),
      ['references doc/adr/0001-use-postgres.md', 'references doc/adr/0002-use-redis.md'],
    );
    assert.deepStrictEqual(
      index.problems().map((p) => `${path.basename(p.path)} ${p.code}`),
      ['0003-c.md broken-link'],
    );
    assert.deepStrictEqual(
      index.brokenLinkFixes(c.path).map((f) => [f.written, f.replacement]),
      [['0002-use-redis.md', '0002-use-redis-for-sessions.md']],
    );
  });

  it('a body link to another record is `references`, and that record is `referenced-by`; links to non-records, images, fragments and code are not', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }),
      'doc/adr/0002-b.md': nygardAdr({ number: 2, title: 'B' }).replace(
        '## Context\n',
        '## Context\n\nSee [ADR 1](0001-a.md "the first"), [below](#decision), ![diagram](0001-a.png), [README](README.md), [the template](templates/template-madr.md) and [docs](https://example.com/0001-a.md).\n\n~~~\n[fenced](0003-c.md)\n~~~\n',
      ),
      'doc/adr/README.md': '# ADRs\n',
    });
    const b = index.records().find((r) => r.path.endsWith('0002-b.md'))!;
    const a = index.records().find((r) => r.path.endsWith('0001-a.md'))!;
    assert.deepStrictEqual(
      index.linksOf(b).map((l) => `${l.kind} ${path.basename(l.target)}`),
      ['references 0001-a.md'],
    );
    assert.deepStrictEqual(
      index.linksOf(a).map((l) => `${l.kind} ${path.basename(l.target)}`),
      ['referenced-by 0002-b.md'],
    );
    assert.deepStrictEqual(index.problems(), []);
  });

  it('a verb line in the body (MADR 4 "More Information", as New Decision Record writes it) is a link of that kind', async () => {
    const { index } = await indexOf({
      'docs/decisions/0001-use-json.md': '---\nstatus: superseded by ADR-0002\n---\n\n# Use JSON\n',
      'docs/decisions/0002-use-yaml.md':
        '---\nstatus: accepted\n---\n\n# Use YAML\n\n## More Information\n\nSupersedes [ADR-0001](0001-use-json.md)\n\nRelates to [the JSON one](0001-use-json.md) as well.\n',
    });
    const yaml = index.records().find((r) => r.path.endsWith('0002-use-yaml.md'))!;
    assert.deepStrictEqual(
      index.linksOf(yaml).map((l) => `${l.kind} ${path.basename(l.target)}`),
      ['supersedes 0001-use-json.md'],
    );
    assert.deepStrictEqual(index.problems(), []);
  });

  it('broken-link for a body or front-matter link to a record file that does not exist, with the fix when one record has its number', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-use-kafka-streams.md': nygardAdr({ number: 1, title: 'Use Kafka Streams' }),
      'doc/adr/0002-b.md': `---\nstatus: accepted\nsupersedes: 0001-use-kafka.md\nrelated: [0009-gone.md]\n---\n\n# B\n\nAs [ADR 1](0001-use%20kafka.md) said.\n`,
    });
    const broken = index.problems().filter((p) => p.code === 'broken-link');
    assert.deepStrictEqual(broken.map((p) => p.line).sort(), [3, 4, 9]);
    const b = index.records().find((r) => r.path.endsWith('0002-b.md'))!;
    assert.deepStrictEqual(
      index.brokenLinkFixes(b.path).map((f) => [f.line, f.written, f.replacement]),
      [
        [3, '0001-use-kafka.md', '0001-use-kafka-streams.md'],
        [9, '0001-use kafka.md', '0001-use-kafka-streams.md'],
      ],
    );
  });
});
