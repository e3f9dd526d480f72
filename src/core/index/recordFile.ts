import { ownCopy } from '../records/ownCopy';
import { DecisionSource, numberFromFileName, parseDecision, titleFromFileName } from '../decisions/decisionParser';
import { parseDesignDoc } from '../design/designParser';
import { KepFile, readKepFile } from '../design/kepMetadata';
import { parseActivity, readInfluenceFields } from '../activities/activityParser';
import { parsePersonProfile, parseSession } from '../people/mentoringParser';
import { readFrontMatter } from '../records/frontMatter';
import { LodestarRecord, Problem, RecordLink } from '../records/record';
import { RecordFileSystem, basename, relativePath } from '../store/fileSystem';
import { RecordFolder } from './recordFolders';

/** Files larger than this are listed with a warning and only their head is read. */
export const LARGE_FILE_BYTES = 1024 * 1024;
const HEAD_BYTES = 64 * 1024;
// Made once: constructing a TextDecoder per file costs more than decoding a 2 KB record.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

export interface LoadedRecord {
  record?: LodestarRecord;
  problems: Problem[];
}

/**
 * Reads one record file (with `companion`, a proposal README's kep.yaml, when it has one). Whatever is wrong with
 * it — empty, binary, invalid UTF-8, huge, broken front matter — it still yields a record (so it is listed) and the
 * problems that say what is wrong. Nothing is ever written.
 */
export async function loadRecordFile(fs: RecordFileSystem, path: string, folder: RecordFolder, companion?: string): Promise<LoadedRecord> {
  const kep = companion ? await readKepFile(fs, companion) : undefined;
  return parseRecordFile(path, folder, await readRecordBytes(fs, path), undefined, kep);
}

/** The bytes of a record file, `'missing'` when it is gone, or the read error. */
export function readRecordBytes(fs: RecordFileSystem, path: string): Promise<Uint8Array | 'missing' | Error> {
  // A plain promise chain, not an async frame: this runs once per file on the cold path.
  return fs.readFile(path).then((bytes) => bytes, readError);
}

/** {@link readRecordBytes} through the file system's blocking read; the bytes are valid until its next call. */
export function readRecordBytesNow(readFileNow: (path: string) => Uint8Array, path: string): Uint8Array | 'missing' | Error {
  try {
    return readFileNow(path);
  } catch (e) {
    return readError(e);
  }
}

function readError(e: unknown): 'missing' | Error {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT' || /EntryNotFound|ENOENT/.test(String(err.message ?? err))) return 'missing';
  return err instanceof Error ? err : new Error(String(err));
}

/** The problems of a file that has none: one list shared by every such file, never added to. */
const NO_PROBLEMS = Object.freeze([]) as unknown as Problem[];

/**
 * Reads a record out of a file's bytes (which it does not keep). `kept`: the
 * strings records already keep, shared by the records of one index build.
 * `kep`: a proposal README's kep.yaml, read beside it (its fields, or the problem that kept them from being read).
 */
export function parseRecordFile(
  path: string,
  folder: RecordFolder,
  read: Uint8Array | 'missing' | Error,
  kept?: Map<string, string>,
  kep?: KepFile,
): LoadedRecord {
  const problems: Problem[] = [];
  const problem = (code: string, message: string, severity: Problem['severity'] = 'warning', line = 1): void => {
    problems.push({ path, line, severity, code, message });
  };
  if (read === 'missing') return { problems: NO_PROBLEMS };
  if (read instanceof Error) {
    problem('unreadable-file', `Could not read the file: ${read.message}`);
    return { record: fallbackRecord(path, folder), problems };
  }
  let bytes = read;

  if (bytes.length === 0) {
    problem('empty-file', 'The file is empty.');
    return { record: fallbackRecord(path, folder), problems };
  }
  if (bytes.subarray(0, 8000).indexOf(0) >= 0) {
    problem('binary-file', 'The file holds binary data (NUL bytes), not Markdown; it is listed but not read.', 'error');
    return { record: fallbackRecord(path, folder), problems };
  }
  if (bytes.length > LARGE_FILE_BYTES) {
    problem('file-too-large', `The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; only its first ${HEAD_BYTES / 1024} KB are read.`);
    bytes = bytes.subarray(0, HEAD_BYTES);
  }
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    if (bytes.length !== HEAD_BYTES) problem('invalid-utf8', 'The file is not valid UTF-8; unreadable characters are shown as \uFFFD.');
    text = lenientUtf8.decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const fm = readFrontMatter(text);
  if (fm.error) problem(fm.error.code, fm.error.message, 'error', fm.error.line);
  const src = {
    path,
    folder: folder.path,
    data: fm.data,
    body: fm.body,
    bodyLine: fm.bodyLine,
    log4brains: folder.log4brains,
    head: fm.data ? text.slice(0, text.length - fm.body.length) : undefined,
  };
  if (kep && 'problem' in kep) problems.push(kep.problem);
  const kepData = kep && 'data' in kep && folder.kind === 'design' ? kep.data : undefined;
  const record = readInfluenceFields(parseByKind(src, folder, kepData), fm.data);
  if (record.kind === 'decision' || record.kind === 'design') readAppliesTo(record, fm.data, text);
  return { record: detachRecord(record, kept), problems: problems.length > 0 ? problems : NO_PROBLEMS };
}

