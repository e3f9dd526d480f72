/**
 * The syntax globs share, `applies-to` and `.lodestar.yml` `ignore` alike:
 * `{…}` alternatives expanded, and one brace-free glob's segments turned
 * into a regular expression (`*`, `?`, `[…]`, `**`, `\` escapes). Where a
 * glob is anchored and what it covers is the caller's to say.
 */

/** A glob that cannot be used; the message says why, quoting it. */
export class GlobSyntaxError extends Error {}

/** More alternatives than this from one glob's `{…}` is refused: a typo, not a list anyone means. */
const MAX_ALTERNATIVES = 256;

/**
 * The globs `{a,b}` stands for, as minimatch and shells expand them: nested
 * groups (`{a,{b,c}}`) and groups spanning folders (`{docs/adr,rfcs}/**`)
 * included. A group without a top-level comma (`{a}`), an unclosed `{` and
 * a `{` inside `[…]` or after `\` are literal (escaped in the result, so
 * the segments read them as text).
 */
export function expandBraces(glob: string, pattern = glob): string[] {
  const out: string[] = [];
  const pending = [glob];
  while (pending.length > 0) {
    const s = pending.pop() as string;
    const group = firstBraceGroup(s);
    if (!group) {
      out.push(s);
      continue;
    }
    const [open, close, commas] = group;
    const head = s.slice(0, open);
    const tail = s.slice(close + 1);
    if (commas.length === 0) {
      // `{a}` is text: escape its braces and read on (what is inside may still hold a group).
      pending.push(`${head}\\{${s.slice(open + 1, close)}\\}${tail}`);
      continue;
    }
    const cuts = [open, ...commas, close];
    for (let i = cuts.length - 2; i >= 0; i--) pending.push(head + s.slice(cuts[i] + 1, cuts[i + 1]) + tail);
    if (pending.length + out.length > MAX_ALTERNATIVES) {
      throw new GlobSyntaxError(`"${pattern}" expands to more than ${MAX_ALTERNATIVES} alternatives; write fewer {…} groups.`);
    }
  }
  return out;
}

/** The first unescaped `{` outside a class with its matching `}` and its top-level commas, or undefined. */
function firstBraceGroup(s: string): [number, number, number[]] | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '[') {
      const end = classEnd(s, i);
      if (end > 0) i = end;
    } else if (c === '{') {
      const commas: number[] = [];
      let depth = 0;
      for (let j = i; j < s.length; j++) {
        const d = s[j];
        if (d === '\\') j++;
        else if (d === '[') {
          const end = classEnd(s, j);
          if (end > 0) j = end;
        } else if (d === '{') depth++;
        else if (d === ',' && depth === 1) commas.push(j);
        else if (d === '}' && --depth === 0) return [i, j, commas];
      }
      // Unclosed: this `{` is text; a later one may still open a group.
    }
  }
  return undefined;
}

/**
 * The `]` closing the class that opens at `open`, or -1 when there is none
 * (then `[` is text): a `]` right after `[`, `[!` or `[^` is a member, `\`
 * escapes, and a class never spans a `/`.
 */
function classEnd(s: string, open: number): number {
  let i = open + 1;
  if (s[i] === '!' || s[i] === '^') i++;
  if (s[i] === ']') i++;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '/') return -1;
    if (c === '\\') i++;
    else if (c === '[' && s[i + 1] === ':') {
      // `[:alpha:]` inside a class: its `]` does not close the class.
      const end = s.indexOf(':]', i + 2);
      if (end > 0 && !s.slice(i, end).includes('/')) i = end + 1;
    } else if (c === ']') return i;
  }
  return -1;
}

/** One brace-free glob's segments as a regular expression (no anchors). `pattern`: as written, for errors. */
export function globSegmentsRegex(segments: readonly string[], pattern: string): string {
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
    out += segmentToRegex(seg, pattern);
  }
  return out;
}

function segmentToRegex(seg: string, pattern: string): string {
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
      const close = classEnd(seg, i);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      out += classToRegex(seg.slice(i + 1, close), pattern);
      i = close;
    } else {
      out += escapeRegex(c);
    }
  }
  return out;
}

const POSIX_CLASSES: Record<string, string> = {
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  digit: '0-9',
  lower: 'a-z',
  upper: 'A-Z',
  space: ' \\t\\r\\n\\v\\f',
  xdigit: '0-9A-Fa-f',
};

/**
 * The inside of `[…]` (without the brackets) as a regex class: `!`/`^`
 * negates (never matching `/`), `a-z` ranges, `\\x` is x, `[:alpha:]` and
 * the other POSIX names. A range written backwards (`[z-a]`) is refused.
 */
function classToRegex(body: string, pattern: string): string {
  let i = 0;
  const negate = body[0] === '!' || body[0] === '^';
  if (negate) i++;
  // Members escaped one by one; a range (`[+-0]`) may span `/`, which no class matches in a path.
  let members = '';
  let ranged = false;
  for (; i < body.length; i++) {
    let c = body[i];
    if (c === '[' && body[i + 1] === ':') {
      const end = body.indexOf(':]', i + 2);
      const posix = end > 0 ? POSIX_CLASSES[body.slice(i + 2, end)] : undefined;
      if (end > 0 && posix === undefined) throw new GlobSyntaxError(`"${pattern}" names an unknown character class [:${body.slice(i + 2, end)}:].`);
      if (posix !== undefined) {
        members += posix;
        i = end + 1;
        continue;
      }
    }
    if (c === '\\' && i + 1 < body.length) c = body[++i];
    if (body[i + 1] === '-' && i + 2 < body.length) {
      let hi = body[i + 2];
      let skip = 2;
      if (hi === '\\' && i + 3 < body.length) {
        hi = body[i + 3];
        skip = 3;
      }
      if (hi < c) throw new GlobSyntaxError(`"${pattern}" has the range [${c}-${hi}] written backwards; write [${hi}-${c}].`);
      members += `${escapeClassChar(c)}-${escapeClassChar(hi)}`;
      ranged = true;
      i += skip;
      continue;
    }
    members += escapeClassChar(c);
  }
  return negate ? `[^/${members}]` : `${ranged ? '(?!/)' : ''}[${members}]`;
}

function escapeClassChar(c: string): string {
  return /[\\\]\[^-]/.test(c) ? `\\${c}` : c;
}

function escapeRegex(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
