import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { SINGLE_ROOT_PAIRING, SINGLE_ROOT_PULLS } from '../fixtures/workspaces';
import type { LodestarApi } from '../../src/extension';
import type { InfluenceNode } from '../../src/vscode/views/influenceTree';
import { historyPullRequestItems } from '../../src/vscode/commands/pullRequestPicker';
import { answer, cancel, stepShown } from './quickInput';
import { addLaterCommits, eventually, lodestar, workspaceRoot } from './support';
import { SCANNED_COMMITS } from '../../src/vscode/workspacePullRequests';
import type { PullRequestItem } from '../../src/vscode/commands/pullRequestPicker';

// The single-root fixture: main's HEAD is #15's squash. Each test sets up what it needs (a commit after the
// squash, the review branch, links) with the helpers below; the suite restores the fixture after every test.

const { me } = SINGLE_ROOT_PAIRING;
const gitEnv = { ...process.env, GIT_AUTHOR_NAME: me.name, GIT_AUTHOR_EMAIL: me.email, GIT_COMMITTER_NAME: me.name, GIT_COMMITTER_EMAIL: me.email };
const git = (args: string[]): string =>
  execFileSync('git', ['-c', 'core.hooksPath=/dev/null', ...args], { cwd: workspaceRoot(), env: gitEnv, encoding: 'utf8' });
const file = (...parts: string[]): string => path.join(workspaceRoot(), ...parts);
const pr = (n: number): string => `https://github.com/acme/payments/pull/${n}`;
/** An open pull request, not in history: the branch's upstream names it, as `gh pr checkout 21` sets it. */
const reviewBranch = 'review/refund-flow';

async function api(): Promise<LodestarApi> {
  return lodestar();
}

async function rows(node?: InfluenceNode): Promise<{ node: InfluenceNode; item: vscode.TreeItem; label: string }[]> {
  const { tree } = (await api()).influence;
  return Promise.all((await tree.getChildren(node)).map(async (n) => ({ node: n, item: tree.getTreeItem(n), label: String(tree.getTreeItem(n).label) })));
}

async function row(label: string, node?: InfluenceNode): Promise<{ node: InfluenceNode; item: vscode.TreeItem }> {
  const all = await rows(node);
  const found = all.find((r) => r.label === label);
  if (!found) throw new Error(`no row "${label}"; rows: ${all.map((r) => r.label).join(' | ')}`);
  return found;
}

/** The status bar item's text once it settles on `expected` (HEAD moves are picked up by the .git watcher). */
async function statusBarSays(expected: string | undefined): Promise<void> {
  const { statusBar } = (await api()).influence;
  await eventually(async () => {
    await statusBar.refresh();
    if (expected === undefined) assert.strictEqual(statusBar.visible, false, `hidden, not "${statusBar.text}"`);
    else assert.strictEqual(statusBar.visible ? statusBar.text : '(hidden)', expected);
  });
}

/** A commit on main after #15's squash, so HEAD is no pull request's merge. */
function workAfterTheSquash(): void {
  git(['commit', '-q', '--allow-empty', '-m', 'Work after #15']);
}

/** On the branch `review/refund-flow`, whose upstream is refs/pull/21/head (as `gh pr checkout 21` sets it). */
function onReviewBranch(): void {
  workAfterTheSquash();
  git(['checkout', '-q', '-b', reviewBranch]);
  git(['config', `branch.${reviewBranch}.remote`, 'origin']);
  git(['config', `branch.${reviewBranch}.merge`, 'refs/pull/21/head']);
}

async function linkAliceTo21(): Promise<void> {
  assert.strictEqual(
    await vscode.commands.executeCommand('lodestar.linkPullRequestToMentee', { pullRequest: '#21', mentee: 'alice' }),
    file('docs/mentoring/alice.md'),
  );
}

/** The activity "Reviewed the refund flow" (2025-12-03, design review, alice), linked to #21. */
async function refundFlowActivity(): Promise<string> {
  return (await vscode.commands.executeCommand('lodestar.linkPullRequestToActivity', {
    pullRequest: '#21',
    newActivity: { type: 'design-review', title: 'Reviewed the refund flow', date: '2025-12-03', people: ['alice'] },
  })) as string;
}

