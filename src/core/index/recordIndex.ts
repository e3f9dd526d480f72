import { activityProblems } from '../activities/activityParser';
import { LodestarRecord, Problem, RecordKind, RecordLink } from '../records/record';
import { EntryType, RecordFileSystem, basename, dirname, relativePath } from '../store/fileSystem';
import { BrokenLinkFix, checkRecords, CrossCheck } from './crossCheck';
import { RecordCache } from './recordCache';
import { isProposalReadme, isSkippedRecordName, translatedName } from '../records/recordFileNames';
import { loadRecordFile, LoadedRecord, parseRecordFile, readRecordBytes, readRecordBytesNow } from './recordFile';
import { forgeRecordPath, isForgeFileUrl, RepositoryRemotes } from '../records/forgeAddresses';
import { discoverRecordFolders, FOLDER_CONFIG_FILES, FolderKind, LodestarSettings, RecordFolder } from './recordFolders';
import { KEP_FILE_NAME, KepFile, readKepFile } from '../design/kepMetadata';

const READ_CONCURRENCY = 64;
const READ_BATCH = 1024;
const FIRST_READ_BATCH = 128;
const MAX_DEPTH = 8;
const SKIPPED_DIRS = new Set(['templates', 'node_modules']);

export { isSkippedRecordName } from '../records/recordFileNames';

/** A file the walk found: a record's file in a record folder, and the metadata file it is read with (a proposal README's kep.yaml). */
interface FoundFile {
  path: string;
  folder: RecordFolder;
  companion?: string;
}

export interface BuildOptions {
  /** Only the folders of these kinds are read. */
  kinds?: readonly FolderKind[];
  /** Only files whose bytes pass are parsed and kept. */
  keep?: (bytes: Uint8Array) => boolean;
  /** Told the files found, before any is read (to start work that depends on where records are). */
  /** With blocking reads, let other callbacks run after every so many files (0 or absent: never). */
  yieldEvery?: number;
  onFiles?: (files: readonly { path: string; folder: RecordFolder }[]) => void;
  /** Told each record as soon as it is read, in the order the index lists them. */
  onRecord?: (record: LodestarRecord) => void;
  /** Entries kept from an earlier build: files unchanged since are not read again (not used with `keep`). */
  cache?: RecordCache;
  /** Told each file taken from {@link cache} (and so not read), in the order the index lists them. */
  onCached?: (path: string) => void;
}

/**
 * The records of one root (a workspace folder or the CLI's `--root`): found
 * once, then kept current one file at a time. Cross-record checks (duplicate
 * numbers, broken and one-sided links) are derived lazily and cached until the
 * next change.
 */
export class RecordIndex {
  private folderList: RecordFolder[] = [];
  private consideredFolders: string[] = [];
  /** Design folders there whose files did not look like design docs (see discoverRecordFolders). */
  private awaitingFolders: string[] = [];
  private folderProblems: Problem[] = [];
  private entries = new Map<string, LoadedRecord>();
  private cross: CrossCheck | undefined;
  private generation = 0;
  private built = false;
  private appeared: readonly string[] = [];
  /** The repository's remotes, read once a record links to a forge address (none read otherwise); see {@link repositoryRemotes}. */
  private remotes: RepositoryRemotes | undefined;
  private remotesRead: Promise<RepositoryRemotes | undefined> | undefined;

  constructor(
    private readonly fs: RecordFileSystem,
    readonly root: string,
    private settings: LodestarSettings,
  ) {}

  get folders(): readonly RecordFolder[] {
    return this.folderList;
  }

  /** Bumped by every change; views use it to know their cache is stale. */
  get version(): number {
    return this.generation;
  }

  updateSettings(settings: LodestarSettings): void {
    this.settings = settings;
  }

