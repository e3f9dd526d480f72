import { readBodyReferences } from '../decisions/writtenLinks';
import { RecordIndex } from '../index/recordIndex';
import { dirname, EntryType, joinPath, RecordFileSystem, relativePath, relativeTo } from '../store/fileSystem';
import { readFrontMatter } from '../records/frontMatter';
import { outlineMarkdown } from '../records/markdownOutline';
import { LodestarRecord, RecordLink } from '../records/record';
import { groupByStatus } from '../listing/recordGroups';
import { HistoryRead } from './recordHistory';
import { MERMAID_START_JS, SITE_CSS, SITE_JS } from './siteAssets';
import { encodePath, relativeUrl } from './siteHtml';
import { pageLinks } from './siteLinks';
import { createSiteMarkdown, LinkTarget, renderRecordBody } from './siteMarkdown';
import { IndexGroup, indexPageHtml, recordPageHtml, SiteLayout, SitePage } from './sitePages';
import { SearchEntry, searchTextOfMarkdown } from './siteSearch';

export interface SiteOptions {
  /** `https://org.github.io/repo/`: canonical links and absolute URLs in `search-index.json`. */
  baseUrl?: string;
  /** The bundled mermaid (`mermaid.min.js`); without it, diagrams stay readable code. */
  mermaidScript?: Uint8Array;
  siteTitle?: string;
  /** The output folder, so files inside it are never copied into it. */
  outDir?: string;
  /** Git dates and authors, read once over the record folders. */
  history?: HistoryRead;
}

export interface SiteFile {
  /** Relative to the output folder, `/`-separated. */
  path: string;
  content: string | Uint8Array;
}

export interface SiteBuild {
  /** Sorted by path: the same input gives the same files, byte for byte. Empty when the files went to an `emit` callback. */
  files: SiteFile[];
  /** Every file's path, sorted. */
  paths: string[];
  pages: number;
  copied: number;
  /** Records with ```mermaid blocks shown as code because no mermaid script was given. */
  diagramsAsCode: number;
  warnings: string[];
}

/** Files the site never publishes, even when a record links to them: pages or scripts would run on the site's origin. */
const NEVER_COPIED = /\.(?:html?|xhtml|xht|shtml|js|mjs|cjs|wasm|md|markdown)$/i;
const MAX_COPY_BYTES = 20 * 1024 * 1024;
/** An SVG that could run script when opened on the site's origin (scripts, event handlers, javascript: links, embedded HTML). */
const ACTIVE_SVG = /<script|\son[a-z]+\s*=|javascript:|<foreignObject|<!ENTITY/i;
const READ_CONCURRENCY = 64;
const RESERVED = new Set(['index.html', 'search-index.json']);
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const WEB_SCHEMES = new Set(['http', 'https', 'mailto']);
const latin = new TextDecoder('utf-8');

/** The decisions and design docs the site publishes: never private ones, never mentoring, people or influence records. */
export function publishedRecords(index: RecordIndex): LodestarRecord[] {
  const privateFolders = index.folders.filter((f) => f.kind === 'mentoring' || f.kind === 'influence').map((f) => f.path);
  return index
    .records()
    .filter((r) => (r.kind === 'decision' || r.kind === 'design') && !r.private && !privateFolders.some((f) => relativePath(f, r.path) !== undefined));
}

/**
 * Builds the static decision site: a page per published record, `index.html`
 * grouped by folder and status with filters and search, `search-index.json`,
 * the assets, and copies of the repository files the records link to or show.
 * Nothing is written here; {@link writeSite} does that.
 */
