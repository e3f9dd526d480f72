import { closingFenceLine, listField, readFrontMatter } from './frontMatter';

/**
 * Edits of a record's front matter that keep every other byte (BOM, line
 * endings, comments, key order, quoting, scalar types), and the YAML values
 * they write. Used by every record kind: decisions, design docs, people,
 * activities.
 */

export type FrontMatterListOutcome = 'added' | 'already-linked' | 'unsupported';

export interface FrontMatterListEdit {
  /** The new text; the text given when nothing changed. */
  text: string;
  outcome: FrontMatterListOutcome;
  /** Why the record could not be edited, for `unsupported`. */
  reason?: string;
}

/**
 * The YAML quoting rules of everything Lodestar writes (one module, one
 * double-quoted form): {@link yamlScalar} for values that may sit in a flow
 * list, {@link yamlString} for block values, {@link yamlFlowItem} for list
 * items that may be URLs.
 *
 * A value YAML readers (1.1 ones included) take as the string it is, or else
 * double-quoted. Plain only without commas, so it is also safe inside a flow
 * list (`[a, b]`); {@link yamlString} is the block-value form.
 */
export function yamlScalar(value: string): string {
  const plain = /^[A-Za-z][\w .()/-]*$/.test(value) && !/^(null|true|false|yes|no|on|off|y|n)$/i.test(value) && !/\s$/.test(value);
  return plain ? value : quoted(value);
}

/**
 * Replaces one top-level front-matter value, keeping every other byte: the
 * key's last occurrence (the one parsers keep), its anchor and trailing
 * comment stay; a block value's continuation lines are replaced with it. Flow
 * front matter (`{…}`) is left alone. A missing key is added before the
 * closing fence.
 */
