import * as assert from 'assert';
import { statusChoices } from '../../src/core/decisions/status';
import { decisionGraphSvg, GRAPH_CHAR_WIDTH, graphLabelRoom } from '../../src/core/decisions/decisionGraph';
import { planSession } from '../../src/core/people/mentoringWriter';
import { recordsForPicking } from '../../src/core/listing/recordChoice';
import { menteeCounts, recordDescription } from '../../src/core/listing/recordGroups';
import { recordOf } from '../fixtures/recordText';

describe('what the views and files say, once and consistently', () => {
  it('a decision-graph label never reaches its status label, and the full title is the row’s tooltip', () => {
    const long = `0012 ${'Adopt an event-sourced ledger for settlement and refunds across regions '.repeat(2)}`;
    const svg = decisionGraphSvg({ nodes: [{ id: 'd1', path: '/r/0012.md', label: long, status: 'accepted' }], edges: [] });
    const shown = /<text x="30"[^>]*>([^<]*)<\/text>/.exec(svg)![1];
    assert.ok(shown.endsWith('…'));
    // The label ends before the status (right-aligned at x 408) begins, with a gap.
    assert.ok(30 + shown.length * GRAPH_CHAR_WIDTH <= 408 - 'accepted'.length * GRAPH_CHAR_WIDTH - 12 + GRAPH_CHAR_WIDTH, `${shown.length} characters`);
    assert.strictEqual(shown.length, graphLabelRoom('accepted'));
    assert.ok(svg.includes(`<title>${long} (accepted)</title>`));
  });

  it('a session row shows only what its title does not say: no second date, no second kind', () => {
    const session = (title: string, date: string, sessionKind: string) =>
      recordOf({ kind: 'session', path: '/r/s.md', folder: '/r', title, date, sessionKind });
    assert.strictEqual(recordDescription(session('Pairing with Bob, 2026-09-12', '2026-09-12', 'pairing')), '');
    assert.strictEqual(recordDescription(session('Paired on flaky tests', '2026-09-12', 'pairing')), '2026-09-12 · Pairing');
  });

  it('a feedback note is counted as a note, not a session', () => {
    const r = (sessionKind: string) => recordOf({ kind: 'session', path: `/r/${sessionKind}.md`, folder: '/r', title: 'x', sessionKind });
    assert.strictEqual(menteeCounts([r('feedback')]), '0 sessions · 1 note');
    assert.strictEqual(menteeCounts([r('pairing'), r('one-on-one'), r('note'), r('wellbeing')]), '2 sessions · 2 notes');
    assert.strictEqual(menteeCounts([r('pairing')]), '1 session');
  });

  it('a pairing session’s "how it went" lands under What went well; commit hashes are all written quoted', () => {
    const planned = planSession(
      '/r/docs/mentoring',
      { handle: 'alice', kind: 'pairing', date: '2026-01-05', notes: 'Alice drove', commits: ['1234567890', 'abcdef1234'] },
      [],
    );
    assert.match(planned.content, /\n## What we worked on\n\n## What went well\n\nAlice drove\n\n## Next time\n/);
    assert.match(planned.content, /\ncommits: \["1234567890", "abcdef1234"\]\n/);
    const oneOnOne = planSession('/r/docs/mentoring', { handle: 'alice', kind: 'one-on-one', date: '2026-01-05', notes: 'Career talk' }, []);
    assert.match(oneOnOne.content, /\n## Topics\n\nCareer talk\n/);
  });
});

describe('record picks start with what is in front of the user', () => {
  const adr = (number: number, date: string | null) =>
    recordOf({ kind: 'decision', path: `/r/doc/adr/${String(number).padStart(4, '0')}-x.md`, folder: '/r/doc/adr', title: `Decision ${number}`, number, date });
  const records = [adr(1, '2024-01-01'), adr(2, '2025-06-01'), adr(3, null), adr(4, '2025-06-01'), adr(5, '2023-01-01')];

  it('the active editor’s record, then the tree selection, then the newest', () => {
    const order = recordsForPicking(records, { editor: records[0].path, selection: records[4].path });
    assert.deepStrictEqual(
      order.map((c) => [c.record.number, c.context]),
      [
        [1, 'editor'],
        [5, 'selection'],
        [4, undefined],
        [2, undefined],
        [3, undefined],
      ],
    );
  });

  it('without an editor or selection: newest first; a path that is no record is ignored', () => {
    assert.deepStrictEqual(
      recordsForPicking(records, { editor: '/r/README.md' }).map((c) => c.record.number),
      [4, 2, 1, 5, 3],
    );
    assert.deepStrictEqual(
      recordsForPicking(records, { editor: records[1].path, selection: records[1].path }).map((c) => c.context),
      ['editor', undefined, undefined, undefined, undefined],
    );
  });
});

describe('the repository’s own status words', () => {
  it('standard statuses first, then the folder’s own (Pending, Approved) by use, the current one left out', () => {
    const choices = statusChoices(['proposed', 'accepted', 'draft'], ['approved', 'pending', 'approved', 'accepted', null, 'superseded'], 'accepted');
    assert.deepStrictEqual(
      choices.map((c) => [c.status, c.uses, c.standard]),
      [
        ['proposed', 0, true],
        ['draft', 0, true],
        ['approved', 2, false],
        ['pending', 1, false],
      ],
    );
  });
});
