// The fences of front matter, apart from the YAML reading (frontMatter.ts): commands that only need to know where
// front matter ends (the adr-tools drop-in's labels) load no YAML library.

/** The index of the line that closes front matter opened on line 0 (`---` or `...`), or -1. Lines may end in `\r`. */
export function closingFenceLine(lines: readonly string[]): number {
  if (lines.length === 0 || !isOpeningFence(lines[0])) return -1;
  for (let i = 1; i < lines.length; i++) if (isClosingFence(lines[i])) return i;
  return -1;
}

export function isOpeningFence(line: string): boolean {
  return line.replace(/^\uFEFF/, '').trimEnd() === '---';
}

export function isClosingFence(line: string): boolean {
  const t = line.trimEnd();
  return t === '---' || t === '...';
}

/** The 0-based line the body starts on: {@link readFrontMatter}'s `bodyLine`, without reading the YAML. */
export function frontMatterBodyLine(text: string): number {
  return frontMatterBodyAndLine(text).bodyLine;
}

/** {@link readFrontMatter}'s `body` and `bodyLine`, without reading the YAML. */
export function frontMatterBodyAndLine(text: string): { body: string; bodyLine: number } {
  const found = locateFrontMatter(text);
  return { body: found.body, bodyLine: found.yamlText === undefined ? 0 : found.bodyLine };
}

/** The text after a file's front matter (all of it when it has none): {@link readFrontMatter}'s `body`, without reading the YAML. */
export function frontMatterBody(text: string): string {
  return locateFrontMatter(text).body;
}

export interface LocatedFrontMatter {
  /** The YAML between the fences; undefined when the file has no front matter (or one that is not read). */
  yamlText?: string;
  body: string;
  bodyLine: number;
  error?: { code: string; message: string; line: number };
}

export function locateFrontMatter(text: string): LocatedFrontMatter {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', start)) return { body: text, bodyLine: 0 };
  const firstEnd = lineEnd(text, start);
  const first = text.slice(start, firstEnd).trimEnd();
  if (!isOpeningFence(first)) {
    if (/^---\s*[A-Za-z]/.test(first)) {
      return {
        body: text,
        bodyLine: 0,
        error: {
          code: 'unsupported-front-matter',
          message: `Front matter in "${first.slice(3).trim()}" is not read (only YAML is, and no code is ever run).`,
          line: 1,
        },
      };
    }
    return { body: text, bodyLine: 0 };
  }
  // Find the closing fence line by line, without splitting the whole file.
  let pos = nextLine(text, firstEnd);
  let line = 1;
  let close = -1;
  while (pos < text.length) {
    const end = lineEnd(text, pos);
    if (isClosingFence(text.slice(pos, end))) {
      close = pos;
      break;
    }
    pos = nextLine(text, end);
    line++;
  }
  if (close < 0) {
    // A file may open with a `---` horizontal rule; it is front matter only if YAML follows.
    const firstContent = /^[ \t]*\S.*$/m.exec(text.slice(nextLine(text, firstEnd)))?.[0] ?? '';
    if (!/^[A-Za-z_][\w-]*[ \t]*:/.test(firstContent)) return { body: text, bodyLine: 0 };
    return {
      body: text,
      bodyLine: 0,
      error: { code: 'unclosed-front-matter', message: 'Front matter starts with "---" but has no closing "---".', line: 1 },
    };
  }
  const yamlText = text.slice(nextLine(text, firstEnd), close);
  const body = text.slice(nextLine(text, lineEnd(text, close)));
  return { yamlText, body, bodyLine: line + 1 };
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i < 0 ? text.length : i > from && text.charCodeAt(i - 1) === 13 ? i - 1 : i;
}

function nextLine(text: string, end: number): number {
  if (end >= text.length) return text.length;
  return text.charCodeAt(end) === 13 ? end + 2 : end + 1;
}
