import { GitExecutor } from '../git/gitExecutor';
import { RecordIndex } from '../index/recordIndex';
import { LodestarRecord, Problem } from '../records/record';
import { recordLabel } from '../records/recordLabels';
import { Governance, isActiveRecord } from './governance';
import { compileGlob } from './globMatcher';
import { WrittenValue, writtenValues } from '../records/writtenValues';
import { loadGovernance } from './repositoryFiles';

const SHOWN_FILES = 3;

/** The record a superseded one names as its successor (`superseded-by`), when the index has it. */
export function successorIn(index: RecordIndex): (record: LodestarRecord) => LodestarRecord | undefined {
  return (record) => {
    for (const link of record.links) {
      if (link.kind !== 'superseded-by') continue;
      const found = index.record(index.resolveLink(record, link.target));
      if (found) return found;
    }
    return undefined;
  };
}

function someFiles(files: readonly string[]): string {
  const shown = files.slice(0, SHOWN_FILES).join(', ');
  return files.length > SHOWN_FILES ? `${shown} and ${files.length - SHOWN_FILES} more` : shown;
}

/**
 * `invalid-applies-to` (a glob that cannot be read), `stale-applies-to` (a
 * glob that matches no tracked file: the code moved, or a typo) and
 * `governed-by-inactive` (a superseded, deprecated or rejected record still
 * governs files its successor does not). The last two need the tracked files.
 */
export function governanceProblems(
  governance: Governance,
  successorOf: (r: LodestarRecord) => LodestarRecord | undefined,
  textOf?: (path: string) => string | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const byRecord = new Map(governance.governing.map((g) => [g.record, g]));
  for (const { record, globs, files } of governance.governing) {
    const line = record.appliesToLine ?? 1;
    // A glob's own problems point at the glob as written (read only when there is one).
    let written: WrittenGlobs | undefined;
    const at = (same: (written: string) => boolean): { line: number; column?: number } => {
      written ??= new WrittenGlobs(textOf?.(record.path));
      return written.take(same) ?? { line };
    };
    for (const bad of globs.invalid) {
      problems.push({
        path: record.path,
        ...at((w) => w === bad.pattern.trim()),
        severity: 'warning',
        code: 'invalid-applies-to',
        message: `applies-to "${bad.pattern}" cannot be used: ${bad.message}`,
      });
    }
    if (!governance.knowsTrackedFiles) continue;
    for (const glob of globs.globs) {
      if (glob.negated || governance.matchesAnyTracked(glob)) continue;
      problems.push({
        path: record.path,
        ...at((w) => sourceOf(w) === glob.source),
        severity: 'warning',
        code: 'stale-applies-to',
        message: `applies-to "${glob.source}" matches no file git tracks: the code moved or the glob has a typo.`,
      });
    }
    if (isActiveRecord(record) || files.length === 0) continue;
    const successor = successorOf(record);
    const successorGlobs = successor ? byRecord.get(successor)?.globs : undefined;
    const orphaned = successorGlobs ? files.filter((f) => !successorGlobs.matches(f)) : files;
    if (orphaned.length === 0) continue;
    const count = `${orphaned.length} file${orphaned.length === 1 ? '' : 's'}`;
    problems.push({
      path: record.path,
      line,
      severity: 'warning',
      code: 'governed-by-inactive',
      message: successor
        ? `This record is ${record.status} but still governs ${count} that ${recordLabel(successor)} does not (${someFiles(orphaned)}): give its successor these globs, or take them out of applies-to here.`
        : `This record is ${record.status} but still governs ${count} (${someFiles(orphaned)}): move applies-to to the record that replaced it, or remove it here.`,
    });
  }
  return problems;
}

/** The globs of a record's `applies-to` as written, each given to one problem at most (a glob written twice has two places). */
class WrittenGlobs {
  private readonly values: WrittenValue[];
  constructor(text: string | undefined) {
    this.values = text === undefined ? [] : writtenValues(text, ['applies-to', 'appliesTo']);
  }

  take(same: (written: string) => boolean): { line: number; column: number } | undefined {
    const i = this.values.findIndex((v) => same(v.value));
    if (i < 0) return undefined;
    const [v] = this.values.splice(i, 1);
    return { line: v.line, column: v.column };
  }
}

/** A written glob as compiled (`./src/x/` is `src/x`), or undefined when it cannot be. */
function sourceOf(written: string): string | undefined {
  try {
    const glob = compileGlob(written);
    return glob.negated ? undefined : glob.source;
  } catch {
    return undefined;
  }
}

/** The governance problems of an index's records, with the tracked files read from git (none outside git). */
export async function repositoryGovernanceProblems(index: RecordIndex, git: GitExecutor): Promise<Problem[]> {
  const { governance } = await loadGovernance(index.records(), index.root, git);
  return governanceProblems(governance, successorIn(index));
}
