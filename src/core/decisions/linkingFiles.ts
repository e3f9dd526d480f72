import { GitExecutor } from '../git/gitExecutor';
import { basename, joinPath, toPortPath } from '../store/fileSystem';

/** Markdown files, by name. */
const MARKDOWN = /\.(?:md|markdown)$/i;
const READ_AT_ONCE = 32;

/**
 * The texts of the Markdown files of a record's repository, besides those
 * `known` (already read by the caller), that name the record's file, as
 * written or percent-encoded: the files a renumber or rename must look at
 * for links to it (a design doc's `decisions:`, a README's table of
 * decisions, a record in another folder), and the repository's top folder
 * (links written from it, `/doc/adr/0007-x.md`, lead there). The repository's files are those
 * git lists: tracked, and untracked ones it does not ignore. Outside git (or
 * when git fails) there are none. Files `read` cannot read (gone, not UTF-8)
 * are left out, so never rewritten.
 */
export async function markdownNaming(
  git: GitExecutor,
  recordPath: string,
  known: ReadonlySet<string>,
  read: (path: string) => Promise<string | undefined>,
): Promise<{ texts: Map<string, string>; top?: string }> {
  const out = new Map<string, string>();
  let top: string;
  let listing: string;
  try {
    top = toPortPath((await git.run(['rev-parse', '--show-toplevel'])).trim());
    // `:/` is the whole repository, with paths from its top, wherever git runs.
    listing = await git.run(['ls-files', '-z', '--full-name', '--cached', '--others', '--exclude-standard', '--', ':/']);
  } catch {
    return { texts: out };
  }
  if (top === '') return { texts: out };
  const name = basename(recordPath);
  const encoded = encodeURI(name);
  const files = [...new Set(listing.split('\0'))].filter((f) => MARKDOWN.test(f)).map((f) => joinPath(top, f));
  const unread = files.filter((f) => !known.has(f) && f !== recordPath);
  // A few at a time: a repository may have thousands of Markdown files.
  for (let i = 0; i < unread.length; i += READ_AT_ONCE) {
    const batch = unread.slice(i, i + READ_AT_ONCE);
    const texts = await Promise.all(batch.map((f) => read(f)));
    batch.forEach((file, j) => {
      const text = texts[j];
      if (text !== undefined && (text.includes(name) || (encoded !== name && text.includes(encoded)))) out.set(file, text);
    });
  }
  return { texts: out, top };
}
