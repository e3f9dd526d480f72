import * as assert from 'assert';
import { groupByStatus, groupMentees } from '../../src/core/listing/recordGroups';
import { recordLabel } from '../../src/core/records/recordLabels';
import { madr4Adr, nygardAdr, sessionNote } from '../fixtures/recordText';
import { indexOf } from './helpers';

describe('tree grouping', () => {
  it('groups decisions by status, open ones first, records by number, labels padded', async () => {
    const { index } = await indexOf({
      'doc/adr/0010-z.md': nygardAdr({ number: 10, title: 'Zeta' }),
      'doc/adr/0002-b.md': nygardAdr({ number: 2, title: 'Beta' }),
      'doc/adr/0003-c.md': nygardAdr({ number: 3, title: 'Gamma', status: 'Proposed' }),
      'doc/adr/0004-d.md': nygardAdr({ number: 4, title: 'Delta', status: 'Rejected' }),
      'doc/adr/0005-e.md': '# 5. No status\n',
    });
    const groups = groupByStatus(index.records('decision'), 'decision');
    assert.deepStrictEqual(
      groups.map((g) => [g.label, g.records.map(recordLabel)]),
      [
        ['Proposed', ['0003 Gamma']],
        ['Accepted', ['0002 Beta', '0010 Zeta']],
        ['Rejected', ['0004 Delta']],
        ['No status', ['0005 No status']],
      ],
    );
  });

  it('lists mentees with their sessions newest first, including mentees without a profile', async () => {
    const { index } = await indexOf({
      'docs/mentoring/alice.md': '---\nname: Alice\n---\n',
      'docs/mentoring/alice/2026-01-01-pairing.md': sessionNote({ date: '2026-01-01', kind: 'pairing', with: ['alice'] }),
      'docs/mentoring/alice/2026-03-01-career.md': sessionNote({ date: '2026-03-01', kind: 'career', with: ['alice'] }),
      'docs/mentoring/bob/2026-02-01-pairing.md': sessionNote({ date: '2026-02-01', kind: 'pairing', with: ['bob'] }),
      'docs/decisions/0001-x.md': madr4Adr({ title: 'X', status: 'accepted' }),
    });
    const mentees = groupMentees(index.records());
    assert.deepStrictEqual(
      mentees.map((m) => [m.handle, m.profile?.title, m.sessions.map((s) => s.date)]),
      [
        ['alice', 'Alice', ['2026-03-01', '2026-01-01']],
        ['bob', undefined, ['2026-02-01']],
      ],
    );
  });
});
