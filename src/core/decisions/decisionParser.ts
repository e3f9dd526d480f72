import { dateFromFileName, dateInText, normaliseDate } from '../records/dates';
import { listField, stringField } from '../records/frontMatter';
import { OutlineLine, plainText } from '../records/markdownOutline';
import { DecisionDialect, LodestarRecord, RecordLink } from '../records/record';
import { readTags } from '../records/tags';
import { basename, resolveHref } from '../store/fileSystem';
import {
  datedStatus,
  isStatusChoices,
  isTemplatePlaceholder,
  linkKindFromVerb,
  normaliseStatus,
  parseLinkLine,
  parseTextualLinkLine,
  parseSuccessorField,
  parseTextualStatusLinks,
  PARTIALLY_SUPERSEDED,
  titleLinks,
} from './status';
import { frontMatterText, isLinkDefinition, linkDefinitions, readBodyReferences, readFrontMatterLinks, withInlineLinks, withWikiLinks } from './writtenLinks';
import { frontMatterKeyLine } from './writtenLinks';
import { ADR_PREFIX, DATE_PREFIX, titleFromFileName } from './fileNameTitle';
import { MADR_SECTIONS, outlineDecision } from './decisionSections';

// Read by the index's fallback record and the design parser from here; adr-tools' commands import it alone (no YAML).
export { titleFromFileName };

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

/** The links a field in a table of fields may be: `| **Supersedes** | [ADR-0123](…) |`. */
const TABLE_LINK_KINDS = new Set(['supersedes', 'superseded-by', 'amends', 'amended-by', 'relates-to']);

