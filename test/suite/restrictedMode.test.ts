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

  it('every command that changes decision records or design docs is refused, and nothing changes', async () => {
    await lodestar();
    const root = workspaceRoot();
    const snapshot = (): string[] =>
      ['doc/adr', 'docs/design'].flatMap((d) => fs.readdirSync(path.join(root, d)).sort().map((f) => `${d}/${f}:${fs.readFileSync(path.join(root, d, f), 'utf8')}`));
    const before = snapshot();
    const adr = (f: string): string => path.join(root, 'doc/adr', f);
    const calls: [string, unknown][] = [
      ['lodestar.changeStatus', { path: adr('0005-adopt-feature-flags.md'), status: 'accepted' }],
      ['lodestar.renameTitle', { path: adr('0002-use-postgresql.md'), title: 'Use MySQL' }],
      ['lodestar.renumberDecision', { path: adr('0002-use-postgresql.md'), number: 9 }],
      ['lodestar.supersedeDecision', { path: adr('0001-record-architecture-decisions.md'), by: adr('0002-use-postgresql.md') }],
      ['lodestar.linkDecisions', { path: adr('0001-record-architecture-decisions.md'), target: adr('0002-use-postgresql.md'), verb: 'Amends', reverse: 'Amended by' }],
      ['lodestar.generateDecisionIndex', { style: 'toc' }],
      ['lodestar.newDesignDoc', { title: 'Sneaky design' }],
      ['lodestar.promoteToDecision', { path: path.join(root, 'docs/design/api-gateway.md'), title: 'Sneaky decision' }],
    ];
    for (const [command, args] of calls) assert.ok(!(await vscode.commands.executeCommand(command, args)), command);
    assert.deepStrictEqual(snapshot(), before);
  });

  it('git does not run: no branch check in the Problems panel', async () => {
    await lodestar();
    await new Promise((r) => setTimeout(r, 1500));
    const all = vscode.languages.getDiagnostics().flatMap(([, ds]) => ds.map((d) => d.code));
    assert.ok(all.includes('malformed-front-matter'), 'the file problems are there');
    assert.ok(!all.includes('number-on-other-branch'), 'but nothing that needed git');
  });
});
