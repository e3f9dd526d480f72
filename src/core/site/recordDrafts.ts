import MarkdownIt from 'markdown-it';
import { frontMatterBody } from '../records/frontMatter';
import { BodyDraft, draftBody } from './siteMarkdown';

/** A record's page body before its links are resolved, and the words of its text for the search index. */
export type RecordDraft = BodyDraft;

/**
 * What the page builder needs of a draft kept elsewhere (in the site worker): what to resolve, and the words for
 * the search index, already a JSON string (made there, while the drafts are shared between the threads).
 */
export interface DraftSummary {
  refs: { kind: 'link' | 'image'; href: string }[];
  hasMermaid: boolean;
  searchJson: string;
}

const utf8 = new TextDecoder('utf-8');

/** The record text as the site reads it: UTF-8, no byte-order mark, a binary file (a NUL byte) read as empty. */
export function recordText(bytes: Uint8Array): string {
  let text = utf8.decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.indexOf('\0') >= 0 ? '' : text;
}

/** Drafts a record's page body from the file's bytes (front matter left out). */
export function draftRecord(md: MarkdownIt, bytes: Uint8Array, mark: string): RecordDraft {
  const body = frontMatterBody(recordText(bytes));
  return draftBody(md, body, mark);
}

export function summaryOf(d: RecordDraft): DraftSummary {
  return { refs: d.refs.map((r) => ({ kind: r.kind, href: r.href })), hasMermaid: d.hasMermaid, searchJson: JSON.stringify(d.searchText) };
}
