import { LodestarRecord } from '../records/record';
import { basename, dirname, joinPath } from '../store/fileSystem';
import { closingFenceLine } from '../records/frontMatter';
import { isOpeningFence } from '../records/frontMatterFences';
import { setFrontMatterValue } from '../records/frontMatterEdit';
import { adrToolsSlug } from './adrTools';
import { FRONT_MATTER_NUMBER_KEYS, FRONT_MATTER_NUMBER_VALUE } from './decisionParser';

export interface RenumberPlan {
  from: string;
  to: string;
  /** New full texts, by absolute path: the record itself and every record linking to it. */
  edits: Map<string, string>;
}

/**
 * Moves a decision record to a new number: `0007-use-kafka.md` becomes
 * `0012-use-kafka.md`; the number in its own title line follows, in the same
 * style (`# 7. …`, `# ADR-0007: …`); and every link in the folder that leads
 * to this file — inline, `<…>`, with a title, or a reference definition — is
 * rewritten, with a `7. Title` / `ADR-0007` label following. Links to a
 * same-named file elsewhere and anything inside code blocks are left alone.
 */
export function planRenumber(record: LodestarRecord, newNumber: number, texts: Map<string, string>, top?: string): RenumberPlan {
  if (record.number === null) throw new Error('Only numbered records can be renumbered.');
  const oldName = basename(record.path);
  // A file name of adr-tools' 4 digits keeps them (`7000-x.md` → `0012-x.md`); `12-x.md` → `6-x.md`.
  const newName = oldName.replace(
    /^((?:adr[-_ ]?)?)(\d+)/i,
    (_m, prefix: string, digits: string) => `${prefix}${writtenLike(digits, newNumber, digits.length >= 4 ? 4 : 0)}`,
  );
  const to = joinPath(dirname(record.path), newName);
  const oldNo = record.number;
  const renumber = (s: string): string =>
    s.replace(new RegExp(`(^|[^\\d])(0*${oldNo})(?!\\d)`), (_m, before: string, digits: string) => `${before}${writtenLike(digits, newNumber)}`);
  const edits = new Map<string, string>();
  for (const [path, text] of texts) {
    const lines = text.split('\n');
    if (path === record.path) {
      const i = record.titleLine - 1;
      if (lines[i] !== undefined && /^\s*#/.test(lines[i])) lines[i] = renumber(lines[i]);
      renumberFrontMatterId(lines, oldNo, renumber);
    }
    // A record's links to itself (`[17](0017-use-sops.md)`) follow too.
    rewriteInboundLinks(lines, path, { target: record.path, newName, top }, renumber);
    const next = lines.join('\n');
    if (next !== text) edits.set(path, next);
  }
  return { from: record.path, to, edits };
}

/**
 * `number` written as `digits` was: zero-padded to its width when it was (`0012` → `0006`), else plain (`12` → `6`,
 * `7000` → `12`, as adr-tools writes `# 6.` and `[6. …]`), but at least `minWidth` digits wide.
 */
function writtenLike(digits: string, number: number, minWidth = 0): string {
  const width = digits.length > 1 && digits.startsWith('0') ? digits.length : minWidth;
  return String(number).padStart(width, '0');
}

/** `id: ADR-0008`, `adr-number: "0008"`: a front matter key that numbers the record takes its new number, as written. */
function renumberFrontMatterId(lines: string[], oldNo: number, renumber: (s: string) => string): void {
  if (lines.length === 0 || !isOpeningFence(lines[0])) return;
  const close = closingFenceLine(lines);
  for (let i = 1; i < close; i++) {
    const m = FRONT_MATTER_ID.exec(lines[i]);
    if (m && Number(m[4]) === oldNo) lines[i] = `${m[1]}${m[2]}${renumber(m[3])}${m[2]}${m[5]}`;
  }
}

/** A line of one of the keys the index takes a record's number from, with a number as its value. */
const FRONT_MATTER_ID = new RegExp(`^((?:${FRONT_MATTER_NUMBER_KEYS.join('|')})\\s*:\\s*)(["']?)(${FRONT_MATTER_NUMBER_VALUE})\\2(\\s*(?:#.*)?\\r?)$`, 'i');

/**
 * A record's move: its path (`target`), its file's new name, and the repository's top folder when known (links
 * written from it, `/doc/adr/0007-x.md`, then follow too).
 */
interface Move {
  target: string;
  newName: string;
  top?: string;
}

/**
 * Rewrites, outside code blocks, every link in `lines` that leads to the moved record; in front matter, every path
 * value that does (a design doc's `decisions: [../adr/0007-use-kafka.md]`, or a path from the repository's top).
 */
function rewriteInboundLinks(lines: string[], fromPath: string, move: Move, relabel: (label: string) => string): void {
  let fence: string | undefined;
  let start = 0;
  if (lines.length > 0 && isOpeningFence(lines[0])) {
    const close = closingFenceLine(lines);
    for (let i = 1; i < close; i++) lines[i] = rewriteFrontMatterPaths(lines[i], fromPath, move);
    start = Math.max(0, close + 1);
  }
  for (let i = start; i < lines.length; i++) {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(lines[i]);
    if (f) fence = fence ? (f[1][0] === fence[0] ? undefined : fence) : f[1];
    if (fence || f) continue;
    lines[i] = rewriteLinks(lines[i], fromPath, move, relabel);
  }
}

export interface RetitlePlan extends RenumberPlan {
  /** False when the file name does not follow the title (it keeps its name). */
  renamed: boolean;
}

/**
 * Renames a record's title: the title line (or the front matter `title`)
 * changes in place, keeping its `7. ` / `ADR-0007: ` prefix; a file named
 * after its title (`0007-use-kafka.md`) follows the new title's slug; and
 * every link in the folder that leads to it is rewritten, with labels that
 * quote the old title following. Nothing else changes.
 */
export function planRetitle(record: LodestarRecord, newTitle: string, texts: Map<string, string>, top?: string): RetitlePlan {
  const title = newTitle.trim();
  if (title === '' || /[\r\n]/.test(title)) throw new Error('The new title must be one non-empty line.');
  const oldName = basename(record.path);
  const m = /^((?:adr[-_ ]?)?\d+[-_])(.+)(\.(?:md|markdown))$/i.exec(oldName);
  const followsTitle = m !== null && m[2].toLowerCase() === adrToolsSlug(record.title);
  let newName = oldName;
  if (m && followsTitle) {
    const slug = adrToolsSlug(title).slice(0, 60).replace(/-+$/, '');
    if (slug !== '') newName = `${m[1]}${slug}${m[3]}`;
  }
  const to = joinPath(dirname(record.path), newName);
  const relabel = (label: string): string => (label.includes(record.title) ? label.split(record.title).join(title) : label);
  const edits = new Map<string, string>();
  for (const [path, text] of texts) {
    let next: string;
    if (path === record.path) {
      next = text;
      if (hasFrontMatterKey(text, 'title')) next = setFrontMatterValue(next, 'title', title);
      const lines = next.split('\n');
      const i = record.titleLine - 1;
      const line = lines[i];
      if (line !== undefined && /^\s*#/.test(line) && line.includes(record.title)) {
        const at = line.lastIndexOf(record.title);
        lines[i] = line.slice(0, at) + title + line.slice(at + record.title.length);
        next = lines.join('\n');
      }
      if (next === text && title !== record.title) {
        throw new Error(`Could not find the title of ${oldName} to change (no "# …" title line or front matter title).`);
      }
      // Its links to itself follow the new name.
      const own = next.split('\n');
      rewriteInboundLinks(own, path, { target: record.path, newName, top }, relabel);
      next = own.join('\n');
    } else {
      const lines = text.split('\n');
      rewriteInboundLinks(lines, path, { target: record.path, newName, top }, relabel);
      next = lines.join('\n');
    }
    if (next !== text) edits.set(path, next);
  }
  return { from: record.path, to, edits, renamed: newName !== oldName };
}

/**
 * Whether `href`, written in the file at `fromPath`, leads to the moved record (its `#fragment` aside): from the
 * file's folder, or from the repository's top when it starts with `/` (or, with `fromTopToo`, a front matter path).
 */
function leadsTo(href: string, fromPath: string, move: Move, fromTopToo = false): boolean {
  const clean = href.split('#')[0];
  if (clean === '') return false;
  let decoded: string;
  try {
    decoded = decodeURI(clean);
  } catch {
    decoded = clean; // `50%-faster.md`: a literal percent sign, not an escape.
  }
  if (decoded.startsWith('/')) return move.top !== undefined && joinPath(move.top, decoded.slice(1)) === move.target;
  return joinPath(dirname(fromPath), decoded) === move.target || (fromTopToo && move.top !== undefined && joinPath(move.top, decoded) === move.target);
}

/** `href` with its file name (before any `#fragment`) replaced by `newName`. */
function withFileName(href: string, newName: string): string {
  return href.replace(/[^/#]+(?=(#.*)?$)/, newName);
}

/**
 * A front matter line with each Markdown path value that leads to the moved record (bare, quoted or in a `[…]`
 * list; from the file's folder or the repository's top, as `supersedes: docs/adr/0007-x.md` is read) renamed.
 */
function rewriteFrontMatterPaths(line: string, fromPath: string, move: Move): string {
  if (!/\.(?:md|markdown)/i.test(line)) return line;
  return line.replace(/[^\s,[\]'"{}]+\.(?:md|markdown)(?:#[^\s,[\]'"{}]*)?(?=$|[\s,\]'"}])/gi, (href) =>
    leadsTo(href, fromPath, move, true) ? withFileName(href, move.newName) : href,
  );
}

/** Rewrites, on one line, the links that lead to the moved record. */
function rewriteLinks(line: string, fromPath: string, move: Move, renumber: (s: string) => string): string {
  const leadsToTarget = (href: string): boolean => leadsTo(href, fromPath, move);
  const swap = (href: string): string => withFileName(href, move.newName);
  // Inline links, with or without <…> and a "title".
  let out = line.replace(/\[([^\]]*)\]\((<?)([^)\s>]+)(>?)((?:\s+"[^"]*")?)\)/g, (m, label: string, lt: string, href: string, gt: string, title: string) =>
    leadsToTarget(href) ? `[${renumber(label)}](${lt}${swap(href)}${gt}${title})` : m,
  );
  // Reference definitions: [ref]: path "title"
  out = out.replace(/^(\s{0,3}\[[^\]]+\]:\s*<?)([^\s>]+)/, (m, head: string, href: string) => (leadsToTarget(href) ? `${head}${swap(href)}` : m));
  return out;
}

function hasFrontMatterKey(text: string, key: string): boolean {
  const lines = text.split('\n');
  const close = closingFenceLine(lines);
  return lines.slice(1, Math.max(1, close)).some((line) => new RegExp(`^(["']?)${key}\\1\\s*:`).test(line));
}
