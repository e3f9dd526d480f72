/**
 * The globs of `applies-to`, relative to the repository root, compiled once
 * to regular expressions:
 *
 * - `*` matches within one path segment, `?` one character of it, `[a-z]`
 *   (`[!a-z]`) one character of a class, `{a,b}` either alternative;
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

export class GlobSyntaxError extends Error {}

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
  if (source.split('/').some((s) => s === '..')) throw new GlobSyntaxError(`"${pattern}" leaves the repository ("..").`);
  const body = segmentsToRegex(source.split('/'));
  // Whatever the glob matches, a folder included, covers the files inside it.
  const regex = new RegExp(`^${body}(?:/.*)?$`, options.caseInsensitive ? 'i' : '');
  const lower = options.caseInsensitive === true;
  return { source, negated, prefix: literalPrefix(source, lower), required: requiredLiteral(source, lower), regex };
}

function segmentsToRegex(segments: string[]): string {
  let out = '';
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const last = i === segments.length - 1;
    if (seg === '**') {
      // `a/**/b`: zero or more folders between; a trailing `**`: anything below.
      if (last) out += i === 0 ? '.*' : '(?:/.*)?';
      // `(?:.*/)?` rather than `(?:[^/]*/)*`: the same paths, without the backtracking.
      else out += i === 0 ? '(?:.*/)?' : '/(?:.*/)?';
      continue;
    }
    if (i > 0 && segments[i - 1] !== '**') out += '/';
    out += segmentToRegex(seg);
  }
  return out;
}

function segmentToRegex(seg: string): string {
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '\\' && i + 1 < seg.length) {
      out += escapeRegex(seg[++i]);
    } else if (c === '*') {
      while (seg[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = seg.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = seg.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      out += `[${negate ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else if (c === '{') {
      const close = matchingBrace(seg, i);
      if (close < 0) {
        out += '\\{';
        continue;
      }
      out += `(?:${splitAlternatives(seg.slice(i + 1, close))
        .map(segmentToRegex)
        .join('|')})`;
      i = close;
    } else {
      out += escapeRegex(c);
    }
  }
  return out;
}

function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitAlternatives(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '{') depth++;
    else if (s[i] === '}') depth--;
    else if (s[i] === ',' && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

function escapeRegex(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
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
