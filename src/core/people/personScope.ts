import { LodestarRecord } from '../records/record';
import { isIsoDate } from '../records/calendar';

/** Who a report is about: everyone, or one person and the ways records name them. */
export interface PersonScope {
  /** True when a list of people names the person (always true without a person). */
  names(people: readonly string[]): boolean;
  /** True for the person's own mentee handle (every handle without a person). */
  isMentee(handle: string): boolean;
  /** Their name from their profile, else the handle as given; empty without a person. */
  name: string;
}

/** The person's handle, and their profile's name, logins and e-mails: the ways records name them. */
export function personScope(records: readonly LodestarRecord[], person: string | undefined): PersonScope {
  if (person === undefined) return { names: () => true, isMentee: () => true, name: '' };
  const handle = personKey(person);
  const aliases = new Set([handle]);
  let name = person.replace(/^@/, '');
  for (const r of records) {
    // A mentee with no profile may be known by another identity (a `.git-coauthors` address) once people are resolved.
    if (r.kind === 'session' && r.menteeKey && personKey(r.handle ?? '') === handle) aliases.add(personKey(r.menteeKey));
    if (r.kind !== 'person' || personKey(r.handle ?? '') !== handle) continue;
    name = r.title;
    for (const alias of [r.title, r.github, r.gitlab, ...(r.emails ?? [])]) if (alias) aliases.add(personKey(alias));
  }
  return {
    names: (people) => people.some((p) => aliases.has(personKey(p))),
    isMentee: (h) => personKey(h) === handle,
    name,
  };
}

/** A handle or name compared without case or a leading `@`. */
export function personKey(name: string): string {
  return name.trim().replace(/^@/, '').toLowerCase();
}

/** The date when it is a real `YYYY-MM-DD` date; anything else counts as no date. */
export function readableDate(date: string | null | undefined): string | null {
  return isIsoDate(date) ? date : null;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
