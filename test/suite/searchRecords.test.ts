import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { answer, cancel, stepShown } from './quickInput';
import { eventually, lodestar, workspaceRoot } from './support';

describe('Search Records…', () => {
  afterEach(async () => {
    await cancel();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("is in the palette and on both views' title bars", () => {
    const pkg = vscode.extensions.all.find((e) => e.packageJSON.name === 'lodestar')?.packageJSON as {
      contributes: { commands: { command: string; title: string }[]; menus: Record<string, { command: string; when?: string }[]> };
    };
    assert.strictEqual(pkg.contributes.commands.find((c) => c.command === 'lodestar.searchRecords')?.title, 'Search Records…');
    const when = pkg.contributes.menus['view/title'].find((m) => m.command === 'lodestar.searchRecords')?.when ?? '';
    assert.match(when, /view == lodestar\.decisions/);
    assert.match(when, /view == lodestar\.designDocs/);
  });

  it('lists records holding every word, narrowed by status:, and opens the chosen one at the match', async () => {
    const api = await lodestar();
    void vscode.commands.executeCommand('lodestar.searchRecords');
    const pick = (await stepShown(/^Search Records$/)) as vscode.QuickPick<vscode.QuickPickItem>;
    // Words in the text (not the titles) find every accepted and proposed Nygard record.
    pick.value = 'keeps asking';
    await eventually(() => {
      assert.ok(pick.items.length >= 5, `${pick.items.length} items`);
      assert.deepStrictEqual(
        pick.items.filter((i) => !/keeps asking/.test(i.detail ?? '')).map((i) => `${i.label}: ${i.detail}`),
        [],
        'each item shows the matching line',
      );
    });
    pick.value = 'keeps asking status:proposed';
    await eventually(() =>
      assert.deepStrictEqual(
        pick.items.map((i) => i.label),
        ['0005 Adopt feature flags'],
      ),
    );
    assert.match(
      pick.items[0].detail ?? '',
      /^doc\/adr\/0005-adopt-feature-flags\.md:\d+ — We need to settle how to adopt feature flags, and the team keeps asking\.$/,
    );
    await answer(pick);
    await eventually(() => {
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor, 'an editor opened');
      assert.strictEqual(editor.document.uri.fsPath, path.join(workspaceRoot(), 'doc/adr/0005-adopt-feature-flags.md'));
      assert.strictEqual(editor.document.getText(editor.selection), 'keeps');
      assert.match(editor.document.lineAt(editor.selection.start.line).text, /the team keeps asking/);
    });
    assert.strictEqual(api.shownQuickInput(), undefined);
  });

  it('a tag: term and a design doc title', async () => {
    void vscode.commands.executeCommand('lodestar.searchRecords', 'gateway');
    const pick = (await stepShown(/^Search Records$/)) as vscode.QuickPick<vscode.QuickPickItem>;
    await eventually(() =>
      assert.deepStrictEqual(
        pick.items.map((i) => i.label),
        ['API gateway'],
      ),
    );
    pick.value = 'gateway tag:no-such-tag';
    await eventually(() => assert.deepStrictEqual(pick.items, []));
  });
});