/** `applies-to: src/payments/**` or a list of globs (also spelled `appliesTo`); a string is one glob, never split at commas (`{a,b}`). */
function readAppliesTo(record: LodestarRecord, data: Record<string, unknown> | undefined, text: string): void {
  if (!data) return;
  const key = 'applies-to' in data ? 'applies-to' : 'appliesTo' in data ? 'appliesTo' : undefined;
  if (!key) return;
  const value = data[key];
  const items = Array.isArray(value) ? value : [value];
  record.appliesTo = items
    .filter((v): v is string | number => (typeof v === 'string' && v.trim() !== '') || typeof v === 'number')
    .map((v) => String(v).trim());
  const at = new RegExp(`^(["']?)${key}\\1[ \\t]*:`, 'm').exec(text);
  record.appliesToLine = at ? text.slice(0, at.index).split('\n').length : 1;
}

/** A path's segments under its mentoring folder: one for a profile (`<handle>.md`), the handle first for a session or note. */
function mentoringParts(path: string, folder: RecordFolder): string[] {
  return (relativePath(folder.path, path) ?? basename(path)).split('/');
}

/** True when the file is read as a person's profile (`<handle>.md` directly in a mentoring folder), the only record with a profile's `pullRequests`. */
export function isPersonProfileFile(path: string, folder: RecordFolder): boolean {
  return folder.kind === 'mentoring' && mentoringParts(path, folder).length === 1;
}

function parseByKind(src: DecisionSource, folder: RecordFolder, kepData?: Record<string, unknown>): LodestarRecord {
  switch (folder.kind) {
    case 'decision':
      return parseDecision(src);
    case 'design':
      return parseDesignDoc(src, kepData);
    case 'mentoring': {
      const parts = mentoringParts(src.path, folder);
      return parts.length === 1 ? parsePersonProfile(src) : parseSession(src, parts[0]);
    }
    case 'influence':
      return parseActivity(src);
  }
}

/**
 * Copies the strings a record keeps. V8 makes substrings as views of their parent,
 * so a title sliced out of a file would keep the whole file's text alive for as
 * long as the index holds the record. Short strings (statuses, dates, people,
 * tags) repeat from record to record: with a table of the strings already kept
 * (one per index build), each is kept once.
 */
function detachRecord(r: LodestarRecord, kept: Map<string, string> | undefined): LodestarRecord {
  const d = (s: string): string => detach(s, kept);
  const list = (xs: string[]): string[] => (xs.length === 0 ? NO_STRINGS : xs.map(d));
  r.title = d(r.title);
  if (r.status) r.status = d(r.status);
  if (r.date) r.date = d(r.date);
  if (r.links.length === 0) r.links = NO_LINKS;
  for (const l of r.links) {
    l.target = d(l.target);
    if (l.label) l.label = d(l.label);
  }
  r.people = list(r.people);
  if (r.tags) r.tags = list(r.tags);
  r.pullRequests = list(r.pullRequests);
  if (r.goals) r.goals = list(r.goals);
  if (r.handle) r.handle = d(r.handle);
  if (r.sessionKind) r.sessionKind = d(r.sessionKind);
  if (r.appliesTo) r.appliesTo = list(r.appliesTo);
  if (r.consulted) r.consulted = list(r.consulted);
  if (r.authors) r.authors = list(r.authors);
  if (r.reviewers) r.reviewers = list(r.reviewers);
  if (r.approvers) r.approvers = list(r.approvers);
  if (r.emails) r.emails = list(r.emails);
  if (r.commits) r.commits = list(r.commits);
  if (r.github) r.github = d(r.github);
  if (r.gitlab) r.gitlab = d(r.gitlab);
  if (r.activityType) r.activityType = d(r.activityType);
  if (r.outcome) r.outcome = d(r.outcome);
  if (r.activity) r.activity = d(r.activity);
  if (r.reviewBy) r.reviewBy = d(r.reviewBy);
  if (r.cadence) r.cadence = d(r.cadence);
  return r;
}

// Empty lists, shared by every record that has one: frozen, since a record's lists are never added to.
const NO_STRINGS = Object.freeze([]) as unknown as string[];
const NO_LINKS = Object.freeze([]) as unknown as RecordLink[];

/** Strings up to this length are looked up in the table of kept strings; longer ones (titles) are rarely repeated. */
const SHARED_MAX = 40;

function detach(s: string, kept: Map<string, string> | undefined): string {
  if (kept && s.length <= SHARED_MAX) {
    let k = kept.get(s);
    if (k === undefined) {
      k = ownCopy(s);
      kept.set(k, k);
    }
    return k;
  }
  return ownCopy(s);
}

function fallbackRecord(path: string, folder: RecordFolder): LodestarRecord {
  const name = basename(path);
  const rel = relativePath(folder.path, path) ?? name;
  const parts = rel.split('/');
  const kind =
    folder.kind === 'decision'
      ? 'decision'
      : folder.kind === 'design'
        ? 'design'
        : folder.kind === 'influence'
          ? 'activity'
          : parts.length === 1
            ? 'person'
            : 'session';
  return {
    kind,
    path,
    folder: folder.path,
    number: kind === 'decision' && !/^\d{8}-/.test(name) ? numberFromFileName(name) : null,
    title: titleFromFileName(name),
    status: null,
    date: null,
    dialect: kind === 'decision' ? 'plain' : 'front-matter',
    links: kind === 'session' ? [{ kind: 'mentee', target: parts[0] }] : [],
    pullRequests: [],
    private: false,
    people: [],
    handle: kind === 'person' ? name.replace(/\.(md|markdown)$/i, '') : kind === 'session' ? parts[0] : undefined,
    titleLine: 1,
  };
}
