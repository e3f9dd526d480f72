import { LodestarRecord } from '../records/record';
import { addLinkInDialect } from './recordLinks';
import { supersedeText } from './newDecision';

/** Each link verb adr-tools writes both sides of (`adr link`, `adr new -s`), and the one the other record writes back. */
export const WRITTEN_BACK: Readonly<Record<string, string>> = {
  supersedes: 'superseded-by',
  'superseded-by': 'supersedes',
  amends: 'amended-by',
  'amended-by': 'amends',
  clarifies: 'clarified-by',
  'clarified-by': 'clarifies',
  extends: 'extended-by',
  'extended-by': 'extends',
};

/**
 * The other side stated with the other degree: `Supersedes [12. X](…)` in one record and `Partially superseded by
 * [51. Y](…)` (an amendment) in the other, or the reverse. The records disagree on how much is replaced, but both state
 * the link: no side is missing.
 */
export const PARTLY_STATED: Readonly<Record<string, string>> = {
  'superseded-by': 'amended-by',
  'amended-by': 'superseded-by',
  supersedes: 'amends',
  amends: 'supersedes',
};

/** `superseded-by` → `Superseded by`. */
export function linkVerb(kind: string): string {
  const words = kind.replace(/-/g, ' ');
  return words[0].toUpperCase() + words.slice(1);
}

export interface MissingSide {
  /** The record that says it. */
  from: LodestarRecord;
  /** The record that does not say it back. */
  to: LodestarRecord;
  /** The verb `to` is missing (`superseded-by`). */
  kind: string;
}

/**
 * The link back a one-sided link (on `line` of `from`, or its first such
 * link) is missing: `0007 supersedes 0002` but 0002 does not say it is
 * superseded by 0007. Undefined when there is none to add.
 */
export function missingSide(from: LodestarRecord, line: number | undefined, recordAt: (target: string) => LodestarRecord | undefined): MissingSide | undefined {
  const candidates = from.links.filter((l) => WRITTEN_BACK[l.kind] !== undefined);
  const ordered = line === undefined ? candidates : [...candidates.filter((l) => l.line === line), ...candidates.filter((l) => l.line !== line)];
  for (const link of ordered) {
    const to = recordAt(link.target);
    if (!to || to.kind !== 'decision' || to.path === from.path) continue;
    const back = WRITTEN_BACK[link.kind];
    // A supersede stated back as an amendment (a part superseded), or the reverse, is stated (see PARTLY_STATED).
    const partly = PARTLY_STATED[back];
    if (to.links.some((l) => (l.kind === back || l.kind === partly) && recordAt(l.target)?.path === from.path)) continue;
    return { from, to, kind: back };
  }
  return undefined;
}

/**
 * The other record's text with the missing side added in its own dialect:
 * "Superseded by" also marks it superseded (as Supersede does); any other
 * verb is one more link.
 */
export function addMissingSide(side: MissingSide, text: string): string {
  if (side.kind === 'superseded-by' && side.from.number !== null)
    return supersedeText(side.to, text, { number: side.from.number, title: side.from.title, path: side.from.path });
  return addLinkInDialect(side.to, text, linkVerb(side.kind), side.from);
}