/** Reads one decision record in any dialect: adr-tools/Nygard, MADR 2–4, log4brains. */
export function parseDecision(src: DecisionSource): LodestarRecord {
  const name = basename(src.path);
  // Its sections are H2s, or H3s in a record written so: the writers change the sections this outline finds.
  const outline = outlineDecision(src.body, src.bodyLine);
  const data = src.data;
  const dateNamed = dateFromFileName(name);
  const links: RecordLink[] = [];
  const people = new Set<string>();

  // Title: front matter, else the first H1 without its "7." prefix, else the file name. A front-matter title that is
  // only the file's name or slug (`title: 0003-use-postgres`, as some site generators want one) yields to the H1.
  const fmTitle = stringField(data, 'title');
  const rawTitle = (fmTitle !== undefined && outline.title && isFileSlug(fmTitle, name) ? undefined : fmTitle) ?? outline.title?.text;
  const fileNumber = dateNamed ? null : numberFromFileName(name);
  // `Superseded by [ADR 5][adr5]` with `[adr5]: 0005-x.md` below: a reference link is read as the inline one.
  const definitions = linkDefinitions(outline.linkLines);
  const numbered = splitNumberedTitle(
    rawTitle ? plainText(withInlineLinks(withoutHeadingId(withoutStatusMark(rawTitle)), definitions)) : titleFromFileName(name),
    fileNumber,
  );
  const titleNumber = numbered.number;
  let title = numbered.title;

  // `# ADR-0012: Talos native patching (Supersedes ADR-0011)`: the title says what the record replaces.
  const inTitle = titleLinks(title);
  if (inTitle) {
    title = inTitle.title;
    for (const { kind, ref } of inTitle.links) links.push({ kind, target: ref, label: ref, line: (outline.title?.line ?? src.bodyLine) + 1 });
  }

  let status: string | null = null;
  let date: string | null = null;
  let dialect: DecisionDialect;

  // `## Metadata` holding the fields (`- **Status:** Accepted`, `| **Date** | … |`) is read as the lines under the title.
  const metadata = outline.sections.get('metadata');
  const fieldLines = metadata ? [...outline.preamble, ...metadata] : outline.preamble;
  const bullets = readPreambleFields(fieldLines);
  const fmStatus = stringField(data, 'status');
  const statusSection = outline.sections.get('status');

  const log4brains = src.log4brains || dateNamed !== null;
  if (fmStatus !== undefined || (data && 'status' in data && isTemplatePlaceholder(frontMatterText(data.status)))) {
    dialect = data && 'decision-makers' in data ? 'madr4' : data && 'deciders' in data ? 'madr3' : 'madr4';
    // MADR 3/4 leave `status: "{proposed | rejected | …}"` in new records: no status yet.
    if (fmStatus !== undefined && !isTemplatePlaceholder(fmStatus)) {
      status = normaliseStatus(fmStatus);
      const line = src.head ? frontMatterKeyLine(src.head, 'status') : undefined;
      // `status: superseded by [[0018-use-swagger]]`: the wiki link is the record.
      const wiki = new Set<string>();
      const link = fmStatus.includes('[[') ? parseLinkLine(withWikiLinks(fmStatus, wiki)) : undefined;
      if (link) pushLink(links, src.path, link.verb, link.label, link.href, line, wiki);
      else addTextualSupersede(fmStatus, links, line);
    }
    date = normaliseDate(stringField(data, 'date'));
  } else if (bullets.status) {
    dialect = log4brains ? 'log4brains' : 'madr2';
    if (isTemplatePlaceholder(bullets.status.value)) {
      // log4brains shows a record whose status it cannot read as a draft ("usually the help from the template").
      status = log4brains ? 'draft' : null;
    } else {
      // A word outside log4brains' six (`Implemented`) is kept as written, as in every dialect: log4brains' own site
      // shows it as a draft, but a status is never silently changed.
      status = normaliseStatus(bullets.status.value);
      const field = withWrappedLink(bullets.status, fieldLines);
      const wiki = new Set<string>();
      const link = parseLinkLine(withInlineLinks(field.text, definitions, wiki));
      if (link) pushLink(links, src.path, link.verb, link.label, link.href, bullets.status.line + 1, wiki);
      else addTextualSupersede(field.value, links, bullets.status.line + 1);
    }
    date = normaliseDate(bullets.date?.value);
  } else if (statusSection) {
    // A `## Status` section is Nygard's, unless the record has MADR's own sections: MADR with its status in the body, as
    // MADR 2 keeps it (a new status is written in that section, not added to front matter).
    dialect = outline.present.size > 0 && !log4brains ? 'madr2' : 'nygard';
    status = readStatusSection(statusSection, src.path, links, definitions);
    date = normaliseDate(bullets.date?.value);
  } else {
    // MADR 2 writes `* Date:` bullets under the title, Nygard a plain `Date:` line; MADR 3/4's
    // front matter may leave `status` out (every key is optional) and keep `deciders` or `decision-makers`.
    const madrFrontMatter = !data
      ? undefined
      : 'decision-makers' in data
        ? 'madr4'
        : 'deciders' in data
          ? 'madr3'
          : 'consulted' in data || 'informed' in data
            ? 'madr4'
            : undefined;
    // With none of that, MADR's sections still say MADR: in front matter's generation (3/4) when the record has front matter.
    const madrBody = outline.present.size === MADR_SECTIONS.length ? (data ? 'madr4' : 'madr2') : 'plain';
    dialect = log4brains
      ? 'log4brains'
      : (madrFrontMatter ?? (bullets.date?.bullet || bullets.deciders?.bullet ? 'madr2' : bullets.date ? 'nygard' : madrBody));
    const line = bullets.statusLine;
    status = normaliseStatus(line?.value);
    // `Status: superseded by ADR-0018` under the title, as the bullet is read.
    if (line && !isTemplatePlaceholder(line.value)) {
      const field = withWrappedLink(line, fieldLines);
      const wiki = new Set<string>();
      const link = parseLinkLine(withInlineLinks(field.text, definitions, wiki));
      if (link) pushLink(links, src.path, link.verb, link.label, link.href, line.line + 1, wiki);
      else addTextualSupersede(field.value, links, line.line + 1);
    }
    date = normaliseDate(bullets.date?.value);
  }
  // `Accepted: 2026-08-12` under the title or in the Status section dates the record before a date written in the
  // status (`Superseded by ADR-0012 — 2026-08-25` is the day it ended).
  const fmDays = data && date === null ? frontMatterDays(data) : undefined;
  date ??=
    normaliseDate(stringField(data, 'date')) ??
    fmDays?.date ??
    sectionDate(outline.sections.get('date')) ??
    statusDay(bullets) ??
    (statusSection ? statusDay(readPreambleFields(statusSection)) : null) ??
    normaliseDate(bullets.otherDate?.value) ??
    // `created: 2026-09-06` in front matter, as `Created:` under the title; `accepted_at: 2026-10-02` as `Accepted:`.
    fmDays?.statusDay ??
    normaliseDate(stringField(data, 'created')) ??
    fmDays?.other ??
    dateNamed ??
    statusDate(statusSection, bullets) ??
    dayFromFileName(name);

  for (const line of outline.sections.get('links') ?? []) {
    const wiki = new Set<string>();
    const link = parseLinkLine(withInlineLinks(line.text, definitions, wiki));
    if (link) pushLink(links, src.path, link.verb, link.label, link.href, line.line + 1, wiki);
    else addTextualSupersedes(line, links);
  }
  readReplacementSection(outline.sections.get('supersedes'), 'Supersedes', src.path, links, definitions);
  const beforeSuccessors = links.length;
  readReplacementSection(outline.sections.get('superseded by'), 'Superseded by', src.path, links, definitions);
  // `## Status` Accepted, then a `## Superseded by` section naming the newer record: the section was added when it was
  // replaced, and the status left as it was.
  if ((status === 'accepted' || status === 'proposed') && links.length > beforeSuccessors) status = 'superseded';
  // `Status: Accepted` then `Supersedes ADR 0030, ADR 0031.` under the title, as the Status section has it; and
  // `**Status**: Superseded` then `**Superseded by**: ADR-0050 (the hybrid)`, the older record's side. So in a block
  // quote (`> **Supersedes**: ADR-0055`) and in a table of fields (`| Superseded by | ADR-0050 |`).
  if (!statusSection)
    for (const line of fieldLines) {
      // `| **Supersedes** | [ADR-0123](0123-x.md) |`: a linked field in a table of fields (a name and a value) is the verb
      // line it reads as; a row of a wider table (`| Amends | [ADR 1](…) | slow |`, options compared) is not.
      const row = line.text.trimStart().charCodeAt(0) === 124 /* | */ && line.text.includes('](') && tableCells(line.text).length === 2;
      for (const text of lineFields(fieldText(line.text))) {
        addTextualSupersedes({ ...line, text }, links);
        for (const { kind, ref } of parseSuccessorField(text)) links.push({ kind, target: ref, label: ref, line: line.line + 1 });
        const wiki = new Set<string>();
        const link = row ? parseLinkLine(withInlineLinks(text, definitions, wiki)) : undefined;
        // Only the verbs of links between records: `| **Owner** | [Ada](…) |` is no link of a kind `owner`.
        if (link && TABLE_LINK_KINDS.has(linkKindFromVerb(link.verb))) pushLink(links, src.path, link.verb, link.label, link.href, line.line + 1, wiki);
      }
    }
  readFrontMatterLinks(data, src.path, links, src.head);
  readBodyReferences(outline.linkLines, src.path, links);
  if (status === null && links.some((l) => l.kind === 'superseded-by')) status = 'superseded';
  // log4brains: a record with no status is accepted (its Adr.status).
  if (status === null && dialect === 'log4brains') status = 'accepted';

  for (const p of listField(data, 'decision-makers', 'deciders')) if (!isTemplatePlaceholder(p)) people.add(p);
  if (bullets.deciders && !isTemplatePlaceholder(bullets.deciders.value)) for (const p of deciderNames(bullets.deciders.value)) people.add(p);

  return {
    kind: 'decision',
    path: src.path,
    folder: src.folder,
    links: uniqueLinks(links),
    number: dateNamed ? null : (fileNumber ?? titleNumber ?? frontMatterNumber(data)),
    title,
    status,
    date,
    dialect,
    pullRequests: listField(data, 'pullRequests', 'pull-requests'),
    private: stringField(data, 'visibility') === 'private',
    people: [...people],
    tags: readTags(data, bullets.tags?.value),
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
type PreambleFields = {
  status?: Field;
  statusLine?: Field;
  date?: Field;
  /** `Last updated:`, `Date of submission:`, `Created:`: a date under another name, for a record with no Date field. */
  otherDate?: Field;
  deciders?: Field;
  tags?: Field;
  /** `Proposed: 2026-08-10`, `**Accepted:** 2026-08-12`: the day the record took a status, by that status. */
  statusDays?: Map<string, string>;
};

/** ` · **Date:** …`, ` | **Deciders:** …`: where one line's next bold field starts. */
const NEXT_BOLD_FIELD = /\s+[·|•]\s+(?=(?:\*\*|__)[\w -]+(?::(?:\*\*|__)|(?:\*\*|__)\s*:))/;

/** ` · Status: …`, ` | Supersedes: …`: where one line's next plain field starts. */
const NEXT_PLAIN_FIELD = /\s+[·|•]\s+(?=[A-Za-z][\w -]{0,30}:\s)/;
/** A line that opens with a field (`Date: …`, `- Status: …`). */
const FIELD_LINE = /^\s*(?:[-*+]\s+)?[A-Za-z][\w -]{0,30}:\s.*\s[·|•]\s/;

/**
 * A line's fields, one at a time: `**Status:** Accepted · **Date:** 2026-09-20` (bold fields) and
 * `Date: 2026-09-19 · Status: accepted · Supersedes: ADR-0009` (plain ones) hold several; any other line is one.
 */
function lineFields(text: string): string[] {
  if (text.includes('**') || text.includes('__')) {
    const parts = text.split(NEXT_BOLD_FIELD);
    if (parts.length > 1) return parts;
  }
  return FIELD_LINE.test(text) ? text.split(NEXT_PLAIN_FIELD) : [text];
}

function readPreambleFields(lines: OutlineLine[]): PreambleFields {
  const out: PreambleFields = {};
  // Inside an HTML comment that spans lines: the badges a template leaves there to choose from are not the record's.
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    const l = unquoted(lines[i]);
    if (inComment || l.text.includes('<!--')) {
      const open = l.text.lastIndexOf('<!--');
      inComment = open >= 0 ? !l.text.includes('-->', open) : !l.text.includes('-->');
    }
    // `![Status](https://img.shields.io/badge/status-Accepted-brightgreen)`: fields shown as badges under the title.
    if (l.text.includes('/badge/') && !inComment) for (const text of badgeFields(l.text)) readPreambleField({ text, line: l.line }, out);
    const isRow = l.text.trimStart().startsWith('|');
    // `| Status | Date |`, `|---|---|`, `| accepted | 2020-01-01 |`: field names in the header row, their values below.
    if (isRow && i + 1 < lines.length && /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$/.test(lines[i + 1].text)) {
      const names = tableCells(l.text);
      if (names.filter((n) => FIELD_NAME.test(n)).length >= 2) {
        let end = i + 2;
        while (end < lines.length && lines[end].text.trimStart().startsWith('|')) end++;
        // One row of values is the record's; several (a history of statuses) do not say which is current.
        if (end === i + 3) {
          const values = tableCells(lines[i + 2].text);
          names.forEach((n, j) => readPreambleField({ text: `${n}: ${values[j] ?? ''}`, line: lines[i + 2].line }, out));
        }
        i = end - 1;
        continue;
      }
    }
    // `| Status | Accepted |`: fields in a two-column table under the title are read as `Status: Accepted`.
    const row = isRow ? /^\s*\|([^|]*)\|([^|]*)\|/.exec(l.text) : null;
    if (row) {
      readPreambleField({ text: `${row[1].trim()}: ${row[2].trim()}`, line: l.line }, out);
      continue;
    }
    // `**Status**` (or `**Status:**`) on a line of its own, as a heading: its value is the next line (`Accepted`).
    const label = l.text.endsWith('**') || l.text.endsWith('__') ? BOLD_LABEL.exec(l.text) : null;
    if (label) {
      const value = lines.slice(i + 1).find((n) => n.text.trim() !== '');
      if (value && value.line <= l.line + 2 && !CHECKLIST_ITEM.test(value.text) && !NOT_A_VALUE.test(value.text))
        readPreambleField({ text: `${label[1]}: ${value.text.trim()}`, line: value.line }, out);
      else readPreambleField({ text: `${label[1]}:`, line: l.line }, out);
      continue;
    }
    for (const text of lineFields(l.text)) readPreambleField({ text, line: l.line }, out);
  }
  // `**Status:**` with nothing after it, then `- [ ] Proposed` / `- [x] Accepted` below: the ticked one is the status.
  const status = out.status ?? out.statusLine;
  if (status && status.value === '') {
    const ticked = tickedItem(lines, status.line);
    if (ticked !== undefined) {
      status.value = ticked;
      status.text = `Status: ${ticked}`;
    }
  }
  return out;
}

/** `**Status**`, `__Date:__`: a field's name in bold on a line of its own. */
const BOLD_LABEL = /^\s*(?:\*\*|__)([\p{L}][\p{L} -]{0,29}?)\s*:?\s*(?:\*\*|__)\s*:?\s*$/u;

/** A line that is no field's value: another field (`**Date:** …`, `Owner:`), a heading, a rule or a table row. */
const NOT_A_VALUE = /^\s*(?:#|[-*_]{3,}\s*$|\||(?:[-*+]\s+)?(?:\*\*|__)?[\p{L}][\p{L} -]{0,30}(?:\*\*|__)?\s*:(?!\/\/))/u;

/** `> **Supersedes**: ADR-0055`, `| Superseded by | ADR-0050 |`: a quoted field, or a two-column table row, as `Name: value`. */
function fieldText(text: string): string {
  const c = text.trimStart().charCodeAt(0);
  if (c === 62 /* > */) return text.replace(/^\s*(?:>\s?)+/, '');
  const row = c === 124 /* | */ ? /^\s*\|([^|]*)\|([^|]*)\|/.exec(text) : null;
  return row ? `${row[1].trim()}: ${row[2].trim()}` : text;
}

/** `> **Status:** accepted`: fields under the title set as a block quote are read as the fields they quote. */
function unquoted(l: OutlineLine): OutlineLine {
  const c = l.text.charCodeAt(0);
  return c === 62 /* > */ || (c === 32 && l.text.trimStart().charCodeAt(0) === 62) ? { text: l.text.replace(/^\s*(?:>\s?)+/, ''), line: l.line } : l;
}

/** The text of the ticked item of the checklist right after a line, undefined when none is ticked or there is none. */
function tickedItem(lines: OutlineLine[], after: number): string | undefined {
  for (const l of lines) {
    if (l.line <= after || l.text.trim() === '') continue;
    const box = CHECKLIST_ITEM.exec(l.text);
    if (!box) return undefined;
    if (box[1] !== ' ') return box[2];
  }
  return undefined;
}

/**
 * `img.shields.io/badge/status-Accepted-brightgreen`, `badgen.net/badge/ADR/proposed/orange`: shields.io's and
 * badgen's badge images, as records show their status (and date) → `Status: Accepted`, `Date: 2026-05-09`. A badge
 * inside an HTML comment (a choice the template offers) is none.
 */
const BADGE = /img\.shields\.io\/badge\/([^)\s"'?#]+)|badgen\.net\/badge\/([^/)\s"'?#]+)\/([^/)\s"'?#]+)/gi;

/** A line's badges as `Name: value` fields (the subject `ADR` is the status, as badgen badges name it). */
export function badgeFields(text: string): string[] {
  const out: string[] = [];
  for (const m of text.replace(/<!--.*?(?:-->|$)/g, '').matchAll(BADGE)) {
    let label: string;
    let message: string;
    if (m[1] !== undefined) {
      // shields.io: `label-message-color`, `--` a dash and `__` an underscore in the text, `_` a space.
      const parts = m[1]
        .replace(/\.(?:svg|png)$/i, '')
        .replace(/--/g, '\u0000')
        .replace(/__/g, '\u0001')
        .split('-');
      if (parts.length < 3) continue;
      label = badgeText(parts[0]);
      message = badgeText(parts.slice(1, -1).join('-'));
    } else {
      label = badgeText(m[2]);
      message = badgeText(m[3]);
    }
    out.push(`${/^adr$/i.test(label) ? 'Status' : label}: ${message}`);
  }
  return out;
}

function badgeText(s: string): string {
  const text = s
    .replace(/_/g, ' ')
    .replace(/\u0000/g, '-')
    .replace(/\u0001/g, '_');
  try {
    return decodeURIComponent(text).trim();
  } catch {
    return text.trim();
  }
}

/** The fields' names in German, French, Portuguese, Spanish, Chinese, Japanese and Korean records (lower case) → the English ones. */
const TRANSLATED_FIELDS: ReadonlyMap<string, string> = new Map([
  ['statut', 'status'],
  ['estado', 'status'],
  ['situação', 'status'],
  ['datum', 'date'],
  ['fecha', 'date'],
  ['data', 'date'],
  ['日期', 'date'],
  ['日付', 'date'],
  ['決定日', 'date'],
  ['ステータス', 'status'],
  ['状態', 'status'],
  ['決定者', 'deciders'],
  // Korean: `날짜:` (or `작성일:`, the day it was written) is the date, `상태:` the status, `결정자:` the deciders.
  ['날짜', 'date'],
  ['작성일', 'date'],
  ['상태', 'status'],
  ['결정자', 'deciders'],
  ['entscheider', 'deciders'],
  ['décideurs', 'deciders'],
  ['decisores', 'deciders'],
  ['responsables', 'deciders'],
]);

/**
 * Date fields under other names: `Decision date:` is the Date field; `Last updated:` (MADR 2's Date is the day the
 * decision was last updated), `Date of submission:`, `Created:` date a record that has no Date field.
 */
const OTHER_DATE_FIELDS: ReadonlyMap<string, string> = new Map([
  ['decision date', 'date'],
  ['date decided', 'date'],
  ['date of decision', 'date'],
  ['last updated', 'otherDate'],
  ['last update', 'otherDate'],
  ['updated', 'otherDate'],
  ['date of submission', 'otherDate'],
  ['submitted', 'otherDate'],
  ['created', 'otherDate'],
  ['date created', 'otherDate'],
  ['creation date', 'otherDate'],
]);

/** A table cell that names a field (`Status`, `**Date**`). */
/** The names of the fields read under the title, in every language read (see {@link readPreambleField}). */
const FIELD_NAMES =
  'status|statut|estado|situação|date|datum|fecha|data|日期|日付|決定日|ステータス|状態|決定者|날짜|작성일|상태|결정자|deciders|decision[- ]makers?|entscheider|décideurs|decisores|responsables|tags|decision date|date decided|date of decision|last updated|last update|updated|date of submission|submitted|created|date created|creation date';

/** `- **Status:** accepted`: a field's line, its bullet, name and value. */
const NAMED_FIELD = new RegExp(`^\\s*([-*+]\\s+)?(?:\\*\\*|__)?(${FIELD_NAMES})(?:\\*\\*|__)?\\s*[:：]\\s*(?:\\*\\*|__)?\\s*(.*)$`, 'i');

/** A cell of a table's header row naming a field (`| Created | Status |` over one row of values). */
const FIELD_NAME = new RegExp(`^(?:\\*\\*|__)?(?:${FIELD_NAMES})(?:\\*\\*|__)?$`, 'i');

/** `| a | b |` → `['a', 'b']`, each trimmed. */
function tableCells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

/**
 * `Proposed: 2026-08-10`, `- **Accepted:** 2026-08-12`: a field named after a status, holding the day the record took
 * it, as records that keep no Date field date themselves.
 */
const STATUS_DAY = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(proposed|accepted|approved|decided|adopted|agreed|rejected)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*)$/i;

/** The day a record was decided, from the fields named after statuses: the acceptance, else the first one written. */
function statusDay(fields: PreambleFields): string | null {
  const days = fields.statusDays;
  if (!days) return null;
  return days.get('accepted') ?? days.get('approved') ?? days.get('decided') ?? days.get('adopted') ?? days.get('agreed') ?? days.values().next().value ?? null;
}

function readPreambleField(l: OutlineLine, out: PreambleFields): void {
  // Every field has its colon (Japanese and Chinese records may write the full-width `：`): most lines (prose) are
  // passed over without the patterns below.
  if (!l.text.includes(':') && !l.text.includes('：')) return;
  const day = STATUS_DAY.exec(l.text);
  if (day) {
    const d = normaliseDate(day[2].trim());
    if (d !== null) {
      out.statusDays ??= new Map();
      if (!out.statusDays.has(day[1].toLowerCase())) out.statusDays.set(day[1].toLowerCase(), d);
    }
    return;
  }

  // `Statut:`, `Estado:`, `Situação:`: the status field as French, Spanish and Portuguese records name it; `Datum:`,
  // `Fecha:`, `Data:`, `日期:` the date, `Entscheider:`, `Décideurs:`, `Decisores:`, `Responsables:` the deciders.
  const m = NAMED_FIELD.exec(l.text);
  if (!m) return;
  const name = m[2].toLowerCase();
  const key = TRANSLATED_FIELDS.get(name) ?? OTHER_DATE_FIELDS.get(name) ?? name;
  // `* Status: "accepted"`, `- Deciders: 'Ada, Grace'`: a value in quotes, as in YAML, is the text inside them; so is
  // one set as code (`작성일: \`2026-06-15\``).
  const value = m[3].trim().replace(/^"([^"]*)"$|^'([^']*)'$|^`([^`]*)`$/, '$1$2$3');
  // `Data:` is also an English word: a translated date field is one only when it holds a date; so is `Updated:`.
  if ((key === 'date' || key === 'otherDate') && name !== 'date' && normaliseDate(value) === null) return;
  const field = { value, text: l.text, line: l.line, bullet: m[1] !== undefined };
  if (key === 'status') {
    if (m[1]) out.status ??= field;
    else out.statusLine ??= field;
  } else if (key === 'date') out.date ??= field;
  else if (key === 'otherDate') out.otherDate ??= field;
  else if (key === 'tags') out.tags ??= field;
  else out.deciders ??= field;
}

/**
 * `Oliver, Anna, and Bob <!-- optional -->`, `Ada; Grace` → each name: MADR 2's template leaves
 * `<!-- optional -->` on the line, and people write a list as in a sentence. Names are split at commas and
 * semicolons only (as log4brains splits them): `Research and Development` is one name.
 */
function deciderNames(value: string): string[] {
  return plainText(value.replace(/<!--.*?(-->|$)/g, ''))
    .split(/[,;]/)
    .map((p) =>
      p
        .trim()
        .replace(/^(?:and|&)\s+/, '')
        // A role written before a name in the list (`mhammond, travis; proposed: jhugman`) is not part of the name.
        .replace(/^[A-Za-z][\w -]{0,30}:\s+(?=\S)/, '')
        // Each name in quotes: `"Dana O'Brien", 'Eve'`.
        .replace(/^"([^"]*)"$|^'([^']*)'$/, '$1$2')
        .trim(),
    )
    .filter((p) => p !== '');
}