  /**
   * (Re)discovers the folders and reads every record in them. A command that
   * needs only some records may say so: `kinds` walks only those folders, and
   * `keep` skips parsing a file whose bytes show it cannot matter (it is then
   * not in the index at all).
   */
  async build(options: BuildOptions = {}): Promise<void> {
    const { folders, considered, awaiting, problems } = await discoverRecordFolders(this.fs, this.root, this.settings);
    this.consideredFolders = considered;
    this.awaitingFolders = awaiting;
    const files: FoundFile[] = [];
    const walkProblems: Problem[] = [...problems];
    this.folderList = folders;
    for (const folder of folders) {
      if (!options.kinds || options.kinds.includes(folder.kind)) await this.walk(folder, folder.path, 0, new Set(), files, walkProblems);
    }
    options.onFiles?.(files);
    const keep = options.keep;
    const cache = keep ? undefined : options.cache;
    // Entries kept from an earlier build, by file: those files are not read.
    const cached = cache ? files.map((f) => cache.get(f.path, f.folder, f.companion)) : [];
    // The kep.yaml of each proposal README read (by the file's place in `files`), until the README is parsed.
    const companions = new Map<number, KepFile | undefined>();
    // In the order of `files`: the index lists records in the order the folders were walked.
    const loaded = new Map<string, LoadedRecord>();
    const kept = new Map<string, string>();
    let forgeLinks = false;
    const take = (i: number, content: Awaited<ReturnType<typeof readRecordBytes>> | undefined): void => {
      const f = files[i];
      let entry = cached[i];
      if (entry) options.onCached?.(f.path);
      else {
        if (content === undefined || (keep && content instanceof Uint8Array && !keep(content))) return;
        entry = parseRecordFile(f.path, f.folder, content, kept, companions.get(i));
        companions.delete(i);
        cache?.put(f.path, f.folder, entry);
      }
      loaded.set(f.path, entry);
      if (entry.record) {
        if (!forgeLinks) forgeLinks = hasForgeLink(entry.record);
        options.onRecord?.(entry.record);
      }
    };
    const readFileNow = this.fs.readFileNow;
    if (readFileNow) {
      // Each file is read, parsed and dropped before the next.
      const share = options.yieldEvery ?? 0;
      for (let i = 0; i < files.length; i++) {
        // Other work on this thread (a git log being read) gets a turn now and then.
        if (share > 0 && i % share === share - 1) await new Promise<void>((resolve) => setImmediate(resolve));
        const companion = files[i].companion;
        if (companion && !cached[i]) companions.set(i, await readKepFile(this.fs, companion));
        take(i, cached[i] ? undefined : readRecordBytesNow(readFileNow, files[i].path));
      }
    } else await this.readAll(files, cached, companions, take);
    // The remotes are read again with every build (one may have been added), and only when some record needs them.
    this.remotesRead = forgeLinks ? this.readRemotes() : undefined;
    this.remotes = await this.remotesRead;
    this.folderProblems = walkProblems;
    const before = this.entries;
    this.appeared = this.built ? [...loaded.keys()].filter((p) => !before.has(p)) : [];
    this.built = true;
    this.entries = loaded;
    this.changed();
  }

  /** The files the last build found that the build before it had not (none after the first build). */
  get appearedInLastBuild(): readonly string[] {
    return this.appeared;
  }

