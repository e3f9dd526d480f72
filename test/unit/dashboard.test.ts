import * as assert from 'assert';
import { recordOf } from '../fixtures/recordText';
import { Openables, niceCeiling, stackedBars } from '../../src/core/influence/dashboardCharts';
import { dashboardPage, menteePullRequestCount } from '../../src/core/influence/dashboardPage';
import { reminderBadges } from '../../src/core/reminders/reminderBadges';
import { buildInfluenceReport } from '../../src/core/influence/report';
import { dateProblem, freeFileName, linksFrom, namedPeriod, periodName, periodProblem, reportFileName } from '../../src/core/influence/reportPeriods';
import { LodestarRecord } from '../../src/core/records/record';
import { PeopleDirectory } from '../../src/core/people/identities';
import { Mailmap } from '../../src/core/people/mailmap';
import { recordsWithCanonicalPeople } from '../../src/core/people/canonicalPeople';
import { buildPairingMatrix } from '../../src/core/people/pairingMatrix';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click me](javascript:alert(1))',
  'javascript:alert(1)',
  '</style><style>body{display:none}',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  '&lt;b&gt; &amp;',
];

const rec = (o: Partial<LodestarRecord> & Pick<LodestarRecord, 'kind' | 'path'>): LodestarRecord => recordOf({ folder: '/repo', title: 'T', ...o });

const PERIODS = ['This quarter', 'Last quarter', 'This year'];

/** Every attribute the page's markup uses. */
const ATTRIBUTES = [
  'class',
  'id',
  'type',
  'role',
  'title',
  'scope',
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'width',
  'height',
  'rx',
  'viewBox',
  'preserveAspectRatio',
  'text-anchor',
  'focusable',
].concat(['aria-label', 'aria-labelledby', 'aria-hidden', 'aria-pressed', 'data-lodestar-dashboard', 'data-open', 'data-period', 'data-action']);

function hostileRecords(): LodestarRecord[] {
  const records: LodestarRecord[] = [];
  HOSTILE.forEach((text, i) => {
    const date = `2026-02-${String(i + 1).padStart(2, '0')}`;
    records.push(
      rec({
        kind: 'decision',
        path: `/repo/docs/adr/000${i}-x.md`,
        title: text,
        date,
        status: text,
        people: [text],
        reviewBy: '2026-02-01',
        pullRequests: ['javascript:alert(1)', `https://github.com/acme/shop/pull/${i}`],
      }),
      rec({ kind: 'design', path: `/repo/docs/design/${i}.md`, title: text, date, status: 'in-review', people: [text] }),
      rec({
        kind: 'activity',
        path: `/repo/docs/influence/2026/${date}-${i}.md`,
        title: text,
        date,
        activityType: i % 2 ? text : 'pairing',
        people: [text, `${text} 2`],
        outcome: text,
        durationMinutes: 30,
        pullRequests: [`https://evil.test/x"><script>alert(1)</script>`],
      }),
      rec({ kind: 'person', path: `/repo/docs/mentoring/m${i}.md`, title: text, handle: `m${i}`, goals: [text], cadence: text, status: text }),
      rec({ kind: 'session', path: `/repo/docs/mentoring/m${i}/${date}-pairing.md`, title: text, handle: `m${i}`, date, sessionKind: text, people: [text] }),
    );
  });
  return records;
}

/** The markup with every escaped text taken out: what is left is only our own tags and attributes. */
function tagsOf(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)].map((m) => `${m[1]}${m[2]}`);
}