/**
 * Front matter's dates under the names the fields under the title have: `decision_date:` (or `decisionDate:`) is the
 * Date field; `accepted_at: 2026-10-02`, `accepted_on:`, `proposed_at:` are the days the record took a status, the
 * acceptance first; `last_updated:` a date for a record with none other.
 */
function frontMatterDays(data: Record<string, unknown>): { date?: string; statusDay?: string; other?: string } {
  const out: { date?: string; statusDay?: string; other?: string } = {};
  let days: PreambleFields | undefined;
  for (const key of Object.keys(data)) {
    // Most keys (`title`, `status`, `tags`) name no date: a key with a date in it has a day in its value.
    const value = stringField(data, key);
    if (value === undefined || !/\d/.test(value) || key === 'date' || key === 'created') continue;
    const name = key
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/[-_]/g, ' ')
      .toLowerCase();
    const d = normaliseDate(value);
    if (d === null) continue;
    const day = /^(proposed|accepted|approved|decided|adopted|agreed|rejected)(?: (?:at|on|date))?$|^date (accepted|approved|decided|adopted|agreed)$/.exec(
      name,
    );
    if (day) {
      days ??= {};
      days.statusDays ??= new Map();
      const status = day[1] ?? day[2];
      if (!days.statusDays.has(status)) days.statusDays.set(status, d);
      continue;
    }
    const kind = OTHER_DATE_FIELDS.get(name);
    if (kind === 'date') out.date ??= d;
    else if (kind === 'otherDate') out.other ??= d;
  }
  if (days) out.statusDay = statusDay(days) ?? undefined;
  return out;
}

