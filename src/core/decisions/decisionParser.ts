import { dateFromFileName, normaliseDate } from '../records/dates';
import { listField, stringField } from '../records/frontMatter';
import { outlineMarkdown, OutlineLine, plainText } from '../records/markdownOutline';
import { DecisionDialect, LodestarRecord, RecordLink } from '../records/record';
import { basename, dirname, joinPath } from '../store/fileSystem';
import { isTemplatePlaceholder, linkKindFromVerb, normaliseStatus, parseLinkLine, parseTextualSupersede } from './status';

export interface DecisionSource {
  path: string;
  folder: string;
  /** The folder is a log4brains one (its records are named by date). */
  log4brains: boolean;
  data?: Record<string, unknown>;
  body: string;
  bodyLine: number;
  /** The front matter's text (lines before the body), to say which line a front-matter link is on. */
  head?: string;
}

const SECTIONS = ['status', 'links'] as const;

/** Reads one decision record in any dialect: adr-tools/Nygard, MADR 2–4, log4brains. */
export function parseDecision(src: DecisionSource): LodestarRecord {
  const name = basename(src.path);
  const outline = outlineMarkdown(src.body, src.bodyLine, SECTIONS);
  const data = src.data;
  const dateNamed = dateFromFileName(name);
  const links: RecordLink[] = [];
  const people = new Set<string>();

  // Title: front matter, else the first H1 without its "7." prefix, else the file name.
  const rawTitle = stringField(data, 'title') ?? outline.title?.text;
  const fileNumber = dateNamed ? null : numberFromFileName(name);
  const { title, number: titleNumber } = splitNumberedTitle(rawTitle ? plainText(rawTitle) : titleFromFileName(name), fileNumber);

  let status: string | null = null;
  let date: string | null = null;
  let dialect: DecisionDialect;

  const bullets = readPreambleFields(outline.preamble);
  const fmStatus = stringField(data, 'status');
  const statusSection = outline.sections.get('status');

  const log4brains = src.log4brains || dateNamed !== null;
  if (fmStatus !== undefined || (data && 'status' in data && isTemplatePlaceholder(frontMatterText(data.status)))) {
    dialect = data && 'decision-makers' in data ? 'madr4' : data && 'deciders' in data ? 'madr3' : 'madr4';
    // MADR 3/4 leave `status: "{proposed | rejected | …}"` in new records: no status yet.
    if (fmStatus !== undefined && !isTemplatePlaceholder(fmStatus)) {
      status = normaliseStatus(fmStatus);
      addTextualSupersede(fmStatus, links);
    }
    date = normaliseDate(stringField(data, 'date'));
  } else if (bullets.status) {
    dialect = log4brains ? 'log4brains' : 'madr2';
    if (isTemplatePlaceholder(bullets.status.value)) {
      // log4brains shows a record whose status it cannot read as a draft ("usually the help from the template").
      status = log4brains ? 'draft' : null;
    } else {
      status = normaliseStatus(bullets.status.value);
      const link = parseLinkLine(bullets.status.text);
      if (link) pushLink(links, src.path, link.verb, link.label, link.href, bullets.status.line + 1);
      else addTextualSupersede(bullets.status.value, links);
    }
    date = normaliseDate(bullets.date?.value);
  } else if (statusSection) {
    dialect = 'nygard';
    status = readStatusSection(statusSection, src.path, links);
    date = normaliseDate(bullets.date?.value);
  } else {
    // MADR 2 writes `* Date:` bullets under the title, Nygard a plain `Date:` line.
    dialect = log4brains ? 'log4brains' : bullets.date?.bullet || bullets.deciders?.bullet ? 'madr2' : bullets.date ? 'nygard' : 'plain';
    status = normaliseStatus(bullets.statusLine?.value);
    date = normaliseDate(bullets.date?.value);
  }
  date ??= normaliseDate(stringField(data, 'date')) ?? dateNamed;

  for (const line of outline.sections.get('links') ?? []) {
    const link = parseLinkLine(line.text);
    if (link) pushLink(links, src.path, link.verb, link.label, link.href, line.line + 1);
  }
  readFrontMatterLinks(data, src.path, links, src.head);
  readBodyReferences(outline.linkLines, src.path, links);
  if (status === null && links.some((l) => l.kind === 'superseded-by')) status = 'superseded';
  // log4brains: a record with no status is accepted (its Adr.status).
  if (status === null && dialect === 'log4brains') status = 'accepted';

  for (const p of listField(data, 'decision-makers', 'deciders')) if (!isTemplatePlaceholder(p)) people.add(p);
  if (bullets.deciders && !isTemplatePlaceholder(bullets.deciders.value)) for (const p of bullets.deciders.value.split(',')) if (p.trim()) people.add(plainText(p.trim()));

  return {
    kind: 'decision',
    path: src.path,
    folder: src.folder,
    links: uniqueLinks(links),
    number: dateNamed ? null : (fileNumber ?? titleNumber),
    title,
    status,
    date,
    dialect,
    pullRequests: listField(data, 'pullRequests', 'pull-requests'),
    private: stringField(data, 'visibility') === 'private',
    people: [...people],
    titleLine: (outline.title?.line ?? src.bodyLine) + 1,
  };
}

