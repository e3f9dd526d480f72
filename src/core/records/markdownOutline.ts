import { ownCopy } from './ownCopy';

/**
 * A line scanner that finds what the index needs — the first H1, the lines
 * before the first H2, and the lines of chosen H2 sections — without a full
 * Markdown parse. Fenced code blocks are skipped so a `# comment` in a code
 * sample never becomes a title.
 */

export interface OutlineLine {
  text: string;
  /** 0-based line index in the file. */
  line: number;
}

export interface MarkdownOutline {
  title?: OutlineLine;
  /**
   * Lines before the first H2, the title's own line left out (MADR 2 bullets, Nygard `Date:`);
   * with the title in front matter (Hugo, Docusaurus) the bullets open the body.
   */
  preamble: OutlineLine[];
  /** Lower-case H2 heading → its lines, for the sections asked for. */
  sections: Map<string, OutlineLine[]>;
  /** Whether each of the headings asked for as `present` is an H2 (without keeping its lines). */
  present: Set<string>;
  /** Lines outside code fences that may hold a Markdown link (`](`, `[[`) or a link reference definition (`[x]: …`). */
  linkLines: OutlineLine[];
  /** Where each section in `sections` is headed and ends: the place a writer changes is the one read. */
  headings: Map<string, SectionHeading>;
  /** The heading level the sections were read at: 2, or 3 when asked ({@link OutlineOptions.sectionLevel}). */
  sectionLevel: number;
  /**
   * The document's sections are H3s: its first heading after the title (an H1, or a lone H2 no section is named
   * by) is an H3, and no other heading is an H1 or H2. Read again with `sectionLevel: 3` to take them.
   */
  h3Sections: boolean;
}

/** A section's heading, as {@link outlineMarkdown} found it; lines are 0-based lines of the file. */
export interface SectionHeading {
  /** The heading's line (an underlined heading's first line). */
  line: number;
  /** Its last line: the underline of a setext heading, else `line`. */
  last: number;
  level: number;
  /** The section's first line is written on the heading after a colon or dash (`## Status: Proposed`). */
  inline: boolean;
  /** The line of the heading that ends the section, -1 when it runs to the end of the document. */
  end: number;
  /** The line of the first deeper heading inside the section (`### Notes` under `## Status`), -1 when none. */
  sub: number;
}

export interface OutlineOptions {
  /**
   * A document whose first heading is an H2 (`## Metadata store`, or `A36: xDS servers` underlined with `----`) and
   * that has no H1 before it takes that H2 as its title, its lines up to the next heading as the preamble; unless
   * `notTitle` says the heading is a section's (`## Summary`).
   */
  h2Title?: boolean;
  notTitle?: (text: string) => boolean;
  /**
   * The document's sections are H3s (see {@link MarkdownOutline.h3Sections}): an H1, or with none an H2, before the
   * first section is the title; an H3 starts a section, and deeper headings are inside one.
   */
  sectionLevel?: 3;
}

/** Headings every dialect's sections have, besides the ones asked for: a lone H2 so named is a section, no title. */
const SECTION_NAMES: ReadonlySet<string> = new Set(['context', 'decision', 'consequences', 'status']);

/** Where the scanner is in the block structure, as far as headings care: setext underlines apply only to a plain paragraph. */
const enum Paragraph {
  None,
  /** A top-level paragraph: an underline below it makes it a setext heading. */
  Plain,
  /** A list item's or block quote's paragraph, and its lazy continuation lines: no setext heading. */
  Contained,
}