/** `## Date` with the date on its first line, as many hand-written records give it a section of its own. */
function sectionDate(section: OutlineLine[] | undefined): string | null {
  const first = section?.find((l) => l.text.trim() !== '');
  if (!first) return null;
  const date = normaliseDate(plainText(first.text));
  if (date !== null || !first.text.includes(':')) return date;
  // `Decision date: 2025-11-19` (then `Last status update: …`): the section's first line is a date field.
  const fields: PreambleFields = {};
  readPreambleField(first, fields);
  return normaliseDate((fields.date ?? fields.otherDate)?.value);
}

/** The date written with the status (`Accepted on 2026-08-31.`, `accepted (2021-03-05)`), for a record with no Date field. */
function statusDate(section: OutlineLine[] | undefined, bullets: PreambleFields): string | null {
  for (const l of section ?? []) {
    // `Amended by [ADR-0019](…) (2026-06-14)` dates the link, not the decision.
    if (l.text.includes('](')) continue;
    const d = dateInText(l.text);
    if (d) return d;
  }
  const field = bullets.status ?? bullets.statusLine;
  return field && !field.value.includes('](') ? dateInText(field.value) : null;
}

/** The Nygard `## Status` section: the first line that is not a link is the status. */
function readStatusSection(lines: OutlineLine[], path: string, links: RecordLink[], definitions: ReadonlyMap<string, string>): string | null {
  let status: string | null = null;
  // `2020-04-22 proposed`, then `2020-05-02 accepted`: a history of dated statuses, newest last.
  let dated: string | null = null;
  // The status line is only the choices to pick from (`STATUS：proposed/accepted/done`), or comes after the history.
  let choices = false;
  let inComment = false;
  // A status checklist: the lines under it (`**Date:** …`, `**Deciders:** …`) are not the status, ticked or not.
  let checklist = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    // Templates leave the choices in an HTML comment: `<!-- Proposed | Accepted -->`.
    const wiki = new Set<string>();
    let text = withInlineLinks(l.text.replace(/<!--.*?-->/g, ''), definitions, wiki);
    // `Partly superseded by` then `[ADR-0006](0006-x.md). The rest holds.` on the next line: the verb's link is there.
    const next = i + 1 < lines.length && text.length < 60 && !text.includes('[') ? lines[i + 1].text.trimStart() : '';
    if (next.charCodeAt(0) === 91 /* [ */ && VERB_ALONE.test(text)) {
      const joined = `${text.trim()} ${withInlineLinks(next, definitions, wiki)}`;
      if (parseLinkLine(joined)) {
        text = joined;
        i++;
      }
    }
    if (inComment) {
      if (text.includes('-->')) inComment = false;
      continue;
    }
    if (text.includes('<!--')) {
      inComment = true;
      continue;
    }
    // `[adr5]: 0005-x.md` under the status is where a reference link points, not a status.
    if (text.trim() === '' || isLinkDefinition(text)) continue;
    // `[![Generic badge](https://badgen.net/badge/ADR/proposed/orange/)](…)`: the status shown as a badge.
    if (text.includes('/badge/')) {
      const badge = badgeFields(text).find((f) => /^status:/i.test(f));
      if (badge) text = badge.slice(badge.indexOf(':') + 1).trim();
    }
    // `- [ ] Proposed`, `- [x] Accepted`: a checklist of the statuses, the ticked one the record's; one not ticked is
    // a choice not taken (and its `Superseded by ADR-___` no link).
    const box = text.includes('[') ? CHECKLIST_ITEM.exec(text) : null;
    if (box) {
      checklist = true;
      if (box[1] === ' ' || status !== null) continue;
      text = box[2];
    }
    // A status history, one dated line per change (as some ADR tools write it, under a line listing the choices
    // `STATUS：proposed/accepted/…`): the newest line's status is the record's.
    const change = datedStatus(text);
    if (change !== null) {
      const link = parseLinkLine(change);
      if (link) pushLink(links, path, link.verb, link.label, link.href, l.line + 1, wiki);
      else addTextualSupersede(change, links, l.line + 1);
      dated = normaliseStatus(change);
      continue;
    }
    // `**Superseded by [ADR-0014](…). Nothing below is in force.**`: a link line in bold is that link line.
    const link = parseLinkLine(text.replace(/^(\s*)(?:\*\*|__)(?=\S)/, '$1'));
    if (link) {
      pushLink(links, path, link.verb, link.label, link.href, l.line + 1, wiki);
      // `Accepted — amended by [5. Foo](…)`: the status, and a link after it.
      if (link.status !== undefined && status === null) status = normaliseStatus(link.status);
      // `Partially superseded by [51. X](…)` with no status of its own: the record's status is those words.
      else if (status === null && normaliseStatus(link.verb) === PARTIALLY_SUPERSEDED) status = PARTIALLY_SUPERSEDED;
      continue;
    }
    // `Supersedes ADR 0021.` (or `Amends ADR 0021.`) in plain text, as `Superseded by ADR 0021` is read in the older record.
    if (status !== null && parseTextualLinkLine(text) !== undefined) {
      addTextualSupersedes(l, links);
      continue;
    }
    // `Accepted`, then `Superseded by ADR-0042` (or `Amended by ADR 7`) on a line of its own below it, as a supersede
    // written by hand leaves the old status: the record that replaced this one, read as the field under the title is.
    // Only a line naming records and nothing else: `Superseded by the new pipeline` is prose.
    if (status !== null && !checklist) {
      const successors = parseSuccessorField(text);
      if (successors.length > 0) {
        for (const { kind, ref } of successors) links.push({ kind, target: ref, label: ref, line: l.line + 1 });
        continue;
      }
    }
    if (checklist && !box) continue;
    if (status === null) addTextualSupersede(text, links, l.line + 1);
    if (status === null) {
      status = normaliseStatus(text);
      // A line after the history (a note below it) is not the status either.
      choices = dated !== null || isStatusChoices(text);
    }
  }
  if (links.some((l) => l.kind === 'superseded-by')) return 'superseded';
  // A dated line under a status of its own (`Accepted`, then `2021-03-05 approved by the board`) is a note on it.
  return dated !== null && (status === null || choices) ? dated : status;
}

