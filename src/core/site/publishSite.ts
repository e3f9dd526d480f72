import { createGitExecutor } from '../git/gitExecutor';
import { RecordFileSystem, relativeTo } from '../store/fileSystem';
import { RecordIndex } from '../index/recordIndex';
import { LodestarSettings } from '../index/recordFolders';
import { HistoryRead, readRecordHistory } from './recordHistory';
import { buildSite, SiteBuild } from './siteBuilder';
import { checkOutputFolder, SiteWriter } from './siteWriter';

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
  let fs = o.fs;
  if (!index) {
    // The pages need each record's text again: keep the bytes the index reads instead of reading every file twice.
    fs = rememberingReads(o.fs);
    index = new RecordIndex(fs, o.root, o.settings);
    await index.build();
  }
  const folders = index.folders.filter((f) => f.kind === 'decision' || f.kind === 'design').map((f) => relativeTo(o.root, f.path));
  const history: HistoryRead = folders.length > 0 ? await readRecordHistory(createGitExecutor(o.root), folders) : { byPath: new Map() };
  const writer = new SiteWriter(o.outDir);
  const site = await buildSite(index, fs, { baseUrl: o.baseUrl, mermaidScript: o.mermaidScript, outDir: o.outDir, history }, (f) => writer.write(f));
  const { written, removed } = await writer.finish(site.paths);
  return { ...site, written, removed, historyUnavailable: history.unavailable };
}

/** A file system that hands out each file's bytes once more from memory after the first read. */
function rememberingReads(fs: RecordFileSystem): RecordFileSystem {
  const seen = new Map<string, Uint8Array>();
  return {
    readDirectory: (p) => fs.readDirectory(p),
    stat: (p) => fs.stat(p),
    realPath: fs.realPath ? (p) => fs.realPath!(p) : undefined,
    readFile: async (p) => {
      const kept = seen.get(p);
      if (kept) {
        seen.delete(p);
        return kept;
      }
      const bytes = await fs.readFile(p);
      seen.set(p, bytes);
      return bytes;
    },
  };
}
