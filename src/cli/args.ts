import { parseArgs as parseNodeArgs } from 'util';

/**
 * The command line of `lodestar <command> …`, read with `node:util` parseArgs:
 * `--name value`, `--name=value`, `--flag`, `-h`, positionals, `--`.
 */

export class UsageError extends Error {}

export interface ParsedArgs {
  command?: string;
  positionals: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

/** How an option is written: `--json` (a flag) or `--root DIR` (takes a value). */
export type OptionKind = 'flag' | 'value';

/**
 * Reads argv given every option any command declares. The command is the first
 * positional; which options the command accepts is checked by the caller, so a
 * typo is reported as "does not take --x" rather than misread.
 */
export function parseArgs(argv: string[], declared: Readonly<Record<string, OptionKind>>): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, kind] of Object.entries(declared)) options[name] = { type: kind === 'value' ? 'string' : 'boolean' };
  const { tokens } = parseNodeArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const out: ParsedArgs = { positionals: [], options: new Map(), flags: new Set() };
  const positional = (value: string): void => {
    if (out.command === undefined) out.command = value;
    else out.positionals.push(value);
  };
  let lastShortIndex = -1;
  for (const t of tokens) {
    if (t.kind === 'positional') positional(t.value);
    else if (t.kind === 'option-terminator') {
      // Everything after `--` is an argument, never the command.
      out.positionals.push(...argv.slice(t.index + 1));
      break;
    } else if (!t.rawName.startsWith('--')) {
      // Only `-h` is an option; any other `-x` (or `-hx`) is an argument, as typed.
      if (t.index === lastShortIndex) continue;
      lastShortIndex = t.index;
      if (argv[t.index] === '-h') out.flags.add('help');
      else positional(argv[t.index]);
    } else if (declared[t.name] === 'value') {
      if (t.value === undefined || t.value === '') throw new UsageError(`--${t.name} needs a value`);
      out.options.set(t.name, t.value);
    } else if (t.inlineValue) throw new UsageError(`--${t.name} takes no value`);
    else out.flags.add(t.name);
  }
  return out;
}
