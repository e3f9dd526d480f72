import * as assert from 'assert';
import { parse } from 'yaml';
import { parseSimpleYaml } from '../../src/core/records/simpleYaml';
import { readFrontMatter } from '../../src/core/records/frontMatter';

/** The fast path must read exactly what the YAML library reads, or decline. */
describe('front matter fast path', () => {
  const accepted = [
    'status: accepted\ndate: 2026-03-01\ndecision-makers: Dana Lead, Sam Staff',
    'title: Search rewrite\nauthors: [dana, sam]\nreviewers: []\n# a comment\n',
    'goals:\n  - Lead a design review\n  - Own the on-call rota\ncadence: weekly',
    'status: superseded by ADR-0005\r\ndate: 2026-03-01\r\n',
    'kind: one-on-one\nwith: [alice]\ntopics: [testing, career growth]',
    'url: https://example.com/a/b',
  ];
  const declined = [
    'status: "accepted"',
    "status: 'accepted'",
    'duration: 60',
    'private: true',
    'date: ~',
    'x: null',
    'nested:\n  key: value',
    'list: [a, [b]]',
    'anchor: &a value',
    'alias: *a',
    'tagged: !!str x',
    'folded: >\n  text',
    'text: a: b',
    'text: a #comment',
    'weird: .inf',
    'hex: 0x1F',
    'status: [accepted',
    'key with space: x',
    '- top level list',
    'items:\n  - "quoted"',
  ];

  for (const text of accepted) {
    it(`reads ${JSON.stringify(text.slice(0, 40))} as the YAML library does`, () => {
      const fast = parseSimpleYaml(text);
      assert.ok(fast, 'the fast path accepts it');
      assert.deepStrictEqual({ ...fast }, parse(text, { schema: 'core' }));
    });
  }

  it('declines everything that is not a flat mapping of plain strings', () => {
    for (const text of declined) assert.strictEqual(parseSimpleYaml(text), undefined, text);
  });

  it('declined front matter still reads correctly through the full parser', () => {
    const fm = readFrontMatter('---\nduration: 60\nprivate: true\nstatus: "accepted"\nnested:\n  key: value\n---\n# T\n');
    assert.deepStrictEqual({ ...fm.data }, { duration: 60, private: true, status: 'accepted', nested: { key: 'value' } });
    assert.strictEqual(fm.body, '# T\n');
    assert.strictEqual(fm.bodyLine, 7);
  });
});
