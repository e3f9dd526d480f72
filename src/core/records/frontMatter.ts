import { parseDocument } from 'yaml';
import { parseSimpleYaml } from './simpleYaml';
import { closingFenceLine, frontMatterBody, frontMatterBodyAndLine, frontMatterBodyLine, locateFrontMatter } from './frontMatterFences';

export { closingFenceLine, frontMatterBody, frontMatterBodyAndLine, frontMatterBodyLine };

/**
 * Splits a Markdown file into YAML front matter and body, and parses the YAML
 * with the core schema only: no custom tags, no code (`---js` is refused, not run),
 * aliases bounded so an alias bomb fails fast.
 */

export interface FrontMatterResult {
  /** Parsed mapping, or undefined when the file has none or it is malformed. */
  data?: Record<string, unknown>;
  /** Body text after the closing fence (whole text when there is no front matter). */
  body: string;
  /** 0-based line index where the body starts in the file. */
  bodyLine: number;
  error?: { code: string; message: string; line: number };
}

const MAX_ALIASES = 50;

export function readFrontMatter(text: string): FrontMatterResult {
  const found = locateFrontMatter(text);
  if (found.yamlText === undefined) return found.error ? { body: found.body, bodyLine: 0, error: found.error } : { body: found.body, bodyLine: 0 };
  const { yamlText, body, bodyLine } = found;
  if (yamlText.trim() === '') return { data: Object.create(null) as Record<string, unknown>, body, bodyLine };
  const simple = parseSimpleYaml(yamlText);
  if (simple) return { data: simple, body, bodyLine };
  return { ...parseYamlMapping(yamlText), body, bodyLine };
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * `title: ADR006: Avoid React.FC` is a mapping inside a mapping to YAML: what to write instead, as a hint after the
 * parser's message (` (a value holding ": " needs quotes: title: "ADR006: Avoid React.FC")`). Empty when the line is
 * no `key: value` with a plain value.
 */
function quoteHint(yamlText: string, at: number): string {
  const start = yamlText.lastIndexOf('\n', at - 1) + 1;
  const end = yamlText.indexOf('\n', at);
  const line = yamlText.slice(start, end < 0 ? yamlText.length : end).replace(/\r$/, '');
  const m = /^(\s*[\w.-]+):[ \t]+([^\s"'[{|>&*!#][^\n]*)$/.exec(line);
  // `status: accepted` over a line indented under it: the value is fine, the next line is not.
  if (!m || !m[2].includes(': ')) return '';
  const value = m[2].trimEnd();
  return ` (a value holding ": " needs quotes: ${m[1].trimStart()}: ${JSON.stringify(value)})`;
}

/** The full YAML parser, core schema, for front matter the fast path declines. */
export function parseYamlMapping(yamlText: string): Pick<FrontMatterResult, 'data' | 'error'> {
  try {
    const doc = parseDocument(yamlText, { schema: 'core', prettyErrors: false, uniqueKeys: false, customTags: [] });
    if (doc.errors.length > 0) {
      const quoted = quotePlaceholders(yamlText);
      if (quoted !== undefined) {
        const again = parseYamlMapping(quoted);
        if (!again.error) return again;
      }
      const err = doc.errors[0];
      // The line of the file: the YAML's own line (from the error's offset), after the opening `---`.
      // An error at the very end (an unclosed `[`) is on the last line, not on the closing `---`.
      const at = Math.max(0, Math.min(err.pos[0], yamlText.endsWith('\n') ? yamlText.length - 1 : yamlText.length));
      const yamlLine = countNewlines(yamlText, at);
      // Still show what can be read line by line (an unquoted `title: ADR001: Foo` is common), but flag it.
      return {
        data: salvageFlatMapping(yamlText),
        error: {
          code: 'malformed-front-matter',
          message: `Malformed YAML front matter: ${firstLine(err.message)}${err.code === 'BLOCK_AS_IMPLICIT_KEY' ? quoteHint(yamlText, at) : ''}`,
          line: yamlLine + 2,
        },
      };
    }
    const value: unknown = doc.toJS({ maxAliasCount: MAX_ALIASES });
    if (value === null || value === undefined) return { data: Object.create(null) as Record<string, unknown> };
    if (typeof value !== 'object' || Array.isArray(value)) {
      return { error: { code: 'malformed-front-matter', message: 'Front matter is not a mapping of keys to values.', line: 2 } };
    }
    return { data: inertCopy(value as Record<string, unknown>) };
  } catch (e) {
    return { error: { code: 'malformed-front-matter', message: `Malformed YAML front matter: ${firstLine(String((e as Error).message ?? e))}`, line: 2 } };
  }
}

/**
 * MADR 3's template leaves `status: {proposed | … | superseded by [ADR-0005](0005-example.md)}`
 * and `deciders: {list everyone involved in the decision}` in new records: not
 * YAML (a flow mapping cut by the `[`), but placeholders, read as their text.
 * A top-level `{…}` value with spaces and no `key: ` inside is quoted; undefined when there is none.
 */
function quotePlaceholders(yamlText: string): string | undefined {
  let changed = false;
  const out = yamlText.replace(/^([A-Za-z_][\w-]*:[ \t]+)(\{[^\n]*\})([ \t]*\r?)$/gm, (all: string, key: string, value: string, tail: string) => {
    if (!value.includes(' ') || /:\s/.test(value)) return all;
    changed = true;
    return `${key}${JSON.stringify(value)}${tail}`;
  });
  return changed ? out : undefined;
}

/**
 * What front matter the YAML library refuses still says, line by line: each
 * top-level `key: value` line read as YAML on its own (`tags: [a, b]` is a
 * list, quotes and comments go). A value that does not parse alone is kept as
 * its text only when it is plain (an unquoted `title: ADR001: Foo` is
 * common); one that opens a flow list or map, a quote, an anchor, an alias or
 * a tag (`tags: [a`, `title: "Use X`) is left out, so no tag or status is
 * made up from broken YAML.
 */
function salvageFlatMapping(yamlText: string): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const raw of yamlText.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const m = /^([A-Za-z_][\w-]*):[ \t]+(.+?)[ \t]*$/.exec(line);
    if (!m || m[1] in out) continue;
    const value = salvageValue(line, m[2]);
    if (value !== undefined) out[m[1]] = value;
  }
  return out;
}

/** One `key: value` line's value, as the YAML library reads the line alone; else its plain text; else undefined. */
function salvageValue(line: string, text: string): unknown {
  const fast = parseSimpleYaml(line);
  if (fast) return Object.values(fast)[0];
  try {
    const doc = parseDocument(line, { schema: 'core', prettyErrors: false, uniqueKeys: false, customTags: [] });
    if (doc.errors.length === 0) {
      const value: unknown = doc.toJS({ maxAliasCount: 0 });
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return Object.values(value)[0];
    }
  } catch {
    // not YAML alone either
  }
  if (/^[[\]{}"'&*!|>%@`#,]/.test(text)) return undefined;
  const hash = text.indexOf(' #');
  return hash < 0 ? text : text.slice(0, hash).trimEnd() || undefined;
}

/** Copies the top level into a prototype-less object so `__proto__`/`constructor` keys stay plain data. */
function inertCopy(value: Record<string, unknown>): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) out[key] = value[key];
  return out;
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}

/** Reads a front-matter value as a trimmed string (numbers and dates included). */
export function stringField(data: Record<string, unknown> | undefined, ...keys: string[]): string | undefined {
  if (!data) return undefined;
  for (const key of keys) {
    const v = data[key];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (v instanceof Date && !isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  }
  return undefined;
}

/** Reads a front-matter value as a list of strings; a comma-separated string counts too. */
export function listField(data: Record<string, unknown> | undefined, ...keys: string[]): string[] {
  if (!data) return [];
  for (const key of keys) {
    const v = data[key];
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x.trim() : typeof x === 'number' ? String(x) : '')).filter((x) => x !== '');
    if (typeof v === 'string' && v.trim() !== '')
      return v
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '');
  }
  return [];
}

/**
 * The one rule for front-matter fences, used by the reader and by every edit: the file's first line is `---`
 * (after a BOM), the first later line that is `---` or `...` closes it; trailing blanks and `\r` do not count.
 */
/** A Markdown file as the parsers see it: its path and folder, front matter (already read) and body. */
export interface FrontMatterSource {
  path: string;
  folder: string;
  data?: Record<string, unknown>;
  body: string;
  bodyLine: number;
}
