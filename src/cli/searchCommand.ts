import * as path from 'path';
import { openRecordCache } from './recordCache';
import { defaultRoot } from './subfolderNote';
import { parseArgs } from 'util';
import { EntryType, relativeTo, toPortPath } from '../core/store/fileSystem';
import { DEFAULT_SETTINGS } from '../core/index/recordFolders';
import { RecordIndex } from '../core/index/recordIndex';
import { readSearchable, searchRecords } from '../core/search/recordSearch';
import { NodeFileSystem } from '../core/store/nodeFileSystem';
import { recordLabel } from '../core/records/recordLabels';

export const SEARCH_HELP = `usage: lodestar search QUERY... [--tag TAG]... [--status STATUS]... [--json] [--root DIR]

Decision records and design docs whose title, tags and text hold every word of QUERY (any case,
any accents), best first; --tag and --status keep records with one of the given tags or statuses.
One line a record: path:line: title [status] — the matching line (none when the title matches).
Exit 1 when nothing matches, saying so on stderr.
`;

type Write = (s: string) => void;

/** `lodestar search …` */
export async function searchMain(argv: string[], out: Write, err: Write): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        tag: { type: 'string', multiple: true },
        status: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        root: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    err(`lodestar search: ${(e as Error).message}\n\n${SEARCH_HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(SEARCH_HELP);
    return 0;
  }
  const query = positionals.join(' ').trim();
  if (query === '' && !values.tag && !values.status) {
    err(`lodestar search: give words to look for, --tag or --status\n\n${SEARCH_HELP}`);
    return 2;
  }
  // Blocking reads: nothing else runs meanwhile, and a read per file handed to Node's I/O threads is slower.
  const fs = new NodeFileSystem({ blockingReads: true });
  const root = values.root === undefined ? await defaultRoot('search', process.cwd(), fs, err) : toPortPath(path.resolve(values.root));
  const st = await fs.stat(root);
  if (!st || !(st.type & EntryType.Directory)) {
    err(`lodestar search: --root ${root} is not a folder\n`);
    return 2;
  }
  const index = new RecordIndex(fs, root, DEFAULT_SETTINGS);
  const cache = openRecordCache(root);
  await index.build({ cache });
  cache?.save();
  const records = index.records().filter((r) => r.kind === 'decision' || r.kind === 'design');
  const hits = searchRecords(await readSearchable(fs, records), { text: query, tags: values.tag, statuses: values.status });
  if (values.json) {
    const results = hits.map((h) => ({
      kind: h.record.kind,
      path: relativeTo(root, h.record.path),
      line: h.line,
      number: h.record.number,
      title: h.record.title,
      status: h.record.status,
      tags: h.record.tags ?? [],
      preview: h.preview,
    }));
    out(`${JSON.stringify({ results }, null, 2)}\n`);
  } else {
    // Written in one go: a write per line is a system call per line (thousands when a common word matches).
    let text = '';
    for (const h of hits) {
      const label = recordLabel(h.record);
      // A match in the title is shown by the title: the line is not printed twice.
      const line = h.preview === label ? '' : ` — ${h.preview}`;
      text += `${relativeTo(root, h.record.path)}:${h.line}: ${label}${h.record.status ? ` [${h.record.status}]` : ''}${line}\n`;
    }
    if (text !== '') out(text);
    else err(`lodestar search: no decision record or design doc matches${describeQuery(query, values.tag, values.status)} (${records.length} read)\n`);
  }
  return hits.length > 0 ? 0 : 1;
}

/** ` "cache" with the tag perf and the status accepted`: what was asked for, in the no-match note. */
function describeQuery(text: string, tags: string[] | undefined, statuses: string[] | undefined): string {
  const parts: string[] = [];
  if (text !== '') parts.push(` "${text}"`);
  if (tags?.length) parts.push(` with the tag ${tags.join(' or ')}`);
  if (statuses?.length) parts.push(` with the status ${statuses.join(' or ')}`);
  return parts.join(',');
}
