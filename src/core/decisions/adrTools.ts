/**
 * adr-tools 3.0.0 behaviour, as plain functions: where the ADR folder is,
 * how a title becomes a file name, how the template is filled, how links are
 * added to a Status section and a status removed, and the TOC and graph it
 * generates. The `lodestar adr` commands are built on these; where adr-tools
 * would mangle input or leave a half-written record, these do not (see README).
 */
import { normaliseDate } from '../records/dates';
import { closingFenceLine, isOpeningFence } from '../records/frontMatterFences';
import { EntryType, RecordFileSystem, joinPath } from '../store/fileSystem';
import { titleFromFileName } from './fileNameTitle';
import { decisionSection } from './decisionSections';

export const ADR_TOOLS_TEMPLATE = `# NUMBER. TITLE

Date: DATE

## Status

STATUS

## Context

The issue motivating this decision, and any context that influences or constrains the decision.

## Decision

The change that we're proposing or have agreed to implement.

## Consequences

What becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated.
`;

export const ADR_TOOLS_FIRST_RECORD = `# 1. Record architecture decisions

Date: DATE

## Status

Accepted

## Context

We need to record the architectural decisions made on this project.

## Decision

We will use Architecture Decision Records, as [described by Michael Nygard](http://thinkrelevance.com/blog/2011/11/15/documenting-architecture-decisions).

## Consequences

See Michael Nygard's article, linked above. For a lightweight ADR toolset, see Nat Pryce's [adr-tools](https://github.com/npryce/adr-tools).
`;

/** A problem adr-tools users need to fix (an empty .adr-dir…): printed, exit 1. */
export class AdrToolsError extends Error {}

/**
 * The ADR folder as adr-tools finds it, relative to `cwd` (`doc/adr`, `../doc/adr`):
 * at each level upward, `.adr-dir` names it, else an existing `doc/adr` is it.
 */
export async function findAdrToolsFolder(fs: RecordFileSystem, cwd: string): Promise<string> {
  let rel = '.';
  for (let dir = cwd; ;) {
    const marker = joinPath(dir, '.adr-dir');
    const st = await fs.stat(marker);
    if (st && st.type & EntryType.File) {
      // The whole first line, so a folder name with spaces works (adr-tools takes the first word and breaks).
      const first = new TextDecoder()
        .decode(await fs.readFile(marker))
        .split(/\r?\n/)[0]
        .trim()
        .replace(/\/+$/, '');
      if (first === '') throw new AdrToolsError(`${relJoin(rel, '.adr-dir')} is empty: it should name the decision folder`);
      return relJoin(rel, first);
    }
    const doc = await fs.stat(joinPath(dir, 'doc/adr'));
    if (doc && doc.type & EntryType.Directory) return relJoin(rel, 'doc/adr');
    const parent = joinPath(dir, '..');
    if (parent === dir) return 'doc/adr';
    dir = parent;
    rel = rel === '.' ? '..' : `${rel}/..`;
  }
}

function relJoin(rel: string, path: string): string {
  return rel === '.' ? path : `${rel}/${path}`;
}

/** `Use PostgreSQL 16!` → `use-postgresql-16`: every run of characters other than ASCII letters and digits becomes one `-`. */
export function adrToolsSlug(title: string): string {
  return title
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase()
    .replace(/^-+|-+$/g, '');
}

/** `0001-use-postgresql.md` */
export function adrToolsFileName(number: number, title: string): string {
  return `${String(number).padStart(4, '0')}-${adrToolsSlug(title)}.md`;
}

/**
 * Fills NUMBER, TITLE, DATE and STATUS, the first of each on every line, as
 * adr-tools' sed does, but in one pass so a title containing "DATE" or "&"
 * is written as typed.
 */
export function fillAdrTemplate(template: string, values: { number: number; title: string; date: string; status: string }): string {
  return fillPlaceholders(template, { NUMBER: String(values.number), TITLE: values.title, DATE: values.date, STATUS: values.status });
}

/** Replaces the first of each placeholder on every line (adr-tools' sed), in one pass: a value is never filled again. */
export function fillPlaceholders(template: string, values: Record<string, string>): string {
  const pattern = new RegExp(Object.keys(values).join('|'), 'g');
  return template
    .split('\n')
    .map((line) => {
      const done = new Set<string>();
      return line.replace(pattern, (key) => {
        if (done.has(key)) return key;
        done.add(key);
        return values[key];
      });
    })
    .join('\n');
}

/**
 * adr-tools' link title: the first line without its first two characters (`1. Record architecture decisions`).
 * A record that opens with front matter (`applies-to`, MADR's keys), which adr-tools would label `-`, is labelled
 * from the first line after it instead, its `# ` title. A byte order mark before the first line is skipped.
 */
export function adrToolsTitleLine(text: string): string {
  // A byte order mark is no part of the first line's text.
  const lines = (text.startsWith('\uFEFF') ? text.slice(1) : text).split('\n', 200);
  let first = 0;
  const closing = closingFenceLine(lines);
  if (closing > 0) {
    first = closing + 1;
    while (first < lines.length && lines[first].trim() === '') first++;
    if (first >= lines.length) first = 0;
  }
  return lines[first].replace(/\r$/, '').slice(2);
}