export function outlineMarkdown(
  body: string,
  firstLine: number,
  wantedSections: readonly string[],
  wantedPresent: readonly string[] = [],
  options?: OutlineOptions,
): MarkdownOutline {
  const sectionLevel = options?.sectionLevel ?? 2;
  const outline: MarkdownOutline = {
    preamble: [],
    sections: new Map(),
    present: new Set(),
    linkLines: [],
    headings: new Map(),
    sectionLevel,
    h3Sections: false,
  };
  // The next `](` in the body: a line can only hold an inline link when it is before the line's end.
  let nextLink = body.indexOf('](');
  // The next `[[`: a wiki link (`[[0012-use-x]]`), as notes apps write them.
  let nextWiki = body.indexOf('[[');
  // The next `<!--`, and where the HTML comment open over the lines being read ends (after its `-->`): a template's
  // guidance kept in a record (`<!-- If this supersedes one, add: ## Supersedes - [ADR-NNN](NNN-old.md) -->`) holds
  // no heading and no link.
  let nextComment = body.indexOf('<!--');
  let commentUntil = -1;
  // The comment open over the lines being read opened inside a paragraph (not an HTML block).
  let commentInline = false;
  // Inside an HTML comment that opened in the open list item.
  let itemHtml = false;
  let fence: string | undefined;
  let current = undefined as OutlineLine[] | undefined;
  // As log4brains reads header metadata: everything before the first H2, with or without an H1.
  let inPreamble = true;
  let seenH2 = false;
  let paragraph = Paragraph.None as Paragraph;
  let paragraphStart = 0;
  let paragraphLine = 0;
  // Where the paragraph's lines start in the list they were added to, so a setext heading can take them back.
  let paragraphTarget: OutlineLine[] | undefined;
  let paragraphTargetLength = 0;
  // The content column of the open list item (0: none); lines indented that far belong to the item, not the document.
  let itemIndent = 0;
  // The heading of the section being read (its end is set when the next one starts).
  let open: SectionHeading | undefined;
  // What says whether the sections are H3s: the levels of the first two headings, the headings at H2 or above that
  // are no title, and whether the title was the first heading.
  let headings = 0;
  let firstLevel = 0;
  let secondLevel = 0;
  let upper = 0;
  let firstUpper = '';
  let titleFirst = false;
  const closeSection = (lineNo: number): void => {
    if (open) open.end = lineNo;
    open = undefined;
  };
  // An H2 (or H1 after the title) starts a section; `## Status: Proposed` carries its first line.
  const startSection = (text: string, lineNo: number, level: number, last: number): OutlineLine[] | undefined => {
    seenH2 = true;
    inPreamble = false;
    closeSection(lineNo);
    const inline = sectionValue(text, wantedSections);
    const key = inline ? inline.key : normaliseHeading(text);
    if (wantedPresent.includes(key)) outline.present.add(key);
    if (!wantedSections.includes(key) || outline.sections.has(key)) return undefined;
    const lines: OutlineLine[] = inline ? [{ text: inline.value, line: lineNo }] : [];
    outline.sections.set(key, lines);
    open = { line: lineNo, last, level, inline: inline !== undefined, end: -1, sub: -1 };
    outline.headings.set(key, open);
    return lines;
  };
  const heading = (level: number, text: string, lineNo: number, setextLines = 1, last = lineNo): void => {
    headings++;
    if (headings === 1) firstLevel = level;
    else if (headings === 2) secondLevel = level;
    if ((level === 1 || (sectionLevel === 3 && level === 2 && !seenH2)) && !outline.title && text !== '') {
      outline.title = { text, line: lineNo };
      titleFirst = headings === 1;
      inPreamble = !seenH2;
      closeSection(lineNo);
      current = undefined;
    } else if (
      level === 2 &&
      !seenH2 &&
      !outline.title &&
      options?.h2Title &&
      text !== '' &&
      // An underlined paragraph of several lines (fields, then `---` as a rule) or a sentence is no title.
      setextLines === 1 &&
      !/[.!?]$/.test(text) &&
      !options.notTitle?.(text)
    ) {
      outline.title = { text, line: lineNo };
      closeSection(lineNo);
      current = undefined;
    } else if (level <= sectionLevel) {
      if (level <= 2 && upper++ === 0) firstUpper = text;
      current = startSection(text, lineNo, level, last);
    } else if (open && open.sub < 0) {
      open.sub = lineNo;
    }
  };
  let pos = 0;
  // The line before was blank (the document's start counts as one), and the lines being read are indented code.
  let lastBlank = true;
  let indentedCode = false;
  const startParagraph = (lineNo: number): void => {
    paragraph = Paragraph.Plain;
    paragraphStart = pos;
    paragraphLine = lineNo;
    paragraphTarget = current ?? (inPreamble ? outline.preamble : undefined);
    paragraphTargetLength = paragraphTarget?.length ?? 0;
  };
  // Walk line by line with indexOf: only the lines that matter are ever sliced out.
  for (let i = 0; pos <= body.length; i++) {
    let end = body.indexOf('\n', pos);
    if (end < 0) end = body.length;
    const next = end + 1;
    const contentEnd = end > pos && body.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const c = body.charCodeAt(pos);
    const lineNo = firstLine + i;
    if (nextLink >= 0 && nextLink < pos) nextLink = body.indexOf('](', pos);
    if (nextWiki >= 0 && nextWiki < pos) nextWiki = body.indexOf('[[', pos);
    const inComment = commentUntil > pos;
    if (nextComment >= 0 && nextComment < pos) nextComment = body.indexOf('<!--', pos);
    // An indented code block, as CommonMark reads one: four columns in after a blank line (or at the start), with no
    // paragraph open and outside any list item, and the lines after it that stay so indented. `    Supersedes [1. A](…)`
    // there is code: no section's line, no link.
    const indented = c === 32 || c === 9;
    const blank = pos === contentEnd || (indented && isBlank(body, pos, contentEnd));
    if (indented && !blank && !fence && !inComment && (indentedCode || (lastBlank && paragraph === Paragraph.None))) {
      const columns = indentColumnsAt(body, pos);
      if (columns >= 4 && (itemIndent === 0 || columns < itemIndent)) {
        indentedCode = true;
        itemIndent = 0;
        itemHtml = false;
        lastBlank = false;
        pos = next;
        continue;
      }
    }
    if (!blank) indentedCode = false;
    lastBlank = blank;
    // A line opening with `<!--` starts an HTML block, as CommonMark reads it: to the line holding `-->`, it holds no
    // heading and no paragraph, and the lines after its first hold no link.
    if (!inComment) commentInline = false;
    let htmlBlock = inComment && !commentInline;
    if (!inComment && !fence && nextComment >= 0 && nextComment < end) {
      if (nextComment - pos <= 3 && (itemIndent === 0 || nextComment - pos < itemIndent) && /^ *$/.test(body.slice(pos, nextComment))) {
        const close = body.indexOf('-->', nextComment + 4);
        if (close < 0 || close >= end) commentUntil = close < 0 ? body.length : close + 3;
        htmlBlock = true;
      } else if (c !== 35 /* # */ && !insideCodeSpan(body, pos, nextComment)) {
        // `Text <!-- a note` opened in a paragraph, closed on a later line of it: the lines up to `-->` are in the
        // comment (no link), though still the paragraph's. A blank line first ends the paragraph: `<!--` was text.
        const close = body.indexOf('-->', nextComment + 4);
        if (close >= end && !/\n[ \t]*\r?\n/.test(body.slice(end, close))) {
          commentUntil = close + 3;
          commentInline = true;
        }
      }
    }
    // The line's first link, inline or wiki (-1: none before the line's end).
    const firstLink = nextWiki >= 0 && nextWiki < end && (nextLink < 0 || nextWiki < nextLink) ? nextWiki : nextLink;
    if (
      !fence &&
      !(inComment && (commentUntil > end || firstLink < commentUntil)) &&
      ((firstLink >= 0 && firstLink < end) || (c === 91 /* [ */ && body.indexOf(']:', pos) < end && body.indexOf(']:', pos) > pos))
    ) {
      outline.linkLines.push({ text: body.slice(pos, contentEnd), line: lineNo });
    }
    if (htmlBlock) {
      paragraph = Paragraph.None;
      itemIndent = 0;
      if (current) current.push({ text: body.slice(pos, contentEnd), line: lineNo });
      else if (inPreamble) outline.preamble.push({ text: body.slice(pos, contentEnd), line: lineNo });
      pos = next;
      continue;
    }
    if (itemIndent > 0 && !fence && /\S/.test(body.slice(pos, contentEnd))) {
      const raw = body.slice(pos, contentEnd);
      const inside = indentColumns(raw) - itemIndent;
      if (inside >= 0 || (paragraph === Paragraph.Contained && !blockStart.test(raw))) {
        // Inside the list item, or a lazy continuation of its paragraph: never a heading of the document. A heading,
        // fence, rule or underline inside the item ends its paragraph, so the next unindented line is not lazy.
        const inner = raw.trimStart();
        // An HTML comment inside the item is no paragraph, to its end: the next unindented line is not lazy.
        if (itemHtml || (inside >= 0 && inside < 4 && inner.startsWith('<!--'))) {
          itemHtml = itemHtml ? !raw.includes('-->') : !inner.includes('-->', 4);
          paragraph = Paragraph.None;
        } else if (inside >= 4 || inside < 0) paragraph = paragraph === Paragraph.Contained ? Paragraph.Contained : Paragraph.None;
        else if (/^(?:#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|([-*_])(?:[ \t]*\1){2,}[ \t]*$)/.test(inner)) paragraph = Paragraph.None;
        else if (paragraph === Paragraph.Contained && /^(?:=+|-+)[ \t]*$/.test(inner)) paragraph = Paragraph.None;
        else paragraph = Paragraph.Contained;
        if (current) current.push({ text: raw, line: lineNo });
        else if (inPreamble) outline.preamble.push({ text: raw, line: lineNo });
        pos = next;
        continue;
      }
      itemIndent = 0;
      itemHtml = false;
    }
    if (fence || mayBeStructure(c)) {
      const raw = body.slice(pos, contentEnd);
      const fenceMatch = c === 32 || c === 96 || c === 126 ? /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(raw) : null;
      if (fence) {
        // A closing fence: the same character, at least as long, and no info string.
        if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && /^[ \t]*$/.test(fenceMatch[2])) fence = undefined;
        pos = next;
        continue;
      }
      // CommonMark: a backtick fence's info string holds no backtick.
      if (fenceMatch && !(fenceMatch[1][0] === '`' && fenceMatch[2].includes('`'))) {
        fence = fenceMatch[1];
        paragraph = Paragraph.None;
        pos = next;
        continue;
      }
      const atx = c === 35 || c === 32 ? atxHeading(raw) : undefined;
      if (atx) {
        paragraph = Paragraph.None;
        heading(atx.level, atx.text, lineNo);
        pos = next;
        continue;
      }
      const underline = paragraph === Paragraph.Plain ? /^ {0,3}(=+|-+)[ \t]*$/.exec(raw) : null;
      if (underline) {
        const lines = body
          .slice(paragraphStart, pos)
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
        paragraph = Paragraph.None;
        // `Author: Ada` / `Status: Draft` then `---`: in a design doc, lines of fields over a rule are the fields, not
        // a heading (CommonMark reads a heading; their authors meant a rule).
        if (options?.h2Title && lines.length > 1 && underline[1][0] === '-') {
          pos = next;
          continue;
        }
        // Setext heading: the whole paragraph above is its text, and its lines were not content after all.
        if (paragraphTarget) paragraphTarget.length = paragraphTargetLength;
        const text = lines.join(' ');
        heading(underline[1][0] === '=' ? 1 : 2, text, paragraphLine, lines.length, lineNo);
        pos = next;
        continue;
      }
      if (!/\S/.test(raw)) paragraph = Paragraph.None;
      else if (/^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(raw))
        paragraph = Paragraph.None; // thematic break
      else if (paragraph !== Paragraph.Plain || interruptsParagraph(raw)) {
        const container = /^( {0,3})(>|[-*+]|\d{1,9}[.)])([ \t]*)(.?)/.exec(raw);
        if (container && (container[2] === '>' || container[3] !== '' || container[4] === '')) {
          // A block quote or list item: its paragraph, and lazy lines after it, never make a setext heading.
          paragraph = container[4] !== '' ? Paragraph.Contained : Paragraph.None;
          if (container[2] !== '>') {
            const gap = container[4] === '' || container[3].length > 4 ? 1 : container[3].length;
            itemIndent = container[1].length + container[2].length + gap;
          }
        } else if (paragraph === Paragraph.None && !/^(?: {4}|\t)/.test(raw)) {
          startParagraph(lineNo); // (four spaces or a tab with no paragraph open is indented code)
        }
      }
    } else if (contentEnd === pos || !/\S/.test(body.slice(pos, contentEnd))) {
      paragraph = Paragraph.None;
    } else if (paragraph === Paragraph.None) {
      startParagraph(lineNo);
    }
    if (current) current.push({ text: body.slice(pos, contentEnd), line: lineNo });
    else if (inPreamble) outline.preamble.push({ text: body.slice(pos, contentEnd), line: lineNo });
    pos = next;
  }
  // `# AD-001 Title` then `### Status`, `### Context`; `## Decision ADR-099` then `### Status`; or H3s alone.
  if (sectionLevel === 2 && !options?.h2Title)
    outline.h3Sections = outline.title
      ? titleFirst && upper === 0 && secondLevel === 3
      : (upper === 0 && firstLevel === 3) || (upper === 1 && firstLevel === 2 && secondLevel === 3 && !namesSection(firstUpper, wantedSections, wantedPresent));
  return outline;
}

