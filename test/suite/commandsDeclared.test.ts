import * as assert from 'assert';
import * as vscode from 'vscode';
import { lodestar } from './support';

// Commands VS Code makes for every contributed view (focus, move, hide); they are not ours to declare.
const viewCommand = /\.(focus|resetViewLocation|toggleVisibility|removeView|open)$/;

describe('declared commands', () => {
  it('every command in package.json is registered, and every registered lodestar command is declared', async () => {
    await lodestar();
    const pkg = vscode.extensions.getExtension('lodestar.lodestar')?.packageJSON as {
      contributes: { commands: { command: string }[]; views: Record<string, { id: string }[]> };
    };
    const declared = new Set(pkg.contributes.commands.map((c) => c.command));
    const viewIds = new Set(
      Object.values(pkg.contributes.views)
        .flat()
        .map((v) => v.id),
    );
    const registered = (await vscode.commands.getCommands(true)).filter(
      (id) => id.startsWith('lodestar.') && !(viewCommand.test(id) && viewIds.has(id.replace(viewCommand, ''))),
    );
    const undeclared = registered.filter((id) => !declared.has(id)).sort();
    const unregistered = [...declared].filter((id) => !registered.includes(id)).sort();
    assert.deepStrictEqual(undeclared, [], `registered but missing from contributes.commands: ${undeclared.join(', ')}`);
    assert.deepStrictEqual(unregistered, [], `declared in contributes.commands but never registered: ${unregistered.join(', ')}`);
    assert.ok(declared.size > 20, `package.json declares ${declared.size} commands`);
  });
});
