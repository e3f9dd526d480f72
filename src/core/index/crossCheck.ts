import { isSkippedRecordName, nameLanguage, translatedName } from '../records/recordFileNames';
import { LodestarRecord, Problem, RecordLink } from '../records/record';
import { numberFromFileName } from '../decisions/decisionParser';
import { basename, dirname, relativePath } from '../store/fileSystem';
import { RecordFolder } from './recordFolders';
import { numberSeries } from '../decisions/numberSeries';
import { PARTLY_STATED, WRITTEN_BACK } from '../decisions/oneSidedLinks';
import { relativeLink } from '../decisions/newDecision';
import { forgeRecordPath, isForgeFileUrl, RepositoryRemotes } from '../records/forgeAddresses';

export interface CrossCheck {
  problems: Problem[];
  /** `recordPath\ntarget` → the record path a textual or relative link resolves to. */
  resolved: Map<string, string>;
  /**
   * Record path → its links between records: its own (a body link to a file that is
   * not a record left out) and the reverse of every link other records make to it.
   * Only records whose links differ from their own list are here.
   */
  links: Map<string, RecordLink[]>;
  /** Record path → how to mend its broken links to records that were renamed or renumbered. */
  fixes: Map<string, BrokenLinkFix[]>;
}

/** A broken link whose number names a record under another name: replace `written` by `replacement` on `line`. */
export interface BrokenLinkFix {
  line: number;
  /** The file name the link names (`0009-use-mysql.md`). */
  written: string;
  /** The file name of the record with the same number (`0009-use-mysql-renamed.md`). */
  replacement: string;
  /** Absolute path of that record. */
  target: string;
}

/** The reverse a record carries of a link made to it. */
export const REVERSE_LINK: Record<string, string> = {
  supersedes: 'superseded-by',
  'superseded-by': 'supersedes',
  amends: 'amended-by',
  'amended-by': 'amends',
  // adr-tools' other documented pairs, and `refines` (a verb line, or front matter `refines:`/`refined-by:`).
  clarifies: 'clarified-by',
  'clarified-by': 'clarifies',
  extends: 'extended-by',
  'extended-by': 'extends',
  refines: 'refined-by',
  'refined-by': 'refines',
  references: 'referenced-by',
  'relates-to': 'relates-to',
};

/**
 * Pairs whose both records a dialect's own tool writes (adr-tools' `-s` and `link`, log4brains'
 * supersede, which adds `Supersedes` under `## Links`), so one side alone is an error. MADR has
 * no tool and its template only says `superseded by` in the old record: one side is MADR's way.
 */
const BOTH_SIDES: Record<string, string> = { supersedes: 'superseded-by', 'superseded-by': 'supersedes' };
/** adr-tools writes both sides of every `adr link` and `adr new -l`: its documented pairs are checked. */
const BOTH_SIDES_NYGARD = WRITTEN_BACK;
const WRITES_BOTH_SIDES = new Set(['nygard', 'log4brains']);
const PHRASE: Record<string, string> = {
  supersedes: 'supersedes',
  'superseded-by': 'is superseded by',
  amends: 'amends',
  'amended-by': 'is amended by',
  clarifies: 'clarifies',
  'clarified-by': 'is clarified by',
  extends: 'extends',
  'extended-by': 'is extended by',
};

/**
 * Records that share a number, less those whose names say they are in a language (`-fr`, `.fr`, `_pt-br`) when the
 * rest has one that does not: translations of it. All of them when every name or none says a language.
 */
function withoutTranslations(list: LodestarRecord[]): LodestarRecord[] {
  const originals = list.filter((r) => nameLanguage(basename(r.path)) === undefined);
  return originals.length > 0 ? originals : list;
}

interface Lookup {
  byPath: Map<string, LodestarRecord>;
  /** Folder → number → the decisions with that number there. */
  byFolderNumber: Map<string, Map<number, LodestarRecord[]>>;
  /** `folder\nstem` → record, for log4brains slugs (`20200101-use-kafka`). */
  byFolderStem: Map<string, LodestarRecord>;
  folders: readonly RecordFolder[];
  /** The repository's remotes, when a link is a forge address (see RecordIndex). */
  forge?: RepositoryRemotes;
  /** File name → the paths with it, made when a link first needs it. */
  byName?: Map<string, string[]>;
}

