import { ADR_TOOLS_TEMPLATE } from '../decisions/adrTools';
import { TRANSLATED_ADR_TOOLS_TEMPLATES } from '../decisions/folderLanguage';
import { closingFenceLine } from '../records/frontMatter';

/**
 * Text a decision record still has from its template: the folder's own
 * template (`templates/template.md`, `template.md`, `adr-template.md`) or the
 * dialect's standard one — adr-tools' three prose lines, and the bracketed
 * placeholders of MADR 2 (`[option 1]`), MADR 3/4 (`{title of option 1}`) and
 * log4brains (MADR 2's, `[description | ticket/issue URL]`).
 */

export interface PlaceholderLine {
  /** 0-based line in the file. */
  line: number;
  text: string;
}

/** Folder files, relative to the decision folder, that are its template, in the order they are looked for. */
export const FOLDER_TEMPLATE_FILES = ['templates/template.md', 'template.md', 'adr-template.md', 'templates/adr-template.md'];

/** Words that only template placeholders put inside `[…]` or `{…}`. */
const PLACEHOLDER_WORDS =
  /^(?:option \d|title of option|title of other option|argument [a-z]\b|decision driver|driver \d|describe\b|justification\b|short title|list everyone|yyyy-mm-dd|e\.g\.,|example \||description \||you might want|force\b|ticket\/issue|related decision|list of)|\b(?:e\.g\., |\| …|\| \.\.\.)/i;

/** adr-tools' prose lines, and those of its template as Lodestar writes it in a German, French, Spanish or Portuguese folder. */
const ADR_TOOLS_PROSE = new Set([ADR_TOOLS_TEMPLATE, ...TRANSLATED_ADR_TOOLS_TEMPLATES].flatMap((t) => [...proseLines(t)]));

/**
 * The lines of a template that a writer is meant to replace: its prose and
 * bullets, not its headings, comments, `NUMBER`/`TITLE`/`DATE`/`STATUS`
 * lines or anything short enough to be a real value (`Accepted`).
 */
export function proseLines(template: string): Set<string> {
  const out = new Set<string>();
  const lines = stripComments(template).split('\n');
  // Front matter is the template's metadata, never prose: the lines up to its closing fence are skipped.
  for (const raw of lines.slice(closingFenceLine(lines) + 1)) {
    const line = normalise(raw);
    if (line.length < 12 || line.startsWith('#') || /\b(NUMBER|TITLE|DATE|STATUS)\b/.test(line)) continue;
    out.add(line);
  }
  return out;
}

/** The first words of a set of template lines, by set: a line whose first word is none of them is none of the lines. */
const firstWordsOf = new WeakMap<Set<string>, Set<string>>();

function firstWords(lines: Set<string>): Set<string> {
  let words = firstWordsOf.get(lines);
  if (!words) {
    words = new Set([...lines].map((l) => firstWord(l)));
    firstWordsOf.set(lines, words);
  }
  return words;
}

/** The line's first word: what {@link normalise} leaves of it before the first space. */
function firstWord(line: string): string {
  const t = line.trimStart();
  const end = t.search(/\s/);
  return end < 0 ? t : t.slice(0, end);
}

/** The record's lines that are template text, outside code blocks and HTML comments. */
export function placeholderLines(text: string, folderTemplate?: Set<string>): PlaceholderLine[] {
  const out: PlaceholderLine[] = [];
  const lines = stripComments(text).split('\n');
  const adrToolsWords = firstWords(ADR_TOOLS_PROSE);
  const folderWords = folderTemplate && firstWords(folderTemplate);
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
    if (f) {
      if (!fence) fence = f[1];
      else if (f[1][0] === fence[0] && f[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (fence) continue;
    // Most lines are none of the template's and hold no bracket: they are passed over without normalising them.
    if (!raw.includes('[') && !raw.includes('{')) {
      const word = firstWord(raw);
      if (!adrToolsWords.has(word) && !folderWords?.has(word)) continue;
    }
    const line = normalise(raw);
    if (line === '' || line.startsWith('#')) continue;
    if (ADR_TOOLS_PROSE.has(line) || folderTemplate?.has(line) || hasBracketPlaceholder(line)) out.push({ line: i, text: line });
  }
  return out;
}

/**
 * `[option 1]`, `{title of option 1}`, `[draft | proposed | accepted]` — but not a link, a footnote, a task box,
 * a placeholder quoted in an inline code span (`` Example: `[option 1]` `` in a decision about the template), or
 * an option's label ahead of its own words (`* [Option 1] Continue supporting …`).
 */
function hasBracketPlaceholder(line: string): boolean {
  if (!line.includes('[') && !line.includes('{')) return false;
  const uncoded = line
    .replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, 'CODE')
    // `* [Option 1] Continue supporting …`: a team's label for its option, ahead of the option's own words.
    .replace(/^((?:[-*+]|\d+[.)])?\s*(?:\*\*|__)?)\[option \d+[a-z]?\](?=\s+[^\s*_])/i, '$1LABEL');
  // `[… | superseded by [ADR-0005](0005-example.md)]`: a link inside a placeholder is part of it.
  const unlinked = uncoded.replace(/\[[^\][]*\]\([^)]*\)/g, 'LINK');
  for (const m of unlinked.matchAll(/\[([^\][]{3,})\](?![([:])|\{([^{}]{3,})\}/g)) {
    const inner = (m[1] ?? m[2]).trim();
    if (PLACEHOLDER_WORDS.test(inner) || /^[\w .-]+( \| [\w .…-]+){2,}$/.test(inner)) return true;
  }
  return false;
}

/** HTML comments blanked out, keeping every line break so line numbers stay. */
function stripComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ''));
}

function normalise(line: string): string {
  return line.replace(/\r$/, '').trim().replace(/\s+/g, ' ');
}
