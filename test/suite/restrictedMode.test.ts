import * as assert from 'assert';
import * as vscode from 'vscode';
import { SINGLE_ROOT } from '../fixtures/workspaces';
import { child, labels, lodestar } from './support';

describe('Restricted Mode (an untrusted workspace)', () => {
  it('the workspace really is untrusted', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  it('browsing works: the views list the records', async () => {
    const { trees } = await lodestar();
    assert.deepStrictEqual(await labels(trees.decisions, await child(trees.decisions, 'Accepted (3)')), SINGLE_ROOT.accepted);
    assert.deepStrictEqual(await labels(trees.mentoring), ['Alice Example', 'bob']);
  });

  it('git does not run: no branch check in the Problems panel', async () => {
    await lodestar();
    await new Promise((r) => setTimeout(r, 1500));
    const all = vscode.languages.getDiagnostics().flatMap(([, ds]) => ds.map((d) => d.code));
    assert.ok(all.includes('malformed-front-matter'), 'the file problems are there');
    assert.ok(!all.includes('number-on-other-branch'), 'but nothing that needed git');
  });
});
