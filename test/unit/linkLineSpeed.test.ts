import * as assert from 'assert';
import { parseLinkLine } from '../../src/core/decisions/status';
import { parseDecision } from '../../src/core/decisions/decisionParser';

// No pattern backtracks over a long run of spaces or marks: a slow one would hang here past the test's timeout.
describe('link lines are read at once, whatever their spaces and marks', () => {
  it('a verb line of many spaces, a Status section of them and a run of marks before no verb', () => {
    const spaces = ' '.repeat(50_000);
    assert.deepStrictEqual(parseLinkLine(`Superseded${spaces}by [5. X](0005-x.md)`), { verb: 'Superseded by', label: '5. X', href: '0005-x.md' });
    assert.strictEqual(parseLinkLine(`${'🙂'.repeat(40)}1 [x](0002-x.md)`), undefined);
    assert.strictEqual(parseLinkLine(`Superseded by${spaces}x`), undefined);
    const record = parseDecision({
      path: '/r/docs/adr/0001-x.md',
      folder: '/r/docs/adr',
      log4brains: false,
      body: `# 1. X\n\n## Status\n\nAccepted\n\nPartly${spaces}superseded by${spaces}x\n\nAmended by${spaces}[x](0002-x.md)\n`,
      bodyLine: 0,
    });
    assert.strictEqual(record.status, 'accepted');
  });
});
