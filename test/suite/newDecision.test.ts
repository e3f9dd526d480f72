import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { nygardAdr } from '../fixtures/recordText';
import { answer, cancel, stepShown } from './quickInput';
import { child, eventually, gitIn, labels, lodestar, messagesShownBy, workspaceRoot, quickFixes } from './support';

/**
 * Runs `fn` while git refuses to read the workspace's repository (a damaged `packed-refs`: git stops as it does in a
 * repository another user owns), and puts the file back after, before the fixture is compared with its baseline.
 */
async function whileGitRefuses<T>(fn: () => PromiseLike<T>): Promise<T> {
  const packed = path.join(gitIn(workspaceRoot(), ['rev-parse', '--absolute-git-dir']).trim(), 'packed-refs');
  const before = fs.existsSync(packed) ? fs.readFileSync(packed) : undefined;
  fs.writeFileSync(packed, 'not a ref line\n');
  try {
    return await fn();
  } finally {
    if (before) fs.writeFileSync(packed, before);
    else fs.rmSync(packed, { force: true });
  }
}

/** The warning notifications shown while `fn` runs. */
async function warningsShownBy<T>(fn: () => PromiseLike<T>): Promise<{ result: T; warnings: string[] }> {
  const { result, messages } = await messagesShownBy('showWarningMessage', fn);
  return { result, warnings: messages };
}

const UNCHECKED = /could not be read/;

