import { GitError, GitExecutor } from '../git/gitExecutor';

/** When a record was first committed and last changed, and who wrote its commits. */
export interface RecordHistory {
  /** `YYYY-MM-DD`, the author date of the oldest commit that touched the file. */
  created: string;
  /** `YYYY-MM-DD`, the author date of the newest one. */
  lastEdited: string;
  /** Authors (as `.mailmap` names them), first author first, each once. */
  authors: string[];
}

export interface HistoryRead {
  /** By path relative to the root, `/`-separated. */
  byPath: Map<string, RecordHistory>;
  /** Why no history could be read, when that is so (no git, no commits). */
  unavailable?: string;
}

const RECORD = '\x1e';
const FIELD = '\x1f';

/**
 * Created/last-edited dates and authors of every file under the given folders,
 * from ONE `git log --name-only` over them (no process per file). Paths
 * are relative to `git`'s folder (`--relative`); folders outside it are not read.
 */
export async function readRecordHistory(git: GitExecutor, folders: readonly string[]): Promise<HistoryRead> {
  const byPath = new Map<string, { created: number; createdDay: string; last: number; lastDay: string; authors: { name: string; at: number }[] }>();
  const pathspecs = folders.filter((f) => f !== '' && !f.startsWith('..') && !f.startsWith('/'));
  if (pathspecs.length === 0 && folders.length > 0) return { byPath: new Map() };
  let pending = '';
  const take = (block: string): void => {
    const lines = block.split('\n');
    const [date, name] = lines[0].split(FIELD);
    const at = Date.parse(date);
    if (!date || Number.isNaN(at)) return;
    const day = date.slice(0, 10);
    for (let i = 1; i < lines.length; i++) {
      const path = unquote(lines[i]);
      if (path === '') continue;
      let h = byPath.get(path);
      if (!h) byPath.set(path, (h = { created: at, createdDay: day, last: at, lastDay: day, authors: [] }));
      if (at < h.created || (at === h.created && day < h.createdDay)) [h.created, h.createdDay] = [at, day];
      if (at > h.last || (at === h.last && day > h.lastDay)) [h.last, h.lastDay] = [at, day];
      const author = h.authors.find((a) => a.name === name);
      if (!author) h.authors.push({ name, at });
      else if (at < author.at) author.at = at;
    }
  };
  const flush = (final: boolean): void => {
    let start = pending.indexOf(RECORD);
    while (start !== -1) {
      const next = pending.indexOf(RECORD, start + 1);
      if (next === -1 && !final) break;
      take(pending.slice(start + 1, next === -1 ? undefined : next));
      start = next;
    }
    pending = start === -1 ? '' : pending.slice(start);
  };
  const args = [
    'log',
    '--no-color',
    '--no-show-signature',
    '--no-renames',
    '--relative',
    `--format=${RECORD}%aI${FIELD}%aN`,
    '--name-only',
    'HEAD',
    '--',
    ...pathspecs,
  ];
  try {
    await git.stream(args, (chunk) => {
      pending += chunk;
      flush(false);
    });
  } catch (e) {
    if (e instanceof GitError) {
      const noCommits = /does not have any commits|bad (default )?revision|unknown revision|ambiguous argument 'HEAD'/i.test(e.message);
      return { byPath: new Map(), unavailable: noCommits ? 'the repository has no commits yet' : e.message };
    }
    throw e;
  }
  flush(true);
  const out = new Map<string, RecordHistory>();
  for (const [path, h] of byPath) {
    const authors = [...h.authors].sort((a, b) => a.at - b.at || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((a) => a.name);
    out.set(path, { created: h.createdDay, lastEdited: h.lastDay, authors });
  }
  return { byPath: out };
}

/** git quotes names with control characters or quotes even with `core.quotepath=false`: `"a\"b.md"`. */
function unquote(line: string): string {
  if (!line.startsWith('"') || !line.endsWith('"')) return line;
  const bytes: number[] = [];
  const body = line.slice(1, -1);
  const simple: Record<string, number> = { n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length) {
      const n = body[i + 1];
      if (/[0-7]/.test(n)) {
        bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
        i += 3;
      } else {
        bytes.push(simple[n] ?? n.charCodeAt(0));
        i += 1;
      }
    } else bytes.push(...Buffer.from(c, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
