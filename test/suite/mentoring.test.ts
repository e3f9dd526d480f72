import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { SINGLE_ROOT_PAIRING } from '../fixtures/workspaces';
import type { ShownMatrix } from '../../src/vscode/webview/pairingMatrixPanel';
import type { RecordTreeNode } from '../../src/vscode/views/recordTrees';
import { answer, back, cancel, stepShown } from './quickInput';
import { addLaterCommits, child, eventually, labels, lodestar, workspaceRoot } from './support';

// The single-root fixture: Bob has a session folder and no profile; the history has co-authored commits of Dana
// (the git user) with Bob and Carol. Each test starts from it and sets up what else it needs.

const { me } = SINGLE_ROOT_PAIRING;
const gitEnv = { ...process.env, GIT_AUTHOR_NAME: me.name, GIT_AUTHOR_EMAIL: me.email, GIT_COMMITTER_NAME: me.name, GIT_COMMITTER_EMAIL: me.email };
const git = (args: string[], env: Record<string, string> = {}): string =>
  execFileSync('git', ['-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgsign=false', ...args], {
    cwd: workspaceRoot(),
    env: { ...gitEnv, ...env },
    encoding: 'utf8',
  });
const hashOf = (subject: string): string =>
  git(['log', '--format=%H%x09%s'])
    .split('\n')
    .find((l) => l.endsWith(`\t${subject}`))!
    .split('\t')[0];
const mentoring = (...parts: string[]): string => path.join(workspaceRoot(), 'docs/mentoring', ...parts);

async function item(node: RecordTreeNode): Promise<vscode.TreeItem> {
  return (await lodestar()).trees.mentoring.getTreeItem(node);
}

/** Logs Bob's detected day 2026-11-12 (its two commits) as a pairing session. */
async function confirmBobsFirstDay(): Promise<string> {
  const hashes = SINGLE_ROOT_PAIRING.bobDays[1].subjects.map(hashOf);
  const created = (await vscode.commands.executeCommand('lodestar.confirmPairing', { mentee: 'bob', commits: hashes })) as string;
  assert.strictEqual(created, mentoring('bob', '2026-11-12-pairing.md'));
  return created;
}

/** Adds the mentee Erin Newhire (erin@example.com). */
async function addErin(): Promise<string> {
  const created = (await vscode.commands.executeCommand('lodestar.addMentee', {
    name: 'Erin Newhire',
    handle: 'erin',
    emails: ['erin@example.com'],
    github: 'erin-gh',
    track: 'ic',
    goals: ['Ship a feature end to end', 'Run a retro'],
  })) as string;
  assert.strictEqual(created, mentoring('erin.md'));
  return created;
}

/** A commit by Dana co-authored with Erin (her e-mail in another case), on 2026-11-18. */
function commitWithErin(): void {
  git(['commit', '-q', '--allow-empty', '-m', 'Add the refund endpoint\n\nCo-authored-by: Erin Newhire <ERIN@Example.com>\n'], {
    GIT_AUTHOR_DATE: '2026-11-18T10:00:00Z',
    GIT_COMMITTER_DATE: '2026-11-18T10:00:00Z',
  });
}