/**
 * A section heading that carries its first line, as the readers take it: `Status: Proposed` (any section asked for,
 * after a colon), `Status — Accepted` (the status alone, one word, after a dash between spaces) → the section's key
 * and that line. `at` is where the value starts in the heading's text.
 */
export function sectionValue(text: string, wanted: readonly string[]): { key: string; value: string; at: number } | undefined {
  const colon = text.indexOf(':');
  if (colon > 0) {
    const key = normaliseHeading(text.slice(0, colon));
    const value = text.slice(colon + 1).trimStart();
    if (value !== '' && wanted.includes(key)) return { key, value, at: text.length - value.length };
  }
  const dash = text.includes('-') || text.includes('\u2013') || text.includes('\u2014') ? DASH_SEPARATOR.exec(text) : null;
  if (dash && wanted.includes('status') && normaliseHeading(text.slice(0, dash.index)) === 'status') {
    const value = text.slice(dash.index + dash[0].length).trimStart();
    if (ONE_WORD.test(value)) return { key: 'status', value, at: text.length - value.length };
  }
  return undefined;
}

/** ` - `, ` – `, ` — `: a dash between spaces. */
const DASH_SEPARATOR = /\s[-\u2013\u2014]\s/;
/** `Accepted`, `**Proposed**`, `In-progress`: one word, emphasised or not. */
const ONE_WORD = /^(?:\*\*|__|\*|_)?\p{L}[\p{L}-]*(?:\*\*|__|\*|_)?$/u;

