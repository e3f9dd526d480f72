import { frontMatterBodyAndLine } from '../records/frontMatter';
import { LodestarRecord } from '../records/record';
import { RecordFileSystem } from '../store/fileSystem';
import { fold, parseRecordFilter } from '../listing/recordFilter';
import { recordLabel } from '../records/recordLabels';

/** A record with the text searched: the Markdown after the front matter, and the line that text starts on. */
export interface SearchableRecord {
  record: LodestarRecord;
  body: string;
  /** 0-based line of the file the body starts on. */
  bodyLine: number;
}

export interface SearchQuery {
  /** Words that must all appear in the title, tags or text, case- and accent-insensitively. */
  text: string;
  /** Any of these tags (lower-case). */
  tags?: string[];
  /** Any of these statuses (lower-case). */
  statuses?: string[];
}

export interface SearchHit {
  record: LodestarRecord;
  /** 1-based line of the first match in the file (the title's line when only the title matched). */
  line: number;
  /** 0-based column of the match on that line. */
  column: number;
  /** The matching line, trimmed and cut to about 120 characters. */
  preview: string;
  /** How good the match is: title matches count most. */
  score: number;
}

/**
 * A query typed into a search box: words, plus `status:NAME` / `s:NAME` and
 * `tag:NAME` / `t:NAME` / `#NAME` terms as in the views' filter.
 */
export function parseSearchQuery(query: string): SearchQuery {
  const f = parseRecordFilter(query);
  if (!f) return { text: '' };
  return { text: [...f.numbers.map(String), ...f.text].join(' '), tags: f.tags, statuses: f.statuses };
}

const READ_CONCURRENCY = 32;
const decoder = new TextDecoder('utf-8');

/** Reads the text of each record (a record that cannot be read is searched by its title only). */
export async function readSearchable(fs: RecordFileSystem, records: readonly LodestarRecord[]): Promise<SearchableRecord[]> {
  const out = new Array<SearchableRecord>(records.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < records.length) {
      const i = next++;
      try {
        // A blocking read (when the file system offers one) is decoded before anything else runs: its buffer is reused.
        let text = decoder.decode(fs.readFileNow ? fs.readFileNow(records[i].path) : await fs.readFile(records[i].path));
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        const { body, bodyLine } = frontMatterBodyAndLine(text.indexOf('\0') >= 0 ? '' : text);
        out[i] = { record: records[i], body, bodyLine };
      } catch {
        out[i] = { record: records[i], body: '', bodyLine: 0 };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, records.length) }, worker));
  return out;
}

/**
 * Records whose title, tags and text hold every word of the query (and have
 * one of the tags and statuses asked for), best first: more words in the
 * title, then more matches in the text, then by path.
 */
export function searchRecords(records: readonly SearchableRecord[], query: SearchQuery): SearchHit[] {
  const words = fold(query.text).split(/\s+/).filter(Boolean);
  const tags = (query.tags ?? []).map((t) => fold(t.replace(/^#/, '')));
  const statuses = (query.statuses ?? []).map((s) => fold(s).replace(/\s+/g, '-'));
  const hits: SearchHit[] = [];
  for (const s of records) {
    const r = s.record;
    if (statuses.length > 0 && !statuses.includes(r.status ?? '')) continue;
    if (tags.length > 0 && !(r.tags ?? []).some((t) => tags.includes(fold(t)))) continue;
    const title = fold(`${recordLabel(r)} ${(r.tags ?? []).join(' ')}`);
    const body = foldedBody(s);
    if (!words.every((w) => title.includes(w) || body.includes(w))) continue;
    const inTitle = words.filter((w) => title.includes(w)).length;
    let count = 0;
    for (const w of words) for (let at = body.indexOf(w); at >= 0 && count < 1000; at = body.indexOf(w, at + w.length)) count++;
    const first = words.map((w) => body.indexOf(w)).filter((i) => i >= 0);
    let line = r.titleLine;
    let column = 0;
    let preview = recordLabel(r);
    if (first.length > 0 && inTitle < words.length) {
      // Folding keeps one character per character for the text records hold (accents fold into their letter).
      const at = Math.min(...first);
      const before = s.body.slice(0, at);
      const lineStart = before.lastIndexOf('\n') + 1;
      const lineEnd = s.body.indexOf('\n', at);
      line = s.bodyLine + (before.match(/\n/g)?.length ?? 0) + 1;
      column = at - lineStart;
      preview = cut(s.body.slice(lineStart, lineEnd < 0 ? undefined : lineEnd), column);
    }
    hits.push({ record: r, line, column, preview, score: inTitle * 1000 + Math.min(count, 999) });
  }
  return hits.sort((a, b) => b.score - a.score || (a.record.path < b.record.path ? -1 : a.record.path > b.record.path ? 1 : 0));
}

/** Each record's folded text, kept while the record is: a search box searches the same records at every keystroke. */
const folded = new WeakMap<SearchableRecord, string>();
function foldedBody(s: SearchableRecord): string {
  let f = folded.get(s);
  if (f === undefined) {
    f = fold(s.body);
    folded.set(s, f);
  }
  return f;
}

function cut(line: string, column: number): string {
  const trimmed = line.replace(/\r$/, '');
  if (trimmed.length <= 120) return trimmed.trim();
  const start = Math.max(0, column - 40);
  return `${start > 0 ? '…' : ''}${trimmed.slice(start, start + 120).trim()}…`;
}
