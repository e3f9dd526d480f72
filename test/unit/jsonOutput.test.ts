import * as assert from 'assert';
import { Writable } from 'stream';
import { writeJson } from '../../src/cli/jsonOutput';

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
      { pullRequests: [{ number: 1, url: null, title: 'Line\nbreak "quoted" \u2028 李', authors: [{ name: 'A', email: 'a@x' }], coAuthors: [], linkedRecords: ['docs/a.md'] }] },
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
});
