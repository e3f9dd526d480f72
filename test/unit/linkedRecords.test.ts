import * as assert from 'assert';
import {
  activityReference,
  appendPullRequestNote,
  linkTargetDescription,
  linkTargetsText,
  quarterLabel,
  shortPullRequestLabel,
} from '../../src/core/influence/linkedRecords';
import { LodestarRecord } from '../../src/core/records/record';
import { recordOf } from '../fixtures/recordText';

function record(kind: LodestarRecord['kind'], fields: Partial<LodestarRecord>): LodestarRecord {
  return recordOf({ kind, path: `/repo/${kind}.md`, folder: '/repo', title: kind, ...fields });
}

const url = 'https://github.com/acme/payments/pull/15';

describe('linked records: how pull requests and their records read', () => {
  it('short labels: #N on GitHub, !N on GitLab; quarters by calendar', () => {
    assert.strictEqual(shortPullRequestLabel(url, 15), '#15');
    assert.strictEqual(shortPullRequestLabel('https://gitlab.com/g/sub/p/-/merge_requests/7', 7), '!7');
    assert.deepStrictEqual(['2026-01-01', '2026-03-31', '2026-04-01', '2026-11-21', '2025-12-31'].map(quarterLabel), [
      '2026 Q1',
      '2026 Q1',
      '2026 Q2',
      '2026 Q4',
      '2025 Q4',
    ]);
  });

  it('what a pull request is linked to: mentees first, each name once, at most three', () => {
    const alice = record('person', { handle: 'alice', title: 'Alice Example', path: '/repo/docs/mentoring/alice.md' });
    const session = record('session', { handle: 'alice', title: 'Paired', date: '2026-10-01' });
    const review = record('activity', { activityType: 'design-review', title: 'Reviewed it' });
    const adr = record('decision', { number: 4, title: 'Use gRPC' });
    const design = record('design', { title: 'API gateway' });
    assert.strictEqual(linkTargetsText([review, session, alice]), 'alice, design-review');
    assert.strictEqual(linkTargetsText([design, adr, review, alice]), 'alice, design-review, ADR-0004 +1');
    assert.deepStrictEqual([alice, session, review, adr, design].map(linkTargetDescription), [
      'Mentee Alice Example',
      'Session with alice: Paired',
      'Activity (Design review): Reviewed it',
      'Decision ADR-0004 Use gRPC',
      'Design doc API gateway',
    ]);
  });

  it('a note is one dated line under the text, in the file’s line endings, Markdown escaped; notes in a row form one list', () => {
    const once = appendPullRequestNote('---\ntitle: x\n---\n\n# X\n', url, 'Alice drove\nit', '2026-11-21');
    assert.strictEqual(once, `---\ntitle: x\n---\n\n# X\n\n- 2026-11-21 [acme/payments#15](${url}): Alice drove it\n`);
    const twice = appendPullRequestNote(once, url, 'see <b>*this*</b>', '2026-11-22');
    assert.strictEqual(twice, `${once}- 2026-11-22 [acme/payments#15](${url}): see &lt;b&gt;\\*this\\*&lt;/b&gt;\n`);
    assert.strictEqual(appendPullRequestNote('# X\r\nText', url, 'n', '2026-11-21'), `# X\r\nText\r\n\r\n- 2026-11-21 [acme/payments#15](${url}): n\r\n`);
  });

  it('an activity names a decision ADR-NNNN when the number is one record’s, else by a path relative to the activity', () => {
    const adr2 = record('decision', { number: 2, path: '/repo/doc/adr/0002-use-postgresql.md' });
    const other2 = record('decision', { number: 2, path: '/repo/services/x/adr/0002-use-mysql.md' });
    const design = record('design', { path: '/repo/docs/design/api-gateway.md' });
    assert.strictEqual(activityReference(adr2, '/repo/docs/influence/2026', [adr2]), 'ADR-0002');
    assert.strictEqual(activityReference(adr2, '/repo/docs/influence/2026', [adr2, other2]), '../../../doc/adr/0002-use-postgresql.md');
    assert.strictEqual(activityReference(design, '/repo/docs/influence/2026', [adr2]), '../../design/api-gateway.md');
  });
});
