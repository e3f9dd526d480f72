import { spawnSync } from 'child_process';
import { close, open, read } from 'fs';
import { realpath, stat } from 'fs/promises';
import * as path from 'path';
import {
  ADR_TOOLS_FIRST_RECORD,
  ADR_TOOLS_TEMPLATE,
  AdrListEntry,
  AdrToolsError,
  adrReferenceMatches,
  adrToolsGraph,
  adrToolsLabel,
  adrToolsToc,
  fillAdrTemplate,
  findAdrToolsFolder,
  upgradeDateFormat,
} from '../core/decisions/adrTools';
import type { RecordLanguage } from '../core/decisions/recordLanguage';
import { today } from '../core/records/calendar';
import { normaliseDate } from '../core/records/dates';
import { NodeFileSystem } from '../core/store/nodeFileSystem';
import { FileExistsError, NodeRecordWriter, ReadOnlyFileError, RecordWriter } from '../core/store/recordWriter';
import { PartialChangeError, assertCanChange } from './fileChanges';

/**
 * `lodestar adr …`: a drop-in for adr-tools 3.0.0 — same arguments, files,
 * bytes and messages — that also skips numbers claimed on other git branches
 * and never leaves a half-written record behind.
 */

export interface AdrIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  out: (s: string) => void;
  err: (s: string) => void;
  /** How files are written; Node's file system unless given. */
  writer?: RecordWriter;
}

// The order adr-tools 3.0.0 lists them in (it lists its bin folder).
const COMMANDS = ['init', 'generate', 'new', 'help', 'list', 'link', 'upgrade-repository', 'renumber'];

const USAGE: Record<string, string> = {
  init: `usage: adr init [DIRECTORY]

Creates the decision record folder (DIRECTORY, else doc/adr; a DIRECTORY is
remembered in .adr-dir) and its first record, the decision to record
architecture decisions. A DIRECTORY that starts with - goes after --.
`,
  new: `usage: adr new [-s SUPERCEDED] [-l TARGET:LINK:REVERSE-LINK] TITLE_TEXT...

Creates the next numbered decision record titled TITLE_TEXT, opens it in
$VISUAL or $EDITOR when one is set, then prints its path.

  -s SUPERCEDED   a record (number or part of its file name) the new one
                  supersedes; both records' Status sections are updated.
  -l TARGET:LINK:REVERSE-LINK
                  links the new record to TARGET with LINK, and TARGET back
                  to it with REVERSE-LINK (e.g. "5:Amends:Amended by").

-s and -l may be repeated. The template is $ADR_TEMPLATE when it is set
(relative to the current folder), else templates/template.md in the record
folder if there is one; ADR_DATE sets the date.
Inside a git repository, numbers used on other branches are skipped.
`,
  link: `usage: adr link SOURCE LINK TARGET REVERSE-LINK

Links SOURCE to TARGET with LINK, and TARGET back to SOURCE with REVERSE-LINK
(e.g. adr link 12 Amends 10 "Amended by"). SOURCE and TARGET are numbers or
parts of file names.
`,
  list: `usage: adr list

Lists the decision records, one path a line.
`,
  generate: `usage: adr generate [REPORT [OPTION]...]

  toc [-i INTRO] [-o OUTRO] [-p LINK_PREFIX]
      a Markdown list of every record, with the files INTRO and OUTRO around it
  graph [-p LINK_PREFIX] [-e LINK_EXTENSION]
      a Graphviz graph of the records and the links between them
`,
  help: `usage: adr help COMMAND [ARG] ...
`,
  'upgrade-repository': `usage: adr upgrade-repository

Upgrades the ADR documents to the latest format.
`,
};

const ROOT_HELP = `--root DIR runs COMMAND as if DIR were the current folder (as cd DIR would):
it goes right after adr, right after COMMAND, or among COMMAND's options
(adr new --root DIR -s 3 TITLE...; never after a title's first word).
`;

function overview(): string {
  return `usage: adr help COMMAND [ARG] ...\nCOMMAND is one of: \n${COMMANDS.map((c) => `  ${c}\n`).join('')}Run 'adr help COMMAND' for help on a specific command.\n\n${ROOT_HELP}`;
}

class AdrExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** `--help` or `-h` given to a command: its usage is printed and nothing else is done. */
class HelpAsked extends Error {
  constructor(readonly command: string) {
    super(`help for ${command}`);
  }
}

