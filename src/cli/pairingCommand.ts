import { createGitExecutor } from '../core/git/gitExecutor';
import { formatProblem } from '../core/index/indexReport';
import { relativeTo } from '../core/store/fileSystem';
import { DEFAULT_SETTINGS } from '../core/index/recordFolders';
import { RecordIndex } from '../core/index/recordIndex';
import { buildPairingReport, validateDay } from '../core/people/pairing';
import { NodeFileSystem } from '../core/store/nodeFileSystem';
import { counted } from './counted';
import { MappedList, writeJson } from './jsonOutput';

/** The `lodestar pairing --json` contract. */
export interface PairingJson {
  sessions: { date: string | null; people: string[]; source: 'logged' | 'co-authored'; commit: string | null; path: string | null }[];
  pairs: { people: [string, string]; count: number }[];
}

export interface PairingCommandOptions {
  json: boolean;
  since?: string;
}

/**
 * `lodestar pairing [--json] [--since DATE]`: logged pairing sessions and
 * sessions detected from `Co-authored-by:` trailers, and who paired with whom.
 * Identity problems and why no history was read go to stderr; the exit code
 * is 0 unless the arguments are wrong (2).
 */
export async function pairingMain(root: string, options: PairingCommandOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  if (options.since !== undefined) {
    const problem = validateDay(options.since);
    if (problem) {
      err.write(`lodestar: ${problem}\n`);
      return 2;
    }
  }
  const fs = new NodeFileSystem();
  const index = new RecordIndex(fs, root, DEFAULT_SETTINGS);
  // The command line runs where its user chose to: git's own mailmap config applies, as it does for `git log`.
  // Only the mentoring folder holds people and sessions; the history is read while it is.
  const report = await buildPairingReport({
    index,
    fs,
    git: createGitExecutor(root),
    window: { since: options.since },
    indexReady: index.build({ kinds: ['mentoring'] }),
    trusted: true,
  });
  for (const p of report.problems) err.write(`${formatProblem({ ...p, path: relativeTo(root, p.path) })}\n`);
  if (report.unavailable) err.write(`lodestar: no git history read: ${report.unavailable}\n`);
  type Session = (typeof report.sessions)[number];
  type Pair = (typeof report.pairs)[number];
  const session = (s: Session): PairingJson['sessions'][number] => ({
    date: s.date,
    people: s.people,
    source: s.source,
    commit: s.commit,
    path: s.path === null ? null : relativeTo(root, s.path),
  });
  const pair = (p: Pair): PairingJson['pairs'][number] => ({ people: p.people, count: p.count });
  if (options.json) {
    writeJson(out, { sessions: new MappedList(report.sessions, session), pairs: new MappedList(report.pairs, pair) });
    return 0;
  }
  const json: PairingJson = { sessions: report.sessions.map(session), pairs: report.pairs.map(pair) };
  const logged = json.sessions.filter((s) => s.source === 'logged').length;
  out.write(
    `${counted(json.sessions.length, 'pairing session')} (${logged} logged, ${json.sessions.length - logged} from co-authored commits)${options.since ? ` since ${options.since}` : ''}\n`,
  );
  for (const s of json.sessions) {
    const where = s.source === 'logged' ? s.path : (s.commit ?? '').slice(0, 12);
    out.write(`  ${(s.date ?? 'no date').padEnd(10)}  ${s.source.padEnd(11)}  ${s.people.join(', ')}  (${where})\n`);
  }
  if (json.pairs.length > 0) {
    out.write('\nwho paired with whom:\n');
    const width = String(json.pairs[0].count).length;
    for (const p of json.pairs) out.write(`  ${String(p.count).padStart(width)}  ${p.people[0]} + ${p.people[1]}\n`);
  }
  return 0;
}
