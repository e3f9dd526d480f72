import { LodestarRecord } from '../records/record';
import { isWrittenNote, sessionKindLabel } from '../people/mentoringParser';
import { compareRecords, statusLabel } from '../records/recordLabels';

/** Pure grouping and ordering behind the tree views, so it is tested (and benchmarked) without VS Code. */

const DECISION_STATUS_ORDER = ['proposed', 'draft', 'accepted', 'deprecated', 'superseded', 'rejected'];
const DESIGN_STATUS_ORDER = ['draft', 'in-review', 'approved', 'implemented', 'superseded', 'withdrawn', 'rejected'];

export interface StatusGroup {
  /** Lower-case status, or '' for records without one. */
  status: string;
  label: string;
  records: LodestarRecord[];
}

export function groupByStatus(records: readonly LodestarRecord[], kind: 'decision' | 'design'): StatusGroup[] {
  const order = kind === 'decision' ? DECISION_STATUS_ORDER : DESIGN_STATUS_ORDER;
  const groups = new Map<string, LodestarRecord[]>();
  for (const r of records) {
    const key = r.status ?? '';
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const rank = (s: string): number => {
    const i = order.indexOf(s);
    // Known "in-flight" statuses first, unknown ones after the settled ones, no-status last.
    return s === '' ? 1000 : i >= 0 ? (i < 3 ? i : 100 + i) : 50;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([status, list]) => ({ status, label: statusLabel(status), records: list.sort(compareRecords) }));
}

/** `accepted · 2024-03-01`, then the tags: `accepted · 2024-03-01 · #storage #security` */
export function recordDescription(r: LodestarRecord): string {
  if (r.kind === 'session') {
    // Only what the title does not say already (Lodestar's titles are "Pairing with Bob, 2026-09-12").
    const kind = r.sessionKind ? sessionKindLabel(r.sessionKind) : undefined;
    const title = r.title.toLowerCase();
    return [r.date && !title.includes(r.date) ? r.date : undefined, kind && !title.includes(kind.toLowerCase()) ? kind : undefined].filter(Boolean).join(' · ');
  }
  const tags = r.tags && r.tags.length > 0 ? r.tags.map((t) => `#${t}`).join(' ') : undefined;
  return [r.status, r.date, tags].filter(Boolean).join(' · ');
}

/** `2 sessions · 1 note`: written notes (feedback, wellbeing, notes) are not called sessions. */
export function menteeCounts(records: readonly LodestarRecord[]): string {
  const notes = records.filter((r) => isWrittenNote(r.sessionKind)).length;
  const sessions = records.length - notes;
  const parts = [`${sessions} session${sessions === 1 ? '' : 's'}`];
  if (notes > 0) parts.push(`${notes} note${notes === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

export interface Mentee {
  handle: string;
  profile?: LodestarRecord;
  /** Newest first. */
  sessions: LodestarRecord[];
}

/** Mentees from profiles and from session folders that have no profile yet. */
export function groupMentees(records: readonly LodestarRecord[]): Mentee[] {
  const byHandle = new Map<string, Mentee>();
  const get = (handle: string): Mentee => {
    let m = byHandle.get(handle);
    if (!m) byHandle.set(handle, (m = { handle, sessions: [] }));
    return m;
  };
  for (const r of records) {
    if (r.kind === 'person' && r.handle) get(r.handle).profile = r;
    else if (r.kind === 'session' && r.handle) get(r.handle).sessions.push(r);
  }
  for (const m of byHandle.values()) {
    m.sessions.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.path.localeCompare(a.path));
  }
  return [...byHandle.values()].sort((a, b) => (a.profile?.title ?? a.handle).localeCompare(b.profile?.title ?? b.handle));
}