/** Whether a heading names a section (`Context`, `Status: Accepted`), so it is no title. */
function namesSection(text: string, wanted: readonly string[], present: readonly string[]): boolean {
  if (sectionValue(text, wanted)) return true;
  const key = normaliseHeading(text);
  return SECTION_NAMES.has(key) || wanted.includes(key) || present.includes(key);
}

/**
 * Where an ATX heading's text is on its line (`## Status: Proposed ##` → the span of `Status: Proposed`), as
 * {@link outlineMarkdown} reads it; undefined when the line is no ATX heading.
 */
export function atxHeadingText(raw: string): { start: number; end: number; level: number } | undefined {
  const h = atxHeading(raw);
  if (!h) return undefined;
  let i = 0;
  while (i < 3 && raw.charCodeAt(i) === 32) i++;
  const start = h.text === '' ? raw.length : raw.indexOf(h.text, i + h.level);
  return { start, end: start + h.text.length, level: h.level };
}

/** Only lines starting with a space, tab, `#`, a fence, an underline, a list or quote marker or a digit can change the structure. */
function mayBeStructure(c: number): boolean {
  return (
    c === 35 || c === 32 || c === 9 || c === 96 || c === 126 || c === 45 || c === 61 || c === 42 || c === 43 || c === 62 || c === 95 || (c >= 48 && c <= 57)
  );
}

