import * as assert from 'assert';
import * as vscode from 'vscode';
import { lodestar } from './support';

describe('activation', () => {
  it('activates in the workspace and reports how long activate() took', async () => {
    const ext = vscode.extensions.getExtension('lodestar.lodestar');
    assert.ok(ext, 'extension is installed');
    const api = await lodestar();
    assert.strictEqual(ext.isActive, true);
    assert.strictEqual(typeof api.activationMs, 'number');
    assert.ok(api.activationMs >= 0);
  });

  it('contributes the Lodestar container with its three views and commands', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.lodestar');
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['lodestar.refresh', 'lodestar.decisions.focus', 'lodestar.designDocs.focus', 'lodestar.mentoring.focus', 'lodestar.influence.focus']) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
    const pkg = vscode.extensions.getExtension('lodestar.lodestar')?.packageJSON as { contributes: { views: { lodestar: { name: string }[] } } };
    assert.deepStrictEqual(
      pkg.contributes.views.lodestar.map((v) => v.name),
      ['Decisions', 'Design Docs', 'Mentoring', 'Influence'],
    );
  });
});
