import { LodestarRecord, Problem } from '../records/record';
import { PeopleDirectory } from './identities';
import { WrittenValue, writtenValues } from '../records/writtenValues';

/**
 * People as one identity each, wherever records name them: a handle, an
 * e-mail of a profile, `.git-coauthors` initials, an old address `.mailmap`
 * maps, `Name <email>` — all become the person's key (the profile's handle,
 * else the canonical address). Names nobody is known by stay as written.
 */

/** The keys of the people `refs` name, each once, in the order first named. */
export function canonicalPeople(refs: readonly string[], directory: PeopleDirectory): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const ref of refs) {
    const written = ref.trim().replace(/^@/, '');
    if (written === '') continue;
    const key = directory.keyFor(written);
    const compare = key.toLowerCase();
    if (seen.has(compare)) continue;
    seen.add(compare);
    out.push(key);
  }
  return out;
}

/**
 * People as a new record should write them: anyone with a profile as their
 * handle, anyone else as typed (they are still counted as one identity);
 * each person once.
 */
export function peopleToWrite(refs: readonly string[], directory: PeopleDirectory): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const ref of refs) {
    const written = ref.trim().replace(/^@/, '');
    if (written === '') continue;
    const key = directory.keyFor(written);
    if (seen.has(key.toLowerCase())) continue;
    seen.add(key.toLowerCase());
    out.push(directory.byHandleOrKey(key)?.source === 'profile' ? key : written);
  }
  return out;
}

const NAMING_KINDS = new Set<LodestarRecord['kind']>(['decision', 'design', 'session', 'activity']);

/**
 * The records with the people of sessions, activities, decisions and design
 * docs (`people`, `consulted`, a design doc's `authors`, `reviewers` and
 * `approvers`) written as person keys, each once: what the
 * dashboard, the influence view and reports count, so one person is never
 * two (`dana` and `dana@example.com`). Records are copied, never changed.
 */
export function recordsWithCanonicalPeople(records: readonly LodestarRecord[], directory: PeopleDirectory): LodestarRecord[] {
  return records.map((r) => {
    if (!NAMING_KINDS.has(r.kind) || (r.people.length === 0 && !r.consulted && !r.handle)) return r;
    const people = canonicalPeople(r.people, directory);
    const copy: LodestarRecord = { ...r, people };
    if (r.consulted) copy.consulted = canonicalPeople(r.consulted, directory);
    if (r.authors) copy.authors = canonicalPeople(r.authors, directory);
    if (r.reviewers) copy.reviewers = canonicalPeople(r.reviewers, directory);
    if (r.approvers) copy.approvers = canonicalPeople(r.approvers, directory);
    if (r.kind === 'session' && r.handle) copy.menteeKey = directory.keyFor(r.handle);
    return copy;
  });
}

/**
 * `duplicate-person` (a warning) for each session or activity that names one
 * person more than once under different names — as earlier versions wrote
 * `with: [dana, dana@example.com]`, or a session in Dana's folder `with` her
 * own address. Lodestar already counts them once; the problem says which
 * file to fix and what to write, and (with `textOf`, the file's text) points
 * at the list item to remove.
 */
export function duplicatePeopleProblems(
  records: readonly LodestarRecord[],
  directory: PeopleDirectory,
  textOf?: (path: string) => string | undefined,
): Problem[] {
  const problems: Problem[] = [];
  for (const r of records) {
    if (r.kind !== 'session' && r.kind !== 'activity') continue;
    const refs = r.kind === 'session' && r.handle ? [r.handle, ...r.people] : r.people;
    const byKey = new Map<string, string[]>();
    for (const ref of refs) {
      const written = ref.trim().replace(/^@/, '');
      if (written === '') continue;
      const key = directory.keyFor(written);
      const names = byKey.get(key.toLowerCase()) ?? [];
      if (!names.some((n) => n.toLowerCase() === written.toLowerCase())) names.push(written);
      byKey.set(key.toLowerCase(), names);
    }
    for (const [lower, names] of byKey) {
      if (names.length < 2) continue;
      const key = directory.keyFor(names[0]);
      const name = directory.nameOf(key);
      const who = name !== key ? `${name} (${key})` : key;
      const listed = names.map((n) => `"${n}"`).join(' and ');
      const own = r.kind === 'session' && r.handle && directory.keyFor(r.handle).toLowerCase() === lower;
      // At the second name written for them (the first one may be the folder's): the one to remove.
      const at = writtenAt(r, names[1], textOf);
      problems.push({
        path: r.path,
        line: at?.line ?? 1,
        ...(at ? { column: at.column } : {}),
        severity: 'warning',
        code: 'duplicate-person',
        message: own
          ? `${listed} are one person, ${who}, whose folder this session is in; it is counted once. Remove them from "with".`
          : `${listed} are one person, ${who}; they are counted once. Write "${key}" once in ${r.kind === 'session' ? '"with"' : '"people"'}.`,
      });
    }
  }
  return problems;
}

/** Where `name` is written in the record's `with` (a session) or `people` (an activity), when the file can be read. */
function writtenAt(r: LodestarRecord, name: string, textOf: ((path: string) => string | undefined) | undefined): WrittenValue | undefined {
  const text = textOf?.(r.path);
  if (text === undefined) return undefined;
  const wanted = name.toLowerCase();
  return writtenValues(text, r.kind === 'session' ? ['with'] : ['people']).find((v) => v.value.replace(/^@/, '').toLowerCase() === wanted);
}
