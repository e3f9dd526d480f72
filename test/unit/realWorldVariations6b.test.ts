import * as assert from 'assert';
import { indexOf, linksOf, readings, surveyProblems } from './helpers';

/** Shapes met in public repositories' ADR folders that the earlier surveys left as they were read (second batch). */
describe('real-world record variations, sixth survey (b)', () => {
  it('a `**Superseded by**: ADR-0050 (a note)` field under `**Status**: Superseded` names the newer record: no one-sided link; `Superseded by: —` is none', async () => {
    const { index } = await indexOf({
      'docs/adr/ADR-0043-lodging-api.md':
        '# ADR-0043: Lodging API\n\n**Version**: 1.0.1\n**Status**: Superseded\n**Superseded by**: ADR-0050 (hybrid of two suppliers)\n**Date**: 2025-11-19\n\n## Context\n\nC.\n',
      'docs/adr/ADR-0044-benchmark.md': '# ADR-0044: Benchmark\n\nStatus: Superseded\nDate: 2025-08-26\nReplaced by: ADR-0050\n\n## Context\n\nC.\n',
      'docs/adr/ADR-0045-queue.md': '# ADR-0045: Queue\n\n**Status**: Accepted\n**Superseded by**: —\n\n## Context\n\nC.\n',
      'docs/adr/ADR-0050-hybrid.md':
        '# ADR-0050: Hybrid\n\n**Status**: Accepted\n**Supersedes**: ADR-0043, ADR-0044\n**Date**: 2025-11-24\n\n## Context\n\nC.\n',
    });
    assert.deepStrictEqual(linksOf(index, 'ADR-0043-lodging-api.md'), ['superseded-by ADR-0050-hybrid.md']);
    assert.deepStrictEqual(linksOf(index, 'ADR-0044-benchmark.md'), ['superseded-by ADR-0050-hybrid.md']);
    assert.deepStrictEqual(linksOf(index, 'ADR-0045-queue.md'), []);
    assert.deepStrictEqual(
      readings(index).map((r) => [r[0], r[3]]),
      [
        ['ADR-0043-lodging-api.md', 'superseded'],
        ['ADR-0044-benchmark.md', 'superseded'],
        ['ADR-0045-queue.md', 'accepted'],
        ['ADR-0050-hybrid.md', 'accepted'],
      ],
    );
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('fields quoted under the title (`> **Supersedes**: ADR-061 (…)`) and in a table of fields (`| Superseded by | ADR-001 |`) link as plain ones do', async () => {
    const { index } = await indexOf({
      'docs/adr/ADR-055-bundle.md':
        '# ADR-055 — Bundle\n\n> **Estado:** Aceptado — 2026-08-13\n> **Superseded by**: ADR-061 (new triggers)\n\n## Contexto\n\nC.\n',
      'docs/adr/ADR-061-triggers.md':
        '# ADR-061 — Triggers\n\n> **Estado:** Aceptado — 2026-08-18\n> **Supersedes**: ADR-055 (its triggers)\n\n## Contexto\n\nC.\n',
      'docs/adr/ADR-070-runners.md':
        '# ADR-070 — Runners\n\n| Field | Value |\n|---|---|\n| Status | Superseded |\n| Date | 2026-05-25 |\n| Supersedes | — |\n| Superseded by | ADR-071 |\n\n## Context\n\nC.\n',
      'docs/adr/ADR-071-pools.md': '# ADR-071 — Pools\n\n| Field | Value |\n|---|---|\n| Status | Accepted |\n| Supersedes | ADR-070 |\n\n## Context\n\nC.\n',
    });
    assert.deepStrictEqual(linksOf(index, 'ADR-055-bundle.md'), ['superseded-by ADR-061-triggers.md']);
    assert.deepStrictEqual(linksOf(index, 'ADR-061-triggers.md'), ['supersedes ADR-055-bundle.md']);
    assert.deepStrictEqual(linksOf(index, 'ADR-070-runners.md'), ['superseded-by ADR-071-pools.md']);
    assert.deepStrictEqual(linksOf(index, 'ADR-071-pools.md'), ['supersedes ADR-070-runners.md']);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('a Supersedes or Amends field whose note in brackets goes on to the next line of the list item (`- Amends: ADR-0029 (replica count only; the`) links', async () => {
    const { index } = await indexOf({
      'docs/adr/0029-mirror.md': '# ADR-0029: Mirror the library\n\n- Status: Accepted\n- Date: 2026-10-04\n\n## Context and Problem Statement\n\nC.\n',
      'docs/adr/0031-one-replica.md':
        '# ADR-0031: One replica\n\n- Status: Accepted (2026-10-05)\n- Date: 2026-10-05\n- Amends: ADR-0029 (replica count only; the placement and\n  the pin stand). Restores the count on\n  the tier ADR-0029 chose.\n\n## Context and Problem Statement\n\nC.\n',
    });
    assert.deepStrictEqual(linksOf(index, '0031-one-replica.md'), ['amends 0029-mirror.md']);
  });

  it('a status with its day after a dash (`Implemented — 2026-08-18 (phase 3)`, `Closed - 2026-08-18`) is the status word; the day dates the record', async () => {
    const { index } = await indexOf({
      'docs/adr/ADR-001-a.md': '# ADR-001: A\n\n**Status:** Implemented — 2026-08-18 (phase 3 in v1.67)\n\n## Context\n\nC.\n',
      'docs/adr/ADR-002-b.md': '# ADR-002: B\n\nStatus: Closed - 2026-08-19\n\n## Context\n\nC.\n',
      'docs/adr/ADR-003-c.md': '# ADR-003: C\n\n## Status\n\nWork in progress — see the spike\n',
    });
    assert.deepStrictEqual(
      readings(index).map((r) => [r[0], r[3], r[4]]),
      [
        ['ADR-001-a.md', 'implemented', '2026-08-18'],
        ['ADR-002-b.md', 'closed', '2026-08-19'],
        ['ADR-003-c.md', 'work in progress', null],
      ],
    );
  });

  it('a footnote (`[^2]: See [ADR 0034](0034-x.md)`) is no link definition: the link in its text names the record', async () => {
    const { index } = await indexOf({
      'docs/architecture/decisions/0034-terms.md': '# 34. Terms\n\nDate: 2026-05-02\n\n## Status\n\nAccepted\n',
      'docs/architecture/decisions/0035-naming.md':
        '# 35. Naming\n\nDate: 2026-06-12\n\n## Status\n\nAccepted\n\n## Decision\n\nThe name encodes the feature set[^2] and a workaround[^1].\n\n[^1]: See the comment at [`cname.py:97`](https://example.com/cname.py#L97)\n[^2]: See [ADR 0034](0034-terms.md)\n',
    });
    assert.deepStrictEqual(linksOf(index, '0035-naming.md'), ['references 0034-terms.md']);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('front matter links with a note in brackets (`superseded_by: ADR-021 (converter, filter only)`) or joined by `+` name those records only', async () => {
    const { index } = await indexOf({
      'docs/adr/ADR-010-decoupling.md':
        '---\nstatus: accepted\nsupersedes: ADR-008\nsuperseded_by: ADR-021 (converter, local filter and ceiling only)\n---\n\n# Decoupling\n\nC.\n',
      'docs/adr/ADR-004-sprint.md': '---\nstatus: superseded\nsuperseded_by: ADR-013 + ADR-016 (sprint closed)\n---\n\n# Sprint 4\n\nC.\n',
      'docs/adr/ADR-008-a.md': '---\nstatus: superseded\nsuperseded_by: ADR-010\n---\n\n# A\n',
      'docs/adr/ADR-013-b.md': '---\nstatus: accepted\nsupersedes: ADR-004\n---\n\n# B\n',
      'docs/adr/ADR-016-c.md': '---\nstatus: accepted\nsupersedes: ADR-004\n---\n\n# C\n',
      'docs/adr/ADR-021-d.md': '---\nstatus: accepted\nsupersedes: ADR-010\n---\n\n# D\n',
    });
    assert.deepStrictEqual(linksOf(index, 'ADR-010-decoupling.md'), ['supersedes ADR-008-a.md', 'superseded-by ADR-021-d.md']);
    assert.deepStrictEqual(linksOf(index, 'ADR-004-sprint.md'), ['superseded-by ADR-013-b.md', 'superseded-by ADR-016-c.md']);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('front matter dates under other names date a record with no `date:`: `decision_date:`, `accepted_at:` before `proposed_at:`, `last_updated:`', async () => {
    const { index } = await indexOf({
      'docs/adr/ADR-001-a.md': '---\ntitle: A\nstatus: superseded\ndecision_date: 2026-04-16\n---\n\n# A\n',
      'docs/adr/ADR-002-b.md': '---\nstatus: accepted\nproposed_at: 2026-09-28\naccepted_at: 2026-10-02\nsuperseded_at: 2026-10-05\n---\n\n# B\n',
      'docs/adr/ADR-003-c.md': '---\nstatus: accepted\nacceptedOn: 2026-09-06\ncreated: 2026-09-01\n---\n\n# C\n',
      'docs/adr/ADR-004-d.md': '---\nstatus: proposed\nlast_updated: 2026-03-04\nowner: ada\n---\n\n# D\n',
    });
    assert.deepStrictEqual(
      readings(index).map((r) => [r[0], r[4]]),
      [
        ['ADR-001-a.md', '2026-04-16'],
        ['ADR-002-b.md', '2026-10-02'],
        ['ADR-003-c.md', '2026-09-06'],
        ['ADR-004-d.md', '2026-03-04'],
      ],
    );
  });

  it('a title with a series id (`# ARC-ADR-020 — Runner trust`, `# SEC-ADR-005: Scopes`) is the rest; the record has no number, so it is no duplicate of `ADR-005`', async () => {
    const { index } = await indexOf({
      'docs/adr/ARC-ADR-020-runner-trust.md': '# ARC-ADR-020 — Runner trust\n\n| Field | Value |\n|---|---|\n| Status | Proposed |\n| Date | 2026-05-25 |\n',
      'docs/adr/SEC-ADR-005-scopes.md': '# SEC-ADR-005: Scopes\n\n**Status:** Accepted\n',
      'docs/adr/ADR-005-tooling.md': '# ADR-005: Tooling\n\n**Status:** Accepted\n',
    });
    assert.deepStrictEqual(readings(index), [
      ['ADR-005-tooling.md', 5, 'Tooling', 'accepted', null],
      ['ARC-ADR-020-runner-trust.md', null, 'Runner trust', 'proposed', '2026-05-25'],
      ['SEC-ADR-005-scopes.md', null, 'Scopes', 'accepted', null],
    ]);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it("a template's choices left after the status chosen (`- Status: draft [ accepted | superseded by [xxx](yyyymmdd-xxx.md)]`) hold no link: no broken link", async () => {
    const { index } = await indexOf({
      '.log4brains.yml': 'project:\n  name: x\n  adrFolder: ./docs/decisions\n',
      'docs/decisions/20230118-quill-for-sql.md':
        '# Quill for SQL\n\n- Status: draft [ accepted | deprecated | superseded by [xxx](yyyymmdd-xxx.md)]\n- Date: [2023-01-17]\n\n## Context and Problem Statement\n\nC.\n',
    });
    assert.deepStrictEqual(readings(index), [['20230118-quill-for-sql.md', null, 'Quill for SQL', 'draft', '2023-01-17']]);
    assert.deepStrictEqual(linksOf(index, '20230118-quill-for-sql.md'), []);
    assert.deepStrictEqual(surveyProblems(index), []);
  });
});
