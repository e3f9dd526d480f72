import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { nygardAdr } from '../fixtures/recordText';
import { answer, back, cancel, stepShown } from './quickInput';
import { eventually, lodestar, workspaceRoot, quickFixes } from './support';

// Each test starts from the fixture (records 1–6; the colleague's branch claims 5) and removes what it writes.

const adr = (...parts: string[]): string => path.join(workspaceRoot(), 'doc/adr', ...parts);

type Item = vscode.QuickPickItem & { record?: { path: string }; value?: unknown };
type Pick = vscode.QuickPick<Item>;

async function withRecord<T>(name: string, text: string, run: (file: string) => Promise<T>): Promise<T> {
  const { records } = await lodestar();
  const file = adr(name);
  fs.writeFileSync(file, text);
  await records.refreshPaths([file]);
  try {
    return await run(file);
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(file, { force: true });
    await records.refreshPaths([file]);
  }
}

describe('Commands act on the record in front of the user', () => {
  afterEach(async () => {
    await cancel();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Change Status from the palette preselects the active editor’s record, offers the folder’s own statuses, and Back returns to the record', async () => {
    await withRecord('0042-adopt-a-pending-review.md', nygardAdr({ number: 42, title: 'Adopt a pending review', status: 'Pending' }), async (pending) => {
      const { records } = await lodestar();
      const other = records.records('decision').find((r) => r.number === 2)!;
      await vscode.window.showTextDocument(vscode.Uri.file(other.path));
      const flow = vscode.commands.executeCommand('lodestar.changeStatus');
      const pick = (await stepShown(/^Change Status: which record\?$/, 1)) as Pick;
      assert.strictEqual(pick.totalSteps, 2);
      assert.strictEqual(pick.activeItems[0]?.record?.path, other.path, 'the record in the editor is preselected');
      assert.match(pick.activeItems[0].description ?? '', /open in the editor/);
      // The rest: newest first.
      const listed = pick.items.filter((i) => i.record).map((i) => i.record!.path);
      assert.strictEqual(listed[0], other.path);
      await answer(pick);
      const status = (await stepShown(/^Change Status of 0002 /, 2)) as Pick;
      const labels = status.items.map((i) => `${i.label}${i.description ? ` (${i.description})` : ''}`);
      assert.ok(labels.includes('Pending (used in this folder (1))'), labels.join(' | '));
      assert.ok(labels.includes('Draft') && labels.indexOf('Draft') < labels.indexOf('Pending (used in this folder (1))'), 'standard words first');
      await back();
      await stepShown(/^Change Status: which record\?$/, 1);
      await cancel();
      assert.strictEqual(await flow, false);
      assert.ok(fs.existsSync(pending));
    });
  });

  it('Supersede from the palette: the active record preselected, then "New decision…" drafts the successor in the same flow, the title step naming its file', async () => {
    const { records } = await lodestar();
    const older = records.records('decision').find((r) => r.number === 5 && r.title === 'Adopt feature flags')!;
    const olderBefore = fs.readFileSync(older.path, 'utf8');
    const before = new Set(fs.readdirSync(adr()));
    let created: string | undefined;
    try {
      await vscode.window.showTextDocument(vscode.Uri.file(older.path));
      const flow = vscode.commands.executeCommand('lodestar.supersedeDecision');
      const first = (await stepShown(/^Supersede which decision\?$/, 1)) as Pick;
      assert.strictEqual(first.totalSteps, 2);
      assert.strictEqual(first.activeItems[0]?.record?.path, older.path);
      await answer(first);
      const second = (await stepShown(/^Supersede: which record replaces it\?$/, 2)) as Pick;
      const entry = second.items.find((i) => /New decision…/.test(i.label))!;
      assert.ok(entry, second.items.map((i) => i.label).join(' | '));
      assert.ok(!second.items.some((i) => i.record?.path === older.path), 'a record does not supersede itself');
      second.activeItems = [entry];
      await answer(second);
      const title = (await stepShown(/^Supersede 0005 Adopt feature flags: new decision$/)) as vscode.InputBox;
      const number =
        Math.max(
          ...records
            .records('decision')
            .filter((r) => r.folder === older.folder)
            .map((r) => r.number ?? 0),
        ) + 1;
      assert.match(
        title.prompt ?? '',
        new RegExp(`^Title of decision ${number}, in doc/adr\\. Decision ${number} · written as doc/adr/${String(number).padStart(4, '0')}-`),
      );
      await answer(title, 'Ship flags through the config service');
      await stepShown(/: links \(optional\)$/, 2);
      // Back: the title step names the file the typed title gives (typing updates it as it goes).
      await back();
      const again = (await stepShown(/^Supersede 0005 Adopt feature flags: new decision$/, 1)) as vscode.InputBox;
      assert.match(again.prompt ?? '', new RegExp(`written as doc/adr/${String(number).padStart(4, '0')}-ship-flags-through-the-config-service\\.md$`));
      assert.strictEqual(again.totalSteps, 5, 'title, links, status, deciders, applies to: the older record is already chosen');
      await answer(again);
      await answer(await stepShown(/: links \(optional\)$/));
      await answer(await stepShown(/: status$/));
      await answer(await stepShown(/: deciders \(optional\)$/), '');
      // The active editor is a record, so Applies to starts empty.
      const appliesTo = (await stepShown(/: applies to… \(optional\)$/)) as vscode.InputBox;
      assert.strictEqual(appliesTo.value, '');
      await answer(appliesTo, '');
      assert.strictEqual(await flow, true);
      created = [...fs.readdirSync(adr())].find((f) => !before.has(f));
      assert.strictEqual(created, `${String(number).padStart(4, '0')}-ship-flags-through-the-config-service.md`);
      assert.match(
        fs.readFileSync(adr(created), 'utf8'),
        new RegExp(`Supersedes \\[5\\. ${older.title}\\]\\(${path.basename(older.path).replace(/\./g, '\\.')}\\)`),
      );
      assert.match(
        fs.readFileSync(older.path, 'utf8'),
        new RegExp(`Superseded by \\[${number}\\. Ship flags through the config service\\]\\(${created.replace(/\./g, '\\.')}\\)`),
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.writeFileSync(older.path, olderBefore);
      if (created) fs.rmSync(adr(created), { force: true });
      await records.refreshPaths([older.path, ...(created ? [adr(created)] : [])]);
    }
  });
});

describe('Every picker starts from the record in front, with steps and Back', () => {
  afterEach(async () => {
    await cancel();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Link Decision Records and Renumber from the palette preselect the record in the editor; Link counts its steps and goes Back', async () => {
    const { records } = await lodestar();
    const inFront = records.records('decision').find((r) => r.number === 2)!;
    await vscode.window.showTextDocument(vscode.Uri.file(inFront.path));
    const link = vscode.commands.executeCommand('lodestar.linkDecisions');
    const first = (await stepShown(/^Link which decision\?$/, 1)) as Pick;
    assert.strictEqual(first.totalSteps, 3);
    assert.strictEqual(first.activeItems[0]?.record?.path, inFront.path, 'the record in the editor is preselected');
    await answer(first);
    const second = (await stepShown(/^Link Decision Records: to which record\?$/, 2)) as Pick;
    assert.ok(second.items.some((i) => i.record) && !second.items.some((i) => i.record?.path === inFront.path), 'a record is not linked to itself');
    await back();
    await stepShown(/^Link which decision\?$/, 1);
    await cancel();
    assert.strictEqual(await link, false);

    const renumber = vscode.commands.executeCommand('lodestar.renumberDecision');
    const pick = (await stepShown(/^Renumber which decision record\?$/)) as Pick;
    assert.strictEqual(pick.activeItems[0]?.record?.path, inFront.path, 'the record in the editor is preselected');
    await cancel();
    assert.strictEqual(await renumber, undefined);
  });

  it('New Decision Record’s status step offers the folder’s own words (Pending) after the standard ones', async () => {
    await withRecord('0043-adopt-a-pending-rollout.md', nygardAdr({ number: 43, title: 'Adopt a pending rollout', status: 'Pending' }), async () => {
      const flow = vscode.commands.executeCommand('lodestar.newDecision');
      await answer(await stepShown(/^New Decision Record$/, 1), 'Roll out behind flags');
      await answer(await stepShown(/^New Decision Record: supersedes \(optional\)$/, 2));
      await answer(await stepShown(/^New Decision Record: links \(optional\)$/, 3));
      const status = (await stepShown(/^New Decision Record: status$/, 4)) as Pick;
      const labels = status.items.map((i) => `${i.label}${i.description ? ` (${i.description})` : ''}`);
      assert.ok(labels.includes('Pending (used in this folder (1))'), labels.join(' | '));
      assert.ok(labels.indexOf('Proposed') >= 0 && labels.indexOf('Proposed') < labels.indexOf('Pending (used in this folder (1))'), 'standard words first');
      await cancel();
      assert.strictEqual(await flow, undefined);
    });
  });
});

describe('Quick fixes', () => {
  async function fixFor(file: string, code: string, title: RegExp): Promise<vscode.Command> {
    const uri = vscode.Uri.file(file);
    await eventually(
      () =>
        assert.ok(
          vscode.languages.getDiagnostics(uri).some((d) => d.code === code),
          `no ${code} on ${path.basename(file)}`,
        ),
      15000,
    );
    const diagnostic = vscode.languages.getDiagnostics(uri).find((d) => d.code === code)!;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const actions = await quickFixes(uri, diagnostic.range, (offered) => offered.some((a) => title.test(a.title)));
    const action = actions.find((a) => title.test(a.title));
    assert.ok(action?.command, `actions: ${actions.map((a) => a.title).join(', ')}`);
    return action.command;
  }

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a one-sided supersede link offers "Add the missing side"; applying it writes the link back and the problem goes', async () => {
    const { records } = await lodestar();
    const older = adr('0045-use-a-message-queue.md');
    const newer = adr('0046-use-an-event-log.md');
    fs.writeFileSync(older, nygardAdr({ number: 45, title: 'Use a message queue' }));
    fs.writeFileSync(
      newer,
      nygardAdr({ number: 46, title: 'Use an event log', statusLines: ['Supersedes [45. Use a message queue](0045-use-a-message-queue.md)'] }),
    );
    try {
      await records.refreshPaths([older, newer]);
      const command = await fixFor(newer, 'one-sided-link', /^Add the missing side: "Superseded by 0046 Use an event log" in 0045 Use a message queue$/);
      assert.strictEqual(await vscode.commands.executeCommand(command.command, ...(command.arguments ?? [])), older);
      assert.match(fs.readFileSync(older, 'utf8'), /## Status\n\nSuperseded by \[46\. Use an event log\]\(0046-use-an-event-log\.md\)\n\n## Context/);
      await eventually(() => assert.ok(!vscode.languages.getDiagnostics(vscode.Uri.file(newer)).some((d) => d.code === 'one-sided-link')), 15000);
    } finally {
      fs.rmSync(older, { force: true });
      fs.rmSync(newer, { force: true });
      await records.refreshPaths([older, newer]);
    }
  });

  it('a number used twice offers Renumber; applying it moves the record to the next free number', async () => {
    const { records } = await lodestar();
    const first = adr('0047-cache-sessions.md');
    const second = adr('0047-cache-tokens.md');
    fs.writeFileSync(first, nygardAdr({ number: 47, title: 'Cache sessions' }));
    fs.writeFileSync(second, nygardAdr({ number: 47, title: 'Cache tokens' }));
    let moved: string | undefined;
    try {
      await records.refreshPaths([first, second]);
      const command = await fixFor(second, 'duplicate-number', /^Renumber this record/);
      moved = (await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []))) as string;
      assert.strictEqual(moved, adr('0048-cache-tokens.md'));
      assert.match(fs.readFileSync(moved, 'utf8'), /^# 48\. Cache tokens\n/);
      await eventually(() => assert.ok(!vscode.languages.getDiagnostics(vscode.Uri.file(first)).some((d) => d.code === 'duplicate-number')), 15000);
    } finally {
      for (const f of [first, second, ...(moved ? [moved] : [])]) fs.rmSync(f, { force: true });
      await records.refreshPaths([first, second, ...(moved ? [moved] : [])]);
    }
  });
});
