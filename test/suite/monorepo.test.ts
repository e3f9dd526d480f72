import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { MONOREPO } from '../fixtures/workspaces';
import { nygardAdr } from '../fixtures/recordText';
import type { RecordTreeNode } from '../../src/vscode/views/recordTrees';
import { RecordIndex } from '../../src/core/index/recordIndex';
import { DEFAULT_SETTINGS } from '../../src/core/index/recordFolders';
import { WorkspaceFileSystem } from '../../src/vscode/workspaceFileSystem';
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

describe('a monorepo whose packages keep their own decision folders, none at its top', () => {
  it("the editor's file system finds each package's folder one or two levels down, and skips installed and hidden ones", async () => {
    const top = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-packages-'));
    try {
      const files: Record<string, string> = {
        'packages/api/docs/adr/0001-use-grpc.md': nygardAdr({ number: 1, title: 'Use gRPC' }),
        'billing/doc/adr/0001-use-stripe.md': nygardAdr({ number: 1, title: 'Use Stripe' }),
        'node_modules/lib/docs/adr/0001-theirs.md': nygardAdr({ number: 1, title: 'Theirs' }),
        '.cache/x/docs/adr/0001-cached.md': nygardAdr({ number: 1, title: 'Cached' }),
      };
      for (const [rel, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(top, rel)), { recursive: true });
        fs.writeFileSync(path.join(top, rel), text);
      }
      // A link to a folder of packages is not followed into (no loops, no second copy).
      fs.symlinkSync(path.join(top, 'packages'), path.join(top, 'linked'));
      const index = new RecordIndex(new WorkspaceFileSystem(), top, DEFAULT_SETTINGS);
      await index.build();
      assert.deepStrictEqual(
        index.folders
          .filter((f) => f.kind === 'decision')
          .map((f) => path.relative(top, f.path))
          .sort(),
        ['billing/doc/adr', 'packages/api/docs/adr'],
      );
      assert.deepStrictEqual(
        index
          .records('decision')
          .map((r) => r.title)
          .sort(),
        ['Use Stripe', 'Use gRPC'],
      );
    } finally {
      fs.rmSync(top, { recursive: true, force: true });
    }
  });
});