export async function buildSite(
  index: RecordIndex,
  fs: RecordFileSystem,
  options: SiteOptions = {},
  emit?: (file: SiteFile) => Promise<void> | void,
): Promise<SiteBuild> {
  const root = index.root;
  const warnings: string[] = [];
  const records = publishedRecords(index).sort((a, b) => compareText(relativeTo(root, a.path), relativeTo(root, b.path)));
  const pages = new Map<string, SitePage>();
  const taken = new Set<string>(RESERVED);
  for (const r of records) {
    const source = relativeTo(root, r.path);
    let page = sitePath(source).replace(/\.(?:md|markdown)$/i, '.html');
    if (taken.has(page) || page.startsWith('assets/')) page = `records/${page}`;
    while (taken.has(page)) page = page.replace(/\.html$/, '-.html');
    taken.add(page);
    const folder = relativeTo(root, r.folder);
    pages.set(r.path, { record: r, source, page, folder, history: options.history?.byPath.get(source) });
  }
  const layout: SiteLayout = {
    siteTitle: options.siteTitle ?? 'Decision log',
    baseUrl: normaliseBaseUrl(options.baseUrl),
    mermaid: options.mermaidScript !== undefined,
  };
  const unpublishedFolders = index.folders.filter((f) => f.kind === 'mentoring' || f.kind === 'influence').map((f) => f.path);
  const copies = new Map<string, string>();

  const resolverFor =
    (p: SitePage) =>
    (href: string): LinkTarget => {
      const scheme = SCHEME.exec(href);
      if (scheme) return WEB_SCHEMES.has(scheme[1].toLowerCase()) ? { href } : { unpublished: 'not a web address' };
      const hashAt = href.search(/[?#]/);
      const pathPart = hashAt >= 0 ? href.slice(0, hashAt) : href;
      const suffix = hashAt >= 0 ? href.slice(hashAt) : '';
      const fragment = suffix.includes('#') ? suffix.slice(suffix.indexOf('#')) : '';
      let clean = pathPart;
      try {
        clean = decodeURIComponent(pathPart);
      } catch {
        // kept as written
      }
      if (clean === '') return { href: suffix };
      const target = clean.startsWith('/') ? joinPath(root, clean) : joinPath(dirname(p.record.path), clean);
      const targetPage = pages.get(target);
      if (targetPage) return { href: relativeUrl(p.page, targetPage.page) + fragment };
      const rel = relativePath(root, target);
      if (rel === undefined || rel === '') return { unpublished: 'outside the repository' };
      if (index.record(target) || unpublishedFolders.some((f) => relativePath(f, target) !== undefined)) return { unpublished: 'not published' };
      if (rel.split('/').some((seg) => seg.startsWith('.')) || NEVER_COPIED.test(rel)) return { unpublished: 'not published' };
      if (options.outDir && relativePath(options.outDir, target) !== undefined) return { unpublished: 'not published' };
      copies.set(rel, target);
      return { href: relativeUrl(p.page, sitePath(rel)) + fragment };
    };

  const md = createSiteMarkdown();
  const files: SiteFile[] = [];
  const paths: string[] = [];
  // Pages go out as they are made (so they are not all held at once), or are collected.
  const add = async (f: SiteFile): Promise<void> => {
    paths.push(f.path);
    if (emit) await emit(f);
    else files.push(f);
  };
  const entries: SearchEntry[] = [];
  let diagramsAsCode = 0;
  let diagrams = 0;
  const ordered = [...pages.values()];
  const bodies = await readBodies(fs, ordered, warnings);
  const links = pageLinks(index, pages, designDocBodyLinks(ordered, bodies));
  for (let i = 0; i < ordered.length; i++) {
    const p = ordered[i];
    const rendered = renderRecordBody(md, bodies[i], resolverFor(p));
    if (rendered.hasMermaid) diagrams++;
    if (rendered.hasMermaid && !layout.mermaid) diagramsAsCode++;
    await add({ path: p.page, content: recordPageHtml(p, links.get(p.record.path) ?? [], rendered.html, rendered.hasMermaid, layout) });
    entries.push({
      path: p.source,
      url: layout.baseUrl ? layout.baseUrl + encodePath(p.page) : encodePath(p.page),
      kind: p.record.kind as 'decision' | 'design',
      number: p.record.number,
      title: p.record.title,
      status: p.record.status,
      tags: p.record.tags ?? [],
      folder: p.folder,
      date: p.record.date,
      text: searchTextOfMarkdown(bodies[i]),
    });
  }

  const entriesJson = JSON.stringify(entries);
  await add({ path: 'index.html', content: indexPageHtml(indexGroups(ordered), entriesJson, layout) });
  await add({ path: 'search-index.json', content: `{"records":${entriesJson}}\n` });
  await add({ path: 'assets/site.css', content: SITE_CSS });
  await add({ path: 'assets/site.js', content: SITE_JS });
  // Mermaid (5 MB) goes only into sites that have diagrams.
  if (options.mermaidScript && diagrams > 0) {
    await add({ path: 'assets/mermaid.min.js', content: options.mermaidScript });
    await add({ path: 'assets/mermaid-start.js', content: MERMAID_START_JS });
  }

  let copied = 0;
  for (const [rel, abs] of [...copies].sort(([a], [b]) => compareText(a, b))) {
    const bytes = await readCopy(fs, root, abs);
    if (typeof bytes === 'string') {
      warnings.push(`${rel}: ${bytes}; the link to it is left as written`);
      continue;
    }
    await add({ path: sitePath(rel), content: bytes });
    copied++;
  }
  files.sort((a, b) => compareText(a.path, b.path));
  paths.sort(compareText);
  return { files, paths, pages: ordered.length, copied, diagramsAsCode, warnings };
}

/** A repository path as a site path: `..` (an `.adr-dir` found above the root) cannot climb out of the site. */
function sitePath(rel: string): string {
  return rel
    .split('/')
    .map((seg) => (seg === '..' ? '_' : seg))
    .join('/');
}

/**
 * Links written in design docs' text (`See [ADR 7](../adr/0007-x.md)`): the
 * index reads only their `decisions:`, the site shows these too, both ways.
 */
function designDocBodyLinks(pages: SitePage[], bodies: string[]): Map<string, RecordLink[]> {
  const out = new Map<string, RecordLink[]>();
  pages.forEach((p, i) => {
    if (p.record.kind !== 'design' || !bodies[i].includes('](')) return;
    const links = [...p.record.links];
    readBodyReferences(outlineMarkdown(bodies[i], 0, []).linkLines, p.record.path, links);
    if (links.length > p.record.links.length) out.set(p.record.path, links.slice(p.record.links.length));
  });
  return out;
}

async function readBodies(fs: RecordFileSystem, pages: SitePage[], warnings: string[]): Promise<string[]> {
  const out = new Array<string>(pages.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < pages.length) {
      const i = next++;
      try {
        let text = latin.decode(await fs.readFile(pages[i].record.path));
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        if (text.indexOf('\0') >= 0) text = '';
        out[i] = readFrontMatter(text).body;
      } catch (e) {
        warnings.push(`${pages[i].source}: could not be read (${(e as Error).message}); its page has no text`);
        out[i] = '';
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, pages.length) }, worker));
  return out;
}

