import { isShortPullRequestReference } from '../records/pullRequestForms';
import { LodestarRecord } from '../records/record';
import { RecordFileSystem } from '../store/fileSystem';
import { pullRequestKey, pullRequestUrlKeys, resolvePullRequestReference } from './prReferences';
import { RemoteRepo } from './remotes';

/**
 * The reverse lookup pull request → records, built from the index's records
 * (their `pullRequests` front matter), never by re-reading files. Each stored
 * reference is resolved against the remotes, so `#12`, `12`, `o/r#12` and the
 * full URL of the same pull request all meet under one key. A short form that
 * cannot be resolved (no remote) is still found by its number.
 *
 * Rebuild it when the index changes (`RecordIndex.version`); it is cheap.
 */
export class PullRequestLinks {
  private readonly byUrl = new Map<string, LodestarRecord[]>();
  private readonly byShort = new Map<string, LodestarRecord[]>();
  private readonly urls = new Map<string, string>();
  /** The key a pull request's URL is looked up by (thousands of URLs of one repository in `lodestar prs`). */
  private readonly keyOf = pullRequestUrlKeys();

  constructor(records: Iterable<LodestarRecord>, remotes: readonly RemoteRepo[]) {
    for (const record of records) {
      for (const ref of record.pullRequests) {
        const resolved = resolvePullRequestReference(ref, remotes);
        if (resolved.ok) {
          const key = pullRequestKey(resolved.reference.url);
          if (!this.urls.has(key)) this.urls.set(key, resolved.reference.url);
          add(this.byUrl, key, record);
        } else {
          const short = /^\s*[#!]?0*(\d{1,10})\s*$/.exec(ref);
          if (short) add(this.byShort, short[1], record);
        }
      }
    }
  }

  /**
   * Records linked to a pull request: by its URL, or — for a pull request
   * without a URL (no remote) — by the short forms records store (`#N`, `N`).
   */
  recordsFor(pr: { url: string | null; number?: number }): LodestarRecord[] {
    const out: LodestarRecord[] = [];
    if (pr.url) {
      const key = this.keyOf(pr.url);
      for (const r of this.byUrl.get(key) ?? []) if (!out.includes(r)) out.push(r);
    }
    if (!pr.url && pr.number !== undefined) {
      for (const r of this.byShort.get(String(pr.number)) ?? []) if (!out.includes(r)) out.push(r);
    }
    return out;
  }

  /** Every linked pull request's canonical URL (as first written), with its records. */
  linked(): { url: string; records: LodestarRecord[] }[] {
    return [...this.byUrl.entries()].map(([key, records]) => ({ url: this.urls.get(key) ?? key, records }));
  }
}

function add(map: Map<string, LodestarRecord[]>, key: string, record: LodestarRecord): void {
  const list = map.get(key);
  if (!list) map.set(key, [record]);
  else if (!list.includes(record)) list.push(record);
}

/**
 * The records with each `pullRequests` entry written as its canonical URL
 * when the remotes resolve it (`#12`, `acme/payments#12` and the URL of the
 * same pull request become one URL), so reports count and link each pull
 * request once. Entries that do not resolve are kept as written. Records
 * without short forms are returned as they are.
 */
export function withCanonicalPullRequests(records: readonly LodestarRecord[], remotes: readonly RemoteRepo[]): LodestarRecord[] {
  return records.map((r) => {
    if (r.pullRequests.length === 0) return r;
    const canonical = r.pullRequests.map((ref) => {
      const resolved = resolvePullRequestReference(ref, remotes);
      return resolved.ok ? resolved.reference.url : ref;
    });
    const unique = canonical.filter((url, i) => canonical.findIndex((u) => pullRequestKey(u) === pullRequestKey(url)) === i);
    return unique.every((u, i) => u === r.pullRequests[i]) && unique.length === r.pullRequests.length ? r : { ...r, pullRequests: unique };
  });
}

/**
 * `refs` with each short form written as the URL the remotes resolve it to
 * (the URL `withCanonicalPullRequests` gives it); URLs, and short forms the
 * remotes cannot resolve (no remote, no fitting one), as written, in order.
 */
export function withShortFormsResolved(refs: readonly string[], remotes: readonly RemoteRepo[]): string[] {
  return refs.map((ref) => {
    if (!isShortPullRequestReference(ref)) return ref;
    const resolved = resolvePullRequestReference(ref, remotes);
    return resolved.ok ? resolved.reference.url : ref;
  });
}

const PR_KEYS = ['pullRequests', 'pull-requests'].map((k) => Array.from(k, (c) => c.charCodeAt(0)));
const BACKSLASH = 0x5c;
const Q = 0x71;
/** Where each key has its `q`. */
const KEY_Q = PR_KEYS.map((key) => key.indexOf(Q));

/**
 * False when a record file cannot link a pull request: its `pullRequests`
 * (or `pull-requests`) key is not in its bytes, and there is no `\` with
 * which a quoted key could spell it. Lets `lodestar prs` parse only the
 * files that can matter (every file is still read).
 */
export function mayLinkPullRequests(bytes: Uint8Array): boolean {
  if (bytes.indexOf(BACKSLASH) >= 0) return true;
  // Found from their `q`, a letter prose seldom has: far fewer places to compare than from their `p`.
  for (let i = bytes.indexOf(Q); i >= 0; i = bytes.indexOf(Q, i + 1)) {
    for (let j = 0; j < PR_KEYS.length; j++) {
      const key = PR_KEYS[j];
      const start = i - KEY_Q[j];
      if (start < 0 || start + key.length > bytes.length) continue;
      let k = 0;
      while (k < key.length && bytes[start + k] === key[k]) k++;
      if (k === key.length) return true;
    }
  }
  return false;
}

/**
 * False when none of these record files can link a pull request (see
 * {@link mayLinkPullRequests}); true as soon as one can, or cannot be read.
 * Reads through the blocking read when the file system offers one.
 */
export async function filesMayLinkPullRequests(fs: RecordFileSystem, paths: readonly string[]): Promise<boolean> {
  const readNow = fs.readFileNow?.bind(fs);
  for (const path of paths) {
    let bytes: Uint8Array;
    try {
      bytes = readNow ? readNow(path) : await fs.readFile(path);
    } catch {
      return true;
    }
    if (mayLinkPullRequests(bytes)) return true;
  }
  return false;
}