// Lines that start a block of their own, so they end a list item's paragraph instead of continuing it lazily (a
// backtick fence's info string holds no backtick; an HTML comment interrupts a paragraph).
const blockStart = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|`{3,}[^`]*$|~{3,}|<!--|>|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|([-*_])(?:[ \t]*\1){2,}[ \t]*$)/;

/** The column of a line's first non-blank character (a tab to the next multiple of four). */
function indentColumns(raw: string): number {
  let column = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charCodeAt(i);
    if (ch === 32) column++;
    else if (ch === 9) column += 4 - (column % 4);
    else break;
  }
  return column;
}

/** The column of the first non-blank character of the line at `pos`, as {@link indentColumns}. */
function indentColumnsAt(body: string, pos: number): number {
  let column = 0;
  for (let i = pos; i < body.length; i++) {
    const ch = body.charCodeAt(i);
    if (ch === 32) column++;
    else if (ch === 9) column += 4 - (column % 4);
    else break;
  }
  return column;
}

/** Whether the line from `pos` to `end` holds only spaces and tabs. */
function isBlank(body: string, pos: number, end: number): boolean {
  for (let i = pos; i < end; i++) {
    const ch = body.charCodeAt(i);
    if (ch !== 32 && ch !== 9) return false;
  }
  return true;
}