describe('dashboard page: everything from records is text', () => {
  const report = buildInfluenceReport(hostileRecords(), { from: '2026-01-01', to: '2026-03-31', today: '2026-06-01' });
  const page = dashboardPage(report, { periods: PERIODS, currentPeriod: 0 });

  it('titles, names, goals, types, statuses and URLs with markup never become markup', () => {
    assert.ok(!/<script/i.test(page.body), 'no script element');
    assert.ok(!/<img/i.test(page.body), 'no img element');
    assert.ok(!/<style/i.test(page.body) && !/<\/style/i.test(page.body), 'no style element, no closing one');
    assert.ok(!/<svg onload/i.test(page.body));
    const names = new Set(tagsOf(page.body).flatMap((t) => [...t.replace(/="[^"]*"/g, '').matchAll(/\s([^\s/]+)/g)].map((m) => m[1])));
    assert.deepStrictEqual(
      [...names].filter((n) => !ATTRIBUTES.includes(n)),
      [],
      'only our attributes: no event handlers, no href or src',
    );
    assert.ok(page.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the title shows as text');
    assert.ok(page.body.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(page.body.includes('&lt;/style&gt;&lt;style&gt;body{display:none}'));
    assert.ok(page.body.includes('&amp;lt;b&amp;gt; &amp;amp;'), 'entities in a title are shown, not decoded');
    assert.ok(page.body.includes('&quot;&gt;&lt;svg onload=alert(1)&gt;'));
    assert.ok(page.body.includes('&#39; onmouseover=&#39;alert(1)'));
  });

  it('every attribute value is one of ours: numbers, fixed classes, or escaped text', () => {
    for (const tag of tagsOf(page.body)) {
      for (const [, name, value] of tag.matchAll(/\s([a-z-]+)="([^"]*)"/g)) {
        if (name === 'aria-label' || name === 'title') {
          assert.ok(!/[<>"]/.test(value), `${name}="${value}"`);
          continue;
        }
        assert.match(value, /^[a-zA-Z0-9 .:#-]*$/, `${name}="${value}" in <${tag.slice(0, 60)}>`);
      }
    }
  });

  it('items open by position: files and http(s) pull requests only, never a javascript: URL', () => {
    const opens = [...page.body.matchAll(/data-open="(\d+)"/g)].map((m) => +m[1]);
    assert.ok(opens.length > 0);
    for (const i of opens) assert.ok(i < page.targets.length);
    for (const t of page.targets) {
      if (t.kind === 'url') assert.match(t.url, /^https?:\/\//);
      else assert.match(t.path, /^\/repo\//);
    }
    assert.ok(page.targets.some((t) => t.kind === 'url' && t.url === 'https://github.com/acme/shop/pull/3'));
    assert.ok(!page.targets.some((t) => t.kind === 'url' && /javascript/i.test(t.url)));
    // The evil.test URL is an http(s) URL: it may be opened, but its text is escaped.
    assert.ok(!page.body.includes('x"><script>'));
  });

  it('reminders, mentee cards and the pairing matrix are there, as text', () => {
    assert.match(page.body, /<h2 id="h-reminders">Needs attention <span class="count">\d+<\/span>/);
    assert.ok(report.reminders.some((r) => r.kind === 'decision-review-due'));
    assert.ok(page.body.includes('Review due'));
    assert.strictEqual((page.body.match(/<article class="card/g) ?? []).length, HOSTILE.length);
    assert.match(page.body, /<table class="pairs">/);
  });
});

describe('dashboard page: who paired with whom, by name', () => {
  // Alice has a profile, Bob and Sam are in .git-coauthors, Dana's old address is mailmapped, Carol is known by her address only.
  const directory = new PeopleDirectory(
    [{ path: '/repo/docs/mentoring/alice.md', handle: 'alice', fileHandle: 'alice', name: 'Alice Example', emails: ['alice@example.com'] }],
    [
      { initials: 'bb', name: 'Bob Builder', email: 'bob@example.com' },
      { initials: 'ss', name: 'Sam', email: 'sam@one.example' },
      { initials: 's2', name: 'Sam', email: 'sam@two.example' },
      { initials: 'dl', name: 'Dana Lead', email: 'dana@example.com' },
    ],
    [],
    new Mailmap().add('Dana Lead <dana@example.com> <dana@old.example>\n'),
  );
  const pairing = (n: number, people: string[]): LodestarRecord =>
    rec({ kind: 'activity', path: `/repo/docs/influence/2026/2026-08-0${n}-p.md`, date: `2026-08-0${n}`, activityType: 'pairing', people });
  const records = recordsWithCanonicalPeople(
    [
      pairing(1, ['alice', 'bob@example.com']),
      pairing(2, ['Alice Example <alice@example.com>', 'Bob@Example.com']),
      pairing(3, ['bob@example.com', 'dana@old.example']),
      pairing(4, ['carol@example.com', 'alice']),
      pairing(5, ['sam@one.example', 'sam@two.example']),
    ],
    directory,
  );
  const report = buildInfluenceReport(records, { from: '2026-07-01', to: '2026-09-30', today: '2026-11-21' });
  const section = (nameOf?: (key: string) => string): string => {
    const body = dashboardPage(report, { periods: PERIODS, currentPeriod: 0, nameOf }).body;
    return body.slice(body.indexOf('<h2 id="h-pairing">'), body.indexOf('</section>', body.indexOf('<h2 id="h-pairing">')));
  };
  const shownText = (html: string): string[] => [...html.matchAll(/<span>([^<]*)<\/span>/g)].map((m) => m[1].replace(/&amp;/g, '&'));

  it('names people as the pairing matrix does, through profiles, .git-coauthors and .mailmap; an address only when no name is known', () => {
    const html = section((key) => directory.nameOf(key));
    const nameOf = (key: string): string => directory.nameOf(key);
    const keys = [...new Set(report.pairs.flatMap((p) => p.people))];
    const matrix = buildPairingMatrix(
      keys.map((key) => ({ date: '2026-08-01', people: [key, keys[0]], source: 'logged' as const, commit: null, path: null })),
      nameOf,
    );
    assert.deepStrictEqual(shownText(html).sort(), matrix.people.map((p) => p.label).sort(), 'the same labels as the pairing matrix');
    assert.deepStrictEqual(shownText(html).sort(), [
      'Alice Example',
      'Bob Builder',
      'Dana Lead',
      'Sam (sam@one.example)',
      'Sam (sam@two.example)',
      'carol@example.com',
    ]);
    assert.ok(!/<span>bob@example\.com<\/span>|>bob@example\.com<\/th>/.test(html), 'no address where a name is known');
    assert.match(html, /<th scope="row" title="Bob Builder \(bob@example\.com\)">Bob Builder<\/th>/);
    assert.match(html, /title="Alice Example and Bob Builder: 2 pairing activities"/);
    assert.match(html, /<th scope="row" title="carol@example\.com">carol@example\.com<\/th>/);
  });

  it('without names (or before they are read), the keys as before', () => {
    assert.deepStrictEqual(shownText(section()).sort(), [
      'alice',
      'bob@example.com',
      'carol@example.com',
      'dana@example.com',
      'sam@one.example',
      'sam@two.example',
    ]);
  });
});

describe('dashboard page: the period switcher and empty periods', () => {
  it('marks the shown period pressed; -1 presses none', () => {
    const report = buildInfluenceReport([], { from: '2026-07-01', to: '2026-09-30', today: '2026-11-21' });
    const page = dashboardPage(report, { periods: PERIODS, currentPeriod: 1 });
    assert.match(
      page.body,
      /<button type="button" data-period="0" aria-pressed="false">This quarter<\/button><button type="button" data-period="1" aria-pressed="true">Last quarter<\/button>/,
    );
    assert.ok(!dashboardPage(report, { periods: PERIODS, currentPeriod: -1 }).body.includes('aria-pressed="true"'));
  });

  it('an empty period says so in each section and still has the data-lodestar-dashboard marker', () => {
    const report = buildInfluenceReport([], { from: '2026-07-01', to: '2026-09-30', today: '2026-11-21' });
    const page = dashboardPage(report, { periods: PERIODS, currentPeriod: 0 });
    assert.match(page.body, /data-lodestar-dashboard="1"/);
    for (const text of [
      'No influence activities are dated in this period.',
      'No decision records are dated in this period.',
      'No pairing of two or more people',
      'Nothing is overdue',
      'No mentees in scope',
    ])
      assert.ok(page.body.includes(text), text);
    assert.deepStrictEqual(page.targets, []);
  });
});

describe('dashboard page: 10,000 records over 10 years', () => {
  it('is drawn from the aggregates: the right totals, one bar per month, bounded lists', () => {
    const records: LodestarRecord[] = [];
    const types = ['decision', 'design-review', 'hiring', 'pairing', 'mentoring', 'feedback', 'alignment-values', 'custom-thing'];
    const day = (i: number): string => new Date(Date.UTC(2016, 0, 1) + (i % 3652) * 86400000).toISOString().slice(0, 10);
    for (let i = 0; i < 4000; i++)
      records.push(
        rec({
          kind: 'activity',
          path: `/r/a${i}.md`,
          title: `Activity ${i}`,
          date: day(i * 7),
          activityType: types[i % 8],
          people: ['dana', `p${i % 10}`],
          durationMinutes: 30,
          pullRequests: [`https://github.com/acme/shop/pull/${i % 500}`],
        }),
      );
    for (let i = 0; i < 3000; i++)
      records.push(
        rec({
          kind: 'decision',
          path: `/r/d${i}.md`,
          title: `Decision ${i}`,
          date: day(i * 11),
          status: i % 3 ? 'accepted' : 'proposed',
          people: i % 2 ? ['dana'] : [],
        }),
      );
    for (let i = 0; i < 1000; i++)
      records.push(rec({ kind: 'design', path: `/r/g${i}.md`, title: `Design ${i}`, date: day(i * 13), status: 'approved', people: ['sam'] }));
    for (let i = 0; i < 100; i++) records.push(rec({ kind: 'person', path: `/r/p${i}.md`, title: `Person ${i}`, handle: `p${i}`, cadence: 'monthly' }));
    for (let i = 0; i < 1900; i++)
      records.push(
        rec({
          kind: 'session',
          path: `/r/p${i % 100}/s${i}.md`,
          title: `Session ${i}`,
          handle: `p${i % 100}`,
          date: day(i * 3),
          sessionKind: i % 2 ? 'pairing' : 'one-on-one',
        }),
      );
    assert.strictEqual(records.length, 10000);

    const report = buildInfluenceReport(records, { from: '2016-01-01', to: '2025-12-31', today: '2026-01-01' });
    const page = dashboardPage(report, { periods: PERIODS, currentPeriod: -1, listLimit: 25 });
    const s = report.summary;
    assert.strictEqual(s.activities, 8400);

    // Summary tiles carry the totals.
    assert.match(
      page.body,
      new RegExp(
        `<li class="tile t-lead"><span class="value">${s.activities}</span><span class="label">activities</span><span class="sub">${s.leading} leading · ${s.managing} managing</span>`,
      ),
    );
    assert.match(
      page.body,
      /<li class="tile t-decision"><span class="value">3000<\/span><span class="label">decisions<\/span><span class="sub">2000 accepted<\/span>/,
    );
    assert.match(
      page.body,
      /<li class="tile t-manage"><span class="value">1900<\/span><span class="label">mentoring sessions<\/span><span class="sub">with 100 of 100 mentees<\/span>/,
    );

    // The timeline: one bar group per month for 120 months, and its table has the same numbers.
    const timeline = page.body.slice(page.body.indexOf('id="h-timeline"'), page.body.indexOf('id="h-decisions"'));
    assert.strictEqual((timeline.match(/<g class="col">/g) ?? []).length, 120);
    const rows = [
      ...timeline.matchAll(/<tr><th scope="row">(\d{4}-\d{2}-01)<\/th><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td>/g),
    ];
    assert.strictEqual(rows.length, 120);
    assert.strictEqual(
      rows.reduce((n, r) => n + +r[2] + +r[3] + +r[4], 0),
      s.activities,
    );
    assert.ok(timeline.split('<text class="axis"').length - 1 <= 12 + 3, 'at most twelve month labels and three axis ticks');

    // Decisions by status over time: the table sums to the counts.
    const decisions = page.body.slice(page.body.indexOf('id="h-decisions"'), page.body.indexOf('id="h-mix"'));
    const decisionRows = [...decisions.matchAll(/<tr><th scope="row">\d{4}-\d{2}-01<\/th><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><\/tr>/g)];
    assert.strictEqual(decisionRows.length, 120);
    assert.strictEqual(
      decisionRows.reduce((n, r) => n + +r[1], 0),
      2000,
      'accepted first',
    );
    assert.strictEqual(
      decisionRows.reduce((n, r) => n + +r[1] + +r[2], 0),
      3000,
    );

    // Lists stop at the limit and say how many more; the page stays small.
    assert.match(page.body, /and 3975 more/, 'decisions and design docs');
    assert.match(page.body, /and 8375 more/, 'activities');
    assert.ok((page.body.match(/<article class="card/g) ?? []).length === 25);
    assert.ok(page.targets.length < 200, `${page.targets.length} targets`);
    assert.ok(page.body.length < 400_000, `${page.body.length} characters`);
    // The pairing matrix: at most twelve people.
    const matrixRows = (page.body.match(/<th scope="row"[^>]*>(dana|p\d+)<\/th>/g) ?? []).length;
    assert.ok(matrixRows > 0 && matrixRows <= 12, `${matrixRows} rows`);
  });
});

describe('dashboard charts', () => {
  it('nice ceilings and stacked bars', () => {
    assert.deepStrictEqual([0, 1, 2, 3, 7, 11, 49, 51, 999].map(niceCeiling), [1, 1, 2, 5, 10, 20, 50, 100, 1000]);
    const svg = stackedBars(
      [
        {
          label: 'Jan',
          title: 'January',
          segments: [
            { cls: 'lead', value: 2 },
            { cls: 'manage', value: 0 },
          ],
        },
      ],
      'A chart',
    );
    assert.match(svg, /^<svg class="chart" viewBox="0 0 720 240" role="img" aria-label="A chart">/);
    assert.strictEqual((svg.match(/<rect class="lead"/g) ?? []).length, 1);
    assert.ok(!svg.includes('class="manage"'), 'no empty segment');
  });

  it('Openables: one position per target, only http(s) URLs', () => {
    const o = new Openables();
    assert.strictEqual(o.file('/a.md'), 0);
    assert.strictEqual(o.file('/b.md'), 1);
    assert.strictEqual(o.file('/a.md'), 0);
    assert.strictEqual(o.url('javascript:alert(1)'), undefined);
    assert.strictEqual(o.url('data:text/html,<script>'), undefined);
    assert.strictEqual(o.url('file:///etc/passwd'), undefined);
    assert.strictEqual(o.url('https://github.com/a/b/pull/1'), 2);
    assert.strictEqual(o.targets.length, 3);
  });
});

describe('report periods and files', () => {
  it('named periods, names, validation', () => {
    assert.deepStrictEqual(namedPeriod('this-quarter', '2026-11-21'), { from: '2026-10-01', to: '2026-12-31' });
    assert.deepStrictEqual(namedPeriod('last-quarter', '2026-02-10'), { from: '2025-10-01', to: '2025-12-31' });
    assert.deepStrictEqual(namedPeriod('this-year', '2026-11-21'), { from: '2026-01-01', to: '2026-12-31' });
    assert.strictEqual(periodName({ from: '2026-07-01', to: '2026-09-30' }), '2026 Q3');
    assert.strictEqual(periodName({ from: '2026-01-01', to: '2026-12-31' }), '2026');
    assert.strictEqual(periodName({ from: '2026-07-01', to: '2026-08-15' }), '2026-07-01 to 2026-08-15');
    assert.strictEqual(dateProblem('2026-02-30') !== undefined, true);
    assert.strictEqual(dateProblem('21/11/2026') !== undefined, true);
    assert.strictEqual(dateProblem(' 2026-02-28 '), undefined);
    assert.match(periodProblem('2026-09-30', '2026-07-01') ?? '', /ends \(2026-07-01\) before it starts/);
    assert.strictEqual(periodProblem('2026-07-01', '2026-07-01'), undefined);
  });

  it('file names stay in their folder and never clash', () => {
    assert.strictEqual(reportFileName({ from: '2026-07-01', to: '2026-09-30' }), 'influence-report-2026-Q3.md');
    assert.strictEqual(reportFileName({ from: '2026-01-01', to: '2026-12-31' }, 'Alice'), 'influence-report-2026-alice.md');
    assert.strictEqual(reportFileName({ from: '2026-07-01', to: '2026-08-15' }, '../../etc/passwd'), 'influence-report-2026-07-01-to-2026-08-15-etc-passwd.md');
    assert.strictEqual(reportFileName({ from: '2026-07-01', to: '2026-09-30' }, '...'), 'influence-report-2026-Q3.md');
    const taken = new Set(['influence-report-2026-Q3.md', 'influence-report-2026-Q3-2.md']);
    assert.strictEqual(
      freeFileName('influence-report-2026-Q3.md', (n) => taken.has(n)),
      'influence-report-2026-Q3-3.md',
    );
  });

  it('links go from the report’s folder to the record', () => {
    const link = linksFrom('/home/me/notebook/reports/influence-report-2026-Q3.md');
    assert.strictEqual(link('/work/payments/doc/adr/0001-x.md'), '../../../../work/payments/doc/adr/0001-x.md');
    assert.strictEqual(linksFrom('/work/payments/docs/reports/r.md')('/work/payments/docs/influence/2026/a.md'), '../influence/2026/a.md');
  });
});

describe('reminder badges', () => {
  it('counts per view with a tooltip saying why; nothing to say, no badge', () => {
    const r = (kind: 'decision-review-due' | 'decision-proposed-stale' | 'design-in-review-stale' | 'mentee-overdue') => ({
      kind,
      path: '/x',
      title: 'x',
      since: null,
      days: 1,
      message: '',
    });
    const badges = reminderBadges([r('decision-review-due'), r('decision-proposed-stale'), r('decision-proposed-stale'), r('design-in-review-stale')], {
      proposedMaxAgeDays: 45,
    });
    assert.deepStrictEqual(badges.decisions, { value: 3, tooltip: '3 decisions need attention: 1 past its review-by date, 2 still proposed after 45 days' });
    assert.deepStrictEqual(badges.designDocs, { value: 1, tooltip: '1 design doc in review for more than 14 days' });
    assert.strictEqual(badges.mentoring, undefined);
    assert.deepStrictEqual(reminderBadges([r('mentee-overdue')]).mentoring, { value: 1, tooltip: '1 mentee with no session within their cadence' });
    assert.deepStrictEqual(reminderBadges([]), { decisions: undefined, designDocs: undefined, mentoring: undefined });
  });

  it('a mentee card says what the period leaves out of their PRs: "1 PR this quarter, 2 in all", as the Influence view counts them', () => {
    const records = [
      rec({ kind: 'person', path: '/repo/docs/mentoring/alice.md', title: 'Alice', handle: 'alice', pullRequests: [] }),
      rec({
        kind: 'session',
        path: '/repo/docs/mentoring/alice/2026-11-02-pairing.md',
        title: 'Pairing',
        handle: 'alice',
        date: '2026-11-02',
        sessionKind: 'pairing',
        pullRequests: ['https://github.com/acme/shop/pull/2'],
      }),
      rec({
        kind: 'session',
        path: '/repo/docs/mentoring/alice/2026-05-02-pairing.md',
        title: 'Pairing',
        handle: 'alice',
        date: '2026-05-02',
        sessionKind: 'pairing',
        pullRequests: ['https://github.com/acme/shop/pull/1'],
      }),
    ];
    const report = buildInfluenceReport(records, { from: '2026-10-01', to: '2026-12-31', today: '2026-11-21' });
    const alice = report.mentees.find((m) => m.handle === 'alice')!;
    assert.deepStrictEqual([alice.pullRequests.length, alice.pullRequestsInAll], [1, 2]);
    assert.strictEqual(menteePullRequestCount(alice, 'this quarter'), '1 PR this quarter, 2 in all');
    assert.match(dashboardPage(report, { periods: PERIODS, currentPeriod: 0 }).body, /<strong>1<\/strong> session · 1 PR this quarter, 2 in all<\//);
    const all = buildInfluenceReport(records, { from: '2026-01-01', to: '2026-12-31', today: '2026-11-21' }).mentees.find((m) => m.handle === 'alice')!;
    assert.strictEqual(menteePullRequestCount(all, 'this year'), '2 PRs');
  });
});
