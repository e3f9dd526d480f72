import * as assert from 'assert';
import { addMissingSide, missingSide } from '../../src/core/decisions/oneSidedLinks';
import { nygardAdr } from '../fixtures/recordText';
import { indexOf } from './helpers';

describe('quick fix: the missing side of a one-sided link', () => {
  it('"7 supersedes 2" without the link back: the fix marks 2 superseded by 7, and the index then reports no problem', async () => {
    const files = {
      'doc/adr/0002-use-postgresql.md': nygardAdr({ number: 2, title: 'Use PostgreSQL' }),
      'doc/adr/0007-use-redis.md': nygardAdr({ number: 7, title: 'Use Redis', statusLines: ['Supersedes [2. Use PostgreSQL](0002-use-postgresql.md)'] }),
    };
    const { index } = await indexOf(files);
    assert.deepStrictEqual(
      index.problems().map((p) => p.code),
      ['one-sided-link'],
    );
    const problem = index.problems()[0];
    const from = index.record(problem.path)!;
    const side = missingSide(from, problem.line, (t) => index.record(index.resolveLink(from, t)))!;
    assert.strictEqual(side.to.number, 2);
    assert.strictEqual(side.kind, 'superseded-by');
    const fixed = addMissingSide(side, files['doc/adr/0002-use-postgresql.md']);
    assert.strictEqual(
      fixed,
      files['doc/adr/0002-use-postgresql.md'].replace('## Status\n\nAccepted\n\n', '## Status\n\nSuperseded by [7. Use Redis](0007-use-redis.md)\n\n'),
    );
    const again = await indexOf({ ...files, 'doc/adr/0002-use-postgresql.md': fixed });
    assert.deepStrictEqual(again.index.problems(), []);
    // Nothing is missing any more.
    const from2 = again.index.records().find((r) => r.number === 7)!;
    assert.strictEqual(
      missingSide(from2, undefined, (t) => again.index.record(again.index.resolveLink(from2, t))),
      undefined,
    );
  });

  it('"superseded by" without the "supersedes" back: the fix adds Supersedes to the newer record', async () => {
    const files = {
      'doc/adr/0002-use-postgresql.md': nygardAdr({
        number: 2,
        title: 'Use PostgreSQL',
        status: '',
        statusLines: ['Superseded by [7. Use Redis](0007-use-redis.md)'],
      }),
      'doc/adr/0007-use-redis.md': nygardAdr({ number: 7, title: 'Use Redis' }),
    };
    const { index } = await indexOf(files);
    const from = index.records().find((r) => r.number === 2)!;
    const side = missingSide(from, undefined, (t) => index.record(index.resolveLink(from, t)))!;
    assert.strictEqual(side.kind, 'supersedes');
    assert.strictEqual(
      addMissingSide(side, files['doc/adr/0007-use-redis.md']),
      files['doc/adr/0007-use-redis.md'].replace(
        '## Status\n\nAccepted\n\n',
        '## Status\n\nAccepted\n\nSupersedes [2. Use PostgreSQL](0002-use-postgresql.md)\n\n',
      ),
    );
  });

  it('adr-tools writes both sides of Clarifies and Extends too: one side alone is one-sided-link, and the fix writes the other', async () => {
    const files = {
      'doc/adr/0002-use-postgresql.md': nygardAdr({ number: 2, title: 'Use PostgreSQL' }),
      'doc/adr/0007-tune-vacuum.md': nygardAdr({ number: 7, title: 'Tune vacuum', statusLines: ['Clarifies [2. Use PostgreSQL](0002-use-postgresql.md)'] }),
      'doc/adr/0008-add-replicas.md': nygardAdr({ number: 8, title: 'Add replicas', statusLines: ['Extends [2. Use PostgreSQL](0002-use-postgresql.md)'] }),
      // A verb adr-tools' documentation has no pair for is not checked.
      'doc/adr/0009-read-only.md': nygardAdr({ number: 9, title: 'Read only', statusLines: ['Is blocked by [2. Use PostgreSQL](0002-use-postgresql.md)'] }),
    };
    const { index } = await indexOf(files);
    assert.deepStrictEqual(
      index.problems().map((p) => `${p.path.split('/').pop()} ${p.code} ${p.message}`),
      [
        '0007-tune-vacuum.md one-sided-link This record says it clarifies 0002-use-postgresql.md, but that record does not say it is clarified by this one.',
        '0008-add-replicas.md one-sided-link This record says it extends 0002-use-postgresql.md, but that record does not say it is extended by this one.',
      ],
    );
    const from = index.records().find((r) => r.number === 7)!;
    const side = missingSide(from, undefined, (t) => index.record(index.resolveLink(from, t)))!;
    const fixed = addMissingSide(side, files['doc/adr/0002-use-postgresql.md']);
    assert.match(fixed, /\nClarified by \[7\. Tune vacuum\]\(0007-tune-vacuum\.md\)\n/);
    const again = await indexOf({ ...files, 'doc/adr/0002-use-postgresql.md': fixed });
    assert.deepStrictEqual(
      again.index.problems().map((p) => p.path.split('/').pop()),
      ['0008-add-replicas.md'],
    );
  });
});
