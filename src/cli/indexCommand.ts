import { buildIndexReport, indexReportProblems, indexReportRecord, indexReportRecords } from '../core/index/indexReport';
import { DEFAULT_SETTINGS } from '../core/index/recordFolders';
import { RecordIndex } from '../core/index/recordIndex';
import { isShortPullRequestReference } from '../core/records/pullRequestForms';
import { LodestarRecord } from '../core/records/record';
import { recordLabel } from '../core/records/recordLabels';
import { openRecordCache } from './recordCache';
import type { CommandContext } from './command';
import { MappedList, writeJson } from './jsonOutput';
import { counted } from './counted';

/** `lodestar index [--json]`: every decision record, design doc and mentoring record; exit 0. */
export async function indexCommand(c: CommandContext): Promise<number> {
  const index = new RecordIndex(c.fs, c.root, DEFAULT_SETTINGS);
  const cache = openRecordCache(c.root);
  await index.build({ cache });
  cache?.save();
  if (c.flags.has('json')) {
    // Problems first (they run the cross-record checks); records are made as they are written.
    const problems = indexReportProblems(index);
    const records = indexReportRecords(index);
    const pullRequests = await shortFormResolver(records, c.root);
    writeJson(c.out, { records: new MappedList(records, (r) => indexReportRecord(index, r, pullRequests)), problems });
  } else {
    const report = buildIndexReport(index);
    for (const r of report.records) {
      const label = recordLabel({ ...r, title: r.title } as never);
      c.out.write(`${r.kind.padEnd(9)} ${(r.status ?? '-').padEnd(12)} ${label}  (${r.path})\n`);
    }
    // The problems themselves are lint's to list (with its content rules on top): the count says where to see them.
    const where = report.problems.length > 0 ? ' (lodestar lint lists them)' : '';
    c.out.write(`${counted(report.records.length, 'record')}, ${counted(report.problems.length, 'problem')}${where}\n`);
  }
  return 0;
}

/**
 * How `index --json` writes a record's pull requests: short forms (`#15`, `acme/pay#15`, `!5`) as the URLs the
 * repository's remotes resolve them to, as `prs`, `report` and VS Code do. Only when some record has a short form are
 * the resolver loaded and the remotes read, from the git config file (no git process); otherwise, and without a
 * remote, references are written as they are.
 */
async function shortFormResolver(records: readonly LodestarRecord[], root: string): Promise<((refs: string[]) => string[]) | undefined> {
  if (!records.some((r) => r.pullRequests.some(isShortPullRequestReference))) return undefined;
  const [{ repositoryRemotes }, { withShortFormsResolved }] = await Promise.all([import('./repositoryRemotes'), import('../core/pulls/recordsByPullRequest')]);
  const remotes = repositoryRemotes(root);
  return remotes.length === 0 ? undefined : (refs) => (refs.some(isShortPullRequestReference) ? withShortFormsResolved(refs, remotes) : refs);
}
