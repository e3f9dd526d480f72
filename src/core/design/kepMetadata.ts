import { parseDocument } from 'yaml';
import { Problem, RecordLink } from '../records/record';
import { listField, stringField } from '../records/frontMatter';
import { EntryType, RecordFileSystem, dirname, joinPath, resolveHref } from '../store/fileSystem';

/** The metadata file beside a KEP-style proposal's README (`keps/sig-cli/1441-kubectl-debug/kep.yaml`). */
export const KEP_FILE_NAME = 'kep.yaml';

/** A kep.yaml larger than this is not read (a problem says so): real ones are a few KB. */
export const MAX_KEP_BYTES = 256 * 1024;

/**
 * What a proposal's kep.yaml gave: its fields (a mapping, prototype-less), or the problem that kept them from being
 * read (too large, unreadable, malformed YAML, not a mapping).
 */
export type KepFile = { path: string; data: Record<string, unknown> } | { path: string; problem: Problem };

/** The kep.yaml a proposal README would have beside it. */
export function kepFileOf(readmePath: string): string {
  return `${dirname(readmePath)}/${KEP_FILE_NAME}`;
}

/**
 * Reads a proposal's kep.yaml through the file-system port: undefined when there is none, or when what is there is
 * no regular file (a folder, a pipe or a device named so is no metadata and is never opened). One that is too large,
 * cannot be read or is no YAML mapping gives a warning and no fields; the README is listed as it reads alone.
 */
export async function readKepFile(fs: RecordFileSystem, path: string): Promise<KepFile | undefined> {
  const problem = (message: string, line = 1): KepFile => ({ path, problem: { path, line, severity: 'warning', code: 'unreadable-metadata', message } });
  let bytes: Uint8Array;
  try {
    const st = await fs.stat(path);
    if (!st || !(st.type & EntryType.File)) return undefined;
    if (st.size > MAX_KEP_BYTES) return problem(`kep.yaml is ${Math.round(st.size / 1024)} KB; over ${MAX_KEP_BYTES / 1024} KB it is not read.`);
    bytes = await fs.readFile(path);
  } catch (e) {
    return problem(`kep.yaml could not be read: ${(e as Error).message}`);
  }
  // Grown since it was looked at: read no further than the limit says.
  if (bytes.length > MAX_KEP_BYTES) return problem(`kep.yaml is ${Math.round(bytes.length / 1024)} KB; over ${MAX_KEP_BYTES / 1024} KB it is not read.`);
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  try {
    // The core schema only, as front matter: no custom tags, dates stay text, aliases are capped.
    const doc = parseDocument(text, { schema: 'core', prettyErrors: false, uniqueKeys: false, customTags: [] });
    if (doc.errors.length > 0) {
      const err = doc.errors[0];
      const at = err.pos?.[0] ?? 0;
      return problem(`kep.yaml is not valid YAML: ${err.message.split('\n')[0]}`, text.slice(0, at).split('\n').length);
    }
    const value: unknown = doc.toJS({ maxAliasCount: 50 });
    if (value === null || value === undefined) return { path, data: Object.create(null) as Record<string, unknown> };
    if (typeof value !== 'object' || Array.isArray(value)) return problem('kep.yaml is not a mapping of fields to values; its fields are not read.');
    const data = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value)) data[key] = (value as Record<string, unknown>)[key];
    return { path, data };
  } catch (e) {
    return problem(`kep.yaml is not valid YAML: ${String((e as Error).message ?? e).split('\n')[0]}`);
  }
}

/** The fields a design doc takes from its kep.yaml (what its README's front matter leaves out). */
export interface KepFields {
  title?: string;
  number?: number;
  status?: string;
  authors: string[];
  reviewers: string[];
  approvers: string[];
  created?: string;
  updated?: string;
  links: RecordLink[];
}

/** `n/a`, `None`, `TBD`, `-`: a list's placeholder, no link. */
const PLACEHOLDER = /^(?:n\/?a|none|null|tbd|todo|-+|~)$/i;

/** `replaces`, `superseded-by`, `see-also`: the link each is, as other records' links are named. */
const LINK_KEYS: [string, string][] = [
  ['replaces', 'supersedes'],
  ['superseded-by', 'superseded-by'],
  ['see-also', 'relates-to'],
];

/**
 * The fields of a proposal's kep.yaml, for its README at `readmePath` under the design folder `folder`. A link
 * (`replaces`, `superseded-by`, `see-also`) to another proposal's folder (`keps/sig-node/1234-name`,
 * `/keps/sig-node/1234-name`, from the repository's top) names that folder's README; a path to a Markdown file
 * names that file; an address is kept as written. Placeholders (`n/a`, `None`, `""`) are none.
 */
export function kepFields(data: Record<string, unknown>, readmePath: string, folder: string): KepFields {
  const number = data['kep-number'];
  const parsedNumber = typeof number === 'number' ? number : typeof number === 'string' && /^\d{1,9}$/.test(number.trim()) ? parseInt(number, 10) : undefined;
  const links: RecordLink[] = [];
  for (const [key, kind] of LINK_KEYS) {
    for (const written of listField(data, key)) {
      if (PLACEHOLDER.test(written)) continue;
      links.push({ kind, target: kepLinkTarget(written, readmePath, folder), label: written, via: 'metadata' });
    }
  }
  return {
    title: stringField(data, 'title'),
    number: parsedNumber !== undefined && Number.isSafeInteger(parsedNumber) && parsedNumber >= 0 ? parsedNumber : undefined,
    status: stringField(data, 'status'),
    authors: listField(data, 'authors'),
    reviewers: listField(data, 'reviewers'),
    approvers: listField(data, 'approvers'),
    created: stringField(data, 'creation-date'),
    updated: stringField(data, 'last-updated'),
    links,
  };
}

/**
 * Where a kep.yaml link points. Paths are from the repository's top, which the design folder's path shows:
 * `keps/sig-node/1234-x` under `/repo/keps` is `/repo/keps/sig-node/1234-x`. A path whose first folder is not in the
 * design folder's path is taken from the design folder; `./` and `../` from the proposal's own folder.
 */
function kepLinkTarget(written: string, readmePath: string, folder: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(written)) return written;
  const clean = written.split('#')[0].replace(/\/+$/, '');
  let target: string;
  if (clean.startsWith('./') || clean.startsWith('../')) target = resolveHref(readmePath, clean);
  else {
    const rel = clean.replace(/^\/+/, '');
    const first = rel.split('/')[0];
    const at = `${folder}/`.lastIndexOf(`/${first}/`);
    target = at >= 0 ? joinPath(folder.slice(0, at) || '/', rel) : joinPath(folder, rel);
  }
  // A proposal's folder: its README is the record.
  return /\.(?:md|markdown)$/i.test(target) ? target : `${target}/README.md`;
}
