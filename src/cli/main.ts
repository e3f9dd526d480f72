import * as nodeFs from 'fs';
import * as path from 'path';
import { EntryType, toPortPath } from '../core/store/fileSystem';
import { NodeFileSystem } from '../core/store/nodeFileSystem';
import { OptionKind, parseArgs, UsageError } from './args';
import type { CommandEntry, RawCommandEntry } from './command';
import { defaultRoot } from './subfolderNote';
import { forTerminal } from './terminalText';

export type { CommandContext } from './command';

/**
 * Every `lodestar` command, in help order: one entry each. A command lives in
 * its own module, imported inside `run` so that only the command being run is
 * loaded (`index` loads no git or forge code). To add one: write
 * `src/cli/<name>Command.ts` exporting a function of a `CommandContext`, and
 * add its row here.
 */
const COMMANDS: Record<string, CommandEntry | RawCommandEntry> = {
  adr: {
    usage: 'adr [--root DIR] COMMAND ...',
    summary: 'a drop-in for adr-tools: init, new, link, list, generate, upgrade-repository, help; and renumber',
    // adr-tools' own argument syntax passes through untouched; `--root DIR` is `cd DIR` first.
    raw: async (argv, out, err) =>
      (await import('./adrCommand')).adrMain(argv, { cwd: process.cwd(), env: process.env, out: (s) => out.write(s), err: (s) => err.write(s) }),
  },
  index: {
    usage: 'index [--json] [--root DIR]',
    summary: 'list every decision record, design doc and mentoring record',
    options: { json: 'flag', root: 'value' },
    blockingReads: true,
    run: async (c) => (await import('./indexCommand')).indexCommand(c),
  },
  lint: {
    usage: 'lint [--json | --format text|json|github|sarif] [--base REF [--branches GLOB,…]] [--warnings-as-errors] [--root DIR]',
    summary: 'report problems, one per line; exit 1 when any is an error (see the README for .lodestar.yml and the codes)',
    options: { json: 'flag', root: 'value', format: 'value', base: 'value', branches: 'value', 'warnings-as-errors': 'flag' },
    blockingReads: true,
    run: async (c) => (await import('./lintCommand')).lintCommand(c),
  },
  pairing: {
    usage: 'pairing [--json] [--since DATE] [--root DIR]',
    summary: 'pairing sessions, logged and from Co-authored-by trailers, and who paired with whom',
    options: { json: 'flag', root: 'value', since: 'value' },
    run: async (c) => (await import('./pairingCommand')).pairingMain(c.root, { json: c.flags.has('json'), since: c.options.get('since') }, c.out, c.err),
  },
  prs: {
    usage: 'prs [--json] [--since DATE] [--root DIR]',
    summary: 'merged pull requests found in git history, with the records linked to each',
    options: { json: 'flag', root: 'value', since: 'value' },
    run: async (c) => (await import('./prsCommand')).prsMain(c.root, { json: c.flags.has('json'), since: c.options.get('since') }, c.out, c.err),
  },
  report: {
    usage: 'report --from DATE --to DATE [--format md|json | --json] [--person HANDLE] [--root DIR]',
    summary: 'the influence report of a period: decisions, designs, people grown, pull requests',
    options: { root: 'value', from: 'value', to: 'value', format: 'value', person: 'value', json: 'flag' },
    blockingReads: true,
    run: async (c) => (await import('./reportCommand')).reportCommand(c),
  },
  search: {
    usage: 'search QUERY... [--tag T]... [--status S]... [--json] [--root DIR]',
    summary: 'decision records and design docs holding every word of QUERY, best first; exit 1 when none',
    raw: async (argv, out, err) =>
      (await import('./searchCommand')).searchMain(
        argv,
        (s) => out.write(s),
        (s) => err.write(s),
      ),
  },
  site: {
    usage: 'site build|serve [--out DIR] [--base-url URL] [--port N] [--no-mermaid] [--root DIR]',
    summary: 'a static, searchable site of the decision records and design docs (see lodestar site help)',
    raw: async (argv, out, err) =>
      (await import('./siteCommand')).siteMain(
        argv,
        (s) => out.write(s),
        (s) => err.write(s),
      ),
  },
  why: {
    usage: 'why PATH... [--json] [--root DIR]',
    summary: 'the decision records and design docs whose applies-to globs govern each path',
    // Paths are arguments, relative to the current folder: the command reads its own argv.
    raw: async (argv, out, err) => (await import('./whyCommand')).whyMain(argv, out, err),
  },
  help: {
    usage: 'help [COMMAND]',
    summary: 'show this help, or the help of COMMAND',
    options: {},
    run: async () => 0,
  },
};

const isRaw = (entry: CommandEntry | RawCommandEntry): entry is RawCommandEntry => 'raw' in entry;

/** Only `--root DIR` and `--root=DIR`, any number of them. */
function onlyRootOptions(args: string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--root' && i + 1 < args.length) i++;
    else if (!args[i].startsWith('--root=')) return false;
  }
  return true;
}

function helpText(): string {
  const lines = Object.values(COMMANDS).map((c) =>
    c.usage.length <= 28 ? `  ${c.usage.padEnd(30)}${c.summary}` : `  ${c.usage}\n${' '.repeat(32)}${c.summary}`,
  );
  return `usage: lodestar <command> [options]

commands:
${lines.join('\n')}

options:
  --root DIR   the repository to read (default: the current folder)
  --json       machine-readable output (the contract other tools rely on)
  --version    the version of lodestar
`;
}

