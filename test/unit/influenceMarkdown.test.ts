import * as assert from 'assert';
import { recordOf } from '../fixtures/recordText';
import { buildInfluenceReport } from '../../src/core/influence/report';
import { prLabel, renderInfluenceMarkdown } from '../../src/core/influence/reportMarkdown';
import { escapeMarkdown, markdownLink } from '../../src/core/records/escaping';
import { LodestarRecord } from '../../src/core/records/record';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click me](javascript:alert(1))',
  '<javascript:alert(1)>',
  '</style><style>body{display:none}',
  '![x](javascript:alert(1))',
  '**bold** _em_ `code` ~~gone~~ | cell',
  '&lt;b&gt; &#60;i&#62;',
  '[ref]: javascript:alert(1)',
];

const rec = (o: Partial<LodestarRecord> & Pick<LodestarRecord, 'kind' | 'path'>): LodestarRecord => recordOf({ folder: '/repo', title: 'T', ...o });

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
        consulted: [text],
        pullRequests: ['javascript:alert(1)', `https://github.com/acme/shop/pull/${i}`],
      }),
      rec({ kind: 'design', path: `/repo/docs/design/${i}.md`, title: text, date, status: 'in-review', people: [text] }),
      rec({
        kind: 'activity',
        path: `/repo/docs/influence/2026/${date}-javascript:alert(${i}).md`,
        title: text,
        date,
        activityType: i % 2 ? text : 'alignment-goals',
        people: [text],
        outcome: text,
        pullRequests: [`https://evil.test/x)](javascript:alert(1)`],
      }),
      rec({
        kind: 'session',
        path: `/repo/docs/mentoring/m${i}/${date}-pairing.md`,
        title: text,
        date,
        handle: `m${i}`,
        sessionKind: 'pairing',
        people: [text],
      }),
      rec({ kind: 'person', path: `/repo/docs/mentoring/m${i}.md`, title: text, handle: `m${i}`, goals: [text], status: text, cadence: text }),
    );
  });
  return records;
}

