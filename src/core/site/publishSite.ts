import { createGitExecutor } from '../git/gitExecutor';
import { relativeTo } from '../index/indexReport';
import { RecordIndex } from '../index/recordIndex';
import { LodestarSettings } from '../index/recordFolders';
import { RecordFileSystem } from '../store/fileSystem';
import { HistoryRead, readRecordHistory } from './recordHistory';
import { buildSite, SiteBuild } from './siteBuilder';
import { checkOutputFolder, writeSite } from './siteWriter';

export interface PublishOptions {
  fs: RecordFileSystem;
  root: string;
  settings: LodestarSettings;
  outDir: string;
  baseUrl?: string;
  mermaidScript?: Uint8Array;
  /** An index already built for the root (the extension's); else one is built. */
  index?: RecordIndex;
}

export interface PublishResult extends SiteBuild {
  written: number;
  removed: number;
  /** Why the pages have no git dates, when they have none. */
  historyUnavailable?: string;
}

/** Index the root, read the record folders' history in one pass, build the site and write it to `outDir`. */
export async function publishSite(o: PublishOptions): Promise<PublishResult> {
  checkOutputFolder(o.outDir, o.root);
  let index = o.index;
  if (!index) {
    index = new RecordIndex(o.fs, o.root, o.settings);
    await index.build();
  }
  const folders = index.folders.filter((f) => f.kind === 'decision' || f.kind === 'design').map((f) => relativeTo(o.root, f.path));
  const history: HistoryRead = folders.length > 0 ? await readRecordHistory(createGitExecutor(o.root), folders) : { byPath: new Map() };
  const site = await buildSite(index, o.fs, { baseUrl: o.baseUrl, mermaidScript: o.mermaidScript, outDir: o.outDir, history });
  const { written, removed } = writeSite(o.outDir, site.files);
  return { ...site, written, removed, historyUnavailable: history.unavailable };
}
