import { LodestarRecord } from '../records/record';
import { dirname, joinPath } from '../store/fileSystem';

/** `ADR-0007`, `ADR 7`, `adr-7`, `ADR7` — the number is the first group. */
export const DEFAULT_REFERENCE_PATTERNS = ['\\bADR[-_ ]?0*(\\d{1,5})\\b'];

/** Relative Markdown-style or bare paths to a numbered record file: `../doc/adr/0007-use-postgresql.md`. */
// Matches start only where a path can start (not inside a word or path), so a long run
// of path characters is scanned once, not once per position.
const FILE_REFERENCE = /(?<![\w./-])(?:\.{1,2}\/)?(?:[\w.-]+\/)*\d{3,5}-[\w.-]+\.md\b/g;

export interface DecisionReference {
  /** Offsets in the text. */
  start: number;
  end: number;
  number?: number;
  /** Absolute path, for file references. */
  path?: string;
}

/**
 * Every decision reference in a source file's text, by the configured
 * patterns (each with the number as its first group) and by relative paths
 * to record files. Overlapping matches keep the first.
 */
/**
 * What is wrong with each configured reference pattern that cannot find a
 * decision number (not a regular expression, no capture group for the
 * number, matching the empty text), one line each: such a pattern is left
 * out of {@link findDecisionReferences}, and the setting's reader says why.
 */
export function referencePatternProblems(patterns: readonly string[]): string[] {
  const problems: string[] = [];
  for (const source of patterns) {
    let re: RegExp;
    try {
      re = new RegExp(source, 'gi');
    } catch (e) {
      problems.push(`"${source}" is not a regular expression (${(e as Error).message}); it is left out.`);
      continue;
    }
    if (new RegExp(`${source}|`).exec('')!.length < 2) problems.push(`"${source}" has no group ( … ) for the decision's number; it finds nothing.`);
    else if (re.test('')) problems.push(`"${source}" matches empty text; it finds nothing useful.`);
  }
  return problems;
}

export function findDecisionReferences(text: string, documentPath: string, patterns: string[] = DEFAULT_REFERENCE_PATTERNS): DecisionReference[] {
  const found: DecisionReference[] = [];
  for (const source of patterns) {
    let re: RegExp;
    try {
      re = new RegExp(source, 'gi');
    } catch {
      continue;
    }
    for (const m of text.matchAll(re)) {
      const n = m[1] !== undefined ? parseInt(m[1], 10) : NaN;
      if (!isNaN(n) && m.index !== undefined) found.push({ start: m.index, end: m.index + m[0].length, number: n });
    }
  }
  for (const m of text.matchAll(FILE_REFERENCE)) {
    if (m.index === undefined) continue;
    const rel = m[0];
    found.push({ start: m.index, end: m.index + rel.length, path: joinPath(dirname(documentPath), rel) });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // One pass: a reference is kept when it starts after every earlier one ends.
  let reach = 0;
  return found.filter((r) => {
    if (r.start < reach) return false;
    reach = r.end;
    return true;
  });
}

/** The record a reference names: by path, or by number (decision folders nearest the document first). */
export function resolveDecisionReference(ref: DecisionReference, decisions: LodestarRecord[], documentPath: string): LodestarRecord | undefined {
  if (ref.path) return decisions.find((d) => d.path === ref.path);
  const matches = decisions.filter((d) => d.number === ref.number);
  if (matches.length <= 1) return matches[0];
  // Several folders use the number (a monorepo): the one sharing the longest path prefix wins.
  const shared = (d: LodestarRecord): number => {
    let i = 0;
    while (i < d.folder.length && i < documentPath.length && d.folder[i] === documentPath[i]) i++;
    return i;
  };
  return [...matches].sort((a, b) => shared(b) - shared(a))[0];
}

/** The warning for a reference to a record that no longer holds, naming its successor when there is one. */
export function staleReferenceMessage(record: LodestarRecord, successor: LodestarRecord | undefined): string | undefined {
  if (record.status !== 'superseded' && record.status !== 'deprecated') return undefined;
  const label = `${record.number !== null ? `ADR-${String(record.number).padStart(4, '0')} ` : ''}"${record.title}"`;
  if (successor)
    return `${label} is ${record.status} by ${successor.number !== null ? `ADR-${String(successor.number).padStart(4, '0')} ` : ''}"${successor.title}".`;
  return `${label} is ${record.status}.`;
}
