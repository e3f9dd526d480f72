import { LodestarRecord } from '../records/record';

/** Where a record offered in a pick comes from: what the user has in front of them, first. */
export type RecordContext = 'editor' | 'selection' | undefined;

export interface OrderedChoice {
  record: LodestarRecord;
  context: RecordContext;
}

/**
 * The order a command's record pick offers: the record open in the active
 * editor, then the one selected in the tree, then the rest newest first (by
 * date, then by number, so a folder without dates still lists its latest
 * records first). The first one is the pick's preselected item.
 */
export function recordsForPicking(records: readonly LodestarRecord[], context: { editor?: string; selection?: string } = {}): OrderedChoice[] {
  const rest = records
    .filter((r) => r.path !== context.editor && r.path !== context.selection)
    .sort(
      (a, b) =>
        (b.date ?? '').localeCompare(a.date ?? '') || (b.number ?? -1) - (a.number ?? -1) || a.title.localeCompare(b.title) || a.path.localeCompare(b.path),
    )
    .map((record) => ({ record, context: undefined as RecordContext }));
  const first: OrderedChoice[] = [];
  const inEditor = context.editor ? records.find((r) => r.path === context.editor) : undefined;
  if (inEditor) first.push({ record: inEditor, context: 'editor' });
  const selected = context.selection && context.selection !== context.editor ? records.find((r) => r.path === context.selection) : undefined;
  if (selected) first.push({ record: selected, context: 'selection' });
  return [...first, ...rest];
}
