/** One record in `search-index.json` (and in the data block of `index.html`). */
export interface SearchEntry {
  /** The record's path relative to the root. */
  path: string;
  /** Its page, relative to the site root, or absolute under `--base-url`. */
  url: string;
  kind: 'decision' | 'design';
  number: number | null;
  title: string;
  status: string | null;
  tags: string[];
  folder: string;
  date: string | null;
  /** The body as plain text, whitespace collapsed, cut at {@link MAX_SEARCH_TEXT} characters. */
  text: string;
}

export const MAX_SEARCH_TEXT = 20_000;

/** `#*_`|~[]` and ASCII whitespace: the markup characters {@link searchTextOfMarkdown} turns into a space. */
const MARKUP = new Uint8Array(128);
for (const c of '\t\n\v\f\r #*_`|~[]') MARKUP[c.charCodeAt(0)] = 1;

/** A markup character or any whitespace `\s` matches. */
function isMarkup(c: number): boolean {
  if (c < 128) return MARKUP[c] === 1;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * The words of a record's Markdown for searching: link targets and markup
 * characters dropped, whitespace collapsed, in one pass (rendering the HTML
 * back to text would cost as much as rendering it). The same text as
 * `body.replace(/\]\([^)]*\)|<!--[\s\S]*?-->|[\s#*_`|~[\]]+/g, ' ').trim()`,
 * scanned by hand: a lone space (most of them) is kept in place instead of
 * being cut out and put back, which makes it several times faster.
 */
export function searchTextOfMarkdown(body: string): string {
  let out = '';
  let from = 0;
  let i = 0;
  const n = body.length;
  while (i < n) {
    const c = body.charCodeAt(i);
    let end = -1;
    if (c === 0x5d && body.charCodeAt(i + 1) === 0x28) {
      // `](target)`
      const close = body.indexOf(')', i + 2);
      if (close !== -1) end = close + 1;
    } else if (c === 0x3c && body.startsWith('<!--', i)) {
      const close = body.indexOf('-->', i + 4);
      if (close !== -1) end = close + 3;
    }
    if (end === -1 && isMarkup(c)) {
      end = i + 1;
      while (end < n && isMarkup(body.charCodeAt(end))) end++;
      if (c === 0x20 && end === i + 1) {
        i = end;
        continue;
      }
    }
    if (end === -1) {
      i++;
      continue;
    }
    out += `${body.slice(from, i)} `;
    from = i = end;
  }
  const text = (from === 0 ? body : out + body.slice(from)).trim();
  return text.length > MAX_SEARCH_TEXT ? text.slice(0, MAX_SEARCH_TEXT) : text;
}