  private async readAll(
    files: FoundFile[],
    cached: (LoadedRecord | undefined)[],
    companions: Map<number, KepFile | undefined>,
    take: (i: number, content: Awaited<ReturnType<typeof readRecordBytes>> | undefined) => void,
  ): Promise<void> {
    // Read a batch, then parse it while the next batch is being read: parsing between
    // single reads would leave the I/O threads idle, since every read needs the main
    // thread between its open, stat, read and close.
    // Batches grow from a small first one, so parsing starts soon instead of after a long first read.
    const readBatch = (start: number, size: number): Promise<(Awaited<ReturnType<typeof readRecordBytes>> | undefined)[]> => {
      const batch = files.slice(start, start + size);
      const contents = new Array<Awaited<ReturnType<typeof readRecordBytes>> | undefined>(batch.length);
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < batch.length) {
          const i = next++;
          if (cached[start + i]) continue;
          const companion = batch[i].companion;
          if (companion) companions.set(start + i, await readKepFile(this.fs, companion));
          contents[i] = await readRecordBytes(this.fs, batch[i].path);
        }
      };
      return Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, batch.length) }, worker)).then(() => contents);
    };
    let size = FIRST_READ_BATCH;
    let pending = files.length > 0 ? readBatch(0, size) : undefined;
    for (let start = 0; pending;) {
      const contents = await pending;
      const nextStart = start + contents.length;
      size = Math.min(READ_BATCH, size * 2);
      pending = nextStart < files.length ? readBatch(nextStart, size) : undefined;
      for (let i = 0; i < contents.length; i++) take(start + i, contents[i]);
      start = nextStart;
    }
  }

  private async walk(folder: RecordFolder, dir: string, depth: number, ancestors: Set<string>, out: FoundFile[], problems: Problem[]): Promise<void> {
    const real = this.fs.realPath ? await this.fs.realPath(dir).catch(() => dir) : dir;
    if (ancestors.has(real)) {
      problems.push({
        path: dir,
        line: 1,
        severity: 'warning',
        code: 'symlink-loop',
        message: 'This folder is a symbolic link back to a folder above it; it is not followed.',
      });
      return;
    }
    if (depth > MAX_DEPTH) return;
    let entries;
    try {
      entries = await this.fs.readDirectory(dir);
    } catch (e) {
      problems.push({ path: dir, line: 1, severity: 'warning', code: 'unreadable-folder', message: `Could not list the folder: ${(e as Error).message}` });
      return;
    }
    const inner = new Set(ancestors).add(real);
    const names = new Set(entries.map((e) => e.name));
    for (const entry of entries) {
      const path = `${dir}/${entry.name}`;
      if (entry.type & EntryType.Directory) {
        if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name.toLowerCase())) continue;
        // The mentoring folder holds one level: <handle>.md and <handle>/<date>-<kind>.md.
        if (folder.kind === 'mentoring' && depth >= 1) continue;
        if (this.folderList.some((f) => f.path === path)) continue;
        await this.walk(folder, path, depth + 1, inner, out, problems);
      } else if (entry.type & EntryType.File) {
        if (!isSkippedRecordName(entry.name)) {
          const original = translatedName(entry.name);
          if (!(original !== undefined && names.has(original))) out.push({ path, folder });
        } else if (isFolderReadme(folder, depth, dir, entry.name)) {
          // A KEP-style proposal: its kep.yaml beside it is read with it.
          out.push(names.has(KEP_FILE_NAME) ? { path, folder, companion: `${dir}/${KEP_FILE_NAME}` } : { path, folder });
        }
      } else if (entry.type & EntryType.SymbolicLink) {
        problems.push({
          path,
          line: 1,
          severity: 'warning',
          code: 'symlink-loop',
          message: 'This symbolic link cannot be resolved (it loops or points nowhere); it is skipped.',
        });
      }
    }
  }

  /** The folder a path would be a record of, or undefined. The deepest folder wins. */
  folderOf(path: string): RecordFolder | undefined {
    let best: RecordFolder | undefined;
    for (const f of this.folderList) {
      const rel = relativePath(f.path, path);
      if (rel === undefined || rel === '') continue;
      if (!best || f.path.length > best.path.length) best = f;
    }
    return best;
  }

  /**
   * True when a change to this path needs a folder re-discovery: a config file
   * that names folders, or a record folder (or one above it) created or deleted.
   */
  affectsFolders(path: string): boolean {
    if (this.isFolderConfigFile(path)) return true;
    // Conventional folders are found in any case (`docs/RFCS`): one made in another case than the one looked for counts.
    const lower = path.toLowerCase();
    return this.consideredFolders.some((f) => relativePath(lower, f.toLowerCase()) !== undefined);
  }

  /** `.adr-dir`, `.log4brains.yml`, `adrs.toml`, `adr.config.json`. */
  isFolderConfigFile(path: string): boolean {
    return FOLDER_CONFIG_FILES.includes(basename(path));
  }

  /** True when a new file here means a record folder that was missing now exists. */
  isInMissingFolder(path: string): boolean {
    return this.consideredFolders.some((f) => relativePath(f, path) && !this.folderList.some((r) => r.path === f));
  }

  /** True when a file created here may make a design folder that did not look like one (`design/`) one now. */
  isInAwaitingFolder(path: string): boolean {
    return this.awaitingFolders.some((f) => relativePath(f, path));
  }

  /**
   * Re-reads one file (added or changed) or drops it (deleted). A folder created
   * inside a record folder (a rename or move) is walked. Returns whether the index changed.
   */
  async refreshFile(path: string): Promise<boolean> {
    const folder = this.folderOf(path);
    if (!folder) return this.removeFile(path);
    const st = await this.fs.stat(path);
    if (st && st.type & EntryType.Directory) return this.refreshDirectory(folder, path);
    // A proposal's kep.yaml written, added or deleted: its README is read again, with it or without it.
    if (folder.kind === 'design' && basename(path) === KEP_FILE_NAME) return this.refreshProposalOf(path);
    if (!this.isRecordPath(folder, path)) return this.removeFile(path);
    if (!st || !(st.type & EntryType.File)) return this.removeFile(path);
    // `0022-use-x.fr.md` beside `0022-use-x.md` is that record in another language.
    const original = translatedName(basename(path));
    if (original !== undefined && ((await this.fs.stat(`${dirname(path)}/${original}`))?.type ?? 0) & EntryType.File) return this.removeFile(path);
    const rel = relativePath(folder.path, path) ?? '';
    const companion = folder.kind === 'design' && isProposalReadme(rel.split('/')) ? `${dirname(path)}/${KEP_FILE_NAME}` : undefined;
    const loaded = await loadRecordFile(this.fs, path, folder, companion);
    if (!loaded.record && loaded.problems.length === 0) return this.removeFile(path);
    if (loaded.record && !this.remotesRead && hasForgeLink(loaded.record)) await this.repositoryRemotes();
    this.entries.set(path, loaded);
    this.changed();
    return true;
  }

  /** The README of the proposal whose kep.yaml this is, read again when the index holds it; false when it holds none. */
  private async refreshProposalOf(kepPath: string): Promise<boolean> {
    const dir = dirname(kepPath);
    for (const name of ['README.md', 'readme.md', 'Readme.md', 'README.markdown', 'readme.markdown']) {
      if (this.entries.has(`${dir}/${name}`)) return this.refreshFile(`${dir}/${name}`);
    }
    return false;
  }

  private async refreshDirectory(folder: RecordFolder, dir: string): Promise<boolean> {
    const rel = relativePath(folder.path, dir) ?? '';
    const depth = rel.split('/').length;
    const files: FoundFile[] = [];
    const problems: Problem[] = [];
    if (!rel.split('/').some((p) => p.startsWith('.') || SKIPPED_DIRS.has(p.toLowerCase())) && !(folder.kind === 'mentoring' && depth > 1)) {
      await this.walk(folder, dir, depth, new Set(), files, problems);
    }
    // Every file is read before anything is dropped: a reader meanwhile sees the folder as it was, never without it.
    const found: [string, LoadedRecord][] = [];
    for (const f of files) {
      const loaded = await loadRecordFile(this.fs, f.path, f.folder, f.companion);
      if (loaded.record || loaded.problems.length > 0) found.push([f.path, loaded]);
    }
    if (!this.remotesRead && found.some(([, loaded]) => loaded.record && hasForgeLink(loaded.record))) await this.repositoryRemotes();
    let changed = this.removeFile(dir);
    for (const [path, loaded] of found) this.entries.set(path, loaded);
    if (found.length > 0) {
      changed = true;
      this.changed();
    }
    return changed;
  }

  /** True when the index holds a record or a problem for this file, or for any file under this folder. */
  holds(path: string): boolean {
    if (this.entries.has(path)) return true;
    const prefix = `${path}/`;
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) return true;
    return false;
  }

  /** Drops a file, or every file under a deleted folder. */
  removeFile(path: string): boolean {
    let removed = this.entries.delete(path);
    const prefix = `${path}/`;
    for (const key of [...this.entries.keys()]) {
      if (key.startsWith(prefix)) removed = this.entries.delete(key) || removed;
    }
    if (removed) this.changed();
    return removed;
  }

  private isRecordPath(folder: RecordFolder, path: string): boolean {
    const rel = relativePath(folder.path, path);
    if (!rel) return false;
    const parts = rel.split('/');
    if (parts.some((p, i) => i < parts.length - 1 && (p.startsWith('.') || SKIPPED_DIRS.has(p.toLowerCase())))) return false;
    if (folder.kind === 'mentoring' && parts.length > 2) return false;
    return !isSkippedRecordName(parts[parts.length - 1]) || (folder.kind === 'design' && isProposalReadme(parts));
  }

  records(kind?: RecordKind): LodestarRecord[] {
    const out: LodestarRecord[] = [];
    for (const e of this.entries.values()) if (e.record && (!kind || e.record.kind === kind)) out.push(e.record);
    return out;
  }

  record(path: string): LodestarRecord | undefined {
    return this.entries.get(path)?.record;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Problems of every file, of the folders, and across records. */
  problems(): Problem[] {
    const out = [...this.folderProblems];
    for (const e of this.entries.values()) out.push(...e.problems);
    out.push(...this.crossCheck().problems);
    // A file already listed with a problem (empty, binary, unreadable) is not also told it lacks a type or date.
    out.push(...activityProblems([...this.entries.values()].filter((e) => e.problems.length === 0 && e.record?.kind === 'activity').map((e) => e.record!)));
    return out;
  }

  /** A link's target resolved to a record path when it names one (`ADR-0005` → its file). */
  resolveLink(record: LodestarRecord, target: string): string {
    const resolved = this.crossCheck().resolved.get(`${record.path}\n${target}`);
    if (resolved !== undefined) return resolved;
    // A forge address the index did not read as a link (in a design doc's text, as the site reads it): its record.
    if (this.remotes && isForgeFileUrl(target)) return forgeRecordPath(target, this.remotes, (p) => this.entries.get(p)?.record !== undefined) ?? target;
    return target;
  }

  /**
   * The repository's remotes, which make a forge address of one of its files
   * (`https://github.com/org/repo/blob/main/docs/adr/0008-x.md`) a link to that
   * record. Read from the git config file through the file-system port, once per
   * build; a build reads them only when some record links to a forge address.
   * A caller that meets such addresses elsewhere (the site, in pages' text) asks
   * for them here first.
   */
  async repositoryRemotes(): Promise<RepositoryRemotes | undefined> {
    if (!this.remotesRead) {
      this.remotesRead = this.readRemotes();
      this.remotes = await this.remotesRead;
      if (this.remotes) this.changed();
    }
    return this.remotesRead;
  }

  /**
   * A record's links between records, as the index sees them: its own links
   * (a body link to a file that is no record left out) and the reverse of every
   * link other records make to it (`referenced-by`, `superseded-by`…, marked `reverse`).
   */
  linksOf(record: LodestarRecord): RecordLink[] {
    return this.crossCheck().links.get(record.path) ?? record.links;
  }

  /** How to mend this record's broken links whose number names a record under another name. */
  brokenLinkFixes(path: string): readonly BrokenLinkFix[] {
    return this.crossCheck().fixes.get(path) ?? [];
  }

  /** The git config reader is loaded only here: an index without forge addresses never loads it. */
  private async readRemotes(): Promise<RepositoryRemotes | undefined> {
    const { readRepositoryRemotes } = await import('../pulls/configRemotes');
    return readRepositoryRemotes(this.fs, this.root, this.fs.userGitConfigFiles?.());
  }

  private crossCheck(): CrossCheck {
    this.cross ??= checkRecords(this.records(), this.folderList, this.remotes);
    return this.cross;
  }

  private changed(): void {
    this.cross = undefined;
    this.generation++;
  }
}

/** Whether a record links to an address that may be a file's page on a forge. */
function hasForgeLink(record: LodestarRecord): boolean {
  for (const l of record.links) if (isForgeFileUrl(l.target)) return true;
  return false;
}

/** A design proposal's README in a numbered folder of its own under a design folder (see `isProposalReadme`). */
function isFolderReadme(folder: RecordFolder, depth: number, dir: string, name: string): boolean {
  return folder.kind === 'design' && depth >= 1 && isProposalReadme([basename(dir), name]);
}
