import * as assert from 'assert';
import { creditedActivities, influenceActivities } from '../../src/core/influence/credit';
import { durationMinutes } from '../../src/core/activities/activityParser';
import { activityFileName, activitySlug, planNewActivity, validateNewActivity } from '../../src/core/activities/newActivity';
import { yamlString } from '../../src/core/records/frontMatterEdit';
import { addPullRequestLink } from '../../src/core/pulls/pullRequestLinkEdit';
import { ACTIVITY_TYPES, activityTypeOfSession, influenceSide, isKnownActivityType, normaliseActivityType } from '../../src/core/activities/taxonomy';
import { parseYamlMapping, readFrontMatter } from '../../src/core/records/frontMatter';
import { buildRepo, makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { madr4Adr, menteeProfile, sessionNote } from '../fixtures/recordText';
import { byName, indexOf } from './helpers';
import { runCli } from './cliInProcess';

const ACTIVITY = `---
date: 2026-02-03
type: Design Review
title: "Search API review: pagination"
people: [alice, '@bob']
pullRequests:
  - https://github.com/acme/shop/pull/12
decisions: [ADR-0002, ../../decisions/0001-use-rest.md]
designs: [search-api.md]
outcome: Cursor pagination agreed
duration: 1h30m
---

# Search API review
`;

describe('influence taxonomy', () => {
  it('has the DESIGN types, each leading or managing, and maps session kinds', () => {
    assert.strictEqual(ACTIVITY_TYPES.length, 17);
    assert.deepStrictEqual(
      ACTIVITY_TYPES.filter((t) => t.side === 'managing').map((t) => t.id),
      ['mentoring', 'pairing', 'coaching', 'career-conversation', 'sponsorship', 'feedback'],
    );
    assert.strictEqual(influenceSide('incident-leadership'), 'leading');
    assert.strictEqual(influenceSide('brainstorming'), undefined);
    assert.strictEqual(normaliseActivityType(' Career_Conversation '), 'career-conversation');
    assert.ok(isKnownActivityType('alignment-business-context'));
    assert.deepStrictEqual(['pairing', 'one-on-one', 'code-review', 'career', 'feedback', 'note', undefined].map(activityTypeOfSession), [
      'pairing',
      'mentoring',
      'mentoring',
      'career-conversation',
      'feedback',
      undefined,
      'mentoring',
    ]);
  });
});

describe('influence activity records', () => {
  it('are read from docs/influence/<YYYY>/ with every front-matter field', async () => {
    const { index } = await indexOf({
      'docs/influence/2026/2026-02-03-search-api-review.md': ACTIVITY,
      'docs/influence/2026/2026-02-04-no-front-matter.md': '# Lunch and learn\n',
      'docs/influence/README.md': '# Influence\n',
      'docs/decisions/0001-use-rest.md': madr4Adr({ title: 'Use REST', status: 'accepted' }),
    });
    const a = byName(index, '2026-02-03-search-api-review.md');
    assert.strictEqual(a.kind, 'activity');
    assert.strictEqual(a.title, 'Search API review: pagination');
    assert.strictEqual(a.date, '2026-02-03');
    assert.strictEqual(a.activityType, 'design-review');
    assert.deepStrictEqual(a.people, ['alice', 'bob']);
    assert.deepStrictEqual(a.pullRequests, ['https://github.com/acme/shop/pull/12']);
    assert.strictEqual(a.outcome, 'Cursor pagination agreed');
    assert.strictEqual(a.durationMinutes, 90);
    assert.deepStrictEqual(
      a.links.map((l) => [l.kind, l.target.replace(/^.*\/docs\//, 'docs/')]),
      [
        ['decision', 'ADR-0002'],
        ['decision', 'docs/decisions/0001-use-rest.md'],
        ['design', 'search-api.md'],
      ],
    );
    const plain = byName(index, '2026-02-04-no-front-matter.md');
    assert.deepStrictEqual([plain.kind, plain.title, plain.date, plain.activityType], ['activity', 'Lunch and learn', '2026-02-04', undefined]);
    assert.strictEqual(index.records('activity').length, 2);
    assert.deepStrictEqual(
      index.problems().map((p) => p.code),
      ['missing-activity-type'],
    );
  });

  it('the influence folder follows lodestar.influence.directory', async () => {
    const { index } = await indexOf(
      { 'notes/lead/2026/2026-01-01-kickoff.md': '---\ntype: alignment-goals\n---\n# Kickoff\n' },
      { influenceDirectory: 'notes/lead' },
    );
    assert.deepStrictEqual(
      index.records().map((r) => [r.kind, r.title]),
      [['activity', 'Kickoff']],
    );
    assert.ok(index.folders.some((f) => f.kind === 'influence' && f.source === 'setting'));
  });

  it('appear in index --json with kind activity; unknown types and bad files are problems, not crashes', async () => {
    const root = buildRepo({
      'docs/influence/2026/2026-02-03-search-api-review.md': ACTIVITY,
      'docs/influence/2026/2026-02-05-offsite.md': '---\ndate: 2026-02-05\ntype: Brainstorming\ntitle: Offsite\n---\n',
      'docs/influence/2026/2026-02-06-broken.md': '---\ntype: [hiring\n---\n# Broken\n',
      'docs/influence/2026/2026-02-07-empty.md': '',
      'docs/influence/2026/2026-02-08-binary.md': new Uint8Array([0x2d, 0x2d, 0x2d, 0, 1, 2]),
    });
    const r = await runCli(['index', '--json', '--root', root]);
    assert.strictEqual(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as {
      records: { kind: string; path: string; title: string; date: string | null; links: unknown[]; pullRequests: string[]; status: string | null }[];
      problems: { path: string; code: string }[];
    };
    assert.deepStrictEqual(
      out.records.find((x) => x.path === 'docs/influence/2026/2026-02-03-search-api-review.md'),
      {
        kind: 'activity',
        path: 'docs/influence/2026/2026-02-03-search-api-review.md',
        number: null,
        title: 'Search API review: pagination',
        status: null,
        date: '2026-02-03',
        dialect: 'front-matter',
        links: [
          { kind: 'decision', target: 'ADR-0002' },
          { kind: 'decision', target: 'docs/decisions/0001-use-rest.md' },
          { kind: 'design', target: 'search-api.md' },
        ],
        pullRequests: ['https://github.com/acme/shop/pull/12'],
        private: false,
      },
    );
    assert.deepStrictEqual(
      out.records.map((x) => x.kind),
      ['activity', 'activity', 'activity', 'activity', 'activity'],
    );
    assert.deepStrictEqual(
      out.problems.map((p) => [p.path.replace('docs/influence/2026/', ''), p.code]),
      [
        ['2026-02-05-offsite.md', 'unknown-activity-type'],
        ['2026-02-06-broken.md', 'malformed-front-matter'],
        ['2026-02-07-empty.md', 'empty-file'],
        ['2026-02-08-binary.md', 'binary-file'],
      ],
    );
    const lint = await runCli(['lint', '--root', root]);
    assert.match(lint.stdout, /2026-02-05-offsite\.md:1: warning unknown-activity-type Activity type "brainstorming" is not one of/);
  });

  it('durations: minutes, hours, both, ISO; anything else is no duration', () => {
    assert.deepStrictEqual([45, '45', '45m', '45 min', '1.5h', '2 hours', '1h 30m', 'PT1H15M', 'PT', 'soon', -5, 20000, '', null].map(durationMinutes), [
      45,
      45,
      45,
      45,
      90,
      120,
      90,
      75,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('credit from records', () => {
  it('decisions, design docs and logged sessions count for the people they name', async () => {
    const { index } = await indexOf({
      'docs/decisions/0001-use-rest.md': madr4Adr({ title: 'Use REST', status: 'accepted', date: '2026-01-10', makers: ['dana'] }),
      'docs/decisions/0002-use-grpc.md': madr4Adr({
        title: 'Use gRPC',
        status: 'proposed',
        madr3: true,
        makers: ['sam'],
        extraFrontMatter: 'review-by: 2026-06-01\n',
      }),
      'docs/decisions/0003-nobody.md': '---\nstatus: accepted\ndate: 2026-01-12\n---\n# Nobody\n',
      'docs/design/search.md': '---\ntitle: Search\nstatus: approved\nauthors: [dana]\nreviewers: [sam]\napprovers: [lee]\ncreated: 2026-01-20\n---\n',
      'docs/mentoring/alice.md': menteeProfile({ name: 'Alice', handle: 'alice' }),
      'docs/mentoring/alice/2026-01-21-pairing.md': sessionNote({ date: '2026-01-21', kind: 'pairing', with: ['dana'] }),
      'docs/mentoring/alice/2026-01-22-career.md': sessionNote({ date: '2026-01-22', kind: 'career', with: [] }),
      'docs/mentoring/alice/2026-01-23-note.md': sessionNote({ date: '2026-01-23', kind: 'note', with: [] }),
    });
    const credited = creditedActivities(index.records())
      .map((c) => [c.origin, c.type, c.date, c.people.join(','), c.source.replace(/^.*\/docs\//, ''), c.durationMinutes ?? null])
      .sort((a, b) => String(a[4]).localeCompare(String(b[4])));
    assert.deepStrictEqual(credited, [
      ['decision', 'decision', '2026-01-10', 'dana,Platform team', 'decisions/0001-use-rest.md', null],
      ['decision', 'decision', '2026-03-01', 'sam,Platform team', 'decisions/0002-use-grpc.md', null],
      ['design', 'design-review', '2026-01-20', 'dana,sam,lee', 'design/search.md', null],
      ['session', 'pairing', '2026-01-21', 'alice,dana', 'mentoring/alice/2026-01-21-pairing.md', 60],
      ['session', 'career-conversation', '2026-01-22', 'alice', 'mentoring/alice/2026-01-22-career.md', 60],
    ]);
    assert.strictEqual(byName(index, '0002-use-grpc.md').reviewBy, '2026-06-01');
    assert.deepStrictEqual(byName(index, '0002-use-grpc.md').consulted, ['Platform team']);
    assert.strictEqual(byName(index, 'alice.md').cadence, 'weekly');
  });

  it('an activity record that links a decision or design, or a session naming its activity, is counted once', async () => {
    const { index } = await indexOf({
      'docs/decisions/0001-use-rest.md': madr4Adr({ title: 'Use REST', status: 'accepted', date: '2026-01-10' }),
      'docs/decisions/0002-use-grpc.md': madr4Adr({ title: 'Use gRPC', status: 'accepted', date: '2026-01-11' }),
      'docs/design/search.md': '---\ntitle: Search\nstatus: approved\nauthors: [dana]\ncreated: 2026-01-20\n---\n',
      'docs/design/billing.md': '---\ntitle: Billing\nstatus: approved\nauthors: [dana]\ncreated: 2026-01-20\n---\n',
      'docs/mentoring/alice/2026-01-21-pairing.md': '---\ndate: 2026-01-21\nkind: pairing\nactivity: 2026-01-21-mob-session\n---\n',
      'docs/mentoring/alice/2026-01-22-pairing.md': '---\ndate: 2026-01-22\nkind: pairing\n---\n',
      'docs/influence/2026/2026-01-10-api-style.md': '---\ndate: 2026-01-10\ntype: decision\ndecisions: [ADR-0001]\ndesigns: [search.md]\n---\n',
      'docs/influence/2026/2026-01-21-mob-session.md': '---\ndate: 2026-01-21\ntype: pairing\npeople: [alice]\n---\n',
    });
    const all = influenceActivities(index.records())
      .map((a) => `${a.origin}:${a.source.replace(/^.*\//, '')}`)
      .sort();
    assert.deepStrictEqual(all, [
      'activity:2026-01-10-api-style.md',
      'activity:2026-01-21-mob-session.md',
      'decision:0002-use-grpc.md',
      'design:billing.md',
      'session:2026-01-22-pairing.md',
    ]);
  });
});

describe('new activity files', () => {
  const base = { folder: '/repo/docs/influence', date: '2026-02-03', type: 'design-review', title: 'Search API review' };

  it('titles become slugs that never leave the folder', () => {
    assert.strictEqual(activitySlug('../x'), 'x');
    assert.strictEqual(activitySlug('../../etc/passwd'), 'etc-passwd');
    assert.strictEqual(activitySlug('/etc/x'), 'etc-x');
    assert.strictEqual(activitySlug('a\\b'), 'a-b');
    assert.strictEqual(activitySlug('.hidden'), 'hidden');
    assert.strictEqual(activitySlug('...'), 'activity');
    assert.strictEqual(activitySlug('CON'), 'con-activity');
    assert.strictEqual(activitySlug('lpt1'), 'lpt1-activity');
    assert.strictEqual(activitySlug('数据库 🚀'), 'activity');
    assert.strictEqual(activitySlug('Café déjà vu'), 'cafe-deja-vu');
    assert.strictEqual(activitySlug('word '.repeat(40)).length <= 60, true);
    for (const title of ['../x', '/etc/x', 'a\\b', 'CON', '.hidden', '..', 'x/../../y']) {
      const { path } = planNewActivity({ ...base, title });
      assert.match(path, /^\/repo\/docs\/influence\/2026\/2026-02-03-[a-z0-9-]+\.md$/, title);
    }
  });

  it('refuses empty, multi-line or long titles, bad dates, unknown types and bad durations with a reason', () => {
    assert.match(validateNewActivity({ ...base, title: '  ' }) ?? '', /needs a title/);
    assert.match(validateNewActivity({ ...base, title: 'a\nb' }) ?? '', /one line/);
    assert.match(validateNewActivity({ ...base, title: 'x'.repeat(201) }) ?? '', /under 200/);
    assert.match(validateNewActivity({ ...base, date: '2026-02-30' }) ?? '', /YYYY-MM-DD/);
    assert.match(validateNewActivity({ ...base, date: '3 Feb 2026' }) ?? '', /YYYY-MM-DD/);
    assert.match(validateNewActivity({ ...base, type: 'brainstorming' }) ?? '', /not an activity type; use one of: alignment-values/);
    assert.match(validateNewActivity({ ...base, durationMinutes: -1 }) ?? '', /whole number of minutes/);
    assert.match(validateNewActivity({ ...base, people: ['a\nb'] }) ?? '', /one line/);
    assert.throws(() => planNewActivity({ ...base, title: '' }), /needs a title/);
    assert.strictEqual(validateNewActivity(base), undefined);
  });

  it('a taken name gets -2, -3… (ignoring case)', () => {
    assert.strictEqual(activityFileName('2026-02-03', 'Review', []), '2026-02-03-review.md');
    assert.strictEqual(activityFileName('2026-02-03', 'Review', ['2026-02-03-REVIEW.md']), '2026-02-03-review-2.md');
    assert.strictEqual(activityFileName('2026-02-03', 'Review', ['2026-02-03-review.md', '2026-02-03-review-2.md']), '2026-02-03-review-3.md');
  });

  it('writes front matter that reads back exactly, whatever the text', () => {
    const nasty = [
      'yes',
      'no',
      '012',
      '1.5',
      'null',
      '~',
      'a: b',
      '# not a comment',
      '- item',
      '"quoted"',
      "it's",
      '[x]',
      '{a}',
      '&anchor',
      '*alias',
      '!tag',
      '%x',
      '@x',
      '`x`',
      'tab\there',
      'trailing ',
      'x\u007fy',
      '<script>alert(1)</script>',
    ];
    for (const title of nasty) {
      const plan = planNewActivity({
        ...base,
        title: `${title} end`,
        outcome: title,
        people: ['alice', title.trim() || 'x'],
        pullRequests: ['https://github.com/acme/shop/pull/12', 'https://x.test/a,b'],
        decisions: ['ADR-0002'],
      });
      const fm = readFrontMatter(plan.content);
      assert.strictEqual(fm.error, undefined, title);
      const full = parseYamlMapping(plan.content.split('\n---\n')[0].slice(4));
      for (const data of [fm.data, full.data]) {
        assert.strictEqual(data?.title, `${title} end`.trim(), title);
        assert.strictEqual(data?.outcome, title.trim(), title);
        assert.deepStrictEqual(data?.people, ['alice', title.trim() || 'x'], title);
        assert.deepStrictEqual(data?.pullRequests, ['https://github.com/acme/shop/pull/12', 'https://x.test/a,b'], title);
        assert.strictEqual(data?.type, 'design-review');
        assert.strictEqual(data?.date, '2026-02-03');
      }
    }
    const plan = planNewActivity({ ...base, people: ['alice'], pullRequests: ['https://github.com/acme/shop/pull/12'], durationMinutes: 45 });
    assert.strictEqual(
      plan.content,
      "---\ndate: 2026-02-03\ntype: design-review\ntitle: Search API review\npeople: [alice]\npullRequests: [https://github.com/acme/shop/pull/12]\ndecisions: []\ndesigns: []\nduration: 45\noutcome: ''\n---\n\n# Search API review\n\n",
    );
    assert.strictEqual(yamlString('Use Kafka'), 'Use Kafka');
    assert.strictEqual(yamlString('no'), '"no"');
  });

  it('a planned activity is indexed as written', async () => {
    const plan = planNewActivity({ ...base, folder: '/x', title: 'Q1 <b>strategy</b> offsite', people: ['alice'] });
    const { index } = await indexOf({ [`docs/influence/${plan.path.slice('/x/'.length)}`]: plan.content });
    const [r] = index.records('activity');
    assert.deepStrictEqual([r.title, r.date, r.activityType, r.people], ['Q1 <b>strategy</b> offsite', '2026-02-03', 'design-review', ['alice']]);
  });
});

describe('linking a pull request into front matter', () => {
  const URL = 'https://github.com/acme/shop/pull/42';

  it('appends to a block list, keeping CRLF, BOM, comments, key order and scalar types', () => {
    const text =
      '\uFEFF---\r\n# owner: platform\r\nstatus: proposed # still open\r\nenabled: no\r\nversion: 012\r\npullRequests:\r\n  - https://github.com/acme/shop/pull/1  # first\r\n  # a comment\r\n  - https://github.com/acme/shop/pull/2\r\n\r\nlast: "x"\r\n---\r\nBody\r\n';
    const edit = addPullRequestLink(text, URL);
    assert.strictEqual(edit.outcome, 'added');
    assert.strictEqual(edit.text, text.replace('  - https://github.com/acme/shop/pull/2\r\n', `  - https://github.com/acme/shop/pull/2\r\n  - ${URL}\r\n`));
    assert.deepStrictEqual(addPullRequestLink(edit.text, `${URL}/`), { text: edit.text, outcome: 'already-linked' });
  });

  it('adds the key when it is absent, and front matter when there is none', () => {
    const text = '---\nstatus: accepted\nenabled: no\nversion: 012\n---\n# T\n';
    assert.strictEqual(addPullRequestLink(text, URL).text, `---\nstatus: accepted\nenabled: no\nversion: 012\npullRequests:\n  - ${URL}\n---\n# T\n`);
    assert.strictEqual(
      addPullRequestLink('# 1. Use Kafka\r\n\r\nDate: 2026-01-01\r\n', URL).text,
      `---\r\npullRequests:\r\n  - ${URL}\r\n---\r\n# 1. Use Kafka\r\n\r\nDate: 2026-01-01\r\n`,
    );
    assert.strictEqual(addPullRequestLink('\uFEFF# T\n', URL).text, `\uFEFF---\npullRequests:\n  - ${URL}\n---\n# T\n`);
    assert.strictEqual(addPullRequestLink('', URL).text, `---\npullRequests:\n  - ${URL}\n---\n`);
    assert.strictEqual(addPullRequestLink('---\n---\nBody\n', URL).text, `---\npullRequests:\n  - ${URL}\n---\nBody\n`);
  });

  it('extends flow lists, empty keys, nulls and comma strings; items at column 0; the alias key', () => {
    const cases: [string, string][] = [
      ['pullRequests: []', `pullRequests: [${URL}]`],
      ['pullRequests: [ https://a.test/1 ]  # c', `pullRequests: [ https://a.test/1, ${URL} ]  # c`],
      ['pullRequests: ["https://a.test/1"]', `pullRequests: ["https://a.test/1", ${URL}]`],
      ['pullRequests: &prs [https://a.test/1]', `pullRequests: &prs [https://a.test/1, ${URL}]`],
      ['pullRequests:', `pullRequests:\n  - ${URL}`],
      ['pullRequests: ~', `pullRequests: [${URL}]`],
      ['pullRequests: https://a.test/1, https://a.test/2', `pullRequests: [https://a.test/1, https://a.test/2, ${URL}]`],
      ['pullRequests:\n- https://a.test/1\nnext: x', `pullRequests:\n- https://a.test/1\n- ${URL}\nnext: x`],
      ['pull-requests:\n    - https://a.test/1', `pull-requests:\n    - https://a.test/1\n    - ${URL}`],
      ['pullRequests:\npull-requests: [https://a.test/1]', `pullRequests:\npull-requests: [https://a.test/1, ${URL}]`],
      ['pullRequests: []\npull-requests: [https://a.test/1]', `pullRequests: [${URL}]\npull-requests: [https://a.test/1]`],
    ];
    for (const [before, after] of cases) {
      const text = `---\ntitle: T\n${before}\nother: yes\n---\nBody\n`;
      const edit = addPullRequestLink(text, URL);
      assert.deepStrictEqual([edit.outcome, edit.text], ['added', `---\ntitle: T\n${after}\nother: yes\n---\nBody\n`], before);
    }
  });

  it('leaves alone what it cannot edit safely, with a reason; never a duplicate', () => {
    for (const text of [
      '---\n{pullRequests: [https://a.test/1]}\n---\n',
      '---\npullRequests: [https://a.test/1,\n  https://a.test/2]\n---\n',
      '---\npullRequests: |\n  https://a.test/1\n---\n',
      '---\npullRequests:\n  url: https://a.test/1\n---\n',
      '---\npullRequests: 12\n---\n',
      '---\nstatus: [x\n---\n',
      '---\nstatus: open\n',
    ]) {
      const edit = addPullRequestLink(text, URL);
      assert.strictEqual(edit.outcome, 'unsupported', text);
      assert.strictEqual(edit.text, text);
      assert.ok(edit.reason && edit.reason.length > 10, text);
    }
    assert.strictEqual(addPullRequestLink('---\npullRequests: [https://a.test/1]\n---\n', 'two words').outcome, 'unsupported');
    const twice = `---\npullRequests: [${URL.toUpperCase()}]\n---\n`;
    assert.strictEqual(addPullRequestLink(twice, URL).outcome, 'already-linked');
  });
});

describe('activity links in the index', () => {
  it('an activity naming ADR-0001 links to that record in index --json', async () => {
    const root = makeTempDir();
    writeFiles(root, {
      'docs/adr/0001-pick-db.md': '# 1. Pick db\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n',
      'docs/influence/2026/2026-08-01-x.md': '---\ndate: 2026-08-01\ntype: decision\ntitle: X\ndecisions: [ADR-0001, no-such-thing]\n---\n# X\n',
    });
    const { code, stdout } = await runCli(['index', '--json', '--root', root]);
    assert.strictEqual(code, 0);
    const report = JSON.parse(stdout) as { records: { kind: string; links: { kind: string; target: string }[] }[]; problems: { code: string }[] };
    const activity = report.records.find((r) => r.kind === 'activity')!;
    assert.deepStrictEqual(
      activity.links.map((l) => l.target),
      ['docs/adr/0001-pick-db.md', 'no-such-thing'],
    );
    assert.ok(!report.problems.some((p) => p.code === 'unknown-reference' || p.code === 'broken-link'));
  });

  it('an activity whose date is no readable day says so, whether its file name dates it or nothing does', async () => {
    const activity = (date: string): string => `---\ndate: ${date}\ntype: mentoring\ntitle: Walkthrough\npeople: [bob]\n---\n\n# Walkthrough\n`;
    const { index } = await indexOf({
      'docs/influence/2026/2026-03-02-walkthrough.md': activity('2026-13-45'),
      'docs/influence/2026/walkthrough.md': activity('2026-02-31'),
      'docs/influence/2026/2026-03-04-fine.md': activity('2026-03-04'),
    });
    const dates = index.problems().filter((p) => p.code === 'missing-date');
    assert.deepStrictEqual(
      dates.map((p) => [p.path.slice(p.path.lastIndexOf('/') + 1), p.severity, p.message]),
      [
        [
          '2026-03-02-walkthrough.md',
          'warning',
          'The `date` "2026-13-45" is no readable day (YYYY-MM-DD); this activity is dated 2026-03-02 from its file name.',
        ],
        ['walkthrough.md', 'warning', 'The `date` "2026-02-31" is no readable day (YYYY-MM-DD); this activity is left out of dated reports.'],
      ],
    );
    assert.strictEqual(byName(index, '2026-03-02-walkthrough.md').date, '2026-03-02');
  });
});
