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
