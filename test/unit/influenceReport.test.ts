import * as assert from 'assert';
import { buildInfluenceReport, InfluenceReportOptions } from '../../src/core/influence/report';
import { bucketStarts, cadenceDays, quarterOf, weekStart } from '../../src/core/records/calendar';
import { LodestarRecord } from '../../src/core/records/record';
import { buildRepo } from '../fixtures/gitRepo';
import { InfluenceRepoBuilder, pr, quarterFixture } from '../fixtures/influenceRepo';
import { recordOf } from '../fixtures/recordText';
import { runCli } from './cliInProcess';

describe('influence report: counts', () => {
  it('report --format json gives exactly the counts the fixture was built with', async () => {
    const { builder, period } = quarterFixture();
    const root = buildRepo(builder.files);
    const r = await runCli(['report', '--from', period.from, '--to', period.to, '--format', 'json', '--root', root]);
    assert.strictEqual(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    // Worked out by hand from quarterFixture(), so the fixture's own oracle is checked too.
    const expected = {
      from: '2026-01-01',
      to: '2026-03-31',
      activities: 17,
      byType: {
        'alignment-strategy': 2,
        'process-improvement': 1,
        decision: 6,
        'design-review': 2,
        mentoring: 2,
        pairing: 1,
        'career-conversation': 1,
        feedback: 1,
        brainstorming: 1,
      },
      leading: 11,
      managing: 5,
      decisions: { accepted: 3, proposed: 2, superseded: 1, rejected: 1 },
      designs: { approved: 1, 'in-review': 1, draft: 1 },
      people: [
        { handle: 'alice', sessions: 3, pullRequests: 2 },
        { handle: 'bob', sessions: 0, pullRequests: 3 },
      ],
      pullRequests: 8,
    };
    assert.deepStrictEqual(json, expected);
    assert.deepStrictEqual(builder.expected(period), expected);
    assert.deepStrictEqual(Object.keys(json), ['from', 'to', 'activities', 'byType', 'leading', 'managing', 'decisions', 'designs', 'people', 'pullRequests']);
  });

  it('other periods of the same repository match the fixture oracle', async () => {
    const { builder } = quarterFixture();
    const root = buildRepo(builder.files);
    for (const period of [
      { from: '2025-01-01', to: '2026-12-31' },
      { from: '2026-03-31', to: '2026-03-31' },
      { from: '2025-12-31', to: '2026-01-05' },
      { from: '2026-04-01', to: '2026-06-30' },
    ]) {
      const r = await runCli(['report', '--from', period.from, '--to', period.to, '--format', 'json', '--root', root]);
      assert.strictEqual(r.code, 0, r.stderr);
      assert.deepStrictEqual(JSON.parse(r.stdout), builder.expected(period), `${period.from}..${period.to}`);
    }
  });

  it('a generated repository with many records of each kind, type and status matches its oracle', async () => {
    const b = new InfluenceRepoBuilder();
    const statuses = ['accepted', 'proposed', 'superseded', 'deprecated'];
    const types = ['alignment-goals', 'knowledge-sharing', 'hiring', 'coaching', 'sponsorship', 'pairing', 'incident-leadership'];
    const kinds = ['pairing', 'one-on-one', 'code-review', 'career', 'feedback', 'note'];
    const date = (i: number): string => `${2025 + (i % 3)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    for (let i = 0; i < 60; i++)
      b.decision({
        date: i % 17 === 0 ? null : date(i),
        status: statuses[i % 4],
        deciders: i % 5 === 0 ? [] : ['dana'],
        pullRequests: i % 7 === 0 ? [pr(i)] : [],
      });
    for (let i = 0; i < 30; i++) b.design({ date: date(i * 5), status: i % 2 ? 'draft' : 'approved', authors: i % 3 ? ['sam'] : undefined });
    for (const h of ['ann', 'ben']) b.mentee(h);
    for (let i = 0; i < 50; i++)
      b.session({ handle: i % 2 ? 'ann' : 'ben', date: date(i * 3), kind: kinds[i % kinds.length], pullRequests: i % 4 === 0 ? [pr(100 + (i % 9))] : [] });
    for (let i = 0; i < 40; i++)
      b.activity({
        date: date(i * 7),
        type: types[i % types.length],
        people: i % 2 ? ['ann'] : ['dana'],
        pullRequests: [pr(200 + i)],
        decisions: i % 10 === 0 ? [i + 1] : [],
      });
    const root = buildRepo(b.files);
    for (const period of [
      { from: '2026-01-01', to: '2026-06-30' },
      { from: '2025-01-01', to: '2027-12-31' },
    ]) {
      const r = await runCli(['report', '--from', period.from, '--to', period.to, '--format', 'json', '--root', root]);
      assert.deepStrictEqual(JSON.parse(r.stdout), b.expected(period), `${period.from}..${period.to}`);
    }
  });

  it('--person narrows the report to one mentee', async () => {
    const { builder, period } = quarterFixture();
    const root = buildRepo(builder.files);
    const r = await runCli(['report', '--from', period.from, '--to', period.to, '--format', 'json', '--person', 'bob', '--root', root]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(JSON.parse(r.stdout), {
      from: '2026-01-01',
      to: '2026-03-31',
      activities: 2,
      byType: { mentoring: 1, feedback: 1 },
      leading: 0,
      managing: 2,
      decisions: {},
      designs: {},
      people: [{ handle: 'bob', sessions: 0, pullRequests: 3 }],
      pullRequests: 3,
    });
    const alice = JSON.parse(
      (await runCli(['report', '--from', period.from, '--to', period.to, '--format', 'json', '--person', 'alice', '--root', root])).stdout,
    );
    // Her three sessions, the decision she made and the design doc she wrote.
    assert.deepStrictEqual(alice.byType, { decision: 1, 'design-review': 1, pairing: 1, mentoring: 1, 'career-conversation': 1 });
    assert.deepStrictEqual(alice.decisions, { proposed: 1 });
    assert.deepStrictEqual(alice.designs, { 'in-review': 1 });
    assert.deepStrictEqual(alice.people, [{ handle: 'alice', sessions: 3, pullRequests: 2 }]);
  });

  it('--person takes a profile’s address or GitHub login for its handle; a person named nowhere is an error, not an empty report', async () => {
    const { builder, period } = quarterFixture();
    builder.files['docs/mentoring/alice.md'] = builder.files['docs/mentoring/alice.md'].replace(
      'handle: alice\n',
      'handle: alice\nemails: [alice@example.com, Alice.Old@Example.org]\ngithub: alice-gh\n',
    );
    const root = buildRepo(builder.files);
    const report = async (person: string): Promise<{ code: number | null; stdout: string; stderr: string }> =>
      runCli(['report', '--from', period.from, '--to', period.to, '--format', 'json', '--person', person, '--root', root]);
    const byHandle = await report('alice');
    assert.strictEqual(byHandle.code, 0, byHandle.stderr);
    for (const other of ['alice@example.com', 'alice.old@example.org', '@Alice', 'alice-gh']) {
      const r = await report(other);
      assert.strictEqual(r.code, 0, `${other}: ${r.stderr}`);
      assert.deepStrictEqual(JSON.parse(r.stdout), JSON.parse(byHandle.stdout), other);
    }
    // Someone records name without a profile is still a person to report on.
    assert.strictEqual((await report('sam')).code, 0);
    const nobody = await report('nobody');
    assert.strictEqual(nobody.code, 2);
    assert.match(nobody.stderr, /--person nobody names nobody in the people profiles, \.git-coauthors or the records/);
    assert.strictEqual(nobody.stdout, '');
  });

  it('an empty period gives zero counts and a clear Markdown report', async () => {
    const { builder } = quarterFixture();
    const root = buildRepo(builder.files);
    const json = await runCli(['report', '--from', '2030-01-01', '--to', '2030-03-31', '--format', 'json', '--root', root]);
    assert.deepStrictEqual(JSON.parse(json.stdout), {
      from: '2030-01-01',
      to: '2030-03-31',
      activities: 0,
      byType: {},
      leading: 0,
      managing: 0,
      decisions: {},
      designs: {},
      people: [],
      pullRequests: 0,
    });
    const md = await runCli(['report', '--from', '2030-01-01', '--to', '2030-03-31', '--root', root]);
    assert.strictEqual(md.code, 0);
    assert.match(md.stdout, /^# Influence report, 2030-01-01 to 2030-03-31\n/);
    assert.match(md.stdout, /Nothing recorded in this period/);
    assert.doesNotMatch(md.stdout, /## Decisions and designs driven|## Lead\/manage balance/);
  });

  it('bad or missing dates, formats and people exit 2 with a message', async () => {
    const root = buildRepo({ 'docs/adr/0001-a.md': '# 1. A\n' });
    for (const args of [
      ['--to', '2026-03-31'],
      ['--from', '2026-01-01'],
      ['--from', '2026-02-30', '--to', '2026-03-31'],
      ['--from', '01/02/2026', '--to', '2026-03-31'],
      ['--from', '2026-01-01', '--to', 'next week'],
      ['--from', '2026-04-01', '--to', '2026-03-31'],
      ['--from', '2026-01-01', '--to', '2026-03-31', '--format', 'html'],
    ]) {
      const r = await runCli(['report', ...args, '--root', root]);
      assert.strictEqual(r.code, 2, args.join(' '));
      assert.match(r.stderr, /lodestar report: .*(required|YYYY-MM-DD|after|md or json)/, args.join(' '));
      assert.strictEqual(r.stdout, '');
    }
    const typo = await runCli(['report', '--from', '2026-01-01', '--to', '2026-03-31', '--jsno', '--root', root]);
    assert.strictEqual(typo.code, 2);
    assert.match(typo.stderr, /does not take --jsno/);
    const ok = await runCli(['report', '--from=2026-01-01', '--to=2026-03-31', '--root', root]);
    assert.strictEqual(ok.code, 0, ok.stderr);
  });
});

describe('influence report: data for the dashboard', () => {
  const rec = (o: Partial<LodestarRecord> & Pick<LodestarRecord, 'kind' | 'path'>): LodestarRecord => recordOf({ folder: '/r', ...o });
  const q1: InfluenceReportOptions = { from: '2026-01-01', to: '2026-03-31', today: '2026-04-15' };

  it('records without dates or with odd ones never crash and are left out of dated counts', () => {
    const records = [
      rec({ kind: 'activity', path: '/r/a1.md', date: null, activityType: 'hiring', people: ['dana'] }),
      rec({ kind: 'activity', path: '/r/a2.md', date: 'March 2026', activityType: 'hiring' }),
      rec({ kind: 'activity', path: '/r/a3.md', date: '2026-02-30', activityType: 'hiring' }),
      rec({ kind: 'activity', path: '/r/a4.md', date: '2026-02-03T10:00', activityType: 'hiring' }),
      rec({ kind: 'activity', path: '/r/a5.md', date: '2026-02-03', activityType: 'hiring' }),
      rec({ kind: 'decision', path: '/r/d.md', date: '', status: 'accepted', people: ['dana'] }),
      rec({ kind: 'session', path: '/r/s.md', handle: 'ann', sessionKind: 'pairing' }),
      rec({ kind: 'activity', path: '/r/a6.md', date: '2026-02-03' }),
    ];
    const report = buildInfluenceReport(records, q1);
    assert.strictEqual(report.summary.activities, 2);
    assert.deepStrictEqual(report.summary.byType, { hiring: 1, unspecified: 1 });
    assert.deepStrictEqual(report.undated, { activities: 4, decisions: 1, designs: 0, sessions: 1 });
    assert.deepStrictEqual(report.summary.people, []);
  });

  it('a person is found by handle, and records may name them by profile name, login or e-mail', () => {
    const records = [
      rec({ kind: 'person', path: '/r/ann.md', handle: 'ann', title: 'Ann Lee', github: 'annl', emails: ['ann@example.com'] }),
      rec({ kind: 'decision', path: '/r/d1.md', date: '2026-01-05', status: 'accepted', people: ['Ann Lee'] }),
      rec({ kind: 'decision', path: '/r/d2.md', date: '2026-01-06', status: 'accepted', consulted: ['@AnnL'] }),
      rec({ kind: 'design', path: '/r/g.md', date: '2026-01-07', status: 'draft', people: ['ann@example.com'] }),
      rec({ kind: 'activity', path: '/r/a.md', date: '2026-01-08', activityType: 'sponsorship', people: ['@ann'] }),
      rec({ kind: 'activity', path: '/r/b.md', date: '2026-01-08', activityType: 'hiring', people: ['ben'] }),
    ];
    const r = buildInfluenceReport(records, { ...q1, person: '@Ann' });
    assert.deepStrictEqual(r.summary.byType, { decision: 2, 'design-review': 1, sponsorship: 1 });
    assert.deepStrictEqual(r.person, { handle: '@Ann', name: 'Ann Lee' });
  });

  it('refuses a period that is not two dates in order', () => {
    assert.throws(() => buildInfluenceReport([], { from: '2026-1-1', to: '2026-03-31' }), RangeError);
    assert.throws(() => buildInfluenceReport([], { from: '2026-04-01', to: '2026-03-31' }), /after it ends/);
  });

  it('timeline, mix with lead/manage time, decisions over time, pairs and mentee cards', () => {
    const records = [
      rec({ kind: 'activity', path: '/r/a.md', date: '2026-01-05', activityType: 'alignment-goals', durationMinutes: 60, people: ['dana'] }),
      rec({ kind: 'activity', path: '/r/b.md', date: '2026-01-11', activityType: 'coaching', durationMinutes: 45, people: ['ann'] }),
      rec({ kind: 'activity', path: '/r/c.md', date: '2026-02-11', activityType: 'pairing', people: ['ann', 'ben'] }),
      rec({ kind: 'decision', path: '/r/d1.md', date: '2026-01-06', status: 'accepted' }),
      rec({ kind: 'decision', path: '/r/d2.md', date: '2026-01-07', status: 'proposed' }),
      rec({ kind: 'person', path: '/r/ann.md', handle: 'ann', title: 'Ann Lee', goals: ['Speak at a guild'], cadence: 'weekly', status: 'ic' }),
      rec({ kind: 'session', path: '/r/ann/1.md', handle: 'ann', sessionKind: 'pairing', date: '2026-01-20', people: ['dana'], durationMinutes: 30 }),
      rec({ kind: 'session', path: '/r/ann/0.md', handle: 'ann', sessionKind: 'one-on-one', date: '2025-12-20' }),
    ];
    const r = buildInfluenceReport(records, q1);
    assert.strictEqual(r.timeline.granularity, 'week');
    assert.strictEqual(r.timeline.buckets[0].start, '2025-12-29');
    assert.strictEqual(r.timeline.buckets.length, 14);
    assert.deepStrictEqual(
      r.timeline.buckets.slice(0, 3).map((b) => [b.start, b.end, b.leading, b.managing, b.minutes, b.decisions]),
      [
        ['2025-12-29', '2026-01-04', 0, 0, 0, {}],
        ['2026-01-05', '2026-01-11', 1, 1, 105, { accepted: 1, proposed: 1 }],
        ['2026-01-12', '2026-01-18', 0, 0, 0, {}],
      ],
    );
    assert.deepStrictEqual(r.balance, { leading: { count: 1, minutes: 60 }, managing: { count: 3, minutes: 75 }, other: { count: 0, minutes: 0 } });
    assert.deepStrictEqual(
      r.mix.map((t) => [t.type, t.side, t.count, t.minutes]),
      [
        ['alignment-goals', 'leading', 1, 60],
        ['pairing', 'managing', 2, 30],
        ['coaching', 'managing', 1, 45],
      ],
    );
    assert.deepStrictEqual(r.pairs, [
      { people: ['ann', 'ben'], count: 1 },
      { people: ['ann', 'dana'], count: 1 },
    ]);
    const [ann] = r.mentees;
    assert.deepStrictEqual(
      { ...ann, records: ann.records.map((x) => x.path) },
      {
        handle: 'ann',
        name: 'Ann Lee',
        path: '/r/ann.md',
        track: 'ic',
        goals: ['Speak at a guild'],
        cadence: 'weekly',
        sessions: 1,
        sessionKinds: { pairing: 1 },
        minutes: 30,
        lastSession: { date: '2026-01-20', path: '/r/ann/1.md' },
        pullRequests: [],
        pullRequestsInAll: 0,
        records: ['/r/ann/1.md'],
      },
    );
    const long = buildInfluenceReport(records, { from: '2020-01-01', to: '2029-12-31' });
    assert.strictEqual(long.timeline.granularity, 'month');
    assert.strictEqual(long.timeline.buckets.length, 120);
    assert.deepStrictEqual(long.timeline.buckets[72], {
      start: '2026-01-01',
      end: '2026-01-31',
      leading: 1,
      managing: 2,
      other: 0,
      minutes: 135,
      decisions: { accepted: 1, proposed: 1 },
    });
  });

  it('reminders: review-by passed, proposed too long, in review too long, mentees past their cadence', () => {
    const records = [
      rec({ kind: 'decision', path: '/r/d1.md', title: 'Review me', date: '2025-01-01', status: 'accepted', reviewBy: '2026-04-01' }),
      rec({ kind: 'decision', path: '/r/d2.md', date: '2025-01-01', status: 'superseded', reviewBy: '2026-04-01' }),
      rec({ kind: 'decision', path: '/r/d3.md', date: '2026-04-01', status: 'accepted', reviewBy: '2026-05-01' }),
      rec({ kind: 'decision', path: '/r/d4.md', date: '2026-03-01', status: 'proposed' }),
      rec({ kind: 'decision', path: '/r/d5.md', date: '2026-04-01', status: 'proposed' }),
      rec({ kind: 'design', path: '/r/g1.md', date: '2026-03-20', status: 'in-review' }),
      rec({ kind: 'design', path: '/r/g2.md', date: '2026-04-10', status: 'in-review' }),
      rec({ kind: 'person', path: '/r/ann.md', handle: 'ann', cadence: 'weekly' }),
      rec({ kind: 'session', path: '/r/ann/s.md', handle: 'ann', sessionKind: 'pairing', date: '2026-04-01' }),
      rec({ kind: 'person', path: '/r/ben.md', handle: 'ben', cadence: '2w' }),
      rec({ kind: 'session', path: '/r/ben/s.md', handle: 'ben', sessionKind: 'pairing', date: '2026-04-10' }),
      rec({ kind: 'person', path: '/r/cy.md', handle: 'cy', cadence: 'monthly' }),
      rec({ kind: 'person', path: '/r/di.md', handle: 'di', cadence: 'whenever' }),
    ];
    const r = buildInfluenceReport(records, { ...q1, proposedMaxAgeDays: 30, inReviewMaxAgeDays: 14 });
    assert.deepStrictEqual(
      r.reminders.map((x) => [x.kind, x.path, x.days]),
      [
        ['mentee-overdue', '/r/cy.md', null],
        ['decision-proposed-stale', '/r/d4.md', 45],
        ['design-in-review-stale', '/r/g1.md', 26],
        ['decision-review-due', '/r/d1.md', 14],
        ['mentee-overdue', '/r/ann.md', 7],
      ],
    );
    assert.match(r.reminders[4].message, /Last session 2026-04-01; cadence weekly, 7 days overdue/);
    assert.strictEqual(
      buildInfluenceReport(records, { ...q1, proposedMaxAgeDays: 60 }).reminders.filter((x) => x.kind === 'decision-proposed-stale').length,
      0,
    );
    assert.deepStrictEqual(
      buildInfluenceReport(records, { ...q1, person: 'ann' }).reminders.map((x) => x.path),
      ['/r/ann.md'],
    );
  });

  it('10,000 records over 10 years aggregate to the right totals', () => {
    const records: LodestarRecord[] = [];
    const types = ['decision', 'design-review', 'hiring', 'pairing', 'mentoring', 'feedback', 'alignment-values', 'custom-thing'];
    const day = (i: number): string => new Date(Date.UTC(2016, 0, 1) + (i % 3652) * 86400000).toISOString().slice(0, 10);
    for (let i = 0; i < 4000; i++)
      records.push(
        rec({ kind: 'activity', path: `/r/a${i}.md`, date: day(i * 7), activityType: types[i % 8], durationMinutes: 30, pullRequests: [pr(i % 500)] }),
      );
    for (let i = 0; i < 3000; i++)
      records.push(rec({ kind: 'decision', path: `/r/d${i}.md`, date: day(i * 11), status: i % 3 ? 'accepted' : 'proposed', people: i % 2 ? ['dana'] : [] }));
    for (let i = 0; i < 1000; i++) records.push(rec({ kind: 'design', path: `/r/g${i}.md`, date: day(i * 13), status: 'approved', people: ['sam'] }));
    for (let i = 0; i < 100; i++) records.push(rec({ kind: 'person', path: `/r/p${i}.md`, handle: `p${i}`, cadence: 'monthly' }));
    for (let i = 0; i < 1900; i++)
      records.push(
        rec({
          kind: 'session',
          path: `/r/p${i % 100}/s${i}.md`,
          handle: `p${i % 100}`,
          date: day(i * 3),
          sessionKind: i % 2 ? 'pairing' : 'one-on-one',
          pullRequests: [pr(1000 + i)],
        }),
      );
    assert.strictEqual(records.length, 10000);
    const all = buildInfluenceReport(records, { from: '2016-01-01', to: '2025-12-31', today: '2026-01-01' });
    const s = all.summary;
    assert.strictEqual(s.activities, 4000 + 1500 + 1000 + 1900);
    assert.strictEqual(s.byType['custom-thing'], 500);
    assert.strictEqual(s.byType.decision, 500 + 1500);
    assert.strictEqual(s.byType['design-review'], 500 + 1000);
    assert.strictEqual(s.byType.pairing, 500 + 950);
    assert.strictEqual(s.byType.mentoring, 500 + 950);
    assert.strictEqual(s.leading + s.managing + 500, s.activities);
    assert.deepStrictEqual(s.decisions, { proposed: 1000, accepted: 2000 });
    assert.deepStrictEqual(s.designs, { approved: 1000 });
    assert.strictEqual(s.people.length, 100);
    assert.ok(s.people.every((p) => p.sessions === 19 && p.pullRequests === 19));
    assert.strictEqual(s.pullRequests, 500 + 1900);
    assert.strictEqual(all.timeline.buckets.length, 120);
    assert.strictEqual(
      all.timeline.buckets.reduce((n, b) => n + b.leading + b.managing + b.other, 0),
      s.activities,
    );
    assert.strictEqual(all.balance.leading.minutes + all.balance.managing.minutes + all.balance.other.minutes, 4000 * 30);
    // A year inside it: only what is dated in that year.
    const year = buildInfluenceReport(records, { from: '2020-01-01', to: '2020-12-31' });
    const inYear = (r: LodestarRecord): boolean => r.date !== null && r.date.startsWith('2020');
    assert.strictEqual(year.summary.decisions.accepted + year.summary.decisions.proposed, records.filter((r) => r.kind === 'decision' && inYear(r)).length);
    assert.strictEqual(
      year.summary.people.reduce((n, p) => n + p.sessions, 0),
      records.filter((r) => r.kind === 'session' && inYear(r)).length,
    );
  });
});

describe('influence periods', () => {
  it('weeks start on Monday; months and quarters; cadences', () => {
    assert.strictEqual(weekStart('2026-01-01'), '2025-12-29');
    assert.strictEqual(weekStart('2026-01-05'), '2026-01-05');
    assert.strictEqual(weekStart('2026-01-11'), '2026-01-05');
    assert.deepStrictEqual(bucketStarts({ from: '2025-11-15', to: '2026-02-01' }, 'month'), ['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
    assert.deepStrictEqual(quarterOf('2026-05-20'), { from: '2026-04-01', to: '2026-06-30' });
    assert.deepStrictEqual(quarterOf('2026-02-01', -1), { from: '2025-10-01', to: '2025-12-31' });
    assert.deepStrictEqual(quarterOf('2024-12-31', 1), { from: '2025-01-01', to: '2025-03-31' });
    assert.deepStrictEqual(
      ['weekly', 'biweekly', 'Fortnightly', 'monthly', '2w', '10 days', '3', 'every 2 weeks', 'sometimes', '0', ''].map((c) => cadenceDays(c)),
      [7, 14, 14, 31, 14, 10, 3, 14, undefined, undefined, undefined],
    );
  });
});

describe('influence report counts with odd words', () => {
  it('statuses written "constructor" or "__proto__" are counted like any other word', () => {
    const decision = (n: number, status: string): LodestarRecord =>
      recordOf({ kind: 'decision', path: `/r/doc/adr/000${n}-x.md`, number: n, title: `D${n}`, status, date: `2026-08-0${n}`, dialect: 'nygard' });
    const report = buildInfluenceReport([decision(1, 'constructor'), decision(2, '__proto__'), decision(3, 'accepted')], {
      from: '2026-07-01',
      to: '2026-09-30',
      today: '2026-10-01',
    });
    assert.deepStrictEqual(Object.entries(report.summary.decisions).sort(), [
      ['__proto__', 1],
      ['accepted', 1],
      ['constructor', 1],
    ]);
    assert.strictEqual(JSON.stringify(report.summary.decisions), '{"constructor":1,"__proto__":1,"accepted":1}');
  });
});

describe('credit next to activity records', () => {
  it('an activity about a design doc covers the people it names; a reviewer it does not name keeps her credit', async () => {
    const { indexOf } = await import('./helpers');
    const { index } = await indexOf({
      'docs/design/api.md': '---\ntitle: API\nstatus: approved\nauthors: [dana]\nreviewers: [alice]\ncreated: 2026-08-03\nupdated: 2026-08-03\n---\n# API\n',
      'docs/influence/2026/2026-08-04-api-review.md':
        '---\ndate: 2026-08-04\ntype: design-review\ntitle: Reviewed the API design with Bo\npeople: [bo, dana]\ndesigns: [../../design/api.md]\n---\n# Reviewed\n',
    });
    const window = { from: '2026-07-01', to: '2026-09-30', today: '2026-10-01' };
    assert.strictEqual(buildInfluenceReport(index.records(), { ...window, person: 'alice' }).summary.byType['design-review'], 1, 'alice reviewed it');
    assert.strictEqual(buildInfluenceReport(index.records(), { ...window, person: 'bo' }).summary.byType['design-review'], 1, 'bo, through the activity');
    // Dana is named by both the activity and the doc: her work counts once.
    assert.strictEqual(buildInfluenceReport(index.records(), { ...window, person: 'dana' }).summary.activities, 1);
  });
});

describe('lodestar report and git history', () => {
  it('a PR linked from a mentee profile counts in the quarter it was merged in; #15 and its URL are one PR', async () => {
    const { commitAt, git, initRepo, makeTempDir, writeFiles } = await import('../fixtures/gitRepo');
    const root = makeTempDir();
    initRepo(root);
    git(root, ['remote', 'add', 'origin', 'https://github.com/acme/payments.git']);
    writeFiles(root, {
      'docs/mentoring/alice.md': '---\nname: Alice\nhandle: alice\npullRequests: [https://github.com/acme/payments/pull/15]\n---\n# Alice\n',
      'docs/mentoring/alice/2026-08-12-pairing.md': '---\ndate: 2026-08-12\nkind: pairing\nwith: [alice]\npullRequests: ["#15"]\n---\n# Paired\n',
    });
    commitAt(root, 'Add idempotency keys (#15)', '2026-08-10T10:00:00Z', 'Alice <alice@example.com>');
    const q3 = JSON.parse((await runCli(['report', '--from', '2026-07-01', '--to', '2026-09-30', '--format', 'json', '--root', root])).stdout);
    assert.deepStrictEqual(q3.people, [{ handle: 'alice', sessions: 1, pullRequests: 1 }]);
    assert.strictEqual(q3.pullRequests, 1);
    const q4 = JSON.parse((await runCli(['report', '--from', '2026-10-01', '--to', '2026-12-31', '--format', 'json', '--root', root])).stdout);
    assert.strictEqual(q4.pullRequests, 0);
  });
});

describe('lodestar report: pull requests dated from history only for profiles', () => {
  it('merge commits, squashes and GitLab merges date the PRs profiles link (any spelling of the key); without profile links the history is not needed', async () => {
    const { commitAt, git, initRepo, makeTempDir, mergeNoFf, writeFiles } = await import('../fixtures/gitRepo');
    const root = makeTempDir();
    initRepo(root);
    git(root, ['remote', 'add', 'origin', 'https://github.com/acme/payments.git']);
    git(root, ['remote', 'add', 'gl', 'git@gitlab.com:group/payments.git']);
    writeFiles(root, { 'README.md': 'hi\n' });
    commitAt(root, 'Initial commit', '2026-01-05T10:00:00Z', 'Dana Lead <dana@example.com>');
    git(root, ['checkout', '-q', '-b', 'feature']);
    commitAt(root, 'Add retries\n\nCo-authored-by: Bob Builder <bob@example.com>', '2026-05-01T10:00:00Z', 'Alice <alice@example.com>');
    git(root, ['checkout', '-q', 'main']);
    mergeNoFf(root, 'feature', 'Merge pull request #16 from alice/feature\n\nAdd retries', '2026-05-05T10:00:00Z', 'Dana Lead <dana@example.com>');
    commitAt(root, 'Add idempotency keys (#15)\n\nCo-authored-by: Bob Builder <bob@example.com>', '2026-08-10T10:00:00Z', 'Alice <alice@example.com>');
    commitAt(root, "Merge branch 'cache' into 'main'\n\nCache tokens\n\nSee merge request group/payments!4", '2026-08-20T10:00:00Z', 'Bob <bob@example.com>');
    // An issue reference is no merge: #15 keeps its squash's date.
    commitAt(root, 'Fix #15 follow-up', '2026-11-02T10:00:00Z', 'Alice <alice@example.com>');
    const profile = (handle: string, links: string): string => `---\nname: ${handle}\nhandle: ${handle}\n${links}---\n# ${handle}\n`;
    writeFiles(root, {
      'docs/mentoring/alice.md': profile('alice', 'pull-requests:\n  - "#16"\n  - https://github.com/acme/payments/pull/15\n'),
      'docs/mentoring/bob.md': profile('bob', '"pull\\x52equests": ["!4"]\n'),
      'docs/mentoring/carol.md': profile('carol', ''),
    });
    const report = async (from: string, to: string): Promise<{ people: unknown[]; pullRequests: number }> => {
      const r = await runCli(['report', '--from', from, '--to', to, '--format', 'json', '--root', root]);
      assert.strictEqual(r.code, 0, r.stderr);
      return JSON.parse(r.stdout);
    };
    const q2 = await report('2026-04-01', '2026-06-30');
    assert.deepStrictEqual(q2.people, [{ handle: 'alice', sessions: 0, pullRequests: 1 }], 'the merge commit of #16');
    const q3 = await report('2026-07-01', '2026-09-30');
    assert.deepStrictEqual(q3.people, [
      { handle: 'alice', sessions: 0, pullRequests: 1 },
      { handle: 'bob', sessions: 0, pullRequests: 1 },
    ]);
    assert.strictEqual(q3.pullRequests, 2, 'the squash #15 and the GitLab merge request !4 (its key written with an escape)');
    assert.strictEqual((await report('2026-10-01', '2026-12-31')).pullRequests, 0);

    // No profile links a pull request: sessions still count theirs by their own date.
    writeFiles(root, {
      'docs/mentoring/alice.md': profile('alice', ''),
      'docs/mentoring/bob.md': profile('bob', ''),
      'docs/mentoring/alice/2026-08-12-pairing.md': '---\ndate: 2026-08-12\nkind: pairing\nwith: [alice]\npullRequests: ["#16"]\n---\n# Paired\n',
    });
    const after = await report('2026-07-01', '2026-09-30');
    assert.deepStrictEqual(after.people, [{ handle: 'alice', sessions: 1, pullRequests: 1 }]);
    assert.strictEqual(after.pullRequests, 1);
  });

  it('a profile can link a pull request only when its bytes hold the key (or an escape); only profiles are asked', async () => {
    const { makeTempDir, writeFiles } = await import('../fixtures/gitRepo');
    const { NodeFileSystem } = await import('../../src/core/store/nodeFileSystem');
    const { filesMayLinkPullRequests } = await import('../../src/core/pulls/recordsByPullRequest');
    const { isPersonProfileFile } = await import('../../src/core/index/recordFile');
    const root = makeTempDir();
    writeFiles(root, {
      'none.md': '---\nhandle: a\ngoals: [pull requests reviewed]\n---\n',
      'dashed.md': '---\npull-requests: ["#1"]\n---\n',
      'escaped.md': '---\n"pull\\u0052equests": ["#1"]\n---\n',
    });
    const at = (name: string): string => `${root}/${name}`;
    for (const fs of [new NodeFileSystem(), new NodeFileSystem({ blockingReads: true })]) {
      assert.strictEqual(await filesMayLinkPullRequests(fs, []), false);
      assert.strictEqual(await filesMayLinkPullRequests(fs, [at('none.md')]), false);
      assert.strictEqual(await filesMayLinkPullRequests(fs, [at('none.md'), at('dashed.md')]), true);
      assert.strictEqual(await filesMayLinkPullRequests(fs, [at('escaped.md')]), true);
      assert.strictEqual(await filesMayLinkPullRequests(fs, [at('missing.md')]), true, 'a file that cannot be read is not ruled out');
    }
    const mentoring = { kind: 'mentoring' as const, path: '/r/docs/mentoring', source: 'convention', log4brains: false };
    assert.strictEqual(isPersonProfileFile('/r/docs/mentoring/alice.md', mentoring), true);
    assert.strictEqual(isPersonProfileFile('/r/docs/mentoring/alice/2026-08-12-pairing.md', mentoring), false);
    assert.strictEqual(isPersonProfileFile('/r/doc/adr/0001-x.md', { ...mentoring, kind: 'decision', path: '/r/doc/adr' }), false);
  });
});

describe('which records a status change can date into a period', () => {
  it('decisions and design docs with a status, dated before the period or without a readable date', async () => {
    const { mayTakeStatusDate } = await import('../../src/core/influence/report');
    const decision = (fields: Partial<LodestarRecord>): LodestarRecord =>
      recordOf({ kind: 'decision', path: '/r/doc/adr/0001-x.md', number: 1, title: 'X', status: 'accepted', date: '2026-05-01', dialect: 'nygard', ...fields });
    const from = '2026-07-01';
    assert.strictEqual(mayTakeStatusDate(decision({}), from), true, 'dated before the period');
    assert.strictEqual(mayTakeStatusDate(decision({ kind: 'design', status: 'approved' }), from), true);
    assert.strictEqual(mayTakeStatusDate(decision({ date: null }), from), true, 'no date');
    assert.strictEqual(mayTakeStatusDate(decision({ date: 'last spring' }), from), true, 'a date nobody can read');
    assert.strictEqual(mayTakeStatusDate(decision({ date: from }), from), false, 'dated on the first day');
    assert.strictEqual(mayTakeStatusDate(decision({ date: '2027-01-01' }), from), false, 'dated after it');
    assert.strictEqual(mayTakeStatusDate(decision({ status: null }), from), false, 'no status to change');
    assert.strictEqual(mayTakeStatusDate(decision({ kind: 'session' }), from), false);
  });

  it('the index tells each record as it is read, in the order it lists them, with blocking reads or not', async () => {
    const { indexOf } = await import('./helpers');
    const { RecordIndex } = await import('../../src/core/index/recordIndex');
    const { DEFAULT_SETTINGS } = await import('../../src/core/index/recordFolders');
    const { NodeFileSystem } = await import('../../src/core/store/nodeFileSystem');
    const { root } = await indexOf({
      'doc/adr/0001-one.md': '# 1. One\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n',
      'doc/adr/0002-two.md': '# 2. Two\n\nDate: 2026-01-02\n\n## Status\n\nProposed\n',
      'docs/design/api.md': '---\ntitle: API\nstatus: draft\n---\n# API\n',
      'docs/mentoring/alice.md': '---\nname: Alice\nhandle: alice\n---\n# Alice\n',
    });
    for (const blockingReads of [false, true]) {
      const index = new RecordIndex(new NodeFileSystem({ blockingReads }), root, DEFAULT_SETTINGS);
      const told: string[] = [];
      await index.build({ onRecord: (r) => told.push(r.path) });
      assert.deepStrictEqual(
        told,
        index.records().map((r) => r.path),
        `blocking reads: ${blockingReads}`,
      );
      assert.strictEqual(told.length, 4);
    }
  });
});

describe('credit when it happened: status changes dated from git', () => {
  it('accepting or superseding an older record counts in the period of the change (renames followed, imports and uncommitted changes told apart)', async () => {
    const { commitAt, git, initRepo, makeTempDir, writeFiles } = await import('../fixtures/gitRepo');
    const { nygardAdr } = await import('../fixtures/recordText');
    const { scanStatusChanges, statusChangeDates } = await import('../../src/core/decisions/statusHistory');
    const { createGitExecutor } = await import('../../src/core/git/gitExecutor');
    const { RecordIndex } = await import('../../src/core/index/recordIndex');
    const { DEFAULT_SETTINGS } = await import('../../src/core/index/recordFolders');
    const { NodeFileSystem } = await import('../../src/core/store/nodeFileSystem');
    const root = makeTempDir();
    initRepo(root);
    const madr = (status: string): string =>
      `---\nstatus: ${status}\ndate: 2025-05-01\ndeciders: [dana]\n---\n# Use an outbox\n\n## Context and Problem Statement\n\nEvents get lost.\n`;
    writeFiles(root, {
      'doc/adr/0001-use-kafka.md': nygardAdr({ number: 1, title: 'Use Kafka', date: '2025-03-01', status: 'Proposed' }),
      'doc/adr/0003-use-nats.md': nygardAdr({ number: 3, title: 'Use NATS', date: '2025-04-01', status: 'Proposed' }),
      'doc/adr/0006-use-redis.md': nygardAdr({ number: 6, title: 'Use Redis', date: '2025-04-02', status: 'Proposed' }),
      'doc/adr/0007-use-an-outbox.md': madr('proposed'),
    });
    commitAt(root, 'Propose', '2025-04-02T10:00:00Z');
    // Old records brought in this quarter, already accepted: an import, not a decision made now.
    writeFiles(root, { 'doc/adr/0002-use-grpc.md': nygardAdr({ number: 2, title: 'Use gRPC', date: '2025-02-01', status: 'Accepted' }) });
    commitAt(root, 'Import an old record', '2026-08-05T10:00:00Z');
    writeFiles(root, { 'doc/adr/0001-use-kafka.md': nygardAdr({ number: 1, title: 'Use Kafka', date: '2025-03-01', status: 'Accepted' }) });
    commitAt(root, 'Accept Kafka', '2026-08-20T10:00:00Z');
    writeFiles(root, {
      'doc/adr/0003-use-nats.md': nygardAdr({
        number: 3,
        title: 'Use NATS',
        date: '2025-04-01',
        status: '',
        statusLines: ['Superseded by [1. Use Kafka](0001-use-kafka.md)'],
      }),
    });
    commitAt(root, 'Supersede NATS', '2026-08-25T10:00:00Z');
    // Renumbered after the change: the change keeps its date.
    git(root, ['mv', 'doc/adr/0003-use-nats.md', 'doc/adr/0005-use-nats.md']);
    writeFiles(root, {
      'doc/adr/0005-use-nats.md': nygardAdr({
        number: 5,
        title: 'Use NATS',
        date: '2025-04-01',
        status: '',
        statusLines: ['Superseded by [1. Use Kafka](0001-use-kafka.md)'],
      }),
    });
    commitAt(root, 'Renumber NATS', '2026-09-05T10:00:00Z');
    writeFiles(root, { 'doc/adr/0007-use-an-outbox.md': madr('accepted') });
    commitAt(root, 'Accept the outbox', '2026-09-10T10:00:00Z');
    // Rejected in the working tree, not committed yet: today.
    writeFiles(root, { 'doc/adr/0006-use-redis.md': nygardAdr({ number: 6, title: 'Use Redis', date: '2025-04-02', status: 'Rejected' }) });

    const index = new RecordIndex(new NodeFileSystem(), root, DEFAULT_SETTINGS);
    await index.build();
    const records = index.records();
    const dates = await statusChangeDates(createGitExecutor(root), root, records, '2026-12-07');
    const byName = new Map([...dates].map(([p, d]) => [p.slice(root.length + 1), d]));
    assert.deepStrictEqual(Object.fromEntries([...byName].sort()), {
      'doc/adr/0001-use-kafka.md': '2026-08-20',
      'doc/adr/0005-use-nats.md': '2026-08-25',
      'doc/adr/0006-use-redis.md': '2026-12-07',
      'doc/adr/0007-use-an-outbox.md': '2026-09-10',
    });
    // A scan started before the records were read gives the same dates when it read their folders; one of other folders is not used.
    const gitRun = createGitExecutor(root);
    for (const folders of [['doc/adr'], ['docs'], ['doc/adr', 'docs']]) {
      const early = await statusChangeDates(gitRun, root, records, '2026-12-07', { folders, changes: scanStatusChanges(gitRun, folders, '2026-12-07') });
      assert.deepStrictEqual(early, dates, folders.join(','));
    }
    const elsewhere = await scanStatusChanges(gitRun, ['docs'], '2026-12-07');
    assert.strictEqual(elsewhere.size, 0, 'nothing changed under docs');

    const q3 = { from: '2026-07-01', to: '2026-09-30', today: '2026-12-07' };
    const report = buildInfluenceReport(records, { ...q3, statusDates: dates });
    assert.deepStrictEqual(report.summary.decisions, { accepted: 2, superseded: 1 });
    assert.deepStrictEqual(
      report.decisions.map((d) => `${d.date} ${d.title}`),
      ['2026-08-20 Use Kafka', '2026-08-25 Use NATS', '2026-09-10 Use an outbox'],
    );
    assert.ok(
      report.activities.some((a) => a.type === 'decision' && a.title === 'Use an outbox' && a.people.includes('dana')),
      'the deciders are credited in the period of the change',
    );
    // Without the dates, the quarter saw nothing; the records' own periods keep them too.
    assert.deepStrictEqual(buildInfluenceReport(records, q3).summary.decisions, {});
    assert.strictEqual(buildInfluenceReport(records, { from: '2025-01-01', to: '2025-12-31', today: '2026-12-07', statusDates: dates }).decisions.length, 5);
    // The CLI reads the dates itself.
    const cli = JSON.parse((await runCli(['report', '--from', q3.from, '--to', q3.to, '--format', 'json', '--root', root])).stdout);
    assert.deepStrictEqual(cli.decisions, { accepted: 2, superseded: 1 });
  });
});

describe('influence report: who did what to a design doc', () => {
  function designRepo(): string {
    return buildRepo({
      'docs/mentoring/tess.md': '---\nhandle: tess\nname: Tess Reviewer\nemails: [tess@example.com]\n---\n',
      'docs/mentoring/alice.md': '---\nhandle: alice\nname: Alice Author\n---\n',
      // Written by Alice; Tess reviewed it (by her address) and Dana approved it.
      'docs/design/search.md':
        '---\ntitle: Search rewrite\nstatus: in-review\nauthors: [alice]\nreviewers: [tess@example.com]\napprovers: [dana]\ncreated: 2026-02-03\n---\n# Search rewrite\n',
      // Reviewed and approved by Tess, with no author written.
      'docs/design/cache.md': '---\ntitle: Cache layer\nstatus: approved\nreviewers: [tess]\napprovers: [alice]\ncreated: 2026-02-10\n---\n# Cache layer\n',
      // Tess's review, logged as an activity that names the author too.
      'docs/influence/2026/2026-02-05-search-review.md':
        '---\ntype: design-review\ndate: 2026-02-05\npeople: [tess, alice]\ndesigns: [docs/design/search.md]\n---\n# Reviewed the search rewrite\n',
    });
  }

  it('a reviewer reads as reviewing the author’s doc, not as one of its authors', async () => {
    const root = designRepo();
    for (const scope of [[], ['--person', 'tess']]) {
      const r = await runCli(['report', '--from', '2026-01-01', '--to', '2026-03-31', '--root', root, ...scope]);
      assert.strictEqual(r.code, 0, r.stderr);
      const line = (title: string) => r.stdout.split('\n').find((l) => l.includes(`[${title}]`)) ?? '';
      // Tess's address is her handle here, as everywhere in the report.
      assert.match(line('Search rewrite'), / · in-review · by alice; reviewed by tess; approved by dana$/, scope.join(' '));
      assert.match(line('Cache layer'), / · approved · reviewed by tess; approved by alice$/, scope.join(' '));
      // The review activity: a review of Alice's doc, the people of the review named apart.
      // In Tess's own report she is not among the people she worked with.
      assert.match(
        line('Reviewed the search rewrite'),
        scope.length === 0
          ? / · Design review of \[Search rewrite\]\(docs\/design\/search\.md\) by alice · with tess, alice$/
          : / · Design review of \[Search rewrite\]\(docs\/design\/search\.md\) by alice · with alice$/,
        scope.join(' '),
      );
      assert.ok(!/by tess, alice|by alice, tess/.test(r.stdout), r.stdout);
    }
  });
});