describe('influence report in Markdown', () => {
  it('escapes every piece of record text: no HTML, no links it did not make, no javascript: links', function () {
    const report = buildInfluenceReport(hostileRecords(), { from: '2026-01-01', to: '2026-03-31', today: '2026-12-01' });
    const md = renderInfluenceMarkdown(report, { root: '/repo' });
    assert.doesNotMatch(md, /<(script|img|style|\/style|javascript)/i);
    assert.match(md, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    // Every link destination is an http(s) URL or a relative path with no scheme.
    const destinations = [...md.matchAll(/(?<!\\)\]\(([^)\s]*)\)/g)].map((m) => m[1]);
    assert.ok(destinations.length > 20);
    for (const d of destinations) assert.ok(/^https?:\/\//.test(d) || !/^[a-z][a-z0-9+.-]*:/i.test(d), d);
    assert.ok(
      destinations.some((d) => d.includes('javascript%3Aalert')),
      'file names with a colon are percent-encoded',
    );

    // Rendered the way VS Code's Markdown preview does (markdown-it, HTML and linkify on).
    // A dev dependency, untyped here: only this check uses it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const MarkdownIt = require('markdown-it') as new (o: object) => { render(s: string): string };
    const html = new MarkdownIt({ html: true, linkify: true }).render(md);
    assert.doesNotMatch(html, /<(script|img|style|\/style)\b/i);
    assert.doesNotMatch(html, /href="(?!https?:\/\/|docs\/)/);
    assert.doesNotMatch(html, /<(strong|em|code|s|del)>/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(html, /\[click me\]\(javascript:alert\(1\)\)/);
  });

  it('escapes and links safely on their own', () => {
    assert.strictEqual(escapeMarkdown('<b>a & b</b>\n*x* [y](z) `c` | d\\'), '&lt;b&gt;a &amp; b&lt;/b&gt; \\*x\\* \\[y\\](z) \\`c\\` \\| d\\\\');
    assert.strictEqual(escapeMarkdown('C#'), 'C\\#');
    assert.strictEqual(markdownLink('x', 'javascript:alert(1)'), 'x');
    assert.strictEqual(markdownLink('x', 'JaVaScRiPt:alert(1)'), 'x');
    assert.strictEqual(markdownLink('x', 'data:text/html,<b>'), 'x');
    assert.strictEqual(markdownLink('x', 'https://example.com/a (b)'), '[x](https://example.com/a%20%28b%29)');
    assert.strictEqual(markdownLink('x', '../docs/a b(1).md'), '[x](../docs/a%20b%281%29.md)');
    assert.strictEqual(markdownLink('x', 'javascript:alert(1).md'), 'x');
    assert.strictEqual(markdownLink('x', 'https://evil.test/x)](javascript:alert(1)'), '[x](https://evil.test/x%29%5D%28javascript:alert%281%29)');
    assert.strictEqual(prLabel('https://github.com/acme/shop/pull/12'), 'acme/shop#12');
    assert.strictEqual(prLabel('https://gitlab.com/g/sub/p/-/merge_requests/3'), 'g/sub/p!3');
    assert.strictEqual(prLabel('https://dev.azure.com/o/p/_git/r/pullrequest/9'), 'dev.azure.com/o/p/_git/r/pullrequest/9');
  });

  it('groups evidence the way promotion packets are read, each claim linked', () => {
    const records = [
      rec({
        kind: 'decision',
        path: '/repo/docs/adr/0001-use-kafka.md',
        title: 'Use Kafka',
        date: '2026-01-05',
        status: 'accepted',
        people: ['dana'],
        pullRequests: ['https://github.com/acme/shop/pull/1'],
      }),
      rec({ kind: 'design', path: '/repo/docs/design/search.md', title: 'Search', date: '2026-01-06', status: 'approved', people: ['dana'] }),
      rec({ kind: 'person', path: '/repo/docs/mentoring/ann.md', title: 'Ann Lee', handle: 'ann', goals: ['Lead a design review'], cadence: 'weekly' }),
      rec({
        kind: 'session',
        path: '/repo/docs/mentoring/ann/2026-01-07-pairing.md',
        title: 'Pairing on search',
        handle: 'ann',
        sessionKind: 'pairing',
        date: '2026-01-07',
        durationMinutes: 90,
      }),
      rec({
        kind: 'activity',
        path: '/repo/docs/influence/2026/2026-01-08-okrs.md',
        title: 'Q1 OKRs',
        date: '2026-01-08',
        activityType: 'alignment-goals',
        durationMinutes: 60,
        people: ['dana'],
      }),
      rec({
        kind: 'activity',
        path: '/repo/docs/influence/2026/2026-01-09-sponsor.md',
        title: 'Sponsored Ann',
        date: '2026-01-09',
        activityType: 'sponsorship',
        people: ['ann'],
      }),
    ];
    const report = buildInfluenceReport(records, { from: '2026-01-01', to: '2026-03-31', today: '2026-01-10' });
    const md = renderInfluenceMarkdown(report, { root: '/repo', linkTo: (p) => `../repo${p.slice('/repo'.length)}` });
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    assert.deepStrictEqual(headings, [
      '# Influence report, 2026-01-01 to 2026-03-31',
      '## Decisions and designs driven',
      '### Decisions (1)',
      '### Design docs (1)',
      '## People grown',
      '### Ann Lee (ann)',
      '### Mentoring, coaching, feedback and sponsorship (1)',
      '## Alignment and process work',
      '## Pull requests influenced (1)',
      '## Lead/manage balance',
    ]);
    assert.match(
      md,
      /- 2026-01-05 · \[Use Kafka\]\(\.\.\/repo\/docs\/adr\/0001-use-kafka\.md\) · accepted · decided by dana · \[acme\/shop#1\]\(https:\/\/github\.com\/acme\/shop\/pull\/1\)/,
    );
    assert.match(md, /\[profile\]\(\.\.\/repo\/docs\/mentoring\/ann\.md\) · 1 session \(1h 30m\) · last session 2026-01-07 · cadence: weekly/);
    assert.match(md, /Goals:\n\n- Lead a design review\n/);
    assert.match(md, /- 2026-01-08 · \[Q1 OKRs\]\(\.\.\/repo\/docs\/influence\/2026\/2026-01-08-okrs\.md\) · Alignment: goals · with dana · 1h/);
    assert.match(md, /\| Leading \(team-wide\) \| 3 \| 1h \|\n\| Managing \(individual\) \| 2 \| 1h 30m \|/);
    assert.match(md, /^5 activities \(3 leading, 2 managing\) · 1 decision · 1 design doc · 1 mentoring session with 1 person · 1 pull request$/m);
  });

  it('an empty period says so plainly', () => {
    const md = renderInfluenceMarkdown(buildInfluenceReport([], { from: '2026-01-01', to: '2026-03-31' }), { root: '/repo' });
    assert.strictEqual(
      md,
      '# Influence report, 2026-01-01 to 2026-03-31\n\nScope: every record in the repository.\n\nNothing recorded in this period: no decisions, design docs, mentoring sessions, influence activities or linked pull requests are dated from 2026-01-01 to 2026-03-31.\n',
    );
    const scoped = renderInfluenceMarkdown(buildInfluenceReport([], { from: '2026-01-01', to: '2026-03-31', person: '<b>x</b>' }), { root: '/repo' });
    assert.match(scoped, /^Scope: &lt;b&gt;x&lt;\/b&gt;\.$/m);
  });
});
