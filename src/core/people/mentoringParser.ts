import { ownCopy } from '../records/ownCopy';
import { dateFromFileName, normaliseDate } from '../records/dates';
import { FrontMatterSource, listField, stringField } from '../records/frontMatter';
import { outlineMarkdown, plainText } from '../records/markdownOutline';
import { LodestarRecord } from '../records/record';
import { basename } from '../store/fileSystem';

export const SESSION_KINDS = ['pairing', 'one-on-one', 'code-review', 'design-review', 'shadowing', 'career', 'feedback', 'note'] as const;

/** `docs/mentoring/<handle>.md`: a mentee's profile. */
export function parsePersonProfile(src: FrontMatterSource): LodestarRecord {
  const outline = outlineMarkdown(src.body, src.bodyLine, []);
  const data = src.data;
  const fileHandle = basename(src.path).replace(/\.(md|markdown)$/i, '');
  const handle = stringField(data, 'handle') ?? fileHandle;
  return {
    kind: 'person',
    path: src.path,
    folder: src.folder,
    number: null,
    title: plainText(stringField(data, 'name') ?? outline.title?.text ?? handle),
    status: stringField(data, 'track')?.toLowerCase() ?? null,
    date: normaliseDate(stringField(data, 'since')),
    dialect: 'front-matter',
    links: [],
    pullRequests: listField(data, 'pullRequests', 'pull-requests'),
    private: stringField(data, 'visibility') === 'private',
    people: [handle],
    handle: fileHandle,
    goals: listField(data, 'goals'),
    emails: listField(data, 'emails', 'email').map(ownCopy),
    github: loginField(data, 'github'),
    gitlab: loginField(data, 'gitlab'),
    titleLine: (outline.title?.line ?? 0) + 1,
  };
}

/** A forge login as written, without a leading `@`, or undefined. */
function loginField(data: Record<string, unknown> | undefined, key: string): string | undefined {
  const v = stringField(data, key)?.replace(/^@/, '');
  return v ? ownCopy(v) : undefined;
}

/** `docs/mentoring/<handle>/<YYYY-MM-DD>-<kind>[-N].md`: a session or mentoring note. */
export function parseSession(src: FrontMatterSource, handle: string): LodestarRecord {
  const outline = outlineMarkdown(src.body, src.bodyLine, []);
  const data = src.data;
  const name = basename(src.path);
  const kindFromName = /^\d{4}-\d{2}-\d{2}-([a-z-]+?)(?:-\d+)?\.(md|markdown)$/i.exec(name)?.[1]?.toLowerCase();
  const sessionKind = (stringField(data, 'kind') ?? kindFromName ?? 'note').toLowerCase();
  const withPeople = listField(data, 'with');
  const date = normaliseDate(stringField(data, 'date')) ?? normaliseDate(name.slice(0, 10)) ?? dateFromFileName(name);
  return {
    kind: 'session',
    path: src.path,
    folder: src.folder,
    number: null,
    title: plainText(stringField(data, 'title') ?? outline.title?.text ?? `${sessionKindLabel(sessionKind)} with ${handle}`),
    status: null,
    date,
    dialect: 'front-matter',
    links: [{ kind: 'mentee', target: handle }],
    pullRequests: listField(data, 'pullRequests', 'pull-requests'),
    private: stringField(data, 'visibility') === 'private',
    people: withPeople.length > 0 ? withPeople : [handle],
    handle,
    sessionKind,
    commits: listField(data, 'commits').map(ownCopy),
    titleLine: (outline.title?.line ?? 0) + 1,
  };
}

/** Kinds that are written notes, not meetings: counted as notes, never as sessions (a feedback note is no session). */
export const WRITTEN_NOTE_KINDS = ['note', 'feedback', 'wellbeing'] as const;

export function isWrittenNote(kind: string | undefined): boolean {
  return (WRITTEN_NOTE_KINDS as readonly string[]).includes((kind ?? 'note').toLowerCase());
}

export function sessionKindLabel(kind: string): string {
  const label = kind.replace(/-/g, ' ');
  return label === 'one on one' ? 'One-on-one' : label[0].toUpperCase() + label.slice(1);
}
