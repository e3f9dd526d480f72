import { LodestarRecord, Problem } from '../records/record';
import { basename, relativePath } from '../store/fileSystem';
import { RecordFolder } from './recordFolders';

export interface CrossCheck {
  problems: Problem[];
  /** `recordPath\ntarget` → the record path a textual or relative link resolves to. */
  resolved: Map<string, string>;
}

const INVERSE: Record<string, string> = { supersedes: 'superseded-by', 'superseded-by': 'supersedes' };
const PHRASE: Record<string, string> = { supersedes: 'supersedes', 'superseded-by': 'is superseded by' };

/**
 * Checks that need every record at once: numbers used twice in a decision
 * folder, links to records that do not exist, and supersede links that only
 * one side of the pair records.
 */
export function checkRecords(records: LodestarRecord[], folders: readonly RecordFolder[]): CrossCheck {
  const problems: Problem[] = [];
  const resolved = new Map<string, string>();
  const byPath = new Map(records.map((r) => [r.path, r]));
  const byFolderNumber = new Map<string, LodestarRecord[]>();
  for (const r of records) {
    if (r.kind !== 'decision' || r.number === null) continue;
    const key = `${r.folder}\n${r.number}`;
    const list = byFolderNumber.get(key);
    if (list) list.push(r);
    else byFolderNumber.set(key, [r]);
  }
  for (const list of byFolderNumber.values()) {
    if (list.length < 2) continue;
    for (const r of list) {
      const others = list.filter((o) => o !== r).map((o) => basename(o.path)).sort();
      problems.push({
        path: r.path,
        line: 1,
        severity: 'error',
        code: 'duplicate-number',
        message: `Decision number ${r.number} is also used by ${others.join(', ')}.`,
      });
    }
  }

  const decisionFolders = folders.filter((f) => f.kind === 'decision').map((f) => f.path);
  for (const r of records) {
    if (r.kind !== 'decision' && r.kind !== 'design' && r.kind !== 'activity') continue;
    for (const link of r.links) {
      // A design doc's or an activity's `ADR-0004` means a decision in any decision folder; a decision's, one in its own.
      const scopes = r.kind === 'decision' ? [r.folder] : decisionFolders;
      const target = resolveTarget(link.target, scopes, byPath, byFolderNumber, folders);
      // An activity's links are resolved for the index, not checked: it may name records by a bare name.
      if (r.kind === 'activity') {
        if (target) resolved.set(`${r.path}\n${link.target}`, target);
        continue;
      }
      if (target === undefined) {
        problems.push({
          path: r.path,
          line: link.line ?? r.titleLine,
          severity: 'error',
          code: /\.(md|markdown)$/i.test(link.target) || link.target.startsWith('/') ? 'broken-link' : 'unknown-reference',
          message: `"${link.label ?? link.target}" (${link.kind.replace(/-/g, ' ')}) does not name a record that exists.`,
        });
        continue;
      }
      if (target === null) continue;
      resolved.set(`${r.path}\n${link.target}`, target);
      const inverse = INVERSE[link.kind];
      const other = byPath.get(target);
      if (inverse && other && other.kind === 'decision') {
        const back = other.links.some((l) => l.kind === inverse && resolveTarget(l.target, [other.folder], byPath, byFolderNumber, folders) === r.path);
        if (!back) {
          problems.push({
            path: r.path,
            line: link.line ?? r.titleLine,
            severity: 'error',
            code: 'one-sided-link',
            message: `This record says it ${PHRASE[link.kind]} ${basename(other.path)}, but that record does not say it ${PHRASE[inverse]} this one.`,
          });
        }
      }
    }
  }
  return { problems, resolved };
}

/** The record path a link names; null when it points outside what is indexed (not checked); undefined when broken. */
function resolveTarget(
  target: string,
  scopes: string[],
  byPath: Map<string, LodestarRecord>,
  byFolderNumber: Map<string, LodestarRecord[]>,
  folders: readonly RecordFolder[],
): string | null | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return null;
  if (target.startsWith('/')) {
    if (byPath.has(target)) return target;
    const inFolder = folders.some((f) => relativePath(f.path, target) !== undefined);
    return inFolder ? undefined : null;
  }
  const m = /^(?:\[)?(?:ADR|adr)?[-_ #]?0*(\d{1,6})\b/.exec(target.trim());
  if (!m) return null;
  for (const scope of scopes) {
    const hit = byFolderNumber.get(`${scope}\n${parseInt(m[1], 10)}`);
    if (hit && hit.length > 0) return hit[0].path;
  }
  return undefined;
}
