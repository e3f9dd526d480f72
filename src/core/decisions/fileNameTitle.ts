/**
 * The title a record's file name gives, apart from the parser so that `lodestar adr list` and `generate`, which
 * label records by it, load no YAML or Markdown parsing.
 */

/** `2021-03-` or `2021-03-04-` opening a file's name: a year (19xx, 20xx) and a month, and a day when there is one. */
export const DATE_PREFIX = /^(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:(?:0[1-9]|[12]\d|3[01])-)?/;

/** `ADR-`, `adr_`: the kind of record written before its number or day in a file's name. */
export const ADR_PREFIX = /^adr[-_ ]?(?=\d)/i;

/** `0013-use-binary-logs.md` → `Use binary logs`: the file name without its number, day or extension, in words. */
export function titleFromFileName(name: string): string {
  const stem = name
    .replace(/\.(md|markdown)$/i, '')
    .replace(ADR_PREFIX, '')
    .replace(/^\d{4}-\d{2}-\d{2}[-_ ]*/, '')
    .replace(DATE_PREFIX, '')
    .replace(/^(?:adr[-_ ]?)?\d+[-_ ]*/i, '');
  const words = stem.replace(/[-_]+/g, ' ').trim();
  return words === '' ? name : words[0].toUpperCase() + words.slice(1);
}
