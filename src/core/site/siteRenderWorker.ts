import { parentPort, workerData } from 'worker_threads';
import { draftRecord, DraftSummary, RecordDraft, summaryOf } from './recordDrafts';
import { createSiteMarkdown, finishBody } from './siteMarkdown';
import { searchFiles } from './siteSearch';
import { SiteWorkerJob, SiteWorkerReply } from './siteWorker';
import { writeSiteFile } from './siteWriter';

/**
 * The thread behind {@link SiteWorker} (`dist/siteRenderWorker.js`): drafts
 * the record bodies it is sent and keeps them, then finishes and writes the
 * pages it is sent, batch by batch, answering each batch.
 */
const md = createSiteMarkdown();
const mark = (workerData as { mark: string }).mark;
// Only what finishing a page needs is kept: the search text went back with the summary.
const drafts = new Map<string, Pick<RecordDraft, 'html' | 'refs'>>();
const searchTexts = new Map<string, string>();
const madeFolders = new Set<string>();

parentPort?.on('message', (job: SiteWorkerJob) => {
  let reply: SiteWorkerReply;
  try {
    if (job.job === 'draft') {
      const drafted: [string, DraftSummary][] = [];
      for (const f of job.files) {
        const draft = draftRecord(md, job.bytes.subarray(f.start, f.end), mark);
        drafts.set(f.path, { html: draft.html, refs: draft.refs });
        searchTexts.set(f.path, draft.searchText);
        drafted.push([f.path, summaryOf(draft)]);
      }
      reply = { drafted };
    } else if (job.job === 'search') {
      job.entries.forEach((e, i) => {
        const from = job.textFrom[i];
        if (from !== null) e.text = searchTexts.get(from) ?? '';
      });
      const files = searchFiles(job.entries, job.indexBefore, job.indexAfter);
      let written = 0;
      if (writeSiteFile(job.indexTarget, files.index, job.compareIndex, madeFolders)) written++;
      if (writeSiteFile(job.searchTarget, files.search, job.compareSearch, madeFolders)) written++;
      reply = { written };
    } else {
      let written = 0;
      for (const p of job.pages) {
        const draft = drafts.get(p.source);
        if (!draft) throw new Error(`${p.source} was not drafted`);
        drafts.delete(p.source);
        if (writeSiteFile(p.target, p.head + finishBody(draft, mark, p.targets) + p.tail, p.compare, madeFolders)) written++;
      }
      reply = { written };
    }
  } catch (e) {
    reply = { failed: (e as Error).message, job: job.job };
  }
  parentPort?.postMessage(reply);
});
