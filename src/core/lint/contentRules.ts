import { numberFromFileName, splitNumberedTitle } from '../decisions/decisionParser';
import { numberSeries } from '../decisions/numberSeries';
import { frontMatterBodyLine } from '../records/frontMatter';
import { normaliseHeading, plainText } from '../records/markdownOutline';
import { LodestarRecord, Problem } from '../records/record';
import { basename } from '../store/fileSystem';
import { placeholderLines } from './templateText';

/**
 * Lint rules about what a decision record says, not how it is linked:
 * `template-placeholder`, `empty-section`, `missing-section`,
 * `title-number-mismatch` (one record) and `number-gap` (a folder).
 */

interface RequiredSection {
  /** As the dialect's template writes it. */
  name: string;
  /** Headings that count as this section (lower case). */
  aliases: string[];
}

const NYGARD_SECTIONS: RequiredSection[] = [
  { name: 'Status', aliases: ['status'] },
  { name: 'Context', aliases: ['context', 'context and problem statement', 'problem statement', 'background'] },
  { name: 'Decision', aliases: ['decision', 'decisions', 'decision outcome'] },
  { name: 'Consequences', aliases: ['consequences'] },
];

const MADR_SECTIONS: RequiredSection[] = [
  { name: 'Context and Problem Statement', aliases: ['context and problem statement', 'context', 'problem statement'] },
  { name: 'Decision Outcome', aliases: ['decision outcome', 'decision', 'decisions'] },
];

function requiredSections(record: LodestarRecord): RequiredSection[] {
  switch (record.dialect) {
    case 'nygard':
      // A status written as `Status: Accepted` under the title is a status all the same.
      return record.status !== null ? NYGARD_SECTIONS.filter((s) => s.name !== 'Status') : NYGARD_SECTIONS;
    case 'madr2':
    case 'madr3':
    case 'madr4':
    case 'log4brains':
      return MADR_SECTIONS;
    default:
      return [];
  }
}

interface Section {
  heading: string;
  level: number;
  /** 0-based line of the heading. */
  line: number;
  /** Lines with something in them, under the heading and its subsections. */
  contentLines: number;
}

/** The record's ATX sections (H2 and below), with how much each holds; code blocks count as content, comments do not. */
function sectionsOf(text: string): Section[] {
  const bodyLine = frontMatterBodyLine(text);
  const lines = text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, '')).split('\n');
  const sections: Section[] = [];
  const open: Section[] = [];
  let fence: string | undefined;
  for (let i = bodyLine; i < lines.length; i++) {
    const raw = lines[i].replace(/\r$/, '');
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
    if (f && !fence) fence = f[1];
    else if (f && fence && f[1][0] === fence[0] && f[1].length >= fence.length) fence = undefined;
    const h = fence || f ? null : /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(raw);
    if (h) {
      const level = h[1].length;
      while (open.length > 0 && open[open.length - 1].level >= level) open.pop();
      if (level === 1) continue;
      const s = {
        heading: normaliseHeading(h[2]),
        level,
        line: i,
        contentLines: 0,
      };
      sections.push(s);
      open.push(s);
    } else if (raw.trim() !== '') for (const s of open) s.contentLines++;
  }
  return sections;
}

/**
 * The problems of one decision record's content. `folderTemplate`: the prose lines of the folder's template, when it has one.
 * `uncommitted`: git's HEAD does not have the file yet (`adr new` has just written it), so template text in an accepted
 * record is still a warning; it is an error once the record is committed.
 */
