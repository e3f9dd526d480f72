import { LodestarRecord } from '../records/record';
import { statusLabel } from '../records/recordLabels';
import { RecordHistory } from './recordHistory';
import { encodePath, escapeHtml, relativeUrl } from './siteHtml';

/** One record as the site shows it. */
export interface SitePage {
  record: LodestarRecord;
  /** The record's path relative to the root (`doc/adr/0001-x.md`). */
  source: string;
  /** The page's path relative to the site root (`doc/adr/0001-x.html`). */
  page: string;
  /** The record folder relative to the root (`doc/adr`). */
  folder: string;
  history?: RecordHistory;
}

/** A link of the record, either way: "Superseded by 0004 Use gRPC". */
export interface PageLink {
  verb: string;
  label: string;
  /** The target's page (relative to the site root), when it is published. */
  page?: string;
  status?: string | null;
}

export interface SiteLayout {
  siteTitle: string;
  /** `https://example.org/decisions/`, for canonical links; undefined without `--base-url`. */
  baseUrl?: string;
  /** Pages with diagrams load the bundled mermaid. */
  mermaid: boolean;
}

/**
 * A page's Content-Security-Policy (its meta tag, and `site serve`'s header for it): scripts only from the site
 * itself, no inline code, nothing remote. Mermaid draws with inline styles, so its pages allow those.
 */
export function contentSecurityPolicy(withMermaid: boolean): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    withMermaid ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

interface ShellOptions {
  layout: SiteLayout;
  page: string;
  title: string;
  scripts: string[];
  withMermaid: boolean;
}

/** The page around its body: the page is `before + body + after`. */
function shellParts(o: ShellOptions): [string, string] {
  const asset = (name: string): string => escapeHtml(relativeUrl(o.page, `assets/${name}`));
  const canonical = o.layout.baseUrl ? `\n<link rel="canonical" href="${escapeHtml(o.layout.baseUrl + encodePath(o.page))}">` : '';
  const scripts = o.scripts.map((s) => `\n<script src="${asset(s)}" defer></script>`).join('');
  return [
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(o.withMermaid)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="Lodestar">
<title>${escapeHtml(o.title)}</title>${canonical}
<link rel="stylesheet" href="${asset('site.css')}">${scripts}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site-header"><p><a href="${escapeHtml(relativeUrl(o.page, 'index.html'))}">${escapeHtml(o.layout.siteTitle)}</a></p></header>
`,
    `
</body>
</html>
`,
  ];
}

export function recordLabelParts(r: LodestarRecord): { number?: string; title: string } {
  return r.number !== null ? { number: String(r.number).padStart(4, '0'), title: r.title } : { title: r.title };
}

function statusBadge(status: string | null | undefined): string {
  if (!status) return '';
  return ` <span class="status status-${escapeHtml(status.replace(/[^a-z0-9-]/g, ''))}">${escapeHtml(status)}</span>`;
}

function tagList(page: string, tags: readonly string[]): string {
  if (tags.length === 0) return '';
  const items = tags.map(
    (t) => `<li><a href="${escapeHtml(relativeUrl(page, 'index.html'))}?tag=${escapeHtml(encodeURIComponent(t))}">#${escapeHtml(t)}</a></li>`,
  );
  return ` <ul class="tags" aria-label="Tags">${items.join(' ')}</ul>`;
}

/** A record's page before and after its body: the page is `head + body + tail`. */
export function recordPageParts(p: SitePage, links: PageLink[], hasMermaid: boolean, layout: SiteLayout): [string, string] {
  const r = p.record;
  const { number, title } = recordLabelParts(r);
  const heading = number ? `<span class="num">${number}</span> ${escapeHtml(title)}` : escapeHtml(title);
  const facts: [string, string][] = [];
  if (r.status) facts.push(['Status', statusBadge(r.status)]);
  if (r.date) facts.push(['Date', `<time datetime="${escapeHtml(r.date)}">${escapeHtml(r.date)}</time>`]);
  if (r.people.length > 0) facts.push([r.kind === 'decision' ? 'Deciders' : 'People', escapeHtml(r.people.join(', '))]);
  if (r.tags && r.tags.length > 0) facts.push(['Tags', tagList(p.page, r.tags)]);
  if (p.history) {
    facts.push(['Created', `<time datetime="${p.history.created}">${p.history.created}</time>`]);
    facts.push(['Last edited', `<time datetime="${p.history.lastEdited}">${p.history.lastEdited}</time>`]);
    if (p.history.authors.length > 0) facts.push(['Authors', escapeHtml(p.history.authors.join(', '))]);
  }
  const factList = facts.length > 0 ? `<dl class="facts">\n${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('\n')}\n</dl>\n` : '';
  const linkList =
    links.length > 0
      ? `<nav class="record-links" aria-labelledby="links-heading">
<h2 id="links-heading">Links</h2>
<ul>
${links
  .map((l) => {
    const label = l.page
      ? `<a href="${escapeHtml(relativeUrl(p.page, l.page))}">${escapeHtml(l.label)}</a>`
      : `<span class="unpublished" title="not on this site">${escapeHtml(l.label)}</span>`;
    return `<li>${escapeHtml(l.verb)} ${label}${statusBadge(l.status)}</li>`;
  })
  .join('\n')}
</ul>
</nav>
`
      : '';
  const kindLabel = r.kind === 'decision' ? 'Decision record' : 'Design doc';
  const useMermaid = hasMermaid && layout.mermaid;
  const [before, after] = shellParts({
    layout,
    page: p.page,
    title: `${number ? `${number} ` : ''}${title} · ${layout.siteTitle}`,
    scripts: useMermaid ? ['mermaid.min.js', 'mermaid-start.js'] : [],
    withMermaid: useMermaid,
  });
  const head = `${before}<main id="main">
<p class="meta">${kindLabel} · ${escapeHtml(p.folder)}</p>
<h1>${heading}</h1>
${factList}${linkList}<article aria-label="${escapeHtml(kindLabel)}">
`;
  const tail = `</article>
${hasMermaid && !layout.mermaid ? '<p class="diagram-note">Diagrams are shown as their Mermaid source: this site was built without the bundled mermaid.</p>\n' : ''}</main>
<footer><p>Source: <code>${escapeHtml(p.source)}</code></p></footer>${after}`;
  return [head, tail];
}

