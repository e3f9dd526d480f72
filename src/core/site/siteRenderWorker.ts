import { parentPort, workerData } from 'worker_threads';
import { draftRecord, DraftSummary, summaryOf } from './recordDrafts';
import { createSiteMarkdown, DraftRef, finishBodyBytes } from './siteMarkdown';
import { claimBatch, SiteWorkerJob, SiteWorkerReply } from './siteWorker';
import { writeSiteFile } from './siteWriter';

/**
 * The thread behind {@link SiteWorker} (`dist/siteRenderWorker.js`): drafts
 * the record bodies it is sent (the batches this thread claims first) and
 * keeps them, then finishes and writes the pages and files it is sent, batch
 * by batch, answering each batch.
 */
const md = createSiteMarkdown();
const mark = (workerData as { mark: string }).mark;
// Only what finishing a page needs is kept (the search text went back with the summary), the HTML as
// UTF-8 bytes: they are written as bytes anyway, and kept outside the heap they cost the collector nothing.
const drafts = new Map<string, { html: Buffer; refs: DraftRef[] }>();
const madeFolders = new Set<string>();

parentPort?.on('message', (job: SiteWorkerJob) => {
  let reply: SiteWorkerReply;
  try {
    if (job.job === 'draft') {
      const drafted: [string, DraftSummary][] = [];
      // Drafted by the other thread meanwhile: answered with no drafts.
      if (claimBatch(job))
        for (const f of job.files) {
          const draft = draftRecord(md, job.bytes.subarray(f.start, f.end), mark);
          drafts.set(f.path, { html: Buffer.from(draft.html, 'utf8'), refs: draft.refs });
          drafted.push([f.path, summaryOf(draft)]);
        }
      reply = { drafted };
    } else {
      let written = 0;
      for (const p of job.pages) {
        if ('content' in p) {
          if (writeSiteFile(p.target, p.content, p.compare, madeFolders)) written++;
          continue;
        }
        const draft = drafts.get(p.source);
        if (!draft) throw new Error(`${p.source} was not drafted`);
        drafts.delete(p.source);
        const page = Buffer.concat([Buffer.from(p.head, 'utf8'), ...finishBodyBytes(draft.html, draft.refs, mark, p.targets), Buffer.from(p.tail, 'utf8')]);
        if (writeSiteFile(p.target, page, p.compare, madeFolders)) written++;
      }
      reply = { written };
    }
  } catch (e) {
    reply = { failed: (e as Error).message, job: job.job };
  }
  parentPort?.postMessage(reply);
});
