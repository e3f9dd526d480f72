import { parse as parseYaml } from 'yaml';
import { Problem } from '../records/record';
import { DirectoryEntry, EntryType, RecordFileSystem, dirname, joinPath } from '../store/fileSystem';
import { isSkippedRecordName } from '../records/recordFileNames';

/** Where records live, as configured by the user or found by convention. */
export interface LodestarSettings {
  /** Overrides every other way of finding decision folders when not empty (relative to the root). */
  decisionDirectories: string[];
  designDirectories: string[];
  mentoringDirectory: string;
  /** `lodestar.influence.directory`; empty or absent means `docs/influence`. */
  influenceDirectory?: string;
}

export const DEFAULT_SETTINGS: LodestarSettings = { decisionDirectories: [], designDirectories: [], mentoringDirectory: '', influenceDirectory: '' };

export type FolderKind = 'decision' | 'design' | 'mentoring' | 'influence';

export interface RecordFolder {
  kind: FolderKind;
  /** Absolute path. */
  path: string;
  /** How it was found: `.adr-dir`, `.log4brains.yml`, `setting`, `convention`… */
  source: string;
  log4brains: boolean;
}

export const CONVENTIONAL_DECISION_FOLDERS = [
  'doc/adr',
  'docs/adr',
  'docs/decisions',
  'doc/architecture/decisions',
  'docs/architecture/decisions',
  'docs/architecture-decisions',
  'docs/architecture/adr',
  'docs/architecture/adrs',
  'docs/adrs',
  'doc/adrs',
  'doc/decisions',
  // Top-level names, last: a folder of code may be called that, so they count only when they hold a record's file.
  'adr',
  'adrs',
  'decisions',
];
/** Conventional folders whose name alone does not say they hold records (see `holdsRecordFile`). */
const TOP_LEVEL_DECISION_FOLDERS = new Set(['adr', 'adrs', 'decisions']);
/** Design folders whose name says what they hold: each one there is a design folder (the first is where new docs go). */
export const CONVENTIONAL_DESIGN_FOLDERS = ['docs/design', 'docs/rfcs', 'rfcs', 'docs/design-docs'];
/**
 * Design folders whose name alone may mean something else (UI mock-ups in `design/`, copies of IETF RFCs in `rfc/`,
 * sales proposals): each counts only when its files look like design docs (see {@link looksLikeDesignFolder}).
 */
export const CHECKED_DESIGN_FOLDERS = ['docs/proposals', 'docs/rfc', 'design', 'designs', 'proposals', 'rfc', 'keps', 'enhancements'];
/** rust-lang/rfcs' layout: the RFCs in `text/`, in a repository whose top has the RFC template (`0000-template.md`). */
const RFC_REPOSITORY_TEXT = 'text';
const RFC_TEMPLATE = /^0+-template\.(?:md|markdown)$/i;
export const CONVENTIONAL_MENTORING_FOLDER = 'docs/mentoring';
export const CONVENTIONAL_INFLUENCE_FOLDER = 'docs/influence';

/** Files whose change means the set of folders may have changed. */
export const FOLDER_CONFIG_FILES = ['.adr-dir', '.log4brains.yml', 'adrs.toml', 'adr.config.json'];

