import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { SINGLE_ROOT_PAIRING } from '../fixtures/workspaces';
import type { ShownDashboard } from '../../src/vscode/webview/dashboardPanel';
import type { ShownMatrix } from '../../src/vscode/webview/pairingMatrixPanel';
import type { InfluenceNode } from '../../src/vscode/views/influenceTree';
import { child, eventually, lodestar, workspaceRoot } from './support';

// One identity per person, in the single-root workspace: a committed .mailmap folds Alice's old
// laptop address into her profile. Everything added here (files and commits) is taken back after
// each test, so the other suites see the history they were built with.

const { me } = SINGLE_ROOT_PAIRING;
const git = (args: string[], env: Record<string, string> = {}): string =>
  execFileSync('git', ['-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgsign=false', ...args], {
    cwd: workspaceRoot(),
    env: { ...process.env, GIT_AUTHOR_NAME: me.name, GIT_AUTHOR_EMAIL: me.email, GIT_COMMITTER_NAME: me.name, GIT_COMMITTER_EMAIL: me.email, ...env },
    encoding: 'utf8',
  });
const file = (...parts: string[]): string => path.join(workspaceRoot(), ...parts);
const at = (date: string): Record<string, string> => ({ GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });

describe('One identity per person', () => {
  let before = '';
  const created: string[] = [];

  beforeEach(async () => {
    before = git(['rev-parse', 'HEAD']).trim();
    fs.writeFileSync(file('.mailmap'), 'Alice Example <alice@example.com> <alice@old-laptop.local>\n');
    git(['add', '--', '.mailmap']);
    git(['commit', '-q', '-m', 'Map old addresses', '--', '.mailmap'], at('2025-02-01T09:00:00Z'));
    // Alice under her old address pairs with Dana; Carol under an address nothing links pairs with Dana too.
    git(['commit', '-q', '--allow-empty', '-m', 'Split the fee calculator\n\nCo-authored-by: Dana Lead <dana@example.com>\n'], {
      ...at('2025-02-03T10:00:00Z'),
      GIT_AUTHOR_NAME: 'alice',
      GIT_AUTHOR_EMAIL: 'alice@old-laptop.local',
    });
    git(['commit', '-q', '--allow-empty', '-m', 'Tidy the fee tests\n\nCo-authored-by: Dana Lead <dana@example.com>\n'], {
      ...at('2025-02-04T10:00:00Z'),
      GIT_AUTHOR_NAME: 'Carol Reviewer',
      GIT_AUTHOR_EMAIL: 'carol@personal.example',
    });
    // The Mentoring view reads git again after the commits: Alice's old address is now hers.
    const { trees } = await lodestar();
    await eventually(
      async () => assert.match(String((await trees.mentoring.getTreeItem(await child(trees.mentoring, 'Alice Example'))).description), /1 detected/),
      20000,
    );
  });

  afterEach(async () => {
    // Back to the history the workspace had: the branch moves, the files stay as they were.
    git(['reset', '-q', '--soft', before]);
    git(['reset', '-q']);
    const paths = [file('.mailmap'), ...created.splice(0)];
    for (const p of paths) fs.rmSync(p, { force: true });
    fs.rmSync(file('docs/influence/2024'), { recursive: true, force: true });
    const { records, trees } = await lodestar();
    await records.refreshPaths(paths);
    await eventually(
      async () => assert.doesNotMatch(String((await trees.mentoring.getTreeItem(await child(trees.mentoring, 'Alice Example'))).description), /detected/),
      20000,
    );
  });

  it('Log Pairing writes handles: an old address, git-mob initials and Name <address> of a profile become its handle; others their address', async () => {
    const session = (await vscode.commands.executeCommand('lodestar.logPairingSession', {
      mentee: 'bob',
      with: ['alice@old-laptop.local', 'ae', 'Alice Example <alice@example.com>', 'DANA@example.com', 'dl', 'bob'],
      date: '2025-02-05',
    })) as string;
    created.push(session);
    assert.strictEqual(session, file('docs/mentoring/bob/2025-02-05-pairing.md'));
    assert.match(fs.readFileSync(session, 'utf8'), /^---\ndate: 2025-02-05\nkind: pairing\nwith: \[alice, "dana@example\.com"\]\n/);
  });

  it('Log Influence Activity writes a profile’s old address and initials as its handle, each person once; others as typed', async () => {
    const written = (await vscode.commands.executeCommand('lodestar.logInfluenceActivity', {
      type: 'pairing',
      title: 'Paired on the fee rounding',
      date: '2024-02-12',
      people: ['alice@old-laptop.local', 'ae', 'Alice Example', 'bob', 'Bob <bob@example.com>'],
    })) as string;
    created.push(written);
    assert.strictEqual(written, file('docs/influence/2024/2024-02-12-paired-on-the-fee-rounding.md'));
    assert.match(fs.readFileSync(written, 'utf8'), /^people: \[alice, bob\]$/m);
  });

  it('the pairing matrix has one row per person: Alice’s old address is her row; two people named alike are told apart', async () => {
    const shown = (await vscode.commands.executeCommand('lodestar.showPairingMatrix', { window: 'all' })) as ShownMatrix;
    try {
      const keys = shown.matrix.people.map((p) => p.key);
      assert.ok(keys.includes('alice') && !keys.includes('alice@old-laptop.local'), keys.join(' | '));
      assert.strictEqual(shown.matrix.people.filter((p) => p.name === 'Alice Example').length, 1);
      const rows = [...shown.html.matchAll(/<th scope="row"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
      assert.strictEqual(new Set(rows).size, rows.length, rows.join(' | '));
      assert.deepStrictEqual(rows.filter((r) => r.startsWith('Carol Reviewer')).sort(), [
        'Carol Reviewer (carol@example.com)',
        'Carol Reviewer (carol@personal.example)',
      ]);
      const alice = shown.matrix.people.findIndex((p) => p.key === 'alice');
      const dana = shown.matrix.people.findIndex((p) => p.key === 'dana@example.com');
      const pair = shown.matrix.pairs.find((p) => p.a === Math.min(alice, dana) && p.b === Math.max(alice, dana));
      assert.ok(
        pair?.sessions.some((s) => s.date === '2025-02-03'),
        'the old address’s commit counts for Alice',
      );
    } finally {
      shown.panel.dispose();
    }
  });

  it('the dashboard counts one person once: an activity naming Dana and Alice twice each is one pair, one row each', async () => {
    const activity = file('docs/influence/2024/2024-02-10-paired-on-fees.md');
    fs.mkdirSync(path.dirname(activity), { recursive: true });
    fs.writeFileSync(
      activity,
      '---\ndate: 2024-02-10\ntype: pairing\ntitle: Paired on fees\npeople: [dana@example.com, "Dana Lead <dana@example.com>", alice, alice@old-laptop.local]\n---\n\n# Paired on fees\n',
    );
    created.push(activity);
    const { records } = await lodestar();
    await records.refreshPaths([activity]);
    await eventually(() => assert.ok(records.records('activity').some((r) => r.path === activity)));
    // A folder no other suite removes (docs/influence/2024), and the picture asked for again until the index has settled.
    let shown: ShownDashboard | undefined;
    await eventually(async () => {
      shown = (await vscode.commands.executeCommand('lodestar.openDashboard', { period: { from: '2024-01-01', to: '2024-03-31' } })) as ShownDashboard;
      assert.strictEqual(shown.report.summary.activities, 1);
    }, 15000);
    assert.ok(shown);
    try {
      assert.deepStrictEqual(
        shown.report.pairs,
        [{ people: ['alice', 'dana@example.com'], count: 1 }],
        JSON.stringify({
          period: [shown.report.from, shown.report.to],
          activities: shown.report.activities,
          mine: records.records('activity').find((r) => r.path === activity),
        }),
      );
      const section = shown.html.slice(shown.html.indexOf('id="h-pairing"'));
      // One row each, by name as the pairing matrix shows them (Alice's profile, Dana's .git-coauthors entry), not by key.
      const rows = [...section.matchAll(/<th scope="row"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
      assert.deepStrictEqual(rows, ['Alice Example', 'Dana Lead']);
    } finally {
      shown.panel.dispose();
    }
    // The Influence view lists each person of the activity once, named as first written (a profile by its name).
    const { tree } = (await lodestar()).influence;
    const under = async (node?: InfluenceNode): Promise<{ node: InfluenceNode; label: string }[]> =>
      Promise.all((await tree.getChildren(node)).map(async (n) => ({ node: n, label: String((await tree.getTreeItem(n)).label) })));
    const find = async (label: string, node?: InfluenceNode): Promise<InfluenceNode> => {
      const found = (await under(node)).find((r) => r.label === label);
      assert.ok(
        found,
        `no row "${label}": ${(await under(node)).map((r) => r.label).join(' | ')}; activities in the index: ${JSON.stringify(
          (await lodestar()).records.records('activity').map((r) => [r.path, r.date]),
        )}, file on disk: ${fs.existsSync(activity)}`,
      );
      return found.node;
    };
    const item = await find('Paired on fees', await find('Pairing (1)', await find('2024 Q1')));
    assert.deepStrictEqual(
      (await under(item)).map((r) => r.label),
      ['dana@example.com', 'Alice Example'],
    );
  });
});
