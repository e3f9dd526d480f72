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
    assert.deepStrictEqual(
      vscode.workspace.workspaceFolders?.map((f) => f.name),
      ['inventory', 'checkout'],
    );
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
    fs.writeFileSync(
      path.join(workspaceRoot(1), 'docs/adr/20260301-publish-receipts.md'),
      madr2Adr({ title: 'Publish receipts', status: 'accepted', date: '2026-03-01' }),
    );
    await eventually(async () => {
      const checkout = await child(trees.decisions, 'checkout: docs/adr');
      assert.ok((await labels(trees.decisions, await child(trees.decisions, 'Accepted (2)', checkout))).includes('Publish receipts'));
    });
  });
});

describe('decision reference patterns in a multi-root workspace', () => {
  it('are read for the folder of the file (a folder setting), and the folder without one keeps the default', async () => {
    await lodestar();
    const inventory = vscode.workspace.workspaceFolders![0];
    const config = vscode.workspace.getConfiguration('lodestar', inventory.uri);
    const file = path.join(workspaceRoot(0), 'src/stock.ts');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '// Cached as INV#2 decided; see also ADR-0001.\n');
    const linked = async (): Promise<string[]> => {
      const doc = await vscode.workspace.openTextDocument(file);
      const links = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri)) ?? [];
      return links.map((l) => `${doc.getText(l.range)} -> ${path.basename(l.target?.fsPath ?? '')}`).sort();
    };
    try {
      assert.deepStrictEqual(await linked(), ['ADR-0001 -> 0001-record-architecture-decisions.md']);
      await config.update('decisions.referencePatterns', ['\\bINV#(\\d+)', '(broken'], vscode.ConfigurationTarget.WorkspaceFolder);
      await eventually(async () => assert.deepStrictEqual(await linked(), ['INV#2 -> 0002-cache-stock-levels-in-redis.md']));
    } finally {
      await config.update('decisions.referencePatterns', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      fs.rmSync(file, { force: true });
      const settings = path.join(workspaceRoot(0), '.vscode/settings.json');
      if (fs.existsSync(settings) && fs.readFileSync(settings, 'utf8').replace(/\s/g, '') === '{}')
        fs.rmSync(path.dirname(settings), { recursive: true, force: true });
    }
  });
});

describe('bad files in the real VS Code', () => {
  it('each shows in the Problems panel with its code, and the good records stay listed', async () => {
    const api = await lodestar();
    const dir = path.join(workspaceRoot(0), 'architecture/decisions');
    const bad: Record<string, [string | Buffer, string]> = {
      '0010-empty.md': ['', 'empty-file'],
      '0011-binary.md': [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]), 'binary-file'],
      '0012-latin1.md': [Buffer.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]), 'invalid-utf8'],
      '0013-unclosed.md': ['---\nstatus: accepted\n# 13. Unclosed\n', 'unclosed-front-matter'],
      '0014-js.md': ['---js\n{ status: "x" }\n---\n# 14. JS\n', 'unsupported-front-matter'],
      '0015-bomb.md': [
        '---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\n# 15\n',
        'malformed-front-matter',
      ],
      '0016-huge.md': [`# 16. Huge\n\n${'x'.repeat(11 * 1024 * 1024)}`, 'file-too-large'],
      '0002-duplicate.md': ['# 2. Duplicate\n\n## Status\n\nAccepted\n', 'duplicate-number'],
    };
    for (const [name, [content]] of Object.entries(bad)) fs.writeFileSync(path.join(dir, name), content);
    await eventually(() => {
      for (const [name, [, code]] of Object.entries(bad)) {
        const codes = vscode.languages.getDiagnostics(vscode.Uri.file(path.join(dir, name))).map((d) => d.code);
        assert.ok(codes.includes(code), `${name}: expected ${code}, got ${JSON.stringify(codes)}`);
      }
    });
    const titles = api.records.records('decision').map((r) => r.title);
    assert.ok(titles.includes('Record architecture decisions') && titles.includes('Cache stock levels in Redis'), titles.join(', '));
    for (const name of Object.keys(bad)) fs.rmSync(path.join(dir, name));
    await eventually(() => assert.strictEqual(vscode.languages.getDiagnostics(vscode.Uri.file(path.join(dir, '0010-empty.md'))).length, 0));
  });
});
