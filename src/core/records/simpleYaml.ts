/**
 * A fast path for front matter as people write it: block mappings (nested by
 * indentation), plain, single- and double-quoted scalars, comments, flow
 * lists on one line, block lists, `|` and `>` block scalars, the core
 * schema's null, booleans, integers and floats (dates stay strings, as the
 * core schema reads them), and a one-line scalar anchored as a key's value
 * (`owner: &lead Dana`) with the aliases of it that follow (`reviewer: *lead`).
 * It returns undefined for anything it is not sure of — other anchors and
 * aliases, tags, flow maps, multi-line plain or quoted scalars, tabs, unusual
 * escapes — and the caller then uses the full YAML parser, so
 * the two always agree (a differential unit test holds them to it). It only
 * ever builds plain data. It exists because the YAML library costs ~40 µs a
 * file, the largest part of a cold index.
 */

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
const COMMENT_AFTER = /^ +#.*$/;
// A plain scalar may not start with an indicator, nor hold `: ` or ` #`.
const PLAIN_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
const INT = /^(?:0|[1-9][0-9]{0,14})$/;
const FLOAT = /^(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/;
// Everything else the core schema could read as other than a string: declined.
const SPECIAL = /^(?:[-+.]?[0-9]|[-+]?\.(?:inf|Inf|INF)$|\.(?:nan|NaN|NAN)$|0o|0x)/;

interface Line {
  indent: number;
  /** The line without its indentation and trailing spaces. */
  text: string;
  /** The line without its indentation (block scalars keep trailing spaces). */
  rest: string;
}

// `&name value` and `*name` as a key's value; other anchor names are left to the full parser.
const ANCHORED = /^&([A-Za-z0-9_-]+) +(.+)$/;
const ALIAS = /^\*([A-Za-z0-9_-]+)(?: +#.*)?$/;
// Well under the full parser's limit on aliases (which then fails the document).
const MAX_ALIASES = 10;

/** The scalars anchored so far in the document being read, by name (parsing is synchronous, one document at a time). */
const anchors = new Map<string, unknown>();
let aliases = 0;

class Decline extends Error {}
const DECLINE = new Decline();

function decline(): never {
  throw DECLINE;
}

export function parseSimpleYaml(text: string): Record<string, unknown> | undefined {
  if (text.includes('\t')) return undefined;
  const lines: Line[] = [];
  const raws = text.split('\n');
  // The newline that ends the last line starts no line of its own.
  if (raws.length > 1 && raws[raws.length - 1] === '') raws.pop();
  for (const raw of raws) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    let indent = 0;
    while (indent < line.length && line.charCodeAt(indent) === 32) indent++;
    const rest = line.slice(indent);
    lines.push({ indent, rest, text: rest.trimEnd() });
  }
  aliases = 0;
  try {
    const first = nextContent(lines, 0);
    if (first < lines.length && lines[first].indent !== 0) return undefined;
    const out = Object.create(null) as Record<string, unknown>;
    const end = parseMapping(lines, first, 0, out, true);
    if (end < lines.length) return undefined;
    return out;
  } catch (e) {
    if (e instanceof Decline) return undefined;
    throw e;
  } finally {
    if (anchors.size > 0) anchors.clear();
  }
}

function isBlankOrComment(l: Line): boolean {
  return l.text === '' || l.text.startsWith('#');
}

/** The next line that is neither blank nor a comment. */
function nextContent(lines: Line[], from: number): number {
  let i = from;
  while (i < lines.length && isBlankOrComment(lines[i])) i++;
  return i;
}

/** Reads `key: value` lines at `indent` into `out`; returns the index of the first line that is not part of it. */
function parseMapping(lines: Line[], from: number, indent: number, out: Record<string, unknown>, top: boolean): number {
  let i = from;
  for (;;) {
    i = nextContent(lines, i);
    if (i >= lines.length || lines[i].indent < indent) return i;
    const line = lines[i];
    if (line.indent > indent) decline();
    if (line.text === '---' || line.text === '...' || line.text.startsWith('%')) decline();
    const m = KEY.exec(line.text);
    if (!m) decline();
    const key = m[1];
    if (!top && key === '__proto__') decline();
    const value = m[2] ?? '';
    let result: unknown;
    if (value === '' || value.startsWith('#')) {
      [result, i] = parseNested(lines, i + 1, indent);
    } else if (value.startsWith('|') || value.startsWith('>')) {
      [result, i] = parseBlockScalar(lines, i, indent, value);
    } else if (value.startsWith('&') || value.startsWith('*')) {
      result = anchorOrAlias(value);
      i = afterScalar(lines, i + 1, indent);
    } else {
      result = inlineValue(value);
      i = afterScalar(lines, i + 1, indent);
    }
    out[key] = result;
  }
}

/** `&name scalar` (the scalar, remembered) or `*name` (the scalar remembered under that name). */
function anchorOrAlias(value: string): unknown {
  const anchored = ANCHORED.exec(value);
  if (anchored) {
    const rest = anchored[2];
    // A scalar only: an anchored list or map would be one object shared by its aliases.
    if (rest.startsWith('[') || rest.startsWith('{')) decline();
    const scalar = inlineValue(rest);
    anchors.set(anchored[1], scalar);
    return scalar;
  }
  const alias = ALIAS.exec(value);
  if (!alias || !anchors.has(alias[1]) || ++aliases > MAX_ALIASES) decline();
  return anchors.get(alias[1]);
}

/** After a one-line value, the next content must not be more indented (a continuation the fast path does not read). */
function afterScalar(lines: Line[], from: number, indent: number): number {
  for (let i = from; i < lines.length; i++) {
    const l = lines[i];
    // A `#` after a line break starts a comment, at any indentation.
    if (isBlankOrComment(l)) continue;
    if (l.indent > indent) decline();
    return i;
  }
  return lines.length;
}

/** What follows `key:` with nothing after it: a block list, a nested mapping, or null. */
function parseNested(lines: Line[], from: number, indent: number): [unknown, number] {
  const i = nextContent(lines, from);
  if (i >= lines.length) return [null, i];
  const l = lines[i];
  if (l.text === '-' || l.text.startsWith('- ')) {
    if (l.indent < indent) return [null, i];
    return parseSequence(lines, i, l.indent);
  }
  if (l.indent <= indent) return [null, i];
  const map: Record<string, unknown> = {};
  return [map, parseMapping(lines, i, l.indent, map, false)];
}

function parseSequence(lines: Line[], from: number, indent: number): [unknown[], number] {
  const items: unknown[] = [];
  let i = from;
  for (;;) {
    i = nextContent(lines, i);
    if (i >= lines.length || lines[i].indent < indent) return [items, i];
    const l = lines[i];
    if (l.indent > indent) decline();
    if (!l.text.startsWith('- ')) {
      if (l.text === '-') decline();
      return [items, i];
    }
    const value = l.text.slice(2).trimStart();
    if (value === '' || value.startsWith('[') || value.startsWith('|') || value.startsWith('>') || value.startsWith('#') || value.startsWith('- ')) decline();
    // `- key: value` is a list of mappings: the full parser reads those.
    if (KEY.test(value)) decline();
    items.push(inlineValue(value));
    i = afterScalar(lines, i + 1, indent);
  }
}

/** A value on the key's own line: a quoted or plain scalar, or a flow list. */
function inlineValue(value: string): unknown {
  const c = value.charCodeAt(0);
  if (c === 34 /* " */ || c === 39 /* ' */) {
    const [s, end] = quoted(value, 0);
    if (end < value.length && !COMMENT_AFTER.test(value.slice(end))) decline();
    return s;
  }
  if (c === 91 /* [ */) return flowList(value);
  return plain(stripComment(value));
}

function stripComment(value: string): string {
  const hash = value.indexOf(' #');
  return hash < 0 ? value : value.slice(0, hash).trimEnd();
}

function plain(v: string): unknown {
  if (v === '' || PLAIN_START.test(v) || v.includes(': ') || v.endsWith(':') || v.includes(' #')) decline();
  switch (v) {
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  if (INT.test(v)) return parseInt(v, 10);
  if (FLOAT.test(v)) return parseFloat(v);
  if (SPECIAL.test(v) && !/^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9:.Z+-]+)?$/.test(v)) decline();
  return v;
}