describe('Mentoring view: pairing detected from git', () => {
  it('reads all of history: co-authored commits behind thousands of later ones still show as detected pairing', async () => {
    const { trees } = await lodestar();
    addLaterCommits(workspaceRoot(), 2500);
    await vscode.commands.executeCommand('lodestar.refresh');
    await eventually(
      async () => assert.strictEqual((await item(await child(trees.mentoring, 'bob'))).description, '1 session · last 2026-09-12 · 3 detected'),
      20000,
    );
  });

  it('a mentee without a profile is matched through .git-coauthors; their co-authored commits show by day, not yet logged', async () => {
    const { trees } = await lodestar();
    const bob = await child(trees.mentoring, 'bob');
    assert.strictEqual((await item(bob)).description, '1 session · last 2026-09-12 · 3 detected');
    assert.deepStrictEqual(await labels(trees.mentoring, bob), ['Paired on flaky tests', 'Detected pairing']);
    const group = await child(trees.mentoring, 'Detected pairing', bob);
    assert.strictEqual((await item(group)).description, '3 commits on 2 days, not logged');
    assert.deepStrictEqual(
      await labels(trees.mentoring, group),
      SINGLE_ROOT_PAIRING.bobDays.map((d) => `${d.date} with Dana Lead`),
    );
    const single = await child(trees.mentoring, '2026-11-16 with Dana Lead', group);
    assert.strictEqual((await item(single)).description, 'Split the ledger writer');
    assert.strictEqual((await item(single)).contextValue, 'lodestar.detectedPairing');
    const day = await child(trees.mentoring, '2026-11-12 with Dana Lead', group);
    assert.strictEqual((await item(day)).description, '2 commits');
    assert.deepStrictEqual(await labels(trees.mentoring, day), SINGLE_ROOT_PAIRING.bobDays[1].subjects);
    // Carol's commit with Dana involves no mentee; Alice has no co-authored commits.
    assert.strictEqual((await item(await child(trees.mentoring, 'Alice Example'))).description, '2 sessions · last 2026-11-05');
  });

  it('Confirm as Pairing Session on a day logs all of its commits; the day leaves Detected pairing and the session shows under the mentee', async () => {
    const { trees } = await lodestar();
    const group = await child(trees.mentoring, 'Detected pairing', await child(trees.mentoring, 'bob'));
    const day = await child(trees.mentoring, '2026-11-12 with Dana Lead', group);
    const created = (await vscode.commands.executeCommand('lodestar.confirmPairing', day)) as string;
    assert.strictEqual(created, mentoring('bob', '2026-11-12-pairing.md'));
    const text = fs.readFileSync(created, 'utf8');
    const hashes = SINGLE_ROOT_PAIRING.bobDays[1].subjects.map(hashOf);
    assert.match(
      text,
      new RegExp(
        `^---\\ndate: 2026-11-12\\nkind: pairing\\nwith: \\["dana@example\\.com"\\]\\ntopics: \\[\\]\\ncommits: \\[${hashes.map((h) => `"${h}"`).join(', ')}\\]\\n---\\n`,
      ),
    );
    assert.match(text, /^# Pairing with bob, 2026-11-12$/m);
    assert.match(text, /^- `[0-9a-f]{12}` Retry the settlement poller with jitter$/m);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, created, 'the session opens for notes');

    // At once: the command refreshes what it wrote.
    const bob = await child(trees.mentoring, 'bob');
    assert.strictEqual((await item(bob)).description, '2 sessions · last 2026-11-12 · 1 detected');
    assert.deepStrictEqual(await labels(trees.mentoring, bob), ['Pairing with bob, 2026-11-12', 'Paired on flaky tests', 'Detected pairing']);
    assert.deepStrictEqual(await labels(trees.mentoring, await child(trees.mentoring, 'Detected pairing', bob)), ['2026-11-16 with Dana Lead']);
  });

  it('Confirm as Pairing Session with arguments logs one commit by its hash; with nothing left, the group goes', async () => {
    const { trees } = await lodestar();
    await confirmBobsFirstDay();
    const hash = hashOf('Split the ledger writer');
    assert.strictEqual(
      await vscode.commands.executeCommand('lodestar.confirmPairing', { mentee: 'bob', commits: ['0000000'] }),
      undefined,
      'an unknown commit writes nothing',
    );
    const created = (await vscode.commands.executeCommand('lodestar.confirmPairing', { mentee: 'bob', commits: [hash.slice(0, 10)] })) as string;
    assert.strictEqual(created, mentoring('bob', '2026-11-16-pairing.md'));
    assert.match(fs.readFileSync(created, 'utf8'), new RegExp(`^commits: \\["${hash}"\\]$`, 'm'));
    const bob = await child(trees.mentoring, 'bob');
    assert.strictEqual((await item(bob)).description, '3 sessions · last 2026-11-16');
    assert.deepStrictEqual(await labels(trees.mentoring, bob), ['Pairing with bob, 2026-11-16', 'Pairing with bob, 2026-11-12', 'Paired on flaky tests']);
  });
});

