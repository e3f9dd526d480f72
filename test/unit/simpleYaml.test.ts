import * as assert from 'assert';
import { parse } from 'yaml';
import { parseSimpleYaml } from '../../src/core/records/simpleYaml';
import { parseYamlMapping, readFrontMatter } from '../../src/core/records/frontMatter';
import { frontMatterVariant, Kind, seededRandom, withCrlf } from '../fixtures/frontMatterVariants';

/** What the full parser (the `yaml` library, core schema, as front matter is read) gives, or undefined on an error. */
function fullParser(text: string): Record<string, unknown> | undefined {
  const r = parseYamlMapping(text);
  return r.error ? undefined : r.data;
}

/** The fast path must read exactly what the YAML library reads, or decline. */
function assertAgrees(text: string): Record<string, unknown> | undefined {
  const fast = parseSimpleYaml(text);
  if (fast !== undefined) assert.deepStrictEqual(fast, fullParser(text), `fast path and yaml differ on:\n${text}`);
  return fast;
}

describe('front matter fast path', () => {
  const accepted = [
    'status: accepted\ndate: 2026-03-01\ndecision-makers: Dana Lead, Sam Staff',
    'title: Search rewrite\nauthors: [dana, sam]\nreviewers: []\n# a comment\n',
    'goals:\n  - Lead a design review\n  - Own the on-call rota\ncadence: weekly',
    'status: superseded by ADR-0005\r\ndate: 2026-03-01\r\n',
    'kind: one-on-one\nwith: [alice]\ntopics: [testing, career growth]',
    'url: https://example.com/a/b',
    'status: "accepted"',
    "status: 'accepted'",
    'duration: 60',
    'private: true',
    'date: ~',
    'x: null',
    'nested:\n  key: value',
    'folded: >\n  text',
    'text: a #comment',
    'items:\n  - "quoted"',
    'title: "ADR-12: Use Kafka" # quoted because of the colon\nstatus: accepted',
    "title: 'It''s a #hash'\ntags: ['a b', \"c, d\", e]",
    'empty:\nnext: 1\nfloat: 1.5\nno: False',
    'block: |\n  line one\n    indented\n\n  after a blank\nnext: x',
    'kept: |+\n  a\n\nstripped: >-\n  a\n  b\n\n  c\nend: ~',
    'list:\n- compact\n- items\nnext: [ ]',
    'review:\n  approver: dana\n  checklist:\n    - security\n  # a note\n  date: 2026-01-01T10:00:00Z',
    '__proto__: plain data\nconstructor: also',
    'date: 2026-03-01\ntime: 2026-03-01 10:00',
    'escaped: "a\\"b\\\\c\\n\\t/"',
    'anchor: &a value',
    'owner: &lead Dana Lead\nreviewer: *lead\nalso: *lead # the same person',
    'review:\n  approver: &who "Sam Staff"\nowner: *who\nn: &n 5\nm: *n\nnothing: &z ~\nz: *z',
    'first: &x one\nx: *x\nfirst-again: &x two\ny: *x',
  ];
  const declined = [
    'list: [a, [b]]',
    'alias: *a',
    'later: *a\nanchor: &a value',
    'list: &a [x, y]\nagain: *a',
    'map: &a\n  k: v',
    'items:\n  - &a x\n  - *a',
    'odd: &a.b x\nagain: *a.b',
    'double: &a &b x',
    'aliased: &a *a',
    'many: &a x\n' + Array.from({ length: 11 }, (_, i) => `k${i}: *a`).join('\n'),
    'tagged: !!str x',
    'text: a: b',
    'weird: .inf',
    'hex: 0x1F',
    'status: [accepted',
    'key with space: x',
    '- top level list',
    'map: {a: 1}',
    'multi: first\n  continued',
    'quoted: "first\n  continued"',
    'unicode: "\\u00e9"',
    'tab:\tvalue',
    'seqmap:\n  - key: value',
    'big: 12345678901234567890',
    'octal: 0o17',
    'lead: 007',
    'sign: +1',
    'explicit: |2\n   x',
    'nested:\n  __proto__: x',
  ];

  for (const text of accepted) {
    it(`reads ${JSON.stringify(text.slice(0, 40))} as the YAML library does`, () => {
      const fast = assertAgrees(text);
      assert.ok(fast, 'the fast path accepts it');
      assert.deepStrictEqual({ ...fast }, parse(text, { schema: 'core' }));
    });
  }

  it('declines aliases of nothing, anchored lists and maps, anchors in lists, tags, flow maps, multi-line plain and quoted scalars, odd numbers and escapes', () => {
    for (const text of declined) assert.strictEqual(parseSimpleYaml(text), undefined, text);
  });

  it('agrees with the YAML library on thousands of generated front matters, and reads every ordinary one itself', () => {
    const rnd = seededRandom(7);
    const kinds: Kind[] = ['decision', 'design', 'person', 'session', 'activity'];
    let ordinary = 0;
    let read = 0;
    for (let i = 0; i < 2500; i++) {
      const v = frontMatterVariant(rnd, kinds[i % kinds.length], `Decision ${i}: use the ${i % 7} cache`);
      const text = i % 10 === 0 ? withCrlf(v.yaml) : v.yaml;
      assert.ok(fullParser(text), `the generator wrote YAML the library rejects:\n${text}`);
      const fast = assertAgrees(text);
      if (v.ordinary) {
        ordinary++;
        assert.ok(fast, `the fast path declined ordinary front matter:\n${text}`);
      }
      if (fast) read++;
    }
    assert.ok(ordinary > 2400 && read >= ordinary, `${read} of ${ordinary} ordinary read by the fast path`);
  });

  it('agrees with the YAML library on small edits of generated front matter (or declines)', () => {
    const rnd = seededRandom(11);
    const edits = [' ', '#', ':', ': ', '"', "'", '-', '- ', '[', ']', ',', '|', '>', '\n', '\n  ', '  ', '~', '1', '.', '\\', '&', '*', '!', '{', '\r\n'];
    for (let i = 0; i < 2500; i++) {
      const v = frontMatterVariant(rnd, (['decision', 'design', 'person', 'session', 'activity'] as Kind[])[i % 5], 'T');
      const at = Math.floor(rnd() * v.yaml.length);
      const edit = edits[Math.floor(rnd() * edits.length)];
      const text = rnd() < 0.5 ? v.yaml.slice(0, at) + edit + v.yaml.slice(at) : v.yaml.slice(0, at) + v.yaml.slice(at + 1);
      const fast = parseSimpleYaml(text);
      if (fast !== undefined) assert.deepStrictEqual(fast, fullParser(text), `fast path and yaml differ on:\n${JSON.stringify(text)}`);
    }
  });

  it('declines unclosed flow lists and maps, unclosed quotes and stray brackets, as the YAML library refuses them', () => {
    const broken = [
      'tags: [a',
      'tags: [a, b',
      'tags: [a, b\ntitle: x',
      'tags: {a',
      'tags: {a: 1',
      'title: "abc',
      "title: 'abc",
      'tags: [a]]',
      'tags: [a] x',
      'tags: ["a, b]',
      "tags: ['a, b]",
      'tags: [a,, b]',
      'tags: ]a',
      'tags:\n  - [a\n  - b',
      'tags: "a" b',
      'tags: [a #c]',
      'tags: [- a]',
      'tags: ["a\\qb"]',
    ];
    for (const text of broken) {
      assert.strictEqual(parseSimpleYaml(text), undefined, text);
      assert.ok(parseYamlMapping(text).error, `the YAML library refuses ${JSON.stringify(text)}`);
    }
    // Shapes near them that are YAML: the fast path reads them as the library does, or declines.
    for (const text of [
      'tags: a]',
      'tags: a}',
      'tags: [a, b,]',
      'tags: [a\n  , b]',
      'tags: [a, b] #c',
      'tags: a, [b',
      'tags: [a b]',
      'tags: [?a]',
      'tags: [-a]',
    ]) {
      assertAgrees(text);
      assert.ok(!parseYamlMapping(text).error, text);
    }
  });

  it('reads what it can of front matter the YAML library refuses, line by line, and makes nothing up from broken values', () => {
    const read = (yaml: string): Record<string, unknown> => {
      const r = parseYamlMapping(yaml);
      assert.strictEqual(r.error?.code, 'malformed-front-matter', yaml);
      return { ...r.data };
    };
    assert.deepStrictEqual(read('title: ADR001: Use X\ntags: [a\nstatus: accepted'), { title: 'ADR001: Use X', status: 'accepted' });
    assert.deepStrictEqual(read('tags: [a, b] # kept\nstatus: "accepted" # quoted\ndate: [2026'), { tags: ['a', 'b'], status: 'accepted' });
    assert.deepStrictEqual(read('title: "Use X\ndeciders: {dana'), {});
    assert.deepStrictEqual(read('title: x: y # note\nowner: *nobody\nkind: !!str y\nz: [a'), { title: 'x: y', kind: 'y' });
  });

  it('declined front matter still reads correctly through the full parser', () => {
    const fm = readFrontMatter('---\nduration: 60\nprivate: true\nstatus: "accepted"\nnested:\n  key: value\nowner: &o dana\nreviewer: *o\n---\n# T\n');
    assert.deepStrictEqual({ ...fm.data }, { duration: 60, private: true, status: 'accepted', nested: { key: 'value' }, owner: 'dana', reviewer: 'dana' });
    assert.strictEqual(fm.body, '# T\n');
    assert.strictEqual(fm.bodyLine, 9);
  });
});
