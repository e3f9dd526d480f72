import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { MULTI_ROOT } from '../fixtures/workspaces';
import { madr2Adr } from '../fixtures/recordText';
import { child, eventually, labels, lodestar, workspaceRoot } from './support';

describe('a multi-root workspace', () => {
  it('indexes every folder and groups decisions by folder, then status', async () => {
    const { trees } = await lodestar();
    assert.deepStrictEqual(vscode.workspace.workspaceFolders?.map((f) => f.name), ['inventory', 'checkout']);
    assert.deepStrictEqual(await labels(trees.decisions), ['inventory: architecture/decisions', 'checkout: docs/adr']);
    for (const [name, expected] of Object.entries(MULTI_ROOT.folders)) {
      const folder = (await trees.decisions.getChildren()).find((n) => n.type === 'folder' && n.label.startsWith(`${name}:`));
      assert.ok(folder);
      const rows: string[] = [];
      for (const group of await trees.decisions.getChildren(folder)) rows.push(...(await labels(trees.decisions, group)));
      assert.deepStrictEqual(rows.sort(), [...expected].sort());
    }
  });

  it('picks up a file added to the second folder', async () => {
    const { trees } = await lodestar();
    fs.writeFileSync(path.join(workspaceRoot(1), 'docs/adr/20260301-publish-receipts.md'), madr2Adr({ title: 'Publish receipts', status: 'accepted', date: '2026-03-01' }));
    await eventually(async () => {
      const checkout = await child(trees.decisions, 'checkout: docs/adr');
      assert.ok((await labels(trees.decisions, await child(trees.decisions, 'Accepted (2)', checkout))).includes('Publish receipts'));
    });
  });
});
