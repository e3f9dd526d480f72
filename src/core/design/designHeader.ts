import { dateInText, normaliseDate } from '../records/dates';
import { OutlineLine, plainText } from '../records/markdownOutline';
import { isStatusChoices, isTemplatePlaceholder } from '../decisions/status';

/**
 * The fields a design doc or RFC writes at its top instead of front matter, as RFC processes and design templates
 * lay them out: a list (`- Feature Name: x`, `- Start Date: 2017-08-02`, `- RFC PR: [#2094](…/pull/2094)`,
 * `* Status: **Implemented (Swift 5.1)**`), lines (`Author: Ada`, `Last updated: September 2, 2015`), bold names
 * (`**Status:** implemented`, `* **Owners:**` with the names listed below it) or a two-column table
 * (`| **Authors** | Ada |`).
 */
export interface DesignHeader {
  title?: string;
  status?: string;
  /** The day the doc was last updated, and the day it was started or created. */
  updated?: string;
  created?: string;
  authors: string[];
  reviewers: string[];
  approvers: string[];
  pullRequests: string[];
}

type FieldKind = 'title' | 'status' | 'otherStatus' | 'updated' | 'created' | 'authors' | 'reviewers' | 'approvers' | 'pullRequest' | 'implementation';

/** Field names (lower case, `(s)` and marks dropped) → what they hold. */
const FIELDS: ReadonlyMap<string, FieldKind> = new Map([
  ['feature name', 'title'],
  ['feature', 'title'],
  ['proposal name', 'title'],
  ['name', 'title'],
  ['title', 'title'],
  ['status', 'status'],
  ['state', 'status'],
  ['implementation status', 'otherStatus'],
  ['last updated', 'updated'],
  ['last update', 'updated'],
  ['updated', 'updated'],
  ['last modified', 'updated'],
  ['start date', 'created'],
  ['created', 'created'],
  ['created on', 'created'],
  ['creation date', 'created'],
  ['date created', 'created'],
  ['date', 'created'],
  ['author', 'authors'],
  ['authors', 'authors'],
  ['owner', 'authors'],
  ['owners', 'authors'],
  ['co-authors', 'authors'],
  ['reviewer', 'reviewers'],
  ['reviewers', 'reviewers'],
  ['review manager', 'reviewers'],
  ['approver', 'approvers'],
  ['approvers', 'approvers'],
  ['rfc pr', 'pullRequest'],
  ['rfc pull request', 'pullRequest'],
  ['pull request', 'pullRequest'],
  ['pr', 'pullRequest'],
  ['discussion pr', 'pullRequest'],
  ['proposal pr', 'pullRequest'],
  ['implementation', 'implementation'],
  ['implementation pr', 'pullRequest'],
]);

/**
 * `- Status: Draft`, `* **Owners:**`, `**Start Date**: 2023-06-30`, `> Author: Ada`: a field's name at the start of a
 * line (a list item's or a quote's), in bold or not, then its colon (inside the bold or after it).
 */
const FIELD_LINE = /^\s*(?:>\s*)*(?:[-*+]\s+)?(\*\*|__)?([A-Za-z][A-Za-z ()-]{0,30}?)\s*(?::\s*\1|\1\s*:|:)(?:\s+|$)(.*)$/;

/**
 * `| **Status** | Draft |`, `|**Author(s)**: | Ada |`: a two-column table row naming a field, as `[row, '', name,
 * value]` (the shape of a field line's match). Cut at its bars, not by a pattern: a pattern with several runs of
 * optional spaces in a row takes exponential time on a line of spaces (an ASCII diagram).
 */
function tableRow(text: string): [string, string, string, string] | null {
  const trimmed = text.trim();
  if (trimmed.charCodeAt(0) !== 124 /* | */) return null;
  const cells = trimmed.slice(1).split('|');
  // `| name | value |`: the name, the value, and what follows the closing bar (nothing, or more cells).
  if (cells.length < 3) return null;
  const name = cells[0]
    .trim()
    .replace(/^(\*\*|__)(.*?)\1?$/, '$2')
    .replace(/:?\s*(?:\*\*|__)?\s*:?$/, '')
    .trim();
  if (!/^[A-Za-z][A-Za-z ()-]{0,30}$/.test(name)) return null;
  return [text, '', name, cells[1]];
}