/** `lodestar COMMAND --help`: that command's usage and what it does. */
function commandHelp(entry: CommandEntry): string {
  return `usage: lodestar ${entry.usage}\n\n${entry.summary}.\n\n--root DIR reads that repository (default: the current folder); --json prints the machine-readable output.\n`;
}

/** A usage error's reminder: the command's own usage line, not every command's. */
function usageLine(entry: CommandEntry | RawCommandEntry): string {
  return `usage: lodestar ${entry.usage}\n`;
}

/** Every option some command declares, so that a value is read as a value whichever command is given. */
function declaredOptions(): Record<string, OptionKind> {
  const all: Record<string, OptionKind> = {};
  for (const entry of Object.values(COMMANDS)) if (!isRaw(entry)) Object.assign(all, entry.options);
  return all;
}

/** Lodestar's version, from the package.json above this module (`dist/` in the package, `out/src/cli/` in a checkout). */
function version(): string {
  let dir = __dirname;
  for (let i = 0; i < 4; i++) {
    try {
      const pkg = JSON.parse(nodeFs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'lodestar' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not here: one folder up
    }
    dir = path.dirname(dir);
  }
  return 'unknown';
}

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V' || argv[0] === 'version')) {
    out.write(`lodestar ${version()}\n`);
    return 0;
  }
  // `lodestar help index` is `lodestar index --help` (as `lodestar adr help new` and `lodestar site help` work).
  if (argv.length === 2 && argv[0] === 'help' && !argv[1].startsWith('-')) {
    if (argv[1] === 'help') return main(['help'], out, err);
    if (Object.hasOwn(COMMANDS, argv[1])) return main([argv[1], '--help'], out, err);
    err.write(`lodestar: unknown command "${argv[1]}"\n\n${helpText()}`);
    return 2;
  }
  const first = Object.hasOwn(COMMANDS, argv[0] ?? '') ? COMMANDS[argv[0]] : undefined;
  if (first && isRaw(first)) return first.raw(argv.slice(1), out, err);
  // `lodestar --json search x`: a raw command reads its own arguments, so options go after it.
  const rawLater = argv.findIndex((a) => Object.hasOwn(COMMANDS, a) && isRaw(COMMANDS[a]));
  const declared = declaredOptions();
  const onlyOptionsBefore = (end: number): boolean =>
    argv.slice(0, end).every((a, i) => a.startsWith('-') || (i > 0 && declared[argv[i - 1].replace(/^--/, '')] === 'value'));
  if (rawLater > 0 && onlyOptionsBefore(rawLater)) {
    // `lodestar --root DIR adr list` is `lodestar adr --root DIR list`: adr reads a --root right after it.
    const adr = COMMANDS.adr;
    if (argv[rawLater] === 'adr' && isRaw(adr) && onlyRootOptions(argv.slice(0, rawLater)))
      return adr.raw([...argv.slice(0, rawLater), ...argv.slice(rawLater + 1)], out, err);
    err.write(`lodestar: options go after ${argv[rawLater]}, which reads its own (--root DIR among them)\n`);
    return 2;
  }
  let args;
  try {
    args = parseArgs(argv, declared);
  } catch (e) {
    if (e instanceof UsageError) {
      // The usage of the command named, when one is: `lodestar index --root` is about index.
      const named = argv.find((a) => Object.hasOwn(COMMANDS, a));
      err.write(`lodestar: ${e.message}\n\n${named !== undefined ? usageLine(COMMANDS[named]) : helpText()}`);
      return 2;
    }
    throw e;
  }
  const found = args.command !== undefined && Object.hasOwn(COMMANDS, args.command) ? COMMANDS[args.command] : undefined;
  // A raw command given after an option (`lodestar --json adr`) is not that command.
  const entry = found && !isRaw(found) ? found : undefined;
  if (entry) {
    const unknown = [...args.flags, ...args.options.keys()].filter((o) => o !== 'help' && !Object.hasOwn(entry.options, o));
    if (unknown.length > 0) {
      err.write(`lodestar: ${args.command} does not take --${unknown[0]}\n${usageLine(entry)}`);
      return 2;
    }
    if (args.positionals.length > 0) {
      err.write(`lodestar: ${args.command} takes no arguments (got "${args.positionals[0]}")\n${usageLine(entry)}`);
      return 2;
    }
  }
  if (entry && args.command !== 'help' && args.flags.has('help')) {
    out.write(commandHelp(entry));
    return 0;
  }
  if (!args.command || args.command === 'help' || args.flags.has('help')) {
    out.write(helpText());
    return 0;
  }
  let root = toPortPath(path.resolve(args.options.get('root') ?? process.cwd()));
  const fs = new NodeFileSystem({ blockingReads: entry?.blockingReads });
  const rootStat = await fs.stat(root);
  if (!rootStat) {
    err.write(`lodestar: --root ${root} does not exist\n`);
    return 2;
  }
  if (!(rootStat.type & EntryType.Directory)) {
    err.write(`lodestar: --root ${root} is not a folder\n`);
    return 2;
  }
  if (!entry) {
    err.write(`lodestar: unknown command "${args.command}"\n\n${helpText()}`);
    return 2;
  }
  if (!args.options.has('root')) root = await defaultRoot(args.command, process.cwd(), fs, (text) => err.write(text));
  return entry.run({ root, fs, options: args.options, flags: args.flags, out, err });
}

/** Runs the command line this process was started with (`dist/cli.js` calls it), setting the exit code. */
export function runCli(): void {
  // `lodestar prs | head`: a reader that stops early is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  main(process.argv.slice(2), forTerminal(process.stdout), forTerminal(process.stderr)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`lodestar: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) runCli();