interface Field {
  value: string;
  text: string;
  line: number;
  /** Written as a list item (`* Date: …`), as MADR 2 and log4brains do. */
  bullet: boolean;
}

/** `* Status: accepted`, `- Deciders: a, b`, `Date: 2020-01-01` under the title. */
function readPreambleFields(lines: OutlineLine[]): { status?: Field; statusLine?: Field; date?: Field; deciders?: Field } {
  const out: { status?: Field; statusLine?: Field; date?: Field; deciders?: Field } = {};
  for (const l of lines) {
    const m = /^\s*([-*+]\s+)?(?:\*\*|__)?(status|date|deciders|decision-makers)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*)$/i.exec(l.text);
    if (!m) continue;
    const key = m[2].toLowerCase();
    const field = { value: m[3].trim(), text: l.text, line: l.line, bullet: m[1] !== undefined };
    if (key === 'status') {
      if (m[1]) out.status ??= field;
      else out.statusLine ??= field;
    } else if (key === 'date') out.date ??= field;
    else out.deciders ??= field;
  }
  return out;
}

/** The Nygard `## Status` section: the first line that is not a link is the status. */
function readStatusSection(lines: OutlineLine[], path: string, links: RecordLink[]): string | null {
  let status: string | null = null;
  let inComment = false;
  for (const l of lines) {
    // Templates leave the choices in an HTML comment: `<!-- Proposed | Accepted -->`.
    const text = l.text.replace(/<!--.*?-->/g, '');
    if (inComment) {
      if (text.includes('-->')) inComment = false;
      continue;
    }
    if (text.includes('<!--')) {
      inComment = true;
      continue;
    }
    if (text.trim() === '') continue;
    const link = parseLinkLine(text);
    if (link) {
      pushLink(links, path, link.verb, link.label, link.href, l.line + 1);
      continue;
    }
    if (status === null) addTextualSupersede(text, links);
    status ??= normaliseStatus(text);
  }
  if (links.some((l) => l.kind === 'superseded-by')) return 'superseded';
  return status;
}

