import { createHash } from 'crypto';
import * as nodeFs from 'fs';
import * as path from 'path';
import { branchNumberProblems, ClaimedNumbers, claimedNumbersOnOtherBranches, otherBranchesUnreadable } from '../core/decisions/claimedNumbers';
import { createGitExecutor } from '../core/git/gitExecutor';
import { governanceProblems, successorIn } from '../core/governance/governanceLint';
import { governingEntriesOf, governingNotices } from '../core/governance/governingNotices';
import { loadGovernance } from '../core/governance/repositoryFiles';
import { GoverningChange, governingOfChanges } from '../core/governance/whyReport';
import { EntryType, joinPath, RecordFileSystem, relativePath, relativeTo, toPortPath } from '../core/store/fileSystem';
import { RecordIndex } from '../core/index/recordIndex';
import { duplicatePeopleProblems } from '../core/people/canonicalPeople';
import { DEFAULT_SETTINGS } from '../core/index/recordFolders';
import { compareWithBase } from '../core/lint/baseBranch';
import { contentProblems, numberGapProblems } from '../core/lint/contentRules';
import { applyLintConfig, EMPTY_LINT_CONFIG, LINT_CONFIG_FILE, LintConfig, LintConfigError, parseLintConfig } from '../core/lint/lintConfig';
import { formatProblems, LINT_FORMATS, LintFormat } from '../core/lint/lintFormats';
import { FOLDER_TEMPLATE_FILES, proseLines } from '../core/lint/templateText';
import { loadPeopleDirectory } from '../core/people/identities';
import { PRIVATE_TRACKED_CODE, PRIVATE_TRACKED_MESSAGE, privateRecordsTrackedByGit } from '../core/people/privateNotebook';
import { Problem } from '../core/records/record';
import { RecordCacheFile } from '../core/index/recordCacheFile';
import { openRecordCache } from './recordCache';
import type { CommandContext } from './command';

const FILE_PROBLEMS = new Set([
  'malformed-front-matter',
  'unclosed-front-matter',
  'unsupported-front-matter',
  'binary-file',
  'invalid-utf8',
  'empty-file',
  'unreadable-file',
  'file-too-large',
]);

/**
 * `lodestar lint`: every problem, or with `--base REF` those of the records
 * this branch adds or changes (and numbers it takes that REF or `--branches`
 * already give to other files); `--format`, `.lodestar.yml`,
 * `--warnings-as-errors`. Exit 1 on an error.
 */
