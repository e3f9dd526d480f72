import * as assert from 'assert';
import { parseTextualSupersede } from '../../src/core/decisions/status';
import { makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { runCli } from './cliInProcess';
import { indexOf } from './helpers';

const nygard = (n: number, title: string, status: string): string =>
  `# ${n}. ${title}\n\nDate: 2026-01-01\n\n## Status\n\n${status}\n\n## Context\n\nx\n\n## Decision\n\nx\n\n## Consequences\n\nx\n`;

const FILES = {
  'doc/adr/0001-a.md': nygard(1, 'A', 'Superseded by ADR-0042'),
  'doc/adr/0002-b.md': nygard(2, 'B', 'Deprecated, superseded by ADR-0042'),
  'doc/adr/0003-c.md':
    '---\nstatus: superseded by ADR-0042\ndate: 2026-01-01\n---\n\n# C\n\n## Context and Problem Statement\n\nx\n\n## Considered Options\n\nx\n\n## Decision Outcome\n\nx\n',
  'doc/adr/0004-d.md': '# D\n\n* Status: deprecated; superseded by ADR-0042\n* Date: 2026-01-01\n\n## Context and Problem Statement\n\nx\n',
};

/** A status that names the record replacing it in plain text (`superseded by ADR-0042`), where that record does not exist. */
describe('a superseded-by status in plain text naming no record', () => {
  it('is an unknown-reference on the line it is written on, in every dialect, and after a status word and a comma', async () => {
    const { index } = await indexOf(FILES);
    const unknown = index
      .problems()
      .filter((p) => p.code === 'unknown-reference')
      .map((p) => [p.path.replace(/^.*\/doc\/adr\//, ''), p.line, p.message]);
    const message = '"ADR-0042" (superseded by) does not name a record that exists.';
    assert.deepStrictEqual(unknown, [
      ['0001-a.md', 7, message],
      ['0002-b.md', 7, message],
      ['0003-c.md', 2, message],
      ['0004-d.md', 3, message],
    ]);
  });

  it('lint --format github annotates those lines', async () => {
    const root = makeTempDir();
    writeFiles(root, FILES);
    const r = await runCli(['lint', '--format', 'github', '--root', root]);
    const annotations = r.stdout.split('\n').filter((l) => l.includes('title=unknown-reference'));
    assert.deepStrictEqual(
      annotations.map((l) => /file=([^,]+),line=(\d+)/.exec(l)?.slice(1)),
      [
        ['doc/adr/0001-a.md', '7'],
        ['doc/adr/0002-b.md', '7'],
        ['doc/adr/0003-c.md', '2'],
        ['doc/adr/0004-d.md', '3'],
      ],
    );
  });

  it('reads one status word and a comma, semicolon or dash before it; nothing else comes before it', () => {
    for (const status of [
      'Deprecated, superseded by ADR-0042',
      'deprecated; superseded by ADR-0042',
      'Deprecated - superseded by ADR-0042',
      'Superseded by ADR-0042',
    ])
      assert.deepStrictEqual(parseTextualSupersede(status), ['ADR-0042'], status);
    for (const status of ['Accepted, not yet superseded by ADR-0042', 'Will be superseded by ADR-0042', 'Deprecated', 'Deprecated, see ADR-0042'])
      assert.deepStrictEqual(parseTextualSupersede(status), [], status);
  });

  it('reads the one record named before a full stop, a note in brackets or the day, and a supersede in brackets after a status word', () => {
    for (const status of [
      'Superseded by ADR-0042.',
      'Superseded by ADR-0042 (2021-03-05)',
      'Superseded by ADR-0042 (the queue part).',
      'Superseded by ADR-0042 on 2021-03-05',
      'Superseded by ADR-0042 — 2021-03-05',
      'Deprecated (superseded by ADR-0042)',
      'Deprecated (Superseded by ADR-0042).',
    ])
      assert.deepStrictEqual(parseTextualSupersede(status), ['ADR-0042'], status);
    // A log4brains id as written, less its full stop; more than a note after the number stays as written.
    assert.deepStrictEqual(parseTextualSupersede('superseded by 20210301-use-pulsar.'), ['20210301-use-pulsar']);
    // A part superseded is no supersede (parseTextualStatusLinks reads it as the amendment it is).
    assert.deepStrictEqual(parseTextualSupersede('Superseded by ADR-0042 in part'), []);
  });
});
