import type { RecordFileSystem } from '../core/store/fileSystem';
import type { OptionKind } from './args';

/** What a `lodestar <command>` is given: its checked arguments and where to read and write. */
export interface CommandContext {
  /** The repository to read (`--root`, else the current folder): an existing folder. */
  root: string;
  fs: RecordFileSystem;
  /** The `--name value` options given. */
  options: ReadonlyMap<string, string>;
  /** The `--flag`s given. */
  flags: ReadonlySet<string>;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/**
 * One row of the command table. `run` imports its module when the command is
 * run, so a command loads only what it needs (and start-up stays cheap).
 */
export interface CommandEntry {
  /** The usage line in the help, e.g. `index [--json] [--root DIR]`. */
  usage: string;
  /** What the command does, for the help. */
  summary: string;
  /** The options it accepts (anything else is a usage error); `--root` is read before `run`. */
  options: Readonly<Record<string, OptionKind>>;
  /**
   * The command reads the records and does nothing else meanwhile (no git,
   * no network): files are read one at a time without yielding, which is
   * faster and holds one file at a time.
   */
  blockingReads?: boolean;
  run: (c: CommandContext) => Promise<number>;
}

/** A command that reads its own argv (the adr-tools drop-in keeps adr-tools' getopt syntax and bytes). */
export interface RawCommandEntry {
  usage: string;
  summary: string;
  raw: (argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream) => Promise<number>;
}