/**
 * `## Supersedes` / `## Superseded by` sections, as many hand-written records keep their links: each line that opens
 * with a link to a numbered record (`- [ADR-004](ADR-004-outbox.md), whose rationale remains valid …`) or names records
 * by number and nothing else (`- ADR-0004`) is a link of the heading's verb; `None` and links to other pages are not.
 */
function readReplacementSection(
  lines: OutlineLine[] | undefined,
  verb: 'Supersedes' | 'Superseded by',
  path: string,
  links: RecordLink[],
  definitions: ReadonlyMap<string, string>,
): void {
  if (!lines) return;
  let inComment = false;
  for (const l of lines) {
    if (inComment || l.text.includes('<!--')) {
      inComment = !l.text.includes('-->', l.text.lastIndexOf('<!--'));
      continue;
    }
    const wiki = new Set<string>();
    const text = withInlineLinks(l.text, definitions, wiki);
    if (text.trim() === '') continue;
    // `- Superseded by [ADR-0012](…)` under the heading says its verb again.
    const link = parseLinkLine(text);
    if (link && REPLACEMENT_KINDS.has(linkKindFromVerb(link.verb))) {
      pushLink(links, path, link.verb, link.label, link.href, l.line + 1, wiki);
      continue;
    }
    const item = text.replace(/^\s*(?:[-*+]|\d{1,3}[.)])\s+/, '').replace(/^(?:\*\*|__)/, '');
    const first = /^\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/.exec(item);
    if (first) {
      const href = first[2].split('#')[0];
      const name = basename(href);
      if (href !== '' && (numberFromFileName(name) !== null || dateFromFileName(name) !== null)) pushLink(links, path, verb, first[1], href, l.line + 1);
      continue;
    }
    const named = parseTextualLinkLine(`Supersedes ${item}`);
    if (named)
      for (const ref of named.refs) links.push({ kind: verb === 'Supersedes' ? 'supersedes' : 'superseded-by', target: ref, label: ref, line: l.line + 1 });
  }
}

