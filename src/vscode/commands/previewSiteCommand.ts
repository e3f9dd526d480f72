import { promises as fsPromises } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { WorkspaceRecords } from '../workspaceRecords';
import { refusedInRestrictedMode } from '../support/restrictedMode';

/**
 * **Lodestar: Preview Decision Site**: builds the site of the first workspace
 * folder with records into a temporary folder, serves it on 127.0.0.1 and
 * opens it; rebuilt whenever the records change, stopped (and its folder
 * removed) with the extension.
 * Diagrams stay as code (mermaid is not inside the extension).
 */
export function registerPreviewSiteCommand(records: WorkspaceRecords, log: vscode.OutputChannel): vscode.Disposable {
  let running: { url: string; close(): Promise<void>; subscription: vscode.Disposable } | undefined;
  const command = vscode.commands.registerCommand('lodestar.previewDecisionSite', async (options?: { open?: boolean }) => {
    if (refusedInRestrictedMode('run git or serve files', 'Trust this workspace to preview the decision site.')) return undefined;
    await records.ready();
    const entry = records.indexes().find(({ index }) => index.folders.some((f) => f.kind === 'decision' || f.kind === 'design'));
    if (!entry) {
      void vscode.window.showInformationMessage('No decision records or design docs to publish yet.');
      return undefined;
    }
    if (!running) {
      // Loaded on first use: markdown-it and the page builder stay out of activation.
      const [{ publishSite }, { serveSiteFolder }, { NodeFileSystem }, { DEFAULT_SETTINGS }] = await Promise.all([
        import('../../core/site/publishSite'),
        import('../../core/site/siteServer'),
        import('../../core/store/nodeFileSystem'),
        import('../../core/index/recordFolders'),
      ]);
      const outDir = path.join(os.tmpdir(), `lodestar-preview-${process.pid}`);
      const build = async (): Promise<void> => {
        const r = await publishSite({ fs: new NodeFileSystem(), root: entry.index.root, settings: DEFAULT_SETTINGS, outDir, index: entry.index });
        log.appendLine(`decision site: ${r.pages} pages, ${r.written} files written to ${outDir}`);
        for (const w of r.warnings) log.appendLine(`decision site: ${w}`);
      };
      await build();
      const server = await serveSiteFolder(outDir, 0);
      let timer: NodeJS.Timeout | undefined;
      const subscription = records.onDidChange(() => {
        clearTimeout(timer);
        timer = setTimeout(() => void build().catch((e: unknown) => log.appendLine(`decision site: rebuild failed: ${String(e)}`)), 300);
      });
      // The preview's folder goes with it: nothing is left in the temp folder when VS Code closes.
      const close = async (): Promise<void> => {
        clearTimeout(timer);
        await server.close();
        await fsPromises.rm(outDir, { recursive: true, force: true });
      };
      running = { url: server.url, close, subscription };
    }
    // Tests (and other commands) may ask for the address without a browser opening.
    if (options?.open !== false) await vscode.env.openExternal(await vscode.env.asExternalUri(vscode.Uri.parse(running.url)));
    return running.url;
  });
  return vscode.Disposable.from(command, {
    dispose: () => {
      running?.subscription.dispose();
      void running?.close();
    },
  });
}
