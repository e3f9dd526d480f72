import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { MONOREPO } from '../fixtures/workspaces';
import { nygardAdr } from '../fixtures/recordText';
import type { RecordTreeNode } from '../../src/vscode/views/recordTrees';
import { eventually, labels, lodestar, watcherCaughtUp, workspaceRoot } from './support';

type Tree = { getChildren(node?: RecordTreeNode): Promise<RecordTreeNode[]>; getTreeItem(node: RecordTreeNode): vscode.TreeItem | Thenable<vscode.TreeItem> };

/** Every row of a tree, expanded all the way down, as [id, label]. */
async function allRows(tree: Tree, node?: RecordTreeNode): Promise<[string, string][]> {
  const rows: [string, string][] = [];
  for (const c of await tree.getChildren(node)) {
    const item = await tree.getTreeItem(c);
    rows.push([String(item.id), String(item.label)], ...(await allRows(tree, c)));
  }
  return rows;
}

const repo = (): string => path.resolve(workspaceRoot(0), '../..');

describe('a monorepo whose decision folder is outside every workspace folder', () => {
  it('each workspace folder lists the shared decision folder, and every tree id is unique', async () => {
    const { trees } = await lodestar();
    assert.deepStrictEqual(
      vscode.workspace.workspaceFolders?.map((f) => f.name),
      MONOREPO.roots,
    );
    assert.deepStrictEqual(await labels(trees.decisions), ['api: ../../doc/adr', 'web: ../../doc/adr', 'docs: ../../../doc/adr']);
    for (const tree of [trees.decisions, trees.designDocs, trees.mentoring]) {
      const ids = (await allRows(tree)).map(([id]) => id);
      assert.strictEqual(new Set(ids).size, ids.length, `duplicate ids: ${ids.filter((id, i) => ids.indexOf(id) !== i).join(', ')}`);
    }
    const rows = (await allRows(trees.decisions)).map(([, label]) => label);
    for (const d of MONOREPO.decisions) assert.strictEqual(rows.filter((r) => r === d).length, 3, `${d} under each folder`);
  });

  it('an edit in the outside folder reaches every workspace folder', async () => {
    const { trees } = await lodestar();
    // The watchers on folders outside the workspace start once the first index is built; wait until they report.
    await watcherCaughtUp();
    fs.writeFileSync(path.join(repo(), 'doc/adr/0002-share-one-database.md'), nygardAdr({ number: 2, title: 'Share one database', status: 'Rejected' }));
    await eventually(async () => {
      const rows = (await allRows(trees.decisions)).map(([, label]) => label);
      assert.strictEqual(rows.filter((r) => r === 'Rejected (1)').length, 3, rows.join(' | '));
    });
  });

  it('an edit in a folder shared by nested workspace folders reaches both', async () => {
    const { trees } = await lodestar();
    const doc = path.join(repo(), 'packages/web/docs/design/navigation.md');
    fs.writeFileSync(doc, fs.readFileSync(doc, 'utf8').replace('title: Navigation', 'title: Site navigation'));
    await eventually(async () => {
      const rows = (await allRows(trees.designDocs)).map(([, label]) => label);
      assert.strictEqual(rows.filter((r) => r === 'Site navigation').length, 2, rows.join(' | '));
    });
  });

  it('renaming a sub-folder of the decision folder keeps its records, at their new path', async () => {
    const api = await lodestar();
    fs.renameSync(path.join(repo(), 'doc/adr/archive'), path.join(repo(), 'doc/adr/old'));
    await eventually(() => {
      const paths = api.records
        .records('decision')
        .filter((r) => r.number === 3)
        .map((r) => path.relative(repo(), r.path));
      assert.deepStrictEqual(paths, [
        'doc/adr/old/0003-keep-services-stateless.md',
        'doc/adr/old/0003-keep-services-stateless.md',
        'doc/adr/old/0003-keep-services-stateless.md',
      ]);
    });
    const rows = (await allRows(api.trees.decisions)).map(([, label]) => label);
    assert.strictEqual(rows.filter((r) => r === '0003 Keep services stateless').length, 3);
  });
});
