import { promises as fsPromises } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { WorkspaceRecords } from '../workspaceRecords';
import { refusedInRestrictedMode } from '../support/restrictedMode';
import { pickStep } from '../support/stepInput';
import { RecordIndex } from '../../core/index/recordIndex';
import { toPortPath } from '../../core/store/fileSystem';

/**
 * **Lodestar: Preview Decision Site**: builds the site of a workspace folder
 * with records (asking which when there are several) into a temporary folder,
 * serves it on 127.0.0.1 and opens it; rebuilt whenever the records change,
 * stopped (and its folder removed) with the extension or when another folder
 * is previewed. Diagrams stay as code (mermaid is not inside the extension).
 */
export function registerPreviewSiteCommand(records: WorkspaceRecords, log: vscode.OutputChannel): vscode.Disposable {
  let running: { root: string; url: string; close(): Promise<void>; subscription: vscode.Disposable } | undefined;
  const command = vscode.commands.registerCommand('lodestar.previewDecisionSite', async (options?: { open?: boolean; folder?: string }) => {
    if (refusedInRestrictedMode('run git or serve files', 'Trust this workspace to preview the decision site.')) return undefined;
    await records.ready();
    const entry = await chooseSiteFolder(records, options?.folder);
    if (!entry) return undefined;
    if (running && running.root !== entry.index.root) {
      running.subscription.dispose();
      await running.close();
      running = undefined;
    }
    if (!running) {
      const outDir = path.join(os.tmpdir(), `lodestar-preview-${process.pid}`);
      try {
        running = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: `Building the decision site of ${entry.folder.name}…` },
          () => startPreview(records, entry.index, outDir, log),
        );
      } catch (e) {
        log.appendLine(`decision site: the build of ${entry.index.root} into ${outDir} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        void vscode.window.showErrorMessage(
          `Lodestar could not build the decision site of ${entry.folder.name}: ${e instanceof Error ? e.message : String(e)}. Fix what it names (the log, "Lodestar: Show Log", has the details) and run Preview Decision Site again.`,
        );
        return undefined;
      }
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

/** The workspace folder to publish: the one named, the only one with records, or a pick. */
async function chooseSiteFolder(records: WorkspaceRecords, folder: string | undefined): Promise<FolderIndexEntry | undefined> {
  const candidates = records.indexes().filter(({ index }) => index.folders.some((f) => f.kind === 'decision' || f.kind === 'design'));
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage('No decision records or design docs to publish yet.');
    return undefined;
  }
  if (folder !== undefined) {
    const wanted = candidates.find((c) => c.index.root === toPortPath(folder));
    if (!wanted) void vscode.window.showErrorMessage(`${folder} is not a workspace folder with decision records or design docs.`);
    return wanted;
  }
  if (candidates.length === 1) return candidates[0];
  const picked = await pickStep({
    title: 'Preview Decision Site: which folder?',
    placeholder: 'The site of one workspace folder is served at a time',
    items: () => candidates.map((c) => ({ label: c.folder.name, description: c.index.root, value: c })),
  })({ step: 1, total: 1 });
  return picked === 'back' ? undefined : picked?.[0];
}

type FolderIndexEntry = ReturnType<WorkspaceRecords['indexes']>[number];

/** Builds the site once, serves it, and rebuilds it when the records change. */
async function startPreview(
  records: WorkspaceRecords,
  index: RecordIndex,
  outDir: string,
  log: vscode.OutputChannel,
): Promise<{ root: string; url: string; close(): Promise<void>; subscription: vscode.Disposable }> {
  // Loaded on first use: markdown-it and the page builder stay out of activation.
  const [{ publishSite }, { serveSiteFolder }, { NodeFileSystem }, { DEFAULT_SETTINGS }] = await Promise.all([
    import('../../core/site/publishSite'),
    import('../../core/site/siteServer'),
    import('../../core/store/nodeFileSystem'),
    import('../../core/index/recordFolders'),
  ]);
  const build = async (): Promise<void> => {
    const r = await publishSite({ fs: new NodeFileSystem(), root: index.root, settings: DEFAULT_SETTINGS, outDir, index });
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
  return { root: index.root, url: server.url, close, subscription };
}
