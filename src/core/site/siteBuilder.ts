import MarkdownIt from 'markdown-it';
import { readBodyReferences } from '../decisions/writtenLinks';
import { RecordIndex } from '../index/recordIndex';
import { isForgeFileUrl } from '../records/forgeAddresses';
import { dirname, EntryType, joinPath, RecordFileSystem, relativePath, relativeTo } from '../store/fileSystem';
import { readFrontMatter } from '../records/frontMatter';
import { outlineMarkdown } from '../records/markdownOutline';
import { LodestarRecord, RecordLink } from '../records/record';
import { groupByStatus } from '../listing/recordGroups';
import { HistoryRead } from './recordHistory';
import { MERMAID_START_JS, SITE_CSS, SITE_JS } from './siteAssets';
import { encodePath, relativeUrl } from './siteHtml';
import { pageLinks } from './siteLinks';
import { DraftSummary, draftRecord, RecordDraft, recordText } from './recordDrafts';
import { createSiteMarkdown, draftMark, finishBody, LinkTarget } from './siteMarkdown';
import { IndexGroup, indexPageParts, recordPageParts, SiteLayout, SitePage } from './sitePages';
import { SEARCH_TEXT_FILE, SearchEntryJson, searchFiles } from './siteSearch';

export interface SiteOptions {
  /** `https://org.github.io/repo/`: canonical links and absolute URLs in `search-index.json`. */
  baseUrl?: string;
  /** The bundled mermaid (`mermaid.min.js`); without it, diagrams stay readable code. */
  mermaidScript?: Uint8Array | (() => Uint8Array);
  siteTitle?: string;
  /** The output folder, so files inside it are never copied into it. */
  outDir?: string;
  /** Git dates and authors, read once over the record folders. */
  history?: HistoryRead;
  /**
   * Bodies drafted during the index build, or how to wait for them (asked once the pages' other parts are
   * made, so a site worker still drafting is not waited on meanwhile; undefined: none, all drafted here).
   */
  drafts?: SiteDrafts | (() => Promise<SiteDrafts | undefined>);
}

/** Drafts by record path, and their mark: kept in a site worker (its summary) or made here. */
export interface SiteDrafts {
  mark: string;
  byPath: ReadonlyMap<string, DraftSummary | RecordDraft>;
}

