import * as assert from 'assert';
import { decisionIndexBody, INDEX_END, INDEX_START, updateDecisionIndex } from '../../src/core/decisions/decisionIndex';
import { nygardAdr } from '../fixtures/recordText';
import { indexOf } from './helpers';

describe('decision index file', () => {
  it('lists records as adr-tools toc lines or a table, and updates only its own block', async () => {
    const { index } = await indexOf({
      'doc/adr/0002-use-kafka.md': nygardAdr({ number: 2, title: 'Use Kafka | events', status: 'Proposed' }),
      'doc/adr/0001-record-architecture-decisions.md': nygardAdr({ number: 1, title: 'Record architecture decisions', date: '2026-01-05' }),
    });
    const toc = decisionIndexBody(index.records(), 'toc');
    assert.strictEqual(toc, '* [1. Record architecture decisions](0001-record-architecture-decisions.md)\n* [2. Use Kafka | events](0002-use-kafka.md)');
    const table = decisionIndexBody(index.records(), 'table');
    assert.strictEqual(table.split('\n')[3], '| 2 | [Use Kafka \\| events](0002-use-kafka.md) | Proposed | 2026-01-05 |');
    const fresh = updateDecisionIndex(undefined, toc);
    assert.strictEqual(fresh, `# Architecture Decision Records\n\n${INDEX_START}\n${toc}\n${INDEX_END}\n`);
    const handWritten = `# Our decisions\n\nWritten by hand.\n\n${INDEX_START}\nold list\n${INDEX_END}\n\nFooter.\n`;
    assert.strictEqual(
      updateDecisionIndex(handWritten, 'new list'),
      `# Our decisions\n\nWritten by hand.\n\n${INDEX_START}\nnew list\n${INDEX_END}\n\nFooter.\n`,
    );
    assert.strictEqual(updateDecisionIndex('# Notes\n', 'x'), `# Notes\n\n${INDEX_START}\nx\n${INDEX_END}\n`);
  });
});
