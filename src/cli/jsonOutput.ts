/**
 * A list whose elements are made as they are written: `map` runs on one item
 * at a time, so the mapped list is never held whole. Anywhere else (as in
 * `JSON.stringify`) it reads as the mapped array.
 */
export class MappedList<T, U> {
  constructor(
    readonly items: readonly T[],
    readonly map: (item: T) => U,
  ) {}

  toJSON(): U[] {
    return this.items.map((item) => this.map(item));
  }
}

/**
 * Writes `JSON.stringify(value, null, 2)` and a newline, byte for byte, but a
 * piece at a time: each top-level list is written a batch of elements per
 * write, and each batch is one native `JSON.stringify` of the elements at the
 * depth they have in the document, so nothing is re-indented by hand and a
 * 30,000-item output is never one giant string in memory ({@link MappedList}:
 * nor a list of 30,000 output objects).
 */
export function writeJson(out: NodeJS.WritableStream, value: Record<string, unknown>): void {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (entries.length === 0) {
    out.write('{}\n');
    return;
  }
  let chunk = '{';
  entries.forEach(([key, v], i) => {
    chunk += `\n  ${JSON.stringify(key)}: `;
    const items: readonly unknown[] | undefined = Array.isArray(v) ? v : v instanceof MappedList ? (v.items as unknown[]) : undefined;
    if (!items || items.length === 0) chunk += indent(JSON.stringify(v, null, 2), '  ');
    else {
      const map = v instanceof MappedList ? (v.map as (item: unknown) => unknown) : undefined;
      chunk += '[\n';
      for (let start = 0; start < items.length; start += BATCH) {
        const end = Math.min(items.length, start + BATCH);
        const batch = map ? items.slice(start, end).map((item) => map(item)) : items.slice(start, end);
        // `[[a, b]]` at indent 2 puts a and b four spaces in, as they are under `"key": [` in the document.
        const text = JSON.stringify([batch], null, 2);
        chunk += `${start > 0 ? ',\n' : ''}${text.slice(OPEN.length, text.length - CLOSE.length)}`;
        out.write(chunk);
        chunk = '';
      }
      chunk += '\n  ]';
    }
    if (i < entries.length - 1) chunk += ',';
  });
  out.write(`${chunk}\n}\n`);
}

const BATCH = 256;
const OPEN = '[\n  [\n';
const CLOSE = '\n  ]\n]';

// JSON text holds no raw newline inside a string, so every newline starts a line to indent.
function indent(json: string, by: string): string {
  return json.includes('\n') ? json.replace(/\n/g, `\n${by}`) : json;
}
