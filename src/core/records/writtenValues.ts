import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { closingFenceLine } from './frontMatter';

/**
 * Where the values of a front-matter key are written, so a problem about one
 * value (a duplicated person, a stale glob) points at it rather than at the
 * key or the top of the file. Read only when such a problem is found: it
 * parses the front matter again, with positions.
 */

export interface WrittenValue {
  /** The value as read (trimmed), without quotes. */
  value: string;
  /** 1-based line in the file. */
  line: number;
  /** 1-based column of its first character (an opening quote included). */
  column: number;
}

/**
 * Each value of the first of `keys` the front matter has, in order: the
 * items of a block or flow list, or the comma-separated parts of a string
 * (as `listField` reads `with: a, b`). Quoted values, CRLF line ends and a
 * BOM are allowed for. [] when there is no such key or no readable front matter.
 */
export function writtenValues(text: string, keys: readonly string[]): WrittenValue[] {
  const lines = text.split('\n');
  const close = closingFenceLine(lines);
  if (close < 0) return [];
  // Line 0 is the opening fence: the YAML starts on the file's second line.
  const yaml = `${lines.slice(1, close).join('\n')}\n`;
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: counter, uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return [];
  const map = doc.contents;
  const at = (offset: number, value: string): WrittenValue => {
    const pos = counter.linePos(offset);
    return { value, line: pos.line + 1, column: pos.col };
  };
  for (const key of keys) {
    const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (!pair) continue;
    const node = pair.value;
    if (isSeq(node)) {
      const out: WrittenValue[] = [];
      for (const item of node.items) {
        if (!isScalar(item) || !item.range || item.value === null) continue;
        const value = String(item.value).trim();
        if (value !== '') out.push(at(item.range[0], value));
      }
      return out;
    }
    if (isScalar(node) && node.range && (typeof node.value === 'string' || typeof node.value === 'number')) {
      const source = yaml.slice(node.range[0], node.range[1]);
      const out: WrittenValue[] = [];
      let from = 0;
      for (const part of String(node.value).split(',')) {
        const value = part.trim();
        if (value === '') continue;
        // Found in the source as written, else (an escape changed it) the scalar's start.
        const found = source.indexOf(value, from);
        if (found >= 0) from = found + value.length;
        out.push(at(node.range[0] + (found >= 0 ? found : 0), value));
      }
      return out;
    }
    return [];
  }
  return [];
}