/**
 * Checks that need every record at once: numbers used twice in a decision
 * folder, links to records that do not exist, and supersede links that only
 * one side of the pair records. Also derives every record's reverse links.
 */
export function checkRecords(records: LodestarRecord[], folders: readonly RecordFolder[], forge?: RepositoryRemotes): CrossCheck {
  const problems: Problem[] = [];
  const resolved = new Map<string, string>();
  // Built with loops, not from lists of pairs or `folder\nnumber` strings: nothing here outlives the check but the results.
  const byPath = new Map<string, LodestarRecord>();
  for (const r of records) byPath.set(r.path, r);
  const byFolderNumber = new Map<string, Map<number, LodestarRecord[]>>();
  const byFolderStem = new Map<string, LodestarRecord>();
  for (const r of records) {
    if (r.kind !== 'decision') continue;
    if (r.dialect === 'log4brains') byFolderStem.set(`${r.folder}\n${stem(r.path)}`, r);
    if (r.number === null) continue;
    let inFolder = byFolderNumber.get(r.folder);
    if (!inFolder) byFolderNumber.set(r.folder, (inFolder = new Map()));
    const list = inFolder.get(r.number);
    if (list) list.push(r);
    else inFolder.set(r.number, [r]);
  }
  // A number is a duplicate within its run of numbers: a folder, or one of its subfolders when they count on their own.
  const numberLists: LodestarRecord[][] = [];
  for (const series of numberSeries(records)) {
    const byNumber = new Map<number, LodestarRecord[]>();
    for (const r of series) {
      const list = byNumber.get(r.number as number);
      if (list) list.push(r);
      else byNumber.set(r.number as number, [r]);
    }
    for (const list of byNumber.values()) if (list.length > 1) numberLists.push(list);
  }
  const lookup: Lookup = { byPath, byFolderNumber, byFolderStem, folders, forge };
  for (const all of numberLists) {
    // `0003-utiliser-postgres-fr.md` beside `0003-use-postgres.md`: a translation under a name of its own shares its
    // record's number. Only the records that are no translation count, when there is one.
    const list = withoutTranslations(all);
    if (list.length < 2) continue;
    for (const r of list) {
      const others = list
        .filter((o) => o !== r)
        .map((o) => basename(o.path))
        .sort();
      problems.push({
        path: r.path,
        line: 1,
        severity: 'error',
        code: 'duplicate-number',
        message: `Decision number ${r.number} is also used by ${others.join(', ')}.`,
      });
    }
  }

  const links = new Map<string, RecordLink[]>();
  const fixes = new Map<string, BrokenLinkFix[]>();
  const reverse = new Map<string, RecordLink[]>();
  const decisionFolders = folders.filter((f) => f.kind === 'decision').map((f) => f.path);
  for (const r of records) {
    if (r.kind !== 'decision' && r.kind !== 'design' && r.kind !== 'activity') continue;
    let own: RecordLink[] | undefined;
    const seen = new Set<string>();
    const verbTargets = new Set<string>();
    for (let i = 0; i < r.links.length; i++) {
      const link = r.links[i];
      // A design doc's or an activity's `ADR-0004` means a decision in any decision folder; a decision's, one in its own.
      const scopes = r.kind === 'decision' ? [r.folder] : decisionFolders;
      let target = resolveTarget(link.target, scopes, lookup);
      // `supersedes: docs/adr/0007-x.md` in front matter is a path from the repository's top, not from the record.
      if (target === undefined && link.via === 'front-matter') target = fromTop(link.label, lookup) ?? target;
      // A body link to a Markdown file that is not a record (a README, a guide) is not a link between records.
      // A link to a page that is no record's (`old-page.html`) is not one either, nor broken.
      // Nor is a wiki link in front matter (`related: ["[[concepts/events]]"]`) to a note that is no record, or a
      // forge address of this record itself (`[this record](https://…/blob/main/…/0007-x.md)`).
      if (
        (link.via === 'body' && target === null) ||
        (link.via === 'page' && !target) ||
        (link.via === 'wiki' && !target) ||
        // A kep.yaml's path to a proposal that is not there (moved, or in another repository): no link, and not checked.
        (link.via === 'metadata' && !target && link.target.startsWith('/')) ||
        (link.via === 'front-matter' && !target && link.label?.startsWith('[[')) ||
        (target === r.path && isForgeFileUrl(link.target))
      ) {
        own ??= r.links.slice(0, i);
        continue;
      }
      own?.push(link);
      // An activity's links are resolved for the index, not checked: it may name records by a bare name.
      if (r.kind === 'activity') {
        if (target) resolved.set(`${r.path}\n${link.target}`, target);
        continue;
      }
      if (target === undefined) {
        const line = link.line ?? r.titleLine;
        const rooted = fromRepositoryTop(link.target, lookup);
        if (rooted && !lookup.byPath.has(link.target)) resolved.set(`${r.path}\n${link.target}`, rooted);
        const renamed = isPathTarget(link.target) ? sameNumberElsewhere(rooted ?? link.target, lookup) : undefined;
        if (renamed) {
          const fix = { line, written: basename(link.target), replacement: basename(renamed.path), target: renamed.path };
          const list = fixes.get(r.path);
          if (list) list.push(fix);
          else fixes.set(r.path, [fix]);
        }
        const what = `"${link.label ?? link.target}" (${link.kind.replace(/-/g, ' ')})`;
        const also = renamed ? ` ${basename(renamed.path)} has its number.` : '';
        problems.push({
          path: r.path,
          line,
          severity: 'error',
          code: isPathTarget(link.target) ? 'broken-link' : 'unknown-reference',
          // A broken link says where it looked, from the record it is written in, as the link would be written.
          message: isPathTarget(link.target)
            ? `${what} in ${basename(r.path)}: no record at ${link.target.startsWith('/') ? relativeLink(r.path, rooted ?? link.target) : link.target}.${also}`
            : `${what} does not name a record that exists.${also}`,
        });
        continue;
      }
      if (target === null) {
        // `Amends [the diagram](images/flow.png)`: a verb names another decision, and a README, an image or a template is none;
        // nor is a Markdown file outside the record folders (`Supersedes [the old guide](../../guide/setup.md)`).
        if (
          r.kind === 'decision' &&
          link.via !== 'body' &&
          link.via !== 'page' &&
          link.target.startsWith('/') &&
          (isSkippedRecordName(basename(link.target)) || (/\.(md|markdown)$/i.test(link.target) && sameTopFolder(link.target, r.path)))
        ) {
          problems.push({
            path: r.path,
            line: link.line ?? r.titleLine,
            severity: 'warning',
            code: 'link-to-non-record',
            message: `"${link.label ?? link.target}" (${link.kind.replace(/-/g, ' ')}) links to ${relativeLink(r.path, link.target)}, which is not a decision record: link another decision, or make it a plain link.`,
          });
        }
        continue;
      }
      resolved.set(`${r.path}\n${link.target}`, target);
      // `status: superseded by ADR-0003` and `superseded_by: "0003"` say the same thing once; so do that status and a
      // body link to the same record (`> **Superseded by [ADR-0003](0003-x.md).**`): it is the verb's link.
      const key = `${link.kind}\n${target}`;
      if (seen.has(key) || (link.kind === 'references' && (link.via === 'body' || link.via === 'page') && verbTargets.has(target))) {
        if (own) own.pop();
        else own = r.links.slice(0, i);
        continue;
      }
      seen.add(key);
      // A verb written with a wiki link (`Superseded by [[0002-x]]`) is a verb line's link like any other.
      const verbLine = link.via === undefined || link.via === 'wiki';
      if (link.kind !== 'references' && verbLine) verbTargets.add(target);
      const other = byPath.get(target);
      if (!other || other === r) continue;
      const back = REVERSE_LINK[link.kind];
      if (back) {
        const list = reverse.get(target);
        const derived: RecordLink = { kind: back, target: r.path, label: r.title, reverse: true };
        if (list) list.push(derived);
        else reverse.set(target, [derived]);
      }
      // Links from front-matter keys are one side by design; the other record carries the reverse.
      const inverse = (r.dialect === 'nygard' && other.dialect === 'nygard' ? BOTH_SIDES_NYGARD : BOTH_SIDES)[link.kind];
      if (inverse && verbLine && other.kind === 'decision' && WRITES_BOTH_SIDES.has(String(other.dialect))) {
        const partly = PARTLY_STATED[inverse];
        const stated = other.links.some((l) => (l.kind === inverse || l.kind === partly) && resolveTarget(l.target, [other.folder], lookup) === r.path);
        if (!stated) {
          problems.push({
            path: r.path,
            line: link.line ?? r.titleLine,
            // log4brains reads a supersede from the old record's status alone: the new record's `Supersedes` under
            // `## Links` is optional there, so only its absence on the old side (still shown as in force) is an error.
            severity: link.kind === 'superseded-by' && other.dialect === 'log4brains' ? 'warning' : 'error',
            code: 'one-sided-link',
            message: `This record says it ${PHRASE[link.kind]} ${basename(other.path)}, but that record does not say it ${PHRASE[inverse]} this one.`,
          });
        }
      }
    }
    if (own) links.set(r.path, own);
  }

  // Each record carries the reverse of every link made to it, unless it states that link itself.
  for (const [path, derived] of reverse) {
    const r = byPath.get(path);
    if (!r) continue;
    const base = links.get(path) ?? r.links;
    const have = new Set(base.map((l) => `${l.kind}\n${resolved.get(`${path}\n${l.target}`) ?? l.target}`));
    const extra = derived.filter((l) => {
      const key = `${l.kind}\n${l.target}`;
      if (have.has(key)) return false;
      have.add(key);
      return true;
    });
    if (extra.length > 0) links.set(path, [...base, ...extra]);
  }
  return { problems, resolved, links, fixes };
}

