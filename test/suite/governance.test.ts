import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { SINGLE_ROOT } from '../fixtures/workspaces';
import { answer, stepShown } from './quickInput';
import { child, eventually, labels, lodestar, workspaceRoot } from './support';

async function open(file: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(doc);
  return doc;
}

async function ourLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)) ?? [];
  return lenses.filter((l) => l.command?.command === 'lodestar.showGoverningRecords');
}

/** Runs a command that shows a quick pick, accepts its first item as Enter would, and returns what the command returned. */
async function acceptFirstPick<T>(command: vscode.Command): Promise<T> {
  let settled = false;
  const result = Promise.resolve(vscode.commands.executeCommand<T>(command.command, ...(command.arguments ?? []))).finally(() => (settled = true));
  // The pick opens asynchronously: press Enter on it until the command has finished.
  while (!settled) {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await Promise.race([result, new Promise((r) => setTimeout(r, 100))]);
  }
  return result;
}

describe('decisions that govern code (applies-to)', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Other tests read the Decisions view's top rows: wait until the group has gone with the editors.
    const { trees } = await lodestar();
    await eventually(async () => assert.ok(!(await labels(trees.decisions)).some((l) => l.startsWith('For Current File'))));
  });

  it('a governed file: "2 decisions" in the status bar, a CodeLens on its first line, For Current File in the Decisions view', async () => {
    const { governing, trees } = await lodestar();
    const doc = await open(path.join(workspaceRoot(), SINGLE_ROOT.governed.file));
    const [first, second] = SINGLE_ROOT.governed.records;
    await eventually(() => {
      assert.strictEqual(governing.statusBar.text, '$(law) 2 decisions');
      assert.ok(governing.statusBarShown());
    }, 20000);
    const tooltip = (governing.statusBar.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ');
    assert.ok(tooltip.includes(first) && tooltip.includes(second), tooltip);

    const lenses = await ourLenses(doc);
    assert.strictEqual(lenses.length, 1);
    assert.strictEqual(lenses[0].range.start.line, 0);
    assert.match(
      lenses[0].command?.title ?? '',
      new RegExp(`^\\$\\(law\\) Governed by 2 decisions: ${first}.*, ${second} \\(superseded → 0004 Use gRPC[^)]*\\)$`),
    );

    assert.strictEqual((await labels(trees.decisions))[0], 'For Current File (2)');
    const group = await child(trees.decisions, 'For Current File (2)');
    assert.strictEqual((await trees.decisions.getTreeItem(group)).description, path.basename(SINGLE_ROOT.governed.file));
    assert.deepStrictEqual(await labels(trees.decisions, group), [first, second]);

    // Clicking the CodeLens opens a quick pick of the records, then the one picked.
    const opened = await acceptFirstPick<string>(lenses[0].command as vscode.Command);
    assert.strictEqual(opened, path.join(workspaceRoot(), 'doc/adr/0002-use-postgresql.md'));
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, opened);
    // With the record in front, the group still lists the code file's decisions; the status bar follows the editor.
    assert.strictEqual((await labels(trees.decisions))[0], 'For Current File (2)');
    await eventually(() => assert.ok(!governing.statusBarShown()));
  });

  it('a file nothing governs: no status-bar item, no CodeLens, no For Current File group', async () => {
    const { governing, trees } = await lodestar();
    await open(path.join(workspaceRoot(), SINGLE_ROOT.governed.file));
    await eventually(() => assert.ok(governing.statusBarShown()), 20000);
    const doc = await open(path.join(workspaceRoot(), 'README.md'));
    await eventually(() => assert.ok(!governing.statusBarShown()));
    assert.deepStrictEqual(await ourLenses(doc), []);
    await eventually(async () => assert.ok(!(await labels(trees.decisions)).some((l) => l.startsWith('For Current File'))));
  });

  it('a new file under a governed folder is governed before git tracks it, and ADR-N hovers in it keep working', async () => {
    const { governing } = await lodestar();
    const file = path.join(workspaceRoot(), 'src/api/payments-client.ts');
    fs.writeFileSync(file, '// Calls REST until ADR-0004 lands everywhere.\nexport const client = 1;\n');
    try {
      const doc = await open(file);
      await eventually(() => assert.strictEqual(governing.statusBar.text, '$(law) 1 decision'), 20000);
      const lenses = await ourLenses(doc);
      assert.match(lenses[0]?.command?.title ?? '', /^\$\(law\) Governed by 0003 Use REST for internal APIs \(superseded → 0004 Use gRPC[^)]*\)$/);
      const hovers =
        (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf('ADR-0004') + 2))) ??
        [];
      const hoverText = hovers
        .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
        .join('\n')
        .replace(/&nbsp;/g, ' ');
      assert.match(hoverText, /0004 Use gRPC for internal APIs/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(file, { force: true });
    }
  });

  it('New Decision Record… asks "Applies to…" last, prefilled with the active editor\'s folder, and writes it to the record', async () => {
    const { records } = await lodestar();
    await open(path.join(workspaceRoot(), SINGLE_ROOT.governed.file));
    const drafted = Promise.resolve(vscode.commands.executeCommand<string | undefined>('lodestar.newDecision'));
    let created: string | undefined;
    try {
      await answer(await stepShown(/^New Decision Record$/, 1), 'Cache orders in memory');
      await answer(await stepShown(/supersedes/, 2));
      await answer(await stepShown(/links/, 3));
      await answer(await stepShown(/status/, 4));
      await answer(await stepShown(/deciders/, 5));
      const appliesTo = await stepShown(/applies to/, 6);
      assert.strictEqual(appliesTo.value, 'src/api/**');
      await answer(appliesTo, 'src/api/**, !src/api/legacy/**');
      created = await drafted;
      assert.ok(created, 'a record was written');
      assert.match(
        fs.readFileSync(created, 'utf8'),
        /^---\napplies-to: \["src\/api\/\*\*", "!src\/api\/legacy\/\*\*"\]\n---\n# \d+\. Cache orders in memory\n/,
      );
      assert.deepStrictEqual(records.indexOf(created)?.record(created)?.appliesTo, ['src/api/**', '!src/api/legacy/**']);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await drafted.catch(() => undefined);
      if (created) fs.rmSync(created, { force: true });
    }
  });
});
