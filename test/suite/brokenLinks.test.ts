import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { RecordTreeNode } from '../../src/vscode/views/recordTrees';
import { eventually, lodestar, workspaceRoot, quickFixes } from './support';

/**
 * A body link to a record that was renamed: `broken-link` in the Problems
 * panel, a quick fix that links to the record with the same number, and, once
 * fixed, "Referenced by" on the linked record's tooltip and hover.
 */
describe('broken-link and its quick fix', () => {
  const created: string[] = [];
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const removed = created.splice(0);
    for (const f of removed) fs.rmSync(f, { force: true });
    const { records } = await lodestar();
    await records.refreshPaths(removed);
    await eventually(() => assert.ok(!records.records('decision').some((r) => /\/009[01]-/.test(r.path)), 'the test records are gone from the index'));
  });

  it('offers to link to the record with the same number, and the fixed link shows as Referenced by', async () => {
    const { records, trees } = await lodestar();
    const adr = path.join(workspaceRoot(), 'doc/adr');
    const target = path.join(adr, '0090-use-kafka-streams.md');
    const source = path.join(adr, '0091-read-order-events.md');
    created.push(target, source);
    fs.writeFileSync(target, '# 90. Use Kafka Streams\n\nDate: 2026-11-01\n\n## Status\n\nAccepted\n\n## Context\n\nRenamed from 0090-use-kafka.md.\n');
    fs.writeFileSync(
      source,
      '# 91. Read order events\n\nDate: 2026-11-02\n\n## Status\n\nAccepted\n\n## Context\n\nEvents come through [ADR 90](0090-use-kafka.md).\n',
    );
    await records.refreshPaths([target, source]);

    const uri = vscode.Uri.file(source);
    const broken = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'lodestar' && d.code === 'broken-link');
    await eventually(() => assert.strictEqual(broken().length, 1, 'the renamed link is reported'));
    assert.strictEqual(broken()[0].range.start.line, 10);

    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const title = 'Link to 0090-use-kafka-streams.md (the record with this number now)';
    const actions = await quickFixes(uri, broken()[0].range, (offered) => offered.some((a) => a.title === title));
    const fix = actions.find((a) => a.title === title);
    assert.ok(fix?.edit, `quick fixes offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(doc.lineAt(10).text, 'Events come through [ADR 90](0090-use-kafka-streams.md).');
    await doc.save();
    await records.refreshPaths([source]);
    await eventually(() => assert.strictEqual(broken().length, 0, 'the problem is gone once the link is mended'));

    // The linked record now carries the reverse link: in the tree's tooltip and in the hover over the link.
    const tooltip = async (): Promise<string> => {
      for (const group of await trees.decisions.getChildren()) {
        for (const node of (await trees.decisions.getChildren(group)) as RecordTreeNode[]) {
          const item = await trees.decisions.getTreeItem(node);
          if (String(item.label).startsWith('0090 ')) return (item.tooltip as vscode.MarkdownString).value;
        }
      }
      return '';
    };
    await eventually(async () => assert.match(await tooltip(), /Referenced by 0091 Read order events/));
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(10, 32))) ?? [];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    // appendText writes spaces as &nbsp;.
    assert.match(text.replace(/&nbsp;/g, ' '), /Referenced by 0091 Read order events/);
  });

  it("offers no fix when no record has the link's number", async () => {
    const { records } = await lodestar();
    const source = path.join(workspaceRoot(), 'doc/adr/0091-read-order-events.md');
    created.push(source);
    fs.writeFileSync(source, '---\nstatus: accepted\nsupersedes: 0090-use-kafka.md\n---\n\n# Read order events\n');
    await records.refreshPaths([source]);
    const uri = vscode.Uri.file(source);
    const broken = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'lodestar' && d.code === 'broken-link');
    await eventually(() => assert.strictEqual(broken().length, 1, 'the front-matter link is reported'));
    assert.strictEqual(broken()[0].range.start.line, 2, 'on the line of its key');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // Any answer that was not cancelled counts: the point is that no "Link to" fix is in it.
    const actions = await quickFixes(uri, broken()[0].range, () => true);
    assert.deepStrictEqual(
      actions.filter((a) => a.title.startsWith('Link to ')).map((a) => a.title),
      [],
    );
  });
});