export function setFrontMatterValue(text: string, key: string, value: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const cr = eol === '\r\n' ? '\r' : '';
  const lines = text.split('\n');
  const close = closingFenceLine(lines);
  if (close < 0) return text;
  const firstContent = lines.slice(1, close).find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (firstContent !== undefined && /^\s*[{[]/.test(firstContent)) return text;
  const keyLine = new RegExp(`^(["']?)${key}\\1[ \\t]*:(?:[ \\t]+|$)`);
  let at = -1;
  for (let i = 1; i < close; i++) if (keyLine.test(lines[i].replace(/\r$/, ''))) at = i;
  const scalar = yamlScalar(value);
  if (at < 0) {
    lines.splice(close, 0, `${key}: ${scalar}${cr}`);
    return lines.join('\n');
  }
  const bare = lines[at].replace(/\r$/, '');
  const m = /^((["']?)[^:]*?\2[ \t]*:[ \t]*)((?:&\S+[ \t]+)?)(.*?)([ \t]+#.*)?$/.exec(bare);
  const head = m ? m[1] : `${key}: `;
  const anchor = m?.[3] ?? '';
  const comment = m?.[5] ?? '';
  // A block value (`status: >-` or a value on the next, indented lines) goes with its key.
  let end = at + 1;
  while (end < close && /^[ \t]+\S/.test(lines[end])) end++;
  lines.splice(at, end - at, `${head}${head.endsWith(' ') || head.endsWith('\t') ? '' : ' '}${anchor}${scalar}${comment}${cr}`);
  return lines.join('\n');
}

/**
 * A YAML scalar that reads back as exactly this string: plain when it is
 * letters, digits and harmless punctuation and cannot be read as a number,
 * boolean or null (YAML 1.1 readers included), else double-quoted with
 * every control character escaped.
 */
export function yamlString(value: string): string {
  const plain = /^[A-Za-z][\w .,()/'-]*$/.test(value) && !/\s$/.test(value) && !/^(null|true|false|yes|no|on|off|y|n|nan|inf)$/i.test(value);
  return plain ? value : quoted(value);
}

/** An item of a flow list (`[a, b]`): plain words and URLs stay plain, anything else is quoted. */
export function yamlFlowItem(value: string): string {
  if (/^https?:\/\/[\w.~:/?#@!$&'*+;=%-]+$/.test(value) && !value.endsWith(':')) return value;
  return /^[A-Za-z][\w.-]*$/.test(value) && !/^(null|true|false|yes|no|on|off|y|n|nan|inf)$/i.test(value) ? value : quoted(value);
}

function quoted(value: string): string {
  // JSON's escapes are YAML's; YAML also wants DEL and the C1 controls escaped.
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Adds `item` to the front-matter list under the first of `keys` (the others
 * are spellings readers also accept), with the same guarantees as
 * {@link addPullRequestLink}: every other byte kept, nothing added twice, and
 * no edit handed back that reads differently from what was meant.
 */
export function addFrontMatterListItem(
  text: string,
  keys: readonly string[],
  item: string,
  same: (a: string, b: string) => boolean = (a, b) => a === b,
  noun = 'item',
  listName = keys[0],
): FrontMatterListEdit {
  const fm = readFrontMatter(text);
  if (fm.error) return { text, outcome: 'unsupported', reason: `The front matter cannot be read (${fm.error.message}); fix it first.` };
  const before = listField(fm.data, ...keys);
  if (before.some((p) => same(p, item))) return { text, outcome: 'already-linked' };

  const edited = fm.data ? editFrontMatter(text, fm.data, item, keys) : addFrontMatter(text, item, keys[0]);
  if (typeof edited !== 'string') return { text, outcome: 'unsupported', reason: edited.reason.replace('the link', `the ${noun}`) };
  // Never hand back an edit that reads differently from what was meant.
  const after = readFrontMatter(edited);
  const list = listField(after.data, ...keys);
  if (after.error || list.length !== before.length + 1 || !same(list[list.length - 1], item) || !before.every((p, i) => p === list[i])) {
    return { text, outcome: 'unsupported', reason: `The ${listName} list is written in a form this edit cannot extend safely; add the ${noun} by hand.` };
  }
  return { text: edited, outcome: 'added' };
}

interface Refusal {
  reason: string;
}

function addFrontMatter(text: string, item: string, key: string): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return `${bom}---${eol}${key}:${eol}  - ${yamlFlowItem(item)}${eol}---${eol}${text.slice(bom.length)}`;
}

function editFrontMatter(text: string, data: Record<string, unknown>, item: string, keys: readonly string[]): string | Refusal {
  const cr = text.includes('\r\n') ? '\r' : '';
  const lines = text.split('\n');
  const bare = (i: number): string => lines[i].replace(/\r$/, '');
  const close = closingFenceLine(lines);
  if (close < 0) return { reason: 'The front matter has no closing "---".' };
  const firstContent = lines.slice(1, close).find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (firstContent !== undefined && /^\s*[{[]/.test(firstContent)) return { reason: 'The front matter is a flow mapping ({…}); add the link by hand.' };

  // The key readers take the list from (as `listField` does: the first list or non-empty string), else the first present.
  const key = keys.find((k) => Array.isArray(data[k]) || (typeof data[k] === 'string' && data[k].trim() !== '')) ?? keys.find((k) => k in data);
  if (key === undefined) {
    lines.splice(close, 0, `${keys[0]}:${cr}`, `  - ${yamlFlowItem(item)}${cr}`);
    return lines.join('\n');
  }
  const keyLine = new RegExp(`^(["']?)${key}\\1[ \\t]*:(?=[ \\t]|$)`);
  let at = -1;
  for (let i = 1; i < close; i++) if (keyLine.test(bare(i))) at = i;
  if (at < 0) return { reason: `"${key}" is not a plain top-level key; add the link by hand.` };

  const head = keyLine.exec(bare(at))![0];
  const { value, comment } = splitComment(bare(at).slice(head.length));
  const anchor = /^[ \t]*&\S+/.exec(value)?.[0] ?? '';
  const rest = value.slice(anchor.length).trim();

  if (rest === '') {
    // A block list (or nothing yet): a new item after the last one, indented like them.
    let last = at;
    let indent: string | undefined;
    for (let i = at + 1; i < close; i++) {
      const l = bare(i);
      if (l.trim() === '' || /^[ \t]*#/.test(l)) continue;
      const m = /^([ \t]*)-(?:[ \t]|$)/.exec(l);
      if (m && indent === undefined) indent = m[1];
      if ((m && m[1] === indent) || (indent !== undefined && /^[ \t]/.test(l))) {
        last = i;
        continue;
      }
      if (/^[ \t]/.test(l)) return { reason: `"${key}" holds something other than a list; add the link by hand.` };
      break;
    }
    lines.splice(last + 1, 0, `${indent ?? '  '}- ${yamlFlowItem(item)}${cr}`);
    return lines.join('\n');
  }
  if (rest.startsWith('[')) {
    if (!rest.endsWith(']')) return { reason: `"${key}" is a flow list over several lines; add the link by hand.` };
    const open = value.indexOf('[');
    const shut = value.lastIndexOf(']');
    const inner = value.slice(open + 1, shut);
    const newInner = inner.trim() === '' ? yamlFlowItem(item) : `${inner.trimEnd()}, ${yamlFlowItem(item)}${inner.slice(inner.trimEnd().length)}`;
    lines[at] = `${head}${value.slice(0, open + 1)}${newInner}${value.slice(shut)}${comment}${cr}`;
    return lines.join('\n');
  }
  if (/^[|>]/.test(rest)) return { reason: `"${key}" is a block scalar; add the link by hand.` };
  // `~`/`null`, or a comma-separated string: it becomes a flow list with the same items.
  const current = data[key];
  if (current !== null && current !== undefined && typeof current !== 'string')
    return { reason: `"${key}" holds a ${typeof current}, not a list; add the link by hand.` };
  const existing = listField(data, key);
  const space = /^[ \t]/.test(value) ? value.slice(0, value.length - value.trimStart().length) : ' ';
  lines[at] = `${head}${space}${anchor.trim()}${anchor ? ' ' : ''}[${[...existing, item].map(yamlFlowItem).join(', ')}]${comment}${cr}`;
  return lines.join('\n');
}

/** A line's value and its trailing ` # comment` (a `#` outside quotes after a space). */
function splitComment(value: string): { value: string; comment: string } {
  let quote: string | undefined;
  // Quotes open a scalar only where one starts: at the value's start, or after `[` or `,`.
  let tokenStart = true;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if ((c === '"' || c === "'") && tokenStart) {
      quote = c;
      tokenStart = false;
      continue;
    }
    if (c === '#' && (i === 0 || /[ \t]/.test(value[i - 1]))) {
      let start = i;
      while (start > 0 && /[ \t]/.test(value[start - 1])) start--;
      return { value: value.slice(0, start), comment: value.slice(start) };
    }
    if (!/[ \t]/.test(c)) tokenStart = c === '[' || c === ',';
  }
  return { value, comment: '' };
}