export interface IndexGroup {
  folder: string;
  kind: 'decision' | 'design';
  statuses: { status: string; label: string; pages: SitePage[] }[];
}

/** The index page around its search data: the page is `before + scriptSafeJson(entriesJson) + after` (see `searchFiles`). */
export function indexPageParts(groups: IndexGroup[], layout: SiteLayout): [string, string] {
  const page = 'index.html';
  const all = groups.flatMap((g) => g.statuses.flatMap((s) => s.pages));
  const statuses = [...new Set(all.map((p) => p.record.status ?? ''))].filter(Boolean).sort();
  const tags = [...new Set(all.flatMap((p) => p.record.tags ?? []))].sort();
  const folders = groups.map((g) => g.folder);
  const options = (values: string[], label: (v: string) => string = (v) => v): string =>
    values.map((v) => `<option value="${escapeHtml(v)}">${escapeHtml(label(v))}</option>`).join('');
  const decisions = all.filter((p) => p.record.kind === 'decision').length;
  const designs = all.length - decisions;
  let sectionId = 0;
  const sections = groups
    .map((g) => {
      const fid = `folder-${sectionId++}`;
      const count = g.statuses.reduce((n, s) => n + s.pages.length, 0);
      const inner = g.statuses
        .map((s) => {
          const sid = `group-${sectionId++}`;
          return `<section class="status-group" data-status="${escapeHtml(s.status)}" aria-labelledby="${sid}">
<h3 id="${sid}">${escapeHtml(s.label)} <span class="n">(${s.pages.length})</span></h3>
<ul class="records">
${s.pages.map((p) => indexItem(p)).join('\n')}
</ul>
</section>`;
        })
        .join('\n');
      return `<section class="folder" data-folder="${escapeHtml(g.folder)}" aria-labelledby="${fid}">
<h2 id="${fid}">${g.kind === 'decision' ? 'Decisions' : 'Design docs'} · ${escapeHtml(g.folder)} <span class="n">(${count})</span></h2>
${inner}
</section>`;
    })
    .join('\n');
  const body = `<main id="main">
<h1>${escapeHtml(layout.siteTitle)}</h1>
<p>${decisions} decision record${decisions === 1 ? '' : 's'} and ${designs} design doc${designs === 1 ? '' : 's'}, by folder and status.</p>
<form id="filters" class="filters" role="search" aria-label="Filter and search records" hidden>
<label for="q">Search<input type="search" id="q" name="q" autocomplete="off" placeholder="Words in the title or text"></label>
<label for="status">Status<select id="status" name="status"><option value="">All statuses</option>${options(statuses, (s) => statusLabel(s))}</select></label>
<label for="tag">Tag<select id="tag" name="tag"><option value="">All tags</option>${options(tags, (t) => `#${t}`)}</select></label>
<label for="folder">Folder<select id="folder" name="folder"><option value="">All folders</option>${options(folders)}</select></label>
<button type="reset">Clear</button>
</form>
<p id="count" role="status" aria-live="polite">${all.length} records</p>
${sections}
</main>
<footer><p>Made by Lodestar from the repository's Markdown records. The search index is also at <a href="search-index.json">search-index.json</a>.</p></footer>
<script type="application/json" id="search-data">`;
  const [before, after] = shellParts({ layout, page, title: layout.siteTitle, scripts: ['site.js'], withMermaid: false });
  return [before + body, `</script>${after}`];
}

function indexItem(p: SitePage): string {
  const r = p.record;
  const { number, title } = recordLabelParts(r);
  // The title alone is underlined (not the number, nor the space after it): the link is drawn plain and its title in a span.
  const label = `${number ? `<span class="num">${number}</span> ` : ''}<span class="title">${escapeHtml(title)}</span>`;
  const date = r.date ? ` <time datetime="${escapeHtml(r.date)}">${escapeHtml(r.date)}</time>` : '';
  return `<li data-path="${escapeHtml(p.source)}"><a href="${escapeHtml(encodePath(p.page))}">${label}</a>${statusBadge(r.status)}${date}${tagList('index.html', r.tags ?? [])}<p class="snippet" hidden></p></li>`;
}
