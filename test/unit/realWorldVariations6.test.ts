import * as assert from 'assert';
import { indexOf, linksOf, readings, surveyProblems } from './helpers';

/** Shapes met in public repositories' ADR folders that the earlier surveys left as they were read. */
describe('real-world record variations, sixth survey', () => {
  it('a record whose Status still says Accepted (or Proposed) but whose `## Superseded by` section names the newer record is superseded; `None` there leaves it as it is', async () => {
    const { index } = await indexOf({
      'docs/adr/ADR-004-outbox.md': '# ADR-004: Outbox\n\n## Status\n\nAccepted\n\n## Context\n\nx\n\n## Superseded by\n\n- [ADR-011](ADR-011-port.md)\n',
      'docs/adr/ADR-005-events.md': '# ADR-005: Events\n\n## Status\n\nProposed\n\n## Superseded by\n\nADR-011\n',
      'docs/adr/ADR-006-queue.md': '# ADR-006: Queue\n\n## Status\n\nAccepted\n\n## Superseded by\n\nNone.\n',
      'docs/adr/ADR-007-cache.md': '# ADR-007: Cache\n\n## Status\n\nRejected\n\n## Superseded by\n\n- [ADR-011](ADR-011-port.md)\n',
      'docs/adr/ADR-011-port.md': '# ADR-011: Port\n\n## Status\n\nAccepted\n\n## Supersedes\n\n- [ADR-004](ADR-004-outbox.md)\n- ADR-005\n',
    });
    assert.deepStrictEqual(
      readings(index).map((r) => [r[0], r[3]]),
      [
        ['ADR-004-outbox.md', 'superseded'],
        ['ADR-005-events.md', 'superseded'],
        ['ADR-006-queue.md', 'accepted'],
        // Rejected is not what a successor changes: it stays rejected, and still links the newer record.
        ['ADR-007-cache.md', 'rejected'],
        ['ADR-011-port.md', 'accepted'],
      ],
    );
    assert.deepStrictEqual(linksOf(index, 'ADR-007-cache.md'), ['superseded-by ADR-011-port.md']);
    assert.deepStrictEqual(surveyProblems(index), ['ADR-007-cache.md:9 one-sided-link']);
  });

  it('an HTML comment opened in the middle of a paragraph and closed on a later line of it hides the links inside; a blank line before any `-->` leaves `<!--` as text', async () => {
    const { index } = await indexOf({
      'docs/adr/0001-one.md':
        '# 1. One\n\n## Status\n\nAccepted\n\n## Context\n\nWe follow [ADR 2](0002-two.md) <!-- and, once it is written,\n[ADR 9](0009-nine.md) which replaces\n[ADR 8](0008-eight.md) --> and [ADR 3](0003-three.md).\n\nAn open <!-- on its own\n\n[ADR 3](0003-three.md) is still read.\n',
      'docs/adr/0002-two.md': '# 2. Two\n\n## Status\n\nAccepted\n',
      'docs/adr/0003-three.md': '# 3. Three\n\n## Status\n\nAccepted\n',
      // `<!--` in a code span is text: the links after it stand.
      'docs/adr/0004-four.md':
        '# 4. Four\n\n## Status\n\nAccepted\n\n## Context\n\nIn templates we write `<!--` to open a comment\nand it relates to [ADR 2](0002-two.md) and\n[ADR 3](0003-three.md); closing is `-->`.\n',
    });
    assert.deepStrictEqual(linksOf(index, '0004-four.md'), ['references 0002-two.md', 'references 0003-three.md']);
    assert.deepStrictEqual(linksOf(index, '0001-one.md'), ['references 0002-two.md', 'references 0003-three.md']);
    // No broken link to the records named only in the comment.
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it("a design doc's `decisions:` path written from the repository's top links the record (no broken link); one from the doc's folder still does", async () => {
    const { index } = await indexOf({
      'doc/adr/0008-use-cockroachdb.md': '# 8. Use CockroachDB\n\n## Status\n\nAccepted\n',
      'doc/adr/0009-use-kafka.md': '# 9. Use Kafka\n\n## Status\n\nAccepted\n',
      'docs/design/ledger.md':
        '---\ntitle: Ledger storage\nstatus: draft\ndecisions: [doc/adr/0008-use-cockroachdb.md, ../../doc/adr/0009-use-kafka.md]\n---\n\n# Ledger storage\n',
    });
    assert.deepStrictEqual(linksOf(index, 'ledger.md'), ['decision 0008-use-cockroachdb.md', 'decision 0009-use-kafka.md']);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('`Accepted`, then `Superseded by ADR-0042` (or `Amended by ADR 7`) in plain text on a line of its own under it: the record that replaced it (a missing one is an unknown reference); prose naming no record is no link', async () => {
    const { index } = await indexOf({
      'doc/adr/0002-two.md': '# 2. Two\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\nSupersedes ADR 4\n\n## Context\n\nx\n',
      'doc/adr/0003-three.md': '# 3. Three\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\nSuperseded by ADR-0042\n\n## Context\n\nx\n',
      'doc/adr/0004-four.md': '# 4. Four\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\nSuperceded by ADR 2\n\n## Context\n\nx\n',
      'doc/adr/0005-five.md': '# 5. Five\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\nAmended by ADR 2.\n\n## Context\n\nx\n',
      'doc/adr/0006-six.md':
        '# 6. Six\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\nSuperseded by the new pipeline once it ships.\n\nSuperseded by 2 newer services in the platform team.\n\nSuperseded by 2025 planning work.\n\n## Context\n\nx\n',
    });
    assert.deepStrictEqual(
      readings(index).map((r) => [r[0], r[3]]),
      [
        ['0002-two.md', 'accepted'],
        ['0003-three.md', 'superseded'],
        ['0004-four.md', 'superseded'],
        ['0005-five.md', 'accepted'],
        ['0006-six.md', 'accepted'],
      ],
    );
    assert.deepStrictEqual(linksOf(index, '0004-four.md'), ['superseded-by 0002-two.md']);
    assert.deepStrictEqual(linksOf(index, '0005-five.md'), ['amended-by 0002-two.md']);
    assert.deepStrictEqual(linksOf(index, '0006-six.md'), []);
    assert.deepStrictEqual(surveyProblems(index), ['0003-three.md:9 unknown-reference', '0005-five.md:9 one-sided-link']);
  });

  it('front matter `depends-on:` (or `depends_on:`, `dependsOn:`) relates the record to the ones it names', async () => {
    const { index } = await indexOf({
      'docs/decisions/0049-event-bus.md': '---\nstatus: accepted\ndate: 2026-01-02\n---\n\n# Event bus\n',
      'docs/decisions/0050-outbox.md': '---\nstatus: accepted\ndate: 2026-01-03\ndepends-on: ADR-0049\n---\n\n# Outbox\n',
      'docs/decisions/0051-replay.md': '---\nstatus: proposed\ndate: 2026-01-04\ndependsOn: [0049-event-bus.md, ADR-0050]\n---\n\n# Replay\n',
    });
    // (The other side of a relation is shown too: 0051 relates to it.)
    assert.deepStrictEqual(linksOf(index, '0050-outbox.md'), ['relates-to 0049-event-bus.md', 'relates-to 0051-replay.md']);
    assert.deepStrictEqual(linksOf(index, '0051-replay.md'), ['relates-to 0049-event-bus.md', 'relates-to 0050-outbox.md']);
    assert.deepStrictEqual(surveyProblems(index), []);
  });
});