/** A page whose body a site worker drafted and keeps: it finishes the page from these parts and writes it. */
export interface WorkerPage {
  path: string;
  /** The record's path: which draft. */
  source: string;
  head: string;
  tail: string;
  targets: LinkTarget[];
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
  emit?: (file: SiteFile | WorkerPage) => Promise<void> | void,
): Promise<SiteBuild> {
  const root = index.root;
  const warnings: string[] = [];
  const records = publishedRecords(index)
    .map((r) => ({ r, source: relativeTo(root, r.path) }))
    .sort((a, b) => compareText(a.source, b.source));
  const pages = new Map<string, SitePage>();
  const taken = new Set<string>(RESERVED);
  for (const { r, source } of records) {
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
  /** The repository file a link's target is the copy of. */
  const copyOf = new Map<LinkTarget, string>();

  const resolverFor =
    (p: SitePage) =>
    (href: string): LinkTarget => {
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
      // `https://github.com/org/repo/blob/main/docs/adr/0008-x.md` in this repository's project: the record's page.
      if (/^https?:/i.test(href)) {
        const record = index.resolveLink(p.record, href);
        const forgePage = record !== href ? pages.get(record) : undefined;
        return forgePage ? { href: relativeUrl(p.page, forgePage.page) + fragment } : { href };
      }
      const target = clean.startsWith('/') ? joinPath(root, clean) : joinPath(dirname(p.record.path), clean);
      // `012-x.html`: the record's page as the team's own site (adr-viewer, log4brains, mkdocs) named it.
      const targetPage = pages.get(target) ?? (/\.html?$/i.test(target) ? pages.get(target.replace(/\.html?$/i, '.md')) : undefined);
      if (targetPage) return { href: relativeUrl(p.page, targetPage.page) + fragment };
      const rel = relativePath(root, target);
      if (rel === undefined || rel === '') return { unpublished: 'outside the repository' };
      if (index.record(target) || unpublishedFolders.some((f) => relativePath(f, target) !== undefined)) return { unpublished: 'not published' };
      if (rel.split('/').some((seg) => seg.startsWith('.')) || NEVER_COPIED.test(rel)) return { unpublished: 'not published' };
      if (options.outDir && relativePath(options.outDir, target) !== undefined) return { unpublished: 'not published' };
      copies.set(rel, target);
      const copy: LinkTarget = { href: relativeUrl(p.page, sitePath(rel)) + fragment };
      copyOf.set(copy, rel);
      return copy;
    };

  const files: SiteFile[] = [];
  const paths: string[] = [];
  // Pages go out as they are made (so they are not all held at once), or are collected.
  const add = async (f: SiteFile | WorkerPage): Promise<void> => {
    paths.push(f.path);
    if (emit) await emit(f);
    else if ('content' in f) files.push(f);
    else throw new Error(`${f.path}: a page drafted in a site worker needs a writer`);
  };
  let diagramsAsCode = 0;
  let diagrams = 0;
  const ordered = [...pages.values()];
  // Everything of the pages but their bodies first: a site worker may still be drafting bodies meanwhile.
  // As if no page had diagrams: the few that have are made again with their scripts below.
  const bodyLinks = await designDocBodyLinks(fs, ordered);
  // A design doc's text may link a record by its forge address, which the repository's remotes resolve.
  if ([...bodyLinks.values()].some((list) => list.some((l) => isForgeFileUrl(l.target)))) await index.repositoryRemotes();
  const links = pageLinks(index, pages, bodyLinks);
  const pageParts = ordered.map((p) => recordPageParts(p, links.get(p.record.path) ?? [], false, layout));
  const indexParts = indexPageParts(indexGroups(ordered), layout);
  const given = typeof options.drafts === 'function' ? await options.drafts() : options.drafts;
  const mark = given?.mark ?? draftMark();
  const drafts = await draftsOf(fs, ordered, mark, given?.byPath, warnings);
  // Where each page's links go, then which linked files can be copied, before any page is written:
  // a link or image to a file that is not copied shows its words, not a link to nothing.
  if (drafts.some((d) => d.refs.some((r) => isForgeFileUrl(r.href)))) await index.repositoryRemotes();
  const pageTargets = ordered.map((p, i) => {
    const resolve = resolverFor(p);
    return drafts[i].refs.map((r) => resolve(r.href));
  });
  const copyList = [...copies].sort(([a], [b]) => compareText(a, b));
  const checked = new Map<string, CopyCheck>();
  for (const [rel, abs] of copyList) {
    const check = await checkCopy(fs, root, abs);
    checked.set(rel, check);
    if (typeof check === 'string') warnings.push(`${rel}: ${check}; not copied, so its links show their words only`);
  }
  for (let i = 0; i < ordered.length; i++) {
    const p = ordered[i];
    const draft = drafts[i];
    if (draft.hasMermaid) diagrams++;
    if (draft.hasMermaid && !layout.mermaid) diagramsAsCode++;
    const targets = pageTargets[i].map((t): LinkTarget => {
      const rel = copyOf.get(t);
      const check = rel === undefined ? undefined : checked.get(rel);
      return typeof check === 'string' ? { unpublished: check === 'not found' ? 'not found' : 'not published' } : t;
    });
    const [head, tail] = draft.hasMermaid ? recordPageParts(p, links.get(p.record.path) ?? [], true, layout) : pageParts[i];
    if ('html' in draft) await add({ path: p.page, content: head + finishBody(draft, mark, targets) + tail });
    else await add({ path: p.page, source: p.record.path, head, tail, targets });
  }
  await add({ path: 'assets/site.css', content: SITE_CSS });
  await add({ path: 'assets/site.js', content: SITE_JS });
  // Mermaid (5 MB) goes only into sites that have diagrams.
  if (options.mermaidScript && diagrams > 0) {
    const script = options.mermaidScript;
    await add({ path: 'assets/mermaid.min.js', content: typeof script === 'function' ? script() : script });
    await add({ path: 'assets/mermaid-start.js', content: MERMAID_START_JS });
  }

  let copied = 0;
  for (const [rel, abs] of copyList) {
    const check = checked.get(rel);
    if (typeof check === 'string') continue;
    let bytes = check?.bytes;
    if (!bytes) {
      try {
        bytes = await fs.readFile(abs);
      } catch (e) {
        // Readable a moment ago (its pages are written): the link to it is left as it is.
        warnings.push(`${rel}: could not be read (${(e as Error).message}); the link to it is left as written`);
        continue;
      }
    }
    await add({ path: sitePath(rel), content: bytes });
    copied++;
  }
  // The index page and search index last: a site worker writes the pages meanwhile.
  const made = searchFiles(searchEntries(ordered, drafts, layout), ...indexParts);
  await add({ path: 'index.html', content: made.index });
  await add({ path: 'search-index.json', content: made.search });
  await add({ path: SEARCH_TEXT_FILE, content: made.texts });
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
async function designDocBodyLinks(fs: RecordFileSystem, pages: SitePage[]): Promise<Map<string, RecordLink[]>> {
  const out = new Map<string, RecordLink[]>();
  for (const p of pages) {
    if (p.record.kind !== 'design') continue;
    let body: string;
    try {
      body = readFrontMatter(recordText(await fs.readFile(p.record.path))).body;
    } catch {
      continue; // its page says it could not be read
    }
    if (!body.includes('](')) continue;
    const links = [...p.record.links];
    readBodyReferences(outlineMarkdown(body, 0, []).linkLines, p.record.path, links);
    if (links.length > p.record.links.length) out.set(p.record.path, links.slice(p.record.links.length));
  }
  return out;
}

/** Each page's draft: made during the index build (kept in the site worker: its summary), or made now from the file. */
async function draftsOf(
  fs: RecordFileSystem,
  pages: SitePage[],
  mark: string,
  made: ReadonlyMap<string, DraftSummary | RecordDraft> | undefined,
  warnings: string[],
): Promise<(RecordDraft | DraftSummary)[]> {
  const out = new Array<RecordDraft | DraftSummary>(pages.length);
  let md: MarkdownIt | undefined;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < pages.length) {
      const i = next++;
      const ready = made?.get(pages[i].record.path);
      if (ready) {
        out[i] = ready;
        continue;
      }
      md ??= createSiteMarkdown();
      try {
        out[i] = draftRecord(md, await fs.readFile(pages[i].record.path), mark);
      } catch (e) {
        warnings.push(`${pages[i].source}: could not be read (${(e as Error).message}); its page has no text`);
        out[i] = draftRecord(md, new Uint8Array(0), mark);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, pages.length) }, worker));
  return out;
}

