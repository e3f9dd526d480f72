import type { LodestarRecord, RecordKind } from '../../core/records/record';

/** Every record kind a tree shows as a row (the manifest test expands the contextValues from it). */
export const RECORD_KINDS: readonly RecordKind[] = ['decision', 'design', 'person', 'session', 'activity'];

/**
 * The contextValue of a record's tree item, which the `view/item/context` menus match: `lodestar.<kind>`, then
 * `.unnumbered` for a decision without a number (log4brains, date-named files: no Renumber), then `.private`.
 */
export function recordContextValue(record: Pick<LodestarRecord, 'kind' | 'number' | 'private'>): string {
  return `lodestar.${record.kind}${record.kind === 'decision' && record.number === null ? '.unnumbered' : ''}${record.private ? '.private' : ''}`;
}
