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
}

export function outlineMarkdown(body: string, firstLine: number, wantedSections: readonly string[]): MarkdownOutline {
  // A plain string split is several times cheaper than a regex one; \r is dropped per line.
  const lines = body.split('\n');
  const outline: MarkdownOutline = { preamble: [], sections: new Map() };
  let fence: string | undefined;
  let current: OutlineLine[] | undefined = undefined;
  let inPreamble = false;
  let seenH2 = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1];
      else if (fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (fence) continue;
    const heading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$/.exec(raw);
    const lineNo = firstLine + i;
    if (heading) {
      const level = heading[1].length;
      const text = (heading[2] ?? '').replace(/[ \t]+#+$/, '').trim();
      if (level === 1 && !outline.title && text !== '') {
        outline.title = { text, line: lineNo };
        inPreamble = !seenH2;
        current = undefined;
        continue;
      }
      if (level <= 2) {
        seenH2 = true;
        inPreamble = false;
        const key = normaliseHeading(text);
        current = wantedSections.includes(key) && !outline.sections.has(key) ? [] : undefined;
        if (current) outline.sections.set(key, current);
        continue;
      }
    } else if (!outline.title && !seenH2 && i + 1 < lines.length && /^ {0,3}=+\s*$/.test(lines[i + 1]) && raw.trim() !== '') {
      // Setext H1: "Title" underlined with "===".
      outline.title = { text: raw.trim(), line: lineNo };
      inPreamble = true;
      i++;
      continue;
    }
    if (current) current.push({ text: raw, line: lineNo });
    else if (inPreamble) outline.preamble.push({ text: raw, line: lineNo });
  }
  return outline;
}

function normaliseHeading(text: string): string {
  return text.replace(/[*_`:]/g, '').trim().toLowerCase();
}

/** Text without Markdown emphasis and inline code marks, for titles and statuses. */
export function plainText(s: string): string {
  return s
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
    .trim();
}