export function contentProblems(record: LodestarRecord, text: string, folderTemplate?: Set<string>, options: { uncommitted?: boolean } = {}): Problem[] {
  const problems: Problem[] = [];
  const placeholders = placeholderLines(text, folderTemplate);
  if (placeholders.length > 0) {
    const first = placeholders[0];
    const more = placeholders.length > 1 ? ` (and ${placeholders.length - 1} more line${placeholders.length > 2 ? 's' : ''})` : '';
    const accepted = record.status === 'accepted';
    const why = !accepted ? '' : options.uncommitted ? ' — the record is accepted, so this is an error once it is committed' : ' — and the record is accepted';
    problems.push({
      path: record.path,
      line: first.line + 1,
      severity: accepted && !options.uncommitted ? 'error' : 'warning',
      code: 'template-placeholder',
      message: `Template text is still here${more}: "${first.text.length > 80 ? `${first.text.slice(0, 77)}…` : first.text}"${why}. Replace it with this decision's own words.`,
    });
  }

  const sections = sectionsOf(text);
  for (const req of requiredSections(record)) {
    const found = sections.find((s) => s.level === 2 && req.aliases.includes(s.heading)) ?? sections.find((s) => req.aliases.includes(s.heading));
    if (!found) {
      problems.push({
        path: record.path,
        line: record.titleLine,
        severity: 'warning',
        code: 'missing-section',
        message: `There is no "${req.name}" section, which a ${dialectName(record)} record has.`,
      });
    } else if (found.contentLines === 0) {
      problems.push({ path: record.path, line: found.line + 1, severity: 'warning', code: 'empty-section', message: `The "${req.name}" section is empty.` });
    }
  }

  const fileNumber = numberFromFileName(basename(record.path));
  const titleText = text.split('\n')[record.titleLine - 1]?.replace(/\r$/, '');
  const h1 = titleText !== undefined ? /^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(titleText) : null;
  if (fileNumber !== null && h1 && record.number !== null) {
    const { number } = splitNumberedTitle(plainText(h1[1]), fileNumber);
    if (number !== null && number !== fileNumber) {
      problems.push({
        path: record.path,
        line: record.titleLine,
        severity: 'warning',
        code: 'title-number-mismatch',
        message: `The file name says ${fileNumber} but the title says ${number}.`,
      });
    }
  }
  return problems;
}

function dialectName(record: LodestarRecord): string {
  return record.dialect === 'nygard' ? 'Nygard (adr-tools)' : record.dialect === 'log4brains' ? 'log4brains' : `MADR ${record.dialect.slice(4)}`;
}

/**
 * `number-gap`: numbers a decision folder skips (each subfolder on its own when
 * it has numbers of its own, see `numberSeries`), reported on the record after
 * the gap. A number used on another branch (`usedElsewhere`, by folder) is no gap; a folder missing from
 * `usedElsewhere` (its other branches could not be read) is judged on this branch alone, and says so.
 */
export function numberGapProblems(records: LodestarRecord[], usedElsewhere: ReadonlyMap<string, ReadonlySet<number>> = new Map()): Problem[] {
  const problems: Problem[] = [];
  for (const series of numberSeries(records)) {
    const elsewhere = usedElsewhere.get(series[0].folder);
    const list = [...series].sort((a, b) => (a.number ?? 0) - (b.number ?? 0) || (a.path < b.path ? -1 : 1));
    for (let i = 1; i < list.length; i++) {
      const before = list[i - 1].number ?? 0;
      const n = list[i].number ?? 0;
      const missing: number[] = [];
      for (let k = before + 1; k < n && missing.length <= 1000; k++) if (!elsewhere?.has(k)) missing.push(k);
      if (missing.length === 0) continue;
      const contiguous = missing[missing.length - 1] - missing[0] === missing.length - 1;
      const which =
        missing.length === 1
          ? `Number ${missing[0]} is`
          : contiguous
            ? `Numbers ${missing[0]}–${missing[missing.length - 1]} are`
            : `Numbers ${missing.join(', ')} are`;
      problems.push({
        path: list[i].path,
        line: 1,
        severity: 'info',
        code: 'number-gap',
        message: `${which} not used here${elsewhere ? ' or on another branch' : ''}: this record follows ${basename(list[i - 1].path)}.`,
      });
    }
  }
  return problems;
}