const REPLACEMENT_KINDS: ReadonlySet<string> = new Set(['supersedes', 'superseded-by', 'amends', 'amended-by']);

/**
 * `**Status:** ~~accepted~~ — **superseded by` with `[ADR-0015](0015-x.md)**` opening the next line: a status field
 * wrapped before its link is read with that line (the link is the verb's, not a reference of the body). Anything
 * else is the field as it is.
 */
function withWrappedLink<F extends { text: string; value: string; line: number }>(field: F, lines: readonly OutlineLine[]): { text: string; value: string } {
  if (!VERB_AT_END.test(field.value)) return field;
  const next = lines.find((l) => l.line > field.line);
  if (!next || next.line !== field.line + 1) return field;
  const start = next.text.trimStart();
  if (!(start.startsWith('[') || start.startsWith('**[') || start.startsWith('__['))) return field;
  return { text: `${field.text.trimEnd()} ${start}`, value: `${field.value.trimEnd()} ${start}` };
}

/** A status that ends with its link's verb: `superseded by`, `**Superseded by:**`, `Amended by`. */
const VERB_AT_END = /\b(?:superseded|superceded|amended|replaced|deprecated) by[*_:\s]*$/i;

/** `Superseded by`, `Partly superseded by:`, `Supersedes in part`: a link verb alone on its line. */
const VERB_ALONE = /^\s*(?:[A-Za-z]+ ){0,3}(?:by|supersedes|amends|replaces|part) ?:?\s*$/i;

