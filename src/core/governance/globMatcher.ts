/**
 * The globs of `applies-to`, relative to the repository root, compiled once
 * to regular expressions:
 *
 * - `*` matches within one path segment, `?` one character of it, `[a-z]`
 *   (`[!a-z]`, `[^a-z]`, `[[:digit:]]`) one character of a class, never `/`;
 *   `{a,b}` either alternative (nested, or across folders: `{docs/adr,rfcs}/**`);
 *   a `[` or `{` that is never closed is text, and `\` makes the next character text;
 * - `**` as a whole segment matches any number of segments, none included;
 * - wildcards match dotfiles and dot folders too (`src/**` covers
 *   `src/.env`), as CODEOWNERS and .gitignore do: governance is about every
 *   tracked file, not what a shell would list;
 * - a glob that matches a folder covers everything in it (`src/payments`
 *   is `src/payments/**` as well);
 * - a leading `!` excludes; in a list the last glob that matches a path decides.
 *
 * Matching is case-sensitive, as git is, unless asked otherwise (a
 * repository on a case-insensitive file system: `core.ignorecase`).
 */

import { expandBraces, globSegmentsRegex, GlobSyntaxError } from '../records/globSyntax';

export { GlobSyntaxError };

export interface CompiledGlob {
  /** As written, without the `!`. */
  source: string;
  negated: boolean;
  /** The literal folder prefix before the first wildcard (`src/payments/`), or '' — files outside it cannot match. */
  prefix: string;
  /** A literal every matching path contains (`.sql` of `**\/*.sql`), or '': a cheap test before the regex. Lower-case when matching ignores case. */
  required: string;
  regex: RegExp;
}

/** The pattern with `./`, leading `/` and trailing `/` taken off. */
function normalise(pattern: string): string {
  let p = pattern.trim();
  while (p.startsWith('./')) p = p.slice(2);
  p = p
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\/{2,}/g, '/');
  return p;
}

export function compileGlob(pattern: string, options: { caseInsensitive?: boolean } = {}): CompiledGlob {
  const trimmed = pattern.trim();
  const negated = trimmed.startsWith('!');
  const source = normalise(negated ? trimmed.slice(1) : trimmed);
  if (source === '') throw new GlobSyntaxError(`"${pattern}" names no path.`);
  const alternatives = expandBraces(source, pattern).map(normalise);
  if (alternatives.some((a) => a === '')) throw new GlobSyntaxError(`"${pattern}" names no path in one of its {…} alternatives.`);
  if (alternatives.some((a) => a.split('/').some((s) => s === '..'))) throw new GlobSyntaxError(`"${pattern}" leaves the repository ("..").`);
  const bodies = alternatives.map((a) => globSegmentsRegex(a.split('/'), pattern));
  const body = bodies.length === 1 ? bodies[0] : `(?:${bodies.join('|')})`;
  // Whatever the glob matches, a folder included, covers the files inside it.
  const regex = new RegExp(`^${body}(?:/.*)?$`, options.caseInsensitive ? 'i' : '');
  const lower = options.caseInsensitive === true;
  return { source, negated, prefix: literalPrefix(source, lower), required: requiredLiteral(source, lower), regex };
}

/** `src/payments/**` → `src/payments/`; `src/*.ts` → `src/`; `**` → ''. Lower-case when matching ignores case. */
function literalPrefix(source: string, lower: boolean): string {
  const segments = source.split('/');
  const literal: string[] = [];
  for (const seg of segments.slice(0, -1)) {
    if (/[*?[{\\]/.test(seg)) break;
    literal.push(seg);
  }
  const prefix = literal.length > 0 ? `${literal.join('/')}/` : '';
  return lower ? prefix.toLowerCase() : prefix;
}

/** The longest run of plain characters; none for globs with classes, braces or escapes, whose literals are not all required. */
function requiredLiteral(source: string, lower: boolean): string {
  if (/[[{\\]/.test(source)) return '';
  const longest = source.split(/[*?]+/).reduce((a, b) => (b.length > a.length ? b : a), '');
  return lower ? longest.toLowerCase() : longest;
}

/** One record's `applies-to`, compiled: a path is covered when the last glob that matches it is not a `!` one. */
export class GlobList {
  readonly globs: CompiledGlob[];
  /** Globs that could not be compiled, with why. */
  readonly invalid: { pattern: string; message: string }[] = [];

  constructor(patterns: readonly string[], options: { caseInsensitive?: boolean } = {}) {
    this.globs = [];
    for (const p of patterns) {
      try {
        this.globs.push(compileGlob(p, options));
      } catch (e) {
        this.invalid.push({ pattern: p, message: (e as Error).message });
      }
    }
  }

  matches(path: string): boolean {
    let covered = false;
    for (const g of this.globs) {
      if (g.negated === covered && g.regex.test(path)) covered = !g.negated;
    }
    return covered;
  }
}