describe('Lodestar: Log Pairing Session', () => {
  it('writes the session in the mentee’s folder and the view shows it at once; the same day again gets -2, never overwrites', async () => {
    const { trees } = await lodestar();
    const args = {
      mentee: 'alice',
      with: ['bob@example.com'],
      date: '2026-11-20',
      duration: 90,
      topics: ['retries', 'flaky tests'],
      pullRequests: ['#12'],
      notes: 'Alice drove; we found the race.',
    };
    const created = (await vscode.commands.executeCommand('lodestar.logPairingSession', args)) as string;
    assert.strictEqual(created, mentoring('alice', '2026-11-20-pairing.md'));
    const text = fs.readFileSync(created, 'utf8');
    assert.match(
      text,
      /^---\ndate: 2026-11-20\nkind: pairing\nwith: \["bob@example\.com"\]\nduration: 90\ntopics: \[retries, flaky tests\]\npullRequests: \["#12"\]\n---\n\n# Pairing with Alice Example, 2026-11-20\n\n## What we worked on\n\n## What went well\n\nAlice drove; we found the race\.\n/,
    );
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, created);
    const alice = await child(trees.mentoring, 'Alice Example');
    assert.strictEqual((await item(alice)).description, '3 sessions · last 2026-11-20');
    assert.strictEqual((await labels(trees.mentoring, alice))[0], 'Pairing with Alice Example, 2026-11-20');

    const again = (await vscode.commands.executeCommand('lodestar.logPairingSession', { mentee: 'alice', date: '2026-11-20' })) as string;
    assert.strictEqual(again, mentoring('alice', '2026-11-20-pairing-2.md'));
    assert.strictEqual(fs.readFileSync(created, 'utf8'), text, 'the first session is untouched');
  });

  it('an unknown mentee, a bad date or a bad duration writes nothing', async () => {
    await lodestar();
    const before = fs.readdirSync(mentoring('alice')).sort();
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.logPairingSession', { mentee: 'nobody' }), undefined);
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.logPairingSession', { mentee: 'alice', date: '2026-02-30' }), undefined);
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.logPairingSession', { mentee: 'alice', date: '2026-11-21', duration: 0 }), undefined);
    assert.deepStrictEqual(fs.readdirSync(mentoring('alice')).sort(), before);
  });
});

