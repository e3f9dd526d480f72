import * as assert from 'assert';
import { Writable } from 'stream';
import { MappedList, writeJson } from '../../src/cli/jsonOutput';

function written(document: Record<string, unknown>): { text: string; writes: number } {
  let text = '';
  let writes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      text += chunk.toString();
      writes++;
      done();
    },
  });
  writeJson(sink, document);
  return { text, writes };
}

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