/** A quoted scalar starting at `from`, on one line; returns it and the index after its closing quote. */
function quoted(s: string, from: number): [string, number] {
  const q = s[from];
  let out = '';
  let i = from + 1;
  for (;;) {
    if (i >= s.length) decline();
    const ch = s[i];
    if (ch === q) {
      if (q === "'" && s[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      return [out, i + 1];
    }
    if (q === '"' && ch === '\\') {
      const e = s[i + 1];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', ' ': ' ' };
      if (e === undefined || !Object.hasOwn(simple, e)) decline();
      out += simple[e];
      i += 2;
      continue;
    }
    out += ch;
    i++;
  }
}

/** `[a, "b c", 'd']` on one line, items scalars. */
function flowList(value: string): unknown[] {
  const items: unknown[] = [];
  let i = 1;
  const skipSpaces = (): void => {
    while (value[i] === ' ') i++;
  };
  skipSpaces();
  if (value[i] === ']') {
    i++;
  } else {
    for (;;) {
      skipSpaces();
      const c = value[i];
      if (c === '"' || c === "'") {
        const [s, end] = quoted(value, i);
        items.push(s);
        i = end;
        skipSpaces();
      } else {
        let j = i;
        while (j < value.length && value[j] !== ',' && value[j] !== ']') j++;
        const item = value.slice(i, j).trim();
        if (item === '' || /[[{}#]/.test(item) || item.includes(': ') || item.endsWith(':')) decline();
        items.push(plain(item));
        i = j;
      }
      if (value[i] === ',') {
        i++;
        skipSpaces();
        if (value[i] === ']') decline();
        continue;
      }
      if (value[i] === ']') {
        i++;
        break;
      }
      decline();
    }
  }
  if (i < value.length && !COMMENT_AFTER.test(value.slice(i))) decline();
  return items;
}

/** `|`, `|-`, `|+`, `>`, `>-`, `>+` and the indented lines under it. */
function parseBlockScalar(lines: Line[], at: number, indent: number, header: string): [string, number] {
  const h = /^([|>])([-+]?)(?: +#.*)?$/.exec(header);
  if (!h) decline();
  const folded = h[1] === '>';
  const chomp = h[2];
  const content: string[] = [];
  let contentIndent = -1;
  let i = at + 1;
  for (; i < lines.length; i++) {
    const l = lines[i];
    if (l.text === '') {
      // A blank line more indented than the content that follows is content the fast path does not read.
      if (contentIndent < 0 && l.rest !== '') decline();
      if (contentIndent >= 0 && l.indent > contentIndent) decline();
      content.push('');
      continue;
    }
    if (contentIndent < 0) {
      if (l.indent <= indent) break;
      contentIndent = l.indent;
    } else if (l.indent < contentIndent) {
      if (l.indent > indent) decline();
      break;
    }
    if (l.indent > contentIndent && folded) decline();
    if (l.rest !== l.text) decline();
    content.push(' '.repeat(l.indent - contentIndent) + l.rest);
  }
  if (contentIndent < 0) decline();
  // Trailing blank lines belong to chomping; the lines that end the scalar start at `i`.
  let last = content.length;
  while (last > 0 && content[last - 1] === '') last--;
  const trailing = content.length - last;
  const body = content.slice(0, last);
  let text = '';
  if (folded) {
    // Lines next to each other are joined by a space; each blank line between them is a newline.
    for (let k = 0; k < body.length; k++) {
      if (body[k] === '') text += '\n';
      else text += k > 0 && body[k - 1] !== '' ? ` ${body[k]}` : body[k];
    }
  } else text = body.join('\n');
  if (chomp === '-') return [text, i];
  if (chomp === '+') return [`${text}\n${'\n'.repeat(trailing)}`, i];
  return [`${text}\n`, i];
}