/** Arguments a command does not take: said with its usage, and nothing is changed. */
class UsageFailure extends Error {
  constructor(
    message: string,
    readonly command: string | undefined,
  ) {
    super(message);
  }
}

const isHelp = (a: string): boolean => a === '--help' || a === '-h';

/**
 * The arguments of a command that takes no options. `--help` or `-h` asks for its usage;
 * any other argument starting with `-` is refused; one that is meant as a name goes after `--`.
 */
function operands(command: string, args: string[]): string[] {
  const dashes = args.indexOf('--');
  const before = dashes < 0 ? args : args.slice(0, dashes);
  if (before.some(isHelp)) throw new HelpAsked(command);
  const option = before.find((a) => a.startsWith('-'));
  if (option !== undefined)
    throw new UsageFailure(
      `${command} does not take ${option}${command === 'init' ? ` (a folder named ${option} goes after --: adr init -- ${option})` : ''}`,
      command,
    );
  return dashes < 0 ? args : [...before, ...args.slice(dashes + 1)];
}

/**
 * Options of a command that take the next argument as their value (so `-s --root` supersedes a record
 * matching "--root"), and whether its options end at its first operand (getopts) or only at `--` (getopt).
 */
const OPTION_SYNTAX: Record<string, { values: string[]; endAtOperand: boolean }> = {
  init: { values: [], endAtOperand: false },
  new: { values: ['-s', '-l'], endAtOperand: true },
  link: { values: [], endAtOperand: false },
  list: { values: [], endAtOperand: false },
  'upgrade-repository': { values: [], endAtOperand: false },
  renumber: { values: ['--to'], endAtOperand: false },
  help: { values: [], endAtOperand: false },
  // The reports of generate: toc's options are GNU getopt's, graph's bash getopts'.
  toc: { values: ['-i', '-o', '-p'], endAtOperand: false },
  graph: { values: ['-e', '-p'], endAtOperand: true },
};

const isRoot = (a: string): boolean => a === '--root' || a.startsWith('--root=');

/**
 * The arguments without `--root DIR` (or `--root=DIR`), and DIR: right after `adr`, right after the command
 * (and generate's report), or among the command's options — never after `--`, a value, or (for `new` and
 * `generate graph`) once the operands have begun: `adr new Use --root flag` is titled "Use --root flag".
 */
function withoutRoot(argv: string[]): { argv: string[]; root?: string } {
  let root: string | undefined;
  // The command, for the usage a missing value prints: the first argument after the leading `--root DIR`s.
  let start = 0;
  while (start < argv.length && isRoot(argv[start])) start += argv[start] === '--root' ? 2 : 1;
  const command: string | undefined = argv[start];
  const value = (args: string[], i: number): number => {
    const given = args[i] === '--root' ? args[i + 1] : args[i].slice('--root='.length);
    if (given === undefined || given === '') throw new UsageFailure('--root needs a folder', command);
    root = given;
    return args[i] === '--root' ? 2 + i : 1 + i;
  };
  /** Leading `--root DIR`s of `args` taken off. */
  const leading = (args: string[]): string[] => {
    let i = 0;
    while (i < args.length && isRoot(args[i])) i = value(args, i);
    return args.slice(i);
  };
  const among = (args: string[], syntax: { values: string[]; endAtOperand: boolean }): string[] => {
    const out: string[] = [];
    for (let i = 0; i < args.length;) {
      const a = args[i];
      if (a === '--' || (syntax.endAtOperand && (!a.startsWith('-') || a === '-'))) {
        out.push(...args.slice(i));
        break;
      }
      if (isRoot(a)) {
        i = value(args, i);
        continue;
      }
      out.push(...args.slice(i, syntax.values.includes(a) ? i + 2 : i + 1));
      i += syntax.values.includes(a) ? 2 : 1;
    }
    return out;
  };
  const rest = leading(argv).slice(1);
  if (command === undefined) return { argv: [], root };
  if (command === 'generate') {
    const [report, ...options] = leading(rest);
    const syntax = report !== undefined && Object.hasOwn(OPTION_SYNTAX, report) ? OPTION_SYNTAX[report] : undefined;
    const after = report === undefined ? [] : [report, ...(syntax ? among(options, syntax) : options)];
    return { argv: [command, ...after], root };
  }
  if (!Object.hasOwn(OPTION_SYNTAX, command)) return { argv: [command, ...rest], root };
  return { argv: [command, ...among(rest, OPTION_SYNTAX[command])], root };
}

