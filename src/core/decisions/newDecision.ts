import { today } from '../records/calendar';
import { setFrontMatterValue, yamlScalar } from '../records/frontMatterEdit';
import { LodestarRecord } from '../records/record';
import { basename, joinPath } from '../store/fileSystem';
import { datedStatus, isStatusChoices, normaliseStatus } from './status';
import { decisionSection, statusBulletLine } from './decisionSections';
import { RecordLanguage, recordLanguage, statusForms, translatedStatus, translatedVerb } from './recordLanguage';
import { adrToolsTemplateIn, fieldNamesIn, madrNamesIn } from './folderLanguage';
import { normaliseHeading } from '../records/markdownOutline';
import { ADR_TOOLS_TEMPLATE, addStatusLink, adrToolsFileName, adrToolsSlug, fillAdrTemplate, hasLinkTo, removeStatusLine } from './adrTools';

/** The dialects Lodestar writes new records in. */
export type WriteDialect = 'nygard' | 'madr' | 'madr2';

export interface NewDecisionRequest {
  folder: string;
  number: number;
  title: string;
  date: string;
  /** Lower-case: proposed, accepted, draft… */
  status: string;
  deciders: string[];
  supersedes: LodestarRecord[];
  dialect: WriteDialect;
  /** A custom template with NUMBER, TITLE, DATE, STATUS (adr-tools style). */
  template?: string;
  /** The folder's language ({@link folderLanguage}): adr-tools' template, its status and links are written in it. */
  language?: RecordLanguage;
}

export interface PlannedWrite {
  path: string;
  content: string;
}

export interface NewDecisionPlan {
  create: PlannedWrite;
  /** 1-based line to put the cursor on: the first line to fill in. */
  cursorLine: number;
}

/**
 * The sections a new MADR record starts with, in the folder's language (see {@link madrNamesIn}); the empty line
 * after the first is where the cursor goes.
 */
function madrSections(sections: readonly string[]): string[] {
  return [`## ${sections[0]}`, '', '', '', `## ${sections[1]}`, '', `## ${sections[2]}`, ''];
}

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** Why a title cannot be used, or undefined. The slug rules keep any title inside its folder. */
export function validateDecisionTitle(title: string): string | undefined {
  if (title.trim() === '') return 'A decision record needs a title.';
  if (/[\r\n]/.test(title)) return 'The title must be one line.';
  if (title.length > 1000) return `The title is ${title.length} characters; keep it under 1,000 (the file name is cut to 60).`;
  return undefined;
}

/**
 * The title on one line, for a title given on the command line: each run of
 * line breaks, tabs and other control characters (with the spaces around it)
 * becomes one space, and is dropped at either end. Runs of plain spaces stay
 * as typed, as adr-tools keeps them.
 */
export function oneLineTitle(title: string): string {
  return title.replace(/[\s\p{Cc}]*[\p{Cc}\u2028\u2029\u0085][\s\p{Cc}]*/gu, (run: string, at: number) =>
    at === 0 || at + run.length === title.length ? '' : ' ',
  );
}

/**
 * adr-tools' slug, cut to 60 characters, with a fallback for titles that
 * have no ASCII letters or digits (emoji, other scripts) and for names
 * Windows reserves, so every title gives a file name inside the folder.
 */
export function decisionFileName(number: number, title: string): string {
  let slug = adrToolsSlug(title).slice(0, 60).replace(/-+$/, '');
  if (slug === '' || RESERVED.test(slug)) slug = slug === '' ? 'decision' : `${slug}-decision`;
  return adrToolsFileName(number, slug);
}

/** The dialect most records in the folder use; Nygard (adr-tools) for an empty folder. */
export function folderDialect(records: LodestarRecord[]): WriteDialect {
  const counts = { nygard: 0, madr: 0, madr2: 0 };
  for (const r of records) {
    if (r.dialect === 'madr3' || r.dialect === 'madr4') counts.madr++;
    else if (r.dialect === 'madr2' || r.dialect === 'log4brains') counts.madr2++;
    else if (r.dialect === 'nygard') counts.nygard++;
  }
  if (counts.madr > counts.nygard && counts.madr >= counts.madr2) return 'madr';
  if (counts.madr2 > counts.nygard) return 'madr2';
  return 'nygard';
}

function capitalise(s: string): string {
  return s === '' ? s : s[0].toUpperCase() + s.slice(1);
}

function refTo(r: LodestarRecord): string {
  return r.number !== null ? `${r.number}. ${r.title}` : r.title;
}