describe('Lodestar: Add Mentee', () => {
  it('writes the profile; the view lists the mentee with their goals, and no sessions yet', async () => {
    const { trees } = await lodestar();
    const created = await addErin();
    assert.match(
      fs.readFileSync(created, 'utf8'),
      /^---\nname: Erin Newhire\nhandle: erin\nemails: \["erin@example\.com"\]\ngithub: erin-gh\nsince: \d{4}-\d{2}-\d{2}\ntrack: ic\ngoals:\n {2}- Ship a feature end to end\n {2}- Run a retro\n---\n\n# Erin Newhire\n/,
    );
    const erin = await child(trees.mentoring, 'Erin Newhire');
    const erinItem = await item(erin);
    assert.strictEqual(erinItem.description, '0 sessions');
    assert.match((erinItem.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' '), /Goals\*\*\n\n• Ship a feature end to end\n\n• Run a retro/);
    assert.strictEqual((erinItem.iconPath as vscode.ThemeIcon).id, 'person');
  });

  it('the handle prefilled from the name follows the name after Back, until the user types their own', async () => {
    await lodestar();
    const before = fs.readdirSync(mentoring()).sort();
    const flow = vscode.commands.executeCommand('lodestar.addMentee');
    try {
      await answer(await stepShown(/^Add Mentee$/, 1), 'Grace Hopper');
      const handle = await stepShown(/handle/, 2);
      assert.strictEqual(handle.value, 'grace');
      assert.strictEqual(handle.totalSteps, 7);
      await back();
      await answer(await stepShown(/^Add Mentee$/, 1), 'Ada Lovelace');
      const again = await stepShown(/handle/, 2);
      assert.strictEqual(again.value, 'ada', 'not the stale grace');
      await answer(again, 'lovelace');
      await stepShown(/e-mails/, 3);
      await back();
      await stepShown(/handle/, 2);
      await back();
      await answer(await stepShown(/^Add Mentee$/, 1), 'Augusta King');
      assert.strictEqual((await stepShown(/handle/, 2)).value, 'lovelace', 'the handle the user typed stays');
    } finally {
      await cancel();
    }
    assert.strictEqual(await flow, undefined);
    assert.deepStrictEqual(fs.readdirSync(mentoring()).sort(), before, 'nothing written');
  });

  it('a handle already taken (any case) or one that leaves the folder is refused, and nothing is written', async () => {
    await lodestar();
    await addErin();
    const before = fs.readdirSync(mentoring()).sort();
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.addMentee', { name: 'Erin Two', handle: 'ERIN' }), undefined);
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.addMentee', { name: 'Mallory', handle: '../../evil' }), undefined);
    assert.deepStrictEqual(fs.readdirSync(mentoring()).sort(), before);
    assert.ok(!fs.existsSync(path.join(workspaceRoot(), 'evil.md')) && !fs.existsSync(path.join(workspaceRoot(), '..', 'evil.md')));
  });

  it('after a commit co-authored with the new mentee (their e-mail in another case), the view shows it as detected pairing', async () => {
    const { trees } = await lodestar();
    await addErin();
    commitWithErin();
    // A commit changes no record: the view follows git itself.
    await eventually(async () => assert.deepStrictEqual(await labels(trees.mentoring, await child(trees.mentoring, 'Erin Newhire')), ['Detected pairing']));
    const group = await child(trees.mentoring, 'Detected pairing', await child(trees.mentoring, 'Erin Newhire'));
    assert.deepStrictEqual(await labels(trees.mentoring, group), ['2026-11-18 with Dana Lead']);
  });
});

