import { LodestarRecord } from '../records/record';
import { escapeLinkLabel, escapeTableCell } from '../records/escaping';
import { basename } from '../store/fileSystem';
import { compareRecords, statusLabel } from '../records/recordLabels';

export type IndexStyle = 'toc' | 'table';

export const INDEX_START = '<!-- lodestar:decision-index:start -->';
export const INDEX_END = '<!-- lodestar:decision-index:end -->';

/** The list of a folder's decisions: adr-tools' `toc` lines, or a MADR-style table. */
export function decisionIndexBody(records: LodestarRecord[], style: IndexStyle): string {
  const sorted = [...records].sort(compareRecords);
  if (style === 'toc') return sorted.map((r) => `* [${r.number !== null ? `${r.number}. ` : ''}${escapeLinkLabel(r.title)}](${basename(r.path)})`).join('\n');
  const rows = sorted.map((r) => `| ${r.number ?? ''} | [${escapeTableCell(r.title)}](${basename(r.path)}) | ${statusLabel(r.status)} | ${r.date ?? ''} |`);
  return ['| # | Decision | Status | Date |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/**
 * The index file's new text: the list between Lodestar's markers is replaced;
 * a file without markers keeps everything and gets the block at its end; no
 * file gets a heading and the block.
 */
export function updateDecisionIndex(existing: string | undefined, body: string): string {
  const block = `${INDEX_START}\n${body}\n${INDEX_END}`;
  if (existing === undefined) return `# Architecture Decision Records\n\n${block}\n`;
  const start = existing.indexOf(INDEX_START);
  const end = existing.indexOf(INDEX_END);
  if (start >= 0 && end > start) return `${existing.slice(0, start)}${block}${existing.slice(end + INDEX_END.length)}`;
  return `${existing.replace(/\s*$/, '')}\n\n${block}\n`;
}