/**
 * A record's label in `generate toc`, `generate graph` and link lines: {@link adrToolsTitleLine}, unless that is
 * empty (an empty file), raw bytes (a binary file, text that is not UTF-8) or the fence of front matter that never
 * closes (adr-tools writes `[]`, the bytes, `[-]`); then the title its file name gives (`0013-binary.md` → `Binary`),
 * as the index names such a record.
 */
export function adrToolsLabel(text: string, file: string): string {
  const label = adrToolsTitleLine(text);
  const unclosedFence = label === '-' && isOpeningFence(text.split('\n', 1)[0]);
  // Control characters other than a tab, and U+FFFD (a byte that is not UTF-8), are no title anyone wrote.
  const bytes = /[\u0000-\u0008\u000A-\u001F\u007F\uFFFD]/.test(label);
  return label.trim() === '' || unclosedFence || bytes ? titleFromFileName(file.replace(/^.*\//, '')) : label;
}

/** A string inside double quotes in Graphviz DOT: `"` and `\` escaped, so a title cannot end the string early. */
function dotString(s: string): string {
  return s.replace(/[\\"]/g, '\\$&');
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * Whether the text already says `VERB [any text](file)` (any case, `./file`
 * too, an optional `* ` or `- ` bullet before): a link to the same file is
 * the same link whatever its label.
 */
export function hasLinkTo(text: string, verb: string, file: string): boolean {
  const target = `(?:\\./)?${escapeRegExp(file.replace(/^\.\//, ''))}`;
  return new RegExp(`(?:^|[\\s*_-])${escapeRegExp(verb).replace(/ /g, '\\s+')}:?\\s*(?:\\*\\*|__)?\\[[^\\]]*\\]\\(<?${target}(?:#[^)>]*)?>?\\)`, 'im').test(
    text,
  );
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Adds `LINK [TITLE](FILE)` and a blank line at the end of the Status section, just before the next heading, as
 * adr-tools' `_adr_add_link` does. The Status section is the one the reader reads ({@link decisionSection}): headed
 * `## Status`, emphasised, numbered, translated (`## Statut`, `## 状态`), with its status on the heading
 * (`## Status: Accepted`), `# Status` after the title, underlined, or `### Status` in a record whose sections are
 * H3s; never a heading in a code block. A record without one gets nothing, as adr-tools; a Status section that ends
 * the file gets the link at its end (adr-tools drops it).
 */
export function addStatusLink(text: string, linkType: string, targetTitle: string, targetFile: string): string {
  const place = decisionSection(text, 'status');
  if (!place) return text;
  const cr = eolOf(text) === '\r\n' ? '\r' : '';
  const { lines, final } = splitLines(text);
  const link = `${linkType} [${targetTitle}](${targetFile})${cr}`;
  if (place.close < lines.length) {
    lines.splice(place.close, 0, link, cr);
    return lines.join('\n') + final;
  }
  if (lines.length > 0 && lines[lines.length - 1].replace(/\r$/, '').trim() !== '') lines.push(cr);
  lines.push(link);
  return `${lines.join('\n')}\n`;
}

/** Lines without the empty string a final newline leaves, and that ending. */
function splitLines(text: string): { lines: string[]; final: string } {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') {
    lines.pop();
    return { lines, final: '\n' };
  }
  return { lines, final: '' };
}

/**
 * Drops lines equal to `status` from the Status section (up to its first sub-heading) and squeezes the blank lines
 * that leaves, as `_adr_remove_status`; lines of a code block in it stay as they are. A status on the heading
 * (`## Status: Accepted`) is dropped from it with its colon or dash (`## Status`).
 */
export function removeStatusLine(text: string, status: string): string {
  const place = decisionSection(text, 'status');
  if (!place) return text;
  const { lines, final } = splitLines(text);
  const out = lines.slice(0, place.last + 1);
  const value = place.value;
  if (value) {
    const raw = out[value.line];
    if (raw.slice(value.start, value.end) === status) {
      let cut = value.from;
      while (cut > 0 && (raw[cut - 1] === ' ' || raw[cut - 1] === '\t')) cut--;
      if (cut > 0 && ':-\u2013\u2014'.includes(raw[cut - 1])) {
        cut--;
        while (cut > 0 && (raw[cut - 1] === ' ' || raw[cut - 1] === '\t')) cut--;
      }
      out[value.line] = raw.slice(0, cut) + raw.slice(value.to);
    }
  }
  const own = new Set(place.lines.map((l) => l.line));
  const stop = Math.min(place.close, lines.length);
  let afterBlank = false;
  for (let i = place.last + 1; i < stop; i++) {
    const line = lines[i];
    const bare = line.replace(/\r$/, '');
    if (!own.has(i)) {
      out.push(line);
      afterBlank = false;
    } else if (/^\s*$/.test(bare)) {
      if (!afterBlank) out.push(line);
      afterBlank = true;
    } else if (bare !== status) {
      afterBlank = false;
      out.push(line);
    }
  }
  for (let i = stop; i < lines.length; i++) out.push(lines[i]);
  return out.join('\n') + final;
}

export interface AdrListEntry {
  /** Path as adr-tools prints it (relative to where it runs). */
  path: string;
  /** File name. */
  file: string;
  number: number;
}

/**
 * A reference on the command line (`-s 12`, `link 3 … 5 …`, `-s use-mysql`):
 * all digits means that number; anything else is the first record whose path
 * contains it. (adr-tools greps for the text, so `-s 3` can pick
 * `0001-use-python-3.md`; an exact number avoids that.)
 */
export function resolveAdrReference(list: AdrListEntry[], ref: string): AdrListEntry | undefined {
  return adrReferenceMatches(list, ref)[0];
}

/** Every record a reference matches, in list order: the first is the one {@link resolveAdrReference} takes. */
export function adrReferenceMatches(list: AdrListEntry[], ref: string): AdrListEntry[] {
  if (/^\d+$/.test(ref)) return list.filter((e) => e.number === parseInt(ref, 10));
  // Like adr-tools' grep: a pattern (`use.postgres`), or the plain text when it is not a valid one.
  let re: RegExp | undefined;
  try {
    re = new RegExp(ref);
  } catch {
    re = undefined;
  }
  return list.filter((e) => (re ? re.test(e.path) : e.path.includes(ref)));
}

/** `adr generate toc`. */
export function adrToolsToc(entries: { file: string; title: string }[], options: { intro?: string; outro?: string; prefix?: string } = {}): string {
  let out = '# Architecture Decision Records\n\n';
  if (options.intro !== undefined) out += `${options.intro}\n`;
  for (const e of entries) out += `* [${e.title}](${options.prefix ?? ''}${e.file})\n`;
  if (options.outro !== undefined) out += `\n${options.outro}`;
  return out;
}

/** Lines of a Status section that are neither headings nor blank, as `_adr_status`. */
export function statusLines(text: string): string[] {
  const out: string[] = [];
  let inStatus = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('## Status')) {
      inStatus = true;
      continue;
    }
    if (inStatus && line.startsWith('#')) inStatus = false;
    if (inStatus && !/^(#|\s*$)/.test(line)) out.push(line);
  }
  return out;
}

/** `adr generate graph`: Graphviz, records in order with dotted edges, forward links labelled. */
export function adrToolsGraph(
  entries: { file: string; title: string; number: number; text: string }[],
  options: { prefix?: string; extension?: string } = {},
): string {
  const prefix = options.prefix ?? '';
  const extension = options.extension ?? '.html';
  let out = 'digraph {\n  node [shape=plaintext];\n  subgraph {\n';
  for (const e of entries) {
    out += `    _${e.number} [label="${dotString(e.title)}"; URL="${dotString(`${prefix}${e.file.replace(/\.md$/, '')}${extension}`)}"];\n`;
    if (e.number > 1) out += `    _${e.number - 1} -> _${e.number} [style="dotted", weight=1];\n`;
  }
  out += '  }\n';
  for (const e of entries) {
    for (const line of statusLines(e.text)) {
      const m = /^(.+) \[.*\]\(0*([1-9][0-9]*).*\)/.exec(line);
      if (m && !/ by$/.test(m[1])) out += `  _${e.number} -> _${m[2]} [label="${dotString(m[1])}", weight=0]\n`;
    }
  }
  return `${out}}\n`;
}

/**
 * `adr upgrade-repository`: adr-tools 3.0.0 runs
 * `sed -E 's+Date: ([0-9]{2})/([0-9]{2})/([0-9]{4})+Date: \3-\2-\1+'` over every
 * record, turning the old `Date: DD/MM/YYYY` into ISO 8601. Here only the
 * record's header (the lines before its first `##` section) is upgraded, so a
 * `Date:` in the body stays as written, and the date is read as the index
 * reads it ({@link normaliseDate}): day first, as older adr-tools wrote it,
 * unless the middle number cannot be a month (`12/31/2019` is 31 December).
 * A date that is no calendar day stays as written and is listed in `notDates`.
 * The first match on a line is changed, nothing else (CRLF included).
 */
export function upgradeDateFormat(text: string): { text: string; notDates: string[] } {
  const notDates: string[] = [];
  if (!text.includes('Date: ')) return { text, notDates };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && !lines[i].startsWith('##'); i++) {
    lines[i] = lines[i].replace(/Date: ([0-9]{1,2})\/([0-9]{1,2})\/([0-9]{4})(?![0-9])/, (m, d: string, mo: string, y: string) => {
      const iso = normaliseDate(`${d}/${mo}/${y}`);
      if (iso === null) notDates.push(m.slice('Date: '.length));
      return iso === null ? m : `Date: ${iso}`;
    });
  }
  return { text: lines.join('\n'), notDates };
}