/** MADR's template repeats the status link under `## Links`: keep each kind and target once. */
export function uniqueLinks(links: RecordLink[]): RecordLink[] {
  const seen = new Set<string>();
  return links.filter((l) => {
    const key = `${l.kind}\n${l.target}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function addTextualSupersede(status: string, links: RecordLink[]): void {
  const ref = parseTextualSupersede(status);
  if (ref) links.push({ kind: 'superseded-by', target: ref, label: ref });
}

function pushLink(links: RecordLink[], fromPath: string, verb: string, label: string, href: string, line?: number): void {
  const kind = linkKindFromVerb(verb);
  if (kind === 'status' || kind === '') return;
  links.push({ kind, target: resolveHref(fromPath, href), label: plainText(label), line });
}

/** An unquoted `{placeholder}` reads as a YAML flow mapping: its text, to tell a template's placeholder. */
function frontMatterText(v: unknown): string | undefined {
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
};

/**
 * Links written in front matter: `supersedes: 0003-use-kafka.md`, `superseded_by: 7`,
 * `supersededBy: "0007"`, `related: [ADR-0002, ../other/0004-x.md]`; and the
 * `links: [{ target: 2, kind: supersededby, filename: 0002-x.md }]` some ADR tools write.
 */
function readFrontMatterLinks(data: Record<string, unknown> | undefined, fromPath: string, links: RecordLink[], head: string | undefined): void {
  if (!data) return;
  for (const key of Object.keys(data)) {
    const kind = FRONT_MATTER_LINK_KEYS[key.toLowerCase()];
    if (!kind) continue;
    const raw = data[key];
    const values = Array.isArray(raw) ? raw : [raw];
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
    if (typeof filename === 'string' && filename.trim() !== '') links.push({ kind: normalised, target: resolveHref(fromPath, filename.trim()), label: filename.trim() });
    else if (typeof target === 'number' || (typeof target === 'string' && /^\d+$/.test(target))) links.push({ kind: normalised, target: `ADR-${target}`, label: `ADR-${target}` });
  }
}

/** `7`, `"0007"`, `ADR-0007` → `ADR-7`; a file name or path → its absolute path; a log4brains slug as written. */
function frontMatterTarget(fromPath: string, v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return `ADR-${v}`;
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (s === '' || isTemplatePlaceholder(s)) return undefined;
  const markdownLink = /^\[[^\]]*\]\(([^)\s]+)\)$/.exec(s);
  if (markdownLink) return resolveHref(fromPath, markdownLink[1]);
  const numbered = /^(?:ADR|adr)?[-_ #]?0*(\d{1,6})$/.exec(s);
  if (numbered) return `ADR-${parseInt(numbered[1], 10)}`;
  if (/\.(md|markdown)(#.*)?$/i.test(s) || s.includes('/')) return resolveHref(fromPath, s);
  return s;
}

/** The 1-based line of `key:` in the front matter text (which starts with `---` on line 1). */
function frontMatterKeyLine(head: string, key: string): number | undefined {
  const at = new RegExp(`^["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`, 'm').exec(head);
  if (!at) return undefined;
  let line = 1;
  for (let i = head.indexOf('\n'); i >= 0 && i < at.index; i = head.indexOf('\n', i + 1)) line++;
  return line;
}

/** Verbs that make a body line a link of their kind rather than a plain reference. */
const BODY_VERBS = new Set(['supersedes', 'superseded-by', 'amends', 'amended-by', 'relates-to']);
const INLINE_LINK = /!?\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)/g;
const LINK_DEFINITION = /^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+.*)?$/;

/**
 * `See [ADR 7](0007-use-kafka.md)` anywhere in the body (code fences and inline
 * code skipped), and `[adr-7]: 0007-use-kafka.md` definitions: `references`
 * to Markdown files. Links already read with a verb (Status, `## Links`) are not
 * repeated; whether a target is a record is decided by the index.
 */
function readBodyReferences(lines: OutlineLine[], fromPath: string, links: RecordLink[]): void {
  if (lines.length === 0) return;
  const seen = new Set(links.map((l) => l.target));
  const add = (label: string, href: string, line: number, kind = 'references'): void => {
    if (href.startsWith('#') || !/\.(md|markdown)(#.*)?$/i.test(href) || /^[a-z][a-z0-9+.-]*:/i.test(href)) return;
    const target = resolveHref(fromPath, href);
    if (target === fromPath || seen.has(target)) return;
    seen.add(target);
    links.push({ kind, target, label: plainText(label) || href, line: line + 1, via: 'body' });
  };
  for (const l of lines) {
    let text = l.text.includes('`') ? l.text.replace(/(`+)[^`]*?\1/g, '') : l.text;
    // Templates show examples in comments and placeholders: `<!-- e.g. Refined by [ADR-0005](0005-example.md) -->`.
    if (text.includes('<!--')) text = text.replace(/<!--.*?(-->|$)/g, '');
    if (text.includes('|') && isTemplatePlaceholder(text.replace(/^\s*(?:[-*+]\s+)?[\w -]+:\s*/, ''))) continue;
    const def = text.charCodeAt(text.search(/\S/)) === 91 ? LINK_DEFINITION.exec(text) : null;
    if (def) {
      add(def[1], def[2], l.line);
      continue;
    }
    // `Supersedes [ADR-0002](0002-use-json.md)` under MADR 4's "More Information": the verb says what the link is.
    const verbLine = parseLinkLine(text);
    const verbKind = verbLine ? linkKindFromVerb(verbLine.verb) : '';
    if (verbLine && BODY_VERBS.has(verbKind)) {
      add(verbLine.label, verbLine.href, l.line, verbKind);
      continue;
    }
    INLINE_LINK.lastIndex = 0;
    for (let m = INLINE_LINK.exec(text); m; m = INLINE_LINK.exec(text)) if (m[0][0] !== '!') add(m[1], m[2], l.line);
  }
}

/** A relative Markdown link → absolute path; anything with a scheme stays as written. */
export function resolveHref(fromPath: string, href: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return href;
  let clean = href.split('#')[0];
  try {
    clean = decodeURIComponent(clean);
  } catch {
    // Keep the raw text when it is not valid percent-encoding.
  }
  if (clean === '') return fromPath;
  return clean.startsWith('/') ? clean : joinPath(dirname(fromPath), clean);
}

export function numberFromFileName(name: string): number | null {
  // `0007-title.md`, and the `ADR-0007-title.md` / `adr007-title.md` some teams use.
  const m = /^(?:adr[-_ ]?)?(\d+)(?:[-_. ]|$)/i.exec(name);
  if (!m || m[1].length > 9) return null;
  return parseInt(m[1], 10);
}

/**
 * `7. Use PostgreSQL` / `ADR-0007: Use PostgreSQL` / `ADR 7 Use PostgreSQL` → number 7,
 * title `Use PostgreSQL`. A bare leading number is only a prefix when it is the
 * file's own number (`0010 Bare` in `0010-bare.md`); `2-phase commit` and
 * `12-factor app` are titles.
 */
export function splitNumberedTitle(raw: string, fileNumber: number | null = null): { title: string; number: number | null } {
  const explicit =
    /^(?:ADR[-_ ]?)?0*(\d{1,6})\s*[.:)]\s+(.+)$/i.exec(raw) ??
    /^(?:ADR[-_ ]?)?0*(\d{1,6})\s+[-–—]\s+(.+)$/i.exec(raw) ??
    /^ADR[-_ ]?0*(\d{1,6})\s+(.+)$/i.exec(raw);
  if (explicit) return { title: explicit[2].trim(), number: parseInt(explicit[1], 10) };
  const bare = /^0*(\d{1,6})\s+(.+)$/.exec(raw);
  if (bare && fileNumber !== null && parseInt(bare[1], 10) === fileNumber) return { title: bare[2].trim(), number: fileNumber };
  return { title: raw.trim(), number: null };
}

export function titleFromFileName(name: string): string {
  const stem = name
    .replace(/\.(md|markdown)$/i, '')
    .replace(/^\d{4}-\d{2}-\d{2}[-_ ]*/, '')
    .replace(/^(?:adr[-_ ]?)?\d+[-_ ]*/i, '');
  const words = stem.replace(/[-_]+/g, ' ').trim();
  return words === '' ? name : words[0].toUpperCase() + words.slice(1);
}
