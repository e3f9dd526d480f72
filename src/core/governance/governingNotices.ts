import { relativeTo } from '../store/fileSystem';
import { githubCommand } from '../lint/lintFormats';
import { recordLabel } from '../records/recordLabels';
import { GoverningChange } from './whyReport';

/** `lint --base … --format json`'s `governing`: the records the branch's changed files are governed by, paths relative to the root. */
export interface GoverningEntry {
  path: string;
  number: number | null;
  title: string;
  status: string | null;
  supersededBy: string | null;
  /** The changed files it governs. */
  files: string[];
}

export function governingEntriesOf(changes: readonly GoverningChange[], root: string, top: string): GoverningEntry[] {
  const fromTop = (p: string): string => relativeTo(root, `${top}/${p}`);
  return changes.map(({ record, successor, files }) => ({
    path: relativeTo(root, record.path),
    number: record.number,
    title: record.title,
    status: record.status,
    supersededBy: successor ? relativeTo(root, successor.path) : null,
    files: files.map(fromTop),
  }));
}

/**
 * One GitHub `::notice` per governing record, on the first changed file it
 * governs, naming the record's number and title, so the pull request shows
 * which decisions the change touches.
 */
export function governingNotices(changes: readonly GoverningChange[], root: string, top: string): string {
  return governingEntriesOf(changes, root, top)
    .map((entry, i) => {
      const { record, successor } = changes[i];
      const state = `${record.status ?? 'no status'}${successor ? ` → ${recordLabel(successor)}` : ''}`;
      const count = `${entry.files.length} file${entry.files.length === 1 ? '' : 's'}`;
      const shown = entry.files.length > 5 ? `${entry.files.slice(0, 5).join(', ')} and ${entry.files.length - 5} more` : entry.files.join(', ');
      const label = record.kind === 'decision' && record.number !== null ? `ADR-${String(record.number).padStart(4, '0')} ${record.title}` : record.title;
      return githubCommand({
        path: entry.files[0],
        line: 1,
        severity: 'info',
        code: label,
        message: `This branch changes ${count} governed by ${recordLabel(record)} (${state}), ${entry.path}: ${shown}.`,
      });
    })
    .join('');
}
