/**
 * Writes `JSON.stringify(Object.fromEntries(lists), null, 2)` and a newline,
 * byte for byte, for a document whose every value is a list: each list is
 * written a batch of items at a time, and each batch is one native
 * `JSON.stringify` of the items at the depth they have in the document (a
 * list in a list), so no item is re-indented by hand and the whole text is
 * never one string. `item` turns an element into what is printed for it,
 * batch by batch, so the printed objects need not exist all at once either.
 */
export function writeJsonLists(out: NodeJS.WritableStream, lists: readonly JsonList[]): void {
  if (lists.length === 0) {
    out.write('{}\n');
    return;
  }
  let chunk = '{';
  lists.forEach(({ key, length, print }, i) => {
    chunk += `\n  ${JSON.stringify(key)}: `;
    if (length === 0) chunk += '[]';
    else {
      chunk += '[\n';
      for (let start = 0; start < length; start += BATCH) {
        const batch = print(start, Math.min(length, start + BATCH));
        // `[[a, b]]` at indent 2 puts a and b four spaces in, as they are under `"key": [` in the document.
        const text = JSON.stringify([batch], null, 2);
        chunk += `${start > 0 ? ',\n' : ''}${text.slice(OPEN.length, text.length - CLOSE.length)}`;
        out.write(chunk);
        chunk = '';
      }
      chunk += '\n  ]';
    }
    if (i < lists.length - 1) chunk += ',';
  });
  out.write(`${chunk}\n}\n`);
}

/** One top-level list of the document: its key, and what is printed for its items `start` to `end` (exclusive). */
export interface JsonList {
  key: string;
  length: number;
  print(start: number, end: number): unknown[];
}

/** The list `key`, each element printed as `item` makes it. */
export function jsonList<T>(key: string, items: readonly T[], item: (x: T) => unknown): JsonList {
  return { key, length: items.length, print: (start, end) => items.slice(start, end).map(item) };
}

const BATCH = 256;
const OPEN = '[\n  [\n';
const CLOSE = '\n  ]\n]';
