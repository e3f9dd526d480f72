import * as nodeFs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { branchNumberProblems, claimedNumbersOnOtherBranches } from '../core/decisions/claimedNumbers';
import { createGitExecutor } from '../core/git/gitExecutor';
import { relativeTo } from '../core/index/indexReport';
import { RecordIndex } from '../core/index/recordIndex';
import { DEFAULT_SETTINGS } from '../core/index/recordFolders';
import { compareWithBase } from '../core/lint/baseBranch';
import { contentProblems, numberGapProblems } from '../core/lint/contentRules';
import { applyLintConfig, EMPTY_LINT_CONFIG, LINT_CONFIG_FILE, LintConfig, LintConfigError, parseLintConfig } from '../core/lint/lintConfig';
import { formatProblems, LINT_FORMATS, LintFormat } from '../core/lint/lintFormats';
import { FOLDER_TEMPLATE_FILES, proseLines } from '../core/lint/templateText';
import { loadPeopleDirectory } from '../core/people/identities';
import { Problem } from '../core/records/record';
import { EntryType, joinPath, toPortPath } from '../core/store/fileSystem';
import { NodeFileSystem } from '../core/store/nodeFileSystem';

export const LINT_USAGE = `usage: lodestar lint [--root DIR] [--format text|json|github|sarif | --json]
                    [--base REF [--branches GLOB]...] [--warnings-as-errors]

  --base REF            only the records this branch adds or changes since its merge base with REF,
                        and an error for a number it adds that REF already gives to another file
  --branches GLOB       with --base: also numbers used on these branches (e.g. 'origin/*')
  --format FORMAT       text (default), json (same as --json), github (workflow annotations), sarif (2.1.0)
  --warnings-as-errors  exit 1 on warnings too
  configuration: ${LINT_CONFIG_FILE} in the root (rules: CODE: error|warning|info|off; ignore: [GLOB])
`;

const FILE_PROBLEMS = new Set(['malformed-front-matter', 'unclosed-front-matter', 'unsupported-front-matter', 'binary-file', 'invalid-utf8', 'empty-file', 'unreadable-file', 'file-too-large']);

const OPTIONS = {
  root: { type: 'string' },
  json: { type: 'boolean' },
  format: { type: 'string' },
  base: { type: 'string' },
  branches: { type: 'string', multiple: true },
  'warnings-as-errors': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `lodestar lint`: every problem, or with `--base` those of this branch's changes; exit 1 on an error. */
export async function lintMain(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const usage = (message: string): number => {
    err.write(`lodestar: ${message}\n\n${LINT_USAGE}`);
    return 2;
  };
  let values: { root?: string; json?: boolean; format?: string; base?: string; branches?: string[]; 'warnings-as-errors'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (e) {
    const m = /'([^']+)'/.exec((e as Error).message);
    const code = (e as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return usage(`lint does not take ${m?.[1] ?? 'that option'}`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return usage(`lint takes no arguments (got ${m?.[1] ?? (e as Error).message})`);
    return usage((e as Error).message.split('\n')[0]);
  }
  if (values.help) {
    out.write(LINT_USAGE);
    return 0;
  }
  const format = (values.format ?? (values.json ? 'json' : 'text')) as LintFormat;
  if (!LINT_FORMATS.includes(format)) return usage(`--format must be one of ${LINT_FORMATS.join(', ')} (got "${values.format}")`);
  if (values.json && format !== 'json') return usage('--json and --format disagree: give one of them');
  if (values.base !== undefined && (values.base.trim() === '' || values.base.startsWith('-'))) return usage('--base needs a branch or commit, e.g. --base origin/main');
  if (values.branches && values.base === undefined) return usage('--branches goes with --base (the merge base tells which numbers this branch adds)');

  const fs = new NodeFileSystem();
  const given = path.resolve(values.root ?? process.cwd());
  const rootStat = await fs.stat(toPortPath(given));
  if (!rootStat) {
    err.write(`lodestar: --root ${toPortPath(given)} does not exist\n`);
    return 2;
  }
  if (!(rootStat.type & EntryType.Directory)) {
    err.write(`lodestar: --root ${toPortPath(given)} is not a folder\n`);
    return 2;
  }
  // git names files by their real path; so does the index, then.
  const root = toPortPath(nodeFs.realpathSync(given));

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
  await index.build();
  const decisionFolders = index.folders.filter((f) => f.kind === 'decision').map((f) => f.path);
  const decisions = index.records('decision');
  const people = await loadPeopleDirectory(index, fs);
  const indexProblems = index.problems();
  // A file that could not be read as a record already has its problem; its content is not judged on top.
  const unreadable = new Set(indexProblems.filter((p) => FILE_PROBLEMS.has(p.code)).map((p) => p.path));
  const judged = decisions.filter((r) => !unreadable.has(r.path));
  const claimed = new Map<string, Set<number>>();
  for (const folder of decisionFolders) claimed.set(folder, new Set((await claimedNumbersOnOtherBranches(createGitExecutor(folder))).byNumber.keys()));
  let problems: Problem[] = [...indexProblems, ...people.problems, ...numberGapProblems(decisions, claimed), ...(await recordContentProblems(fs, judged, decisionFolders))];

  if (values.base !== undefined) {
    const comparison = await compareWithBase((cwd) => createGitExecutor(cwd), { root, base: values.base, branches: values.branches ?? [], decisionFolders });
    const changed = comparison.changed;
    if (changed) problems = problems.filter((p) => changed.has(p.path));
    problems.push(...comparison.problems);
  } else {
    problems.push(...(await branchNumberProblems(decisions, decisionFolders, (folder) => createGitExecutor(folder))));
  }

  const relative = problems
    .map((p) => ({ ...p, path: relativeTo(root, p.path) }))
    .sort((a, b) => compareText(a.path, b.path) || a.line - b.line || compareText(a.code, b.code));
  const reported = applyLintConfig(relative, config);
  out.write(formatProblems(reported, format, { version: packageVersion() }));
  const failing = reported.some((p) => p.severity === 'error' || (values['warnings-as-errors'] === true && p.severity === 'warning'));
  return failing ? 1 : 0;
}

/** Template text, empty and missing sections, title numbers: read from each decision record's file. */
async function recordContentProblems(fs: NodeFileSystem, decisions: ReturnType<RecordIndex['records']>, folders: string[]): Promise<Problem[]> {
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
  const out: Problem[] = [];
  for (const record of decisions) {
    const bytes = await fs.readFile(record.path).catch(() => undefined);
    // Unreadable, binary or huge files already have their own problem.
    if (!bytes || bytes.length > 1024 * 1024 || bytes.includes(0)) continue;
    out.push(...contentProblems(record, new TextDecoder().decode(bytes), templates.get(record.folder)));
  }
  return out;
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