/** The bytes of a linked file, or why it is not copied: missing, a folder, too large, or a link out of the repository. */
async function readCopy(fs: RecordFileSystem, root: string, path: string): Promise<Uint8Array | string> {
  const st = await fs.stat(path);
  if (!st) return 'not found';
  if (!(st.type & EntryType.File)) return 'not a file';
  if (st.size > MAX_COPY_BYTES) return `larger than ${MAX_COPY_BYTES / 1024 / 1024} MB`;
  if (fs.realPath) {
    const [real, realRoot] = await Promise.all([fs.realPath(path).catch(() => path), fs.realPath(root).catch(() => root)]);
    if (relativePath(realRoot, real) === undefined) return 'a symbolic link out of the repository';
  }
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch (e) {
    return `could not be read (${(e as Error).message})`;
  }
  if (/\.svgz?$/i.test(path) && ACTIVE_SVG.test(latin.decode(bytes))) return 'an SVG with scripts, event handlers or embedded HTML';
  return bytes;
}

function indexGroups(pages: SitePage[]): IndexGroup[] {
  const byFolder = new Map<string, SitePage[]>();
  for (const p of pages) {
    const key = `${p.record.kind === 'decision' ? 0 : 1}\n${p.folder}`;
    const list = byFolder.get(key) ?? [];
    list.push(p);
    byFolder.set(key, list);
  }
  return [...byFolder.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([key, list]) => {
      const kind = key.startsWith('0') ? 'decision' : 'design';
      const bySource = new Map(list.map((p) => [p.record.path, p]));
      return {
        folder: list[0].folder,
        kind,
        statuses: groupByStatus(
          list.map((p) => p.record),
          kind,
        ).map((g) => ({ status: g.status, label: g.label, pages: g.records.map((r) => bySource.get(r.path)!) })),
      };
    });
}

/** `https://x.github.io/repo` → `https://x.github.io/repo/`; anything but an http(s) URL is refused. */
export function normaliseBaseUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`--base-url "${url}" is not a URL (expected e.g. https://example.org/decisions/)`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`--base-url must be an http or https URL, not ${parsed.protocol}`);
  parsed.search = '';
  parsed.hash = '';
  const s = parsed.toString();
  return s.endsWith('/') ? s : `${s}/`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