/** Whether a line ends a plain paragraph instead of continuing it: a block quote, or a list item that may interrupt one. */
function interruptsParagraph(raw: string): boolean {
  return /^ {0,3}(?:>|[-*+][ \t]+\S|1[.)][ \t]+\S)/.test(raw);
}

/** `## Status ##` → level 2, text `Status`; undefined when the line is not an ATX heading. */
function atxHeading(raw: string): { level: number; text: string } | undefined {
  let i = 0;
  while (i < 3 && raw.charCodeAt(i) === 32) i++;
  let level = 0;
  while (raw.charCodeAt(i + level) === 35) level++;
  if (level === 0 || level > 6) return undefined;
  const after = raw.charCodeAt(i + level);
  if (!(after !== after || after === 32 || after === 9)) return undefined; // NaN: end of line
  let text = raw.slice(i + level).trim();
  if (text.endsWith('#')) text = text.replace(/(^|[ \t]+)#+$/, '').trim();
  return { level, text };
}

/** Whether `at` on the line from `lineStart` is inside a code span (`` `<!--` `` is text, no comment): an odd number of backticks before it. */
function insideCodeSpan(body: string, lineStart: number, at: number): boolean {
  let ticks = 0;
  for (let i = body.indexOf('`', lineStart); i >= 0 && i < at; i = body.indexOf('`', i + 1)) ticks++;
  return ticks % 2 === 1;
}

/**
 * Nygard's and MADR's section headings as records written in German, French, Portuguese and Spanish name them, and
 * Nygard's as records written in Chinese, Japanese and Korean name them (lower case, NFC).
 */
const TRANSLATED_HEADINGS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    status: ['statut', 'estado', 'situação', '状态', 'ステータス', '状態', '상태'],
    date: ['datum', 'fecha', '日期', '日付', '날짜'],
    context: ['kontext', 'contexte', 'contexto', '背景', '上下文', 'コンテキスト', '文脈', '맥락', '배경', '컨텍스트'],
    decision: ['entscheidung', 'décision', 'decisão', 'decisión', '决策', '決定', '결정'],
    consequences: ['konsequenzen', 'conséquences', 'consequências', 'consecuencias', '后果', '结果', '結果', '影響', '결과', '영향'],
    // MADR's two required sections, as its template is translated.
    'context and problem statement': [
      'kontext und problemstellung',
      'contexte et énoncé du problème',
      'contexto e declaração do problema',
      'contexto y planteamiento del problema',
    ],
    'decision outcome': ['entscheidungsergebnis', 'résultat de la décision', 'resultado da decisão', 'resultado de la decisión'],
  }).flatMap(([heading, words]) => words.map((w): [string, string] => [w, heading])),
);

