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

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };

/** The words of rendered HTML: tags dropped, markdown-it's five entities decoded, whitespace collapsed. */
export function plainTextOfHtml(html: string): string {
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:lt|gt|amp|quot|#39);/g, (e) => ENTITIES[e])
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > MAX_SEARCH_TEXT ? text.slice(0, MAX_SEARCH_TEXT) : text;
}
