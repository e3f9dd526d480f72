import * as vscode from 'vscode';
import { redrawOnChange } from './redrawOnChange';
import { buildDecisionGraph, decisionGraphMermaid, decisionGraphSvg, DecisionGraph } from '../../core/decisions/decisionGraph';
import { escapeXml } from '../../core/records/escaping';
import { RecordIndex } from '../../core/index/recordIndex';
import { chooseFolder } from '../support/decisionFolderPick';
import { WorkspaceRecords } from '../workspaceRecords';
import { pageHtml, pageMessage, webviewOptions } from './webviewPage';

/** What the graph command hands back (tests read it; the page shows it). */
export interface ShownGraph {
  panel: vscode.WebviewPanel;
  graph: DecisionGraph;
  html: string;
}

interface Shown {
  panel: vscode.WebviewPanel;
  folder: string;
  label: string;
  index: RecordIndex;
  graph: DecisionGraph;
  /** Records changed while the panel was hidden: redraw when it is shown. */
  stale: boolean;
  shownBody?: string;
}

/**
 * `Lodestar: Show Decision Graph`: a picture of one decision folder's records
 * and their supersede/link arcs, in the editor area. Click or Enter on a record
 * opens it; "Open as Mermaid" opens the same graph as Mermaid text in Markdown.
 */
export function registerDecisionGraph(records: WorkspaceRecords, extensionUri: vscode.Uri): vscode.Disposable {
  let current: Shown | undefined;

  const render = (shown: Shown): ShownGraph => {
    // The folder's index as it is now (a rebuild may have replaced the one the folder was picked from).
    const index = records.indexes().find((i) => i.index.root === shown.index.root)?.index ?? shown.index;
    shown.index = index;
    const graph = buildDecisionGraph(
      index.records('decision').filter((r) => r.folder === shown.folder),
      (r) => index.linksOf(r).map((l) => ({ ...l, target: index.resolveLink(r, l.target) })),
    );
    shown.graph = graph;
    shown.stale = false;
    const body =
      graph.nodes.length === 0
        ? `<main><h1>${escapeXml(shown.label)}</h1><p>No decision records in this folder yet. Run "Lodestar: New Decision Record…" to start one.</p></main>`
        : `<main><header><h1>${escapeXml(shown.label)}</h1><p>${graph.nodes.length} records, ${graph.edges.length} links. Solid arcs: supersedes; dashed: other links. Click a record, or focus it and press Enter, to open it.</p><button id="mermaid" type="button">Open as Mermaid</button></header>${decisionGraphSvg(graph)}</main>`;
    // Each send reloads the page: the same picture is not sent again.
    if (shown.shownBody !== body) {
      shown.shownBody = body;
      shown.panel.webview.html = pageHtml(shown.panel.webview, extensionUri, {
        title: `Decisions: ${shown.label}`,
        body,
        styles: ['webview.css'],
        scripts: ['graph.js'],
      });
    }
    return { panel: shown.panel, graph, html: shown.panel.webview.html };
  };

  const command = vscode.commands.registerCommand('lodestar.showDecisionGraph', async (args?: { folder?: string }): Promise<ShownGraph | undefined> => {
    await records.ready();
    const choice = await chooseFolder(records, args, 'Show Decision Graph: which folder?', { refuse: 'There is no graph to show.' });
    if (!choice) return undefined;
    if (current?.folder !== choice.folder) current?.panel.dispose();
    if (!current) {
      const panel = vscode.window.createWebviewPanel(
        'lodestar.decisionGraph',
        `Decisions: ${choice.label}`,
        vscode.ViewColumn.Active,
        webviewOptions(extensionUri),
      );
      const shown: Shown = { panel, folder: choice.folder, label: choice.label, index: choice.index, graph: { nodes: [], edges: [] }, stale: false };
      current = shown;
      panel.onDidDispose(() => {
        if (current === shown) current = undefined;
      });
      panel.onDidChangeViewState(() => {
        if (panel.visible && shown.stale) render(shown);
      });
      panel.webview.onDidReceiveMessage(async (raw: unknown) => {
        const message = pageMessage(raw);
        if (!message || current !== shown) return;
        const graph = shown.graph;
        if (message.type === 'open' && message.index !== undefined && message.index < graph.nodes.length) {
          await vscode.window.showTextDocument(vscode.Uri.file(graph.nodes[message.index].path), { viewColumn: vscode.ViewColumn.Beside });
        } else if (message.type === 'mermaid') {
          const doc = await vscode.workspace.openTextDocument({
            language: 'markdown',
            content: `# Decisions: ${shown.label}\n\n\`\`\`mermaid\n${decisionGraphMermaid(graph)}\`\`\`\n`,
          });
          await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside });
        }
      });
    }
    current.index = choice.index;
    const result = render(current);
    current.panel.reveal();
    return result;
  });

  // Records change (a new record, a renumber, a rename): the graph redraws.
  const changes = redrawOnChange(
    records.onDidChange,
    () => current,
    (shown) => render(shown),
  );

  const panel = {
    dispose: () => current?.panel.dispose(),
  };
  return vscode.Disposable.from(command, changes, panel);
}
