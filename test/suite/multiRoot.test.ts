import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { MULTI_ROOT } from '../fixtures/workspaces';
import { madr2Adr } from '../fixtures/recordText';
import { stepShown, answer } from './quickInput';
import { child, eventually, httpGet, itemMenuShows, labels, lodestar, workspaceRoot } from './support';

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

describe('the pairing matrix in a multi-root workspace', () => {
  it('asks which folder when only a window is given, and shows the one chosen', async () => {
    await lodestar();
    const flow = vscode.commands.executeCommand<{ root: string; panel: vscode.WebviewPanel } | undefined>('lodestar.showPairingMatrix', { window: 'all' });
    const pick = (await stepShown(/^Show Pairing Matrix: which folder\?$/)) as vscode.QuickPick<vscode.QuickPickItem>;
    assert.deepStrictEqual(
      pick.items.map((i) => i.label),
      ['inventory', 'checkout'],
    );
    pick.activeItems = [pick.items[1]];
    await answer(pick);
    const shown = await flow;
    try {
      assert.strictEqual(fs.realpathSync(shown?.root ?? '.'), fs.realpathSync(workspaceRoot(1)));
    } finally {
      shown?.panel.dispose();
    }
  });
});

describe('decisions without a number (log4brains, date-named)', () => {
  const stripe = (): string => path.join(workspaceRoot(1), 'docs/adr/20260110-use-stripe-for-card-payments.md');
  const retry = (): string => path.join(workspaceRoot(1), 'docs/adr/20260214-retry-webhooks-with-backoff.md');

  it('their tree items hide Renumber (and keep the other edits); run anyway, Renumber changes nothing', async () => {
    const { trees } = await lodestar();
    const checkout = await child(trees.decisions, 'checkout: docs/adr');
    const node = await child(trees.decisions, 'Use Stripe for card payments', await child(trees.decisions, 'Accepted (1)', checkout));
    const unnumbered = (await trees.decisions.getTreeItem(node)).contextValue ?? '';
    assert.strictEqual(unnumbered, 'lodestar.decision.unnumbered');
    const inventory = await child(trees.decisions, 'inventory: architecture/decisions');
    const numberedNode = await child(trees.decisions, '0001 Record architecture decisions', await child(trees.decisions, 'Accepted (1)', inventory));
    const numbered = (await trees.decisions.getTreeItem(numberedNode)).contextValue ?? '';
    assert.strictEqual(numbered, 'lodestar.decision');
    assert.ok(!itemMenuShows('lodestar.renumberDecision', unnumbered), 'no Renumber on an unnumbered decision');
    assert.ok(itemMenuShows('lodestar.renumberDecision', numbered), 'Renumber on a numbered decision');
    for (const command of [
      'lodestar.supersedeDecision',
      'lodestar.linkDecisions',
      'lodestar.changeStatus',
      'lodestar.renameTitle',
      'lodestar.linkPullRequest',
    ]) {
      assert.ok(itemMenuShows(command, unnumbered), `${command} on an unnumbered decision`);
    }
    const before = fs.readdirSync(path.dirname(stripe())).sort();
    const text = fs.readFileSync(stripe(), 'utf8');
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.renumberDecision', node), undefined);
    assert.deepStrictEqual(fs.readdirSync(path.dirname(stripe())).sort(), before);
    assert.strictEqual(fs.readFileSync(stripe(), 'utf8'), text);
  });

  it('Supersede offers an unnumbered successor and links both by path', async () => {
    const { records } = await lodestar();
    const flow = vscode.commands.executeCommand<boolean>('lodestar.supersedeDecision', { path: stripe() });
    type Pick = vscode.QuickPick<vscode.QuickPickItem & { record?: { path: string } }>;
    const pick = (await stepShown(/^Supersede: which record replaces it\?$/)) as Pick;
    const successor = pick.items.find((i) => i.record?.path === retry());
    assert.ok(successor, pick.items.map((i) => i.label).join(' | '));
    pick.activeItems = [successor];
    await answer(pick);
    assert.strictEqual(await flow, true);
    assert.match(fs.readFileSync(stripe(), 'utf8'), /^\* Status: superseded by \[Retry webhooks with backoff\]\(20260214-retry-webhooks-with-backoff\.md\)$/m);
    assert.match(fs.readFileSync(retry(), 'utf8'), /^\* Supersedes \[Use Stripe for card payments\]\(20260110-use-stripe-for-card-payments\.md\)$/m);
    await eventually(() => {
      const older = records.records('decision').find((r) => r.path.endsWith('/20260110-use-stripe-for-card-payments.md'));
      assert.strictEqual(older?.status, 'superseded');
    });
  });
});

describe('Preview Decision Site with two folders', () => {
  it('a build that fails serves nothing; run again, it asks which folder and serves that one', async () => {
    await lodestar();
    // The preview builds into the temp folder named after this process (the extension host, which runs the tests too).
    const outDir = path.join(os.tmpdir(), `lodestar-preview-${process.pid}`);
    assert.ok(!fs.existsSync(outDir), 'no preview ran yet in this window');
    fs.writeFileSync(outDir, 'a file where the site goes\n');
    try {
      assert.strictEqual(await vscode.commands.executeCommand('lodestar.previewDecisionSite', { open: false, folder: workspaceRoot(1) }), undefined);
      assert.strictEqual(fs.readFileSync(outDir, 'utf8'), 'a file where the site goes\n');
    } finally {
      fs.rmSync(outDir, { force: true });
    }
    const flow = vscode.commands.executeCommand<string | undefined>('lodestar.previewDecisionSite', { open: false });
    const pick = (await stepShown(/^Preview Decision Site: which folder\?$/)) as vscode.QuickPick<vscode.QuickPickItem>;
    assert.deepStrictEqual(
      pick.items.map((i) => i.label),
      ['inventory', 'checkout'],
    );
    pick.activeItems = [pick.items[1]];
    await answer(pick);
    const url = await flow;
    assert.match(url ?? '', /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = (await httpGet(url!)).body;
    assert.match(home, /Use Stripe for card payments/);
    assert.doesNotMatch(home, /Cache stock levels in Redis/);
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
