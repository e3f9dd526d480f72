import * as assert from 'assert';
import * as vscode from 'vscode';
import { SINGLE_ROOT } from '../fixtures/workspaces';
import * as fs from 'fs';
import * as path from 'path';
import { child, labels, lodestar, workspaceRoot } from './support';

describe('Restricted Mode (an untrusted workspace)', () => {
  it('the workspace really is untrusted', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  it('browsing works: the views list the records', async () => {
    const { trees } = await lodestar();
    assert.deepStrictEqual(await labels(trees.decisions, await child(trees.decisions, 'Accepted (3)')), SINGLE_ROOT.accepted);
    assert.deepStrictEqual(await labels(trees.mentoring), ['Alice Example', 'bob']);
  });

  it('New Decision Record is refused, and nothing is written', async () => {
    await lodestar();
    const adr = path.join(workspaceRoot(), 'doc/adr');
    const before = fs.readdirSync(adr).sort();
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.newDecision', { title: 'Sneaky write' }), undefined);
    assert.deepStrictEqual(fs.readdirSync(adr).sort(), before);
  });

  it('git does not run: no branch check in the Problems panel', async () => {
    await lodestar();
    await new Promise((r) => setTimeout(r, 1500));
    const all = vscode.languages.getDiagnostics().flatMap(([, ds]) => ds.map((d) => d.code));
    assert.ok(all.includes('malformed-front-matter'), 'the file problems are there');
    assert.ok(!all.includes('number-on-other-branch'), 'but nothing that needed git');
  });
});
