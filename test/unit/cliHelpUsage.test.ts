import * as assert from 'assert';
import { makeTempDir } from '../fixtures/gitRepo';
import { runCli } from './cliInProcess';

/** `lodestar help COMMAND`, and a usage error's reminder of the command's usage. */

describe('lodestar help COMMAND, and usage errors', () => {
  it('help COMMAND prints what COMMAND --help prints', async () => {
    for (const command of ['index', 'lint', 'site', 'search']) {
      const help = await runCli(['help', command]);
      const asked = await runCli([command, '--help']);
      assert.deepStrictEqual([help.code, help.stdout], [0, asked.stdout], command);
      assert.match(help.stdout, new RegExp(`usage: lodestar ${command} `), command);
    }
    const unknown = await runCli(['help', 'bogus']);
    assert.strictEqual(unknown.code, 2);
    assert.match(unknown.stderr, /^lodestar: unknown command "bogus"\n/);
  });

  it("an unknown option or argument prints the command's usage line, not every command's, and exits 2", async () => {
    const root = makeTempDir();
    for (const [args, message] of [
      [['index', '--bogus', '--root', root], 'lodestar: index does not take --bogus\nusage: lodestar index [--json] [--root DIR]\n'],
      [['lint', 'extra', '--root', root], 'lodestar: lint takes no arguments (got "extra")\n'],
      [['prs', '--root'], 'lodestar: --root needs a value\n\nusage: lodestar prs [--json] [--since DATE] [--root DIR]\n'],
    ] as [string[], string][]) {
      const r = await runCli(args);
      assert.strictEqual(r.code, 2, args.join(' '));
      assert.ok(r.stderr.startsWith(message), r.stderr);
      assert.ok(!r.stderr.includes('commands:'), r.stderr);
    }
  });
});
