import * as vscode from 'vscode';
import { redrawOnChange } from './redrawOnChange';
import { GitHistoryWatcher } from '../gitHistoryWatcher';
import { cachedNameOf, preparePeopleDirectories, recordsWithCachedPullRequests } from '../canonicalRecords';
import { DashboardTarget } from '../../core/influence/dashboardCharts';
import { dashboardPage } from '../../core/influence/dashboardPage';
import { Period, today } from '../../core/records/calendar';
import { buildInfluenceReport, InfluenceReport } from '../../core/influence/report';
import { isNamedPeriod, NAMED_PERIODS, NamedPeriod, namedPeriod, periodName, periodProblem } from '../../core/influence/reportPeriods';
import { readReminderSettings } from '../settings';
import { cachedPullRequestDates, cachedStatusDates } from '../historyDates';
import { WorkspaceRecords } from '../workspaceRecords';
import { pageHtml, pageMessage, webviewOptions } from './webviewPage';

export interface DashboardArgs {
  /** A named period or dates; default this quarter. */
  period?: NamedPeriod | Period;
  /** A mentee's handle: only their work. */
  person?: string;
}

/** What the command hands back (tests read it; the page shows it). */
export interface ShownDashboard {
  panel: vscode.WebviewPanel;
  report: InfluenceReport;
  html: string;
  /** What the page's items open, by the position they send. */
  targets: DashboardTarget[];
}

interface Shown {
  panel: vscode.WebviewPanel;
  period: Period;
  /** The period's position in NAMED_PERIODS, or -1 for dates of its own. */
  named: number;
  person?: string;
  targets: DashboardTarget[];
  stale: boolean;
  /** The title and body last sent to the page: the same picture again is not sent (each send reloads the page). */
  shownPage?: string;
}

/**
 * `Lodestar: Open Dashboard`: the influence report of a period as pictures,
 * in the editor area. It only reads, so it opens in Restricted Mode too. The
 * page asks for things by position (open item N, show period N); the
 * extension checks every message and keeps the paths and URLs itself.
 */
export function registerDashboard(records: WorkspaceRecords, extensionUri: vscode.Uri, history: GitHistoryWatcher): vscode.Disposable {
  let current: Shown | undefined;

  const render = (shown: Shown): ShownDashboard => {
    // `#12` and its URL are one pull request; a render waits for nothing: fresh remotes redraw it.
    const inputs = recordsWithCachedPullRequests(records, () => {
      if (current === shown) render(shown);
    });
    // Accepting or superseding an older record counts on the day of the change (read from git once, then redrawn).
    const redraw = (): void => {
      if (current === shown) render(shown);
    };
    const statusDates = cachedStatusDates(records, redraw);
    // A pull request linked only from a mentee's profile counts in the period it was merged in, as in `lodestar report`.
    const pullRequestDates = cachedPullRequestDates(records, redraw);
    const report = buildInfluenceReport(inputs, {
      ...shown.period,
      person: shown.person,
      today: today(),
      statusDates,
      pullRequestDates,
      ...readReminderSettings(),
    });
    // People by name, as the pairing matrix shows them (`Bob`, not bob@example.com).
    const page = dashboardPage(report, { periods: NAMED_PERIODS.map((p) => p.label), currentPeriod: shown.named, nameOf: cachedNameOf(records) });
    const title = `Influence: ${periodName(shown.period)}${report.person ? ` · ${report.person.name}` : ''}`;
    shown.targets = page.targets;
    shown.stale = false;
    shown.panel.title = title;
    const same = shown.shownPage === title + '\n' + page.body;
    const html = same
      ? shown.panel.webview.html
      : pageHtml(shown.panel.webview, extensionUri, { title, body: page.body, styles: ['webview.css', 'dashboard.css'], scripts: ['dashboard.js'] });
    if (!same) {
      shown.shownPage = title + '\n' + page.body;
      shown.panel.webview.html = html;
    }
    return { panel: shown.panel, report, html, targets: page.targets };
  };

  const onMessage = async (shown: Shown, raw: unknown): Promise<void> => {
    const message = pageMessage(raw);
    if (!message || current !== shown) return;
    if (message.type === 'open' && message.index !== undefined && message.index < shown.targets.length) {
      const target = shown.targets[message.index];
      if (target.kind === 'file') await vscode.window.showTextDocument(vscode.Uri.file(target.path), { viewColumn: vscode.ViewColumn.Beside, preview: true });
      else if (/^https?:\/\//i.test(target.url)) await vscode.env.openExternal(vscode.Uri.parse(target.url, true));
    } else if (message.type === 'period' && message.index !== undefined && message.index < NAMED_PERIODS.length) {
      await records.ready();
      shown.named = message.index;
      shown.period = namedPeriod(NAMED_PERIODS[message.index].id, today());
      render(shown);
    } else if (message.type === 'report') {
      await vscode.commands.executeCommand('lodestar.generateInfluenceReport', { period: shown.period, person: shown.person, target: 'notebook' });
    }
  };

  const command = vscode.commands.registerCommand('lodestar.openDashboard', async (args?: DashboardArgs): Promise<ShownDashboard | undefined> => {
    let period: Period;
    let named = 0;
    if (args?.period === undefined || isNamedPeriod(args.period)) {
      named = NAMED_PERIODS.findIndex((p) => p.id === (args?.period ?? 'this-quarter'));
      period = namedPeriod(NAMED_PERIODS[named].id, today());
    } else {
      const problem =
        typeof args.period === 'object' && args.period !== null ? periodProblem(String(args.period.from), String(args.period.to)) : 'not a period';
      if (problem) {
        void vscode.window.showErrorMessage(`Lodestar: the dashboard's period is not valid: ${problem}`);
        return undefined;
      }
      period = { from: args.period.from.trim(), to: args.period.to.trim() };
      named = -1;
    }
    const person = typeof args?.person === 'string' && args.person.trim() !== '' ? args.person.trim() : undefined;
    await records.ready();
    // Who is who (profiles, .git-coauthors, .mailmap) is read once, so the first picture already counts each person once.
    await preparePeopleDirectories(records);
    if (!current) {
      const panel = vscode.window.createWebviewPanel('lodestar.dashboard', 'Influence', vscode.ViewColumn.Active, webviewOptions(extensionUri));
      const shown: Shown = { panel, period, named, person, targets: [], stale: false };
      current = shown;
      panel.onDidDispose(() => {
        if (current === shown) current = undefined;
      });
      panel.onDidChangeViewState(() => {
        if (panel.visible && shown.stale) render(shown);
      });
      panel.webview.onDidReceiveMessage((raw: unknown) => void onMessage(shown, raw));
    }
    Object.assign(current, { period, named, person });
    const result = render(current);
    current.panel.reveal();
    return result;
  });

  // Records change, or git history moves (a merge dates a pull request a profile links, a commit dates a status):
  // the dashboard redraws, once the dates read from history have been forgotten.
  const changes = redrawOnChange(
    [records.onDidChange, history.onDidMove],
    () => current,
    (shown) => render(shown),
  );

  const panel = {
    dispose: () => current?.panel.dispose(),
  };
  return vscode.Disposable.from(command, changes, panel);
}
