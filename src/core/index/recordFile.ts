import { DecisionSource, numberFromFileName, parseDecision, titleFromFileName } from '../decisions/decisionParser';
import { parseDesignDoc } from '../design/designParser';
import { parseActivity, readInfluenceFields } from '../influence/activityParser';
import { parsePersonProfile, parseSession } from '../people/mentoringParser';
import { readFrontMatter } from '../records/frontMatter';
import { LodestarRecord, Problem } from '../records/record';
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
 * Reads one record file. Whatever is wrong with it — empty, binary, invalid
 * UTF-8, huge, broken front matter — it still yields a record (so it is
 * listed) and the problems that say what is wrong. Nothing is ever written.
 */
export async function loadRecordFile(fs: RecordFileSystem, path: string, folder: RecordFolder): Promise<LoadedRecord> {
  return parseRecordFile(path, folder, await readRecordBytes(fs, path));
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

export function parseRecordFile(path: string, folder: RecordFolder, read: Uint8Array | 'missing' | Error): LoadedRecord {
  const problems: Problem[] = [];
  const problem = (code: string, message: string, severity: Problem['severity'] = 'warning', line = 1): void => {
    problems.push({ path, line, severity, code, message });
  };
  if (read === 'missing') return { problems: [] };
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
  const src = { path, folder: folder.path, data: fm.data, body: fm.body, bodyLine: fm.bodyLine, log4brains: folder.log4brains, head: fm.data ? text.slice(0, text.length - fm.body.length) : undefined };
  const record = readInfluenceFields(parseByKind(src, folder), fm.data);
  if (record.kind === 'decision' || record.kind === 'design') readAppliesTo(record, fm.data, text);
  return { record: detachRecord(record), problems };
}

/** `applies-to: src/payments/**` or a list of globs (also spelled `appliesTo`); a string is one glob, never split at commas (`{a,b}`). */
function readAppliesTo(record: LodestarRecord, data: Record<string, unknown> | undefined, text: string): void {
  if (!data) return;
  const key = 'applies-to' in data ? 'applies-to' : 'appliesTo' in data ? 'appliesTo' : undefined;
  if (!key) return;
  const value = data[key];
  const items = Array.isArray(value) ? value : [value];
  record.appliesTo = items.filter((v): v is string | number => (typeof v === 'string' && v.trim() !== '') || typeof v === 'number').map((v) => String(v).trim());
  const at = new RegExp(`^(["']?)${key}\\1[ \\t]*:`, 'm').exec(text);
  record.appliesToLine = at ? text.slice(0, at.index).split('\n').length : 1;
}

function parseByKind(src: DecisionSource, folder: RecordFolder): LodestarRecord {
  switch (folder.kind) {
    case 'decision':
      return parseDecision(src);
    case 'design':
      return parseDesignDoc(src);
    case 'mentoring': {
      const parts = (relativePath(folder.path, src.path) ?? basename(src.path)).split('/');
      return parts.length === 1 ? parsePersonProfile(src) : parseSession(src, parts[0]);
    }
    case 'influence':
      return parseActivity(src);
  }
}

/**
 * Copies the strings a record keeps. V8 makes substrings as views of their parent,
 * so a title sliced out of a file would keep the whole file's text alive for as
 * long as the index holds the record.
 */
function detachRecord(r: LodestarRecord): LodestarRecord {
  r.title = detach(r.title);
  if (r.status) r.status = detach(r.status);
  for (const l of r.links) {
    l.target = detach(l.target);
    if (l.label) l.label = detach(l.label);
  }
  r.people = r.people.map(detach);
  if (r.tags) r.tags = r.tags.map(detach);
  r.pullRequests = r.pullRequests.map(detach);
  if (r.goals) r.goals = r.goals.map(detach);
  if (r.handle) r.handle = detach(r.handle);
  if (r.sessionKind) r.sessionKind = detach(r.sessionKind);
  if (r.appliesTo) r.appliesTo = r.appliesTo.map(detach);
  return r;
}

function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

function fallbackRecord(path: string, folder: RecordFolder): LodestarRecord {
  const name = basename(path);
  const rel = relativePath(folder.path, path) ?? name;
  const parts = rel.split('/');
  const kind = folder.kind === 'decision' ? 'decision' : folder.kind === 'design' ? 'design' : folder.kind === 'influence' ? 'activity' : parts.length === 1 ? 'person' : 'session';
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
