/** A small argument parser: `--name value`, `--name=value`, `--flag`, positionals. */

export class UsageError extends Error {}

export interface ParsedArgs {
  command?: string;
  positionals: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

const VALUE_OPTIONS = new Set(['root', 'since', 'from', 'to', 'format', 'person']);

export function parseArgs(argv: string[]): ParsedArgs {
  const out: ParsedArgs = { positionals: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (VALUE_OPTIONS.has(name)) {
        const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
        out.options.set(name, value);
      } else if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      else out.flags.add(name);
    } else if (a === '-h') out.flags.add('help');
    else if (!out.command) out.command = a;
    else out.positionals.push(a);
  }
  return out;
}