/** `- [x] Accepted`, `* [ ] Superseded by ADR-___`: a checklist item, ticked or not, and its text. */
const CHECKLIST_ITEM = /^\s*[-*+]\s+\[([ xX])\]\s+(.*)$/;

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

/** `superseded by ADR-0005`, `amended by ADR-0021`, `accepted (supersedes 0009)`: the links a status names in words. */
function addTextualSupersede(status: string, links: RecordLink[], line: number | undefined): void {
  for (const { kind, ref } of parseTextualStatusLinks(status)) links.push({ kind, target: ref, label: ref, line });
}

/** `Supersedes ADR 0021.`, `Amends ADR-0034.`: a line naming the records this one replaces or amends. */
function addTextualSupersedes(line: OutlineLine, links: RecordLink[]): void {
  const link = parseTextualLinkLine(line.text);
  if (link) for (const ref of link.refs) links.push({ kind: link.kind, target: ref, label: ref, line: line.line + 1 });
}

/** A verb line's link; `wiki`: the hrefs its line's wiki links were written as (`[[0042-x]]`), which name no file. */
function pushLink(links: RecordLink[], fromPath: string, verb: string, label: string, href: string, line?: number, wiki?: ReadonlySet<string>): void {
  const kind = linkKindFromVerb(verb);
  if (kind === 'status' || kind === '') return;
  const link: RecordLink = { kind, target: resolveHref(fromPath, href), label: plainText(label), line };
  // A wiki link naming no record is no link (notes apps link notes not yet written); the index drops it unresolved.
  if (wiki?.has(href)) link.via = 'wiki';
  links.push(link);
}

export function numberFromFileName(name: string): number | null {
  // `0007-title.md`, and the `ADR-0007-title.md` / `adr007-title.md` some teams use.
  const m = /^(?:adr[-_ ]?)?(\d+)(?:[-_. ]|$)/i.exec(name);
  if (!m || m[1].length > 9) return null;
  // `2021-03-avoid-js.md`, `2022-02-04-cloud-build.md`: named by the month or day of the decision, not numbered.
  // So is `ADR-2026-08-24-import-codex.md`, the day after the prefix.
  if (m[1].length === 4 && DATE_PREFIX.test(name.slice(m[0].indexOf(m[1])))) return null;
  return parseInt(m[1], 10);
}

/**
 * `id: ADR-0008`, `id: "0003"`, `adr-number: ADR-027`: the number front matter gives a record whose file name and
 * title give none (`typed-errors.md` with `title: A typed error taxonomy`). An id that is not a number
 * (`D-20260817-07`, a slug) gives none.
 */
function frontMatterNumber(data: Record<string, unknown> | undefined): number | null {
  const id = data && stringField(data, ...FRONT_MATTER_NUMBER_KEYS);
  const m = id === undefined ? null : FRONT_MATTER_NUMBER.exec(id);
  return m ? parseInt(m[1], 10) : null;
}

/** The front matter keys that may give a record its number, the first found first. */
export const FRONT_MATTER_NUMBER_KEYS = ['adr-number', 'adr_number', 'adr', 'number', 'id'] as const;
/** A front matter value that is a record's number (`ADR-0008`, `0003`, `27`), as a pattern; its group is the number. */
export const FRONT_MATTER_NUMBER_VALUE = '(?:ADR[-_ #]?)?0*(\\d{1,6})';
const FRONT_MATTER_NUMBER = new RegExp(`^${FRONT_MATTER_NUMBER_VALUE}$`, 'i');

/** `2022-02-04-cloud-build.md` → `2022-02-04`: the day a record named by its day was written. */
export function dayFromFileName(name: string): string | null {
  const m = DATE_PREFIX.exec(name.replace(ADR_PREFIX, ''));
  return m && m[0].length === 11 ? normaliseDate(m[0].slice(0, 10)) : null;
}