export function planNewDecision(req: NewDecisionRequest): NewDecisionPlan {
  const file = decisionFileName(req.number, req.title);
  const path = joinPath(req.folder, file);
  const status = capitalise(req.status);
  let content: string;
  if ((req.dialect === 'madr' || req.dialect === 'madr2') && !req.template) {
    // In a German, French, Spanish or Portuguese folder: MADR's headings, MADR 2's fields, the status and the
    // supersede links in its language (front matter keys stay MADR's own).
    const language = req.language;
    const names = madrNamesIn(language?.language);
    const written = (language && translatedStatus(language, req.status)) || undefined;
    const supersedesVerb = translatedVerb(language, 'supersedes') ?? 'Supersedes';
    const supersedes = req.supersedes.map((r) => `${supersedesVerb} [ADR-${String(r.number ?? 0).padStart(4, '0')}](${basename(r.path)})`);
    content =
      req.dialect === 'madr'
        ? [
            '---',
            `status: ${written?.toLowerCase() ?? req.status}`,
            `date: ${req.date}`,
            ...(req.deciders.length > 0 ? [`decision-makers: [${req.deciders.map(yamlScalar).join(', ')}]`] : []),
            '---',
            '',
            `# ${req.title}`,
            '',
            ...madrSections(names.sections),
            ...(supersedes.length > 0 ? [`### ${names.sections[3]}`, '', ...supersedes, ''] : []),
          ].join('\n')
        : [
            `# ${req.title}`,
            '',
            `* ${names.status}: ${written ?? req.status}`,
            ...(req.deciders.length > 0 ? [`* ${names.deciders}: ${req.deciders.join(', ')}`] : []),
            `* ${names.date}: ${req.date}`,
            '',
            ...madrSections(names.sections),
            ...(supersedes.length > 0 ? ['## Links', '', ...supersedes.map((s) => `* ${s}`), ''] : []),
          ].join('\n');
  } else {
    // A folder whose records are in German, French, Spanish or Portuguese gets adr-tools' template in its language.
    const language = req.template ? undefined : req.language;
    const template = req.template ?? (language ? adrToolsTemplateIn(language.language) : ADR_TOOLS_TEMPLATE);
    const written = (language && translatedStatus(language, req.status)) || status;
    content = fillAdrTemplate(template, { number: req.number, title: req.title, date: req.date, status: written });
    const fields = fieldNamesIn(language?.language);
    if (req.deciders.length > 0 && !req.template)
      content = content.replace(new RegExp(`^(${fields.date}: .*\n)`, 'm'), (line) => `${line}\n${fields.deciders}: ${req.deciders.join(', ')}\n`);
    const verb = translatedVerb(language, 'supersedes') ?? 'Supersedes';
    for (const old of req.supersedes) content = addStatusLink(content, verb, refTo(old), relativeLink(path, old.path));
  }
  const lines = content.split('\n');
  const contextLine = lines.findIndex(
    (l) => /^## Context/.test(l) || (l.startsWith('## ') && /^context(?: and problem statement)?$/.test(normaliseHeading(l.slice(3)))),
  );
  return { create: { path, content }, cursorLine: contextLine >= 0 ? contextLine + 3 : lines.length };
}

/**
 * The superseded record's new text, in its own dialect: a Nygard Status
 * section loses `Accepted` and gains `Superseded by [N. Title](file)`; MADR
 * front matter or a MADR 2 status bullet says `superseded by [ADR-N](file)`.
 * Everything else stays byte for byte.
 */
export function supersedeText(old: LodestarRecord, text: string, successor: { number: number | null; title: string; path: string }): string {
  const link = relativeLink(old.path, successor.path);
  // A record whose status is in German, French, Spanish or Portuguese says it in its language: `Ersetzt durch […](…)`.
  const language = recordLanguage(text);
  const verb = translatedVerb(language, 'superseded-by') ?? 'Superseded by';
  const madrVerb = language ? verb : 'superseded by';
  // A successor without a number (log4brains, date-named files) is named by its title; the link is by path either way.
  const madrLabel = successor.number !== null ? `ADR-${String(successor.number).padStart(4, '0')}` : successor.title;
  const madrRef = `${madrVerb[0].toLowerCase()}${madrVerb.slice(1)} [${madrLabel}](${link})`;
  if (old.dialect === 'madr3' || old.dialect === 'madr4') return setFrontMatterValue(text, 'status', madrRef);
  if (old.dialect === 'madr2' || old.dialect === 'log4brains') {
    const replaced = withStatusBullet(text, madrRef);
    if (replaced !== undefined) return replaced;
  }
  let withoutStatus = removeStatusLine(removeStatusLine(text, 'Accepted'), 'Proposed');
  for (const word of [...statusForms(language, 'accepted'), ...statusForms(language, 'proposed')]) withoutStatus = removeStatusLine(withoutStatus, word);
  // Already superseded by that file (whatever the link's text): the link is not added twice.
  if (hasLinkTo(text, 'Superseded by', link) || hasLinkTo(text, 'Superceded by', link) || hasLinkTo(text, verb, link)) return withoutStatus;
  return addStatusLink(withoutStatus, verb, successor.number !== null ? `${successor.number}. ${successor.title}` : successor.title, link);
}

