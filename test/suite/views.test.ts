import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { SINGLE_ROOT } from '../fixtures/workspaces';
import { child, eventually, labels, lodestar, workspaceRoot } from './support';

describe('views in a single-root workspace', () => {
  it('Decisions: grouped by status with counts, records labelled "0002 Use PostgreSQL"', async () => {
    const { trees } = await lodestar();
    assert.deepStrictEqual(await labels(trees.decisions), ['Proposed (1)', 'Accepted (3)', 'Superseded (1)', 'No status (1)']);
    assert.deepStrictEqual(await labels(trees.decisions, await child(trees.decisions, 'Accepted (3)')), SINGLE_ROOT.accepted);
    assert.deepStrictEqual(await labels(trees.decisions, await child(trees.decisions, 'Proposed (1)')), SINGLE_ROOT.proposed);
  });

  it('a record row: status and date, status icon, tooltip, and a click opens the file', async () => {
    const { trees } = await lodestar();
    const node = await child(trees.decisions, '0002 Use PostgreSQL', await child(trees.decisions, 'Accepted (3)'));
    const item = await trees.decisions.getTreeItem(node);
    assert.strictEqual(item.description, 'accepted · 2026-01-12');
    assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, 'pass');
    assert.match((item.tooltip as vscode.MarkdownString).value, /Use PostgreSQL/);
    assert.match((item.tooltip as vscode.MarkdownString).value, /Status: Accepted/);
    const file = path.join(workspaceRoot(), 'doc/adr/0002-use-postgresql.md');
    assert.strictEqual(item.command?.command, 'vscode.open');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, file);
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /# 2\. Use PostgreSQL/);
  });

  it('supersede chains are visible in both directions', async () => {
    const { trees } = await lodestar();
    const superseded = await child(trees.decisions, '0003 Use REST for internal APIs', await child(trees.decisions, 'Superseded (1)'));
    assert.deepStrictEqual(await labels(trees.decisions, superseded), ['Superseded by 0004 Use gRPC for internal APIs']);
    assert.match(String((await trees.decisions.getTreeItem(superseded)).description), /by 0004 Use gRPC/);
    const successor = await child(trees.decisions, '0004 Use gRPC for internal APIs', await child(trees.decisions, 'Accepted (3)'));
    assert.deepStrictEqual(await labels(trees.decisions, successor), ['Supersedes 0003 Use REST for internal APIs']);
  });

  it('Design Docs: grouped by status', async () => {
    const { trees } = await lodestar();
    const groups = await labels(trees.designDocs);
    assert.deepStrictEqual(groups, ['Draft (1)', 'In review (1)']);
    for (const [status, titles] of Object.entries(SINGLE_ROOT.designDocs)) {
      assert.deepStrictEqual(await labels(trees.designDocs, await child(trees.designDocs, `${status} (${titles.length})`)), titles);
    }
    const gateway = await child(trees.designDocs, 'API gateway', await child(trees.designDocs, 'In review (1)'));
    assert.deepStrictEqual(
      await labels(trees.designDocs, gateway),
      ['Decision 0004 Use gRPC for internal APIs'],
      'the ADR-0004 reference resolves to the record',
    );
  });

  it('Mentoring: mentees with their sessions, newest first', async () => {
    const { trees } = await lodestar();
    assert.deepStrictEqual(await labels(trees.mentoring), ['Alice Example', 'bob']);
    const alice = await child(trees.mentoring, 'Alice Example');
    assert.strictEqual((await trees.mentoring.getTreeItem(alice)).description, '2 sessions · last 2026-11-05');
    const sessions = await trees.mentoring.getChildren(alice);
    const descriptions = await Promise.all(sessions.map(async (s) => String((await trees.mentoring.getTreeItem(s)).description)));
    assert.deepStrictEqual(
      descriptions.map((d) => d.slice(0, 10)),
      SINGLE_ROOT.mentees.alice,
    );
    assert.deepStrictEqual(await labels(trees.mentoring, alice), ['Growth plan check-in', 'Paired on the retry logic']);
  });

  it('decision references in code: links, hover, and a warning naming the successor of a superseded record', async () => {
    await lodestar();
    const file = path.join(workspaceRoot(), 'src/client.ts');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      '// Calls use REST for now, see ADR-0003.\n// Plan: ../doc/adr/0004-use-grpc-for-internal-apis.md and ADR 2.\nexport const x = 1;\n',
    );
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    const links = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri)) ?? [];
    const targets = links.map((l) => [doc.getText(l.range), path.basename(l.target?.fsPath ?? '')]).sort();
    assert.deepStrictEqual(targets, [
      ['../doc/adr/0004-use-grpc-for-internal-apis.md', '0004-use-grpc-for-internal-apis.md'],
      ['ADR 2', '0002-use-postgresql.md'],
      ['ADR-0003', '0003-use-rest-for-internal-apis.md'],
    ]);
    const hovers =
      (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf('ADR-0003') + 2))) ??
      [];
    // MarkdownString.appendText writes spaces as &nbsp;, which the hover shows as spaces.
    const hoverText = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
      .join('\n')
      .replace(/&nbsp;/g, ' ');
    assert.match(hoverText, /0003 Use REST for internal APIs/);
    assert.match(hoverText, /Superseded/);
    await eventually(() => {
      const warnings = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'lodestar');
      assert.deepStrictEqual(
        warnings.map((d) => [doc.getText(d.range), d.message]),
        [['ADR-0003', 'ADR-0003 "Use REST for internal APIs" is superseded by ADR-0004 "Use gRPC for internal APIs".']],
      );
    });
  });

  it('filter and group-by from the view title bar', async () => {
    const { trees, views } = await lodestar();
    await vscode.commands.executeCommand('lodestar.decisions.filter', 'grpc');
    assert.deepStrictEqual(await labels(trees.decisions), ['Accepted (1)']);
    assert.strictEqual(views.decisions.description, 'filter: grpc');
    await vscode.commands.executeCommand('lodestar.decisions.groupBy', 'none');
    assert.deepStrictEqual(await labels(trees.decisions), ['0004 Use gRPC for internal APIs']);
    await vscode.commands.executeCommand('lodestar.decisions.filter', 'status:proposed');
    assert.deepStrictEqual(await labels(trees.decisions), ['0005 Adopt feature flags']);
    assert.strictEqual(views.decisions.description, 'filter: status:proposed');
    await vscode.commands.executeCommand('lodestar.decisions.clearFilter');
    assert.strictEqual(views.decisions.description, undefined);
    await vscode.commands.executeCommand('lodestar.designDocs.filter', 'gateway');
    assert.strictEqual(views.designDocs.description, 'filter: gateway');
    assert.deepStrictEqual(await labels(trees.designDocs), ['In review (1)']);
    await vscode.commands.executeCommand('lodestar.designDocs.clearFilter');
    assert.strictEqual(views.designDocs.description, undefined);
    assert.deepStrictEqual((await labels(trees.decisions)).slice(0, 3), [
      '0001 Record architecture decisions',
      '0002 Use PostgreSQL',
      '0003 Use REST for internal APIs',
    ]);
    await vscode.commands.executeCommand('lodestar.decisions.groupBy', 'status');
    assert.deepStrictEqual(await labels(trees.decisions), ['Proposed (1)', 'Accepted (3)', 'Superseded (1)', 'No status (1)']);
  });

  it('a number another branch gives to a different record shows in the Problems panel', async () => {
    await lodestar();
    const uri = vscode.Uri.file(path.join(workspaceRoot(), 'doc/adr/0005-adopt-feature-flags.md'));
    await eventually(() => {
      const d = vscode.languages.getDiagnostics(uri).find((x) => x.code === 'number-on-other-branch');
      assert.ok(d, 'diagnostic present');
      assert.match(d.message, new RegExp(`0005-use-launchdarkly.md on branch ${SINGLE_ROOT.colleagueBranch}`));
    });
  });

  it('a malformed file shows in the Problems panel and the rest of the index is unaffected', async () => {
    const api = await lodestar();
    const uri = vscode.Uri.file(path.join(workspaceRoot(), SINGLE_ROOT.malformed));
    await eventually(() =>
      assert.deepStrictEqual(
        vscode.languages.getDiagnostics(uri).map((d) => [d.code, d.severity, d.source]),
        [['malformed-front-matter', vscode.DiagnosticSeverity.Error, 'lodestar']],
      ),
    );
    assert.strictEqual(api.records.records('decision').length, 6);
  });
});
