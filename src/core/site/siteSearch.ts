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

/**
 * The words of a record's Markdown for searching: link targets and markup
 * characters dropped, whitespace collapsed, in one pass (rendering the HTML
 * back to text would cost as much as rendering it).
 */
export function searchTextOfMarkdown(body: string): string {
  const text = body.replace(/\]\([^)]*\)|<!--[\s\S]*?-->|[\s#*_`|~[\]]+/g, ' ').trim();
  return text.length > MAX_SEARCH_TEXT ? text.slice(0, MAX_SEARCH_TEXT) : text;
}
