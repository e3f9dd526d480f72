import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { planRenumber, planRetitle } from '../../src/core/decisions/renumber';
import { nygardAdr } from '../fixtures/recordText';
import { byName, indexOf } from './helpers';

describe('renumbering a decision record', () => {
  it('renames the file, moves its own heading, and rewrites inbound links and their labels', async () => {
    const files = {
      'doc/adr/0003-use-kafka.md': nygardAdr({ number: 3, title: 'Use Kafka', statusLines: ['Supersedes [2. Use RabbitMQ](0002-use-rabbitmq.md)'] }),
      'doc/adr/0003-use-nats.md': nygardAdr({ number: 3, title: 'Use NATS' }),
      'doc/adr/0002-use-rabbitmq.md': nygardAdr({
        number: 2,
        title: 'Use RabbitMQ',
        status: '',
        statusLines: ['Superseded by [3. Use Kafka](0003-use-kafka.md)'],
      }),
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
    assert.strictEqual(
      plan.edits.get(path.join(root, 'doc/adr/0004-ops.md')),
      '# 4. Ops\n\nSee [ADR-0005](./0005-use-kafka.md#consequences) and [the Kafka one](0005-use-kafka.md).\n',
    );
  });

  it('to a number of fewer digits: a number written plain stays plain (`# 6.`, `[2. …]`, `[ADR 2]`), a padded one keeps its width', async () => {
    const files = {
      'doc/adr/0012-decision.md': '# 12. Decision\n\nSee [ADR-0012](0012-decision.md).\n',
      'doc/adr/7000-big.md': '# 7000. Big\n',
      'doc/adr/0040-use-postgresql.md': '# 40. Use PostgreSQL\n',
      'doc/adr/0041-use-mysql.md': '# 41. Use MySQL\n\n## Status\n\nSupercedes [40. Use PostgreSQL](0040-use-postgresql.md)\n',
      'docs/design.md': 'Storage follows [ADR 40](../doc/adr/0040-use-postgresql.md).\n',
    };
    const { root, index } = await indexOf(files);
    const texts = new Map(Object.keys(files).map((p) => [path.join(root, p), fs.readFileSync(path.join(root, p), 'utf8')]));
    const at = (name: string) => index.records().find((r) => r.path.endsWith(name))!;
    const six = planRenumber(at('0012-decision.md'), 6, texts);
    assert.strictEqual(path.relative(root, six.to), 'doc/adr/0006-decision.md');
    assert.strictEqual(six.edits.get(at('0012-decision.md').path), '# 6. Decision\n\nSee [ADR-0006](0006-decision.md).\n');
    const twelve = planRenumber(at('7000-big.md'), 12, texts);
    assert.strictEqual(path.relative(root, twelve.to), 'doc/adr/0012-big.md');
    assert.strictEqual(twelve.edits.get(at('7000-big.md').path), '# 12. Big\n');
    const two = planRenumber(at('0040-use-postgresql.md'), 2, texts);
    assert.strictEqual(two.edits.get(at('0040-use-postgresql.md').path), '# 2. Use PostgreSQL\n');
    assert.match(two.edits.get(at('0041-use-mysql.md').path)!, /Supercedes \[2\. Use PostgreSQL\]\(0002-use-postgresql\.md\)/);
    assert.strictEqual(two.edits.get(path.join(root, 'docs/design.md')), 'Storage follows [ADR 2](../doc/adr/0002-use-postgresql.md).\n');
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

describe('renaming a decision record title', () => {
  it('changes the title line, renames a file named after its title, and rewrites inbound links and labels', async () => {
    const files = {
      'doc/adr/0003-use-kafka.md': nygardAdr({ number: 3, title: 'Use Kafka', statusLines: ['Supersedes [2. Use RabbitMQ](0002-use-rabbitmq.md)'] }),
      'doc/adr/0002-use-rabbitmq.md': nygardAdr({
        number: 2,
        title: 'Use RabbitMQ',
        status: '',
        statusLines: ['Superseded by [3. Use Kafka](0003-use-kafka.md)'],
      }),
      'doc/adr/0004-ops.md': '# 4. Ops\r\n\r\nSee [the broker](0003-use-kafka.md) and `0003-use-kafka.md`.\r\n',
    };
    const { root, index } = await indexOf(files);
    const kafka = byName(index, '0003-use-kafka.md');
    const texts = new Map(index.records().map((r) => [r.path, fs.readFileSync(r.path, 'utf8')]));
    const plan = planRetitle(kafka, '  Use Apache Kafka for events ', texts);
    assert.strictEqual(plan.renamed, true);
    assert.strictEqual(path.relative(root, plan.to), 'doc/adr/0003-use-apache-kafka-for-events.md');
    assert.strictEqual(plan.edits.get(kafka.path), files['doc/adr/0003-use-kafka.md'].replace('# 3. Use Kafka', '# 3. Use Apache Kafka for events'));
    assert.strictEqual(
      plan.edits.get(path.join(root, 'doc/adr/0002-use-rabbitmq.md')),
      files['doc/adr/0002-use-rabbitmq.md'].replace(
        '[3. Use Kafka](0003-use-kafka.md)',
        '[3. Use Apache Kafka for events](0003-use-apache-kafka-for-events.md)',
      ),
    );
    // CRLF kept, a label that does not quote the title kept, code spans are not links.
    assert.strictEqual(
      plan.edits.get(path.join(root, 'doc/adr/0004-ops.md')),
      files['doc/adr/0004-ops.md'].replace('(0003-use-kafka.md)', '(0003-use-apache-kafka-for-events.md)'),
    );
  });

  it('MADR front matter title and H1 both follow; a file not named after its title keeps its name; BOM kept', async () => {
    const text = '\uFEFF---\ntitle: Pick a queue\nstatus: accepted # settled\n---\n\n# Pick a queue\n\nBody.\n';
    const { index } = await indexOf({ 'docs/decisions/0001-queue.md': text });
    const record = byName(index, '0001-queue.md');
    const plan = planRetitle(record, 'Pick a message broker', new Map([[record.path, text]]));
    assert.strictEqual(plan.renamed, false);
    assert.strictEqual(plan.to, record.path);
    assert.strictEqual(
      plan.edits.get(record.path),
      text.replace('title: Pick a queue', 'title: Pick a message broker').replace('# Pick a queue', '# Pick a message broker'),
    );
  });

  it("a record's own links to itself follow, renumbered or retitled; its links to others stay", async () => {
    const own = '# 7. Use SOPS\n\n## Status\n\nAccepted\n\nSee [7](0007-use-sops.md#decision), [Use SOPS](./0007-use-sops.md) and [2](0002-x.md).\n';
    const { index } = await indexOf({ 'doc/adr/0007-use-sops.md': own });
    const sops = byName(index, '0007-use-sops.md');
    const texts = new Map([[sops.path, own]]);
    assert.strictEqual(
      planRenumber(sops, 17, texts).edits.get(sops.path),
      '# 17. Use SOPS\n\n## Status\n\nAccepted\n\nSee [17](0017-use-sops.md#decision), [Use SOPS](./0017-use-sops.md) and [2](0002-x.md).\n',
    );
    assert.strictEqual(
      planRetitle(sops, 'Use age', texts).edits.get(sops.path),
      '# 7. Use age\n\n## Status\n\nAccepted\n\nSee [7](0007-use-age.md#decision), [Use age](./0007-use-age.md) and [2](0002-x.md).\n',
    );
  });

  it('an empty or multi-line title is refused', async () => {
    const { index } = await indexOf({ 'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }) });
    const record = byName(index, '0001-a.md');
    assert.throws(() => planRetitle(record, '   ', new Map()), /non-empty line/);
    assert.throws(() => planRetitle(record, 'a\nb', new Map()), /non-empty line/);
  });
});

describe('renumbering next to odd links', () => {
  it('a link with a literal percent sign elsewhere in the folder does not stop it', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-use-a-cache.md': nygardAdr({ number: 1, title: 'Use a cache' }),
      'doc/adr/0002-notes.md': '# 2. Notes\n\nSee [50% faster](50%-faster.md) and [1. Use a cache](0001-use-a-cache.md).\n',
    });
    const cache = byName(index, '0001-use-a-cache.md');
    const texts = new Map(index.records().map((r) => [r.path, fs.readFileSync(r.path, 'utf8')]));
    const plan = planRenumber(cache, 3, texts);
    assert.strictEqual(
      plan.edits.get(byName(index, '0002-notes.md').path),
      '# 2. Notes\n\nSee [50% faster](50%-faster.md) and [3. Use a cache](0003-use-a-cache.md).\n',
    );
  });
});

describe('renumbering and renaming with links from elsewhere in the repository', () => {
  const files = {
    'doc/adr/0003-use-kafka.md': nygardAdr({ number: 3, title: 'Use Kafka' }),
    'docs/design/events.md': [
      '---',
      'title: Events platform',
      'decisions: [../../doc/adr/0003-use-kafka.md, "../../doc/adr/0009-other.md"]',
      'related:',
      "  - '../../doc/adr/0003-use-kafka.md#decision'",
      '  - ../adr/0003-use-kafka.md',
      '---',
      '# Events platform',
      '',
      'Built on [3. Use Kafka](../../doc/adr/0003-use-kafka.md) and [Kafka again][k].',
      '',
      '[k]: ../../doc/adr/0003-use-kafka.md',
      '',
    ].join('\n'),
  };

  it('rewrites Markdown links and front matter paths that lead to the record, from another folder', async () => {
    const { root, index } = await indexOf(files);
    const kafka = index.records().find((r) => r.path.endsWith('0003-use-kafka.md'))!;
    const design = path.join(root, 'docs/design/events.md');
    const texts = new Map([
      [kafka.path, fs.readFileSync(kafka.path, 'utf8')],
      [design, fs.readFileSync(design, 'utf8')],
    ]);
    const renumbered = planRenumber(kafka, 12, texts).edits.get(design)!;
    assert.match(renumbered, /^decisions: \[\.\.\/\.\.\/doc\/adr\/0012-use-kafka\.md, "\.\.\/\.\.\/doc\/adr\/0009-other\.md"\]$/m);
    assert.match(renumbered, /^ {2}- '\.\.\/\.\.\/doc\/adr\/0012-use-kafka\.md#decision'$/m);
    // `../adr/…` from docs/design is docs/adr: another file, left alone.
    assert.match(renumbered, /^ {2}- \.\.\/adr\/0003-use-kafka\.md$/m);
    assert.match(renumbered, /Built on \[12\. Use Kafka\]\(\.\.\/\.\.\/doc\/adr\/0012-use-kafka\.md\) and \[Kafka again\]\[k\]\./);
    assert.match(renumbered, /^\[k\]: \.\.\/\.\.\/doc\/adr\/0012-use-kafka\.md$/m);
    // Written from the repository's top: `/doc/adr/…` in a link, `doc/adr/…` in front matter, when the top is known.
    const fromTop = path.join(root, 'docs/overview.md');
    texts.set(fromTop, '---\nsupersedes: doc/adr/0003-use-kafka.md\n---\nSee [3](/doc/adr/0003-use-kafka.md) and [elsewhere](/docs/0003-use-kafka.md).\n');
    assert.strictEqual(planRenumber(kafka, 12, texts).edits.get(fromTop), undefined, 'without the top, left alone');
    assert.strictEqual(
      planRenumber(kafka, 12, texts, root).edits.get(fromTop),
      '---\nsupersedes: doc/adr/0012-use-kafka.md\n---\nSee [12](/doc/adr/0012-use-kafka.md) and [elsewhere](/docs/0003-use-kafka.md).\n',
    );
    texts.delete(fromTop);
    const retitled = planRetitle(kafka, 'Use Redpanda', texts);
    assert.strictEqual(path.basename(retitled.to), '0003-use-redpanda.md');
    assert.match(retitled.edits.get(design)!, /^decisions: \[\.\.\/\.\.\/doc\/adr\/0003-use-redpanda\.md, /m);
    assert.match(retitled.edits.get(design)!, /Built on \[3\. Use Redpanda\]\(\.\.\/\.\.\/doc\/adr\/0003-use-redpanda\.md\)/);
  });
});

describe('renumbering a record numbered by its front matter', () => {
  it('`id: ADR-0008` takes the new number as written; a file without a number keeps its name; an id that is not its number stays', async () => {
    const files = {
      'docs/adr/typed-errors.md': '---\nid: ADR-0008\ntitle: Typed errors\nstatus: accepted\n---\n\n## Context\n\nx\n',
      'docs/adr/base.md': '---\nid: "0002"   # the model\ntitle: Base model\nstatus: accepted\n---\n\n## Context\n\nSee [typed errors](typed-errors.md).\n',
      'docs/adr/0009-named.md': '---\nid: ADR-0010\nstatus: accepted\n---\n\n# Named\n',
    };
    const { root, index } = await indexOf(files);
    const texts = new Map(index.records().map((r) => [r.path, fs.readFileSync(r.path, 'utf8')]));
    const typed = index.records().find((r) => r.path.endsWith('typed-errors.md'))!;
    const plan = planRenumber(typed, 12, texts);
    assert.strictEqual(plan.to, plan.from, 'no number in the name: the file keeps it');
    assert.strictEqual(plan.edits.get(typed.path), files['docs/adr/typed-errors.md'].replace('id: ADR-0008', 'id: ADR-0012'));
    const base = index.records().find((r) => r.path.endsWith('base.md'))!;
    assert.strictEqual(planRenumber(base, 5, texts).edits.get(base.path), files['docs/adr/base.md'].replace('id: "0002"', 'id: "0005"'));
    const named = index.records().find((r) => r.path.endsWith('0009-named.md'))!;
    const renamed = planRenumber(named, 11, texts);
    assert.strictEqual(path.relative(root, renamed.to), 'docs/adr/0011-named.md');
    assert.strictEqual(renamed.edits.get(named.path), undefined, 'its text (id: ADR-0010) unchanged');
  });
});
