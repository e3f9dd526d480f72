import { buildIndexReport, indexReportProblems, indexReportRecord, indexReportRecords } from '../core/index/indexReport';
import { DEFAULT_SETTINGS } from '../core/index/recordFolders';
import { RecordIndex } from '../core/index/recordIndex';
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
    writeJson(c.out, { records: new MappedList(indexReportRecords(index), (r) => indexReportRecord(index, r)), problems });
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
