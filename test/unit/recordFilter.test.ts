import * as assert from 'assert';
import { matchesFilter, parseRecordFilter } from '../../src/core/listing/recordFilter';
import { recordLabel } from '../../src/core/records/recordLabels';
import { nygardAdr } from '../fixtures/recordText';
import { indexOf } from './helpers';

describe('view filter', () => {
  it('matches words, numbers and status: terms together, ignoring case and accents', async () => {
    const { index } = await indexOf({
      'doc/adr/0007-use-postgresql.md': nygardAdr({ number: 7, title: 'Use PostgreSQL' }),
      'doc/adr/0012-use-kafka.md': nygardAdr({ number: 12, title: 'Use Kafka for events', status: 'Proposed' }),
      'doc/adr/0013-cafe.md': nygardAdr({ number: 13, title: 'Café ordering service' }),
      'doc/adr/0017-seventeen.md': nygardAdr({ number: 17, title: 'Seventeen' }),
    });
    const labels = (q: string): string[] =>
      index
        .records()
        .filter((r) => matchesFilter(r, parseRecordFilter(q)))
        .map(recordLabel)
        .sort();
    assert.deepStrictEqual(labels('kafka'), ['0012 Use Kafka for events']);
    assert.deepStrictEqual(labels('USE'), ['0007 Use PostgreSQL', '0012 Use Kafka for events']);
    assert.deepStrictEqual(labels('status:proposed'), ['0012 Use Kafka for events']);
    assert.deepStrictEqual(labels('s:accepted use'), ['0007 Use PostgreSQL']);
    assert.deepStrictEqual(labels('7'), ['0007 Use PostgreSQL']);
    assert.deepStrictEqual(labels('cafe'), ['0013 Café ordering service']);
    assert.deepStrictEqual(labels('nothing-like-this'), []);
    assert.strictEqual(parseRecordFilter('   '), undefined);
  });
});
