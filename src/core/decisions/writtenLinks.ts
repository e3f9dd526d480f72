import { plainText, OutlineLine } from '../records/markdownOutline';
import { RecordLink } from '../records/record';
import { isForgeFileUrl } from '../records/forgeAddresses';
import { resolveHref } from '../store/fileSystem';
import { isTemplatePlaceholder, linkKindFromVerb, parseLinkLine } from './status';

/**
 * Links between decision records as people write them outside the Status
 * section: front-matter keys and Markdown links in the body. Scanned from the
 * lines the outline marks as holding a link, never by a full Markdown parse.
 */

/** An unquoted `{placeholder}` reads as a YAML flow mapping: its text, to tell a template's placeholder. */
export function frontMatterText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && !Array.isArray(v)) return `{${Object.keys(v).join(', ')}}`;
  return undefined;
}

/** Front-matter link keys as real repositories spell them → the link kind. */
const FRONT_MATTER_LINK_KEYS: Record<string, string> = {
  supersedes: 'supersedes',
  'superseded-by': 'superseded-by',
  superseded_by: 'superseded-by',
  supersededby: 'superseded-by',
  amends: 'amends',
  'amended-by': 'amended-by',
  amended_by: 'amended-by',
  amendedby: 'amended-by',
  related: 'relates-to',
  'relates-to': 'relates-to',
  relates_to: 'relates-to',
  relatesto: 'relates-to',
  // `depends-on: ADR-0049`: the record this one builds on; no link kind says more than that they are related.
  'depends-on': 'relates-to',
  depends_on: 'relates-to',
  dependson: 'relates-to',
  // `partially_superseded_by: ADR-0051`, `supersedes_in_part: ADR-0012`: a part of the older record replaced, the rest
  // in force: the amendment it is, as `Partially superseded by [ADR-0051](…)` in a Status section reads.
  'partially-superseded-by': 'amended-by',
  partially_superseded_by: 'amended-by',
  partiallysupersededby: 'amended-by',
  'superseded-in-part-by': 'amended-by',
  superseded_in_part_by: 'amended-by',
  supersededinpartby: 'amended-by',
  'partially-supersedes': 'amends',
  partially_supersedes: 'amends',
  partiallysupersedes: 'amends',
  'supersedes-in-part': 'amends',
  supersedes_in_part: 'amends',
  supersedesinpart: 'amends',
  // `refines: ADR-0189` / `refined-by: ADR-0190`: the links a `Refines [1. X](…)` line makes (adr-tools' `-l
  // "1:Refines:Refined by"`, MADR 2's `Refined by [ADR-0005](…)` example), read the same from front matter.
  refines: 'refines',
  'refined-by': 'refined-by',
  refined_by: 'refined-by',
  refinedby: 'refined-by',
};

/**
 * Links written in front matter: `supersedes: 0003-use-kafka.md`, `superseded_by: 7`,
 * `supersededBy: "0007"`, `related: [ADR-0002, ../other/0004-x.md]`; and the
 * `links: [{ target: 2, kind: supersededby, filename: 0002-x.md }]` some ADR tools write.
 */
export function readFrontMatterLinks(data: Record<string, unknown> | undefined, fromPath: string, links: RecordLink[], head: string | undefined): void {
  if (!data) return;
  for (const key of Object.keys(data)) {
    const kind = FRONT_MATTER_LINK_KEYS[key.toLowerCase()];
    if (!kind) continue;
    const raw = data[key];
    // `related: ADR-0003, ADR-0004` lists in one string, as `tags: a, b` does; `ADR-0013 + ADR-0016` too. A note in
    // brackets after the records (`superseded_by: ADR-021 (converter and filter only)`) is a remark on them.
    const text = typeof raw === 'string' && !raw.includes('](') ? (raw.includes('(') ? raw.replace(/\s*\([^()]*\)/g, '') : raw) : undefined;
    const values = Array.isArray(raw)
      ? raw
      : text !== undefined && (text.includes(',') || text.includes(' + '))
        ? text.split(/,|\s\+\s/).filter((v) => v.trim() !== '')
        : [text ?? raw];
    const line = head ? frontMatterKeyLine(head, key) : undefined;
    for (const v of values) {
      const target = frontMatterTarget(fromPath, v);
      if (target) links.push({ kind, target, label: String(v).trim(), line, via: 'front-matter' });
    }
  }
  const list = data.links;
  if (!Array.isArray(list)) return;
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const { kind, target, filename } = item as Record<string, unknown>;
    if (typeof kind !== 'string') continue;
    const normalised = linkKindFromVerb(kind.replace(/^(\w+?)(by)$/i, '$1 $2'));
    if (typeof filename === 'string' && filename.trim() !== '')
      links.push({ kind: normalised, target: resolveHref(fromPath, filename.trim()), label: filename.trim() });
    else if (typeof target === 'number' || (typeof target === 'string' && /^\d+$/.test(target)))
      links.push({ kind: normalised, target: `ADR-${target}`, label: `ADR-${target}` });
  }
}

