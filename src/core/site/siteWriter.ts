import * as nodeFs from 'fs';
import * as path from 'path';
import { SiteFile, WorkerPage } from './siteBuilder';
import { SiteWorker } from './siteWorker';

/** Lists what the last build wrote, so a rebuild removes pages of deleted records and nothing else. */
export const SITE_MANIFEST = '.lodestar-site';

export class SiteOutputError extends Error {}

/**
 * Checks that the output folder may be written: not the repository itself or
 * a folder above it, and either new, empty, or made by an earlier build (so
 * a mistyped `--out` never mixes the site into someone's files).
 */
export function checkOutputFolder(outDir: string, root: string): void {
  const out = path.resolve(outDir);
  const rel = path.relative(out, path.resolve(root));
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
    throw new SiteOutputError(`--out ${outDir} is the repository or a folder above it; choose a folder of its own (e.g. _site)`);
  }
  let stat: nodeFs.Stats | undefined;
  try {
    stat = nodeFs.statSync(out);
  } catch {
    return;
  }
  if (!stat.isDirectory()) throw new SiteOutputError(`--out ${outDir} is a file, not a folder`);
  const entries = nodeFs.readdirSync(out);
  if (entries.length > 0 && !entries.includes(SITE_MANIFEST)) {
    throw new SiteOutputError(`--out ${outDir} is not empty and was not made by lodestar site build; empty it or choose another folder`);
  }
}

/**
 * Writes a site's files as they come (so a page's HTML is not held until
 * the end); a file whose bytes are unchanged is left alone, so its time
 * stamp says when it last changed. {@link finish} removes the files of the
 * last build that this one no longer has, and nothing else. With a
 * {@link SiteWorker}, the worker writes every file in a folder of the site,
 * in order (it finishes the pages whose drafts it holds), and this thread
 * only those at the top (`index.html`, `search-index.json`): two threads
 * creating files in one folder at once contend for it in the kernel and
 * are several times slower than one.
 */
export class SiteWriter {
  private readonly out: string;
  private readonly outSlash: string;
  private readonly previous: Set<string>;
  private readonly made = new Set<string>();
  written = 0;

  constructor(
    outDir: string,
    private readonly worker?: SiteWorker,
  ) {
    this.out = path.resolve(outDir);
    this.outSlash = this.out.endsWith('/') ? this.out : `${this.out}/`;
    nodeFs.mkdirSync(this.out, { recursive: true });
    let previous: string[] = [];
    try {
      previous = nodeFs.readFileSync(path.join(this.out, SITE_MANIFEST), 'utf8').split('\n').filter(Boolean);
    } catch {
      // first build
    }
    this.previous = new Set(previous);
  }

  async write(f: SiteFile | WorkerPage): Promise<void> {
    const target = this.targetOf(f.path);
    const compare = this.previous.has(f.path);
    if ('source' in f) {
      if (!this.worker) throw new Error(`${f.path}: its draft is in a site worker this writer does not have`);
      this.worker.page({ target, compare, source: f.source, head: f.head, tail: f.tail, targets: f.targets });
    } else if (this.worker?.running && f.path.includes('/')) this.worker.page({ target, compare, content: f.content });
    else if (writeSiteFile(target, f.content, compare, this.made)) this.written++;
  }

  /**
   * Where a site path goes: the builder's paths are `/`-separated, with no `.`, `..` or empty segment, so on a
   * system whose separator is `/` they are joined as they are (10,000 pages: no path normalising each).
   */
  private targetOf(sitePath: string): string {
    return path.sep === '/' && !/(?:^|\/)\.{0,2}(?:\/|$)/.test(sitePath) ? `${this.outSlash}${sitePath}` : path.join(this.out, ...sitePath.split('/'));
  }

  async finish(paths: readonly string[]): Promise<{ written: number; removed: number }> {
    if (this.worker) this.written += await this.worker.finishPages();
    const now = new Set(paths);
    let removed = 0;
    for (const old of this.previous) {
      if (now.has(old) || old.split('/').some((seg) => seg === '..' || seg === '' || seg === '.')) continue;
      try {
        nodeFs.unlinkSync(path.join(this.out, ...old.split('/')));
        removed++;
      } catch {
        // already gone
      }
    }
    nodeFs.writeFileSync(path.join(this.out, SITE_MANIFEST), `${[...paths].join('\n')}\n`);
    return { written: this.written, removed };
  }
}

/**
 * Writes one file now, making its folder first (once: `madeFolders`
 * remembers them); with `compare`, a file whose bytes are the same is left
 * alone. True when it was written. Synchronous on purpose: thousands of
 * small files go out several times faster one `writeFileSync` after another
 * than through `fs.promises` (a file handle, and promise hops, per file).
 */
export function writeSiteFile(target: string, content: string | Uint8Array, compare: boolean, madeFolders: Set<string>): boolean {
  const dir = path.dirname(target);
  if (!madeFolders.has(dir)) {
    nodeFs.mkdirSync(dir, { recursive: true });
    madeFolders.add(dir);
  }
  if (compare) {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    if (sameBytes(target, bytes)) return false;
    nodeFs.writeFileSync(target, bytes);
  } else {
    // A string goes out as it is: `writeFileSync` encodes it faster than a Buffer made first.
    nodeFs.writeFileSync(target, content);
  }
  return true;
}

/** Writes a built site's files at once (see {@link SiteWriter}). */
export async function writeSite(outDir: string, files: readonly SiteFile[]): Promise<{ written: number; removed: number }> {
  const writer = new SiteWriter(outDir);
  for (const f of files) await writer.write(f);
  return writer.finish(files.map((f) => f.path));
}

function sameBytes(file: string, bytes: Uint8Array): boolean {
  try {
    const st = nodeFs.statSync(file);
    if (st.size !== bytes.length) return false;
    return Buffer.compare(nodeFs.readFileSync(file), bytes) === 0;
  } catch {
    return false;
  }
}