/** The records whose paths end with `target` (`/…`: a path from the repository's top, or a wiki link's name). */
function pathsEndingWith(target: string, lookup: Lookup): string[] {
  // Looked up by file name, not by a walk over every record for every link: a folder of wiki links stays fast.
  if (!lookup.byName) {
    lookup.byName = new Map();
    for (const p of lookup.byPath.keys()) {
      const name = basename(p);
      const list = lookup.byName.get(name);
      if (list) list.push(p);
      else lookup.byName.set(name, [p]);
    }
  }
  return (lookup.byName.get(basename(target)) ?? []).filter((p) => p.endsWith(target));
}

/** The one of `hits`; of several (`[[0001-record-decisions]]` in each package's folder), the one in the linking record's own. */
function nearest(hits: string[], scopes: string[]): string | undefined {
  if (hits.length <= 1) return hits[0];
  const near = hits.filter((p) => scopes.includes(dirname(p)));
  return near.length === 1 ? near[0] : undefined;
}

/** `/doc/adr/0007-x.md` as the path it names under the decision folder ending in `/doc/adr`, if one does. */
function fromRepositoryTop(target: string, lookup: Lookup): string | undefined {
  if (!target.startsWith('/') || !/\.(md|markdown)$/i.test(target)) return undefined;
  const dir = dirname(target);
  const folder = lookup.folders.find((f) => f.kind === 'decision' && f.path.endsWith(dir) && f.path !== dir && f.path[f.path.length - dir.length] === '/');
  return folder ? folder.path + target.slice(dir.length) : undefined;
}

