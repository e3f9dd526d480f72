/**
 * A fast path for the front matter most records have: flat `key: value`,
 * `key: [a, b]` and `key:` followed by `- item` lines of plain words. It
 * returns undefined for anything else — quotes, nesting, anchors, tags,
 * numbers, booleans, nulls, multi-line scalars — and the caller then uses
 * the full YAML parser, so both always agree (a unit test holds them to it).
 * It exists because the YAML library costs ~40 µs a file, the largest part
 * of a cold index.
 */

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+(.*?))?[ \t]*$/;
const ITEM = /^[ \t]+-[ \t]+(.*?)[ \t]*$/;
// Values the core schema would not read as a plain string.
const SPECIAL = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

function plainScalar(v: string): boolean {
  return v !== '' && !/^[-?:,[\]{}#&*!|>'"%@`\s]/.test(v) && !/: |:$| #|[\t]/.test(v) && !SPECIAL.test(v);
}

function flowItem(v: string): boolean {
  return plainScalar(v) && !/[[\]{},]/.test(v);
}

export function parseSimpleYaml(text: string): Record<string, unknown> | undefined {
  const out = Object.create(null) as Record<string, unknown>;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (line.trim() === '' || line.startsWith('#')) continue;
    const m = KEY.exec(line);
    if (!m) return undefined;
    const key = m[1];
    const value = m[2] ?? '';
    if (value === '') {
      const items: string[] = [];
      while (i + 1 < lines.length) {
        const next = lines[i + 1].endsWith('\r') ? lines[i + 1].slice(0, -1) : lines[i + 1];
        const item = ITEM.exec(next);
        if (!item) break;
        if (!plainScalar(item[1])) return undefined;
        items.push(item[1]);
        i++;
      }
      if (items.length === 0) return undefined;
      out[key] = items;
    } else if (value.startsWith('[')) {
      if (!value.endsWith(']')) return undefined;
      const inner = value.slice(1, -1).trim();
      const items = inner === '' ? [] : inner.split(',').map((s) => s.trim());
      if (!items.every(flowItem)) return undefined;
      out[key] = items;
    } else {
      if (!plainScalar(value)) return undefined;
      out[key] = value;
    }
  }
  return out;
}
