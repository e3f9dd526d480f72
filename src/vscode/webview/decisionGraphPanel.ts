import * as vscode from 'vscode';
import { buildDecisionGraph, decisionGraphMermaid, decisionGraphSvg, DecisionGraph } from '../../core/decisions/decisionGraph';
import { escapeXml } from '../../core/records/escaping';
import { chooseFolder } from '../support/decisionFolderPick';
import { WorkspaceRecords } from '../workspaceRecords';
import { pageHtml, pageMessage, webviewOptions } from './webviewPage';

/** What the graph command hands back (tests read it; the page shows it). */
export interface ShownGraph {
  panel: vscode.WebviewPanel;
  graph: DecisionGraph;
  html: string;
}

/**
 * `Lodestar: Show Decision Graph`: a picture of one decision folder's records
 * and their supersede/link arcs, in the editor area. Click or Enter on a record
 * opens it; "Open as Mermaid" opens the same graph as Mermaid text in Markdown.
 */
export function registerDecisionGraph(records: WorkspaceRecords, extensionUri: vscode.Uri): vscode.Disposable {
  let current: { panel: vscode.WebviewPanel; folder: string; graph: DecisionGraph } | undefined;
  return vscode.commands.registerCommand('lodestar.showDecisionGraph', async (args?: { folder?: string }): Promise<ShownGraph | undefined> => {
    await records.ready();
    const choice = await chooseFolder(records, args, 'Show Decision Graph: which folder?', { refuse: 'There is no graph to show.' });
    if (!choice) return undefined;
    const inFolder = choice.index.records('decision').filter((r) => r.folder === choice.folder);
    const graph = buildDecisionGraph(inFolder);
    if (current?.folder !== choice.folder) current?.panel.dispose();
    const panel =
      current?.folder === choice.folder
        ? current.panel
        : vscode.window.createWebviewPanel('lodestar.decisionGraph', `Decisions: ${choice.label}`, vscode.ViewColumn.Active, webviewOptions(extensionUri));
    if (current?.panel !== panel) {
      current = { panel, folder: choice.folder, graph };
      panel.onDidDispose(() => {
        if (current?.panel === panel) current = undefined;
      });
      panel.webview.onDidReceiveMessage(async (raw: unknown) => {
        const message = pageMessage(raw);
        const shown = current?.panel === panel ? current.graph : undefined;
        if (!message || !shown) return;
        if (message.type === 'open' && message.index !== undefined && message.index < shown.nodes.length) {
          await vscode.window.showTextDocument(vscode.Uri.file(shown.nodes[message.index].path), { viewColumn: vscode.ViewColumn.Beside });
        } else if (message.type === 'mermaid') {
          const doc = await vscode.workspace.openTextDocument({
            language: 'markdown',
            content: `# Decisions: ${choice.label}\n\n\`\`\`mermaid\n${decisionGraphMermaid(shown)}\`\`\`\n`,
          });
          await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside });
        }
      });
    }
    current.graph = graph;
    const body =
      graph.nodes.length === 0
        ? `<main><h1>${escapeXml(choice.label)}</h1><p>No decision records in this folder yet. Run "Lodestar: New Decision Record…" to start one.</p></main>`
        : `<main><header><h1>${escapeXml(choice.label)}</h1><p>${graph.nodes.length} records, ${graph.edges.length} links. Solid arcs: supersedes; dashed: other links. Click a record, or focus it and press Enter, to open it.</p><button id="mermaid" type="button">Open as Mermaid</button></header>${decisionGraphSvg(graph)}</main>`;
    const html = pageHtml(panel.webview, extensionUri, { title: `Decisions: ${choice.label}`, body, styles: ['webview.css'], scripts: ['graph.js'] });
    panel.webview.html = html;
    panel.reveal();
    return { panel, graph, html };
  });
}
