import * as vscode from 'vscode';
import type { LodestarApi } from '../../src/extension';
import type { RecordTreeNode } from '../../src/vscode/views/recordTrees';

export async function lodestar(): Promise<LodestarApi> {
  const ext = vscode.extensions.getExtension<LodestarApi>('lodestar.lodestar');
  if (!ext) throw new Error('the Lodestar extension is not installed');
  const api = await ext.activate();
  await api.records.ready();
  return api;
}

type Tree = { getChildren(node?: RecordTreeNode): Promise<RecordTreeNode[]>; getTreeItem(node: RecordTreeNode): vscode.TreeItem | Thenable<vscode.TreeItem> };

/** The rows a tree shows under `node`, as their labels. */
export async function labels(tree: Tree, node?: RecordTreeNode): Promise<string[]> {
  const children = await tree.getChildren(node);
  return Promise.all(children.map(async (c) => String((await tree.getTreeItem(c)).label)));
}

/** The child of `node` whose label is `label`. */
export async function child(tree: Tree, label: string, node?: RecordTreeNode): Promise<RecordTreeNode> {
  for (const c of await tree.getChildren(node)) {
    if (String((await tree.getTreeItem(c)).label) === label) return c;
  }
  throw new Error(`no row "${label}" under ${node ? String((await tree.getTreeItem(node)).label) : 'the root'}; rows: ${(await labels(tree, node)).join(' | ')}`);
}

/** Polls until `check` passes; returns how long it took. Fails with the last error after `timeoutMs`. */
export async function eventually(check: () => Promise<void> | void, timeoutMs = 10000): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      await check();
      return Date.now() - started;
    } catch (e) {
      if (Date.now() - started > timeoutMs) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export function workspaceRoot(index = 0): string {
  const folder = vscode.workspace.workspaceFolders?.[index];
  if (!folder) throw new Error('no workspace folder is open');
  return folder.uri.fsPath;
}
