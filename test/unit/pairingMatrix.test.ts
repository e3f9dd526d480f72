import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { PairingSession } from '../../src/core/people/pairing';
import { buildPairingMatrix, heatLevel, pairingMatrixHtml } from '../../src/core/people/pairingMatrix';

const detected = (date: string, people: string[], commit: string, subject = 'Work'): PairingSession => ({
  date,
  people,
  source: 'co-authored',
  commit,
  path: null,
  subject,
});
const logged = (date: string, people: string[], path: string, commits: string[] = []): PairingSession => ({
  date,
  people,
  source: 'logged',
  commit: null,
  path,
  commits,
});
const names: Record<string, string> = { alice: 'Alice <Admin>', 'dana@example.com': 'Dana Lead', 'sam@example.com': 'Sam Staff' };
const nameOf = (k: string): string => names[k] ?? k;
const page = {
  windowLabel: 'all history',
  windows: ['Last 30 days', 'All history'],
  currentWindow: 1,
  openable: ['/r/docs/mentoring/alice/2026-01-05-pairing.md'],
};

describe('pairing matrix', () => {
  it('counts each pair once per session; a detected session a logged one covers is not counted again', () => {
    const sessions = [
      logged('2026-01-05', ['alice', 'dana@example.com'], '/r/docs/mentoring/alice/2026-01-05-pairing.md', ['abcdef1']),
      detected('2026-01-05', ['dana@example.com', 'alice'], 'abcdef1234567890'),
      detected('2026-01-06', ['dana@example.com', 'alice'], '1111111234567890'),
      detected('2026-01-07', ['dana@example.com', 'alice', 'sam@example.com'], '2222222234567890'),
      detected('2026-01-08', ['sam@example.com'], '3333333234567890'),
    ];
    const m = buildPairingMatrix(sessions, nameOf);
    assert.deepStrictEqual(
      m.people.map((p) => [p.name, p.total]),
      [
        ['Alice <Admin>', 3],
        ['Dana Lead', 3],
        ['Sam Staff', 1],
      ],
    );
    assert.deepStrictEqual(
      m.pairs.map((p) => [m.people[p.a].name, m.people[p.b].name, p.count]),
      [
        ['Alice <Admin>', 'Dana Lead', 3],
        ['Alice <Admin>', 'Sam Staff', 1],
        ['Dana Lead', 'Sam Staff', 1],
      ],
    );
    assert.strictEqual(m.max, 3);
    assert.strictEqual(m.logged, 1);
    assert.strictEqual(m.detected, 2);
  });

  it('shades cells by the share of the busiest pair', () => {
    assert.deepStrictEqual(
      [0, 1, 2, 3, 4].map((n) => heatLevel(n, 4)),
      [0, 1, 2, 3, 4],
    );
    assert.strictEqual(heatLevel(1, 100), 1, 'any session shows');
    assert.strictEqual(heatLevel(0, 0), 0);
  });

  it('renders an accessible table with every text escaped, and a list of the pairs with open buttons for logged sessions', () => {
    const m = buildPairingMatrix(
      [
        logged('2026-01-05', ['alice', 'dana@example.com'], '/r/docs/mentoring/alice/2026-01-05-pairing.md'),
        detected('2026-01-06', ['alice', 'dana@example.com'], '1111111234567890'),
      ],
      nameOf,
    );
    const html = pairingMatrixHtml(m, page);
    assert.ok(!html.includes('<Admin>'), 'names are escaped');
    assert.match(html, /<th scope="col" title="Alice &lt;Admin&gt; \(alice\)"><span>Alice &lt;Admin&gt;<\/span><\/th>/);
    assert.match(html, /<th scope="row" title="dana@example\.com">Dana Lead<\/th>/);
    assert.match(html, /aria-label="Alice &lt;Admin&gt; and Dana Lead: 2 sessions"/);
    assert.match(html, /<td class="self" data-row="0" data-col="0" tabindex="-1" aria-label="Alice &lt;Admin&gt;: same person">/);
    assert.match(html, /<button type="button" class="link" data-open="0" title="Open the logged session">2026-01-05<\/button>/);
    assert.match(html, /<span title="detected from commit 111111123456">2026-01-06\*<\/span>/);
    assert.match(html, /<button type="button" class="window" data-window="1" aria-pressed="true">All history<\/button>/);
  });

  it('says so when nobody paired, and caps the table at the busiest people', () => {
    assert.match(pairingMatrixHtml(buildPairingMatrix([], nameOf), page), /No pairing in this window/);
    const many = Array.from({ length: 5 }, (_, i) => detected('2026-01-05', ['hub', `p${i}`], `${i}`.repeat(7)));
    const m = buildPairingMatrix(many, nameOf, 3);
    assert.deepStrictEqual(
      m.people.map((p) => p.key),
      ['hub', 'p0', 'p1'],
    );
    assert.strictEqual(m.hidden, 3);
    assert.match(pairingMatrixHtml(m, page), /3 more people paired less and are not shown/);
  });
});

describe('heat-map column headers', () => {
  /** The declarations of `selector`'s rule in a media/ stylesheet, as property → value. */
  function rule(file: string, selector: string): Map<string, string> {
    const css = fs.readFileSync(path.join(__dirname, '../../../media', file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const found = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].find((m) => m[1].split(',').some((s) => s.trim() === selector));
    assert.ok(found, `no rule for ${selector} in ${file}`);
    return new Map(
      found[2]
        .split(';')
        .filter((d) => d.includes(':'))
        .map((d) => [d.slice(0, d.indexOf(':')).trim(), d.slice(d.indexOf(':') + 1).trim()]),
    );
  }

  for (const [file, table] of [
    ['webview.css', '.pairing-matrix'],
    ['dashboard.css', '.pairs'],
  ]) {
    it(`${file}: headers are as tall as the longest name (no fixed band) and long names are cut with an ellipsis`, () => {
      const th = rule(file, `${table} thead th`);
      assert.ok(!th.has('height') && !th.has('min-height'), `a fixed header height leaves an empty band: ${[...th].join('; ')}`);
      const span = rule(file, `${table} thead th span`);
      assert.strictEqual(span.get('writing-mode'), 'vertical-rl');
      assert.match(span.get('max-height') ?? '', /^\d+(\.\d+)?em$/, 'long names stop somewhere');
      assert.strictEqual(span.get('overflow'), 'hidden');
      assert.strictEqual(span.get('text-overflow'), 'ellipsis');
      assert.strictEqual(span.get('white-space'), 'nowrap');
    });
  }
});
