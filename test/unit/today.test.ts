import * as assert from 'assert';
import { calendarDay, today } from '../../src/core/records/calendar';

/** One rule for "today": the user's local calendar day, in the CLI and the editor alike. */
describe('today', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('is the local calendar day, not the UTC one, just after local midnight', () => {
    process.env.TZ = 'Pacific/Kiritimati'; // UTC+14: local midnight is 10:00 UTC the day before
    const justAfterMidnight = new Date('2026-03-01T10:30:00Z');
    assert.strictEqual(today(justAfterMidnight), '2026-03-02');
    assert.strictEqual(justAfterMidnight.toISOString().slice(0, 10), '2026-03-01');
  });

  it('is the local calendar day, not the UTC one, just before local midnight', () => {
    process.env.TZ = 'America/Los_Angeles';
    assert.strictEqual(today(new Date('2026-07-02T06:30:00Z')), '2026-07-01');
  });

  it('writes YYYY-MM-DD with zero-padded month and day', () => {
    assert.strictEqual(calendarDay(new Date(2026, 0, 5, 12)), '2026-01-05');
  });
});
