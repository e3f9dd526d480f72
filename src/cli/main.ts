import * as path from 'path';
import { branchNumberProblems } from '../core/decisions/claimedNumbers';
import { createGitExecutor } from '../core/git/gitExecutor';
import { buildIndexReport, formatProblem } from '../core/index/indexReport';
import { RecordIndex } from '../core/index/recordIndex';
import { DEFAULT_SETTINGS } from '../core/index/recordFolders';
import { recordLabel } from '../core/tree/recordGroups';
import { EntryType, toPortPath } from '../core/store/fileSystem';
import { NodeFileSystem } from '../core/store/nodeFileSystem';
import { loadPeopleDirectory } from '../core/people/identities';
import { adrMain } from './adrCommand';
import { pairingMain } from './pairingCommand';
import { prsMain } from './prsCommand';
import { reportCommand } from './reportCommand';
import { searchMain } from './searchCommand';
import { siteMain } from './siteCommand';
import { parseArgs, UsageError } from './args';

/** The options each command accepts; anything else is a usage error, so a typo never passes silently. */
const COMMAND_OPTIONS: Record<string, string[]> = { index: ['json', 'root'], lint: ['json', 'root'], pairing: ['json', 'root', 'since'], prs: ['json', 'root', 'since'], report: ['root', 'from', 'to', 'format', 'person'], help: [] };

const HELP = `usage: lodestar <command> [options]

commands:
  adr COMMAND ...               a drop-in for adr-tools: init, new, link, list, generate, help
  index [--json] [--root DIR]   list every decision record, design doc and mentoring record
  lint [--json] [--root DIR]    report problems, one per line; exit 1 when any is an error
  pairing [--json] [--since DATE] [--root DIR]
                                pairing sessions, logged and from Co-authored-by trailers, and who paired with whom
  prs [--json] [--since DATE] [--root DIR]
                                merged pull requests found in git history, with the records linked to each
  report --from DATE --to DATE [--format md|json] [--person HANDLE] [--root DIR]
                                the influence report of a period: decisions, designs, people grown, pull requests
  search QUERY [--tag T] [--status S] [--json] [--root DIR]
                                decision records and design docs holding every word, best first
  site build|serve [--out DIR] [--base-url URL] [--port N] [--root DIR]
                                a static, searchable site of the decision records and design docs
  help                          show this help

options:
  --root DIR   the repository to read (default: the current folder)
  --json       machine-readable output (the contract other tools rely on)
`;

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  // adr-tools' own argument syntax passes through untouched, and it works where it is run.
  if (argv[0] === 'adr') {
    return adrMain(argv.slice(1), { cwd: process.cwd(), env: process.env, out: (s) => out.write(s), err: (s) => err.write(s) });
  }
  if (argv[0] === 'site') return siteMain(argv.slice(1), (s) => out.write(s), (s) => err.write(s));
  if (argv[0] === 'search') return searchMain(argv.slice(1), (s) => out.write(s), (s) => err.write(s));
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`lodestar: ${e.message}\n\n${HELP}`);
      return 2;
    }
    throw e;
  }
  const allowed = COMMAND_OPTIONS[args.command ?? ''];
  if (allowed) {
    const unknown = [...args.flags, ...args.options.keys()].filter((o) => o !== 'help' && !allowed.includes(o));
    if (unknown.length > 0) {
      err.write(`lodestar: ${args.command} does not take --${unknown[0]}\n\n${HELP}`);
      return 2;
    }
    if (args.positionals.length > 0) {
      err.write(`lodestar: ${args.command} takes no arguments (got "${args.positionals[0]}")\n\n${HELP}`);
      return 2;
    }
  }
  if (!args.command || args.command === 'help' || args.flags.has('help')) {
    out.write(HELP);
    return args.command && args.command !== 'help' && !args.flags.has('help') ? 2 : 0;
  }
  const root = toPortPath(path.resolve(args.options.get('root') ?? process.cwd()));
  const fs = new NodeFileSystem();
  const rootStat = await fs.stat(root);
  if (!rootStat) {
    err.write(`lodestar: --root ${root} does not exist\n`);
    return 2;
  }
  if (!(rootStat.type & EntryType.Directory)) {
    err.write(`lodestar: --root ${root} is not a folder\n`);
    return 2;
  }
  switch (args.command) {
    case 'index': {
      const index = new RecordIndex(fs, root, DEFAULT_SETTINGS);
      await index.build();
      const report = buildIndexReport(index);
      if (args.flags.has('json')) out.write(`${JSON.stringify(report, null, 2)}\n`);
      else {
        for (const r of report.records) {
          const label = recordLabel({ ...r, title: r.title } as never);
          out.write(`${r.kind.padEnd(9)} ${(r.status ?? '-').padEnd(12)} ${label}  (${r.path})\n`);
        }
        out.write(`${report.records.length} records, ${report.problems.length} problems\n`);
      }
      return 0;
    }
    case 'lint': {
      const index = new RecordIndex(fs, root, DEFAULT_SETTINGS);
      await index.build();
      const decisionFolders = index.folders.filter((f) => f.kind === 'decision').map((f) => f.path);
      const branchProblems = await branchNumberProblems(index.records('decision'), decisionFolders, (folder) => createGitExecutor(folder));
      // Two mentees with one handle, a broken .git-coauthors: problems of the people directory too.
      const people = await loadPeopleDirectory(index, fs);
      const report = buildIndexReport(index, [...branchProblems, ...people.problems]);
      if (args.flags.has('json')) out.write(`${JSON.stringify({ problems: report.problems }, null, 2)}\n`);
      else for (const p of report.problems) out.write(`${formatProblem(p)}\n`);
      return report.problems.some((p) => p.severity === 'error') ? 1 : 0;
    }
    case 'pairing':
      return pairingMain(root, { json: args.flags.has('json'), since: args.options.get('since') }, out, err);
    case 'prs':
      return prsMain(root, { json: args.flags.has('json'), since: args.options.get('since') }, out, err);
    case 'report':
      return reportCommand({ fs, root, options: args.options, out, err });
    default:
      err.write(`lodestar: unknown command "${args.command}"\n\n${HELP}`);
      return 2;
  }
}

if (require.main === module) {
  // `lodestar prs | head`: a reader that stops early is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`lodestar: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