/** The folder `--root` names, as `cd DIR` would make it the current folder: resolved from `cwd`, links followed. */
async function rootFolder(given: string, cwd: string, command: string | undefined): Promise<string> {
  const abs = path.resolve(cwd, given);
  const st = await stat(abs).catch(() => undefined);
  if (!st) throw new UsageFailure(`--root ${abs} does not exist`, command);
  if (!st.isDirectory()) throw new UsageFailure(`--root ${abs} is not a folder`, command);
  return realpath(abs);
}

/** A command's usage, for a usage error; adr's overview when there is no such command. */
async function usageOf(command: string | undefined): Promise<string> {
  if (command === 'renumber') return (await import('./adrRenumberCommand')).RENUMBER_USAGE;
  return command !== undefined && Object.hasOwn(USAGE, command) ? USAGE[command] : overview();
}

export async function adrMain(argv: string[], io: AdrIo): Promise<number> {
  try {
    const taken = withoutRoot(argv);
    // `--root DIR` is exactly `cd DIR`: the folder is found, paths are printed and files are written from there.
    if (taken.root !== undefined) io = { ...io, cwd: await rootFolder(taken.root, io.cwd, taken.argv[0]) };
    return await adrCommand(taken.argv, io);
  } catch (e) {
    if (e instanceof UsageFailure) {
      io.err(`adr: ${e.message}; nothing was ${e.command === 'new' ? 'written' : 'changed'}.\n\n${await usageOf(e.command)}`);
      return 1;
    }
    throw e;
  }
}

async function adrCommand(argv: string[], io: AdrIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'init':
        return await adrInit(operands('init', rest), io);
      case 'new':
        return await adrNew(rest, io);
      case 'link':
        return await adrLink(operands('link', rest), io);
      case 'list':
        operands('list', rest);
        return await adrList(io);
      case 'generate':
        return await adrGenerate(rest, io);
      case 'upgrade-repository':
        operands('upgrade-repository', rest);
        return await adrUpgradeRepository(io);
      case 'renumber':
        // Loaded only when run: renumbering needs the index and git, which list and generate do not.
        return await (await import('./adrRenumberCommand')).adrRenumber(rest, io);
      case 'help':
        if (rest[0] === 'renumber') io.out((await import('./adrRenumberCommand')).RENUMBER_USAGE);
        else if (rest.length > 0 && USAGE[rest[0]]) io.out(USAGE[rest[0]]);
        else io.out(overview());
        return 0;
      default:
        io.out(overview());
        return command !== undefined && isHelp(command) ? 0 : 1;
    }
  } catch (e) {
    if (e instanceof AdrExit) return e.code;
    if (e instanceof HelpAsked) {
      io.out(USAGE[e.command]);
      return 0;
    }
    if (e instanceof AdrToolsError) {
      io.err(`adr: ${e.message}\n`);
      return 1;
    }
    if (e instanceof ReadOnlyFileError) {
      io.err(`adr: ${path.relative(io.cwd, e.path)} is read-only; nothing was changed. Make it writable and try again.\n`);
      return 1;
    }
    if (e instanceof PartialChangeError) {
      io.err(`adr: ${e.message}\n`);
      return 1;
    }
    if (e instanceof FileExistsError) {
      io.err(`adr: ${path.relative(io.cwd, e.path)} already exists; nothing was written.\n`);
      return 1;
    }
    throw e;
  }
}

const fs = new NodeFileSystem();
const writer = new NodeRecordWriter();

/** A file's text through the port, decoded as Node's `readFile(…, 'utf8')` would (a BOM is kept). */
async function readUtf8(abs: string): Promise<string> {
  return Buffer.from(await fs.readFile(abs)).toString('utf8');
}

export async function adrFolder(io: Pick<AdrIo, 'cwd'>): Promise<string> {
  return findAdrToolsFolder(fs, io.cwd);
}

/**
 * The record a reference (`-s`, `-l`, `link`, `renumber`) names, as adr-tools takes it: the first match. When
 * several match, a warning on stderr names them and the one taken (adr-tools takes it silently).
 */
