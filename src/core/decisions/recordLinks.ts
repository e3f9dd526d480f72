import { LodestarRecord } from '../records/record';
import { addStatusLink, hasLinkTo } from './adrTools';
import { decisionSection, outlineDecisionText } from './decisionSections';
import { relativeLink, supersedeText } from './newDecision';
import { recordLanguage, translatedVerb } from './recordLanguage';
import { linkKindFromVerb } from './status';

function refLabel(r: { number: number | null; title: string }, madr: boolean): string {
  if (madr) return r.number !== null ? `ADR-${String(r.number).padStart(4, '0')}` : r.title;
  return r.number !== null ? `${r.number}. ${r.title}` : r.title;
}

/**
 * Adds `VERB [target](file)` to a record in its own dialect: the Status
 * section of a Nygard record (as adr-tools does), a `* VERB [ADR-000N](file)`
 * bullet under `## Links` for MADR (the section is added at the end when
 * there is none). Nothing else changes. Adding a link that is there already
 * changes nothing.
 */
export function addLinkInDialect(record: LodestarRecord, text: string, englishVerb: string, target: LodestarRecord): string {
  const madr = record.dialect !== 'nygard' && record.dialect !== 'plain';
  const file = relativeLink(record.path, target.path);
  const label = refLabel(target, madr);
  if (hasLinkTo(text, englishVerb, file) || (/^supersedes$/i.test(englishVerb) && hasLinkTo(text, 'Supercedes', file))) return text;
  // In a record whose status is in German, French, Spanish or Portuguese, a supersede or amend link is in its language.
  const verb = verbInRecordLanguage(text, englishVerb);
  if (verb !== englishVerb && hasLinkTo(text, verb, file)) return text;
  if (!madr) {
    const withLink = addStatusLink(text, verb, label, file);
    if (withLink !== text) return withLink;
  }
  // The `## Links` section the reader reads (`### Links` in a record whose sections are H3s), never one in a code block.
  const outline = outlineDecisionText(text);
  const place = decisionSection(text, 'links', outline);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const cr = eol === '\r\n' ? '\r' : '';
  const line = `* ${verb} [${label}](${file})`;
  if (place) {
    const lines = text.split('\n');
    let insertAt = place.end;
    while (insertAt > place.last + 1 && lines[insertAt - 1].trim() === '') insertAt--;
    lines.splice(insertAt, 0, ...(insertAt === place.last + 1 ? [cr, `${line}${cr}`] : [`${line}${cr}`]));
    return lines.join('\n');
  }
  const trimmed = text.replace(/(\r?\n)*$/, '');
  return `${trimmed}${eol}${eol}${'#'.repeat(outline.sectionLevel)} Links${eol}${eol}${line}${eol}`;
}

/** `Superseded by` as the record's status language says it (`Ersetzt durch`); the verb as given for English or another verb. */
export function verbInRecordLanguage(text: string, verb: string): string {
  return translatedVerb(recordLanguage(text), linkKindFromVerb(verb)) ?? verb;
}

/** Both texts after `newer` supersedes `older`, each in its own dialect. */
export function supersedeExisting(older: LodestarRecord, olderText: string, newer: LodestarRecord, newerText: string): { older: string; newer: string } {
  return {
    older: supersedeText(older, olderText, { number: newer.number, title: newer.title, path: newer.path }),
    newer: addLinkInDialect(newer, newerText, 'Supersedes', older),
  };
}
