import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { nygardAdr } from '../fixtures/recordText';
import { parseDecision } from '../../src/core/decisions/decisionParser';
import { contentProblems } from '../../src/core/lint/contentRules';
import { setDecisionStatus } from '../../src/core/decisions/newDecision';
import { RecordIndex } from '../../src/core/index/recordIndex';
import { byName, indexOf } from './helpers';

/** The index's problems but the missing sections (the fixtures leave sections out): file, line, severity, code, message. */
function linkProblems(index: RecordIndex): unknown[][] {
  return index
    .problems()
    .filter((p) => p.code !== 'missing-section')
    .map((p) => [path.basename(p.path), p.line, p.severity, p.code, p.message]);
}

/** Shapes met in public repositories' ADR folders. */
describe('real-world record variations', () => {
  it('log4brains packages nested under project, as its schema has them', async () => {
    const { index } = await indexOf({
      '.log4brains.yml':
        'project:\n  name: shop\n  adrFolder: ./docs/adr\n\n  packages:\n    - name: core\n      path: ./packages/core\n      adrFolder: ./packages/core/docs/adr\n',
      'docs/adr/20240101-a.md': '# A\n\n- Status: accepted\n',
      'packages/core/docs/adr/20240202-b.md': '# B\n\n- Status: proposed\n',
    });
    assert.deepStrictEqual(
      index
        .records()
        .map((r) => r.title)
        .sort(),
      ['A', 'B'],
    );
  });

  it('invalid YAML front matter still gives a title, and the problem is reported', async () => {
    const { index } = await indexOf({
      'docs/architecture-decisions/adr001-add-adr-log.md':
        '---\nid: adrs-adr001\ntitle: ADR001: Architecture Decision Record (ADR) log\ndescription: Architecture Decision Record (ADR) log\n---\n\nThis is the log.\n',
    });
    const r = index.records()[0];
    assert.deepStrictEqual([r.number, r.title], [1, 'Architecture Decision Record (ADR) log']);
    // On the line of the value YAML cannot read, saying what to write instead.
    assert.deepStrictEqual(
      index.problems().map((p) => [p.code, p.line, p.message]),
      [
        [
          'malformed-front-matter',
          3,
          'Malformed YAML front matter: Nested mappings are not allowed in compact mappings (a value holding ": " needs quotes: title: "ADR001: Architecture Decision Record (ADR) log")',
        ],
      ],
    );
  });

  it('malformed front matter is reported on the line YAML stops at, with CRLF line ends too', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md': '---\r\nstatus: accepted\r\ndate: 2020-01-01\r\ntags: [a, b\r\n---\r\n# A\r\n',
      'doc/adr/0002-b.md': '---\nstatus: accepted\n  deciders: Ada\n---\n# B\n',
    });
    const problems = index.problems().filter((p) => p.code === 'malformed-front-matter');
    assert.deepStrictEqual(
      problems.map((p) => [path.basename(p.path), p.line, /needs quotes/.test(p.message)]),
      [
        // An unclosed `[`: YAML stops at the end, the last line of the front matter.
        ['0001-a.md', 4, false],
        // YAML reads `accepted` and the indented line as one value: it stops at the value.
        ['0002-b.md', 2, false],
      ],
    );
  });

  it('ADR-prefixed file names carry the number', async () => {
    const { index } = await indexOf({
      'doc/adr/ADR-0012-use-kafka.md': '# Use Kafka\n\n## Status\n\nAccepted\n',
      'doc/adr/adr013_use-nats.md': '# Use NATS\n',
    });
    assert.deepStrictEqual(
      index
        .records()
        .map((r) => [r.number, r.title])
        .sort(),
      [
        [12, 'Use Kafka'],
        [13, 'Use NATS'],
      ],
    );
  });

  it('a title that spells out "Architecture Decision Record 14:" loses that prefix as "ADR-14:" does, and gives the number', async () => {
    const { index } = await indexOf({
      'doc/adr/0014-eks-cluster-management.md':
        '---\n\n# Architecture Decision Record 14: EKS cluster management\n\n> We will use kustomize for managing cluster resources\n\n__Status__: Accepted\n\n## Context\n\nC.\n',
      'doc/adr/0015-b.md': '# Architectural Decision Record #15 - Use B\n\n__Status__: Proposed\n',
      'doc/adr/notes.md': '# Decision Record 3. Use C\n',
      'doc/adr/0016-records.md': '# Architecture Decision Records in the monorepo\n',
    });
    assert.deepStrictEqual(
      index
        .records()
        .sort((a, b) => (a.number ?? 0) - (b.number ?? 0))
        .map((r) => [r.number, r.title, r.status]),
      [
        [3, 'Use C', null],
        [14, 'EKS cluster management', 'accepted'],
        [15, 'Use B', 'proposed'],
        [16, 'Architecture Decision Records in the monorepo', null],
      ],
    );
  });

  it('"Implemented in !4678" is the status "implemented"; a bold __Status__ line is read', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md': '# Architecture Decision Record 1: A\n\n> Timestamp: 2020\n\n__Status__: Implemented in [!4678](https://example.com/mr/4678)\n',
    });
    assert.strictEqual(index.records()[0].status, 'implemented');
  });

  it('several bold fields on one line, split by `·` or `|`, are each read: status, date, deciders', async () => {
    const { index } = await indexOf({
      'docs/adr/0071-one-narrow-channel.md':
        '# ADR-0071 — The core answers plugins on one narrow channel\n\n**Status:** Accepted · **Date:** 2026-09-20 · **Deciders:** Ada, Grace\n\n**Amends:** [ADR-0037](0037-per-plugin-network-segments.md) (a second core listener).\n\n## Context\n\nC.\n',
      'docs/adr/0037-per-plugin-network-segments.md':
        '# ADR-0037 — Per-plugin network segments\n\n**Status:** Accepted | **Date:** 2026-07-19\n\n## Context\n\nC.\n',
    });
    const narrow = byName(index, '0071-one-narrow-channel.md');
    assert.deepStrictEqual([narrow.status, narrow.date, narrow.people], ['accepted', '2026-09-20', ['Ada', 'Grace']]);
    const segments = byName(index, '0037-per-plugin-network-segments.md');
    assert.deepStrictEqual([segments.status, segments.date], ['accepted', '2026-07-19']);
  });

  it('fields in a table under the title (`| Status | Accepted |`, header row or not, keys in bold or not) are read', async () => {
    const { index } = await indexOf({
      'docs/adr/0005-audit-trail.md':
        '# ADR-005: An audit trail\n\n| Field | Value |\n|---|---|\n| Status | Accepted |\n| Date | 2026-09-11 |\n| Deciders | Ada Lovelace, Grace Hopper |\n| Milestone | M5 |\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nE.\n',
      'docs/adr/0006-another.md': '# RFC 006: Another\n\n| Status | Proposed |\n|--------|----------|\n| **Date** | 2026-02-17 |\n\n## Context\n\nC.\n',
      'docs/adr/0007-body-table.md':
        '# 7. Body table\n\nDate: 2026-03-01\n\n## Status\n\nAccepted\n\n## Context\n\n| Status | Meaning |\n|---|---|\n| Rejected | no |\n',
    });
    const audit = byName(index, '0005-audit-trail.md');
    assert.deepStrictEqual([audit.status, audit.date, audit.people], ['accepted', '2026-09-11', ['Ada Lovelace', 'Grace Hopper']]);
    assert.deepStrictEqual(contentProblems(audit, fs.readFileSync(audit.path, 'utf8')), []);
    const another = byName(index, '0006-another.md');
    assert.deepStrictEqual([another.status, another.date], ['proposed', '2026-02-17']);
    assert.deepStrictEqual(byName(index, '0007-body-table.md').status, 'accepted');
  });

  it('links listed in front matter (target, kind, filename)', async () => {
    const { index } = await indexOf({
      'docs/decisions/0001-use-madr.md':
        '---\nnumber: 1\ntitle: Use MADR\nstatus: superseded\nlinks:\n  - target: 2\n    kind: supersededby\n    filename: 0002-use-nygard.md\n---\n',
      'docs/decisions/0002-use-nygard.md': '---\nnumber: 2\ntitle: Use Nygard\nstatus: accepted\nlinks:\n  - target: 1\n    kind: supersedes\n---\n',
    });
    const first = byName(index, '0001-use-madr.md');
    const second = byName(index, '0002-use-nygard.md');
    assert.deepStrictEqual(
      first.links.map((l) => [l.kind, index.resolveLink(first, l.target)]),
      [['superseded-by', second.path]],
    );
    assert.deepStrictEqual(
      second.links.map((l) => [l.kind, index.resolveLink(second, l.target)]),
      [['supersedes', first.path]],
    );
    assert.deepStrictEqual(index.problems(), []);
  });

  it('older adr-tools dates (dd/mm/yyyy), and dotted day-first dates (dd.mm.yyyy, d.m.yyyy)', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A', date: '13/04/2016' }),
      'doc/adr/0002-b.md': nygardAdr({ number: 2, title: 'B', date: '04/05/2016' }),
      'doc/adr/0003-c.md': nygardAdr({ number: 3, title: 'C', date: '07.12.2026' }),
      'doc/adr/0004-d.md': nygardAdr({ number: 4, title: 'D', date: '8.1.2026' }),
    });
    assert.deepStrictEqual(
      index
        .records()
        .map((r) => r.date)
        .sort(),
      ['2016-04-13', '2016-05-04', '2026-01-08', '2026-12-07'],
    );
  });

  it('numbered templates are not records', async () => {
    const { index } = await indexOf({
      'doc/adr/0000-template.md': '# NUMBER. TITLE\n',
      'doc/adr/xxxx-template.md': '# Title\n\n__Status__: Status\n',
      'doc/adr/adr000-template.md': '# [TITLE]\n',
      'doc/adr/0000-adr-template.md': '# NUMBER. TITLE\n',
      'doc/adr/0000-adr-template-madr.md': '# {short title}\n',
      'doc/adr/adr_template.md': '# Title\n',
      'doc/adr/0001-email-templates.md': nygardAdr({ number: 1, title: 'Email templates' }),
      'doc/adr/0002-adr-templates-per-team.md': nygardAdr({ number: 2, title: 'ADR templates per team' }),
    });
    assert.deepStrictEqual(
      index.records().map((r) => r.title),
      ['Email templates', 'ADR templates per team'],
    );
    assert.deepStrictEqual(index.problems(), [], 'no duplicate number 0');
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

describe('status, title and date edge cases', () => {
  const statusOf = async (statusSection: string): Promise<[string | null, string[]]> => {
    const { index } = await indexOf({ 'doc/adr/0001-a.md': `# 1. A\n\nDate: 2021-01-01\n\n${statusSection}\n\n## Context\n\nText.\n` });
    const r = index.records()[0];
    return [r.status, r.links.map((l) => l.kind)];
  };

  it('status section variants: bullets, checkboxes, strikethrough, "Accepted in [PR]", HTML comments, inline heading, setext heading', async () => {
    assert.deepStrictEqual(await statusOf('## Status\n\n- Accepted'), ['accepted', []]);
    assert.deepStrictEqual(await statusOf('## Status\n\n* [x] Accepted'), ['accepted', []]);
    assert.deepStrictEqual(await statusOf('## Status\n\n~~Proposed~~ Accepted'), ['accepted', []]);
    assert.deepStrictEqual(await statusOf('## Status\n\nAccepted in [PR #42](https://example.com/pull/42)'), ['accepted', []]);
    assert.deepStrictEqual(await statusOf('## Status\n\n<!--\nProposed | Accepted | Deprecated\n-->\nAccepted'), ['accepted', []]);
    assert.deepStrictEqual(await statusOf('## Status: Accepted'), ['accepted', []]);
    assert.deepStrictEqual(await statusOf('Status\n------\n\nDeprecated'), ['deprecated', []]);
    assert.deepStrictEqual(await statusOf('## Status\n\nWork in progress'), ['work in progress', []]);
    assert.deepStrictEqual(await statusOf('## Status\n\nUp for discussion'), ['up for discussion', []]);
  });

  it("a plain `Supersedes ADR 0030, ADR 0031.` under a `Status:` line or in MADR 2's `## Links` is the other side of the older records' supersede", async () => {
    const old = (n: string, by: string): string => `# ADR ${n}: T${n}\n\nDate: 2026-07-01\n\n## Status\n\nSuperseded by ADR ${by}\n\n## Context\n\nC.\n`;
    const { index } = await indexOf({
      'doc/adr/0030-a.md': old('0030', '0041'),
      'doc/adr/0031-b.md': old('0031', '0041'),
      'doc/adr/0032-c.md': old('0032', '0042'),
      'doc/adr/0041-github-only.md': '# ADR 0041: GitHub only\n\nDate: 2026-07-27\n\nStatus: Accepted\n\nSupersedes ADR 0030, ADR 0031.\n\n## Context\n\nC.\n',
      'doc/adr/0042-madr.md':
        '# Use MADR\n\n* Status: accepted\n* **Supersedes:** none\n\n## Context and Problem Statement\n\nC.\n\n## Links\n\n* Supersedes ADR-0032\n',
    });
    assert.deepStrictEqual(
      byName(index, '0041-github-only.md').links.map((l) => [l.kind, l.target, l.line]),
      [
        ['supersedes', 'ADR 0030', 7],
        ['supersedes', 'ADR 0031', 7],
      ],
    );
    assert.deepStrictEqual(
      byName(index, '0042-madr.md').links.map((l) => [l.kind, l.target]),
      [['supersedes', 'ADR-0032']],
    );
    assert.deepStrictEqual(
      index.problems().map((p) => p.code),
      [],
    );
  });

  it("a template's choices left in the status with the chosen one in bold (`Proposed | **Accepted** | Rejected`) give that one", async () => {
    assert.deepStrictEqual(await statusOf('## Status\n\nProposed | **Accepted** | Rejected | Superseded | Deprecated'), ['accepted', []]);
    assert.deepStrictEqual(await statusOf('## Status\n\nProposed | Accepted | Rejected | __Deprecated__'), ['deprecated', []]);
    assert.deepStrictEqual(await statusOf('**Status:** Proposed | **Accepted** | Superseded'), ['accepted', []]);
    assert.deepStrictEqual(
      await statusOf('## Status\n\n**Proposed** | **Accepted**'),
      ['proposed', []],
      'two in bold: no choice made, the first word as before',
    );
  });

  it('a plain-text "Superseded by ADR-0012" in a Nygard status section links to the record', async () => {
    const { index } = await indexOf({
      'doc/adr/0011-old.md': nygardAdr({ number: 11, title: 'Old', status: 'Superseded by ADR-0012' }),
      'doc/adr/0012-new.md': nygardAdr({ number: 12, title: 'New', statusLines: ['Supersedes [11. Old](0011-old.md)'] }),
    });
    assert.deepStrictEqual(index.problems(), []);
    const old = index.records().find((r) => r.number === 11);
    assert.strictEqual(old?.status, 'superseded');
  });

  it('plain-text supersedes in a Status section: each record of a list, and the newer record\'s "Supersedes ADR 0001, ADR-0005 and ADR-0007." is the other side', async () => {
    const adr = (n: string, status: string): string => `# ADR ${n}: T${n}\n\n## Status\n\n${status}\n\n## Context\n\nC.\n`;
    const { index } = await indexOf({
      'doc/adr/0001-a.md': adr('0001', 'Superseded by ADR 0003.'),
      'doc/adr/0002-b.md': adr('0002', 'Superseded by ADR 0003 and ADR 0004'),
      'doc/adr/0005-c.md': adr('0005', 'Superseded by ADR-0003 (2026-05-08)'),
      'doc/adr/0006-d.md': adr('0006', 'Accepted\n\nPartially superseded by ADR 0004.'),
      'doc/adr/0007-e.md': adr('0007', 'Superseded by ADR-0003 (#2529) — the single enum is replaced'),
      'doc/adr/0003-new.md': adr('0003', 'Accepted\n\nSupersedes ADR 0001, ADR-0005 and ADR-0007.\n\nSupersedes ADR 0002.'),
      'doc/adr/0004-newer.md': adr('0004', 'Accepted\n\nSupersedes ADR-0002. Its other half stays.\n\nSupersedes ADR-0006 in part.'),
    });
    const own = (name: string): [string, string][] =>
      byName(index, name).links.map((l) => [l.kind, path.basename(index.resolveLink(byName(index, name), l.target))]);
    assert.deepStrictEqual(own('0002-b.md'), [
      ['superseded-by', '0003-new.md'],
      ['superseded-by', '0004-newer.md'],
    ]);
    assert.deepStrictEqual(own('0003-new.md'), [
      ['supersedes', '0001-a.md'],
      ['supersedes', '0005-c.md'],
      ['supersedes', '0007-e.md'],
      ['supersedes', '0002-b.md'],
    ]);
    // A part superseded is not read as the whole: it is an amendment, which the older record states back.
    assert.deepStrictEqual(own('0004-newer.md'), [
      ['supersedes', '0002-b.md'],
      ['amends', '0006-d.md'],
    ]);
    assert.deepStrictEqual(own('0006-d.md'), [['amended-by', '0004-newer.md']]);
    assert.strictEqual(byName(index, '0006-d.md').status, 'accepted');
    assert.deepStrictEqual(
      index.problems().map((p) => p.code),
      [],
    );
  });

  it('titles keep underscores inside words (`__x__` between spaces is emphasis, as GitHub renders it), leading numbers that are part of the title, and lose a repeated file number', async () => {
    const { index } = await indexOf({
      'doc/adr/0002-rename.md': '# 2. Rename user_id to account_id\n\n## Status\n\nAccepted\n',
      'doc/adr/0013-init.md': '# 13. Use __init__ files and _emphasis_\n',
      'doc/adr/0010-bare.md': '# 0010 Bare number\n',
      'docs/decisions-unused.md': '',
    });
    assert.deepStrictEqual(
      index
        .records()
        .map((r) => [r.number, r.title])
        .sort((a, b) => Number(a[0]) - Number(b[0])),
      [
        [2, 'Rename user_id to account_id'],
        [10, 'Bare number'],
        [13, 'Use init files and emphasis'],
      ],
    );
    const madr = await indexOf({
      'docs/decisions/two-phase.md': '---\nstatus: accepted\n---\n# 2-phase commit for payments\n',
      'docs/decisions/use-12-factor.md': '---\nstatus: accepted\n---\n# 12-factor app configuration\n',
      'docs/decisions/0012-other.md': '---\nstatus: accepted\n---\n# Other\n',
    });
    assert.deepStrictEqual(
      madr.index
        .records()
        .map((r) => [r.number, r.title])
        .sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
      [
        [null, '12-factor app configuration'],
        [null, '2-phase commit for payments'],
        [12, 'Other'],
      ],
    );
    assert.deepStrictEqual(madr.index.problems(), [], 'no false duplicate number');
  });

  it('a bold-wrapped link line in the Status section is that link: superseded, both sides stated, no one-sided-link', async () => {
    const { index } = await indexOf({
      'doc/adr/0013-not-adopted.md':
        '# ADR-0013 — Client injection is not adopted\n\n## Status\n\n**Superseded by [ADR-0014](0014-operator-chooses.md). Nothing\nbelow is in force.**\n\n## Context\n\nC.\n',
      'doc/adr/0014-operator-chooses.md':
        '# ADR-0014 — The operator chooses\n\n## Status\n\nAccepted\n\n__Supersedes [ADR-0013](0013-not-adopted.md)__\n\n## Context\n\nC.\n',
    });
    const old = byName(index, '0013-not-adopted.md');
    assert.strictEqual(old.status, 'superseded');
    assert.deepStrictEqual(
      old.links.filter((l) => !l.reverse).map((l) => [l.kind, path.basename(l.target), l.line]),
      [['superseded-by', '0014-operator-chooses.md', 5]],
    );
    assert.deepStrictEqual(
      byName(index, '0014-operator-chooses.md')
        .links.filter((l) => !l.reverse)
        .map((l) => [l.kind, path.basename(l.target)]),
      [['supersedes', '0013-not-adopted.md']],
    );
    assert.deepStrictEqual(
      index.problems().map((p) => p.code),
      [],
    );
  });

  it('bold and colon verb lines (`**Amends:** [ADR-0003](…)`, `* **Amended by** […](…)`) are typed links, as the plain adr-tools line is', () => {
    const forms = [
      ['Amends [3. Use X](0003-use-x.md)', 'amends', '0003-use-x.md'],
      ['**Amends:** [ADR-0003](0003-use-x.md)', 'amends', '0003-use-x.md'],
      ['**Superseded by:** [5. Use Y](0005-use-y.md)', 'superseded-by', '0005-use-y.md'],
      ['* **Amended by** [0007](0007-z.md)', 'amended-by', '0007-z.md'],
      ['Amends: [0003 Use X](0003-use-x.md)', 'amends', '0003-use-x.md'],
      ['__Relates to__: [ADR-0004](0004-w.md)', 'relates-to', '0004-w.md'],
      ['- **Supersedes**: [ADR-0002](0002-v.md) (the old one)', 'supersedes', '0002-v.md'],
      ['**Supersedes [ADR-0002](0002-v.md)**', 'supersedes', '0002-v.md'],
    ];
    const placements: [string, (line: string) => string][] = [
      ['a Nygard Status section', (line) => `# 8. Z\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n${line}\n\n## Context\n\nC.\n`],
      [
        'MADR 2 `## Links`',
        (line) =>
          `# Z\n\n* Status: accepted\n\n## Context and Problem Statement\n\nC.\n\n## Links\n\n${line.startsWith('* ') || line.startsWith('- ') ? line : `* ${line}`}\n`,
      ],
      ['the body under bold fields', (line) => `# ADR-0008 — Z\n\n**Status:** Accepted · **Date:** 2020-01-01\n\n${line}\n\n## Context\n\nC.\n`],
    ];
    for (const [where, record] of placements) {
      for (const [line, kind, file] of forms) {
        const r = parseDecision({ path: '/repo/doc/adr/0008-z.md', folder: '/repo/doc/adr', log4brains: false, body: record(line), bodyLine: 0 });
        assert.deepStrictEqual(
          r.links.map((l) => [l.kind, path.posix.basename(l.target)]),
          [[kind, file]],
          `${line} in ${where}`,
        );
        if (kind === 'superseded-by') assert.strictEqual(r.status, where === 'a Nygard Status section' ? 'superseded' : 'accepted', `${line} in ${where}`);
      }
    }
  });

  it("a bold `**Superseded by:**` line in the Status section supersedes; the newer record's bold `**Supersedes:**` is its other side", async () => {
    const { index } = await indexOf({
      'doc/adr/0003-use-x.md': '# 3. Use X\n\nDate: 2020-01-01\n\n## Status\n\n**Superseded by:** [5. Use Y](0005-use-y.md)\n\n## Context\n\nC.\n',
      'doc/adr/0005-use-y.md': '# 5. Use Y\n\nDate: 2020-02-01\n\n## Status\n\nAccepted\n\n**Supersedes:** [3. Use X](0003-use-x.md)\n\n## Context\n\nC.\n',
      'doc/adr/0007-use-z.md': '# 7. Use Z\n\nDate: 2020-03-01\n\n## Status\n\nAccepted\n\n* **Amends** [5. Use Y](0005-use-y.md)\n\n## Context\n\nC.\n',
    });
    assert.strictEqual(byName(index, '0003-use-x.md').status, 'superseded');
    assert.deepStrictEqual(
      index.problems().map((p) => [p.code, path.basename(p.path), p.message]),
      [['one-sided-link', '0007-use-z.md', 'This record says it amends 0005-use-y.md, but that record does not say it is amended by this one.']],
    );
  });

  it('a body link to an existing file that is not a record (README, image, template, a guide) is no problem; a missing record file still is', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md':
        nygardAdr({ number: 1, title: 'A' }) +
        '\nSee [the readme](README.md), [the template](template.md), [a diagram](images/flow.png), [the guide](../guide.md) and [the log](index.md).\n\nAlso [a ghost](0009-ghost.md).\n',
      'doc/adr/README.md': '# Decisions\n',
      'doc/adr/template.md': '# NUMBER. TITLE\n',
      'doc/adr/index.md': '# Log\n',
      'doc/adr/images/flow.png': 'png',
      'doc/guide.md': '# Guide\n',
    });
    assert.deepStrictEqual(
      index.problems().map((p) => [p.code, p.message]),
      [['broken-link', '"a ghost" (references) in 0001-a.md: no record at 0009-ghost.md.']],
    );
  });

  it('a verb link (Status section, `## Links`, front matter) to a file that is not a decision record says so, not that no record exists', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md': nygardAdr({
        number: 1,
        title: 'A',
        statusLines: ['Amends [the diagram](images/flow.png)', 'Relates to [the readme](README.md)', 'Supersedes [2. B](0002-b.md)'],
      }),
      'doc/adr/0002-b.md': nygardAdr({ number: 2, title: 'B', status: '', statusLines: ['Superseded by [1. A](0001-a.md)'] }),
      'doc/adr/0003-c.md': '---\nstatus: accepted\namends: ../guide/README.md\n---\n\n# C\n',
      'doc/adr/README.md': '# Decisions\n',
      'doc/adr/images/flow.png': 'png',
      'doc/guide/README.md': '# Guide\n',
    });
    assert.deepStrictEqual(linkProblems(index), [
      [
        '0001-a.md',
        9,
        'warning',
        'link-to-non-record',
        '"the diagram" (amends) links to images/flow.png, which is not a decision record: link another decision, or make it a plain link.',
      ],
      [
        '0001-a.md',
        11,
        'warning',
        'link-to-non-record',
        '"the readme" (relates to) links to README.md, which is not a decision record: link another decision, or make it a plain link.',
      ],
      [
        '0003-c.md',
        3,
        'warning',
        'link-to-non-record',
        '"../guide/README.md" (amends) links to ../guide/README.md, which is not a decision record: link another decision, or make it a plain link.',
      ],
    ]);
  });

  it('a verb link to a Markdown file outside the record folders is link-to-non-record, not broken-link; a body link to one is no problem', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md': nygardAdr({
        number: 1,
        title: 'A',
        statusLines: [
          'Amends [the setup guide](../guide/setup.md)',
          'Supersedes [the old runbook](../../ops/runbook-0002.md)',
          // From the repository's top, as GitHub reads it: where that is, the index cannot say, so it says nothing.
          'Relates to [the guide](/guide/setup.md)',
        ],
      }).replace('## Context\n', '## Context\n\nSee [the setup guide](../guide/setup.md).\n'),
      'doc/guide/setup.md': '# Setup\n',
    });
    assert.deepStrictEqual(linkProblems(index), [
      [
        '0001-a.md',
        9,
        'warning',
        'link-to-non-record',
        '"the setup guide" (amends) links to ../guide/setup.md, which is not a decision record: link another decision, or make it a plain link.',
      ],
      [
        '0001-a.md',
        11,
        'warning',
        'link-to-non-record',
        '"the old runbook" (supersedes) links to ../../ops/runbook-0002.md, which is not a decision record: link another decision, or make it a plain link.',
      ],
    ]);
  });

  it('a broken link names the record it is written in and the path it looked for, as written from that record', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md': nygardAdr({
        number: 1,
        title: 'A',
        statusLines: ['Amends [ADR 9](/doc/adr/0009-gone.md)', 'Relates to [ADR 5](old/0005-moved.md)'],
      }),
    });
    assert.deepStrictEqual(
      index
        .problems()
        .filter((p) => p.code !== 'missing-section')
        .map((p) => [p.line, p.code, p.message]),
      [
        [9, 'broken-link', '"ADR 9" (amends) in 0001-a.md: no record at 0009-gone.md.'],
        [11, 'broken-link', '"ADR 5" (relates to) in 0001-a.md: no record at old/0005-moved.md.'],
      ],
    );
  });

  it("a body link to a record's `.html` page name references that record; one to any other page is no link and not broken", async () => {
    const { index } = await indexOf({
      'doc/adr/0012-one-cluster.md': nygardAdr({ number: 12, title: 'One cluster' }),
      'doc/adr/0021-multi-cluster.md': nygardAdr({ number: 21, title: 'Multi-cluster' }).replace(
        '## Context\n',
        '## Context\n\nApps run on [one cluster](0012-one-cluster.html#decision); see [the log](index.html) and [an old page](0099-gone.html).\n',
      ),
    });
    assert.deepStrictEqual(
      index.linksOf(byName(index, '0021-multi-cluster.md')).map((l) => [l.kind, path.basename(l.target)]),
      [['references', '0012-one-cluster.md']],
    );
    assert.deepStrictEqual(
      index.linksOf(byName(index, '0012-one-cluster.md')).map((l) => [l.kind, path.basename(l.target)]),
      [['referenced-by', '0021-multi-cluster.md']],
    );
    assert.deepStrictEqual(
      index.problems().map((p) => p.code),
      [],
    );
  });

  it('a date written with the status ("Accepted on 2026-08-31.") is the date when there is no Date field', async () => {
    const { index } = await indexOf({
      'doc/adr/0009-owner-issued-settings.md': '# ADR 0009: Owner-issued settings\n\n## Status\n\nAccepted on 2026-08-31.\n\n## Context\n\nC.\n',
      'doc/adr/0010-activity-feed.md':
        '# Activity feed\n\n## Status\n\nAccepted — 2026-05-14\n\nAmended by [ADR-0019](0019-persist.md) (2026-06-14): commits are now polled.\n\n## Context\n\nC.\n',
      'doc/adr/0011-changelog.md': '# 11. Changelog\n\n## Status\n\nAccepted on 2018-08-17.\nRevisited on 2019-01-03.\n\n## Context\n\nC.\n',
      'doc/adr/0012-dated.md': '# 12. Dated\n\nDate: 2020-01-02\n\n## Status\n\nAccepted on 2021-03-04\n',
      'doc/adr/0013-bullets.md': '# Bullets\n\n* Status: accepted (2021-03-05)\n\n## Context and Problem Statement\n\nC.\n',
      'doc/adr/0019-persist.md': '# 19. Persist\n\n## Status\n\nAccepted\n',
    });
    assert.deepStrictEqual(
      index
        .records()
        .sort((a, b) => (a.number ?? 0) - (b.number ?? 0))
        .map((r) => [r.number, r.status, r.date]),
      [
        [9, 'accepted', '2026-08-31'],
        [10, 'accepted', '2026-05-14'],
        [11, 'accepted', '2018-08-17'],
        [12, 'accepted', '2020-01-02'],
        [13, 'accepted', '2021-03-05'],
        [19, 'accepted', null],
      ],
    );
  });

  it("a date line that goes on after the date (`2018-08-30; Last update date: …`) and a date kept in the template's brackets (`[2022-10-05]`) are dated", async () => {
    const { index } = await indexOf({
      'doc/adr/0005-unit-tests.md': '# 5. Unit Tests\n\nDate: 2018-08-30; Last update date: 2019-04-09\n\n## Status\n\nAccepted\n\n## Context\n\nC.\n',
      'doc/adr/0006-bracketed.md': '# Bracketed\n\n* Status: accepted\n* Deciders: Ann, Bob\n* Date: [2022-10-05]\n\n## Context and Problem Statement\n\nC.\n',
      'doc/adr/0007-placeholder.md': '# Placeholder\n\n* Status: proposed\n* Date: [YYYY-MM-DD when the decision was last updated]\n',
    });
    assert.deepStrictEqual(
      index
        .records()
        .sort((a, b) => (a.number ?? 0) - (b.number ?? 0))
        .map((r) => [r.number, r.date]),
      [
        [5, '2018-08-30'],
        [6, '2022-10-05'],
        [7, null],
      ],
    );
  });

  it("a Date field written as a link (`* Date: [2023-03-15](…/commit/…)`) is that date, before a site generator's page date", async () => {
    const { index } = await indexOf({
      'docs/adr/0024-store-metadata.md':
        '---\ntitle: "24. Store metadata"\ndate: 2024-02-09T14:57:00+01:00\nweight: 24\n---\n\n* Status: accepted\n* Deciders: @ann, @bob\n* Date: [2023-03-15](https://example.test/pull/37/commits/1a2b3c)\n\n## Context and Problem Statement\n\nC.\n',
      'docs/adr/0025-b.md': '# B\n\nDate: [2023-03-16](https://example.test/pull/38)\n\n## Status\n\nAccepted\n',
    });
    assert.deepStrictEqual(
      index.records().map((r) => [r.number, r.title, r.date]),
      [
        [24, 'Store metadata', '2023-03-15'],
        [25, 'B', '2023-03-16'],
      ],
    );
  });

  it("section headings keep their meaning with MADR 2's `<!-- optional -->` or a heading id: `## Links <!-- optional -->`, `## Status {#status}`", async () => {
    const { index } = await indexOf({
      'docs/adr/0001-use-x.md':
        '# Use X\n\n* Status: accepted\n* Date: 2021-03-04\n\n## Context and Problem Statement\n\nC.\n\n## Decision Outcome <!-- optional -->\n\nD.\n\n## Links <!-- optional -->\n\n* Refined by [ADR-0002](0002-use-y.md)\n',
      'docs/adr/0002-use-y.md':
        '# 2. Use Y\n\nDate: 2021-03-05\n\n## Status {#status}\n\nAccepted\n\nRefines [1. Use X](0001-use-x.md)\n\n## Context {#context}\n\nC.\n\n## Decision {#decision}\n\nD.\n\n## Consequences {#consequences}\n\nE.\n',
    });
    const x = byName(index, '0001-use-x.md');
    assert.deepStrictEqual(
      x.links.map((l) => [l.kind, path.basename(l.target)]),
      [['refined-by', '0002-use-y.md']],
    );
    const y = byName(index, '0002-use-y.md');
    assert.deepStrictEqual(
      [y.status, y.dialect, y.links.map((l) => [l.kind, path.basename(l.target)])],
      ['accepted', 'nygard', [['refines', '0001-use-x.md']]],
    );
    for (const r of [x, y]) assert.deepStrictEqual(contentProblems(r, fs.readFileSync(r.path, 'utf8')), [], path.basename(r.path));
  });

  it('numbered sections keep their meaning: `## 1. Status`, `## 2) Context`', async () => {
    const { index } = await indexOf({
      'doc/adr/0003-use-z.md':
        '# 3. Use Z\n\nDate: 2021-03-06\n\n## 1. Status\n\nSuperseded by [4. Use W](0004-use-w.md)\n\n## 2) Context\n\nC.\n\n## 3. Decision\n\nD.\n\n## 4. Consequences\n\nE.\n',
      'doc/adr/0004-use-w.md': '# 4. Use W\n\nDate: 2021-03-07\n\n## 1. Status\n\nAccepted\n\nSupersedes [3. Use Z](0003-use-z.md)\n\n## 2. Context\n\nC.\n',
    });
    const z = byName(index, '0003-use-z.md');
    assert.deepStrictEqual([z.status, z.links.map((l) => [l.kind, path.basename(l.target)])], ['superseded', [['superseded-by', '0004-use-w.md']]]);
    assert.deepStrictEqual(contentProblems(z, fs.readFileSync(z.path, 'utf8')), []);
    assert.strictEqual(byName(index, '0004-use-w.md').status, 'accepted');
  });

  it('a `## Date` section gives the date, before the date of a supersede written in the status', async () => {
    const { index } = await indexOf({
      'doc/adr/0012-execution-model.md':
        '# ADR-012: Execution Model\n\n## Status\n\nSuperseded by ADR-017 (2026-07-17)\n\n## Date\n\n2026-07-13\n\n## Context\n\nC.\n',
      'doc/adr/0015-import-script.md': '# 0015: Replace import script\n\n## Status\n\nAccepted\n\n## Date\n\n**16 June 2026**\n\n## Context\n\nC.\n',
      'doc/adr/0016-inline.md': '# 16. Inline\n\n## Status: Accepted\n\n## Date: 2026-06-18\n\n## Context\n\nC.\n',
      'doc/adr/0017-new.md': '# ADR-017: New\n\nDate: 2026-07-17\n\n## Status\n\nAccepted\n\nSupersedes ADR-012.\n',
    });
    assert.deepStrictEqual(
      index
        .records()
        .sort((a, b) => (a.number ?? 0) - (b.number ?? 0))
        .map((r) => [r.number, r.status, r.date]),
      [
        [12, 'superseded', '2026-07-13'],
        [15, 'accepted', '2026-06-16'],
        [16, 'accepted', '2026-06-18'],
        [17, 'accepted', '2026-07-17'],
      ],
    );
  });

  it('vague dates give no date; month names with a day do', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A', date: 'TBD 2021' }),
      'doc/adr/0002-b.md': nygardAdr({ number: 2, title: 'B', date: 'Decided 2021' }),
      'doc/adr/0003-c.md': nygardAdr({ number: 3, title: 'C', date: '12 March 2021' }),
      'doc/adr/0004-d.md': nygardAdr({ number: 4, title: 'D', date: 'March 2nd, 2021' }),
    });
    assert.deepStrictEqual(
      index
        .records()
        .sort((a, b) => (a.number ?? 0) - (b.number ?? 0))
        .map((r) => r.date),
      [null, null, '2021-03-12', '2021-03-02'],
    );
  });

  it('a design doc with one author, reviewer or approver written singular (`author: alice`) has them in their roles', async () => {
    const { index } = await indexOf({
      'docs/design/search.md': '---\ntitle: Search\nstatus: draft\nauthor: alice\nreviewer: tess\napprover: [dana]\n---\n',
      'docs/design/both.md': '---\ntitle: Both\nauthors: [bob]\nauthor: ignored\n---\n',
    });
    const byTitle = new Map(index.records('design').map((d) => [d.title, d]));
    const search = byTitle.get('Search')!;
    assert.deepStrictEqual([search.authors, search.reviewers, search.approvers, search.people], [['alice'], ['tess'], ['dana'], ['alice', 'tess', 'dana']]);
    // The plural, when written, is the list.
    assert.deepStrictEqual(byTitle.get('Both')!.authors, ['bob']);
  });

  it('date-named design docs are dated, not numbered; repeated links are kept once', async () => {
    const { index } = await indexOf({
      'docs/design/2024-01-15-search-rewrite.md': '---\ntitle: Search rewrite\nstatus: draft\ndecisions: [ADR-1, ADR-1]\n---\n',
      'docs/design/2024-02-01-no-title.md': '',
      'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }),
      'docs/decisions/0002-b.md': '',
    });
    const docs = index.records('design').sort((a, b) => a.path.localeCompare(b.path));
    assert.deepStrictEqual(
      docs.map((d) => [d.number, d.title, d.date]),
      [
        [null, 'Search rewrite', '2024-01-15'],
        [null, 'No title', null],
      ],
    );
    assert.strictEqual(docs[0].links.length, 1);
    const madr = await indexOf({
      'docs/adr/0002-b.md': '# B\n\n* Status: superseded by [ADR-0003](0003-c.md)\n\n## Links\n\n* Superseded by [ADR-0003](0003-c.md)\n',
      'docs/adr/0003-c.md': '# C\n\n* Status: accepted\n\n## Links\n\n* Supersedes [ADR-0002](0002-b.md)\n',
    });
    assert.deepStrictEqual(
      madr.index
        .records()
        .find((r) => r.number === 2)
        ?.links.map((l) => l.kind),
      ['superseded-by'],
    );
  });

  it('MADR with its status in a `## Status` section is MADR: its own sections are required, and a new status is written in that section', async () => {
    const madr =
      '# Use Kafka for events\n\n## Status\n\nAccepted\n\n## Context and Problem Statement\n\nC.\n\n## Considered Options\n\n* Kafka\n\n## Decision Outcome\n\nChosen option: Kafka.\n';
    const { index } = await indexOf({
      'docs/decisions/0001-use-kafka.md': madr,
      'docs/decisions/0002-use-nats.md': '---\ntags: [events]\n---\n\n# Use NATS\n\n## Decision Outcome\n\nNATS.\n\n## Status\n\nProposed\n',
      'docs/decisions/0003-use-json.md': nygardAdr({ number: 3, title: 'Use JSON' }),
    });
    const kafka = byName(index, '0001-use-kafka.md');
    assert.deepStrictEqual(
      index.records().map((r) => [path.basename(r.path), r.dialect, r.status]),
      [
        ['0001-use-kafka.md', 'madr2', 'accepted'],
        ['0002-use-nats.md', 'madr2', 'proposed'],
        ['0003-use-json.md', 'nygard', 'accepted'],
      ],
    );
    assert.deepStrictEqual(contentProblems(kafka, madr), []);
    assert.strictEqual(setDecisionStatus(kafka, madr, 'deprecated'), madr.replace('\nAccepted\n', '\nDeprecated\n'));
  });

  it('statuses and section headings in German, French, Portuguese and Spanish read as the standard ones', async () => {
    const nygard = (title: string, h: string[], status: string): string =>
      `# 1. ${title}\n\nDate: 2026-01-05\n\n## ${h[0]}\n\n${status}\n\n## ${h[1]}\n\nC.\n\n## ${h[2]}\n\nD.\n\n## ${h[3]}\n\nE.\n`;
    const files: Record<string, string> = {
      'de/0001-a.md': nygard('A', ['Status', 'Kontext', 'Entscheidung', 'Konsequenzen'], 'Akzeptiert'),
      'fr/0001-a.md': nygard('A', ['Statut', 'Contexte', 'Décision', 'Conséquences'], 'Remplacée par ADR-0002'),
      // Decomposed accents (as some editors save them) are the same letters.
      'pt/0001-a.md': nygard(
        'A',
        ['Situação', 'Contexto', 'Decisão', 'Consequências'].map((h) => h.normalize('NFD')),
        'Rejeitado'.normalize('NFD'),
      ),
      'es/0001-a.md': nygard('A', ['Estado', 'Contexto', 'Decisión', 'Consecuencias'], '**Propuesta**'),
      'es/0002-b.md': '# B\n\n* Estado: Obsoleto\n* Date: 2026-01-06\n\n## Context and Problem Statement\n\nC.\n',
      'de/0002-b.md': '---\nstatus: Vorgeschlagen\n---\n\n# B\n',
      'fr/0002-b.md': nygard('B', ['Statut', 'Contexte', 'Décision', 'Conséquences'], 'Brouillon'),
      'pt/0002-b.md': nygard('B', ['Estado', 'Contexto', 'Decisão', 'Consequências'], 'Aceita em 2026-02-01'),
      // A word outside the vocabulary is kept as written.
      'de/0003-c.md': nygard('C', ['Status', 'Kontext', 'Entscheidung', 'Konsequenzen'], 'In Arbeit'),
    };
    const { index } = await indexOf(files, { decisionDirectories: ['de', 'fr', 'pt', 'es'] });
    assert.deepStrictEqual(
      index
        .records()
        .map((r) => `${path.basename(path.dirname(r.path))}/${path.basename(r.path)} ${r.status}`)
        .sort(),
      [
        'de/0001-a.md accepted',
        'de/0002-b.md proposed',
        'de/0003-c.md in arbeit',
        'es/0001-a.md proposed',
        'es/0002-b.md deprecated',
        'fr/0001-a.md superseded',
        'fr/0002-b.md draft',
        'pt/0001-a.md rejected',
        'pt/0002-b.md accepted',
      ],
    );
    // Lint finds the four sections Nygard requires under their translated names.
    for (const name of ['de/0001-a.md', 'fr/0001-a.md', 'pt/0001-a.md', 'es/0001-a.md']) {
      const r = index.records().find((x) => x.path.endsWith(`/${name}`));
      assert.ok(r, name);
      assert.deepStrictEqual(
        contentProblems(r, files[name]).map((p) => p.code),
        [],
        name,
      );
    }
  });

  it("MADR's sections translated (German, French, Portuguese, Spanish) make a MADR record, and lint finds them", async () => {
    const madr = (status: string, context: string, outcome: string): string =>
      `# 1. Use X\n\nDate: 2026-01-05\n\n## ${status}\n\nAccepted\n\n## ${context}\n\nC.\n\n## ${outcome}\n\nD.\n`;
    const files: Record<string, string> = {
      'de/0001-a.md': madr('Status', 'Kontext und Problemstellung', 'Entscheidungsergebnis'),
      'fr/0001-a.md': madr('Statut', 'Contexte et énoncé du problème', 'Résultat de la décision'),
      'pt/0001-a.md': madr('Situação', 'Contexto e Declaração do Problema', 'Resultado da Decisão:'),
      'es/0001-a.md': madr('Estado', 'Contexto y Planteamiento del Problema', 'Resultado de la decisión'),
    };
    const { index } = await indexOf(files, { decisionDirectories: ['de', 'fr', 'pt', 'es'] });
    for (const [name, text] of Object.entries(files)) {
      const r = index.records().find((x) => x.path.endsWith(`/${name}`));
      assert.ok(r, name);
      assert.strictEqual(r.dialect, 'madr2', name);
      assert.deepStrictEqual(
        contentProblems(r, text).map((p) => p.code),
        [],
        name,
      );
    }
  });

  it('a Status section that is a history of dated statuses has the newest as its status, and a change adds a dated line', async () => {
    const history =
      '# 2. Use X\n\nDate: 2017-12-14\n\n## Status\n\nSTATUS：proposed/accepted/done/deprecated/superseded\n\n2017-12-14 proposed\n\n2017-12-20 accepted\n\nSee the board notes.\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nE.\n';
    const note = '# 5. Use W\n\n## Status\n\nAccepted\n\n2021-03-05 approved by the board\n';
    const plain = '# 3. Use Y\n\n## Status\n\n<!-- proposed/accepted/done -->\n2020-04-22 proposed\n\n## Context\n\nC.\n';
    const { index } = await indexOf({
      'docs/adr/0002-use-x.md': history,
      'docs/adr/0003-use-y.md': plain,
      'docs/adr/0004-use-z.md': '# 4. Use Z\n\n## Status\n\n2020-04-22: proposed\n2020/05/02 superseded by [3. Use Y](0003-use-y.md)\n',
      // A dated note under a status of its own is not a history.
      'docs/adr/0005-use-w.md': note,
    });
    assert.deepStrictEqual(
      index.records().map((r) => [r.number, r.status, r.date]),
      [
        [2, 'accepted', '2017-12-14'],
        [3, 'proposed', '2020-04-22'],
        [4, 'superseded', '2020-04-22'],
        [5, 'accepted', '2021-03-05'],
      ],
    );
    assert.deepStrictEqual(
      byName(index, '0004-use-z.md').links.map((l) => [l.kind, path.basename(l.target)]),
      [['superseded-by', '0003-use-y.md']],
    );
    assert.strictEqual(
      setDecisionStatus(byName(index, '0002-use-x.md'), history, 'deprecated', '2018-01-02'),
      history.replace('2017-12-20 accepted\n', '2017-12-20 accepted\n\n2018-01-02 deprecated\n'),
    );
    assert.strictEqual(
      setDecisionStatus(byName(index, '0003-use-y.md'), plain, 'accepted', '2020-05-01'),
      plain.replace('2020-04-22 proposed\n', '2020-04-22 proposed\n2020-05-01 accepted\n'),
    );
    assert.strictEqual(setDecisionStatus(byName(index, '0005-use-w.md'), note, 'deprecated', '2022-01-01'), note.replace('Accepted', 'Deprecated'));
  });

  it('the Date and Deciders fields in German, French, Portuguese and Spanish give the date and the people', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md':
        '# A\n\n* Estado: aceptada\n* Responsables: Ana, Luis\n* Fecha: 2025/02/14\n\n## Contexto y Planteamiento del Problema\n\nC.\n\n## Decisión\n\nD.\n',
      'doc/adr/0002-b.md':
        '# B\n\n* Status: akzeptiert\n* Entscheider: [Jo Doe](https://example.test/jo)\n* Datum: 17.09.2022\n\n## Kontext und Problemstellung\n\nC.\n',
      'doc/adr/0003-c.md': '# 3. C\n\nDate: 2020-04-22\n\nDécideurs: [Alix Martin](https://example.test/am)\n\n## Statut\n\nProposé\n',
      'doc/adr/0004-d.md': '# D\n\n* **Status:** Aceito\n* **Data:** 2026-09-02\n* **Decisores:** Time Mobile\n',
      // `Data:` that holds no date is some other field.
      'doc/adr/0005-e.md': '# E\n\n* Status: accepted\n* Data: customer records only\n* Date: 2024-01-02\n',
    });
    assert.deepStrictEqual(
      index.records().map((r) => [r.number, r.status, r.date, r.people, r.dialect]),
      [
        [1, 'accepted', '2025-02-14', ['Ana', 'Luis'], 'madr2'],
        [2, 'accepted', '2022-09-17', ['Jo Doe'], 'madr2'],
        [3, 'proposed', '2020-04-22', ['Alix Martin'], 'nygard'],
        [4, 'accepted', '2026-09-02', ['Time Mobile'], 'madr2'],
        [5, 'accepted', '2024-01-02', [], 'madr2'],
      ],
    );
  });

  it("a record in Chinese: its date, its status history and Nygard's four sections", async () => {
    const text =
      '# 7. 使用 X\n\n日期: 2017-11-23\n\n## 状态\n\n列表：提议/通过/完成/已弃用/已取代\n\n2017-11-23 提议\n\n2017-11-24 通过\n\n## 背景\n\nC.\n\n## 决策\n\nD.\n\n## 后果\n\nE.\n';
    const { index } = await indexOf({
      'docs/adr/0007-使用-x.md': text,
      'docs/adr/0008-使用-y.md':
        '# 8. 使用 Y\n\n日期: 2017-11-25\n\n## 状态\n\n列表：提议/通过/完成/已弃用/已取代\n\n2017-11-25 已取代\n\n## 上下文\n\nC.\n\n## 决策\n\nD.\n\n## 结果\n\nE.\n',
    });
    assert.deepStrictEqual(
      index.records().map((r) => [r.number, r.title, r.status, r.date, r.dialect]),
      [
        [7, '使用 X', 'accepted', '2017-11-23', 'nygard'],
        [8, '使用 Y', 'superseded', '2017-11-25', 'nygard'],
      ],
    );
    assert.deepStrictEqual(contentProblems(byName(index, '0007-使用-x.md'), text), []);
  });

  it('quoted values of field bullets are the text inside the quotes', async () => {
    const { index } = await indexOf({
      'docs/adr/0001-a.md':
        '# A\n\n* Status: "accepted"\n- Deciders: \'Ada Lovelace, Grace Hopper\'\n* Date: "2026-03-01"\n\n## Context and Problem Statement\n\nC.\n',
      'docs/adr/0002-b.md': "# B\n\n* Status: 'proposed'\n* Deciders: \"Dana O'Brien\", 'Eve'\n* Date: '2026-03-02'\n",
    });
    assert.deepStrictEqual(
      index.records().map((r) => [r.status, r.date, r.people, r.dialect]),
      [
        ['accepted', '2026-03-01', ['Ada Lovelace', 'Grace Hopper'], 'madr2'],
        ['proposed', '2026-03-02', ["Dana O'Brien", 'Eve'], 'madr2'],
      ],
    );
  });

  it('a front-matter title that is only the file name or its slug yields to the H1', async () => {
    const { index } = await indexOf({
      'docs/adr/0003-use-postgres.md': '---\ntitle: 0003-use-postgres\nstatus: accepted\n---\n\n# Use PostgreSQL\n',
      'docs/adr/0004-use-redis.md': '---\ntitle: use-redis\nstatus: accepted\n---\n\n# ADR-0004: Use Redis for caching\n',
      'docs/adr/0005-use-nats.md': '---\ntitle: Use NATS\nstatus: accepted\n---\n\n# Messaging\n',
      // With no H1, the slug is all there is.
      'docs/adr/0006-use-s3.md': '---\ntitle: use-s3\nstatus: accepted\n---\n\nWe use S3.\n',
    });
    assert.deepStrictEqual(
      index.records().map((r) => [r.number, r.title]),
      [
        [3, 'Use PostgreSQL'],
        [4, 'Use Redis for caching'],
        [5, 'Use NATS'],
        [6, 'use-s3'],
      ],
    );
    const { index: dated } = await indexOf({
      '.log4brains.yml': 'project:\n  adrFolder: ./docs/adr\n',
      'docs/adr/20240101-use-kafka.md': '---\ntitle: 20240101-use-kafka\n---\n\n# Use Kafka\n\n- Status: accepted\n',
    });
    assert.deepStrictEqual(
      dated.records().map((r) => r.title),
      ['Use Kafka'],
    );
  });

  it('reference-style verb links resolve as inline ones do: full, collapsed and shortcut, in the Status section, a Status bullet and `## Links`', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A', status: '', statusLines: ['Superseded by [ADR 5][adr5]', '[adr5]: 0005-e.md'] }),
      'doc/adr/0005-e.md':
        nygardAdr({ number: 5, title: 'E', statusLines: ['Supersedes [1. A][]', 'Amends [ADR 9][adr9]'] }) +
        '\n[1. A]: 0001-a.md\n[ADR9]: <0009-gone.md> "gone"\n',
      'doc/adr/0006-f.md': '# F\n\n* Status: superseded by [ADR-0007][]\n\n## Links\n\n* Relates to [ADR 5]\n\n[ADR-0007]: 0007-g.md\n[adr 5]: 0005-e.md\n',
      'doc/adr/0007-g.md': '# G\n\n* Status: accepted\n\n## Links\n\n* Supersedes [ADR-0006](0006-f.md)\n',
    });
    const linksOf = (name: string): string[][] => byName(index, name).links.map((l) => [l.kind, path.basename(l.target), l.label ?? '']);
    assert.deepStrictEqual(byName(index, '0001-a.md').status, 'superseded');
    assert.deepStrictEqual(linksOf('0001-a.md'), [['superseded-by', '0005-e.md', 'ADR 5']]);
    assert.deepStrictEqual(linksOf('0005-e.md'), [
      ['supersedes', '0001-a.md', '1. A'],
      ['amends', '0009-gone.md', 'ADR 9'],
    ]);
    assert.deepStrictEqual(
      [byName(index, '0006-f.md').status, linksOf('0006-f.md')],
      [
        'superseded',
        [
          ['superseded-by', '0007-g.md', 'ADR-0007'],
          ['relates-to', '0005-e.md', 'ADR 5'],
        ],
      ],
    );
    assert.deepStrictEqual(
      index.problems().map((p) => [path.basename(p.path), p.code, p.message]),
      [['0005-e.md', 'broken-link', '"ADR 9" (amends) in 0005-e.md: no record at 0009-gone.md.']],
    );
  });

  it('field names in a header row under the title, with their values in the one row below, are read', async () => {
    const { index } = await indexOf({
      'docs/adr/0001-a.md':
        '# A\n\n| Status | Date | Deciders |\n|---|:---:|---|\n| accepted | 2020-01-01 | Ada, Grace |\n\n## Context and Problem Statement\n\nC.\n',
      'docs/adr/0002-b.md': '# B\n\n| **Date** | **Status** |\n| ---------- | -------- |\n| 07.12.2026 | Proposed |\n',
      // Several rows (a history) do not say which status is current: none is taken, nor the header's names.
      'docs/adr/0003-c.md': '# C\n\n| Date | Status |\n|---|---|\n| 2020-01-01 | proposed |\n| 2020-02-01 | accepted |\n',
      'docs/adr/0004-d.md': '# D\n\n| Status | Date |\n|---|---|\n',
      // Any field read under the title names a column: `Created` (as a `Created:` line dates a record).
      'docs/adr/0005-e.md': '---\nid: adrs-adr005\n---\n\n| Created    | Status |\n| ---------- | ------ |\n| 2020-05-17 | Open   |\n\n## Context\n',
      // One known name is no table of fields: an options table under the title is not read.
      'docs/adr/0006-f.md': '# F\n\n| Option | Status |\n|---|---|\n| Kafka | rejected |\n',
    });
    assert.deepStrictEqual(
      index.records().map((r) => [path.basename(r.path), r.status, r.date, r.people]),
      [
        ['0001-a.md', 'accepted', '2020-01-01', ['Ada', 'Grace']],
        ['0002-b.md', 'proposed', '2026-12-07', []],
        ['0003-c.md', null, null, []],
        ['0004-d.md', null, null, []],
        ['0005-e.md', 'open', '2020-05-17', []],
        ['0006-f.md', null, null, []],
      ],
    );
  });

  it("a title opening with the kind of record, numbered or not, is the rest (`# Architecture Decision Record: Use X`, `# ADR-012 - Use X`, a draft's `# xx. Use X`)", async () => {
    const { index } = await indexOf({
      'doc/adr/0012-a.md': '# Architecture Decision Record: Use X\n',
      'doc/adr/0013-b.md': '# ADR 13: Use Y\n',
      'doc/adr/0014-c.md': '# ADR-014 - Use Z\n',
      'doc/adr/0015-d.md': '# ADR: Use W\n',
      'doc/adr/0016-e.md': '# Architectural Decision — Use V\n',
      'doc/adr/0017-f.md': '# ADR-Tools adoption\n',
      'doc/adr/0018-g.md': '# ADRs: how we write them\n',
      'doc/adr/notes.md': '# Decision Record: Use U\n',
      // A draft with a placeholder where its number will go.
      'doc/adr/00xx-t.md': '# xx. Use T\n',
      'doc/adr/draft-s.md': '# ADR-XXXX: Use S\n',
      'doc/adr/draft-r.md': '# NNNN - Use R\n',
      'doc/adr/0019-h.md': '# XXL sizes\n',
      // A record marked as no longer in force, in brackets before its title.
      'doc/adr/0020-i.md': '# [Superseded by [ADR-0021](0021-j.md)] Push metrics via InfluxDB\n',
      'doc/adr/0021-j.md': '# [DEPRECATED] Use Q\n',
      'doc/adr/0022-k.md': '# [Draft] - Use P\n',
      'doc/adr/0023-l.md': '# [Kafka](https://kafka.example) for events\n',
    });
    assert.deepStrictEqual(
      index.records().map((r) => [r.number, r.title]),
      [
        [12, 'Use X'],
        [13, 'Use Y'],
        [14, 'Use Z'],
        [15, 'Use W'],
        [16, 'Use V'],
        [17, 'ADR-Tools adoption'],
        [18, 'ADRs: how we write them'],
        [19, 'XXL sizes'],
        [20, 'Push metrics via InfluxDB'],
        [21, 'Use Q'],
        [22, 'Use P'],
        [23, 'Kafka for events'],
        [null, 'Use T'],
        [null, 'Use R'],
        [null, 'Use S'],
        [null, 'Use U'],
      ],
    );
  });

  it('a status field wrapped before its link (`— **superseded by` then `[ADR-0015](…)**`) is that link, once', async () => {
    const { index } = await indexOf({
      'doc/adr/0011-lock.md': '# ADR-0011. Locking\n\n**Status:** ~~accepted~~ — **superseded by\n[ADR-0015](0015-drafts.md)**\n\n> Not used.\n',
      'doc/adr/0012-b.md': '# ADR-0012. B\n\n* Status: Superseded by:\n  [ADR-0015](0015-drafts.md)\n',
      'doc/adr/0015-drafts.md': '# ADR-0015. Drafts\n\n**Status:** accepted\n\nSupersedes [ADR-0011](0011-lock.md) and [ADR-0012](0012-b.md)\n',
      // Not a wrap: a status with no verb at its end, a link line after it.
      'doc/adr/0016-c.md': '# ADR-0016. C\n\nStatus: Accepted\n[ADR-0015](0015-drafts.md) came first.\n',
    });
    const links = (name: string) => index.linksOf(byName(index, name)).map((l) => [l.kind, path.basename(index.resolveLink(byName(index, name), l.target))]);
    assert.deepStrictEqual(links('0011-lock.md'), [['superseded-by', '0015-drafts.md']]);
    assert.deepStrictEqual(links('0012-b.md'), [['superseded-by', '0015-drafts.md']]);
    assert.deepStrictEqual(links('0016-c.md'), [['references', '0015-drafts.md']]);
    assert.deepStrictEqual(
      ['0011-lock.md', '0012-b.md', '0016-c.md'].map((n) => byName(index, n).status),
      ['superseded', 'superseded', 'accepted'],
    );
    assert.deepStrictEqual(index.problems(), []);
  });
});