export function resolveReference(list: AdrListEntry[], ref: string, io: Pick<AdrIo, 'err'>): AdrListEntry | undefined {
  const matches = adrReferenceMatches(list, ref);
  if (matches.length > 1) {
    const files = matches.map((e) => e.file);
    io.err(`adr: warning: "${ref}" matches ${files.slice(0, -1).join(', ')} and ${files[files.length - 1]}; using ${files[0]}.\n`);
  }
  return matches[0];
}

export async function listRecords(io: Pick<AdrIo, 'cwd'>, folder: string): Promise<AdrListEntry[] | undefined> {
  const abs = path.resolve(io.cwd, folder);
  let names: string[];
  try {
    names = (await fs.readDirectory(abs)).map((e) => e.name);
  } catch {
    return undefined;
  }
  return names
    .filter((n) => /^[0-9]+-[^/]*\.md/.test(n))
    .map((n) => ({ path: `${folder}/${n}`, file: n, number: parseInt(/^(\d+)/.exec(n)?.[1] ?? '0', 10) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function adrList(io: AdrIo): Promise<number> {
  const folder = await adrFolder(io);
  const list = await listRecords(io, folder);
  if (!list) {
    io.out(`The ${folder} directory does not exist\n`);
    return 1;
  }
  // One write: a write per line costs a system call each (10,000 of them in a large folder).
  io.out(list.map((e) => `${e.path}\n`).join(''));
  return 0;
}

async function adrInit(args: string[], io: AdrIo): Promise<number> {
  const dir = args[0];
  if (dir) {
    await writer.ensureFolder(path.resolve(io.cwd, dir));
    await writer.replace(path.join(io.cwd, '.adr-dir'), `${dir}\n`);
  }
  // adr-tools always writes its own first record here, whatever template the project has.
  return adrNew(['record-architecture-decisions'], { ...io, env: { ...io.env, VISUAL: 'true', ADR_TEMPLATE: '' } }, ADR_TOOLS_FIRST_RECORD, false);
}

function parseNewOptions(args: string[]): { superseded: string[]; links: string[]; title: string } {
  const superseded: string[] = [];
  const links: string[] = [];
  let i = 0;
  // getopts: options until the first non-option argument or `--`.
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (isHelp(a)) throw new HelpAsked('new');
    const m = /^-([sl])(.*)$/.exec(a);
    if (!m) {
      if (a.startsWith('-') && a.length > 1) throw new UsageFailure(`new does not take ${a.startsWith('--') ? a : a.slice(0, 2)} (only -s and -l)`, 'new');
      break;
    }
    const value = m[2] !== '' ? m[2] : args[++i];
    if (value === undefined) throw new UsageFailure(`-${m[1]} needs a value (${m[1] === 's' ? 'a record to supersede' : 'TARGET:LINK:REVERSE-LINK'})`, 'new');
    (m[1] === 's' ? superseded : links).push(value);
  }
  return { superseded, links, title: args.slice(i).join(' ') };
}

async function adrNew(args: string[], io: AdrIo, builtInTemplate = ADR_TOOLS_TEMPLATE, projectTemplates = true): Promise<number> {
  const options = parseNewOptions(args);
  const folder = await adrFolder(io);
  const absFolder = path.resolve(io.cwd, folder);
  // The arguments joined by spaces, as typed ("$@"), on one line; a title of only spaces is no title.
  const { decisionFileName, oneLineTitle } = await import('../core/decisions/newDecision');
  const title = oneLineTitle(options.title);
  if (title.trim() === '') {
    io.out('ERROR: no title given\n');
    return 1;
  }
  const list = (await listRecords(io, folder)) ?? [];

  // Every reference must resolve before anything is written.
  const targets = options.superseded.map((ref) => ({ ref, entry: resolveReference(list, ref, io) }));
  // adr-tools splits with `echo $l | cut -d :`, which also squeezes runs of spaces.
  const linkSpecs = options.links.map((l) => {
    const [ref = '', forward = '', reverse = ''] = l.replace(/\s+/g, ' ').trim().split(':');
    return { given: l, ref, forward, reverse, entry: ref ? resolveReference(list, ref, io) : undefined };
  });
  const incomplete = linkSpecs.find((l) => !l.ref || !l.forward || !l.reverse);
  if (incomplete) {
    io.err(`adr: -l needs TARGET:LINK:REVERSE-LINK (got ${JSON.stringify(incomplete.given)}); nothing was written.\n`);
    return 1;
  }
  const missing = [...targets, ...linkSpecs].find((t) => !t.entry);
  if (missing) {
    io.err(`adr: no decision record matches "${missing.ref}" in ${folder}; nothing was written.\n`);
    return 1;
  }

  const own = projectTemplates ? await readTemplate(io, absFolder) : undefined;
  // adr-tools' template in a folder whose newest records are in German, French, Spanish or Portuguese is in that language.
  const [{ adrToolsTemplateIn }, { translatedStatus }] = await Promise.all([
    import('../core/decisions/folderLanguage'),
    import('../core/decisions/recordLanguage'),
  ]);
  const language = own === undefined && builtInTemplate === ADR_TOOLS_TEMPLATE ? await listLanguage(io, list) : undefined;
  const template = own ?? (language ? adrToolsTemplateIn(language.language) : builtInTemplate);
  const accepted = (language && translatedStatus(language, 'accepted')) || 'Accepted';
  // Only `adr new` asks git, so `adr list` and `adr generate` load no git code.
  const [{ claimedNumbersOnOtherBranches, numbersTakenFrom, otherBranchesUncheckedNote, otherBranchesUnreadable }, { createGitExecutor }] = await Promise.all([
    import('../core/decisions/claimedNumbers'),
    import('../core/git/gitExecutor'),
  ]);
  const claimed = await claimedNumbersOnOtherBranches(createGitExecutor(await existingAncestor(absFolder)));
  const refused = otherBranchesUnreadable(claimed);
  const date = io.env.ADR_DATE || today();
  // Written as given, as adr-tools writes it; but a date nobody can read is said now, not found months later.
  if (io.env.ADR_DATE && normaliseDate(io.env.ADR_DATE) === null)
    io.err(`adr: warning: ADR_DATE "${io.env.ADR_DATE}" is not a date (YYYY-MM-DD); the record says it as given, and has no date in Lodestar.\n`);
  const { Edits, linkInDialect, supersedeInDialect } = await import('./adrEdits');

  // Another `adr new` may be choosing a number at the same moment: the record is created exclusively,
  // and when its name is taken, or another name with its number appears beside it, it is taken back
  // and the next number tried. Of two records created together with one number, at most one stays.
  let number = 0;
  let dstPath = '';
  for (let attempt = 1; ; attempt++) {
    number = Math.max(0, ...(await allNumbers(absFolder))) + 1;
    // Only the numbers other branches use are named: `9 is taken on another branch (feature); using 10.`, not 8 too.
    const elsewhere = numbersTakenFrom(claimed, number);
    if (elsewhere) {
      if (attempt === 1) io.err(`adr: ${elsewhere.note}\n`);
      number = elsewhere.using;
    }
    // The extension's file name rules: the slug cut to 60 characters, `decision` for a title with no ASCII letters or digits.
    const file = decisionFileName(number, title);
    dstPath = `${folder}/${file}`;
    const absDst = path.join(absFolder, file);

    // Every change is worked out (and every file checked) before the first write.
    const edits = new Edits(absFolder, readUtf8);
    edits.create(absDst, fillAdrTemplate(template, { number, title, date, status: accepted }));
    for (const t of targets) {
      const target = path.resolve(io.cwd, (t.entry as AdrListEntry).path);
      await edits.load(target);
      await edits.change(target, (text, record) => supersedeInDialect(record, text, edits.current(absDst)));
      await edits.change(absDst, (text, record) => linkInDialect(record, text, 'Supercedes', edits.current(target)));
    }
    for (const l of linkSpecs) {
      const target = path.resolve(io.cwd, (l.entry as AdrListEntry).path);
      await edits.load(target);
      await edits.change(absDst, (text, record) => linkInDialect(record, text, l.forward, edits.current(target)));
      await edits.change(target, (text, record) => linkInDialect(record, text, l.reverse, edits.current(absDst)));
    }
    try {
      await edits.apply(
        io.writer ?? writer,
        (abs) => path.relative(io.cwd, abs),
        () => onlyRecordNumbered(absFolder, number, file),
      );
      break;
    } catch (e) {
      const taken = e instanceof NumberTakenMeanwhile || (e instanceof FileExistsError && e.path === absDst);
      if (!taken || attempt >= MAX_NUMBER_ATTEMPTS) throw e;
      // Two records made at the same instant both step back; a random pause lets one of them go first next time.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * Math.min(attempt, 10)));
    }
  }
  if (refused !== undefined) io.err(`adr: ${otherBranchesUncheckedNote(refused, number, 'new')}\n`);

  const editor = io.env.VISUAL || io.env.EDITOR;
  if (editor && editor !== 'true') {
    const [cmd, ...editorArgs] = editor.split(/\s+/).filter(Boolean);
    const r = spawnSync(cmd, [...editorArgs, dstPath], { cwd: io.cwd, stdio: 'inherit' });
    if (r.status !== 0) {
      const why = r.error
        ? `could not be started (${(r.error as NodeJS.ErrnoException).code ?? r.error.message})`
        : r.status === null
          ? `was stopped by ${r.signal}`
          : `exited with status ${r.status}`;
      io.out(`${dstPath}\n`);
      io.err(`adr: ${dstPath} was written, but the editor "${editor}" ${why}.\n`);
      return r.status || 1;
    }
  }
  io.out(`${dstPath}\n`);
  return 0;
}

async function readText(io: AdrIo, entry: { path: string }): Promise<string> {
  return readUtf8(path.resolve(io.cwd, entry.path));
}

/** The language of the folder's newest records ({@link folderLanguage}), read from up to a few of them. */
async function listLanguage(io: AdrIo, list: AdrListEntry[]): Promise<RecordLanguage | undefined> {
  const { folderLanguage, LANGUAGE_SAMPLE } = await import('../core/decisions/folderLanguage');
  const newest = [...list].sort((a, b) => b.number - a.number).slice(0, LANGUAGE_SAMPLE);
  if (newest.length === 0) return undefined;
  const texts = await Promise.all(newest.map((e) => readText(io, e).catch(() => '')));
  return folderLanguage(texts);
}

/** The project's own template ($ADR_TEMPLATE, else the folder's `templates/template.md`), or undefined when it has none. */
async function readTemplate(io: AdrIo, absFolder: string): Promise<string | undefined> {
  // adr-tools `cat`s $ADR_TEMPLATE, relative to where it runs, when it is set (`[ -z $template ]`: blank is unset).
  const given = io.env.ADR_TEMPLATE;
  if (given !== undefined && given.trim() !== '') {
    try {
      return await readUtf8(path.resolve(io.cwd, given));
    } catch (e) {
      throw new AdrToolsError(`the template ${given} (ADR_TEMPLATE) cannot be read: ${fileErrorReason(e as NodeJS.ErrnoException)}; nothing was written.`);
    }
  }
  try {
    return await readUtf8(path.join(absFolder, 'templates/template.md'));
  } catch {
    // adr-tools falls through to its own template when the project has none.
    return undefined;
  }
}

/** Why a file could not be read, in the words `cat` uses. */
function fileErrorReason(e: NodeJS.ErrnoException): string {
  return e.code === 'ENOENT' ? 'No such file or directory' : e.code === 'EISDIR' ? 'Is a directory' : e.code === 'EACCES' ? 'Permission denied' : e.message;
}

/** How often `adr new` tries the next number when other processes keep taking it first. */
const MAX_NUMBER_ATTEMPTS = 50;

/** Another name in the folder took the new record's number while it was being created. */
class NumberTakenMeanwhile extends Error {}

/** Throws {@link NumberTakenMeanwhile} when a name in the folder other than `file` starts with `number`. */
async function onlyRecordNumbered(absFolder: string, number: number, file: string): Promise<void> {
  const names = (await fs.readDirectory(absFolder)).map((e) => e.name);
  const other = names.find((n) => n !== file && parseInt(/^(\d+)/.exec(n)?.[1] ?? '', 10) === number);
  if (other !== undefined) throw new NumberTakenMeanwhile(`${other} took number ${number} meanwhile`);
}

/** Every number that starts a name in the folder, files or not, as adr-tools counts them. */
async function allNumbers(absFolder: string): Promise<number[]> {
  try {
    return (await fs.readDirectory(absFolder))
      .map((e) => /^(\d+)/.exec(e.name))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => parseInt(m[1], 10));
  } catch {
    return [];
  }
}

async function existingAncestor(dir: string): Promise<string> {
  for (let d = dir; ; d = path.dirname(d)) {
    if ((await fs.stat(d)) !== undefined) return d;
    if (path.dirname(d) === d) return d;
  }
}

async function adrLink(args: string[], io: AdrIo): Promise<number> {
  const names = ['SOURCE', 'LINK', 'TARGET', 'REVERSE-LINK'];
  const missingArg = names.findIndex((_n, i) => !args[i]);
  if (missingArg >= 0) {
    io.err(`adr: link needs ${names.join(' ')}; ${names[missingArg]} is missing. Nothing was written.\n\n${USAGE.link}`);
    return 1;
  }
  const [sourceRef, link, targetRef, reverse] = args;
  const folder = await adrFolder(io);
  const list = (await listRecords(io, folder)) ?? [];
  const source = resolveReference(list, sourceRef, io);
  const target = resolveReference(list, targetRef, io);
  const missing = !source ? sourceRef : !target ? targetRef : undefined;
  if (missing !== undefined || !source || !target) {
    io.err(`adr: no decision record matches "${missing}" in ${folder}; nothing was written.\n`);
    return 1;
  }
  if (source.path === target.path) {
    io.err(`adr: ${source.path} cannot link to itself; nothing was written.\n`);
    return 1;
  }
  // Only new and link edit records in their dialect: list and generate load none of it.
  const { Edits, linkInDialect } = await import('./adrEdits');
  const absSource = path.resolve(io.cwd, source.path);
  const absTarget = path.resolve(io.cwd, target.path);
  const edits = new Edits(path.resolve(io.cwd, folder), readUtf8);
  // Both titles as they were: each link names the other record before either changes.
  const sourceSide = await edits.load(absSource);
  const targetSide = await edits.load(absTarget);
  await edits.change(absSource, (text, record) => linkInDialect(record, text, link, targetSide));
  await edits.change(absTarget, (text, record) => linkInDialect(record, text, reverse, sourceSide));
  await edits.apply(io.writer ?? writer, (abs) => path.relative(io.cwd, abs));
  return 0;
}

async function adrGenerate(args: string[], io: AdrIo): Promise<number> {
  const [report, ...rest] = args;
  if (!report) {
    io.out('graph\ntoc\n');
    return 0;
  }
  if (isHelp(report)) throw new HelpAsked('generate');
  if (report !== 'toc' && report !== 'graph') {
    io.err(`adr generate: no report "${report}" (use toc or graph)\n`);
    return 1;
  }
  const dashes = rest.indexOf('--');
  if ((dashes < 0 ? rest : rest.slice(0, dashes)).some(isHelp)) throw new HelpAsked('generate');
  const opts = report === 'toc' ? getoptOptions(rest, 'iop') : getoptsOptions(rest, 'ep');
  if (typeof opts === 'string') {
    io.err(`${report === 'toc' ? 'getopt' : 'adr generate graph'}: ${opts}\n`);
    return 1;
  }
  const folder = await adrFolder(io);
  const list = (await listRecords(io, folder)) ?? [];
  if (report === 'toc') {
    // The toc needs only each record's first line.
    const titled = await Promise.all(list.map(async (e) => ({ ...e, title: adrToolsLabel(await readFirstLine(path.resolve(io.cwd, e.path)), e.file) })));
    // adr-tools `cat`s the intro and outro under `set -e`: a file that cannot be read stops the
    // output where cat ran, with cat's message, and exit 1.
    const readOpt = async (key: string): Promise<string | Error | undefined> =>
      opts.has(key)
        ? readUtf8(path.resolve(io.cwd, opts.get(key) as string)).catch((e: NodeJS.ErrnoException) => {
            return new Error(`cat: ${opts.get(key)}: ${fileErrorReason(e)}`);
          })
        : undefined;
    const intro = await readOpt('i');
    const outro = await readOpt('o');
    const full = adrToolsToc(titled, {
      intro: typeof intro === 'string' ? intro : undefined,
      outro: typeof outro === 'string' ? outro : undefined,
      prefix: opts.get('p'),
    });
    if (intro instanceof Error) {
      io.out('# Architecture Decision Records\n\n');
      io.err(`${intro.message}\n`);
      return 1;
    }
    if (outro instanceof Error) {
      io.out(`${full}\n`);
      io.err(`${outro.message}\n`);
      return 1;
    }
    io.out(full);
  } else {
    const entries = await Promise.all(list.map(async (e) => ({ ...e, text: await readText(io, e) })));
    const titled = entries.map((e) => ({ ...e, title: adrToolsLabel(e.text, e.file) }));
    io.out(adrToolsGraph(titled, { prefix: opts.get('p'), extension: opts.get('e') }));
  }
  return 0;
}

/**
 * The options of adr-tools' toc, parsed as GNU `getopt` parses them: options anywhere
 * before `--`, each taking a value. Getopt's complaint when one is unknown or has no value.
 */
function getoptOptions(args: string[], letters: string): Map<string, string> | string {
  const opts = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if (a.startsWith('--')) return `unrecognized option '${a}'`;
    if (!a.startsWith('-') || a === '-') continue;
    if (!letters.includes(a[1])) return `invalid option -- '${a[1]}'`;
    const value = a.length > 2 ? a.slice(2) : args[++i];
    if (value === undefined) return `option requires an argument -- '${a[1]}'`;
    opts.set(a[1], value);
  }
  return opts;
}

/**
 * The options of adr-tools' graph, parsed as bash's `getopts` parses them: options up to
 * the first other argument or `--`, each taking a value. Its complaint when one is unknown
 * or has no value (adr-tools then stops with exit 1).
 */
function getoptsOptions(args: string[], letters: string): Map<string, string> | string {
  const opts = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--' || !a.startsWith('-') || a === '-') break;
    if (!letters.includes(a[1])) return `illegal option -- ${a[1]}`;
    const value = a.length > 2 ? a.slice(2) : args[++i];
    if (value === undefined) return `option requires an argument -- ${a[1]}`;
    opts.set(a[1], value);
  }
  return opts;
}