export async function lintCommand(c: CommandContext): Promise<number> {
  const { fs, out, err } = c;
  const usage = (message: string): number => {
    err.write(`lodestar: ${message}\n`);
    return 2;
  };
  const json = c.flags.has('json');
  const format = (c.options.get('format') ?? (json ? 'json' : 'text')) as LintFormat;
  if (!LINT_FORMATS.includes(format)) return usage(`--format must be one of ${LINT_FORMATS.join(', ')} (got "${c.options.get('format')}")`);
  if (json && format !== 'json') return usage('--json and --format disagree: give one of them');
  const base = c.options.get('base');
  if (base !== undefined && (base.trim() === '' || base.startsWith('-'))) return usage('--base needs a branch or commit, e.g. --base origin/main');
  const branchesOption = c.options.get('branches');
  if (branchesOption !== undefined && base === undefined) return usage('--branches goes with --base (the merge base tells which numbers this branch adds)');
  const branches = (branchesOption ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '');
  const warningsAsErrors = c.flags.has('warnings-as-errors');

  // git names files by their real path; so does the index, then.
  const root = toPortPath(nodeFs.realpathSync(c.root));

  let config: LintConfig = EMPTY_LINT_CONFIG;
  const configPath = joinPath(root, LINT_CONFIG_FILE);
  if (await fs.stat(configPath)) {
    try {
      config = parseLintConfig(new TextDecoder().decode(await fs.readFile(configPath)));
    } catch (e) {
      if (e instanceof LintConfigError) {
        err.write(`lodestar: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
  }

  const index = new RecordIndex(fs, root, DEFAULT_SETTINGS);
  const cache = openRecordCache(root);
  await index.build({ cache });
  // A hook or CI step run where there are no records passes with nothing checked: it says so (stderr, exit as before).
  if (index.folders.length === 0)
    err.write(`lodestar lint: no record folder in ${root} (no .adr-dir, doc/adr, docs/adr, docs/decisions…): nothing was checked\n`);
  const decisionFolders = index.folders.filter((f) => f.kind === 'decision').map((f) => f.path);
  const decisions = index.records('decision');
  // What git is asked (other branches' numbers, once per folder; the repository's files for applies-to; .mailmap)
  // runs in git's own processes while the records' content is judged here.
  const claimsByFolder = new Map(decisionFolders.map((folder) => [folder, claimedNumbersOnOtherBranches(createGitExecutor(folder))]));
  const claimsOf = (folder: string): Promise<ClaimedNumbers> => claimsByFolder.get(folder) ?? claimedNumbersOnOtherBranches(createGitExecutor(folder));
  const governanceRead = loadGovernance(index.records(), root, createGitExecutor(root));
  // People problems with .mailmap applied, and sessions or activities naming one person twice (`dana` and `dana@example.com`).
  const peopleRead = loadPeopleDirectory(index, fs, [], { trusted: true, git: createGitExecutor(root) });
  const privateRead = privateTrackedProblems(index, root);
  // Awaited below, in turn; until then a failure is not unhandled.
  for (const pending of [...claimsByFolder.values(), governanceRead, peopleRead, privateRead]) pending.catch(() => undefined);
  const indexProblems = index.problems();
  // A file that could not be read as a record already has its problem; its content is not judged on top.
  const unreadable = new Set(indexProblems.filter((p) => FILE_PROBLEMS.has(p.code)).map((p) => p.path));
  const judged = decisions.filter((r) => !unreadable.has(r.path));
  const contentRead = await recordContentProblems(fs, judged, decisionFolders, () => uncommittedRecords(judged, decisionFolders), cache);
  // Written once the content problems are kept too (nothing here changes the records the build read).
  cache?.save();
  const people = await peopleRead;
  // Numbers other branches use are no gaps. When git refuses to read them (a repository another user owns, say),
  // lint says so instead of taking every other branch for empty.
  const claimed = new Map<string, Set<number>>();
  for (const folder of decisionFolders) {
    const claims = await claimsOf(folder);
    const refused = otherBranchesUnreadable(claims);
    if (refused !== undefined && claims.unavailableReason !== 'failed') {
      // Some branches could not be listed: the others are still checked.
      err.write(
        `lodestar lint: the decision numbers of some branches in ${relativeTo(root, folder) || '.'} could not be read (git: ${refused}); number-on-other-branch does not check those branches\n`,
      );
      claimed.set(folder, new Set(claims.byNumber.keys()));
    } else if (refused !== undefined) {
      err.write(
        `lodestar lint: the decision numbers of other branches in ${relativeTo(root, folder) || '.'} could not be read (git: ${refused}); number-on-other-branch is not checked and number-gap counts this branch only\n`,
      );
    } else claimed.set(folder, new Set(claims.byNumber.keys()));
  }
  // applies-to: globs that match nothing, inactive records still governing code.
  const { governance, top } = await governanceRead;
  const successorOf = successorIn(index);
  // A problem about one value of the front matter (a person written twice, a stale glob) points at it: the file is read again, only then.
  const textOf = (file: string): string | undefined => {
    try {
      return nodeFs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };
  let problems: Problem[] = [
    ...indexProblems,
    ...people.problems,
    ...duplicatePeopleProblems(index.records(), people, textOf),
    ...numberGapProblems(decisions, claimed),
    ...contentRead,
    ...governanceProblems(governance, successorOf, textOf),
    ...(await privateRead),
  ];

  let governing: GoverningChange[] | undefined;
  if (base !== undefined) {
    const comparison = await compareWithBase((cwd) => createGitExecutor(cwd), { root, base, branches, decisionFolders });
    const changed = comparison.changed;
    // A record the branch leaves alone still breaks when a file it links to is renamed or deleted here.
    const removed = comparison.removed ?? new Set<string>();
    const linksToRemoved = new Set(
      index
        .records()
        .filter((r) => r.links.some((l) => !l.reverse && removed.has(l.target)))
        .map((r) => r.path),
    );
    if (changed) problems = problems.filter((p) => changed.has(p.path) || (p.code === 'broken-link' && linksToRemoved.has(p.path)));
    problems.push(...comparison.problems);
    // The decisions behind the code this branch changes: notices on the pull request, `governing` in JSON.
    if (changed)
      governing = governingOfChanges(
        [...changed].flatMap((p) => relativePath(top, p) ?? []),
        governance,
        successorOf,
      );
  } else {
    problems.push(...(await branchNumberProblems(decisions, decisionFolders, (folder) => createGitExecutor(folder), claimsOf)));
  }

  const relative = problems
    .map((p) => ({ ...p, path: relativeTo(root, p.path) }))
    .sort((a, b) => compareText(a.path, b.path) || a.line - b.line || compareText(a.code, b.code));
  const reported = applyLintConfig(relative, config);
  if (governing && format === 'json') out.write(`${JSON.stringify({ problems: reported, governing: governingEntriesOf(governing, root, top) }, null, 2)}\n`);
  else if (format === 'github' || format === 'sarif') {
    // GitHub places annotations and code-scanning results by paths from the repository's top, whatever --root is.
    const repoTop =
      top !== root
        ? top
        : toPortPath(
            (
              await createGitExecutor(root)
                .run(['rev-parse', '--show-toplevel'])
                .catch(() => '')
            ).trim(),
          ) || root;
    const fromTop = repoTop === root ? reported : reported.map((p) => (p.path === '.' ? p : { ...p, path: relativeTo(repoTop, joinPath(root, p.path)) }));
    // Where SARIF places a problem of the whole repository (no base to compare with): the first decision record, or its folder.
    const first = [...decisions].sort((a, b) => compareText(a.path, b.path))[0]?.path ?? decisionFolders[0];
    const anchor = first ? relativeTo(repoTop, first) : undefined;
    out.write(formatProblems(fromTop, format, { version: packageVersion(), anchor }));
    if (governing && format === 'github') out.write(governingNotices(governing, repoTop, top));
  } else out.write(formatProblems(reported, format, { version: packageVersion() }));
  const failing = reported.some((p) => p.severity === 'error' || (warningsAsErrors && p.severity === 'warning'));
  return failing ? 1 : 0;
}

/**
 * A warning on each record marked `visibility: private` that git tracks (as
 * the Problems panel has it): everyone with the repository can read it. git
 * is asked once, about those records only, and not at all when there are
 * none; without git, or outside a repository, none.
 */
async function privateTrackedProblems(index: RecordIndex, root: string): Promise<Problem[]> {
  const tracked = await privateRecordsTrackedByGit(index.records(), root, createGitExecutor(root));
  return tracked.map((path) => ({ path, line: 1, severity: 'warning', code: PRIVATE_TRACKED_CODE, message: PRIVATE_TRACKED_MESSAGE }));
}

/**
 * The decision records git's HEAD does not have: new files, added or not, that
 * no commit holds yet. Where git cannot tell (no git, no repository, git
 * refuses), none: every record is judged as a committed one.
 */
async function uncommittedRecords(decisions: ReturnType<RecordIndex['records']>, folders: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const folder of folders) {
    const git = createGitExecutor(folder);
    let committed: Set<string>;
    try {
      // Run in the folder, ls-tree lists it, with paths from there.
      const listed = await git.run(['ls-tree', '-r', '-z', '--name-only', 'HEAD']);
      committed = new Set(
        listed
          .split('\0')
          .filter((p) => p !== '')
          .map((p) => joinPath(folder, p)),
      );
    } catch {
      // A repository with no commits yet has nothing committed; anything else is a question git did not answer.
      const inRepository = await git.run(['rev-parse', '--is-inside-work-tree']).then(
        (o) => o.trim() === 'true',
        () => false,
      );
      // (--verify -q prints nothing for an unborn HEAD, and git says nothing either.)
      const unborn = inRepository && (await git.run(['rev-parse', '--verify', '-q', 'HEAD']).catch(() => '')).trim() === '';
      if (!unborn) continue;
      committed = new Set();
    }
    for (const r of decisions) if (r.folder === folder && !committed.has(r.path)) out.add(r.path);
  }
  return out;
}

/** The name the content problems of a decision record are kept under in the record cache. */
const KEPT_CONTENT_PROBLEMS = 'lint-content';

/**
 * A record's content problems, and the folder template they were judged against: most records have none, and then
 * only the template's key is kept (a string costs the record cache's other readers less to load than an object).
 */
type KeptContentProblems = string | { template: string; problems: Problem[] };

function keptContentProblems(template: string, problems: Problem[]): KeptContentProblems {
  return problems.length === 0 ? template : { template, problems };
}

/** The problems kept for this template, or undefined when they were judged against another. */
function contentProblemsKeptFor(kept: KeptContentProblems | undefined, template: string): Problem[] | undefined {
  if (kept === undefined) return undefined;
  if (typeof kept === 'string') return kept === template ? [] : undefined;
  return kept.template === template ? kept.problems : undefined;
}

/**
 * Template text, empty and missing sections, title numbers: read from each decision record's file, or taken from
 * the record cache for a file unchanged since a run judged it against the same folder template.
 */
async function recordContentProblems(
  fs: RecordFileSystem,
  decisions: ReturnType<RecordIndex['records']>,
  folders: string[],
  uncommitted: () => Promise<ReadonlySet<string>>,
  cache: RecordCacheFile | undefined,
): Promise<Problem[]> {
  const templates = new Map<string, Set<string> | undefined>();
  for (const folder of folders) {
    for (const rel of FOLDER_TEMPLATE_FILES) {
      const file = joinPath(folder, rel);
      const st = await fs.stat(file);
      if (st && st.type & EntryType.File && st.size < 256 * 1024) {
        templates.set(folder, proseLines(new TextDecoder().decode(await fs.readFile(file))));
        break;
      }
    }
  }
  // The problems depend on the file (the cache's stamp), its record (read from the same file) and the folder's template.
  const templateKeys = new Map<string, string>();
  for (const [folder, lines] of templates)
    templateKeys.set(
      folder,
      lines
        ? createHash('sha1')
            .update([...lines].join('\n'))
            .digest('hex')
        : '',
    );
  const out: Problem[] = [];
  let fresh: Promise<ReadonlySet<string>> | undefined;
  // Read before returning when the file system can (no hand-off to the I/O threads for each of thousands of files).
  const read = (file: string): Promise<Uint8Array | undefined> | Uint8Array | undefined => {
    if (!fs.readFileNow) return fs.readFile(file).catch(() => undefined);
    try {
      return fs.readFileNow(file);
    } catch {
      return undefined;
    }
  };
  const decoder = new TextDecoder();
  for (const record of decisions) {
    const template = templateKeys.get(record.folder) ?? '';
    const kept = contentProblemsKeptFor(cache?.derived(record.path, KEPT_CONTENT_PROBLEMS) as KeptContentProblems | undefined, template);
    // Template text in an accepted record depends on git as well (is the file committed yet?): judged anew.
    if (kept && !kept.some(isCommittedPlaceholder)) {
      out.push(...kept);
      continue;
    }
    const pending = read(record.path);
    // A blocking read's bytes are decoded before anything else runs (the next read reuses its buffer).
    const bytes = pending instanceof Promise ? await pending : pending;
    // Unreadable, binary or huge files already have their own problem.
    if (!bytes) continue;
    if (bytes.length > 1024 * 1024 || bytes.includes(0)) {
      cache?.keepDerived(record.path, KEPT_CONTENT_PROBLEMS, keptContentProblems(template, []));
      continue;
    }
    const text = decoder.decode(bytes);
    let problems = contentProblems(record, text, templates.get(record.folder));
    // (Those that depend on git too are not kept: they would be judged anew, and the cache written, on every run.)
    if (!problems.some(isCommittedPlaceholder)) cache?.keepDerived(record.path, KEPT_CONTENT_PROBLEMS, keptContentProblems(template, problems));
    // Template text in an accepted record: an error once committed. git is asked only then, once.
    if (problems.some(isCommittedPlaceholder) && (await (fresh ??= uncommitted())).has(record.path))
      problems = contentProblems(record, text, templates.get(record.folder), { uncommitted: true });
    out.push(...problems);
  }
  return out;
}

function isCommittedPlaceholder(p: Problem): boolean {
  return p.code === 'template-placeholder' && p.severity === 'error';
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The version in the package.json this CLI ships in (found upward from here: dist/ or out/src/cli/). */
function packageVersion(): string {
  for (let dir = __dirname, i = 0; i < 5; i++, dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(nodeFs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'lodestar' && pkg.version) return pkg.version;
    } catch {
      // Not here; look one folder up.
    }
  }
  return '0.0.0';
}
