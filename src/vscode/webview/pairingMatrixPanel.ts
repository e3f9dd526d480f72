import * as vscode from 'vscode';
import { redrawOnChange } from './redrawOnChange';
import { GitHistoryWatcher } from '../gitHistoryWatcher';
import { pickStep } from '../support/stepInput';
import { createGitExecutor } from '../../core/git/gitExecutor';
import { RecordIndex } from '../../core/index/recordIndex';
import { buildPairingReport, PairingReport } from '../../core/people/pairing';
import { buildPairingMatrix, PairingMatrix, pairingMatrixHtml } from '../../core/people/pairingMatrix';
import { calendarDay } from '../../core/records/calendar';
import { WorkspaceFileSystem } from '../workspaceFileSystem';
import { WorkspaceRecords } from '../workspaceRecords';
import { pageHtml, pageMessage, webviewOptions } from './webviewPage';
import { refusedInRestrictedMode } from '../support/restrictedMode';

/** The time windows offered, in this order (the page's buttons send their position). */
export const MATRIX_WINDOWS: { label: string; pick: string; days?: number }[] = [
  { label: 'last 30 days', pick: 'Last 30 days', days: 30 },
  { label: 'last 90 days', pick: 'Last 90 days', days: 90 },
  { label: 'last 365 days', pick: 'Last 365 days', days: 365 },
  { label: 'all history', pick: 'All history' },
];

/** What the command hands back (tests read it; the page shows it). */
export interface ShownMatrix {
  panel: vscode.WebviewPanel;
  /** The workspace folder whose pairing it shows. */
  root: string;
  matrix: PairingMatrix;
  report: PairingReport;
  html: string;
}

export interface PairingMatrixArgs {
  /** 30, 90, 365 or 'all'. */
  window?: number | 'all';
  /** A workspace folder's path, when there are several. */
  folder?: string;
}

const fileSystem = new WorkspaceFileSystem();

function since(days: number | undefined): string | undefined {
  if (days === undefined) return undefined;
  const d = new Date();
  d.setDate(d.getDate() - days);
  return calendarDay(d);
}

/**
 * `Lodestar: Show Pairing Matrix`: who paired with whom and how often over a
 * chosen window, logged sessions and co-authored commits together, as a
 * heat-map table in the editor area. Git runs, so it is refused in Restricted Mode.
 */
