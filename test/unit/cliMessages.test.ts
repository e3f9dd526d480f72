import * as assert from 'assert';
import * as path from 'path';
import { buildRepo, makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { runCli } from './cliInProcess';

/** Messages that read the same across commands, and counts that read right. */

describe('date arguments', () => {
  it('read the same whichever command is given one it cannot read', async () => {
    const root = makeTempDir();
    const prs = await runCli(['prs', '--since', 'yesterday', '--root', root]);
    const pairing = await runCli(['pairing', '--since', 'yesterday', '--root', root]);
    const report = await runCli(['report', '--from', 'yesterday', '--to', '2026-01-01', '--root', root]);
    assert.deepStrictEqual(
      [prs, pairing, report].map((r) => [r.code, r.stderr.split('\n')[0]]),
      [
        [2, 'lodestar: --since needs a date as YYYY-MM-DD, not "yesterday"'],
        [2, 'lodestar: --since needs a date as YYYY-MM-DD, not "yesterday"'],
        [2, 'lodestar report: --from needs a date as YYYY-MM-DD, not "yesterday".'],
      ],
    );
  });
});

describe('counts in messages', () => {
  it('site build says 1 page, 1 file and 2 pages', async () => {
    const root = buildRepo({ 'doc/adr/0001-a.md': '# 1. A\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n' });
    const build = (): Promise<{ code: number; stdout: string; stderr: string }> =>
      runCli(['site', 'build', '--no-mermaid', '--out', path.join(makeTempDir(), 'site'), '--root', root]);
    const one = await build();
    assert.strictEqual(one.code, 0, one.stderr);
    assert.match(one.stdout, /^1 page, 0 files copied → /);
    writeFiles(root, { 'doc/adr/0002-b.md': '# 2. B\n\n![Flow](flow.png)\n', 'doc/adr/flow.png': 'png' });
    const two = await build();
    assert.strictEqual(two.code, 0, two.stderr);
    assert.match(two.stdout, /^2 pages, 1 file copied → /);
  });
});

describe('index without --json', () => {
  it('ends with the counts, and says lint lists the problems when there are some', async () => {
    const root = buildRepo({
      'doc/adr/0001-a.md': '# 1. A\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n',
      'doc/adr/0002-b.md': '# 2. B\n\nDate: 2026-01-01\n\n## Status\n\nSuperseded by [9. Gone](0009-gone.md)\n',
    });
    const some = await runCli(['index', '--root', root]);
    assert.match(some.stdout, /\n2 records, 1 problem \(lodestar lint lists them\)\n$/);
    const lint = await runCli(['lint', '--root', root]);
    assert.match(lint.stdout, /^doc\/adr\/0002-b\.md:7: error broken-link /m);
    const none = await runCli(['index', '--root', buildRepo({ 'doc/adr/0001-a.md': '# 1. A\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n' })]);
    assert.match(none.stdout, /\n1 record, 0 problems\n$/);
  });
});