export async function discoverRecordFolders(
  fs: RecordFileSystem,
  root: string,
  settings: LodestarSettings,
): Promise<{ folders: RecordFolder[]; considered: string[]; awaiting: string[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const folders: RecordFolder[] = [];
  // Every folder looked for, there or not: creating one later means the folders must be found again.
  const considered = new Set<string>();
  // Design folders there whose files do not look like design docs yet: a file created in one means looking again.
  const awaiting = new Set<string>();
  const add = async (kind: FolderKind, path: string, source: string, log4brains = false): Promise<boolean> => {
    considered.add(path);
    if (folders.some((f) => f.path === path)) return true;
    const st = await fs.stat(path);
    if (!st || !(st.type & EntryType.Directory)) return false;
    folders.push({ kind, path, source, log4brains });
    return true;
  };

  if (settings.decisionDirectories.length > 0) {
    for (const d of settings.decisionDirectories) await add('decision', joinPath(root, d), 'setting');
  } else {
    await findConfiguredDecisionFolders(fs, root, add, problems);
    await warnOfUnreadAdrToolsFolder(fs, root, folders, problems);
    if (!folders.some((f) => f.kind === 'decision')) {
      let found = false;
      for (const d of CONVENTIONAL_DECISION_FOLDERS) {
        const path = joinPath(root, d);
        // A top-level folder of that name holding no record (code, a README) is neither a record folder nor looked
        // for: a change in it must not send the index looking for folders again. Created later with a record, it is.
        if (TOP_LEVEL_DECISION_FOLDERS.has(d) && (await fs.stat(path)) !== undefined && !(await holdsRecordFile(fs, path))) continue;
        if (found) considered.add(path);
        else found = await add('decision', path, 'convention');
      }
      // None at the top: a monorepo's packages may keep their own (`packages/api/docs/adr`, `services/web/doc/adr`).
      if (!found) await findPackageDecisionFolders(fs, root, add);
    }
  }

  if (settings.designDirectories.length > 0) {
    for (const d of settings.designDirectories) await add('design', joinPath(root, d), 'setting');
  } else await findConventionalDesignFolders(fs, root, add, considered, awaiting);

  await add('mentoring', joinPath(root, settings.mentoringDirectory || CONVENTIONAL_MENTORING_FOLDER), settings.mentoringDirectory ? 'setting' : 'convention');
  const influence = settings.influenceDirectory?.trim();
  await add('influence', joinPath(root, influence || CONVENTIONAL_INFLUENCE_FOLDER), influence ? 'setting' : 'convention');
  return { folders, considered: [...considered], awaiting: [...awaiting], problems };
}

type AddFolder = (kind: FolderKind, path: string, source: string, log4brains?: boolean) => Promise<boolean>;

/**
 * The conventional design folders there are, their names matched whatever their case (`docs/RFCS`, `Design`), with
 * the name as it is on disk: from a listing of the root and of `docs` (no walk). A folder of
 * {@link CONVENTIONAL_DESIGN_FOLDERS} is one as soon as it is there; one of {@link CHECKED_DESIGN_FOLDERS} only when
 * its files look like design docs, and one that does not is not looked for again at each change in it (as the
 * top-level decision folders: only a file created in it, in `awaiting`, has them looked for again); `text/` only in an
 * RFC repository (`0000-template.md` at the top) and when its files look like RFCs. Each one missing is looked for
 * (in any case): creating it later finds the folders again.
 */
async function findConventionalDesignFolders(
  fs: RecordFileSystem,
  root: string,
  add: AddFolder,
  considered: Set<string>,
  awaiting: Set<string>,
): Promise<void> {
  const top = await listing(fs, root);
  const docs = await Promise.all(
    top.filter((e) => isFolder(e) && e.name.toLowerCase() === 'docs').map(async (e) => ({ name: e.name, entries: await listing(fs, joinPath(root, e.name)) })),
  );
  /** The folders on disk a conventional path names, any case. */
  const onDisk = (rel: string): string[] => {
    const [first, second] = rel.split('/');
    if (second === undefined) return top.filter((e) => isFolder(e) && e.name.toLowerCase() === first).map((e) => joinPath(root, e.name));
    return docs.flatMap((d) => d.entries.filter((e) => isFolder(e) && e.name.toLowerCase() === second).map((e) => joinPath(root, d.name, e.name)));
  };
  const checked = new Set(CHECKED_DESIGN_FOLDERS);
  const rfcRepository = top.some((e) => (e.type & EntryType.File) !== 0 && RFC_TEMPLATE.test(e.name));
  for (const rel of [...CONVENTIONAL_DESIGN_FOLDERS, ...CHECKED_DESIGN_FOLDERS, ...(rfcRepository ? [RFC_REPOSITORY_TEXT] : [])]) {
    const found = onDisk(rel);
    if (found.length === 0) considered.add(joinPath(root, rel));
    for (const path of found) {
      if ((checked.has(rel) || rel === RFC_REPOSITORY_TEXT) && !(await looksLikeDesignFolder(fs, path))) {
        awaiting.add(path);
        continue;
      }
      await add('design', path, 'convention');
    }
  }
}

function isFolder(e: DirectoryEntry): boolean {
  return (e.type & EntryType.Directory) !== 0;
}

async function listing(fs: RecordFileSystem, dir: string): Promise<DirectoryEntry[]> {
  try {
    return await fs.readDirectory(dir);
  } catch {
    return [];
  }
}

/** `0001-private-fields.md`, `12416-cgo-pointers.md`, `1441-kubectl-debug/`, `20190805-kubectl-debug.md`: a number of three digits or more, then the name. */
const NUMBERED_NAME = /^\d{3,}[-_][^-_.]/;
/** `2024-01-15-sync.md`: a dated name, as a journal's or meeting notes' are; no sign of design docs by itself. */
const DATED_NAME = /^\d{4}-\d{2}-\d{2}/;
/** How many calls to the file system a folder's look costs at most (its own listing, a few of its subfolders and files). */
const LOOK_BUDGET = 16;
/** Front matter of a design doc: who wrote, reviews or approves it, with a `status` or a KEP's `creation-date`/`last-updated`. */
const FRONT_MATTER_STATUS = /^(?:status|creation-date|last-updated)[ \t]*:[ \t]*\S/m;
const FRONT_MATTER_PEOPLE = /^(?:authors?|reviewers?|approvers?|owners?)[ \t]*:/m;

/**
 * Whether a folder whose name may mean something else holds design docs, RFCs or proposals: in it, or else in one
 * of its first few subfolders (`keps/sig-cli/`, `enhancements/network/`), two Markdown files or more named with a
 * number (`0001-x.md`, `12416-x.md`; a dated `2024-01-15-x.md` is not enough), a numbered folder holding a
 * `README.md` or `kep.yaml` (`1441-kubectl-debug/`), or a Markdown file whose front matter names its `authors` (or
 * reviewers, approvers, owners) and has a `status` (or a KEP's `creation-date`, `last-updated`). A few listings and
 * reads at most (see {@link LOOK_BUDGET}).
 */
export async function looksLikeDesignFolder(fs: RecordFileSystem, dir: string): Promise<boolean> {
  let budget = LOOK_BUDGET;
  const list = async (path: string): Promise<DirectoryEntry[] | undefined> => (budget-- > 0 ? listing(fs, path) : undefined);
  const holdsDesignDocs = async (path: string, entries: DirectoryEntry[]): Promise<boolean> => {
    const markdown = entries.filter((e) => (e.type & EntryType.File) !== 0 && /\.(?:md|markdown)$/i.test(e.name) && !isSkippedRecordName(e.name));
    if (markdown.filter((e) => NUMBERED_NAME.test(e.name) && !DATED_NAME.test(e.name)).length >= 2) return true;
    for (const e of entries.filter((x) => isFolder(x) && NUMBERED_NAME.test(x.name)).slice(0, 2)) {
      const inner = await list(joinPath(path, e.name));
      if (inner?.some((x) => (x.type & EntryType.File) !== 0 && /^(?:readme\.(?:md|markdown)|kep\.yaml)$/i.test(x.name))) return true;
    }
    for (const e of markdown.slice(0, 2)) {
      // A stat and a read.
      if ((budget -= 2) < 0) return false;
      const head = await readHead(fs, joinPath(path, e.name));
      const fm = head && /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(head);
      if (fm && FRONT_MATTER_STATUS.test(fm[1]) && FRONT_MATTER_PEOPLE.test(fm[1])) return true;
    }
    return false;
  };
  const entries = await list(dir);
  if (!entries) return false;
  if (await holdsDesignDocs(dir, entries)) return true;
  const subfolders = entries
    .filter((e) => isFolder(e) && !e.name.startsWith('.') && !/template/i.test(e.name) && !NUMBERED_NAME.test(e.name))
    .map((e) => e.name)
    .sort();
  for (const name of subfolders) {
    const inner = await list(joinPath(dir, name));
    if (!inner) return false;
    if (await holdsDesignDocs(joinPath(dir, name), inner)) return true;
  }
  return false;
}

/** The first 4 KB of a file's text (for its front matter), or undefined when it is no regular file or too large to be a doc. */
async function readHead(fs: RecordFileSystem, path: string): Promise<string | undefined> {
  try {
    const st = await fs.stat(path);
    if (!st || !(st.type & EntryType.File) || st.size > 1024 * 1024) return undefined;
    return new TextDecoder().decode((await fs.readFile(path)).subarray(0, 4096)).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

async function findConfiguredDecisionFolders(fs: RecordFileSystem, root: string, add: AddFolder, problems: Problem[]): Promise<void> {
  // adr-tools looks for .adr-dir in the current folder and then upward.
  for (let dir = root; ; dir = dirname(dir)) {
    const file = joinPath(dir, '.adr-dir');
    const text = await readText(fs, file);
    if (text !== undefined) {
      const rel = text.split(/\r?\n/)[0].trim();
      if (rel === '') problems.push(configProblem(file, '.adr-dir is empty: it should name the decision folder.'));
      else if (!(await add('decision', joinPath(dir, rel), '.adr-dir'))) problems.push(configProblem(file, `.adr-dir names "${rel}", which is not a folder.`));
      break;
    }
    if (dir === '/' || dirname(dir) === dir) break;
  }

  const log4brainsFile = joinPath(root, '.log4brains.yml');
  const log4brains = await readText(fs, log4brainsFile);
  if (log4brains !== undefined) {
    try {
      type Log4brainsPackage = { adrFolder?: unknown } | null;
      const conf = parseYaml(log4brains, { schema: 'core', maxAliasCount: 50 }) as {
        project?: { adrFolder?: unknown; packages?: Log4brainsPackage[] };
        packages?: Log4brainsPackage[];
      } | null;
      // log4brains' schema nests packages under project; a top-level list is accepted too.
      const packages = [conf?.project?.packages, conf?.packages].flatMap((list) => (Array.isArray(list) ? list : []));
      const dirs = [conf?.project?.adrFolder, ...packages.map((p) => p?.adrFolder)];
      for (const d of dirs) {
        if (typeof d !== 'string' || d.trim() === '') continue;
        if (!(await add('decision', joinPath(root, d.trim()), '.log4brains.yml', true)))
          problems.push(configProblem(log4brainsFile, `.log4brains.yml names "${d.trim()}", which is not a folder.`));
      }
    } catch (e) {
      // The YAML library's message runs over several lines (a code frame): its first sentence says what is wrong.
      const first = (e as Error).message.split('\n')[0].replace(/:\s*$/, '');
      problems.push(configProblem(log4brainsFile, `.log4brains.yml could not be read: ${first}.`));
    }
  }

  const tomlFile = joinPath(root, 'adrs.toml');
  const toml = await readText(fs, tomlFile);
  const tomlDir = toml && /^\s*adr_dir\s*=\s*(?:"([^"]*)"|'([^']*)')/m.exec(toml);
  if (tomlDir && !(await add('decision', joinPath(root, tomlDir[1] ?? tomlDir[2]), 'adrs.toml')))
    problems.push(configProblem(tomlFile, `adrs.toml names "${tomlDir[1] ?? tomlDir[2]}", which is not a folder.`));

  const jsonFile = joinPath(root, 'adr.config.json');
  const json = await readText(fs, jsonFile);
  if (json !== undefined) {
    try {
      const conf = JSON.parse(json) as { path?: unknown };
      if (typeof conf.path === 'string' && conf.path.trim() !== '' && !(await add('decision', joinPath(root, conf.path.trim()), 'adr.config.json'))) {
        problems.push(configProblem(jsonFile, `adr.config.json names "${conf.path.trim()}", which is not a folder.`));
      }
    } catch (e) {
      problems.push(configProblem(jsonFile, `adr.config.json is not valid JSON: ${(e as Error).message}`));
    }
  }
}

/**
 * With no `.adr-dir`, adr-tools keeps its records in `doc/adr`. When a configuration file (`.log4brains.yml`,
 * `adrs.toml`, `adr.config.json`) names other folders, those are the decision folders, and records in `doc/adr`
 * would be left out without a word (while `lodestar adr list` still lists them): a warning on that file says so.
 */
async function warnOfUnreadAdrToolsFolder(fs: RecordFileSystem, root: string, folders: RecordFolder[], problems: Problem[]): Promise<void> {
  const configured = folders.filter((f) => f.kind === 'decision');
  if (configured.length === 0 || configured.some((f) => f.source === '.adr-dir')) return;
  const adrTools = joinPath(root, 'doc/adr');
  if (configured.some((f) => f.path === adrTools || adrTools.startsWith(`${f.path}/`)) || !(await holdsRecordFile(fs, adrTools))) return;
  const source = configured[0].source;
  const named = configured.filter((f) => f.source === source).map((f) => f.path.slice(root.length + 1) || '.');
  problems.push(
    configProblem(
      joinPath(root, source),
      `doc/adr holds decision records that are not indexed: ${source} names the decision folders (${named.join(', ')}). Add doc/adr there, or move its records.`,
    ),
  );
}

/** Whether a folder holds a Markdown file that would be a record (`0001-use-x.md`, not only a README). */
/** Folders that hold no package a team writes its decisions in: installed, vendored or built code. */
const NOT_PACKAGES = new Set([
  'node_modules',
  'bower_components',
  'vendor',
  'third_party',
  'third-party',
  'build',
  'dist',
  'out',
  'target',
  'bin',
  'obj',
  'coverage',
  // Examples, test data and templates hold records that are not the team's (a demo's `docs/adr`, a fixture's).
  'example',
  'examples',
  'sample',
  'samples',
  'demo',
  'demos',
  'test',
  'tests',
  '__tests__',
  'fixtures',
  'testdata',
  'test-data',
  'template',
  'templates',
]);
/** Folders that hold packages, looked into first (the budget of folders is spent on them before the rest). */
const PACKAGE_CONTAINERS = ['packages', 'apps', 'services', 'libs', 'modules', 'components', 'projects', 'crates', 'plugins'];
/** The conventional decision folders a package may have (the ones whose name says so: `docs/adr`, not `decisions`). */
const PACKAGE_DECISION_FOLDERS = CONVENTIONAL_DECISION_FOLDERS.filter((d) => !TOP_LEVEL_DECISION_FOLDERS.has(d));
/** How many folders are looked into for packages: a repository with thousands of top-level folders is not walked. */
const MAX_PACKAGE_FOLDERS = 300;

/**
 * A monorepo's packages' own decision folders, when the repository has none at its top: for each folder one or two
 * levels down (`packages/api`, `services/web`, `api`; not hidden, installed, vendored or built ones), the first
 * conventional decision folder it has (`docs/adr`, `doc/adr`, `docs/decisions`, …) that holds a record's file.
 * Each folder is listed once; a conventional folder is looked into only under a `doc` or `docs` folder it has.
 */
async function findPackageDecisionFolders(fs: RecordFileSystem, root: string, add: AddFolder): Promise<void> {
  const children = async (dir: string): Promise<string[]> => {
    try {
      return (await fs.readDirectory(dir))
        .filter((e) => (e.type & EntryType.Directory) !== 0 && (e.type & EntryType.SymbolicLink) === 0 && !e.name.startsWith('.'))
        .map((e) => e.name)
        .sort();
    } catch {
      return [];
    }
  };
  let looked = 0;
  const lookInto = async (pkg: string, names: string[]): Promise<void> => {
    for (const prefix of ['doc', 'docs']) {
      if (!names.includes(prefix)) continue;
      for (const d of PACKAGE_DECISION_FOLDERS) {
        if (!d.startsWith(`${prefix}/`)) continue;
        const path = joinPath(pkg, d);
        if (await holdsRecordFile(fs, path, true)) {
          await add('decision', path, 'package');
          return;
        }
      }
    }
  };
  const tops = await children(root);
  const first = PACKAGE_CONTAINERS.filter((c) => tops.includes(c));
  for (const top of [...first, ...tops.filter((t) => !first.includes(t))]) {
    if (NOT_PACKAGES.has(top.toLowerCase()) || top === 'doc' || top === 'docs') continue;
    if (++looked > MAX_PACKAGE_FOLDERS) return;
    const dir = joinPath(root, top);
    const names = await children(dir);
    await lookInto(dir, names);
    for (const name of names) {
      if (NOT_PACKAGES.has(name.toLowerCase()) || name === 'doc' || name === 'docs') continue;
      if (++looked > MAX_PACKAGE_FOLDERS) return;
      const pkg = joinPath(dir, name);
      await lookInto(pkg, await children(pkg));
    }
  }
}

async function holdsRecordFile(fs: RecordFileSystem, path: string, markdown = false): Promise<boolean> {
  try {
    return (await fs.readDirectory(path)).some(
      (e) => (e.type & EntryType.File) !== 0 && !isSkippedRecordName(e.name) && (!markdown || /\.(?:md|markdown)$/i.test(e.name)),
    );
  } catch {
    return false;
  }
}

async function readText(fs: RecordFileSystem, path: string): Promise<string | undefined> {
  try {
    const st = await fs.stat(path);
    if (!st || !(st.type & EntryType.File) || st.size > 1024 * 1024) return undefined;
    return new TextDecoder().decode(await fs.readFile(path)).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

function configProblem(path: string, message: string): Problem {
  return { path, line: 1, severity: 'warning', code: 'folder-config', message };
}