/** `7`, `"0007"`, `ADR-0007` → `ADR-7`; a file name or path → its absolute path; a log4brains slug as written. */
function frontMatterTarget(fromPath: string, v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return `ADR-${v}`;
  if (typeof v !== 'string') return undefined;
  // `superseded_by: "[[0043-use-b2]]"`: a wiki link, as notes apps write a link in front matter.
  const s = v.trim().startsWith('[[') ? withWikiLinks(v.trim()) : v.trim();
  if (s === '' || isTemplatePlaceholder(s)) return undefined;
  // `"[ADR-0350](0350-x.md)'s in-place presentation"`: a link, and what of that record is meant after it.
  const markdownLink = s.charCodeAt(0) === 91 /* [ */ ? /^\[[^\]]*\]\(([^)\s]+)\)/.exec(s) : null;
  if (markdownLink) return resolveHref(fromPath, markdownLink[1]);
  const numbered = /^(?:ADR|adr)?[-_ #]?0*(\d{1,6})$/.exec(s);
  if (numbered) return `ADR-${parseInt(numbered[1], 10)}`;
  if (/\.(md|markdown)(#.*)?$/i.test(s) || s.includes('/')) return resolveHref(fromPath, s);
  return s;
}

/** The 1-based line of `key:` in the front matter text (which starts with `---` on line 1). */
export function frontMatterKeyLine(head: string, key: string): number | undefined {
  const at = new RegExp(`^["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`, 'm').exec(head);
  if (!at) return undefined;
  let line = 1;
  for (let i = head.indexOf('\n'); i >= 0 && i < at.index; i = head.indexOf('\n', i + 1)) line++;
  return line;
}

/** Verbs that make a body line a link of their kind rather than a plain reference. */
const BODY_VERBS = new Set(['supersedes', 'superseded-by', 'amends', 'amended-by', 'relates-to']);
// The destination in angle brackets may hold spaces, as CommonMark allows: `[ADR-0020](<0020 - Token secrets.md>)`.
/** What parts the links of a list: `, `, ` and `, `, and `, ` & ` (and the emphasis around each link). */
const LIST_SEPARATOR = /^[\s*_]*(?:,|,?\s*and|&)?[\s*_]*$/i;

const INLINE_LINK = /!?\[([^\]]*)\]\(\s*(?:<([^<>\n]+)>|([^)\s<>]+))(?:\s+["'(][^)]*)?\)/g;
const HUGO_REF = /\{\{[<%]\s*(?:rel)?ref\s+"([^"\s]+)"\s*[>%]\}\}/g;
// (`[^2]: See [ADR 0034](0034-x.md)` is a footnote, not a definition: the links in its text are the body's.)
const LINK_DEFINITION = /^ {0,3}\[([^\]^][^\]]*)\]:\s*<?(\S+?)>?(?:\s+.*)?$/;

/** A link label as CommonMark matches a reference to its definition: case-folded, inner spaces as one. */
function linkLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Whether a line is a link reference definition (`[adr-5]: 0005-use-x.md`). */
export function isLinkDefinition(text: string): boolean {
  return text.charCodeAt(text.search(/\S/)) === 91 && LINK_DEFINITION.test(text);
}

/** The body's link reference definitions: label (as references match it) → href. The first of a label counts. */
export function linkDefinitions(lines: OutlineLine[]): Map<string, string> {
  const defs = new Map<string, string>();
  for (const l of lines) {
    const def = l.text.charCodeAt(l.text.search(/\S/)) === 91 ? LINK_DEFINITION.exec(l.text) : null;
    if (def && !defs.has(linkLabel(def[1]))) defs.set(linkLabel(def[1]), def[2]);
  }
  return defs;
}

// `[[0018-use-swagger]]`, `[[decisions/0004-x|ADR-0004]]`, `[[0020-x#Context|ADR 0020]]`: a wiki link, as notes
// apps (Obsidian, Foam) write them. The name has no brackets, bar or line break, and opens and ends with no space.
// Not `[[ADR-0001]](0001-a.md)`: a Markdown link whose text is in brackets.
const WIKI_LINK = /\[\[([^\s[\]|#][^[\]|#\n]*?)(?:#[^[\]|\n]*)?(?:\|([^[\]\n]+))?\]\](?!\()/g;
/** The extension a wiki link may leave off: the one a record has. */
const MARKDOWN_NAME = /\.(md|markdown)$/i;

/**
 * A line's wiki links as the Markdown links they stand for, so every reader of links reads them as it reads those:
 * `Superseded by [[0042-use-x]] (2026-08-17)` → `Superseded by [0042-use-x](/0042-use-x.md) (2026-08-17)`. A name, with a
 * folder or not (`[[decisions/0004-x]]`), is found among all the notes, not beside the record: written from the top
 * (`/decisions/0004-x.md`), where a link is matched by the end of a record's path (the record's own folder first). The names of the links rewritten,
 * in `wiki` when given: a wiki link naming no record is a note not yet written, no broken link.
 */
export function withWikiLinks(text: string, wiki?: Set<string>): string {
  if (!text.includes('[[')) return text;
  // `[[ADR-0001]](0001-a.md)`: a Markdown link whose text is in brackets, read as `[ADR-0001](0001-a.md)`.
  if (text.includes(']](')) text = text.replace(/\[\[([^[\]\n]+)\]\]\(/g, '[$1](');
  return text.replace(WIKI_LINK, (_whole, name: string, label: string | undefined) => {
    const trimmed = name.trimEnd();
    const file = MARKDOWN_NAME.test(trimmed) ? trimmed : `${trimmed}.md`;
    const href = `${trimmed.startsWith('.') ? '' : '/'}${file}`.replace(/ /g, '%20');
    wiki?.add(href);
    return `[${(label ?? trimmed).trim()}](${href})`;
  });
}

/**
 * A line's reference links written inline, so a verb link reads the same either way:
 * `Superseded by [ADR 5][adr5]`, `[ADR 5][]` and `[ADR 5]` with `[adr5]: 0005-x.md` (or `[ADR 5]: …`) defined
 * → `Superseded by [ADR 5](0005-x.md)`. A reference to no definition stays as written.
 */
export function withInlineLinks(text: string, defs: ReadonlyMap<string, string>, wiki?: Set<string>): string {
  if (!text.includes('[')) return text;
  text = withWikiLinks(text, wiki);
  if (defs.size === 0) return text;
  return text.replace(/\[([^\]]+)\](?:\[([^\]]*)\])?(?![(:[])/g, (whole, label: string, ref: string | undefined) => {
    const href = defs.get(linkLabel(ref || label));
    return href === undefined ? whole : `[${label}](${href})`;
  });
}

/**
 * `See [ADR 7](0007-use-kafka.md)` anywhere in the body (code fences and inline
 * code skipped), and `[adr-7]: 0007-use-kafka.md` definitions: `references`
 * to Markdown files. Links already read with a verb (Status, `## Links`) are not
 * repeated; whether a target is a record is decided by the index.
 */
export function readBodyReferences(lines: OutlineLine[], fromPath: string, links: RecordLink[]): void {
  if (lines.length === 0) return;
  const seen = new Set(links.map((l) => l.target));
  const add = (label: string, href: string, line: number, kind = 'references'): void => {
    if (href.startsWith('#')) return;
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
      // `[ADR 8](https://github.com/org/repo/blob/main/docs/adr/0008-x.md)`: kept as written; the index makes it a link
      // to that record when the address is in one of the repository's remotes' projects, and drops it otherwise.
      if (!isForgeFileUrl(href) || seen.has(href)) return;
      seen.add(href);
      links.push({ kind, target: href, label: plainText(label) || href, line: line + 1, via: 'body' });
      return;
    }
    // `[one cluster](012-one-cluster.html)`: a record's page, as the team's own published site names it; and
    // `[ADR 2](./0002-use-x)`, the record's name without its extension, as documentation sites link pages.
    const page = !/\.(md|markdown)(#.*)?$/i.test(href);
    const bare = page && /(?:^|\/)[^/.#]+(#.*)?$/.test(href);
    if (page && !bare && !/\.html?(#.*)?$/i.test(href)) return;
    const target = bare
      ? `${resolveHref(fromPath, href.replace(/#.*$/, ''))}.md`
      : page
        ? resolveHref(fromPath, href.replace(/#.*$/, '')).replace(/\.html?$/i, '.md')
        : resolveHref(fromPath, href);
    if (target === fromPath || seen.has(target)) return;
    seen.add(target);
    // A wiki link naming no record is a note not yet written (or one outside the records), as a page is: no broken link.
    links.push({ kind, target, label: plainText(label) || href, line: line + 1, via: page || wiki.has(href) ? 'page' : 'body' });
  };
  const wiki = new Set<string>();
  for (const l of lines) {
    let text = l.text.includes('`') ? l.text.replace(/(`+)[^`]*?\1/g, '') : l.text;
    if (text.includes('[[')) text = withWikiLinks(text, wiki);
    // Hugo sites (ownCloud's ADRs) link with shortcodes: `[ADR-0003]({{< ref "0003-x.md" >}})`.
    if (text.includes('{{')) text = text.replace(HUGO_REF, '$1');
    // Templates show examples in comments and placeholders: `<!-- e.g. Refined by [ADR-0005](0005-example.md) -->`.
    if (text.includes('<!--')) text = text.replace(/<!--.*?(-->|$)/g, '');
    // So is a template's list of choices left after the one chosen: `- Status: draft [ accepted | superseded by [xxx](…)]`.
    // A table's row is none (`| [ADR-0004](0004-x.md) | builds on |`): its bars part cells.
    if (text.includes('|') && text.trimStart().charCodeAt(0) !== 124 /* | */) {
      const value = text.replace(/^\s*(?:[-*+]\s+)?[\w -]+:\s*/, '');
      if (isTemplatePlaceholder(value) || (value.includes(' [') && isTemplatePlaceholder(value.slice(value.indexOf(' ['))))) continue;
    }
    const def = text.charCodeAt(text.search(/\S/)) === 91 ? LINK_DEFINITION.exec(text) : null;
    if (def) {
      add(def[1], def[2], l.line);
      continue;
    }
    // `Supersedes [ADR-0002](0002-use-json.md)` under MADR 4's "More Information": the verb says what the link is; so
    // it does in a quoted banner (`> **⚠️ Superseded by [ADR-0002](…) — 2026-08-11**`).
    const verbLine = parseLinkLine(text.charCodeAt(text.search(/\S/)) === 62 /* > */ ? text.replace(/^\s*(?:>\s?)+/, '') : text);
    const verbKind = verbLine ? linkKindFromVerb(verbLine.verb) : '';
    // The links listed right after the verb's are the verb's too (`Supersedes [ADR-3](…) and [ADR-4](…)`, `, [ADR-5](…)`);
    // the line's other links are references: `Supersedes [[0003-x]]. See also [[0007-y]]`, `Superseded by [ADR-5](…);
    // see also [ADR-7](…)` (the verb's own link, read first, is not read again).
    const verb = verbLine && BODY_VERBS.has(verbKind);
    if (verb) add(verbLine.label, verbLine.href, l.line, verbKind);
    INLINE_LINK.lastIndex = 0;
    // Whether the links are still the verb's list: from its own link on, while only `,`, `and`, `&` part them.
    let listed = false;
    let end = 0;
    for (let m = INLINE_LINK.exec(text); m; m = INLINE_LINK.exec(text)) {
      const href = m[2] ?? m[3];
      if (verb && !listed && end === 0 && href === verbLine.href) listed = true;
      else if (listed) listed = LIST_SEPARATOR.test(text.slice(end, m.index));
      end = m.index + m[0].length;
      if (m[0][0] !== '!') add(m[1], href, l.line, listed ? verbKind : 'references');
    }
  }
}
