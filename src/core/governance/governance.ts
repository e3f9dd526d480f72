import { compareRecords } from '../records/recordLabels';
import { LodestarRecord } from '../records/record';
import { CompiledGlob, GlobList } from './globMatcher';

/** Statuses of records that no longer decide anything: they still say what they governed, but a successor should. */
const INACTIVE_STATUSES = new Set(['superseded', 'deprecated', 'rejected', 'withdrawn']);

export function isActiveRecord(record: LodestarRecord): boolean {
  return !INACTIVE_STATUSES.has(record.status ?? '');
}

/** Active records first, decisions before design docs, then by number, date and title. */
export function compareGoverning(a: LodestarRecord, b: LodestarRecord): number {
  return Number(!isActiveRecord(a)) - Number(!isActiveRecord(b)) || Number(a.kind !== 'decision') - Number(b.kind !== 'decision') || compareRecords(a, b);
}

export interface GoverningRecord {
  record: LodestarRecord;
  globs: GlobList;
  /** The tracked files it governs, sorted; empty when the tracked files are not known. */
  files: string[];
}

export interface GovernanceOptions {
  /** Match paths ignoring case (a repository on a case-insensitive file system). */
  caseInsensitive?: boolean;
}

/**
 * Which decisions and design docs govern which files, by their `applies-to`
 * globs. Built once per change (of the records or of the tracked files):
 * every glob is run once over the tracked files, narrowed to those under its
 * literal folder prefix, so asking about one file is a map lookup. A path git
 * does not track (a new file) is matched on its own.
 */
export class Governance {
  readonly governing: GoverningRecord[];
  private readonly byFile = new Map<string, LodestarRecord[]>();
  private readonly tracked: Set<string> | undefined;
  private readonly caseInsensitive: boolean;
  private sortedKeys: string[] = [];
  private sortedFiles: string[] = [];

  /** `trackedFiles`: paths relative to the repository root with `/` (`git ls-files`), or undefined outside git. */
  constructor(records: readonly LodestarRecord[], trackedFiles?: readonly string[], options: GovernanceOptions = {}) {
    this.caseInsensitive = options.caseInsensitive === true;
    this.governing = records
      .filter((r) => (r.kind === 'decision' || r.kind === 'design') && r.appliesTo && r.appliesTo.length > 0)
      .map((record) => ({ record, globs: new GlobList(record.appliesTo ?? [], options), files: [] }));
    if (!trackedFiles) return;
    const keys = trackedFiles.map((f) => this.key(f));
    const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
    const sortedKeys = order.map((i) => keys[i]);
    this.sortedKeys = sortedKeys;
    this.sortedFiles = order.map((i) => trackedFiles[i]);
    this.tracked = new Set(keys);
    // Which record last tried each file, so a file two of its globs reach is tried once.
    const triedBy = new Int32Array(trackedFiles.length).fill(-1);
    for (const [n, entry] of this.governing.entries()) {
      for (const glob of entry.globs.globs) {
        if (glob.negated) continue;
        const [from, to] = prefixRange(sortedKeys, glob.prefix);
        for (let k = from; k < to; k++) {
          const i = order[k];
          if (triedBy[i] === n || (glob.required !== '' && !sortedKeys[k].includes(glob.required))) continue;
          triedBy[i] = n;
          if (!entry.globs.matches(trackedFiles[i])) continue;
          entry.files.push(trackedFiles[i]);
          const list = this.byFile.get(keys[i]);
          if (list) list.push(entry.record);
          else this.byFile.set(keys[i], [entry.record]);
        }
      }
      entry.files.sort();
    }
    for (const list of this.byFile.values()) list.sort(compareGoverning);
  }

  private key(path: string): string {
    return this.caseInsensitive ? path.toLowerCase() : path;
  }

  /** The records governing `path` (relative to the repository root), active ones first. */
  recordsFor(path: string): LodestarRecord[] {
    const clean = path.replace(/^(?:\.\/)+/, '').replace(/^\/+/, '');
    const key = this.key(clean);
    if (this.tracked?.has(key)) return this.byFile.get(key) ?? [];
    return this.governing
      .filter((g) => g.globs.matches(clean))
      .map((g) => g.record)
      .sort(compareGoverning);
  }

  /** True when one glob on its own (not the record's list) matches some tracked file. */
  matchesAnyTracked(glob: CompiledGlob): boolean {
    const [from, to] = prefixRange(this.sortedKeys, glob.prefix);
    for (let k = from; k < to; k++)
      if ((glob.required === '' || this.sortedKeys[k].includes(glob.required)) && glob.regex.test(this.sortedFiles[k])) return true;
    return false;
  }

  /** True when the tracked files were given, so every glob has been run over them. */
  get knowsTrackedFiles(): boolean {
    return this.tracked !== undefined;
  }
}

/** The half-open range of sorted keys that start with `prefix`. */
function prefixRange(sorted: readonly string[], prefix: string): [number, number] {
  if (prefix === '') return [0, sorted.length];
  const lower = (target: string): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Every key starting with the prefix sorts between it and the prefix with its last character raised.
  const upper = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return [lower(prefix), lower(upper)];
}
