// Counting results across tiers and printing the summary lines `npm test` ends with.

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

export interface TierOutcome extends Tally {
  tier: string;
  /** Set when the tier could not run at all (counted as one failure). */
  couldNotRun?: string;
  notes: string[];
}

/** `N passed, M failed` plus `, K skipped` only when something was skipped. */
export function countsLine(tally: Tally): string {
  return `${tally.passed} passed, ${tally.failed} failed${tally.skipped > 0 ? `, ${tally.skipped} skipped` : ''}`;
}

export function addUp(tallies: Tally[]): Tally {
  return tallies.reduce((sum, t) => ({ passed: sum.passed + t.passed, failed: sum.failed + t.failed, skipped: sum.skipped + t.skipped }), {
    passed: 0,
    failed: 0,
    skipped: 0,
  });
}

/**
 * One line of the summary about a test that failed (or failed once and passed on its second try): the mark, its
 * title and the first line of its error, so the end of a long CI log still says what went wrong.
 */
export function failureNote(mark: string, title: string, error: string): string {
  const firstLine = error.split('\n').find((line) => line.trim()) ?? '';
  const line = `${mark} ${title}: ${firstLine.trim()}`;
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}
