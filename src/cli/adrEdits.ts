import * as path from 'path';
import { AdrToolsError, addStatusLink, adrToolsLabel, hasLinkTo, removeStatusLine } from '../core/decisions/adrTools';
import { relativeLink, supersedeText } from '../core/decisions/newDecision';
import { addLinkInDialect, verbInRecordLanguage } from '../core/decisions/recordLinks';
import { recordLanguage, statusForms } from '../core/decisions/recordLanguage';
import { parseRecordFile } from '../core/index/recordFile';
import { RecordFolder } from '../core/index/recordFolders';
import { LodestarRecord } from '../core/records/record';
import { toPortPath } from '../core/store/fileSystem';
import { RecordWriter } from '../core/store/recordWriter';
import { FileChange, applyChanges } from './fileChanges';

/**
 * How `lodestar adr new` and `adr link` change records: each record in its own
 * dialect (adr-tools' Status-section lines, MADR's front matter, status bullet
 * and `## Links`), every change worked out in memory before the first write.
 */

/** A record's text and what it reads as; `record.path` is the file's absolute path. */
export interface Side {
  path: string;
  text: string;
  record: LodestarRecord;
}

function isMadr(record: LodestarRecord): boolean {
  return record.dialect === 'madr2' || record.dialect === 'madr3' || record.dialect === 'madr4' || record.dialect === 'log4brains';
}

/** How adr-tools names a record in a link (its first line less two characters); a MADR record by its number and title. */
function linkLabel(side: Side): string {
  return isMadr(side.record) ? `${side.record.number ?? ''}. ${side.record.title}` : adrToolsLabel(side.text, side.path);
}

/**
 * `VERB [label](file)` added to a record in its own dialect: the Status section
 * of an adr-tools record, as adr-tools writes it; a `## Links` bullet in a MADR
 * record. A link that is there already is not added again.
 */
export function linkInDialect(record: LodestarRecord, text: string, englishVerb: string, to: Side): string {
  if (isMadr(record)) return addLinkInDialect(record, text, englishVerb, to.record);
  const file = relativeLink(record.path, to.record.path);
  if (hasLinkTo(text, englishVerb, file)) return text;
  // `Ersetzt durch` in a record whose status is in German (French, Spanish, Portuguese likewise).
  const verb = verbInRecordLanguage(text, englishVerb);
  if (hasLinkTo(text, verb, file)) return text;
  const linked = addStatusLink(text, verb, linkLabel(to), file);
  // No Status section to take it (adr-tools drops the link): a `## Links` section, as VS Code writes one.
  return linked !== text ? linked : addLinkInDialect(record, text, englishVerb, to.record);
}

/**
 * The superseded record in its own dialect: an adr-tools record gets
 * `Superceded by` and loses `Accepted`, as adr-tools writes it; MADR front
 * matter or a MADR 2 `Status` bullet says `superseded by [ADR-N](file)`.
 */
export function supersedeInDialect(record: LodestarRecord, text: string, by: Side): string {
  const file = relativeLink(record.path, by.record.path);
  if (isMadr(record)) {
    const after = supersedeText(record, text, { number: by.record.number, title: by.record.title, path: by.record.path });
    // Front matter that cannot take the status (a flow mapping `{…}`) is said, not skipped.
    if (after === text && !hasLinkTo(text, 'superseded by', file) && !hasLinkTo(text, verbInRecordLanguage(text, 'superseded by'), file))
      throw new AdrToolsError(
        `${path.basename(record.path)}: its status cannot be changed safely (front matter written as {…}?); edit it by hand. Nothing was written.`,
      );
    return after;
  }
  const linked = hasLinkTo(text, 'Superseded by', file) ? text : linkInDialect(record, text, 'Superceded by', by);
  const language = recordLanguage(text);
  return statusForms(language, 'accepted').reduce((t, word) => removeStatusLine(t, word), removeStatusLine(linked, 'Accepted'));
}

/**
 * The files one command changes, worked out in memory: each is read once,
 * parsed, and refused (with nothing written) when it cannot be read or has
 * nowhere to take the change; {@link apply} then writes them all or none.
 */
export class Edits {
  private readonly files = new Map<string, FileChange>();
  private readonly folder: RecordFolder;

  constructor(
    absFolder: string,
    private readonly read: (abs: string) => Promise<string>,
  ) {
    this.folder = { kind: 'decision', path: toPortPath(absFolder), source: '.adr-dir', log4brains: false };
  }

  create(abs: string, text: string): void {
    this.files.set(abs, { path: abs, after: text });
  }

  /** A file's text as changed so far, and what it reads as. */
  current(abs: string): Side {
    const c = this.files.get(abs) as FileChange;
    return { path: abs, text: c.after, record: this.parse(abs, c.after) };
  }

  /** Reads a file to change (once). */
  async load(abs: string): Promise<Side> {
    if (!this.files.has(abs)) {
      const text = await this.read(abs);
      this.files.set(abs, { path: abs, before: text, after: text });
    }
    return this.current(abs);
  }

  async change(abs: string, edit: (text: string, record: LodestarRecord) => string): Promise<void> {
    await this.load(abs);
    const c = this.files.get(abs) as FileChange;
    c.after = edit(c.after, this.parse(abs, c.after));
  }

  private parse(abs: string, text: string): LodestarRecord {
    const loaded = parseRecordFile(toPortPath(abs), this.folder, new TextEncoder().encode(text));
    const broken = loaded.problems.find((p) => p.severity === 'error');
    if (broken || !loaded.record)
      throw new AdrToolsError(`${path.basename(abs)} cannot be read (${broken?.message ?? 'no record'}); fix it first. Nothing was written.`);
    return loaded.record;
  }

  /**
   * Writes every change, all or none: the new record first, then the records it links.
   * `created` is asked about the new record as soon as it exists (see {@link applyChanges}).
   */
  async apply(writer: RecordWriter, show: (abs: string) => string, created?: (abs: string) => Promise<void>): Promise<void> {
    const changes = [...this.files.values()]
      .filter((c) => c.after !== c.before)
      // adr-tools rewrites records through awk, which ends every line, the last included.
      .map((c) => (c.before !== undefined && !c.after.endsWith('\n') ? { ...c, after: `${c.after}\n` } : c))
      .sort((a, b) => (a.before === undefined ? 0 : 1) - (b.before === undefined ? 0 : 1));
    await applyChanges(changes, writer, show, undefined, created);
  }
}