/** A MADR 2 / log4brains `* Status:` bullet (`* Statut:` in French, …): the key and what follows, up to the line's end. */
const STATUS_BULLET = /^([ \t]*[-*+][ \t]+(?:\*\*|__)?(?:Status|Statut|Estado|Situação)(?:\*\*|__)?:[ \t]*)/i;

/**
 * The text with `value` after the `* Status:` bullet the reader reads (under the title or in `## Metadata`; not one
 * in a code block or another section); undefined when there is none.
 */
function withStatusBullet(text: string, value: string): string | undefined {
  const at = statusBulletLine(text, STATUS_BULLET);
  if (at < 0) return undefined;
  const lines = text.split('\n');
  const cr = lines[at].endsWith('\r') ? '\r' : '';
  const head = (STATUS_BULLET.exec(lines[at]) as RegExpExecArray)[1];
  lines[at] = `${head}${/[ \t]$/.test(head) ? '' : ' '}${value}${cr}`;
  return lines.join('\n');
}

/** `[text](target)`: a Markdown link on a line. */
const MARKDOWN_LINK = /\[[^\]]*\]\([^)]*\)/;
/** `[adr5]: 0005-x.md`: where a reference link points, no status. */
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*\S/;
/** `- [x] Accepted`, `* [ ] Proposed`: a checklist item, ticked or not, and its text. */
const CHECKLIST_ITEM = /^(\s*[-*+]\s+\[)([ xX])(\]\s+)(.*)$/;

/**
 * A Status section that is a checklist of statuses: the box of `status` ticked (a box added below the last when the
 * list has none for it), every other box cleared.
 */
function tickStatus(lines: string[], boxes: { text: string; line: number }[], status: string, word: string): string {
  const wanted = normaliseStatus(status);
  let found = false;
  for (const box of boxes) {
    const m = CHECKLIST_ITEM.exec(box.text) as RegExpExecArray;
    const mine: boolean = !found && (normaliseStatus(m[4]) === wanted || m[4].trim().toLowerCase() === word.toLowerCase());
    found ||= mine;
    const cr = lines[box.line].endsWith('\r') ? '\r' : '';
    lines[box.line] = `${m[1]}${mine ? 'x' : ' '}${m[3]}${m[4]}${cr}`;
  }
  if (!found) {
    const after = boxes[boxes.length - 1];
    const m = CHECKLIST_ITEM.exec(after.text) as RegExpExecArray;
    const cr = lines[after.line].endsWith('\r') ? '\r' : '';
    lines.splice(after.line + 1, 0, `${m[1]}x${m[3]}${word}${cr}`);
  }
  return lines.join('\n');
}

