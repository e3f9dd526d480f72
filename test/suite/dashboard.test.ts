import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { SINGLE_ROOT_INFLUENCE } from '../fixtures/workspaces';
import type { ShownDashboard } from '../../src/vscode/webview/dashboardPanel';
import { eventually, lodestar, workspaceRoot } from './support';

// The single-root fixture: 2026 Q3 holds only its ten influence activities and Bob's pairing
// session (no suite test writes there), so its counts are exact. The suite restores the fixture
// (and the private notebook) after every test.

const q3 = SINGLE_ROOT_INFLUENCE.q3;
const Q3 = { from: q3.from, to: q3.to };
const file = (...parts: string[]): string => path.join(workspaceRoot(), ...parts);

/** Every relative link of a Markdown file, with whether it resolves from the file's own folder. */
function relativeLinks(markdownPath: string): { target: string; resolves: boolean }[] {
  const text = fs.readFileSync(markdownPath, 'utf8');
  return [...text.matchAll(/\]\(([^)]+)\)/g)]
    .map((m) => m[1])
    .filter((t) => !/^https?:/.test(t))
    .map((target) => ({ target, resolves: fs.existsSync(path.resolve(path.dirname(markdownPath), decodeURIComponent(target))) }));
}

async function notebookRoot(): Promise<string> {
  const root = (await lodestar()).records.notebook.location?.root;
  assert.ok(root, 'the private notebook is open');
  return root;
}

describe('Lodestar: Generate Influence Report', () => {
  const written: string[] = [];
  after(() => {
    for (const f of written) fs.rmSync(f, { force: true });
    fs.rmSync(file('docs/reports'), { recursive: true, force: true });
  });

  it('writes the quarter’s report to the private notebook by default, with exact counts, and opens it; its links survive moving it', async () => {
    const created = (await vscode.commands.executeCommand('lodestar.generateInfluenceReport', { period: Q3 })) as string;
    written.push(created);
    assert.strictEqual(created, path.join(await notebookRoot(), 'reports', 'influence-report-2026-Q3.md'));
    const text = fs.readFileSync(created, 'utf8');
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: workspaceRoot(), encoding: 'utf8' }).trim();
    assert.ok(
      text.startsWith(
        '# Influence report, 2026-07-01 to 2026-09-30\n\nScope: every record in the repository.\n\n' +
          `_Links: records link to github.com/acme/payments at commit ${head.slice(0, 12)} (permanent links once that commit is pushed: nothing of the remote was fetched to check)`,
      ),
      text.slice(0, 400),
    );
    assert.match(text, /\n\n11 activities \(6 leading, 5 managing\) · 0 decisions · 0 design docs · 1 mentoring session with 1 person · 4 pull requests\n/);
    assert.match(text, /^\| Leading \(team-wide\) \| 6 \| 10h 45m \|$/m);
    assert.match(text, /^\| Managing \(individual\) \| 5 \| 5h 30m \|$/m);
    assert.match(text, /^\| Pairing \| managing \| 3 \| 4h 30m \|$/m);
    assert.match(text, /^\| Incident leadership \| leading \| 1 \| 4h \|$/m);
    assert.match(text, /^## Pull requests influenced \(4\)$/m);
    assert.match(text, /^- \[acme\/payments#57\]\(https:\/\/github\.com\/acme\/payments\/pull\/57\), linked from \[Led the settlement outage response\]\(/m);
    assert.match(text, /^### bob$/m);
    // Forge permalinks at a commit that holds each record (origin is github.com/acme/payments; nothing fetched, so HEAD).
    const permalinks = [...text.matchAll(/\]\((https:\/\/github\.com\/acme\/payments\/blob\/[^)]+)\)/g)].map((m) => m[1]);
    assert.ok(permalinks.length >= 12, `${permalinks.length} permalinks`);
    for (const url of permalinks) {
      const [, commit, file] = /\/blob\/([0-9a-f]{40})\/(.+)$/.exec(url) ?? [];
      assert.strictEqual(commit, head, url);
      execFileSync('git', ['cat-file', '-e', `${commit}:${decodeURIComponent(file)}`], { cwd: workspaceRoot() });
    }
    assert.ok(permalinks.some((u) => u.endsWith('/docs/influence/2026/2026-09-03-led-the-settlement-outage-response.md')));
    // No path climbs out of the notebook; anything not committed links relative to the workspace folder.
    assert.doesNotMatch(text, /\]\(\.\.\//);
    const other = relativeLinks(created).filter((l) => !/^https?:/.test(l.target));
    assert.deepStrictEqual(
      other.filter((l) => !fs.existsSync(path.join(workspaceRoot(), decodeURIComponent(l.target)))),
      [],
    );
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, created, 'the report opens');
  });

  it('the same period again never overwrites: the second report gets -2', async () => {
    const first = (await vscode.commands.executeCommand('lodestar.generateInfluenceReport', { period: Q3 })) as string;
    written.push(first);
    assert.strictEqual(path.basename(first), 'influence-report-2026-Q3.md');
    const again = (await vscode.commands.executeCommand('lodestar.generateInfluenceReport', { period: Q3 })) as string;
    written.push(again);
    assert.strictEqual(path.basename(again), 'influence-report-2026-Q3-2.md');
    assert.ok(fs.existsSync(path.join(path.dirname(again), 'influence-report-2026-Q3.md')));
  });

  it('a mentee’s report, saved in the workspace: only their work, links relative to docs/reports', async () => {
    const created = (await vscode.commands.executeCommand('lodestar.generateInfluenceReport', { period: Q3, person: 'bob', target: 'workspace' })) as string;
    written.push(created);
    assert.strictEqual(created, file('docs/reports/influence-report-2026-Q3-bob.md'));
    const text = fs.readFileSync(created, 'utf8');
    assert.ok(
      text.startsWith(
        '# Influence report, 2026-07-01 to 2026-09-30\n\nScope: bob.\n\n3 activities (0 leading, 3 managing) · 0 decisions · 0 design docs · 1 mentoring session with 1 person · 1 pull request\n',
      ),
      text.slice(0, 400),
    );
    assert.match(text, /^- 2026-09-12 · \[Paired on flaky tests\]\(\.\.\/mentoring\/bob\/2026-09-12-pairing\.md\) · pairing, 1h$/m);
    assert.match(
      text,
      /\[Coached Bob through his first incident review\]\(\.\.\/influence\/2026\/2026-08-27-coached-bob-through-his-first-incident-review\.md\)/,
    );
    assert.ok(!text.includes('Payments roadmap offsite'), 'work not naming Bob is left out');
    assert.deepStrictEqual(
      relativeLinks(created).filter((l) => !l.resolves),
      [],
    );
  });

  it('bad arguments write nothing', async () => {
    const reports = path.join(await notebookRoot(), 'reports');
    const list = (): string[] => (fs.existsSync(reports) ? fs.readdirSync(reports).sort() : []);
    const before = list();
    for (const args of [
      { period: { from: '2026-09-30', to: '2026-07-01' } },
      { period: { from: '2026-02-30', to: '2026-03-31' } },
      { period: 'next-decade' },
      { period: Q3, target: 'cloud' },
      { period: Q3, person: 'bob\nmallory' },
    ]) {
      assert.strictEqual(await vscode.commands.executeCommand('lodestar.generateInfluenceReport', args), undefined, JSON.stringify(args));
    }
    assert.deepStrictEqual(list(), before);
  });
});