/** A linked file that can be copied (an SVG with the bytes that were checked), or why it is not. */
type CopyCheck = string | { bytes?: Uint8Array };

/**
 * Whether a linked file is copied, or why not: missing, a folder, too large,
 * a link out of the repository, or an SVG that could run script. SVGs are
 * read (and their bytes kept) to be checked; other files are read when copied.
 */
async function checkCopy(fs: RecordFileSystem, root: string, path: string): Promise<CopyCheck> {
  const st = await fs.stat(path);
  if (!st) return 'not found';
  if (!(st.type & EntryType.File)) return 'not a file';
  if (st.size > MAX_COPY_BYTES) return `larger than ${MAX_COPY_BYTES / 1024 / 1024} MB`;
  if (fs.realPath) {
    const [real, realRoot] = await Promise.all([fs.realPath(path).catch(() => path), fs.realPath(root).catch(() => root)]);
    if (relativePath(realRoot, real) === undefined) return 'a symbolic link out of the repository';
  }
  // A gzipped SVG cannot be checked without unpacking it, and a host that serves it as SVG would run its script.
  if (/\.svgz$/i.test(path)) return 'a compressed SVG (.svgz), which cannot be checked for scripts';
  if (!/\.svg$/i.test(path)) return {};
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch (e) {
    return `could not be read (${(e as Error).message})`;
  }
  if (ACTIVE_SVG.test(latin.decode(bytes))) return 'an SVG with scripts, event handlers or embedded HTML';
  return { bytes };
}

/** One entry per page for `search-index.json`, with the words of its draft. */
function searchEntries(pages: SitePage[], drafts: (RecordDraft | DraftSummary)[], layout: SiteLayout): SearchEntryJson[] {
  return pages.map((p, i) => ({
    path: p.source,
    url: layout.baseUrl ? layout.baseUrl + encodePath(p.page) : encodePath(p.page),
    kind: p.record.kind as 'decision' | 'design',
    number: p.record.number,
    title: p.record.title,
    status: p.record.status,
    tags: p.record.tags ?? [],
    folder: p.folder,
    date: p.record.date,
    // Last: searchFiles writes each entry as its other keys, then its text.
    textJson: 'searchJson' in drafts[i] ? (drafts[i] as DraftSummary).searchJson : JSON.stringify((drafts[i] as RecordDraft).searchText),
  }));
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