/**
 * `7. Use PostgreSQL` / `ADR-0007: Use PostgreSQL` / `ADR 7 Use PostgreSQL` /
 * `Architecture Decision Record 7: Use PostgreSQL` → number 7,
 * title `Use PostgreSQL`; `Architecture Decision Record: Use PostgreSQL` and a draft's `xx. Use PostgreSQL` or
 * `ADR-XXXX: Use PostgreSQL` → that title, no number. A bare leading number is only a prefix when it is the
 * file's own number (`0010 Bare` in `0010-bare.md`); `2-phase commit` and
 * `12-factor app` are titles.
 */
export function splitNumberedTitle(raw: string, fileNumber: number | null = null): { title: string; number: number | null } {
  const explicit =
    // (`ADR #1 — Title`: the number after a `#`, as in `Decision Record #3`.)
    /^(?:ADR(?:[-_ ]?|\s?#))?0*(\d{1,6})\s*[.:)]\s+(.+)$/i.exec(raw) ??
    // `ADR-0077 | Title`, `ADR-0001 · Title`: a bar or a middle dot parts the number from the title as a dash does.
    /^(?:ADR(?:[-_ ]?|\s?#))?0*(\d{1,6})\s+[-–—|·•]\s+(.+)$/i.exec(raw) ??
    /^ADR(?:[-_ ]?|\s?#)0*(\d{1,6})\s+(.+)$/i.exec(raw) ??
    // `[ADR-0003] Title`: the number in brackets before the title.
    /^\[ADR[-_ ]?0*(\d{1,6})\]\s*(?:[-–—:|·•]\s*)?(\S.*)$/i.exec(raw) ??
    // `Architecture Decision Record 14: EKS cluster management`, `Decision Record #3 - Use X`: the long name spelled out.
    /^(?:Architectur(?:e|al) Decision(?: Record)?|Decision Record)\s*#?0*(\d{1,6})\s*(?:[.:)]|\s[-–—|·•])\s+(.+)$/i.exec(raw);
  if (explicit) return { title: explicit[2].trim(), number: parseInt(explicit[1], 10) };
  // `xx. Use X`, `ADR-XXXX: Use X`: a draft that has no number yet keeps the number's place with a placeholder.
  const unnumbered = /^(?:ADR[-_ ]?)?(?:x{2,6}|X{2,6}|N{2,6})\s*(?:[.:)]|\s[-–—|·•])\s+(.+)$/.exec(raw);
  if (unnumbered) return { title: unnumbered[1].trim(), number: null };
  // `ARC-ADR-020 — Trust policy`, `SEC-ADR-005: Use X`: a number within a series of its own (the file is named
  // `ARC-ADR-020-….md`) is the record's id, not its title; it is no number of the folder's one series either.
  const series = raw.includes('-ADR') || raw.includes('-adr') ? /^[A-Za-z][A-Za-z0-9]{0,9}-ADR[-_ ]?\d{1,6}\s*(?:[.:)]|\s[-–—|·•])\s+(.+)$/i.exec(raw) : null;
  if (series) return { title: series[1].trim(), number: null };
  // `Architecture Decision Record: Use X`, `ADR - Use X`: the kind of record named without a number.
  const named = /^(?:ADR|Architectur(?:e|al) Decision(?: Record)?|Decision Record)\s*(?::|\s[-–—|·•])\s+(.+)$/i.exec(raw);
  if (named) return { title: named[1].trim(), number: null };
  const bare = /^0*(\d{1,6})\s+(.+)$/.exec(raw);
  if (bare && fileNumber !== null && parseInt(bare[1], 10) === fileNumber) return { title: bare[2].trim(), number: fileNumber };
  return { title: raw.trim(), number: null };
}

/**
 * `[Superseded by [ADR-0019](0019-x.md)] Push metrics`, `[DEPRECATED] Use X`: a title that opens with the record's
 * status in brackets, as some teams mark a record no longer in force, is the rest. So is one that ends with it,
 * `Use X (superseded)`, `Use X [DEPRECATED]`, in an H1 or a front matter title alike.
 */
function withoutStatusMark(title: string): string {
  const last = title.charCodeAt(title.length - 1);
  if (last === 41 /* ) */ || last === 93 /* ] */) {
    const open = title.lastIndexOf(last === 41 ? '(' : '[');
    const before = open > 0 ? title.charCodeAt(open - 1) : 0;
    if ((before === 32 || before === 9) && STATUS_MARK.test(title.slice(open + 1, -1))) return title.slice(0, open).trimEnd();
  }
  if (title.charCodeAt(0) !== 91 /* [ */) return title;
  const m =
    /^\[\s*(?:super[sc]eded|deprecated|rejected|obsolete|withdrawn|draft|proposed|accepted)\b(?:[^[\]]|\[[^\]]*\](?:\([^)]*\))?)*\]\s*[-–—:]?\s+(?=\S)/i.exec(
      title,
    );
  return m ? title.slice(m[0].length) : title;
}

/** `superseded`, `DEPRECATED`, `Partially superseded`: the status in the brackets that close a title (after a space). */
const STATUS_MARK = /^\s*(?:(?:partially|partly)\s+)?(?:super[sc]eded|deprecated|rejected|obsolete|withdrawn)\s*$/i;

/** `Make a monorepo {#adr_0014}`: a heading id (Doxygen, Pandoc, kramdown) after a title is no part of it. */
function withoutHeadingId(title: string): string {
  return title.charCodeAt(title.length - 1) === 125 /* } */ ? title.replace(/\s+\{#[^{}\s]*\}$/, '') : title;
}

/** Whether a title is only the file's name without its extension, or that name without its number or date. */
function isFileSlug(title: string, name: string): boolean {
  const t = title.trim().toLowerCase();
  const stem = name.replace(/\.(md|markdown)$/i, '').toLowerCase();
  return (
    t === stem ||
    t ===
      stem
        .replace(/^\d{4}-?\d{2}-?\d{2}[-_]+/, '')
        .replace(DATE_PREFIX, '')
        .replace(/^(?:adr[-_ ]?)?\d+[-_]+/, '')
  );
}