/** The key a field name is known by: `Author(s)` → `author`, `**RFC PR**` → `rfc pr`, `Co-Authors` → `co-authors`. */
function fieldKey(name: string): string {
  return name
    .replace(/\(s\)$/i, '')
    .replace(/\s+#$/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Reads the header fields out of the lines at a design doc's top; a field written twice counts the first time. */
export function readDesignHeader(lines: readonly OutlineLine[]): DesignHeader {
  const out: DesignHeader = { authors: [], reviewers: [], approvers: [], pullRequests: [] };
  const seen = new Set<FieldKind>();
  let otherStatus: string | undefined;
  // The fields are a block at the top: prose once they have begun (or before any, after a line or two) ends them, so a
  // `Status: we think…` or `| State | Meaning |` further down the doc is its text, not a field.
  let fields = 0;
  let prose = 0;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    if (text.trim() === '' || /^\s*\|[\s:|-]*\|?\s*$/.test(text)) continue;
    // Every field has its colon or its table cell: most lines (prose) are passed over at once.
    const row = text.includes('|') ? tableRow(text) : null;
    const m = row ? null : text.includes(':') ? FIELD_LINE.exec(text) : null;
    if (!row && !m) {
      if (fields > 0 || ++prose > 2) break;
      continue;
    }
    // A field of another name (`- Rust Issue: …`, a table's `| Field | Value |` heading row) goes on with the block.
    const kind = FIELDS.get(fieldKey(row ? row[2] : m![2]));
    if (kind === undefined) continue;
    fields++;
    if (seen.has(kind) && kind !== 'pullRequest' && kind !== 'implementation') continue;
    let value = (row ? row[3] : m![3]).trim();
    // A list item's value goes on over the lines indented under it (`* Author(s): [Eric](…), [Doug\n  Fawley](…)`),
    // and a field with nothing after its name lists its values below (`* **Owners:**` then `  * Ada`).
    if (!row) {
      const indent = /^\s*/.exec(text)![0].length;
      while (i + 1 < lines.length && continues(lines[i + 1].text, indent)) {
        i++;
        const next = lines[i].text.trim().replace(/^[-*+]\s+/, '');
        value = value === '' ? next : /^[-*+]\s/.test(lines[i].text.trim()) ? `${value}, ${next}` : `${value} ${next}`;
      }
    }
    value = value.replace(/<!--.*?(?:-->|$)/g, '').trim();
    if (value === '' || isTemplatePlaceholder(value)) continue;
    seen.add(kind);
    switch (kind) {
      case 'title':
        out.title ??= plainText(value);
        break;
      case 'status':
        if (!isStatusChoices(value) && isStatusValue(value)) out.status = value;
        break;
      case 'otherStatus':
        otherStatus ??= value;
        break;
      case 'updated':
      case 'created': {
        const day = normaliseDate(plainText(value)) ?? dateInText(value);
        if (day) out[kind] = day;
        break;
      }
      case 'authors':
      case 'reviewers':
      case 'approvers':
        for (const name of personNames(value)) if (!out[kind].includes(name)) out[kind].push(name);
        break;
      case 'pullRequest':
      case 'implementation':
        for (const ref of pullRequestRefs(value, kind === 'pullRequest')) if (!out.pullRequests.includes(ref)) out.pullRequests.push(ref);
        break;
    }
  }
  if (out.status === undefined && otherStatus !== undefined && !isStatusChoices(otherStatus)) out.status = otherStatus;
  return out;
}

/** Whether a line goes on with the field above: indented further (a wrapped value, or the names listed under it). */
function continues(next: string, indent: number): boolean {
  return next.trim() !== '' && /^\s*/.exec(next)![0].length > indent;
}

/**
 * A status as a header gives one: a few words (`Implemented (Swift 5.1)`, `Accepted, revision 1.1`), not a sentence
 * (`we think the index is fine, but latency is not.`), nor a word holding its place (`TBD`, `see below`).
 */
export function isStatusValue(value: string): boolean {
  const plain = plainText(value).trim();
  if (/^(?:tbd|tba|tbc|todo|n\/?a|none|unknown|see below|see above|\?+|-+)$/i.test(plain)) return false;
  const words = plain
    .replace(/\([^)]*\)/g, '')
    .split(/[\s,;]+/)
    .filter(Boolean);
  return words.length <= 5 && !/[.!?]$/.test(plain.replace(/\([^)]*\)$/, '').trim());
}

/** Words that hold a place for names not written yet. */
const NO_NAME = /^(?:tbd|tba|todo|n\/?a|none|-+|\?+|\(.*\)|<.*>|\{.*\}|\[.*\])$/i;

/**
 * `[Doug Gregor](https://github.com/DougGregor), [Joe Groff](…)`, `Ada; Grace and Linus`, `@fricklerhandwerk
 * @yorickvp` → each name. Names are split at commas, semicolons and a last `and`; handles written one after another
 * are each a name. A name keeps what is written beside it (`Muvaffak Onuş (@muvaf)`, `Ada <ada@example.com>`).
 */
export function personNames(value: string): string[] {
  const names: string[] = [];
  for (const part of plainText(value).split(/\s*[,;]\s*|\s+and\s+|\s+&\s+/)) {
    const p = part
      .trim()
      .replace(/^(?:and|&)\s+/, '')
      .replace(/[.]$/, '')
      .trim();
    if (p === '' || NO_NAME.test(p)) continue;
    if (/^@[\w.-]+(?:\s+@[\w.-]+)+$/.test(p)) names.push(...p.split(/\s+/));
    else names.push(p);
  }
  return names;
}

/** A pull or merge request's address on a forge. */
const PULL_URL = /https?:\/\/[^\s)\]>"']+\/(?:pull|pulls|merge_requests|pullrequest)\/\d+/g;

/**
 * The pull requests a field names: their addresses (`[#19577](https://…/pull/19577)`), else, for a field that names
 * pull requests only (`RFC PR: #6067`, `rust-lang/rfcs#2094`), their short forms. `(leave this empty)` names none.
 */
function pullRequestRefs(value: string, shortForms: boolean): string[] {
  const urls = value.match(PULL_URL);
  if (urls) return urls;
  if (!shortForms) return [];
  return (
    plainText(value)
      .match(/(?:^|[\s,(])((?:[\w.-]+\/[\w.-]+)?#\d+)(?=$|[\s,)])/g)
      ?.map((s) => s.replace(/^[\s,(]/, '')) ?? []
  );
}