// `adr generate` reads only the first line of each record: a partial read the file-system port does not offer.
const FIRST_LINE_BYTES = 1024;

/** The file's text up to and including its first newline (the whole file when the first line is long or opens front matter). */
function readFirstLine(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    open(file, 'r', (openError, fd) => {
      if (openError) {
        reject(openError);
        return;
      }
      const buffer = Buffer.allocUnsafe(FIRST_LINE_BYTES);
      read(fd, buffer, 0, FIRST_LINE_BYTES, 0, (readError, n) => {
        close(fd, () => {
          if (readError) reject(readError);
          else {
            const nl = buffer.subarray(0, n).indexOf(10);
            // A record that opens with front matter is labelled from its title after it: the whole file is read.
            if (nl >= 0 && /^(\uFEFF)?---\r?\n$/.test(buffer.toString('utf8', 0, nl + 1))) readUtf8(file).then(resolve, reject);
            else if (nl >= 0) resolve(buffer.toString('utf8', 0, nl + 1));
            else if (n < FIRST_LINE_BYTES) resolve(buffer.toString('utf8', 0, n));
            else readUtf8(file).then(resolve, reject);
          }
        });
      });
    });
  });
}

/**
 * adr-tools loops `for f in $(adr list)` and runs sed on each word: with no record
 * folder, the words of "The doc/adr directory does not exist" are the files, and sed
 * stops at the first one (`set -e`) with its message. Records are rewritten only when
 * a date changes, byte for byte otherwise (read as latin1, as sed reads bytes).
 */
