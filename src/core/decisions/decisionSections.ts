import { frontMatterBodyAndLine } from '../records/frontMatterFences';
import { MarkdownOutline, OutlineLine, atxHeadingText, outlineMarkdown, sectionValue } from '../records/markdownOutline';

/**
 * A decision record's sections as the reader takes them and the writers change them: one outline, so a status or
 * link is written under the very heading it is read from (never a `## Status` in a code block, nor an H3 Status
 * inside another section).
 */

/** The sections the reader takes lines from. */
export const DECISION_SECTIONS = ['status', 'links', 'date', 'supersedes', 'superseded by', 'metadata'] as const;
/** MADR's two required sections name a MADR record that has no status or deciders to tell it by. */
export const MADR_SECTIONS = ['context and problem statement', 'decision outcome'] as const;

/**
 * A decision record's body outlined: its sections are H2s (an H1 after the title too), or H3s when the record is
 * written so (`# AD-001 Title`, then `### Status`, `### Context`, and no H2 anywhere).
 */
export function outlineDecision(body: string, bodyLine: number): MarkdownOutline {
  const outline = outlineMarkdown(body, bodyLine, DECISION_SECTIONS, MADR_SECTIONS);
  return outline.h3Sections ? outlineMarkdown(body, bodyLine, DECISION_SECTIONS, MADR_SECTIONS, { sectionLevel: 3 }) : outline;
}

/** A whole file's text outlined as the reader outlines it (front matter and a byte order mark left out; lines are the file's). */
export function outlineDecisionText(text: string): MarkdownOutline {
  const { body, bodyLine } = frontMatterBodyAndLine(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return outlineDecision(body, bodyLine);
}

/** Where a section is in a file, in 0-based lines of `text.split('\n')`. */
export interface SectionPlace {
  /** The heading's line (an underlined heading's first line). */
  heading: number;
  /** The heading's last line (an underline); the section's own lines follow it. */
  last: number;
  /** The line of the heading that ends the section, or the number of lines when it runs to the end. */
  end: number;
  /**
   * Where a line added at the end of the section goes, as adr-tools adds one: before the first heading after the
   * section's (a `### Notes` inside it, else the next section's); the number of lines when there is none.
   */
  close: number;
  /** The section's lines as the reader reads them: no line of a code block, no sub-heading. */
  lines: OutlineLine[];
  /**
   * The section's first line written on its heading (`## Status: Proposed`, `## **Status:** Proposed`,
   * `## Status — Accepted`): `start`–`end` is the value less emphasis around it, `from`–`to` with it.
   */
  value?: { line: number; start: number; end: number; from: number; to: number };
}

/**
 * The record's section the reader reads as `key` (its first), where the writers change it; undefined when the
 * reader finds none, or (an underlined heading spread over lines) its value cannot be told apart on one line.
 */
export function decisionSection(text: string, key: 'status' | 'links', outline: MarkdownOutline = outlineDecisionText(text)): SectionPlace | undefined {
  const heading = outline.headings.get(key);
  const lines = outline.sections.get(key);
  if (!heading || !lines) return undefined;
  const count = lineCount(text);
  const end = heading.end < 0 ? count : heading.end;
  const place: SectionPlace = { heading: heading.line, last: heading.last, end, close: heading.sub < 0 ? end : heading.sub, lines };
  if (!heading.inline) return place;
  const split = text.split('\n', heading.last + 1);
  // A byte order mark opens the first line, not its heading (the outline reads past it).
  const bom = split[0].charCodeAt(0) === 0xfeff ? 1 : 0;
  if (bom) split[0] = split[0].slice(1);
  const value = headingValue(split, heading.line, heading.last);
  if (!value) return undefined;
  if (bom && value.line === 0) {
    value.start++;
    value.end++;
    value.from++;
    value.to++;
  }
  place.value = value;
  place.lines = lines.slice(1);
  return place;
}

/** The value on a heading's line (`Proposed` of `## Status: Proposed ##`), found as the reader splits the heading's text. */
function headingValue(lines: string[], first: number, last: number): SectionPlace['value'] {
  const bare = (i: number): string => lines[i].replace(/\r$/, '');
  let line = first;
  let start: number;
  let end: number;
  if (first === last) {
    const span = atxHeadingText(bare(first));
    if (!span) return undefined;
    const split = sectionValue(bare(first).slice(span.start, span.end), DECISION_SECTIONS);
    if (!split) return undefined;
    start = span.start + split.at;
    end = span.end;
  } else {
    // An underlined heading: its text is its lines joined; the value must be on its last line to be written there.
    const texts = lines.slice(first, last).map((l) => l.replace(/\r$/, '').trim());
    const joined = texts.filter(Boolean).join(' ');
    const split = sectionValue(joined, DECISION_SECTIONS);
    if (!split) return undefined;
    line = last - 1;
    while (line > first && bare(line).trim() === '') line--;
    const own = bare(line);
    const trimmed = own.trim();
    if (!joined.endsWith(trimmed) || split.at < joined.length - trimmed.length) return undefined;
    const lead = own.length - own.trimStart().length;
    start = lead + trimmed.length - (joined.length - split.at);
    end = lead + trimmed.length;
  }
  const raw = bare(line);
  // `**Status:** Proposed`: the emphasis closing the key is no part of the value.
  const closer = /^(?:\*\*|__|\*|_)[ \t]+/.exec(raw.slice(start, end));
  if (closer) start += closer[0].length;
  const from = start;
  const to = end;
  // `Status: **Proposed**`: the emphasis around the value stays around the new one.
  const wrapped = /^(\*\*|__|\*|_)(?=\S)(.*\S)\1$/.exec(raw.slice(start, end));
  if (wrapped) {
    start += wrapped[1].length;
    end -= wrapped[1].length;
  }
  return { line, start, end, from, to };
}

/** The heading level the record's sections are written at (2, or 3), for a section added to it. */
export function decisionSectionLevel(text: string): number {
  return outlineDecisionText(text).sectionLevel;
}

/**
 * The line of the MADR 2 / log4brains `* Status:` bullet the reader reads (in the lines under the title, or a
 * `## Metadata` section), matched by `bullet`; -1 when there is none. A bullet in a code block or another section is not it.
 */
export function statusBulletLine(text: string, bullet: RegExp): number {
  const outline = outlineDecisionText(text);
  const fields = [...outline.preamble, ...(outline.sections.get('metadata') ?? [])];
  return fields.find((l) => bullet.test(l.text))?.line ?? -1;
}

/** The lines of `text.split('\n')` less the empty one after a final newline. */
function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}