describe('Lodestar: Open Dashboard', () => {
  const hostile = (): string => file('docs/influence/2026/2026-08-30-hostile.md');
  after(async () => {
    fs.rmSync(hostile(), { force: true });
    await (await lodestar()).records.refreshPaths([hostile()]);
  });

  it('shows the period’s aggregates in a strict-CSP page whose assets come from media/ only', async () => {
    const shown = (await vscode.commands.executeCommand('lodestar.openDashboard', { period: Q3 })) as ShownDashboard;
    assert.ok(shown.panel.visible);
    assert.strictEqual(shown.panel.title, 'Influence: 2026 Q3');
    const s = shown.report.summary;
    assert.deepStrictEqual(
      { activities: s.activities, byType: s.byType, leading: s.leading, managing: s.managing, pullRequests: s.pullRequests, people: s.people },
      { activities: q3.activities, byType: q3.byType, leading: q3.leading, managing: q3.managing, pullRequests: q3.pullRequests, people: q3.people },
    );
    assert.deepStrictEqual(shown.report.pairs, q3.pairs);
    // Who paired with whom names people as the pairing matrix does (.git-coauthors names Bob and Dana), not by address.
    const pairing = shown.html.slice(shown.html.indexOf('<h2 id="h-pairing">'), shown.html.indexOf('</section>', shown.html.indexOf('<h2 id="h-pairing">')));
    const columns = [...pairing.matchAll(/<th scope="col"[^>]*><span>([^<]*)<\/span><\/th>/g)].map((m) => m[1]);
    assert.ok(columns.includes('Bob') && columns.includes('Dana Lead'), columns.join(', '));
    assert.ok(!columns.some((c) => c.includes('@')), columns.join(', '));
    assert.match(pairing, /<th scope="row" title="Bob \(bob@example\.com\)">Bob<\/th>/);
    assert.strictEqual(shown.report.balance.leading.minutes, q3.leadingMinutes);
    assert.strictEqual(shown.report.balance.managing.minutes, q3.managingMinutes);

    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(shown.html)?.[1] ?? '';
    assert.match(csp, /^default-src 'none'; /);
    const nonce = /script-src 'nonce-([A-Za-z0-9]+)'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.ok(!/unsafe/.test(csp), csp);
    assert.match(csp, /; script-src 'nonce-[A-Za-z0-9]+'$/, 'scripts only with the nonce');
    const scripts = [...shown.html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    assert.strictEqual(scripts.length, 1);
    assert.match(scripts[0], new RegExp(`^ nonce="${nonce}" src="[^"]+/media/dashboard\\.js"$`));
    assert.match(shown.html, /<link rel="stylesheet" href="[^"]+\/media\/dashboard\.css">/);
    const roots = shown.panel.webview.options.localResourceRoots ?? [];
    assert.deepStrictEqual(
      roots.map((u) => path.basename(u.fsPath)),
      ['media'],
    );
    assert.strictEqual(shown.panel.webview.options.enableScripts, true);

    assert.match(shown.html, /data-lodestar-dashboard="1"/);
    assert.match(
      shown.html,
      /<li class="tile t-lead"><span class="value">11<\/span><span class="label">activities<\/span><span class="sub">6 leading · 5 managing<\/span>/,
    );
    assert.match(shown.html, /<h2 id="h-timeline">Activity by week<\/h2>/);
    assert.ok(shown.html.includes('>Led the settlement outage response</button>'));
    // Items open by position: the page gets numbers, the extension keeps the paths.
    const opens = [...shown.html.matchAll(/data-open="(\d+)"/g)].map((m) => +m[1]);
    assert.ok(opens.length > 10 && opens.every((i) => i < shown.targets.length));
    assert.ok(!shown.html.includes(workspaceRoot()), 'no file path in the page');
  });

  it('titles and names with markup show as text', async () => {
    fs.writeFileSync(
      hostile(),
      '---\ndate: 2026-08-30\ntype: knowledge-sharing\ntitle: "<script>alert(1)</script> <img src=x onerror=alert(2)> </style> javascript:alert(3)"\npeople: ["<img src=y onerror=alert(4)>", dana]\npullRequests: ["javascript:alert(5)"]\n---\n\n# Hostile\n',
    );
    const { records } = await lodestar();
    await records.refreshPaths([hostile()]);
    await eventually(() => assert.ok(records.records('activity').some((r) => r.path.endsWith('2026-08-30-hostile.md'))));
    const shown = (await vscode.commands.executeCommand('lodestar.openDashboard', { period: Q3 })) as ShownDashboard;
    assert.strictEqual(shown.report.summary.activities, q3.activities + 1);
    const body = shown.html.slice(shown.html.indexOf('<body>'));
    assert.ok(body.includes('&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt; &lt;/style&gt; javascript:alert(3)'));
    assert.ok(body.includes('&lt;img src=y onerror=alert(4)&gt;'));
    assert.strictEqual((body.match(/<script/g) ?? []).length, 1, 'only the page’s own script');
    assert.ok(!/<img|<\/style|href="javascript/i.test(body));
    assert.ok(!shown.targets.some((t) => t.kind === 'url' && /javascript/i.test(t.url)));
    shown.panel.dispose();
  });
});

describe('Reminder badges', () => {
  const review = (): string => file('doc/adr/0099-review-the-queue-choice.md');
  const zoe = (): string => file('docs/mentoring/zoe.md');
  after(async () => {
    for (const f of [review(), zoe()]) fs.rmSync(f, { force: true });
    await vscode.workspace.getConfiguration('lodestar').update('reminders.inReviewMaxAgeDays', undefined, vscode.ConfigurationTarget.Global);
    await (await lodestar()).records.refreshPaths([review(), zoe()]);
  });

  it('the Design Docs view counts the design doc in review too long; the setting moves the line', async () => {
    const { reminderBadges } = await lodestar();
    const badges = await reminderBadges.refresh();
    assert.deepStrictEqual(badges.designDocs, { value: 1, tooltip: '1 design doc in review for more than 14 days' });
    const config = vscode.workspace.getConfiguration('lodestar');
    await config.update('reminders.inReviewMaxAgeDays', 100000, vscode.ConfigurationTarget.Global);
    await eventually(() => assert.strictEqual(reminderBadges.shown().designDocs, undefined));
    await config.update('reminders.inReviewMaxAgeDays', undefined, vscode.ConfigurationTarget.Global);
    await eventually(() => assert.strictEqual(reminderBadges.shown().designDocs?.value, 1));
  });

  it('a decision past its review-by date and a mentee past their cadence add to the Decisions and Mentoring badges as the files appear and go', async () => {
    const { reminderBadges } = await lodestar();
    const before = await reminderBadges.refresh();
    const count = (b: vscode.ViewBadge | undefined): number => b?.value ?? 0;
    fs.writeFileSync(review(), '---\nstatus: accepted\ndate: 2026-01-10\nreview-by: 2026-06-30\ndecision-makers: [dana]\n---\n\n# Review the queue choice\n');
    fs.writeFileSync(zoe(), '---\nname: Zoe Example\nhandle: zoe\ncadence: weekly\nsince: 2026-01-15\n---\n\n# Zoe Example\n');
    await eventually(() => {
      const now = reminderBadges.shown();
      assert.strictEqual(count(now.decisions), count(before.decisions) + 1);
      assert.strictEqual(count(now.mentoring), count(before.mentoring) + 1);
      assert.match(now.decisions?.tooltip ?? '', /1 past its review-by date/);
      assert.match(now.mentoring?.tooltip ?? '', /with no session within their cadence/);
    });
    fs.rmSync(review());
    fs.rmSync(zoe());
    await eventually(() => {
      const now = reminderBadges.shown();
      assert.strictEqual(count(now.decisions), count(before.decisions));
      assert.strictEqual(count(now.mentoring), count(before.mentoring));
    });
  });
});

describe('Credit when it happened', () => {
  it('an older decision whose status changed today counts in this quarter’s dashboard and report, on the day of the change', async () => {
    const { records } = await lodestar();
    const older = records.records('decision').find((r) => r.number === 1)!;
    const before = fs.readFileSync(older.path, 'utf8');
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    assert.ok(
      older.date && older.date < `${iso.slice(0, 4)}-${String(Math.floor(today.getMonth() / 3) * 3 + 1).padStart(2, '0')}-01`,
      `${older.date} is before this quarter`,
    );
    const listed = async (): Promise<{ date: string | null; path: string }[]> =>
      ((await vscode.commands.executeCommand('lodestar.openDashboard', { period: 'this-quarter' })) as ShownDashboard).report.decisions;
    try {
      assert.ok(!(await listed()).some((d) => d.path === older.path), 'not credited this quarter before the change');
      // Deprecated today, not committed yet: the change is today's.
      fs.writeFileSync(older.path, before.replace(/^Accepted$/m, 'Deprecated'));
      await records.refreshPaths([older.path]);
      await eventually(async () =>
        assert.deepStrictEqual(
          (await listed()).filter((d) => d.path === older.path).map((d) => d.date),
          [iso],
        ),
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.writeFileSync(older.path, before);
      await records.refreshPaths([older.path]);
    }
  });
});

describe('Dashboard after a remote changes', () => {
  it('a remote changed with git remote set-url resolves #N against the new one, without a reload', async () => {
    const { records } = await lodestar();
    const activity = file('docs/influence/2026/2026-08-31-reviewed-the-ledger-split.md');
    const setOrigin = (url: string): string => execFileSync('git', ['remote', 'set-url', 'origin', url], { cwd: workspaceRoot(), encoding: 'utf8' });
    const original = execFileSync('git', ['remote', 'get-url', 'origin'], { cwd: workspaceRoot(), encoding: 'utf8' }).trim();
    fs.writeFileSync(
      activity,
      "---\ndate: 2026-08-31\ntype: design-review\ntitle: Reviewed the ledger split\npeople: [alice]\npullRequests: ['#77']\ndecisions: []\ndesigns: []\noutcome: ''\n---\n\n# Reviewed the ledger split\n",
    );
    const urls = async (): Promise<string[]> =>
      ((await vscode.commands.executeCommand('lodestar.openDashboard', { period: Q3 })) as ShownDashboard).report.pullRequests
        .map((p) => p.url)
        .filter((u) => /\/77$/.test(u));
    try {
      await records.refreshPaths([activity]);
      await eventually(async () => assert.deepStrictEqual(await urls(), ['https://github.com/acme/payments/pull/77']));
      setOrigin('https://github.com/acme/ledger.git');
      // .git/config is watched: the next picture resolves against the new remote (no minute-long cache, no reload).
      await eventually(async () => assert.deepStrictEqual(await urls(), ['https://github.com/acme/ledger/pull/77']), 20000);
    } finally {
      setOrigin(original);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(activity, { force: true });
      await records.refreshPaths([activity]);
    }
  });
});

describe('Mentee cards and pull requests, as lodestar report counts them', () => {
  it('an open dashboard redraws when git history moves: a PR a profile links counts once its merge is committed, without reopening', async () => {
    const { records } = await lodestar();
    const alice = file('docs/mentoring/alice.md');
    const before = fs.readFileSync(alice, 'utf8');
    const git = (args: string[], env: Record<string, string> = {}): string =>
      execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], {
        cwd: workspaceRoot(),
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'Bob Builder',
          GIT_AUTHOR_EMAIL: 'bob@example.com',
          GIT_COMMITTER_NAME: 'Bob Builder',
          GIT_COMMITTER_EMAIL: 'bob@example.com',
          ...env,
        },
      });
    const head = git(['rev-parse', 'HEAD']).trim();
    let shown: ShownDashboard | undefined;
    try {
      // #31 is not merged yet: linked from the profile, it has no merge day, so the quarter does not count it.
      assert.strictEqual(await vscode.commands.executeCommand('lodestar.linkPullRequestToMentee', { pullRequest: '#31', mentee: 'alice' }), alice);
      const period = { from: '2026-10-01', to: '2026-12-31' };
      const counted = (html: string): boolean => /Open pull request [^"]*\b31"/.test(html);
      await eventually(async () => {
        shown = (await vscode.commands.executeCommand('lodestar.openDashboard', { period })) as ShownDashboard;
        assert.ok(shown.report.mentees.find((m) => m.handle === 'alice')?.pullRequestsInAll, 'the link is read');
        assert.ok(!counted(shown.html), 'not merged yet');
      });
      // Dates still being read from git redraw the page when they come: wait until it is quiet (the same for a second).
      let last = '';
      await eventually(async () => {
        const now = shown!.panel.webview.html;
        const same = now === last;
        last = now;
        if (!same) await new Promise((resolve) => setTimeout(resolve, 1000));
        assert.ok(same, 'the page settles');
      }, 30000);
      assert.ok(!counted(last), 'still not merged');
      // Its squash merge, in the quarter: no record changes, only history moves.
      git(['commit', '-q', '--allow-empty', '-m', 'Export the ledger (#31)'], {
        GIT_AUTHOR_DATE: '2026-11-20T10:00:00Z',
        GIT_COMMITTER_DATE: '2026-11-20T10:00:00Z',
      });
      await eventually(() => assert.ok(counted(shown!.panel.webview.html), 'the open page counts #31'), 60000);
    } finally {
      shown?.panel.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      git(['reset', '-q', '--hard', head]);
      fs.writeFileSync(alice, before);
      await records.refreshPaths([alice]);
    }
  });

  it('a PR linked from a profile counts in the quarter git says it was merged in, and the card says what the quarter leaves out', async () => {
    const { records } = await lodestar();
    const alice = file('docs/mentoring/alice.md');
    const before = fs.readFileSync(alice, 'utf8');
    const merged = 'https://github.com/acme/payments/pull/12';
    try {
      // #12 was merged on 2026-11-18 (in history); #21 is open, with no date.
      for (const pullRequest of ['#12', '#21'])
        assert.strictEqual(await vscode.commands.executeCommand('lodestar.linkPullRequestToMentee', { pullRequest, mentee: 'alice' }), alice);
      const period = { from: '2026-10-01', to: '2026-12-31' };
      await eventually(async () => {
        const shown = (await vscode.commands.executeCommand('lodestar.openDashboard', { period })) as ShownDashboard;
        const card = shown.report.mentees.find((m) => m.handle === 'alice');
        assert.deepStrictEqual(card?.pullRequests, [merged]);
        // In all: #21 too, and the PRs of activities naming her in other periods.
        assert.ok(card.pullRequestsInAll >= 2, String(card.pullRequestsInAll));
        assert.ok(
          shown.report.pullRequests.some((p) => p.url === merged),
          'among the period’s pull requests',
        );
        assert.match(shown.html, new RegExp(`1 PR [^<,]+, ${card.pullRequestsInAll} in all`));
      });
      assert.ok(
        !(await vscode.commands.executeCommand<ShownDashboard>('lodestar.openDashboard', { period: Q3 })).report.mentees
          .find((m) => m.handle === 'alice')
          ?.pullRequests.includes(merged),
        'not in the quarter before',
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.writeFileSync(alice, before);
      await records.refreshPaths([alice]);
    }
  });
});
