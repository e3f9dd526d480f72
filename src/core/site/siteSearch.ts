import { scriptSafeJson } from './siteHtml';

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
  /** The body's words (`BodyDraft.searchText`). */
  text: string;
}

/** `index.html` (its search data between `indexBefore` and `indexAfter`) and `search-index.json`, from the entries serialised once. */
export function searchFiles(entries: readonly SearchEntry[], indexBefore: string, indexAfter: string): { index: string; search: string } {
  const json = JSON.stringify(entries);
  return { index: indexBefore + scriptSafeJson(json) + indexAfter, search: `{"records":${json}}\n` };
}
