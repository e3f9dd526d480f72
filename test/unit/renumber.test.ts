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

  it('keeps heading style, leaves code blocks and same-named files elsewhere alone, follows reference definitions and titled links', async () => {
    const kafkaText = '# ADR-0007: Use Kafka\n\n```bash\n# 7 retries then give up\n```\n';
    const other = [
      '# 8. Other',
      '',
      'See [7. Use Kafka](0007-use-kafka.md "the decision") and <0007-use-kafka.md>.',
      'Not this one: [legacy](../legacy/0007-use-kafka.md).',
      '```',
      '[7. Use Kafka](0007-use-kafka.md)',
      '```',
      '[ref]: 0007-use-kafka.md',
      '',
    ].join('\n');
    const { index } = await indexOf({ 'doc/adr/0007-use-kafka.md': kafkaText, 'doc/adr/0008-other.md': other });
    const kafka = index.records().find((r) => r.number === 7)!;
    const texts = new Map(index.records().map((r) => [r.path, fs.readFileSync(r.path, 'utf8')]));
    const plan = planRenumber(kafka, 12, texts);
    assert.strictEqual(plan.edits.get(kafka.path), kafkaText.replace('ADR-0007', 'ADR-0012'));
    const rewritten = plan.edits.get(index.records().find((r) => r.number === 8)!.path)!;
    assert.strictEqual(
      rewritten,
      other
        .replace('See [7. Use Kafka](0007-use-kafka.md "the decision")', 'See [12. Use Kafka](0012-use-kafka.md "the decision")')
        .replace('[ref]: 0007-use-kafka.md', '[ref]: 0012-use-kafka.md'),
    );
  });
});
