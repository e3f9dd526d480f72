import * as vscode from 'vscode';
import { reminderBadges, ReminderView } from '../../core/reminders/reminderBadges';
import { influenceReminders } from '../../core/reminders/reminders';
import { today } from '../../core/records/calendar';
import { readReminderSettings } from '../settings';
import { WorkspaceRecords } from '../workspaceRecords';

const VIEWS: readonly ReminderView[] = ['decisions', 'designDocs', 'mentoring'];
const HOUR_MS = 60 * 60 * 1000;

/**
 * A count on the Decisions, Design Docs and Mentoring views of what needs
 * attention there (review dates passed, proposals and reviews gone stale,
 * mentees not seen within their cadence), with a tooltip saying why. Never a
 * popup. Worked out after each index change (debounced) and once an hour,
 * since a day passing makes things overdue too.
 */
export class ReminderBadges implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly hourly: ReturnType<typeof setInterval>;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly records: WorkspaceRecords,
    private readonly views: Record<ReminderView, Pick<vscode.TreeView<unknown>, 'badge'>>,
  ) {
    this.subscription = records.onDidChange(() => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.refresh(), 250);
    });
    this.hourly = setInterval(() => void this.refresh(), HOUR_MS);
  }

  /** Works the badges out now (after the first index) and returns what each view shows. */
  async refresh(): Promise<Record<ReminderView, vscode.ViewBadge | undefined>> {
    await this.records.ready();
    const settings = readReminderSettings();
    const badges = reminderBadges(influenceReminders(this.records.records(), { today: today(), ...settings }), settings);
    for (const view of VIEWS) {
      const badge = badges[view];
      const shown = this.views[view].badge;
      if (badge?.value !== shown?.value || badge?.tooltip !== shown?.tooltip) this.views[view].badge = badge;
    }
    return this.shown();
  }

  /** What each view shows now. */
  shown(): Record<ReminderView, vscode.ViewBadge | undefined> {
    return { decisions: this.views.decisions.badge, designDocs: this.views.designDocs.badge, mentoring: this.views.mentoring.badge };
  }

  dispose(): void {
    clearTimeout(this.timer);
    clearInterval(this.hourly);
    this.subscription.dispose();
  }
}
