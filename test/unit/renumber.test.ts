import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { planRenumber } from '../../src/core/decisions/renumber';
import { nygardAdr } from '../fixtures/recordText';
import { indexOf } from './helpers';

describe('renumbering a decision record', () => {
  it('renames the file, moves its own heading, and rewrites inbound links and their labels', async () => {
    const files = {
      'doc/adr/0003-use-kafka.md': nygardAdr({ number: 3, title: 'Use Kafka', statusLines: ['Supersedes [2. Use RabbitMQ](0002-use-rabbitmq.md)'] }),
      'doc/adr/0003-use-nats.md': nygardAdr({ number: 3, title: 'Use NATS' }),
      'doc/adr/0002-use-rabbitmq.md': nygardAdr({ number: 2, title: 'Use RabbitMQ', status: '', statusLines: ['Superseded by [3. Use Kafka](0003-use-kafka.md)'] }),
      'doc/adr/0004-ops.md': '# 4. Ops\n\nSee [ADR-0003](./0003-use-kafka.md#consequences) and [the Kafka one](0003-use-kafka.md).\n',
    };
    const { root, index } = await indexOf(files);
    const kafka = index.records().find((r) => r.path.endsWith('0003-use-kafka.md'))!;
    const texts = new Map(index.records().map((r) => [r.path, fs.readFileSync(r.path, 'utf8')]));
    const plan = planRenumber(kafka, 5, texts);
    assert.strictEqual(path.relative(root, plan.to), 'doc/adr/0005-use-kafka.md');
    assert.deepStrictEqual([...plan.edits.keys()].map((p) => path.basename(p)).sort(), ['0002-use-rabbitmq.md', '0003-use-kafka.md', '0004-ops.md']);
    assert.match(plan.edits.get(kafka.path)!, /^# 5\. Use Kafka\n/);
    assert.match(plan.edits.get(path.join(root, 'doc/adr/0002-use-rabbitmq.md'))!, /Superseded by \[5\. Use Kafka\]\(0005-use-kafka\.md\)/);
    assert.strictEqual(plan.edits.get(path.join(root, 'doc/adr/0004-ops.md')), '# 4. Ops\n\nSee [ADR-0005](./0005-use-kafka.md#consequences) and [the Kafka one](0005-use-kafka.md).\n');
  });
});