/** Headings repeat from record to record (`Status`, `Context`, …): each is normalised once. */
const normalisedHeadings = new Map<string, string>();
const NORMALISED_HEADINGS_MAX = 4096;

/**
 * A section heading as the readers compare it: no emphasis marks, comments, ids or numbering, in lower case; a
 * translated Status, Context, Decision or Consequences heading (`## Kontext`, `## Décision`), or MADR's Context and
 * Problem Statement or Decision Outcome (`## Contexte et énoncé du problème`), is the English one.
 */
export function normaliseHeading(text: string): string {
  let normalised = normalisedHeadings.get(text);
  if (normalised === undefined) {
    normalised = normaliseHeadingText(text);
    if (normalisedHeadings.size >= NORMALISED_HEADINGS_MAX) normalisedHeadings.clear();
    // Kept as a string of its own: the heading is sliced out of a file's text, which a key would keep alive (a cache
    // of 4,096 headings, each holding its file, is megabytes).
    normalisedHeadings.set(ownCopy(text), normalised);
  }
  return normalised;
}

function normaliseHeadingText(text: string): string {
  const key = text
    // MADR 2's template marks sections `## Links <!-- optional -->`; Jekyll and Pandoc give one an id: `## Status {#status}`.
    .replace(/<!--.*?(?:-->|$)|\s\{#[^}]*\}\s*$/g, '')
    .replace(/[*_`:]/g, '')
    .trim()
    // Numbered sections: `## 1. Status`, `## 2) Context`.
    .replace(/^\d{1,2}(?:\.\d{1,2})*[.)]?\s+(?=\p{L})/u, '')
    .toLowerCase();
  if (!/[^\x20-\x7e]/.test(key)) return TRANSLATED_HEADINGS.get(key) ?? key;
  const composed = key.normalize('NFC');
  const translated = TRANSLATED_HEADINGS.get(composed);
  if (translated) return translated;
  // `背景 (Context)`, `決定 / Decision`: a heading in another language with the English name beside it is that one.
  const beside = /^[^()/]*[^\x20-\x7e][^()/]*?\s*(?:\(\s*([A-Za-z][A-Za-z -]*?)\s*\)|\/\s*([A-Za-z][A-Za-z -]*?))\s*$/.exec(composed);
  return beside ? (beside[1] ?? beside[2]) : key;
}

/** Text without Markdown emphasis and inline code marks, for titles and statuses. */
export function plainText(s: string): string {
  if (!/[*_`[~]/.test(s)) return s.trim();
  return (
    s
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|\*|`|~~)(.+?)\1/g, '$2')
      // `_` marks emphasis only at word boundaries: `user_id` and `__init__` keep theirs.
      .replace(/(^|[^\p{L}\p{N}_])(__|_)(?=\S)(.+?)(?<=\S)\2(?![\p{L}\p{N}_])/gu, '$1$3')
      .trim()
  );
}
