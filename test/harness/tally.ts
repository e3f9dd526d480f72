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
