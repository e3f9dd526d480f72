import { scriptSafeJson } from './siteHtml';

/** One record in `search-index.json` (and, but its text, in the data block of `index.html`). */
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

/** A search entry with its text already a JSON string (made by the thread that drafted the body). */
export type SearchEntryJson = Omit<SearchEntry, 'text'> & { textJson: string };

/** Where the page finds the records' texts: loaded by `index.html` when a search first asks for them. */
export const SEARCH_TEXT_FILE = 'assets/search-text.js';

/**
 * `index.html` (its data block, between `indexBefore` and `indexAfter`, holds every entry but its text),
 * `search-index.json` (every entry whole) and {@link SEARCH_TEXT_FILE} (the texts, in the entries' order), each
 * entry and text serialised once. The index page stays small, so a site of thousands of records opens at once; the
 * texts (most of the bytes) load when the reader first searches. A script file, not a fetch, so `file://` works.
 */
export function searchFiles(entries: readonly SearchEntryJson[], indexBefore: string, indexAfter: string): { index: string; search: string; texts: string } {
  const metas: string[] = [];
  const texts: string[] = [];
  const whole: string[] = [];
  for (const entry of entries) {
    const { textJson: t, ...meta } = entry;
    const m = JSON.stringify(meta);
    metas.push(m);
    texts.push(t);
    // `text` is the entry's last key (see searchEntries): this is JSON.stringify(entry).
    whole.push(`${m.slice(0, -1)},"text":${t}}`);
  }
  return {
    index: indexBefore + scriptSafeJson(`[${metas.join(',')}]`) + indexAfter,
    search: `{"records":[${whole.join(',')}]}\n`,
    texts: `window.lodestarSearchTexts = ${scriptSafeJson(`[${texts.join(',')}]`)};\n`,
  };
}
