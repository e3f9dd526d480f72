import * as assert from 'assert';
import { Writable } from 'stream';
import { MappedList, writeJson } from '../../src/cli/jsonOutput';

function written(value: Record<string, unknown>): { text: string; writes: number } {
  let text = '';
  let writes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      text += chunk.toString();
      writes++;
      done();
    },
  });
  writeJson(sink, value);
  return { text, writes };
}

describe('streamed JSON output', () => {
  it('writes exactly what JSON.stringify(value, null, 2) writes, plus a newline', () => {
    const values: Record<string, unknown>[] = [
      {},
      { records: [] },
      { records: [], problems: [] },
      { a: 1, b: 'x', c: null, d: undefined, e: [1, 'two', null, undefined, { f: [] }], g: { h: { i: [1, [2, []]] } } },
      {
        pullRequests: [
          {
            number: 1,
            url: null,
            title: 'Line\nbreak "quoted" \u2028 李',
            authors: [{ name: 'A', email: 'a@x' }],
            coAuthors: [],
            linkedRecords: ['docs/a.md'],
          },
        ],
      },
      { only: undefined },
    ];
    for (const v of values) assert.strictEqual(written(v).text, `${JSON.stringify(v, null, 2)}\n`, JSON.stringify(v));
  });

  it('writes a long list in pieces, not as one string', () => {
    const v = { items: Array.from({ length: 20000 }, (_, i) => ({ n: i, title: `item ${i}`, tags: ['a', 'b'] })) };
    const { text, writes } = written(v);
    assert.strictEqual(text, `${JSON.stringify(v, null, 2)}\n`);
    assert.ok(writes > 10, `${writes} writes`);
  });

  it('writes a mapped list as the mapped array, making each element only as it is written', () => {
    const items = Array.from({ length: 5000 }, (_, i) => i);
    let made = 0;
    let writesWhenLastMade = -1;
    let writes = 0;
    let text = '';
    const sink = new Writable({
      write(chunk: Buffer, _e, done) {
        text += chunk.toString();
        writes++;
        done();
      },
    });
    const list = new MappedList(items, (i) => {
      made++;
      if (i === items.length - 1) writesWhenLastMade = writes;
      return { n: i, title: `item "${i}"\n`, tags: i % 2 ? [] : ['a'] };
    });
    const expected = {
      records: items.map((i) => ({ n: i, title: `item "${i}"\n`, tags: i % 2 ? [] : ['a'] })),
      empty: new MappedList([], () => 1),
      problems: [],
    };
    writeJson(sink, { records: list, empty: new MappedList([], () => 1), problems: [] });
    assert.strictEqual(text, `${JSON.stringify(expected, null, 2)}\n`);
    assert.strictEqual(made, items.length);
    assert.ok(writesWhenLastMade > 3, `the first elements were written before the last was made (${writesWhenLastMade} writes before)`);
    assert.strictEqual(JSON.stringify({ list }), JSON.stringify({ list: expected.records }));
  });
});