export function registerPairingMatrix(records: WorkspaceRecords, extensionUri: vscode.Uri, history: GitHistoryWatcher): vscode.Disposable {
  let current: { panel: vscode.WebviewPanel; index: RecordIndex; window: number; openable: string[]; stale: boolean } | undefined;

  // Drawings in the order they started: one that read git before a later one had drawn never draws over it.
  let started = 0;
  let drawn = 0;
  const render = async (index: RecordIndex, window: number, reveal = true): Promise<ShownMatrix | undefined> => {
    const chosen = MATRIX_WINDOWS[window];
    const seq = ++started;
    // A change while git is read marks the page stale again, so the redraw it asks for is not lost.
    if (current?.index === index) current.stale = false;
    const report = await buildPairingReport({
      index,
      fs: fileSystem,
      git: createGitExecutor(index.root),
      window: { since: since(chosen.days) },
      extraRecords: records.notebook.records(),
      trusted: vscode.workspace.isTrusted,
    });
    const matrix = buildPairingMatrix(report.sessions, (k) => report.directory.nameOf(k));
    if (seq < drawn && current?.index === index) {
      if (reveal) current.panel.reveal();
      return { panel: current.panel, root: index.root, matrix, report, html: current.panel.webview.html };
    }
    drawn = seq;
    const openable = report.sessions.filter((s) => s.source === 'logged' && s.path !== null).map((s) => s.path as string);
    if (current?.index !== index) current?.panel.dispose();
    const panel =
      current?.index === index
        ? current.panel
        : vscode.window.createWebviewPanel('lodestar.pairingMatrix', 'Pairing', vscode.ViewColumn.Active, webviewOptions(extensionUri));
    if (current?.panel !== panel) {
      panel.onDidDispose(() => {
        if (current?.panel === panel) current = undefined;
      });
      panel.onDidChangeViewState(() => {
        if (panel.visible && current?.panel === panel && current.stale) void render(current.index, current.window, false);
      });
      panel.webview.onDidReceiveMessage(async (raw: unknown) => {
        const message = pageMessage(raw);
        if (!message || current?.panel !== panel || message.index === undefined) return;
        if (message.type === 'window' && message.index < MATRIX_WINDOWS.length) {
          await render(current.index, message.index);
        } else if (message.type === 'open' && message.index < current.openable.length) {
          await vscode.window.showTextDocument(vscode.Uri.file(current.openable[message.index]), { viewColumn: vscode.ViewColumn.Beside });
        }
      });
    }
    current = { panel, index, window, openable, stale: current?.panel === panel && current.stale };
    const title = `Pairing: ${chosen.label}`;
    const body = pairingMatrixHtml(matrix, {
      windowLabel: chosen.label,
      windows: MATRIX_WINDOWS.map((w) => w.pick),
      currentWindow: window,
      openable,
      unavailable: report.unavailable,
    });
    const html = pageHtml(panel.webview, extensionUri, { title, body, styles: ['webview.css'], scripts: ['pairing.js'] });
    panel.title = title;
    panel.webview.html = html;
    if (reveal) panel.reveal();
    return { panel, root: index.root, matrix, report, html };
  };

  // Records change (a logged session, a new mentee) or git history moves (a co-authored commit, a checkout, a pull):
  // the matrix redraws.
  const changes = redrawOnChange(
    [records.onDidChange, history.onDidMove],
    () => current,
    (shown) => void render(shown.index, shown.window, false),
  );

  const command = vscode.commands.registerCommand('lodestar.showPairingMatrix', async (args?: PairingMatrixArgs): Promise<ShownMatrix | undefined> => {
    if (refusedInRestrictedMode('read git history', 'Trust this workspace to use it.')) return undefined;
    await records.ready();
    const indexes = records.indexes();
    if (indexes.length === 0) {
      void vscode.window.showWarningMessage('Open a folder to see who paired with whom in it.');
      return undefined;
    }
    let index: RecordIndex | undefined = indexes[0].index;
    if (args?.folder) index = records.indexOf(args.folder) ?? indexes.find((i) => i.index.root === args.folder)?.index;
    // With several folders and none named (a window alone, or nothing), ask which.
    else if (indexes.length > 1) {
      const picked = await pickStep({
        title: 'Show Pairing Matrix: which folder?',
        placeholder: 'Who paired with whom in one workspace folder',
        items: () => indexes.map((i) => ({ label: i.folder.name, description: i.index.root, value: i.index })),
      })({ step: 1, total: 1 });
      index = picked === 'back' ? undefined : picked?.[0];
    }
    if (!index) return undefined;
    let window: number | undefined;
    if (args?.window !== undefined) {
      window = MATRIX_WINDOWS.findIndex((w) => (args.window === 'all' ? w.days === undefined : w.days === args.window));
      if (window < 0) {
        void vscode.window.showErrorMessage(`Lodestar: the window is 30, 90, 365 or "all", not ${String(args.window)}.`);
        return undefined;
      }
    } else {
      const picked = await vscode.window.showQuickPick(
        MATRIX_WINDOWS.map((w, i) => ({ label: w.pick, i })),
        { title: 'Show Pairing Matrix: over which time?', placeHolder: 'Logged sessions and co-authored commits in this window' },
      );
      window = picked?.i;
    }
    if (window === undefined) return undefined;
    return render(index, window);
  });

  const panel = {
    dispose: () => current?.panel.dispose(),
  };
  return vscode.Disposable.from(command, changes, panel);
}
