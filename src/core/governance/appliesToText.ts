import { closingFenceLine } from '../records/frontMatter';
import { yamlFlowItem } from '../records/frontMatterEdit';

/** "src/payments/**, !src/payments/legacy/**" as typed → the globs. Commas inside braces (`{a,b}`) stay in their glob. */
export function parseAppliesToInput(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (i === text.length || (c === ',' && depth === 0)) {
      const glob = text.slice(start, i).trim();
      if (glob !== '') out.push(glob);
      start = i + 1;
    }
  }
  return out;
}

/** The `applies-to: …` line for these globs: one glob alone, several as a flow list, each quoted as YAML needs (`*`, `!`). */
export function appliesToLine(globs: readonly string[]): string {
  const items = globs.map(yamlFlowItem);
  return `applies-to: ${items.length === 1 ? items[0] : `[${items.join(', ')}]`}`;
}

/**
 * A new record's text with `applies-to` in its front matter: added before
 * the closing fence of the front matter it has, or in new front matter on
 * top (a Nygard or MADR 2 record). Nothing changes for no globs.
 */
export function withAppliesTo(text: string, globs: readonly string[]): string {
  if (globs.length === 0) return text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const line = appliesToLine(globs);
  const lines = text.split('\n');
  const close = closingFenceLine(lines);
  if (close > 0) {
    lines.splice(close, 0, `${line}${eol === '\r\n' ? '\r' : ''}`);
    return lines.join('\n');
  }
  return `---${eol}${line}${eol}---${eol}${text}`;
}
