/**
 * The DESIGN's influence taxonomy: leading is team-wide, managing is
 * individual. A type a repository uses that is not in the table is kept as
 * written (never renamed) and flagged as a problem in the index.
 */

export type InfluenceSide = 'leading' | 'managing';

export interface ActivityType {
  id: string;
  label: string;
  side: InfluenceSide;
}

export const ACTIVITY_TYPES: readonly ActivityType[] = [
  { id: 'alignment-values', label: 'Alignment: values', side: 'leading' },
  { id: 'alignment-business-context', label: 'Alignment: business context', side: 'leading' },
  { id: 'alignment-strategy', label: 'Alignment: strategy', side: 'leading' },
  { id: 'alignment-goals', label: 'Alignment: goals', side: 'leading' },
  { id: 'decision', label: 'Decision', side: 'leading' },
  { id: 'design-review', label: 'Design review', side: 'leading' },
  { id: 'knowledge-sharing', label: 'Knowledge sharing', side: 'leading' },
  { id: 'process-improvement', label: 'Process improvement', side: 'leading' },
  { id: 'dependency-alignment', label: 'Dependency alignment', side: 'leading' },
  { id: 'incident-leadership', label: 'Incident leadership', side: 'leading' },
  { id: 'hiring', label: 'Hiring', side: 'leading' },
  { id: 'mentoring', label: 'Mentoring', side: 'managing' },
  { id: 'pairing', label: 'Pairing', side: 'managing' },
  { id: 'coaching', label: 'Coaching', side: 'managing' },
  { id: 'career-conversation', label: 'Career conversation', side: 'managing' },
  { id: 'sponsorship', label: 'Sponsorship', side: 'managing' },
  { id: 'feedback', label: 'Feedback', side: 'managing' },
];

const BY_ID = new Map(ACTIVITY_TYPES.map((t) => [t.id, t]));

/** `Design Review`, `design_review` → `design-review`; anything else kept, lower-cased. */
export function normaliseActivityType(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

export function activityType(id: string): ActivityType | undefined {
  return BY_ID.get(id);
}

export function isKnownActivityType(id: string): boolean {
  return BY_ID.has(id);
}

/** Leading or managing; undefined for a type outside the taxonomy. */
export function influenceSide(id: string): InfluenceSide | undefined {
  return BY_ID.get(id)?.side;
}

/** The label to show; an unknown type is shown as written. */
export function activityTypeLabel(id: string): string {
  return BY_ID.get(id)?.label ?? id;
}

/** The taxonomy's alignment and process types: the report's "Alignment and process work". */
export const ALIGNMENT_AND_PROCESS_TYPES: readonly string[] = [
  'alignment-values',
  'alignment-business-context',
  'alignment-strategy',
  'alignment-goals',
  'knowledge-sharing',
  'process-improvement',
  'dependency-alignment',
  'incident-leadership',
  'hiring',
];

/**
 * The activity a logged mentoring session counts as: pairing, career talks
 * and feedback are their own types; every other session is mentoring.
 * Notes are not sessions and count as nothing.
 */
export function activityTypeOfSession(sessionKind: string | undefined): string | undefined {
  switch (sessionKind) {
    case 'note':
      return undefined;
    case 'pairing':
      return 'pairing';
    case 'career':
    case 'career-conversation':
      return 'career-conversation';
    case 'feedback':
      return 'feedback';
    case 'coaching':
      return 'coaching';
    default:
      return 'mentoring';
  }
}