describe('Show Pairing Matrix', () => {
  it('opens a strict-CSP page with a heat-map table of who paired with whom: logged and detected sessions, each counted once', async () => {
    const { records } = await lodestar();
    // Erin with a co-authored commit (committed first: the records written after it make pairing read git again),
    // Bob's two detected days logged, and a session of Alice with Bob.
    commitWithErin();
    await addErin();
    await confirmBobsFirstDay();
    await vscode.commands.executeCommand('lodestar.confirmPairing', { mentee: 'bob', commits: [hashOf('Split the ledger writer')] });
    await vscode.commands.executeCommand('lodestar.logPairingSession', { mentee: 'alice', with: ['bob@example.com'], date: '2026-11-20' });
    await records.settle();
    const shown = (await vscode.commands.executeCommand('lodestar.showPairingMatrix', { window: 'all' })) as ShownMatrix;
    assert.ok(shown.panel.visible, 'the page is shown');
    assert.match(shown.html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*script-src 'nonce-[A-Za-z0-9]+'/);
    assert.doesNotMatch(shown.html, /<script(?![^>]*nonce=)/, 'every script carries the nonce');
    assert.doesNotMatch(shown.html, /<script[^>]*>[^<]/, 'no inline script');
    assert.match(shown.html, /<table class="pairing-matrix" role="grid"/);
    assert.match(shown.html, /<caption id="matrix-caption">Pairing sessions per pair of people, all history<\/caption>/);
    const names = shown.matrix.people.map((p) => p.name);
    for (const name of ['Bob', 'Dana Lead', 'Alice Example', 'Carol Reviewer', 'Erin Newhire']) assert.ok(names.includes(name), names.join(' | '));
    const count = (a: string, b: string): number | undefined =>
      shown.matrix.pairs.find((p) => [shown.matrix.people[p.a].name, shown.matrix.people[p.b].name].sort().join('+') === [a, b].sort().join('+'))?.count;
    // Bob and Dana: two logged sessions that cover all three commits, not five.
    assert.strictEqual(count('Bob', 'Dana Lead'), 2);
    assert.strictEqual(count('Alice Example', 'Bob'), 1);
    assert.strictEqual(count('Carol Reviewer', 'Dana Lead'), 1);
    assert.strictEqual(count('Dana Lead', 'Erin Newhire'), 1);
    assert.match(shown.html, /<td data-level="4" data-row="\d+" data-col="\d+" data-pair="\d+" tabindex="-1" aria-label="Bob and Dana Lead: 2 sessions"/);
    assert.match(shown.html, /<th scope="col" title="Bob \(bob@example\.com\)"><span>Bob<\/span><\/th>/);
    shown.panel.dispose();
  });

  it('an open matrix redraws when a session is logged', async () => {
    await lodestar();
    const shown = (await vscode.commands.executeCommand('lodestar.showPairingMatrix', { window: 'all' })) as ShownMatrix;
    try {
      const sessions = (): number =>
        +(/aria-label="(?:Alice Example and Bob|Bob and Alice Example): (\d+) sessions?"/.exec(shown.panel.webview.html)?.[1] ?? 0);
      const before = sessions();
      await vscode.commands.executeCommand('lodestar.logPairingSession', { mentee: 'alice', with: ['bob@example.com'], date: '2026-11-21' });
      // Logging may open the note over the page: a hidden page redraws when it is shown again.
      shown.panel.reveal();
      await eventually(() => assert.strictEqual(sessions(), before + 1));
    } finally {
      shown.panel.dispose();
    }
  });

  it('an open matrix redraws when git history moves: a new co-authored commit is counted without reopening it', async () => {
    await lodestar();
    const shown = (await vscode.commands.executeCommand('lodestar.showPairingMatrix', { window: 'all' })) as ShownMatrix;
    try {
      const sessions = (): number =>
        +(/aria-label="(?:Carol Reviewer and Dana Lead|Dana Lead and Carol Reviewer): (\d+) sessions?"/.exec(shown.panel.webview.html)?.[1] ?? 0);
      const before = sessions();
      assert.ok(before > 0, 'the fixture has Carol and Dana pairing once');
      // A commit changes no record: only git history moved.
      git(['commit', '-q', '--allow-empty', '-m', 'Cache the exchange rates\n\nCo-authored-by: Carol Reviewer <carol@example.com>\n'], {
        GIT_AUTHOR_DATE: '2026-11-19T10:00:00Z',
        GIT_COMMITTER_DATE: '2026-11-19T10:00:00Z',
      });
      await eventually(() => assert.strictEqual(sessions(), before + 1), 60000);
      assert.ok(shown.panel.visible, 'the same page, redrawn in place');
    } finally {
      shown.panel.dispose();
    }
  });
});

