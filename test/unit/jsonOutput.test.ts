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

describe('JSON lists printed a batch at a time (writeJson)', () => {
  it('writes exactly what JSON.stringify(document, null, 2) writes, plus a newline', () => {
    const pr = {
      number: 1,
      url: null,
      title: 'Line\nbreak "quoted" \u2028 李',
      authors: [{ name: 'A', email: 'a@x' }],
      coAuthors: [],
      linkedRecords: ['docs/a.md'],
      skipped: undefined,
    };
    const documents: Record<string, unknown[]>[] = [
      {},
      { pullRequests: [] },
      { sessions: [], pairs: [] },
      { pullRequests: [pr] },
      { sessions: [1, 'two', null, undefined, { f: [] }, [2, [[]]]], pairs: [{ people: ['a', 'b'], count: 2 }] },
      // More than one batch, and a batch boundary inside the second list.
      { sessions: Array.from({ length: 1000 }, (_, i) => ({ n: i, nested: { deep: [i, { x: `${i}` }] } })), pairs: Array.from({ length: 513 }, (_, i) => [i]) },
    ];
    for (const d of documents) {
      const mapped = Object.fromEntries(Object.entries(d).map(([key, items]) => [key, new MappedList(items, (x) => x)]));
      assert.strictEqual(written(d).text, `${JSON.stringify(d, null, 2)}\n`, JSON.stringify(d).slice(0, 200));
      assert.strictEqual(written(mapped).text, `${JSON.stringify(d, null, 2)}\n`, JSON.stringify(d).slice(0, 200));
    }
  });

  it('prints each item as the mapping makes it, and a long list in pieces', () => {
    const items = Array.from({ length: 20000 }, (_, i) => i);
    const { text, writes } = written({ items: new MappedList(items, (i) => ({ n: i, title: `item ${i}` })) });
    assert.strictEqual(text, `${JSON.stringify({ items: items.map((i) => ({ n: i, title: `item ${i}` })) }, null, 2)}\n`);
    assert.ok(writes > 10, `${writes} writes`);
  });
});
