import * as assert from 'assert';
import * as path from 'path';
import { nameLanguage } from '../../src/core/records/recordFileNames';
import { makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { runCli } from './cliInProcess';
import { indexOf, linksOf } from './helpers';

const nygard = (n: number, title: string, status: string): string =>
  `# ${n}. ${title}\n\nDate: 2026-01-01\n\n## Status\n\n${status}\n\n## Context\n\nx\n\n## Decision\n\nx\n\n## Consequences\n\nx\n`;

const FILES = {
  // A translation under a slug of its own, with the language after a dash, a dot or an underscore.
  'doc/adr/0003-use-postgres.md': nygard(3, 'Use Postgres', 'Accepted'),
  'doc/adr/0003-utiliser-postgres-fr.md': nygard(3, 'Utiliser Postgres', 'Accepté'),
  'doc/adr/0004-use-kafka.md': nygard(4, 'Use Kafka', 'Accepted\n\nSupersedes [9. Use queues](0009-use-queues.md)'),
  'doc/adr/0004-kafka-nutzen.de.md': nygard(4, 'Kafka nutzen', 'Akzeptiert'),
  'doc/adr/0005-use-redis.md': nygard(5, 'Use Redis', 'Accepted'),
  'doc/adr/0005-usar-redis_pt-br.md': nygard(5, 'Usar Redis', 'Aceito'),
  // Two different records with one number (and one's translation): still a duplicate, between the two.
  'doc/adr/0006-use-grpc.md': nygard(6, 'Use gRPC', 'Accepted'),
  'doc/adr/0006-use-rest.md': nygard(6, 'Use REST', 'Accepted'),
  'doc/adr/0006-utiliser-grpc-fr.md': nygard(6, 'Utiliser gRPC', 'Accepté'),
  // Two records whose names end in no language: a duplicate.
  'doc/adr/0008-use-make.md': nygard(8, 'Use Make', 'Accepted'),
  'doc/adr/0008-use-bazel.md': nygard(8, 'Use Bazel', 'Accepted'),
  'doc/adr/0009-use-queues.md': nygard(9, 'Use queues', 'Superseded by ADR-0004'),
};

describe('a translation named with its own slug and a language code', () => {
  it('is no duplicate number of its record; two different records sharing a number still are', async () => {
    const { index } = await indexOf(FILES);
    const duplicates = index
      .problems()
      .filter((p) => p.code === 'duplicate-number')
      .map((p) => `${path.basename(p.path)}: ${p.message}`)
      .sort();
    assert.deepStrictEqual(duplicates, [
      '0006-use-grpc.md: Decision number 6 is also used by 0006-use-rest.md.',
      '0006-use-rest.md: Decision number 6 is also used by 0006-use-grpc.md.',
      '0008-use-bazel.md: Decision number 8 is also used by 0008-use-make.md.',
      '0008-use-make.md: Decision number 8 is also used by 0008-use-bazel.md.',
    ]);
    // `ADR-0004` names the record, not its translation (whose name sorts first).
    assert.deepStrictEqual(linksOf(index, '0009-use-queues.md'), ['superseded-by 0004-use-kafka.md']);
    assert.deepStrictEqual(
      index.problems().filter((p) => p.code === 'one-sided-link' || p.code === 'unknown-reference'),
      [],
    );
  });

  it('lint reports only the real duplicates', async () => {
    const root = makeTempDir();
    writeFiles(root, FILES);
    const r = await runCli(['lint', '--format', 'github', '--root', root]);
    const files = r.stdout
      .split('\n')
      .filter((l) => l.includes('title=duplicate-number'))
      .map((l) => /file=([^,]+)/.exec(l)?.[1])
      .sort();
    assert.deepStrictEqual(files, ['doc/adr/0006-use-grpc.md', 'doc/adr/0006-use-rest.md', 'doc/adr/0008-use-bazel.md', 'doc/adr/0008-use-make.md']);
  });

  it('nameLanguage: a known language code after a dash, an underscore or a dot, after a title', () => {
    const cases: [string, string | undefined][] = [
      ['0003-utiliser-postgres-fr.md', 'fr'],
      ['0003-use-postgres.fr.md', 'fr'],
      ['0003-use-postgres_fr.md', 'fr'],
      ['0005-usar-redis-pt-br.md', 'pt'],
      ['0012-use-y.pt-BR.md', 'pt'],
      ['0003-use-postgres.md', undefined],
      // Codes that are also the last word of a title are not read after a dash.
      ['0007-adopt-ca.md', undefined],
      ['0007-say-no.md', undefined],
      ['0007-adopt-ts.md', undefined],
      ['0003-use-postgres.no.md', 'no'],
      // A file type after a dot is no language.
      ['0013-node.js.md', undefined],
      // A number alone is no title in a language.
      ['0003-fr.md', undefined],
    ];
    for (const [name, language] of cases) assert.strictEqual(nameLanguage(name), language, name);
  });
});