describe('Private notebook', () => {
  it('a private notebook path inside the workspace is refused with a message, and nothing is written there', async () => {
    const { records } = await lodestar();
    const inside = path.join(workspaceRoot(), 'private-notes');
    const config = vscode.workspace.getConfiguration('lodestar');
    await config.update('privateNotebook.path', inside, vscode.ConfigurationTarget.Global);
    try {
      await records.rebuildAll();
      assert.match(records.notebook.location?.problem ?? '', /inside the workspace folder/);
      assert.strictEqual(
        await vscode.commands.executeCommand('lodestar.newMentoringNote', { mentee: 'alice', kind: 'feedback', date: '2026-11-19' }),
        undefined,
      );
      assert.ok(!fs.existsSync(inside));
    } finally {
      await config.update('privateNotebook.path', undefined, vscode.ConfigurationTarget.Global);
      await records.rebuildAll();
    }
    assert.strictEqual(records.notebook.location?.problem, undefined);
  });

  it('a file marked visibility: private that git tracks gets a warning in the Problems panel', async () => {
    await lodestar();
    const file = mentoring('alice', '2026-11-02-feedback.md');
    fs.writeFileSync(file, '---\ndate: 2026-11-02\nkind: feedback\nvisibility: private\n---\n\n# Feedback for Alice\n');
    git(['add', '--', file]);
    git(['commit', '-q', '-m', 'Oops: commit a private note', '--', file]);
    await eventually(() => assert.ok(vscode.languages.getDiagnostics(vscode.Uri.file(file)).some((d) => d.code === 'private-tracked-by-git')));
  });

  it('New Mentoring Note: a career note goes to the private notebook by default, shows under the mentee with a lock, and leaves `git status --porcelain` of the workspace empty', async () => {
    const { trees, records } = await lodestar();
    assert.strictEqual(git(['status', '--porcelain', '--untracked-files=all']), '');

    const created = (await vscode.commands.executeCommand('lodestar.newMentoringNote', {
      mentee: 'alice',
      kind: 'career',
      date: '2026-11-19',
      topics: ['staff promotion'],
    })) as string;
    assert.ok(created, 'a note was written');
    const notebook = records.notebook.location?.root ?? '';
    assert.strictEqual(created, path.join(notebook, 'mentoring', 'alice', '2026-11-19-career.md'));
    assert.ok(!created.startsWith(workspaceRoot() + path.sep), 'outside the workspace');
    assert.match(
      fs.readFileSync(created, 'utf8'),
      /^---\ndate: 2026-11-19\nkind: career\nwith: \[\]\ntopics: \[staff promotion\]\nvisibility: private\n---\n\n# Career with Alice Example, 2026-11-19\n/,
    );
    assert.strictEqual(git(['status', '--porcelain', '--untracked-files=all', '--ignored']), '');

    const alice = await child(trees.mentoring, 'Alice Example');
    const note = await child(trees.mentoring, 'Career with Alice Example, 2026-11-19', alice);
    const noteItem = await item(note);
    assert.strictEqual((noteItem.iconPath as vscode.ThemeIcon).id, 'lock');
    assert.strictEqual(noteItem.contextValue, 'lodestar.session.private');
  });

  it('a non-sensitive note goes to the repository; a sensitive one does too only when asked', async () => {
    await lodestar();
    await addErin();
    const oneOnOne = (await vscode.commands.executeCommand('lodestar.newMentoringNote', { mentee: 'erin', kind: 'one-on-one', date: '2026-11-19' })) as string;
    assert.strictEqual(oneOnOne, mentoring('erin', '2026-11-19-one-on-one.md'));
    assert.doesNotMatch(fs.readFileSync(oneOnOne, 'utf8'), /visibility/);
    const shared = (await vscode.commands.executeCommand('lodestar.newMentoringNote', {
      mentee: 'erin',
      kind: 'feedback',
      date: '2026-11-19',
      private: false,
    })) as string;
    assert.strictEqual(shared, mentoring('erin', '2026-11-19-feedback.md'));
  });

  it('a private mentee lives in the notebook, with a lock; their sessions go there too', async () => {
    const { trees, records } = await lodestar();
    const profile = (await vscode.commands.executeCommand('lodestar.addMentee', { name: 'Priya Private', handle: 'priya', private: true })) as string;
    const notebook = records.notebook.location?.root ?? '';
    assert.strictEqual(profile, path.join(notebook, 'mentoring', 'priya.md'));
    assert.match(fs.readFileSync(profile, 'utf8'), /^visibility: private$/m);
    const session = (await vscode.commands.executeCommand('lodestar.logPairingSession', { mentee: 'priya', date: '2026-11-19' })) as string;
    assert.strictEqual(session, path.join(notebook, 'mentoring', 'priya', '2026-11-19-pairing.md'));
    const priya = await child(trees.mentoring, 'Priya Private');
    assert.strictEqual(((await item(priya)).iconPath as vscode.ThemeIcon).id, 'lock');
    assert.deepStrictEqual(await labels(trees.mentoring, priya), ['Pairing with Priya Private, 2026-11-19']);
    assert.strictEqual(git(['status', '--porcelain', '--untracked-files=all']).includes('priya'), false);
  });
});
