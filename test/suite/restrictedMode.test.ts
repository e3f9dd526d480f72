import * as assert from 'assert';
import * as vscode from 'vscode';
import { SINGLE_ROOT } from '../fixtures/workspaces';
import * as fs from 'fs';
import * as path from 'path';
import { child, eventually, labels, lodestar, workspaceRoot } from './support';

describe('Restricted Mode (an untrusted workspace)', () => {
  it('the workspace really is untrusted', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  it('browsing works: the views list the records', async () => {
    const { trees } = await lodestar();
    assert.deepStrictEqual(await labels(trees.decisions, await child(trees.decisions, 'Accepted (3)')), SINGLE_ROOT.accepted);
    assert.deepStrictEqual(await labels(trees.mentoring), ['Alice Example', 'bob']);
  });

  it('New Decision Record is refused, and nothing is written', async () => {
    await lodestar();
    const adr = path.join(workspaceRoot(), 'doc/adr');
    const before = fs.readdirSync(adr).sort();
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.newDecision', { title: 'Sneaky write' }), undefined);
    assert.deepStrictEqual(fs.readdirSync(adr).sort(), before);
  });

  it('mentoring and pairing commands are refused, nothing is written, and no pairing is detected from git', async () => {
    const { trees } = await lodestar();
    const mentoring = path.join(workspaceRoot(), 'docs/mentoring');
    const before = fs.readdirSync(mentoring, { recursive: true }).map(String).sort();
    const calls: [string, unknown][] = [
      ['lodestar.addMentee', { name: 'Sneaky', handle: 'sneaky' }],
      ['lodestar.logPairingSession', { mentee: 'alice', date: '2026-11-20' }],
      ['lodestar.newMentoringNote', { mentee: 'alice', kind: 'career', date: '2026-11-20' }],
      ['lodestar.confirmPairing', { mentee: 'bob', date: '2026-11-16' }],
      ['lodestar.showPairingMatrix', { window: 'all' }],
    ];
    for (const [command, args] of calls) assert.strictEqual(await vscode.commands.executeCommand(command, args), undefined, command);
    assert.deepStrictEqual(fs.readdirSync(mentoring, { recursive: true }).map(String).sort(), before);
    assert.deepStrictEqual(await labels(trees.mentoring, await child(trees.mentoring, 'bob')), ['Paired on flaky tests'], 'no Detected pairing without git');
  });

  it('every command that changes decision records or design docs is refused, and nothing changes', async () => {
    await lodestar();
    const root = workspaceRoot();
    const snapshot = (): string[] =>
      ['doc/adr', 'docs/design'].flatMap((d) =>
        fs
          .readdirSync(path.join(root, d))
          .sort()
          .map((f) => `${d}/${f}:${fs.readFileSync(path.join(root, d, f), 'utf8')}`),
      );
    const before = snapshot();
    const adr = (f: string): string => path.join(root, 'doc/adr', f);
    const calls: [string, unknown][] = [
      ['lodestar.changeStatus', { path: adr('0005-adopt-feature-flags.md'), status: 'accepted' }],
      ['lodestar.renameTitle', { path: adr('0002-use-postgresql.md'), title: 'Use MySQL' }],
      ['lodestar.renumberDecision', { path: adr('0002-use-postgresql.md'), number: 9 }],
      ['lodestar.supersedeDecision', { path: adr('0001-record-architecture-decisions.md'), by: adr('0002-use-postgresql.md') }],
      [
        'lodestar.linkDecisions',
        { path: adr('0001-record-architecture-decisions.md'), target: adr('0002-use-postgresql.md'), verb: 'Amends', reverse: 'Amended by' },
      ],
      ['lodestar.generateDecisionIndex', { style: 'toc' }],
      ['lodestar.newDesignDoc', { title: 'Sneaky design' }],
      ['lodestar.promoteToDecision', { path: path.join(root, 'docs/design/api-gateway.md'), title: 'Sneaky decision' }],
    ];
    for (const [command, args] of calls) assert.ok(!(await vscode.commands.executeCommand(command, args)), command);
    assert.deepStrictEqual(snapshot(), before);
  });

  it('pull requests and influence: the Influence view lists activities, but linking, logging and signing in are refused; no status-bar item', async () => {
    const { influence } = await lodestar();
    const tree = influence.tree;
    const quarters = await Promise.all((await tree.getChildren()).map(async (n) => String((await tree.getTreeItem(n)).label)));
    assert.ok(quarters.includes('2026 Q3'), quarters.join(' | '));
    const root = workspaceRoot();
    const snapshot = (): string[] =>
      ['docs/influence', 'docs/mentoring']
        .flatMap((d) =>
          fs.readdirSync(path.join(root, d), { recursive: true }).map((f) => `${d}/${String(f)}:${fs.statSync(path.join(root, d, String(f))).size}`),
        )
        .sort();
    const before = snapshot();
    const calls: [string, unknown][] = [
      ['lodestar.linkPullRequestToMentee', { pullRequest: 'https://github.com/acme/payments/pull/15', mentee: 'alice' }],
      [
        'lodestar.linkPullRequestToActivity',
        { pullRequest: 'https://github.com/acme/payments/pull/15', newActivity: { type: 'hiring', title: 'Sneaky', date: '2026-11-20' } },
      ],
      ['lodestar.linkPullRequest', { pullRequest: 'https://github.com/acme/payments/pull/15', record: path.join(root, 'docs/mentoring/alice.md') }],
      ['lodestar.logInfluenceActivity', { type: 'hiring', title: 'Sneaky', date: '2026-11-20' }],
      ['lodestar.signInToForge', {}],
      ['lodestar.setGitLabToken', { host: 'gitlab.com', token: 'glpat-sneaky' }],
    ];
    for (const [command, args] of calls) assert.ok(!(await vscode.commands.executeCommand(command, args)), command);
    assert.deepStrictEqual(snapshot(), before);
    await influence.statusBar.refresh();
    assert.strictEqual(influence.statusBar.visible, false);
    assert.strictEqual(await influence.pullRequests.current(root), null);
  });

  it('Generate Influence Report is refused wherever it would write (nothing written); the dashboard, which only reads, opens', async () => {
    await lodestar();
    const reports = path.join(workspaceRoot(), 'docs/reports');
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.generateInfluenceReport', { period: 'this-quarter', target: 'workspace' }), undefined);
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.generateInfluenceReport', { period: 'this-quarter', target: 'notebook' }), undefined);
    assert.ok(!fs.existsSync(reports));
    const shown = (await vscode.commands.executeCommand('lodestar.openDashboard', { period: 'this-year' })) as
      { html: string; panel: vscode.WebviewPanel } | undefined;
    assert.match(shown?.html ?? '', /data-lodestar-dashboard="1"/);
    shown?.panel.dispose();
  });

  it('git does not run: no branch check in the Problems panel', async () => {
    const { records } = await lodestar();
    // Built and checked: the branch checks that follow a build (git, in a trusted workspace) are done too.
    await records.idle();
    await eventually(() =>
      assert.ok(
        vscode.languages.getDiagnostics().some(([, ds]) => ds.some((d) => d.code === 'malformed-front-matter')),
        'the file problems are there',
      ),
    );
    assert.ok(!records.problems().some((p) => p.code === 'number-on-other-branch'), 'nothing that needed git in the index');
    const all = vscode.languages.getDiagnostics().flatMap(([, ds]) => ds.map((d) => d.code));
    assert.ok(!all.includes('number-on-other-branch'), 'nor in the Problems panel');
  });
});
