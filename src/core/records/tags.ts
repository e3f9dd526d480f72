import { listField } from './frontMatter';

/**
 * A record's tags: front matter `tags` (a list or `a, b`), else a log4brains
 * `- Tags: a b, c` line. Lower-case, each once, in the order written; the
 * template's placeholder (`[space and/or comma separated list of tags]`) is no tag.
 */
export function readTags(data: Record<string, unknown> | undefined, tagsLine?: string): string[] {
  const fromFrontMatter = listField(data, 'tags');
  const raw = fromFrontMatter.length > 0 ? fromFrontMatter : tagsLine ? splitTagsLine(tagsLine) : [];
  const out: string[] = [];
  for (const t of raw) {
    const tag = t
      .trim()
      .replace(/^[`'"]+|[`'"]+$/g, '')
      // A bracket left from a list written half in YAML's flow style (`tags: a, [b`) is no part of a tag.
      .replace(/^\[+|\]+$/g, '')
      .replace(/^#/, '')
      .toLowerCase();
    if (tag !== '' && !out.includes(tag)) out.push(tag);
  }
  return out;
}

function splitTagsLine(line: string): string[] {
  const text = line.replace(/<!--.*?-->/g, '').trim();
  if (/separated list of tags/i.test(text)) return [];
  // `[a, b]`, and its brackets alone when one is missing (`[a, b`): never a tag `[a`.
  return text
    .replace(/^\[/, '')
    .replace(/\]$/, '')
    .split(/[,\s]+/);
}