/** The activity "Brown-bag on forge rate limits" (2025-11-14, knowledge sharing), linked to #12 and to ADR-0002 and the API gateway design. */
async function brownBagActivity(): Promise<string> {
  const { records } = await api();
  const adr2 = records.records('decision').find((r) => r.number === 2)!;
  return (await vscode.commands.executeCommand('lodestar.logInfluenceActivity', {
    type: 'knowledge-sharing',
    title: 'Brown-bag on forge rate limits',
    date: '2025-11-14',
    people: ['alice', 'bob'],
    pullRequests: ['#12'],
    decisions: [adr2.path],
    designs: [file('docs/design/api-gateway.md')],
    outcome: 'Two teams adopted the client',
  })) as string;
}

describe('Pull requests and influence', () => {
  const alice = (): string => file('docs/mentoring/alice.md');
  let aliceBefore = '';

  before(async () => {
    await api();
    aliceBefore = fs.readFileSync(alice(), 'utf8');
  });

  it('HEAD at a merged pull request’s squash (a detached checkout) makes it the current one: the status bar says "#15 not linked"', async () => {
    const squash = git(['log', '--format=%H%x09%s', 'main'])
      .split('\n')
      .find((l) => l.endsWith(`\tAdd idempotency keys (#${SINGLE_ROOT_PULLS.current.number})`))!
      .split('\t')[0];
    git(['checkout', '-q', '--detach', squash]);
    try {
      await statusBarSays('$(git-pull-request) #15 not linked');
      const current = await (await api()).influence.pullRequests.current(workspaceRoot());
      assert.deepStrictEqual([current?.url, current?.title, current?.atHead], [SINGLE_ROOT_PULLS.current.url, SINGLE_ROOT_PULLS.current.title, true]);
    } finally {
      git(['checkout', '-q', 'main']);
    }
  });

  it('on a branch whose upstream is refs/pull/21/head, #21 is the current pull request; on main (HEAD not a merge) there is none and the item hides', async () => {
    workAfterTheSquash();
    await statusBarSays(undefined);
    git(['checkout', '-q', '-b', reviewBranch]);
    git(['config', `branch.${reviewBranch}.remote`, 'origin']);
    git(['config', `branch.${reviewBranch}.merge`, 'refs/pull/21/head']);
    await statusBarSays('$(git-pull-request) #21 not linked');
    const { statusBar } = (await api()).influence;
    assert.match(statusBar.tooltip, /acme\/payments#21\nThe pull request of review\/refund-flow\./);
  });

  it('Link Pull Request to Mentee with arguments adds the URL to the profile’s front matter and changes nothing else, byte for byte', async () => {
    onReviewBranch();
    const written = await vscode.commands.executeCommand('lodestar.linkPullRequestToMentee', { pullRequest: '#21', mentee: 'alice' });
    assert.strictEqual(written, alice());
    const after = fs.readFileSync(alice(), 'utf8');
    const added = `pullRequests:\n  - ${pr(21)}\n`;
    assert.strictEqual(after, aliceBefore.replace(/\n---\n/, `\n${added}---\n`), 'the key goes before the closing fence');
    assert.strictEqual(after.replace(added, ''), aliceBefore);
    await statusBarSays('$(git-pull-request) #21 → alice');

    // The same link again changes nothing; a note is a dated line under the text.
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.linkPullRequestToMentee', { pullRequest: pr(21), mentee: '@alice' }), alice());
    assert.strictEqual(fs.readFileSync(alice(), 'utf8'), after);
    await vscode.commands.executeCommand('lodestar.linkPullRequest', { pullRequest: '#12', record: alice(), note: 'Alice split the\nretry budget herself' });
    const withNote = fs.readFileSync(alice(), 'utf8');
    assert.ok(withNote.startsWith(after.replace(`  - ${pr(21)}\n`, `  - ${pr(21)}\n  - ${pr(12)}\n`)), withNote);
    assert.match(
      withNote,
      new RegExp(`\\n\\n- \\d{4}-\\d{2}-\\d{2} \\[acme/payments#12\\]\\(${pr(12).replace(/[/.]/g, '\\$&')}\\): Alice split the retry budget herself\\n$`),
    );
  });

  it('bad input is refused with nothing written: #0, an unknown mentee, a path that is no record', async () => {
    const before = fs.readFileSync(alice(), 'utf8');
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.linkPullRequestToMentee', { pullRequest: '#0', mentee: 'alice' }), undefined);
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.linkPullRequestToMentee', { pullRequest: '#21', mentee: 'nobody' }), undefined);
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.linkPullRequest', { pullRequest: '#21', record: file('README.md') }), undefined);
    assert.strictEqual(
      await vscode.commands.executeCommand('lodestar.linkPullRequest', { pullRequest: 'https://example.com/not/a/pr', record: alice() }),
      undefined,
    );
    assert.strictEqual(fs.readFileSync(alice(), 'utf8'), before);
  });

  it('Link Pull Request to Influence Activity with a new activity writes the activity with the link; the status bar shows both', async () => {
    onReviewBranch();
    await linkAliceTo21();
    const path21 = await refundFlowActivity();
    assert.strictEqual(path21, file('docs/influence/2025/2025-12-03-reviewed-the-refund-flow.md'));
    assert.strictEqual(
      fs.readFileSync(path21, 'utf8'),
      `---\ndate: 2025-12-03\ntype: design-review\ntitle: Reviewed the refund flow\npeople: [alice]\npullRequests: [${pr(21)}]\ndecisions: []\ndesigns: []\noutcome: ''\n---\n\n# Reviewed the refund flow\n\n`,
    );
    await statusBarSays('$(git-pull-request) #21 → alice, design-review');
  });

  it('a new activity from a pull request starts with its title and names its authors (as handles when they have a profile)', async () => {
    const { records } = await api();
    type PrItem = vscode.QuickPickItem & { pr?: { number: number }; value?: unknown };
    const flow = vscode.commands.executeCommand('lodestar.linkPullRequestToActivity');
    let written: string | undefined;
    try {
      const prPick = (await stepShown(/^Link Pull Request to Influence Activity$/, 1)) as vscode.QuickPick<PrItem>;
      prPick.value = '#12';
      await eventually(() => assert.strictEqual(prPick.items[0]?.pr?.number, 12, prPick.items.map((i) => i.label).join(' | ')));
      prPick.activeItems = [prPick.items[0]];
      await answer(prPick);
      const which = (await stepShown(/: which influence activity\?$/, 2)) as vscode.QuickPick<PrItem>;
      which.activeItems = [which.items.find((i) => /New activity…/.test(i.label))!];
      await answer(which);
      const type = (await stepShown(/: activity type$/, 3)) as vscode.QuickPick<PrItem>;
      type.activeItems = [type.items.find((i) => i.description === 'design-review')!];
      await answer(type);
      const title = (await stepShown(/: activity title$/, 4)) as vscode.InputBox;
      assert.strictEqual(title.value, SINGLE_ROOT_PULLS.merged[1].title, 'the pull request’s title, to keep or edit');
      await answer(title);
      await answer(await stepShown(/: note \(optional\)$/, 5), '');
      written = (await flow) as string | undefined;
      assert.ok(written && fs.existsSync(written), String(written));
      const text = fs.readFileSync(written, 'utf8');
      assert.match(text, new RegExp(`^title: ${SINGLE_ROOT_PULLS.merged[1].title}$`, 'm'), text);
      // alice@example.com wrote #12; her profile makes her `alice`.
      assert.match(text, /^people: \[alice\]$/m, text);
      assert.match(text, new RegExp(`^pullRequests: \\[${pr(12).replace(/[./]/g, '\\$&')}\\]$`, 'm'), text);
    } finally {
      await cancel();
      if (written) {
        fs.rmSync(written, { force: true });
        await records.refreshPaths([written]);
      }
    }
  });

  it('Log Influence Activity with arguments writes type, title, people, PRs, decisions and design docs; bad ones are refused', async () => {
    const written = await brownBagActivity();
    assert.strictEqual(written, file('docs/influence/2025/2025-11-14-brown-bag-on-forge-rate-limits.md'));
    assert.strictEqual(
      fs.readFileSync(written, 'utf8'),
      `---\ndate: 2025-11-14\ntype: knowledge-sharing\ntitle: Brown-bag on forge rate limits\npeople: [alice, bob]\npullRequests: [${pr(12)}]\ndecisions: [ADR-0002]\ndesigns: ["../../design/api-gateway.md"]\noutcome: Two teams adopted the client\n---\n\n# Brown-bag on forge rate limits\n\n`,
    );
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, written, 'it opens for notes');
    const before = fs.readdirSync(file('docs/influence/2025')).sort();
    assert.strictEqual(
      await vscode.commands.executeCommand('lodestar.logInfluenceActivity', { type: 'golf', title: 'Not a type', date: '2025-11-15' }),
      undefined,
    );
    assert.strictEqual(
      await vscode.commands.executeCommand('lodestar.logInfluenceActivity', { type: 'hiring', title: 'Bad PR', date: '2025-11-15', pullRequests: ['#0'] }),
      undefined,
    );
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.logInfluenceActivity', { type: 'hiring', title: '  ', date: '2025-11-15' }), undefined);
    assert.deepStrictEqual(fs.readdirSync(file('docs/influence/2025')).sort(), before);
  });

  it('an activity open with unsaved changes gets the link in its editor: the typing is kept, the disk is untouched', async () => {
    const target = await brownBagActivity();
    assert.strictEqual(target, file('docs/influence/2025/2025-11-14-brown-bag-on-forge-rate-limits.md'));
    const onDisk = fs.readFileSync(target, 'utf8');
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(target));
    await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount - 1, 0), 'Slides are in the wiki.\n'));
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.linkPullRequestToActivity', { pullRequest: '#15', activity: target }), target);
    assert.strictEqual(fs.readFileSync(target, 'utf8'), onDisk);
    assert.match(editor.document.getText(), new RegExp(`^pullRequests: \\[${pr(12).replace(/[/.]/g, '\\$&')}, ${pr(15).replace(/[/.]/g, '\\$&')}\\]$`, 'm'));
    assert.match(editor.document.getText(), /Slides are in the wiki\.\n/);
    await editor.document.save();
    await (await api()).records.refreshPaths([target]);
  });

  it('the Influence view: quarters newest first, then types (leading before managing), then activities with their PRs, people and records', async () => {
    await refundFlowActivity();
    const talk0 = await brownBagActivity();
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.linkPullRequestToActivity', { pullRequest: '#15', activity: talk0 }), talk0);
    await (await api()).records.settle();
    const top = (await rows()).map((r) => r.label);
    assert.ok(top.indexOf('2026 Q4') < top.indexOf('2026 Q3') && top.indexOf('2026 Q3') < top.indexOf('2025 Q4'), top.join(' | '));
    assert.strictEqual(top[top.length - 1], 'Pull Requests');
    const q = await row('2025 Q4');
    assert.strictEqual(q.item.description, '2 · 2 leading, 0 managing');
    assert.deepStrictEqual(
      (await rows(q.node)).map((r) => `${r.label} ${String(r.item.description)}`),
      ['Design review (1) leading', 'Knowledge sharing (1) leading'],
    );
    const talk = await row('Brown-bag on forge rate limits', (await row('Knowledge sharing (1)', q.node)).node);
    assert.strictEqual(talk.item.description, '2025-11-14 · 2 PRs');
    assert.strictEqual(talk.item.contextValue, 'lodestar.activity');
    const children = await rows(talk.node);
    assert.deepStrictEqual(
      children.map((r) => r.label),
      [`#12 ${SINGLE_ROOT_PULLS.merged[1].title}`, `#15 ${SINGLE_ROOT_PULLS.merged[0].title}`, 'Alice Example', 'bob', '0002 Use PostgreSQL', 'API gateway'],
    );
    assert.deepStrictEqual((children[0].item.command?.arguments?.[0] as vscode.Uri).toString(), pr(12));

    // Credited work shows too: Bob's logged pairing session in 2026 Q3.
    const pairing = await row('Pairing (3)', (await row('2026 Q3')).node);
    const session = await row('Paired on flaky tests', pairing.node);
    assert.strictEqual(session.item.description, '2026-09-12 · credited from session');
    assert.deepStrictEqual(
      (await rows(session.node)).map((r) => r.label),
      ['bob', 'Credited from Paired on flaky tests'],
    );
  });

  it('the Pull Requests group lists every linked pull request with what it is linked to, from the index', async () => {
    await linkAliceTo21();
    await vscode.commands.executeCommand('lodestar.linkPullRequest', { pullRequest: '#12', record: alice() });
    await refundFlowActivity();
    await (await api()).records.settle();
    const group = await row('Pull Requests');
    const linked = await rows(group.node);
    const byLabel = new Map(linked.map((r) => [r.label, r]));
    const pr21 = byLabel.get('#21');
    assert.ok(pr21, linked.map((r) => r.label).join(' | '));
    assert.strictEqual(pr21.item.description, '→ alice, design-review');
    assert.deepStrictEqual(
      (await rows(pr21.node)).map((r) => r.label),
      ['Mentee Alice Example', 'Activity (Design review): Reviewed the refund flow'],
    );
    const pr12 = byLabel.get(`#12 ${SINGLE_ROOT_PULLS.merged[1].title}`);
    assert.ok(pr12 && String(pr12.item.description).startsWith('→ alice'), String(pr12?.item.description));
    // A fixture activity's link (a full URL to a pull request that is not in history) shows by number.
    assert.ok(byLabel.has('#41'), 'pull request 41 of the fixture’s design review');
  });

  it('a remote changed with git remote set-url is read again without a reload; with a local-path origin the picker lists history’s PRs and #N is stored as typed', async () => {
    const { pullRequests } = (await api()).influence;
    const before = fs.readFileSync(alice(), 'utf8');
    const local = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-origin-'));
    git(['remote', 'set-url', 'origin', local]);
    try {
      // The .git/config watcher forgets the old remotes: no Refresh, no reload.
      await eventually(async () => assert.deepStrictEqual((await pullRequests.history(workspaceRoot())).remotes, []));
      const items = await historyPullRequestItems(pullRequests, workspaceRoot());
      const listed = items.filter((i) => i.pr).map((i) => `${i.label.replace('$(git-pull-request) ', '')} → ${i.pr!.url}`);
      for (const merged of SINGLE_ROOT_PULLS.merged) assert.ok(listed.includes(`#${merged.number} ${merged.title} → #${merged.number}`), listed.join(' | '));
      assert.strictEqual(new Set(items.map((i) => i.pr?.number).filter((n) => n !== undefined)).size, items.filter((i) => i.pr).length, 'each once');
      assert.ok(items.find((i) => i.pr?.number === 12)!.pr!.people.includes('alice@example.com'), 'its author comes from history');

      const written = await vscode.commands.executeCommand('lodestar.linkPullRequest', { pullRequest: '#1830', record: alice(), note: 'Reviewed the schema' });
      assert.strictEqual(written, alice());
      const after = fs.readFileSync(alice(), 'utf8');
      assert.match(after, /^ {2}- "?#1830"?$/m, after);
      assert.match(after, /\n- \d{4}-\d{2}-\d{2} #1830: Reviewed the schema\n$/);
    } finally {
      fs.writeFileSync(alice(), before);
      git(['remote', 'set-url', 'origin', SINGLE_ROOT_PULLS.remote]);
      fs.rmSync(local, { recursive: true, force: true });
      await vscode.commands.executeCommand('lodestar.refresh');
      await (await api()).records.refreshPaths([alice()]);
    }
    // Refresh reads remotes again too.
    assert.strictEqual((await pullRequests.history(workspaceRoot())).remotes[0]?.owner, 'acme');
  });

  it('no silent limit: behind more commits than are read at first, the picker says so and reads all of history on request', async () => {
    const { pullRequests } = (await api()).influence;
    addLaterCommits(workspaceRoot(), SCANNED_COMMITS + 10);
    await vscode.commands.executeCommand('lodestar.refresh');
    const history = await pullRequests.history(workspaceRoot());
    assert.strictEqual(history.truncated, SCANNED_COMMITS, 'it says that older commits were not read');
    assert.ok(!history.pullRequests.some((p) => p.number === 12));
    const flow = vscode.commands.executeCommand('lodestar.linkPullRequestToMentee');
    try {
      const pick = (await stepShown(/^Link Pull Request to Mentee$/, 1)) as vscode.QuickPick<PullRequestItem>;
      const more = pick.items.find((i) => i.readAll);
      assert.ok(more, pick.items.map((i) => i.label).join(' | '));
      assert.match(more.label, /Only the newest 5,000 commits were read: read all of history/);
      pick.activeItems = [more];
      await answer(pick);
      await eventually(
        () =>
          assert.ok(
            pick.items.some((i) => i.pr?.number === 12),
            pick.items.map((i) => i.label).join(' | '),
          ),
        30000,
      );
      assert.ok(!pick.items.some((i) => i.readAll), 'nothing is left unread');
      assert.strictEqual((await pullRequests.history(workspaceRoot())).truncated, undefined);
    } finally {
      await cancel();
      pullRequests.readAllHistory(workspaceRoot(), false);
    }
    assert.strictEqual(await flow, undefined);
  });

  it('typing the number of a pull request the picker lists shows it once, first', async () => {
    const flow = vscode.commands.executeCommand('lodestar.linkPullRequestToMentee');
    try {
      const pick = (await stepShown(/^Link Pull Request to Mentee$/, 1)) as vscode.QuickPick<vscode.QuickPickItem & { pr?: { number: number } }>;
      pick.value = '#12';
      await eventually(() => assert.strictEqual(pick.items[0]?.pr?.number, 12, pick.items.map((i) => i.label).join(' | ')));
      assert.strictEqual(pick.items.filter((i) => i.pr?.number === 12).length, 1, pick.items.map((i) => i.label).join(' | '));
      assert.match(pick.items[0].label, new RegExp(SINGLE_ROOT_PULLS.merged[1].title));
    } finally {
      await cancel();
    }
    assert.strictEqual(await flow, undefined);
  });

  it('context menus offer Link Pull Request… on decision, design, session, activity and mentee rows', async () => {
    const ext = vscode.extensions.getExtension('lodestar.lodestar')!;
    const menus = (ext.packageJSON as { contributes: { menus: Record<string, { command: string; when: string }[]> } }).contributes.menus['view/item/context'];
    const whens = menus.filter((m) => m.command === 'lodestar.linkPullRequest').map((m) => m.when);
    for (const viewItem of ['lodestar.decision', 'lodestar.design', 'lodestar.session', 'lodestar.activity']) {
      assert.ok(
        whens.some((w) => /viewItem =~ \/(.*)\//.test(w) && new RegExp(/viewItem =~ \/(.*)\//.exec(w)![1].replace(/\\\\/g, '\\')).test(viewItem)),
        viewItem,
      );
    }
    assert.ok(whens.some((w) => w.includes('viewItem == lodestar.mentee')));
    // A mentee row (as the Mentoring view hands it to the command) links to the profile.
    const { trees } = await api();
    const aliceRow = (await trees.mentoring.getChildren()).find((n) => n.type === 'mentee' && n.mentee.handle === 'alice')!;
    const before = fs.readFileSync(alice(), 'utf8');
    let answered = false;
    const wait = Promise.resolve(vscode.commands.executeCommand('lodestar.linkPullRequest', aliceRow)).finally(() => (answered = true));
    // The row gives the record; the pull request is asked for: close the picker (again, until it was open to close).
    await eventually(async () => {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await new Promise((r) => setTimeout(r, 100));
      assert.ok(answered, 'the picker was closed');
    });
    assert.strictEqual(await wait, undefined);
    assert.strictEqual(fs.readFileSync(alice(), 'utf8'), before);
  });
});
