import { createGitExecutor } from '../git/gitExecutor';
import { RecordFileSystem, relativeTo } from '../store/fileSystem';
import { RecordCache } from '../index/recordCache';
import { RecordIndex } from '../index/recordIndex';
import { LodestarSettings } from '../index/recordFolders';
import { HistoryRead, readRecordHistory } from './recordHistory';
import { buildSite, SiteBuild, SiteOptions } from './siteBuilder';
import { createSiteMarkdown, draftMark } from './siteMarkdown';
import { draftRecord, DraftSummary, RecordDraft } from './recordDrafts';
import { SiteWorker } from './siteWorker';
import { checkOutputFolder, SiteWriter } from './siteWriter';

export interface PublishOptions {
  fs: RecordFileSystem;
  root: string;
  settings: LodestarSettings;
  outDir: string;
  baseUrl?: string;
  /** The bundled mermaid, or how to read it (only a site with diagrams needs its 5 MB). */
  mermaidScript?: Uint8Array | (() => Uint8Array);
  /** An index already built for the root (the extension's); else one is built. */
  index?: RecordIndex;
  /** The site worker's script (tests); by default `siteRenderWorker.js` next to this module. */
  siteWorker?: string;
  /**
   * Records kept from an earlier run (the CLI's): files unchanged since are not parsed again (their bodies are
   * still read, to be drafted). Used with a file system that reads before returning.
   */
  recordCache?: RecordCache;
}

export interface PublishResult extends SiteBuild {
  written: number;
  removed: number;
  /** Why the pages have no git dates, when they have none. */
  historyUnavailable?: string;
  /** The pages were drafted and written on a second thread. */
  usedWorker: boolean;
}

/** Index the root, read the record folders' history in one pass, build the site and write it to `outDir`. */
export async function publishSite(o: PublishOptions): Promise<PublishResult> {
  checkOutputFolder(o.outDir, o.root);
  let index = o.index;
  let drafts: SiteOptions['drafts'];
  let usedWorker = false;
  let worker: SiteWorker | undefined;
  let history: Promise<HistoryRead> | undefined;
  const readHistory = (folders: string[]): Promise<HistoryRead> =>
    folders.length > 0 ? readRecordHistory(createGitExecutor(o.root), folders) : Promise.resolve({ byPath: new Map() });
  try {
    if (!index) {
      // The record bodies are drafted in a worker from the bytes the index reads, while it parses them,
      // and git's history is read meanwhile too.
      const mark = draftMark();
      worker = new SiteWorker(mark, o.siteWorker);
      let published: Set<string> | undefined;
      index = new RecordIndex(worker.running ? passReadsTo(o.fs, (p) => published?.has(p) === true, worker) : o.fs, o.root, o.settings);
      const readFileNow = o.fs.readFileNow;
      const running = worker;
      await index.build({
        cache: readFileNow ? o.recordCache : undefined,
        // A record taken from the cache is not read by the index: its body is read here for the worker.
        onCached: (p) => {
          if (!running.running || !published?.has(p)) return;
          let bytes: Uint8Array;
          try {
            bytes = readFileNow!.call(o.fs, p);
          } catch {
            return; // gone since: its page is made from what can be read then, or says it could not be
          }
          running.draft(p, bytes);
        },
        // Turns for the worker's answers, each of which sends it the next batch to draft.
        yieldEvery: 32,
        onFiles: (files) => {
          const shown = files.filter((f) => f.folder.kind === 'decision' || f.folder.kind === 'design');
          published = new Set(shown.map((f) => f.path));
          history = readHistory([...new Set(shown.map((f) => relativeTo(o.root, f.folder.path)))]);
          // Awaited below; until then a failure must not count as unhandled (the index build may fail first).
          history.catch(() => undefined);
        },
      });
      // Asked for by the site builder once it has made what it can without them. Batches the worker has not
      // started are drafted here meanwhile: no thread waits for the other.
      drafts = async () => {
        const md = createSiteMarkdown();
        const here = new Map<string, RecordDraft>();
        const drafted: Map<string, DraftSummary | RecordDraft> = await running.drafted((p, bytes) => here.set(p, draftRecord(md, bytes, mark)));
        for (const [p, d] of here) drafted.set(p, d);
        // A worker that stopped took its drafts with it: the pages are then all made here.
        usedWorker = running.running;
        return usedWorker ? { mark, byPath: drafted } : undefined;
      };
    }
    history ??= readHistory(index.folders.filter((f) => f.kind === 'decision' || f.kind === 'design').map((f) => relativeTo(o.root, f.path)));
    const read = await history;
    // Made at the first file, once the drafts are in: a worker that stopped while drafting writes nothing.
    let writer: SiteWriter | undefined;
    const writerNow = (): SiteWriter => (writer ??= new SiteWriter(o.outDir, worker?.running ? worker : undefined));
    const site = await buildSite(index, o.fs, { baseUrl: o.baseUrl, mermaidScript: o.mermaidScript, outDir: o.outDir, history: read, drafts }, (f) =>
      writerNow().write(f),
    );
    const { written, removed } = await writerNow().finish(site.paths);
    return { ...site, written, removed, historyUnavailable: read.unavailable, usedWorker };
  } finally {
    await worker?.close();
  }
}

/** A file system that also hands the bytes of the files `wanted` says yes to to the draft worker, as the index reads them. */
function passReadsTo(fs: RecordFileSystem, wanted: (path: string) => boolean, worker: SiteWorker): RecordFileSystem {
  const readFileNow = fs.readFileNow;
  return {
    readDirectory: (p) => fs.readDirectory(p),
    stat: (p) => fs.stat(p),
    realPath: fs.realPath ? (p) => fs.realPath!(p) : undefined,
    userGitConfigFiles: fs.userGitConfigFiles ? () => fs.userGitConfigFiles!() : undefined,
    readFile: async (p) => {
      const bytes = await fs.readFile(p);
      if (wanted(p)) worker.draft(p, bytes);
      return bytes;
    },
    readFileNow: readFileNow
      ? (p) => {
          const bytes = readFileNow.call(fs, p);
          if (wanted(p)) worker.draft(p, bytes);
          return bytes;
        }
      : undefined,
  };
}