describe('Lodestar: New Decision Record', () => {
  it('writes the next number (skipping one claimed on another branch), supersedes, shows it in the tree and opens it', async () => {
    const { trees } = await lodestar();
    const adr = path.join(workspaceRoot(), 'doc/adr');
    const created = (await vscode.commands.executeCommand('lodestar.newDecision', {
      title: 'Use Redis for sessions',
      supersedes: [path.join(adr, '0002-use-postgresql.md')],
      status: 'accepted',
      deciders: ['Dana Lead'],
    })) as string;
    // 1–6 are here, and the colleague's branch has a 5: the next is 7.
    assert.strictEqual(created, path.join(adr, '0007-use-redis-for-sessions.md'));
    const text = fs.readFileSync(created, 'utf8');
    assert.match(
      text,
      /^# 7\. Use Redis for sessions\n\nDate: \d{4}-\d{2}-\d{2}\n\nDeciders: Dana Lead\n\n## Status\n\nAccepted\n\nSupersedes \[2\. Use PostgreSQL\]\(0002-use-postgresql\.md\)\n\n## Context\n/,
    );
    const old = fs.readFileSync(path.join(adr, '0002-use-postgresql.md'), 'utf8');
    assert.match(old, /## Status\n\nSuperseded by \[7\. Use Redis for sessions\]\(0007-use-redis-for-sessions\.md\)\n\n## Context/);
    assert.doesNotMatch(old, /^Accepted$/m);

    // At once, not after the watcher: the command refreshes what it wrote.
    assert.ok((await labels(trees.decisions, await child(trees.decisions, 'Accepted (3)'))).includes('0007 Use Redis for sessions'));
    assert.ok((await labels(trees.decisions, await child(trees.decisions, 'Superseded (2)'))).includes('0002 Use PostgreSQL'));
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, created);
    assert.strictEqual(vscode.window.activeTextEditor?.selection.active.line, 14, 'the cursor waits in the Context section');
    // Its "Supersedes [2. Use PostgreSQL]" is no stale reference: records name the ones they replace. A note outside
    // the decision folder, opened after it with the same link, does get the warning: once it has, the record was checked too.
    const note = path.join(workspaceRoot(), 'notes.md');
    fs.writeFileSync(note, 'Supersedes [2. Use PostgreSQL](doc/adr/0002-use-postgresql.md), see ADR-0002.\n');
    const noteDoc = await vscode.workspace.openTextDocument(note);
    await vscode.window.showTextDocument(noteDoc, { preview: false });
    await eventually(() =>
      assert.ok(
        vscode.languages.getDiagnostics(noteDoc.uri).some((d) => d.code === 'stale-decision-reference'),
        'the note gets the warning',
      ),
    );
    assert.deepStrictEqual(vscode.languages.getDiagnostics(vscode.Uri.file(created)), []);
  });

  it('when git refuses to read the other branches, New Decision and Renumber still write, and a warning names git’s reason', async () => {
    await lodestar();
    const adr = path.join(workspaceRoot(), 'doc/adr');
    // Git reads the other branches: nothing to warn of.
    const checked = await warningsShownBy(() => vscode.commands.executeCommand<string>('lodestar.newDecision', { title: 'Use Redis for sessions' }));
    assert.strictEqual(checked.result, path.join(adr, '0007-use-redis-for-sessions.md'));
    assert.deepStrictEqual(
      checked.warnings.filter((w) => UNCHECKED.test(w)),
      [],
    );

    const created = await whileGitRefuses(() =>
      warningsShownBy(() => vscode.commands.executeCommand<string>('lodestar.newDecision', { title: 'Use Kafka for events' })),
    );
    assert.strictEqual(created.result, path.join(adr, '0008-use-kafka-for-events.md'));
    assert.match(fs.readFileSync(created.result, 'utf8'), /^# 8\. Use Kafka for events\n/);
    assert.deepStrictEqual(
      created.warnings.filter((w) => UNCHECKED.test(w)).map((w) => w.replace(/\(git: .*packed-refs.*\)/, '(git: …packed-refs…)')),
      ["Lodestar: the decision numbers of other branches could not be read (git: …packed-refs…); 8 was chosen from this branch's records only."],
    );

    const renumbered = await whileGitRefuses(() =>
      warningsShownBy(() => vscode.commands.executeCommand<string>('lodestar.renumberDecision', { path: path.join(adr, '0005-adopt-feature-flags.md') })),
    );
    assert.strictEqual(renumbered.result, path.join(adr, '0009-adopt-feature-flags.md'));
    assert.ok(!fs.existsSync(path.join(adr, '0005-adopt-feature-flags.md')));
    assert.match(fs.readFileSync(renumbered.result, 'utf8'), /^# 9\. Adopt feature flags\n/);
    assert.deepStrictEqual(
      renumbered.warnings.filter((w) => UNCHECKED.test(w)).map((w) => w.replace(/\(git: .*packed-refs.*\)/, '(git: …packed-refs…)')),
      ['Lodestar: the decision numbers of other branches could not be read (git: …packed-refs…); 9 is free here, but other branches were not checked.'],
    );
  });

  it('when git refuses to read the other branches, New Decision’s title step says so before anything is written', async () => {
    await lodestar();
    const adr = path.join(workspaceRoot(), 'doc/adr');
    const before = fs.readdirSync(adr).sort();
    const titleStep = async (): Promise<string> => {
      const flow = vscode.commands.executeCommand('lodestar.newDecision');
      const box = (await stepShown(/^New Decision Record$/, 1)) as vscode.InputBox;
      const prompt = box.prompt ?? '';
      await cancel();
      assert.strictEqual(await flow, undefined);
      return prompt;
    };
    // Git reads the other branches (the colleague's claims 5): the title step names the number and the file only.
    const checked = await titleStep();
    assert.strictEqual(checked, 'Title of decision 7, in doc/adr. Decision 7 · written as doc/adr/0007-title.md');

    const unchecked = await whileGitRefuses(titleStep);
    assert.strictEqual(
      unchecked.replace(/\(git: .*packed-refs.*\)/, '(git: …packed-refs…)'),
      "Title of decision 7, in doc/adr. Decision 7 · written as doc/adr/0007-title.md. ⚠ The decision numbers of other branches could not be read (git: …packed-refs…); 7 was chosen from this branch's records only.",
    );
    assert.deepStrictEqual(fs.readdirSync(adr).sort(), before, 'nothing written');
  });

  it('in a folder whose newest records are in German, the new record has adr-tools’ headings, fields and status in German', async () => {
    const { records } = await lodestar();
    const adr = path.join(workspaceRoot(), 'doc/adr');
    const german = [7, 8, 9].map((n) => ({
      file: path.join(adr, `000${n}-deutsch-${n}.md`),
      text: `# ${n}. Deutsch ${n}\n\nDatum: 2026-01-0${n - 6}\n\n## Status\n\nAkzeptiert\n\n## Kontext\n\nK.\n\n## Entscheidung\n\nE.\n\n## Konsequenzen\n\nF.\n`,
    }));
    for (const g of german) fs.writeFileSync(g.file, g.text);
    await records.refreshPaths(german.map((g) => g.file));
    const created = await vscode.commands.executeCommand<string>('lodestar.newDecision', { title: 'Neue Sache', status: 'accepted', deciders: ['Dana Lead'] });
    assert.strictEqual(created, path.join(adr, '0010-neue-sache.md'));
    assert.match(
      fs.readFileSync(created, 'utf8'),
      /^# 10\. Neue Sache\n\nDatum: \d{4}-\d{2}-\d{2}\n\nEntscheider: Dana Lead\n\n## Status\n\nAkzeptiert\n\n## Kontext\n\nDas Problem, .*\n\n## Entscheidung\n\n.*\n\n## Konsequenzen\n/,
    );
    assert.strictEqual(vscode.window.activeTextEditor?.selection.active.line, 12, 'the cursor waits in the Kontext section');
    // Read back as written: accepted, dated, decided by Dana Lead.
    const record = records.indexOf(created)?.record(created);
    assert.deepStrictEqual([record?.status, record?.people], ['accepted', ['Dana Lead']]);
  });

  it('with the MADR template, in a folder whose newest records are in French, the new record has MADR’s sections and status in French', async () => {
    const { records } = await lodestar();
    const adr = path.join(workspaceRoot(), 'doc/adr');
    const french = [7, 8, 9].map((n) => ({
      file: path.join(adr, `000${n}-francais-${n}.md`),
      text: `---\nstatus: acceptée\ndate: 2026-01-0${n - 6}\n---\n\n# Français ${n}\n\n## Contexte et énoncé du problème\n\nC.\n\n## Résultat de la décision\n\nR.\n`,
    }));
    for (const f of french) fs.writeFileSync(f.file, f.text);
    await records.refreshPaths(french.map((f) => f.file));
    const config = vscode.workspace.getConfiguration('lodestar');
    await config.update('decisions.template', 'madr', vscode.ConfigurationTarget.Global);
    try {
      const created = await vscode.commands.executeCommand<string>('lodestar.newDecision', {
        title: 'Nouvelle chose',
        status: 'accepted',
        deciders: ['Dana Lead'],
      });
      assert.strictEqual(created, path.join(adr, '0010-nouvelle-chose.md'));
      assert.match(
        fs.readFileSync(created, 'utf8'),
        /^---\nstatus: acceptée\ndate: \d{4}-\d{2}-\d{2}\ndecision-makers: \[Dana Lead\]\n---\n\n# Nouvelle chose\n\n## Contexte et énoncé du problème\n\n\n\n## Options envisagées\n\n## Résultat de la décision\n/,
      );
      assert.strictEqual(vscode.window.activeTextEditor?.selection.active.line, 10, 'the cursor waits under Contexte et énoncé du problème');
      const record = records.indexOf(created)?.record(created);
      assert.deepStrictEqual([record?.status, record?.dialect, record?.people], ['accepted', 'madr4', ['Dana Lead']]);
    } finally {
      await config.update('decisions.template', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('an empty title writes nothing', async () => {
    await lodestar();
    const before = fs.readdirSync(path.join(workspaceRoot(), 'doc/adr')).sort();
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.newDecision', { title: '   ' }), undefined);
    assert.deepStrictEqual(fs.readdirSync(path.join(workspaceRoot(), 'doc/adr')).sort(), before);
  });
});

describe('Lodestar: Change Status', () => {
  it('changes a decision status in place and the tree regroups it at once', async () => {
    const { trees } = await lodestar();
    const file = path.join(workspaceRoot(), 'doc/adr/0005-adopt-feature-flags.md');
    const before = fs.readFileSync(file, 'utf8');
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.changeStatus', { path: file, status: 'accepted' }), true);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), before.replace('## Status\n\nProposed\n', '## Status\n\nAccepted\n'));
    assert.ok((await labels(trees.decisions, await child(trees.decisions, 'Accepted (4)'))).includes('0005 Adopt feature flags'));
  });

  it('changes a design doc status in its front matter', async () => {
    const { trees } = await lodestar();
    const file = path.join(workspaceRoot(), 'docs/design/search-rewrite.md');
    const before = fs.readFileSync(file, 'utf8');
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.changeStatus', { path: file, status: 'approved' }), true);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), before.replace('status: draft', 'status: approved'));
    assert.deepStrictEqual(await labels(trees.designDocs), ['In review (1)', 'Approved (1)']);
  });
});

describe('Renumber quick fix', () => {
  it('a number claimed on another branch offers Renumber; applying it renames the file and clears the problem', async () => {
    const { trees } = await lodestar();
    const adr = path.join(workspaceRoot(), 'doc/adr');
    const file = path.join(adr, '0005-adopt-feature-flags.md');
    const uri = vscode.Uri.file(file);
    await eventually(() => assert.ok(vscode.languages.getDiagnostics(uri).some((d) => d.code === 'number-on-other-branch')));
    const diagnostic = vscode.languages.getDiagnostics(uri).find((d) => d.code === 'number-on-other-branch') as vscode.Diagnostic;
    // A quick fix is asked for in an open editor.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const actions = await quickFixes(uri, diagnostic.range, (offered) => offered.some((a) => a.title.startsWith('Renumber this record')));
    const renumber = actions.find((a) => a.title.startsWith('Renumber this record'));
    assert.ok(renumber?.command, `actions: ${actions.map((a) => a.title).join(', ')}`);
    const moved = (await vscode.commands.executeCommand(renumber.command.command, ...(renumber.command.arguments ?? []))) as string;
    // 1–6 are here and the colleague's branch has 5: the next free is 7.
    assert.strictEqual(moved, path.join(adr, '0007-adopt-feature-flags.md'));
    assert.ok(!fs.existsSync(file));
    assert.match(fs.readFileSync(moved, 'utf8'), /^# 7\. Adopt feature flags\n/);
    assert.ok((await labels(trees.decisions, await child(trees.decisions, 'Proposed (1)'))).includes('0007 Adopt feature flags'));
    await eventually(() => assert.ok(!vscode.languages.getDiagnostics(vscode.Uri.file(moved)).some((d) => d.code === 'number-on-other-branch')));
  });
});

describe('Supersede and Link between existing records', () => {
  it('supersede updates both records and the tree regroups', async () => {
    const { trees } = await lodestar();
    const adr = path.join(workspaceRoot(), 'doc/adr');
    const older = path.join(adr, '0001-record-architecture-decisions.md');
    const newer = path.join(adr, '0005-adopt-feature-flags.md');
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.supersedeDecision', { path: older, by: newer }), true);
    assert.match(fs.readFileSync(older, 'utf8'), /## Status\n\nSuperseded by \[5\. Adopt feature flags\]\(0005-adopt-feature-flags\.md\)\n\n## Context/);
    assert.match(fs.readFileSync(newer, 'utf8'), /Supersedes \[1\. Record architecture decisions\]\(0001-record-architecture-decisions\.md\)/);
    assert.ok((await labels(trees.decisions, await child(trees.decisions, 'Superseded (2)'))).includes('0001 Record architecture decisions'));
  });

  it('a custom verb pair links both ways', async () => {
    await lodestar();
    const adr = path.join(workspaceRoot(), 'doc/adr');
    const source = path.join(adr, '0004-use-grpc-for-internal-apis.md');
    const target = (await vscode.commands.executeCommand('lodestar.newDecision', { title: 'Use Redis for sessions', status: 'accepted' })) as string;
    assert.strictEqual(target, path.join(adr, '0007-use-redis-for-sessions.md'));
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.linkDecisions', { path: source, target, verb: 'Amends', reverse: 'Amended by' }), true);
    assert.match(fs.readFileSync(source, 'utf8'), /Amends \[7\. Use Redis for sessions\]\(0007-use-redis-for-sessions\.md\)/);
    assert.match(fs.readFileSync(target, 'utf8'), /Amended by \[4\. Use gRPC for internal APIs\]\(0004-use-grpc-for-internal-apis\.md\)/);
  });
});

describe('Generate Decision Index', () => {
  it('writes the folder README with the list, and a second run replaces only its own block', async () => {
    await lodestar();
    const readme = path.join(workspaceRoot(), 'doc/adr/README.md');
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.generateDecisionIndex', { style: 'toc' }), readme);
    const first = fs.readFileSync(readme, 'utf8');
    assert.match(
      first,
      /^# Architecture Decision Records\n\n<!-- lodestar:decision-index:start -->\n\* \[1\. Record architecture decisions\]\(0001-record-architecture-decisions\.md\)\n/,
    );
    assert.match(first, /\* \[5\. Adopt feature flags\]\(0005-adopt-feature-flags\.md\)\n/);
    fs.writeFileSync(readme, first.replace('# Architecture Decision Records\n', '# Architecture Decision Records\n\nKept by hand.\n'));
    await vscode.commands.executeCommand('lodestar.generateDecisionIndex', { style: 'table' });
    const second = fs.readFileSync(readme, 'utf8');
    assert.match(second, /Kept by hand\.\n\n<!-- lodestar:decision-index:start -->\n\| # \| Decision \| Status \| Date \|/);
    assert.strictEqual(second.match(/lodestar:decision-index:start/g)?.length, 1);
  });

  /** Points lodestar.decisions.directories at `dirs` and waits until the index has the decision folders `expected`. */
  async function decisionFolders(dirs: string[] | undefined, expected: string[]): Promise<void> {
    const { records } = await lodestar();
    await vscode.workspace.getConfiguration('lodestar').update('decisions.directories', dirs, vscode.ConfigurationTarget.Global);
    await records.rebuildAll();
    await eventually(() => {
      const folders = records
        .indexes()
        .flatMap(({ index }) => index.folders.filter((f) => f.kind === 'decision').map((f) => path.relative(workspaceRoot(), f.path)));
      assert.deepStrictEqual(folders, expected);
    });
  }

  it("with two decision folders and no argument, asks which and writes that folder's README only", async () => {
    await lodestar();
    const billing = path.join(workspaceRoot(), 'services/billing/decisions');
    fs.mkdirSync(billing, { recursive: true });
    fs.writeFileSync(path.join(billing, '0001-bill-in-arrears.md'), nygardAdr({ number: 1, title: 'Bill in arrears' }));
    try {
      await decisionFolders(['doc/adr', 'services/billing/decisions'], ['doc/adr', 'services/billing/decisions']);
      let settled = false;
      const flow = Promise.resolve(vscode.commands.executeCommand<string | undefined>('lodestar.generateDecisionIndex')).finally(() => (settled = true));
      const pick = (await stepShown(/^Generate Decision Index: which folder\?$/)) as vscode.QuickPick<vscode.QuickPickItem>;
      assert.deepStrictEqual(
        pick.items.map((i) => i.label),
        ['doc/adr', 'services/billing/decisions'],
      );
      pick.activeItems = [pick.items[1]];
      await answer(pick);
      // Then the style (a plain pick): Enter takes the first, the toc list.
      while (!settled) {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        await Promise.race([flow, new Promise((r) => setTimeout(r, 100))]);
      }
      assert.strictEqual(await flow, path.join(billing, 'README.md'));
      assert.match(fs.readFileSync(path.join(billing, 'README.md'), 'utf8'), /\* \[1\. Bill in arrears\]\(0001-bill-in-arrears\.md\)/);
      assert.ok(!fs.existsSync(path.join(workspaceRoot(), 'doc/adr/README.md')), 'the first folder is left alone');
    } finally {
      await decisionFolders(undefined, ['doc/adr']);
      fs.rmSync(path.join(workspaceRoot(), 'services'), { recursive: true, force: true });
    }
  });

  it('with no decision folder, says so and writes nothing', async () => {
    await lodestar();
    try {
      await decisionFolders(['no/such/folder'], []);
      assert.strictEqual(await vscode.commands.executeCommand('lodestar.generateDecisionIndex', { style: 'toc' }), undefined);
      assert.ok(!fs.existsSync(path.join(workspaceRoot(), 'doc/adr/README.md')));
      assert.ok(!fs.existsSync(path.join(workspaceRoot(), 'no')));
    } finally {
      await decisionFolders(undefined, ['doc/adr']);
    }
  });
});
