import * as path from 'path';
import { createGitExecutor } from '../core/git/gitExecutor';
import { successorIn } from '../core/governance/governanceLint';
import { loadGovernance } from '../core/governance/repositoryFiles';
import { buildWhyReport, governingEntries } from '../core/governance/whyReport';
import { DEFAULT_SETTINGS } from '../core/index/recordFolders';
import { RecordIndex } from '../core/index/recordIndex';
import { recordLabel } from '../core/records/recordLabels';
import { EntryType, relativePath, toPortPath } from '../core/store/fileSystem';
import { NodeFileSystem } from '../core/store/nodeFileSystem';
import { parseArgs, UsageError } from './args';

export const WHY_HELP = `usage: lodestar why PATH... [--json] [--root DIR]

For each path, the decision records and design docs whose applies-to globs
cover it: active ones first; a superseded, deprecated or rejected one with the
record that replaced it. Paths are relative to the current folder (or to --root
when the current folder is outside it); --root defaults to the repository
around the current folder.
`;

async function repositoryTop(cwd: string): Promise<string | undefined> {
  try {
    const top = (await createGitExecutor(cwd).run(['rev-parse', '--show-toplevel'])).trim();
    return top === '' ? undefined : toPortPath(top);
  } catch {
    return undefined;
  }
}

/** `lodestar why PATH… [--json] [--root DIR]`. */
export async function whyMain(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream, cwd = process.cwd()): Promise<number> {
  let args;
  try {
    args = parseArgs(['why', ...argv], { json: 'flag', root: 'value' });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.write(`lodestar: ${e.message}\n\n${WHY_HELP}`);
    return 2;
  }
  if (args.flags.has('help')) {
    out.write(WHY_HELP);
    return 0;
  }
  const unknown = [...args.flags, ...args.options.keys()].find((o) => o !== 'json' && o !== 'root');
  if (unknown) {
    err.write(`lodestar: why does not take --${unknown}\n\n${WHY_HELP}`);
    return 2;
  }
  if (args.positionals.length === 0) {
    err.write(`lodestar: why needs at least one PATH\n\n${WHY_HELP}`);
    return 2;
  }
  // Without --root, the repository around the current folder: `cd src/db && lodestar why orders.ts` works.
  const given = args.options.get('root');
  const root = given !== undefined ? toPortPath(path.resolve(cwd, given)) : ((await repositoryTop(cwd)) ?? toPortPath(cwd));
  const fs = new NodeFileSystem();
  const rootStat = await fs.stat(root);
  if (!rootStat || !(rootStat.type & EntryType.Directory)) {
    err.write(`lodestar: --root ${root} ${rootStat ? 'is not a folder' : 'does not exist'}\n`);
    return 2;
  }
  const index = new RecordIndex(fs, root, DEFAULT_SETTINGS);
  await index.build();
  // Outside a repository (or in one that keeps no records) no answer would be an answer: "governed by nothing" misleads.
  if (!index.folders.some((f) => f.kind === 'decision' || f.kind === 'design')) {
    err.write(
      `lodestar: no decision records or design docs under ${root}${given === undefined && !(await repositoryTop(cwd)) ? ' (not in a git repository)' : ''}: nothing was looked up; run it in the repository or give --root\n`,
    );
    return 2;
  }
  const { governance, top } = await loadGovernance(index.records(), root, createGitExecutor(root));
  const portCwd = toPortPath(cwd);
  const base = relativePath(root, portCwd) !== undefined ? portCwd : root;
  const paths = args.positionals.map((p) => toPortPath(path.resolve(base, p)));
  const outside = paths.find((p) => relativePath(top, p) === undefined);
  if (outside) {
    err.write(`lodestar: ${outside} is outside the repository (${top}); nothing was looked up\n`);
    return 2;
  }
  const entries = governingEntries(paths, governance, top, root, successorIn(index));
  if (args.flags.has('json')) {
    out.write(`${JSON.stringify(buildWhyReport(entries, root), null, 2)}\n`);
    return 0;
  }
  const report = buildWhyReport(entries, root);
  for (const [i, entry] of entries.entries()) {
    out.write(`${entry.path}\n`);
    if (entry.records.length === 0) out.write('  governed by no decision record or design doc\n');
    for (const [j, { record, successor }] of entry.records.entries()) {
      const replaced = successor ? ` → ${recordLabel(successor)}` : '';
      out.write(`  ${recordLabel(record)} (${record.status ?? 'no status'}${replaced})  ${report.paths[i].records[j].path}\n`);
    }
  }
  return 0;
}
