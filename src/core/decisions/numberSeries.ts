import { LodestarRecord } from '../records/record';
import { dirname } from '../store/fileSystem';

/**
 * The runs of numbers a decision folder's records are numbered in. A folder is
 * one run, its subfolders included (MADR's "subfolders with global IDs"),
 * unless a number is used in two of its directories: then each directory
 * counts on its own (MADR's "subfolders with local IDs", a programme's
 * `cp30/ADR-002-…` beside the folder's own `002-…`). A number used twice in
 * one run is a duplicate; the numbers a run skips are its gaps.
 */
export function numberSeries(records: readonly LodestarRecord[]): LodestarRecord[][] {
  const byFolder = new Map<string, Map<string, LodestarRecord[]>>();
  for (const r of records) {
    if (r.kind !== 'decision' || r.number === null) continue;
    let dirs = byFolder.get(r.folder);
    if (!dirs) byFolder.set(r.folder, (dirs = new Map()));
    const dir = dirname(r.path);
    const list = dirs.get(dir);
    if (list) list.push(r);
    else dirs.set(dir, [r]);
  }
  const series: LodestarRecord[][] = [];
  for (const dirs of byFolder.values()) {
    if (dirs.size > 1 && sharesANumber(dirs)) for (const list of dirs.values()) series.push(list);
    else series.push(dirs.size === 1 ? [...dirs.values()][0] : [...dirs.values()].flat());
  }
  return series;
}

/** Whether some number is used in two of the directories. */
function sharesANumber(dirs: ReadonlyMap<string, readonly LodestarRecord[]>): boolean {
  const dirOf = new Map<number, string>();
  for (const [dir, list] of dirs) {
    for (const r of list) {
      const n = r.number as number;
      const seen = dirOf.get(n);
      if (seen !== undefined && seen !== dir) return true;
      dirOf.set(n, dir);
    }
  }
  return false;
}
