import { promises as nodeFs } from 'fs';
import * as path from 'path';
import {
  claimedNumbersOnOtherBranches,
  describeClaims,
  nextDecisionNumber,
  numberClaimedElsewhere,
  otherBranchesUncheckedNote,
  otherBranchesUnreadable,
} from '../core/decisions/claimedNumbers';
import { markdownNaming } from '../core/decisions/linkingFiles';
import { planRenumber } from '../core/decisions/renumber';
import { createGitExecutor } from '../core/git/gitExecutor';
import { RecordIndex } from '../core/index/recordIndex';
import { DEFAULT_SETTINGS } from '../core/index/recordFolders';
import { basename, dirname, toPortPath } from '../core/store/fileSystem';
import { NodeFileSystem } from '../core/store/nodeFileSystem';
import { NodeRecordWriter, ReadOnlyFileError, RecordWriter } from '../core/store/recordWriter';
import { counted } from './counted';
import { FileChange, assertCanChange, undo } from './fileChanges';

export const RENUMBER_USAGE = `usage: adr renumber RECORD [--to N | --next-free]

Gives the decision record RECORD (a number, part of its file name, or its
path) a new number: the file is renamed, the number in its title follows, and
every link to it from the Markdown files of the repository is rewritten.
--next-free (the default) takes the next number free here and on every other
local and remote-tracking branch; --to N takes N, unless a record here or on
another branch already has it.
`;

export interface RenumberIo {
  cwd: string;
  out: (s: string) => void;
  err: (s: string) => void;
  /** How files are written; Node's file system unless given. */
  writer?: RecordWriter;
}

