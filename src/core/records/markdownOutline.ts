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
  /** Lines between the title and the first H2 (MADR 2 bullets, Nygard `Date:`). */
  preamble: OutlineLine[];
  /** Lower-case H2 heading → its lines, for the sections asked for. */
  sections: Map<string, OutlineLine[]>;
  /** Lines outside code fences that may hold a Markdown link (`](`) or a link reference definition (`[x]: …`). */
  linkLines: OutlineLine[];
}

export function outlineMarkdown(body: string, firstLine: number, wantedSections: readonly string[]): MarkdownOutline {
  const outline: MarkdownOutline = { preamble: [], sections: new Map(), linkLines: [] };
  // The next `](` in the body: a line can only hold an inline link when it is before the line's end.
  let nextLink = body.indexOf('](');
  let fence: string | undefined;
  let current: OutlineLine[] | undefined = undefined;
  let inPreamble = false;
  let seenH2 = false;
  // An H2 (or H1 after the title) starts a section; `## Status: Accepted` carries its first line.
  const startSection = (text: string, lineNo: number): OutlineLine[] | undefined => {
    seenH2 = true;
    inPreamble = false;
    const inline = /^([^:]+):\s*(.+)$/.exec(text);
    const key = normaliseHeading(inline && wantedSections.includes(normaliseHeading(inline[1])) ? inline[1] : text);
    if (!wantedSections.includes(key) || outline.sections.has(key)) return undefined;
    const lines: OutlineLine[] = inline && key === normaliseHeading(inline[1]) ? [{ text: inline[2], line: lineNo }] : [];
    outline.sections.set(key, lines);
    return lines;
  };
  // Walk line by line with indexOf: only the lines that matter are ever sliced out.
  let pos = 0;
  for (let i = 0; pos <= body.length; i++) {
    let end = body.indexOf('\n', pos);
    if (end < 0) end = body.length;
    const next = end + 1;
    const contentEnd = end > pos && body.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const c = body.charCodeAt(pos);
    // Most lines are prose: only lines starting with a space, '#', '`' or '~' can be headings or fences.
    const maybeStructure = c === 35 /* # */ || c === 32 || c === 96 /* ` */ || c === 126; /* ~ */
    const lineNo = firstLine + i;
    if (nextLink >= 0 && nextLink < pos) nextLink = body.indexOf('](', pos);
    if (!fence && ((nextLink >= 0 && nextLink < end) || (c === 91 /* [ */ && body.indexOf(']:', pos) < end && body.indexOf(']:', pos) > pos))) {
      outline.linkLines.push({ text: body.slice(pos, contentEnd), line: lineNo });
    }
    if (maybeStructure) {
      const raw = body.slice(pos, contentEnd);
      const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
      if (fenceMatch) {
        if (!fence) fence = fenceMatch[1];
        else if (fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
        pos = next;
        continue;
      }
      const heading = fence ? undefined : atxHeading(raw);
      if (heading) {
        const { level, text } = heading;
        if (level === 1 && !outline.title && text !== '') {
          outline.title = { text, line: lineNo };
          inPreamble = !seenH2;
          current = undefined;
          pos = next;
          continue;
        }
        if (level <= 2) {
          current = startSection(text, lineNo);
          pos = next;
          continue;
        }
      }
    }
    if (fence) {
      pos = next;
      continue;
    }
    if (!outline.title && !seenH2 && contentEnd > pos && next < body.length) {
      // Setext H1: "Title" underlined with "===".
      let underlineEnd = body.indexOf('\n', next);
      if (underlineEnd < 0) underlineEnd = body.length;
      if (/^ {0,3}=+\s*$/.test(body.slice(next, underlineEnd))) {
        outline.title = { text: body.slice(pos, contentEnd).trim(), line: lineNo };
        inPreamble = true;
        pos = underlineEnd + 1;
        i++;
        continue;
      }
    }
    // Only a line followed by one starting with '-' (or up to three spaces) can be a setext H2.
    const nextChar = body.charCodeAt(next);
    if ((nextChar === 45 || nextChar === 32) && contentEnd > pos && !/^\s*[-*+>|]/.test(body.slice(pos, Math.min(contentEnd, pos + 4)))) {
      // Setext H2: a one-line paragraph underlined with "---".
      let underlineEnd = body.indexOf('\n', next);
      if (underlineEnd < 0) underlineEnd = body.length;
      const blankBefore = pos === 0 || /^\s*$/.test(previousLine(body, pos));
      if (blankBefore && /^ {0,3}-{2,}\s*$/.test(body.slice(next, underlineEnd))) {
        current = startSection(body.slice(pos, contentEnd).trim(), lineNo);
        pos = underlineEnd + 1;
        i++;
        continue;
      }
    }
    if (current) current.push({ text: body.slice(pos, contentEnd), line: lineNo });
    else if (inPreamble) outline.preamble.push({ text: body.slice(pos, contentEnd), line: lineNo });
    pos = next;
  }
  return outline;
}

function previousLine(body: string, pos: number): string {
  const end = pos - 1;
  const start = body.lastIndexOf('\n', end - 1) + 1;
  return body.slice(start, end);
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

function normaliseHeading(text: string): string {
  return text.replace(/[*_`:]/g, '').trim().toLowerCase();
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