/** `0003-x.md` when both are in one folder, else a relative path. */
export function relativeLink(fromPath: string, toPath: string): string {
  const from = fromPath.split('/').slice(0, -1);
  const to = toPath.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

/**
 * The record's text with its status changed, in its own dialect: MADR front
 * matter `status:`, a MADR 2 / log4brains `Status:` bullet, or the first
 * line of a Nygard Status section that is not a link (`day`'s dated line
 * after the last, when the section is a history of dated statuses). Every other byte stays.
 * Undefined when the record has nowhere to put a status.
 */
export function setDecisionStatus(record: LodestarRecord, text: string, status: string, day: string = today()): string | undefined {
  // A standard status in the record's own language, when its status is written in German, French, Spanish or Portuguese.
  const translated = translatedStatus(recordLanguage(text), status);
  const written = translated?.toLowerCase() ?? status;
  if (record.dialect === 'madr3' || record.dialect === 'madr4') return setFrontMatterValue(text, 'status', written);
  if (record.dialect === 'madr2' || record.dialect === 'log4brains') {
    const replaced = withStatusBullet(text, translated ?? status);
    if (replaced !== undefined) return replaced;
  }
  // The Status section the reader reads: never a heading in a code block, nor an H3 inside another section.
  const place = decisionSection(text, 'status');
  if (!place) return undefined;
  const lines = text.split('\n');
  const word = translated ?? capitalise(status);
  const start = place.last;
  if (place.value) {
    // `## Status: Proposed` → `## Status: Accepted`: the heading keeps its form.
    const { line, start: from } = place.value;
    let to = place.value.end;
    // `## Status: Accepted <!-- since 2024-01 -->`: a comment after the value stays.
    const comment = lines[line].slice(from, to).indexOf('<!--');
    if (comment >= 0) to = from + lines[line].slice(from, from + comment).trimEnd().length;
    const old = lines[line].slice(from, to);
    lines[line] = lines[line].slice(0, from) + word + lines[line].slice(to);
    // `## Status: Superseded by [2. B](…)`: the link it held goes on a line of its own below.
    if (MARKDOWN_LINK.test(old)) {
      const cr = lines[start].endsWith('\r') ? '\r' : '';
      const next = lines[start + 1];
      lines.splice(start + 1, 0, cr, `${old}${cr}`, ...(next !== undefined && next.trim() !== '' ? [cr] : []));
    }
    return lines.join('\n');
  }
  // A status history (`2020-04-22 proposed`, one dated line per change), with no status line of its own above it but
  // the choices: the change is a new dated line after the last.
  let last = -1;
  let own = false;
  for (const l of place.lines) {
    const bare = l.text.trim();
    if (datedStatus(bare) !== null) last = l.line;
    else if (last < 0 && bare !== '' && !bare.startsWith('<!--') && !isStatusChoices(bare) && !MARKDOWN_LINK.test(bare)) own = true;
  }
  if (last >= 0 && !own) {
    const cr = lines[last].endsWith('\r') ? '\r' : '';
    const spaced = last > start + 1 && lines[last - 1].trim() === '' && last + 1 < lines.length && lines[last + 1].trim() === '';
    lines.splice(last + 1, 0, ...(spaced ? [cr] : []), `${day} ${written}${cr}`);
    return lines.join('\n');
  }
  // The line the reader takes the status from: the first that is no link, comment or link definition.
  let inComment = false;
  for (let i = 0; i < place.lines.length; i++) {
    const l = place.lines[i];
    const text = l.text.replace(/<!--.*?-->/g, '');
    if (inComment) {
      if (text.includes('-->')) inComment = false;
      continue;
    }
    if (text.includes('<!--')) {
      inComment = true;
      continue;
    }
    if (text.trim() === '' || MARKDOWN_LINK.test(text) || LINK_DEFINITION.test(text)) continue;
    // `- [ ] Proposed` / `- [x] Accepted`: in a checklist of statuses (the line read opens it), the status's box is
    // ticked and the others cleared; a checklist further down (a sign-off list) is no status's.
    if (CHECKLIST_ITEM.test(l.text)) {
      const boxes = [l];
      for (let j = i + 1; j < place.lines.length && place.lines[j].line === boxes[boxes.length - 1].line + 1 && CHECKLIST_ITEM.test(place.lines[j].text); j++)
        boxes.push(place.lines[j]);
      return tickStatus(lines, boxes, status, word);
    }
    // `- **Accepted**` → `- **Deprecated**`: a quote, a bullet, emphasis around the status and a comment after it stay.
    const raw = lines[l.line];
    const cr = raw.endsWith('\r') ? '\r' : '';
    const lead = (/^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+][ \t]+)?/.exec(l.text) as RegExpExecArray)[0];
    const rest = l.text.replace(/\r$/, '').slice(lead.length);
    const at = rest.indexOf('<!--');
    const tail = at >= 0 && rest.slice(at).trimEnd().endsWith('-->') ? rest.slice(rest.slice(0, at).trimEnd().length) : '';
    const value = rest.slice(0, rest.length - tail.length).trimEnd();
    const wrap = /^(\*\*|__|\*|_)(?=\S).*\S\1$/.exec(value)?.[1] ?? '';
    lines[l.line] = `${lead}${wrap}${word}${wrap}${tail}${cr}`;
    return lines.join('\n');
  }
  // Only links (or nothing) under Status: the status goes first.
  const cr = lines[start].endsWith('\r') ? '\r' : '';
  lines.splice(start + 1, 0, cr, `${word}${cr}`);
  return lines.join('\n');
}