async function adrUpgradeRepository(io: AdrIo): Promise<number> {
  const folder = await adrFolder(io);
  const list = await listRecords(io, folder);
  const words = list ? list.map((e) => e.path) : `The ${folder} directory does not exist`.split(/\s+/);
  const changes: { abs: string; word: string; after: string }[] = [];
  for (const word of list ? words : words.filter((w) => w !== '')) {
    const abs = path.resolve(io.cwd, word);
    let before: string;
    try {
      before = Buffer.from(await fs.readFile(abs)).toString('latin1');
    } catch {
      io.err(`sed: ${word}: No such file or directory\n`);
      return 1;
    }
    const { text: after, notDates } = upgradeDateFormat(before);
    for (const d of notDates) io.err(`adr: ${word}: Date: ${d} is not a calendar day; it was left as written.\n`);
    if (after !== before) changes.push({ abs, word, after });
  }
  // Every record is checked before the first is written, so a read-only one stops the upgrade with nothing changed.
  for (const c of changes) await assertCanChange(c.abs);
  const done: string[] = [];
  for (const c of changes) {
    try {
      await writer.replace(c.abs, Buffer.from(c.after, 'latin1'));
    } catch (e) {
      const changed = done.length > 0 ? `${done.join(', ')} ${done.length === 1 ? 'was' : 'were'} upgraded; the others were not` : 'nothing was changed';
      io.err(`adr: ${c.word}: ${(e as Error).message}; ${changed}.\n`);
      return 1;
    }
    done.push(c.word);
  }
  return 0;
}