/** The one record with the number of a missing file's name, in that file's folder (renamed or renumbered since). */
function sameNumberElsewhere(target: string, lookup: Lookup): LodestarRecord | undefined {
  const n = numberFromFileName(basename(target));
  if (n === null) return undefined;
  const hits = lookup.byFolderNumber.get(dirname(target))?.get(n);
  return hits && hits.length === 1 ? hits[0] : undefined;
}

/** The one record whose path ends with `written` (a front-matter path from the repository's top), if any. */
function fromTop(written: string | undefined, lookup: Lookup): string | undefined {
  const clean = written?.trim().replace(/^\.\//, '').split('#')[0];
  if (!clean || !/\.(md|markdown)$/i.test(clean) || clean.startsWith('../') || clean.startsWith('/')) return undefined;
  const hits = [...lookup.byPath.keys()].filter((p) => p.endsWith(`/${clean}`));
  return hits.length === 1 ? hits[0] : undefined;
}

/** Whether two absolute paths share their first folder: `/docs/guide.md` from the repository's top is no file path of a record's. */
function sameTopFolder(a: string, b: string): boolean {
  return a.slice(0, a.indexOf('/', 1) + 1) === b.slice(0, b.indexOf('/', 1) + 1);
}

function isPathTarget(target: string): boolean {
  return /\.(md|markdown)$/i.test(target) || target.startsWith('/');
}

function stem(path: string): string {
  const name = basename(path);
  return name.slice(0, name.lastIndexOf('.'));
}

/** The record path a link names; null when it points outside what is indexed (not checked); undefined when broken. */
function resolveTarget(target: string, scopes: string[], lookup: Lookup): string | null | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    // `https://github.com/org/repo/blob/main/docs/adr/0008-x.md` in this repository's project: that record. An address
    // in another project, or one that names no record here, points outside what is indexed.
    if (!lookup.forge || !isForgeFileUrl(target)) return null;
    return forgeRecordPath(target, lookup.forge, (p) => lookup.byPath.has(p)) ?? null;
  }
  if (target.startsWith('/')) {
    if (lookup.byPath.has(target)) return target;
    // `Superseded by [ADR 2](./0002-use-x)`: the record's name without its extension, as documentation sites link pages.
    if (!basename(target).includes('.') && lookup.byPath.has(`${target}.md`)) return `${target}.md`;
    const name = basename(target);
    // A site's page path from its top (`[ADR024]: /architecture_decision_records/ADR024-x`): the record without its
    // extension, found by the end of its path as a path from the repository's top is.
    if (!name.includes('.')) return nearest(pathsEndingWith(`${target}.md`, lookup), scopes) ?? null;
    // Only a Markdown file that would be a record is a broken link; `README.md`, images and folders are not records.
    if (isSkippedRecordName(name)) return null;
    // `0022-use-x.fr.md` beside the record `0022-use-x.md`: the record in another language, not another record.
    const original = translatedName(name);
    if (original !== undefined && lookup.byPath.has(`${target.slice(0, target.length - name.length)}${original}`)) return null;
    // `[ADR 3](/doc/adr/0003-x.md)`: GitHub and GitLab read a leading `/` as the repository's top.
    const hits = pathsEndingWith(target, lookup);
    const hit = nearest(hits, scopes);
    if (hit) return hit;
    if (hits.length === 0 && fromRepositoryTop(target, lookup)) return undefined;
    // A file under `templates/` or a hidden folder would not be a record either.
    const inFolder = lookup.folders.some((f) => {
      const rel = relativePath(f.path, target);
      return (
        rel !== undefined &&
        !rel.split('/').some((part, i, all) => i < all.length - 1 && (part.startsWith('.') || part.toLowerCase() === 'templates' || part === 'node_modules'))
      );
    });
    return inFolder ? undefined : null;
  }
  const m = /^(?:\[)?(?:ADR|adr)?[-_ #]?0*(\d{1,6})\b/.exec(target.trim());
  if (!m) {
    // log4brains names records by slug: `20200101-use-kafka`, `billing/20200101-use-kafka` in a package.
    const slug = /^(?:[\w.-]+\/)?(\d{8}-[\w.-]+)$/.exec(target.trim());
    if (!slug) return null;
    for (const scope of [...scopes, ...lookup.folders.map((f) => f.path)]) {
      const hit = lookup.byFolderStem.get(`${scope}\n${slug[1]}`);
      if (hit) return hit.path;
    }
    return undefined;
  }
  for (const scope of scopes) {
    const hit = lookup.byFolderNumber.get(scope)?.get(parseInt(m[1], 10));
    // `ADR-0003` names the record, not its translation (`0003-utiliser-postgres-fr.md`).
    if (hit && hit.length > 0) return hit.length === 1 ? hit[0].path : withoutTranslations(hit)[0].path;
  }
  return undefined;
}