/** `lodestar adr renumber RECORD [--to N | --next-free]`: the VS Code quick fix's renumbering, from the command line. */
export async function adrRenumber(args: string[], io: RenumberIo): Promise<number> {
  // Every refusal exits 1, usage errors included, as the other adr commands do.
  const fail = (message: string): number => {
    io.err(`adr: ${message}\n`);
    return 1;
  };
  let file: string | undefined;
  let to: number | undefined;
  let nextFree = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--to' || a.startsWith('--to=')) {
      const value = a === '--to' ? args[++i] : a.slice(5);
      if (!value || !/^\d{1,9}$/.test(value) || parseInt(value, 10) < 1)
        return fail(`--to needs a positive whole number (got ${JSON.stringify(value ?? '')})\n\n${RENUMBER_USAGE}`);
      to = parseInt(value, 10);
    } else if (a === '--next-free') nextFree = true;
    else if (a === '-h' || a === '--help') {
      io.out(RENUMBER_USAGE);
      return 0;
    } else if (a.startsWith('-') || file !== undefined) return fail(`renumber does not take ${a}\n\n${RENUMBER_USAGE}`);
    else file = a;
  }
  if (file === undefined) return fail(`renumber needs the RECORD to renumber\n\n${RENUMBER_USAGE}`);
  if (to !== undefined && nextFree) return fail(`give --to N or --next-free, not both\n\n${RENUMBER_USAGE}`);

  const abs = await findRecordFile(file, io);
  if (typeof abs !== 'string') return fail(abs.problem);
  const recordPath = toPortPath(abs);
  const folder = dirname(recordPath);
  // The record's own folder is the decision folder, whatever told Lodestar where decision folders are.
  const fs = new NodeFileSystem();
  const index = new RecordIndex(fs, dirname(folder), { ...DEFAULT_SETTINGS, decisionDirectories: [basename(folder)] });
  await index.build();
  const record = index.record(recordPath);
  if (!record || record.kind !== 'decision') return fail(`${path.relative(io.cwd, abs)} is not a decision record (a NNNN-title.md file in a decision folder)`);
  if (record.number === null) return fail(`${path.relative(io.cwd, abs)} has no number to change (log4brains records are named by date)`);
  const inFolder = index.records('decision').filter((r) => r.folder === record.folder);

  if (to === record.number) {
    io.out(`${path.relative(io.cwd, abs)} already has number ${to}; nothing was changed.\n`);
    return 0;
  }
  const git = createGitExecutor(folder);
  const claimed = await claimedNumbersOnOtherBranches(git);
  const number =
    to ??
    nextDecisionNumber(
      inFolder.map((r) => r.number),
      claimed,
    );
  if (number === record.number) {
    io.out(`${path.relative(io.cwd, abs)} already has number ${number}; nothing was changed.\n`);
    return 0;
  }
  const taken = inFolder.find((r) => r.number === number && r.path !== record.path);
  if (taken) return fail(`number ${number} is already used by ${basename(taken.path)}; nothing was changed`);

  const texts = new Map<string, string>();
  for (const r of inFolder) {
    const text = await nodeFs.readFile(r.path, 'utf8').catch(() => undefined);
    // A file that is not valid UTF-8 is never rewritten (its links stay as they are).
    if (text !== undefined && !text.includes('\uFFFD')) texts.set(r.path, text);
    else if (r.path === record.path) return fail(`${path.relative(io.cwd, abs)} could not be read as UTF-8 text; nothing was changed`);
  }
  // Links from anywhere else in the repository follow too (a design doc's `decisions:`, a README's list).
  const linking = await markdownNaming(git, record.path, new Set(texts.keys()), (p) =>
    nodeFs.readFile(p, 'utf8').then(
      (t) => (t.includes('\uFFFD') ? undefined : t),
      () => undefined,
    ),
  );
  for (const [p, t] of linking.texts) texts.set(p, t);
  const plan = planRenumber(record, number, texts, linking.top);
  // A record numbered by its front matter `id` (its file name has no number) keeps its name.
  const inPlace = plan.to === plan.from;
  if (!inPlace && (await fs.stat(plan.to))) return fail(`${path.relative(io.cwd, plan.to)} already exists; nothing was changed`);
  // As `adr new`, never a number another branch gives to another record: lint's number-on-other-branch would follow.
  const elsewhere = await numberClaimedElsewhere(git, claimed, number, basename(plan.to));
  if (elsewhere.length > 0)
    return fail(
      `number ${number} is already used by ${describeClaims(elsewhere)}; nothing was changed. Choose another number, or --next-free for one free on every branch`,
    );
  const refused = otherBranchesUnreadable(claimed);
  if (refused !== undefined) io.err(`adr: ${otherBranchesUncheckedNote(refused, number, 'renumber')}\n`);

  const show = (p: string): string => path.relative(io.cwd, p);
  const others: FileChange[] = [...plan.edits].filter(([p]) => p !== plan.from).map(([p, text]) => ({ path: p, before: texts.get(p) as string, after: text }));
  // Every file is checked before the first change, so a refusal changes nothing.
  try {
    for (const p of [plan.from, ...others.map((c) => c.path)]) await assertCanChange(p);
  } catch (e) {
    if (e instanceof ReadOnlyFileError) return fail(`${show(e.path)} is read-only; nothing was changed. Make it writable and try again.`);
    throw e;
  }

  const writer = io.writer ?? new NodeRecordWriter();
  // The new name is taken first (a hard link fails on an existing file), so nothing is edited unless it is free.
  let moved: 'linked' | 'renamed' | 'kept' = 'kept';
  if (!inPlace) {
    try {
      await nodeFs.link(plan.from, plan.to);
      moved = 'linked';
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return fail(`${show(plan.to)} already exists; nothing was changed`);
      try {
        await nodeFs.rename(plan.from, plan.to); // a file system without hard links; the name was checked free above
      } catch (e2) {
        return fail(`${show(plan.from)} could not be renamed (${(e2 as Error).message}); nothing was changed`);
      }
      moved = 'renamed';
    }
  }
  const own = plan.edits.get(plan.from);
  const original = texts.get(plan.from) as string;
  // Undoes the move (and the record's own edit): the record is back under its old name with its old text.
  const unmove = async (): Promise<void> => {
    if (moved === 'kept') {
      if (own !== undefined) await writer.replace(plan.from, original);
    } else if (await fs.stat(plan.from)) await nodeFs.unlink(plan.to);
    else {
      await nodeFs.rename(plan.to, plan.from);
      if (own !== undefined) await writer.replace(plan.from, original);
    }
  };
  const done: FileChange[] = [];
  try {
    if (own !== undefined) await writer.replace(plan.to, own);
    if (moved === 'linked') await nodeFs.unlink(plan.from).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : Promise.reject(e)));
    for (const c of others) {
      await writer.replace(c.path, c.after);
      done.push(c);
    }
  } catch (e) {
    const reason = (e as Error).message;
    const moveUndone = await unmove().then(
      () => true,
      () => false,
    );
    try {
      await undo(done, writer, show, async () => undefined, `renumbering stopped (${reason})`);
    } catch (u) {
      const message = (u as Error).message;
      if (moveUndone) return fail(message);
      return fail(`${message.replace(/; nothing was changed\.$/, '.')} ${show(plan.to)} could not be moved back to ${show(plan.from)}.`);
    }
  }
  io.out(`${path.relative(io.cwd, plan.to)}\n`);
  if (others.length > 0) io.err(`adr: renumbered ${basename(plan.from)} to ${number}; links in ${counted(others.length, 'other record')} follow.\n`);
  return 0;
}

/**
 * The file a RECORD argument names: a number or a part of a file name, resolved as `link`, `-s` and `-l` resolve
 * them (adr-tools' way, in the folder `.adr-dir` or `doc/adr` names), or a path to the file.
 */
async function findRecordFile(given: string, io: RenumberIo): Promise<string | { problem: string }> {
  const real = (p: string): Promise<string | undefined> =>
    nodeFs.stat(p).then(
      (st) => (st.isFile() ? nodeFs.realpath(p) : undefined),
      () => undefined,
    );
  // Digits are a number (`12`), never a file of that name; anything else is a path first.
  const asPath = /^\d+$/.test(given) ? undefined : await real(path.resolve(io.cwd, given));
  if (asPath !== undefined) return asPath;
  const { adrFolder, listRecords, resolveReference } = await import('./adrCommand');
  const folder = await adrFolder(io);
  const entry = resolveReference((await listRecords(io, folder)) ?? [], given, io);
  const found = entry && (await real(path.resolve(io.cwd, entry.path)));
  return found ?? { problem: `no decision record matches "${given}" in ${folder}; nothing was changed` };
}
