/** Status words and link verbs as decision records write them. */

export const DECISION_STATUSES = ['proposed', 'draft', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;

import { isCalendarDay } from '../records/dates';
import { plainText } from '../records/markdownOutline';

/**
 * The standard statuses as records written in German, French, Portuguese and Spanish give them (both genders,
 * as `la décision` and `la decisión` are feminine), and as records written in Chinese, Japanese and Korean give them, lower
 * case and composed (NFC).
 */
const TRANSLATED_STATUSES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    accepted: [
      'akzeptiert',
      'angenommen',
      'accepté',
      'acceptée',
      'aceito',
      'aceita',
      'aceptado',
      'aceptada',
      '通过',
      '承認',
      '承認済み',
      '採用',
      '採用済み',
      '승인',
      '승인됨',
      '채택',
      '채택됨',
      '수락됨',
    ],
    proposed: ['vorgeschlagen', 'proposé', 'proposée', 'proposto', 'proposta', 'propuesto', 'propuesta', '提议', '提案', '提案中', '제안', '제안됨'],
    rejected: ['abgelehnt', 'rejeté', 'rejetée', 'rejeitado', 'rejeitada', 'rechazado', 'rechazada', '却下', '否認', '거부됨', '기각', '기각됨'],
    superseded: [
      'ersetzt',
      'abgelöst',
      'remplacé',
      'remplacée',
      'substituído',
      'substituída',
      'reemplazado',
      'reemplazada',
      '已取代',
      '置き換え済み',
      '置換済み',
      '대체됨',
    ],
    deprecated: ['veraltet', 'obsolète', 'obsoleto', 'obsoleta', '已弃用', '非推奨', '廃止', '폐기', '폐기됨'],
    draft: ['entwurf', 'brouillon', 'rascunho', 'borrador', '下書き', '초안'],
  }).flatMap(([status, words]) => words.map((w): [string, string] => [w, status])),
);

/**
 * The link verbs as records written in German, French, Portuguese and Spanish write them in their Status section
 * (`Ersetzt durch [2. …](0002-….md)`, `Remplace [1. …](…)`), lower case and composed (NFC), and the link each is.
 */
const TRANSLATED_LINK_VERBS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    supersedes: ['ersetzt', 'remplace', 'reemplaza', 'substitui'],
    'superseded-by': [
      'ersetzt durch',
      'abgelöst durch',
      'remplacé par',
      'remplacée par',
      'reemplazado por',
      'reemplazada por',
      'substituído por',
      'substituída por',
    ],
    amends: ['ändert', 'modifie', 'modifica', 'altera'],
    'amended-by': ['geändert durch', 'modifié par', 'modifiée par', 'modificado por', 'modificada por', 'alterado por', 'alterada por'],
  }).flatMap(([kind, verbs]) => verbs.map((v): [string, string] => [v, kind])),
);

/**
 * A link verb as the link line regexes read it: English words, or one of the translated verbs with letters outside
 * ASCII (those with none are English-looking words already).
 */
const VERB = `(?:[A-Za-z][A-Za-z -]*?|${[...TRANSLATED_LINK_VERBS.keys()]
  .filter((v) => /[^\x00-\x7f]/.test(v))
  .map((v) => v.replace(/ /g, ' +'))
  .join('|')})`;

/** The status key before a link (`Status: Superseded by [`), in English and as translated records name it. */
const STATUS_KEY = '(?:status|statut|estado|situação)';

/**
 * The status as the record writes it, lower-cased and cut at the first
 * punctuation — `**Accepted** (2021)` → `accepted`, `Superceded by [3…]` →
 * `superseded`; a translated one is the standard word (`Akzeptiert`, `Aceptada` →
 * `accepted`). Words outside the usual vocabulary are kept as written.
 */
export function normaliseStatus(raw: string | undefined): string | null {
  if (!raw) return null;
  // The common case, one plain word such as `Accepted`, without the regular expressions below.
  if (/^[A-Za-z]+$/.test(raw)) {
    const word = raw.toLowerCase();
    if (word === 'superseded' || word === 'superceded') return 'superseded';
    return TRANSLATED_STATUSES.get(word) ?? word.slice(0, 40);
  }
  // `Proposed → Accepted (2026-06-05)`: the change the record went through, the status it is in last.
  if (raw.includes('→') || raw.includes('->')) {
    const last = raw.split(/\s*(?:→|->)\s*/).pop() as string;
    const status = last === raw ? null : normaliseStatus(last);
    if (status !== null && (DECISION_STATUSES as readonly string[]).includes(status)) return status;
  }
  // `Proposed | **Accepted** | Rejected`: a template's choices left on the line, the one chosen in bold.
  if (raw.includes('|')) raw = boldChoice(raw) ?? raw;
  // `[approved]`: the one choice kept of the template's `[proposed | rejected | approved | …]`, in its brackets.
  else if (raw.trimStart().charCodeAt(0) === 91 /* [ */) raw = raw.replace(BRACKETED_WORD, '$1');
  let s = plainText(raw.replace(/~~.*?~~/g, ''))
    .replace(/^status\s*:\s*/i, '')
    // `- Accepted`, `* [x] Accepted`
    .replace(/^[-*+]\s+(?:\[[ xX]\]\s*)?/, '')
    .trim();
  if (s === '') return null;
  // `Partially superseded by ADR-0051`, `Superseded in part`, `Superseded by ADR-0051 in part`: the record still holds in
  // part, and says so in its own words (see PARTIALLY_SUPERSEDED).
  if (PARTIAL_STATUS.test(s)) return PARTIALLY_SUPERSEDED;
  // `replaced by ADR-0004`: superseded, in other words.
  if (/^super[sc]eded\b|^replaced\s+by\b/i.test(s)) return 'superseded';
  s = s.normalize('NFC');
  // `Accepted - Superseded by 5. Foo`, `Accepted, superseded by ADR-0005`: the record was accepted, and is superseded now.
  if (supersededByMatch(s) && !inPart(bracketedLink(s))) return 'superseded';
  s = s
    .toLowerCase()
    // (and the full-width marks of records written in Japanese and Chinese: `承認済み（2026-09-04）`)
    .split(/[.,;:()[\]{}!?|（）：、。，；【】「」]/)[0];
  // `Implemented — 2026-08-18 (phase 3 in v1.67)`, `Closed - 2026-08-18`: a dash between spaces ends the status, and
  // what follows (the day, a note) is no part of it.
  if (s.includes(' -') || s.includes('—') || s.includes('–')) s = s.split(/\s[-–—]+\s/)[0];
  // `Accepted/Implemented` is accepted, as `Accepted, implemented` is (`N/A` stays a word).
  if (s.includes('/')) s = s.replace(/^(\s*[^/\s][^/]+?)\s*\/.*$/, '$1');
  s = s
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (const known of DECISION_STATUSES) {
    if (s === known || s.startsWith(`${known} `)) return known;
  }
  // `Akzeptiert`, `Remplacé par ADR-0005`: a translated status word, alone or opening the line.
  const translated = TRANSLATED_STATUSES.get(s.split(' ', 1)[0]);
  if (translated) return translated;
  // "Implemented in !4678", "Approved on 2021-03-01": a past participle before a preposition is
  // the status; "Work in progress" stays as written.
  const m = /^(\p{L}+ed) (?:in|on|by|since|at|as|from|with|for|per|via|until)\b/u.exec(s);
  if (m) return m[1];
  return s === '' ? null : s.slice(0, 40);
}

/**
 * The status of a record only part of which a newer one replaces, when that is all its status says
 * (`Partially superseded by ADR-0051`, `Superseded in part`). Such a record still holds in part: it is no `superseded`
 * record (a tree of decisions would grey it out as no longer in force), and `accepted` would be a word the record does
 * not write. The repository's own words are kept, lower case, as every status outside the standard ones is. With a
 * status word before them (`Accepted, partially superseded by ADR-0051`) the record's status is that word. Either
 * way the link is the amendment it is: `amended-by` the newer record (which `amends` this one).
 */
export const PARTIALLY_SUPERSEDED = 'partially superseded';

/** `Partially superseded …`, `partly superseded`, `Superseded in part …`, `Superseded by ADR-0051 in part`. */
const PARTIAL_STATUS = /^(?:partially|partly)\s+(?:super[sc]eded|replaced)\b|^(?:super[sc]eded|replaced)\s+(?:in\s+part\b|by\s+\S+\s+in\s+part\b)/i;

/** `[accepted]`, `[ Superseded ]`: one word in square brackets, a choice kept of a template's list. */
const BRACKETED_WORD = /^\s*\[\s*([\p{L}-]+)\s*\]\s*$/u;

/** The one choice in bold of `a | **b** | c`, else undefined. */
function boldChoice(raw: string): string | undefined {
  const parts = raw.split('|').map((p) => p.trim());
  const bold = parts.map((p) => /^(\*\*|__)(.+)\1$/.exec(p)).filter((m) => m !== null);
  return parts.length > 1 && bold.length === 1 ? bold[0][2] : undefined;
}

/** `Superceded by` → `superseded-by`, `Amends` → `amends`; a translated verb is its link (`Ersetzt durch` → `superseded-by`). */
export function linkKindFromVerb(verb: string): string {
  // Verbs repeat from line to line and record to record: each is read once (Unicode normalisation is not cheap).
  let kind = linkKinds.get(verb);
  if (kind === undefined) {
    kind = linkKindOfVerb(verb);
    if (linkKinds.size >= LINK_KINDS_MAX) linkKinds.clear();
    linkKinds.set(verb, kind);
  }
  return kind;
}

const linkKinds = new Map<string, string>();
const LINK_KINDS_MAX = 1024;

function linkKindOfVerb(verb: string): string {
  const words = verb.trim().normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
  const translated = TRANSLATED_LINK_VERBS.get(words);
  if (translated) return translated;
  // `Replaced by [ADR-0004](…)`, `Replaces …`: a supersede in other words.
  if (words === 'replaced by') return 'superseded-by';
  if (words === 'replaces') return 'supersedes';
  // `Partially superseded by`, `Superseded in part by`, `Supersedes in part`, `Partly replaces`: a part of the older
  // record replaced, the rest in force: an amendment (see PARTIALLY_SUPERSEDED).
  if (PARTIAL_VERB.test(words)) return words.endsWith(' by') ? 'amended-by' : 'amends';
  return (
    words
      // Both spellings, as adr-tools writes "Superceded by" and "Supercedes".
      .replace(/^super[sc]ed(ed|es)\b/, 'supersed$1')
      .replace(/\s+/g, '-')
  );
}

/** A partial supersede's verb, lower case, one space between words. */
const PARTIAL_VERB =
  /^(?:partially|partly) (?:super[sc]eded by|super[sc]edes|replaced by|replaces)$|^(?:super[sc]eded|replaced) in part by$|^(?:super[sc]edes|replaces) in part$/;

const LINK_LINE = new RegExp(`^\\s*(?:[-*+]\\s+)?(?:${STATUS_KEY}:\\s*)?(${VERB})\\s*:?\\s+\\[([^\\]]+)\\]\\(([^)\\s]+)(?:\\s+"[^"]*")?\\)`, 'i');

/** Verbs that open a status line rather than a link: `Accepted in [PR #42](…)` is a status. */
const STATUS_VERBS = /^(?:proposed|accepted|rejected|deprecated|draft|approved|implemented|adopted|agreed|decided)\b/i;

/**
 * `Accepted - Superseded by [5. Foo](…)`, `Accepted, amended by [`, `Akzeptiert — geändert durch [`: a status word,
 * then a comma, semicolon or dash, then the verb and its link.
 */
const STATUS_THEN_LINK = new RegExp(
  `^\\s*(?:[-*+]\\s+)?(?:${STATUS_KEY}:\\s*)?([^\\s,;:()[\\]]+)(?:\\s*[,;]|\\s+[-–—]|\\s*[–—])\\s*(${VERB})\\s*:?\\s+\\[([^\\]]+)\\]\\(([^)\\s]+)(?:\\s+"[^"]*")?\\)`,
  'i',
);

export interface ParsedLinkLine {
  verb: string;
  label: string;
  href: string;
  /** The status written before the verb (`Accepted` of `Accepted - Superseded by [`), when there is one. */
  status?: string;
}

/**
 * A verb in bold, as hand-written records set it: `**Amends:** [`, `* **Amended by** [`,
 * `__Relates to__: [`, and `Superseded by:** [` once a Status line's opening `**` is gone.
 */
const BOLD_VERB = new RegExp(`^(\\s*(?:[-*+]\\s+)?)(?:\\*\\*|__)?((?:${STATUS_KEY}:\\s*)?${VERB})\\s*:?\\s*(?:\\*\\*|__)\\s*:?\\s*(?=\\[)`, 'i');

/** `**Supersedes [ADR-0002](…)**`: a whole link line in bold. */
const BOLD_LINE = /^(\s*(?:[-*+]\s+)?)(?:\*\*|__)(?=[A-Za-zÄäÖöÜü])/;

/** `**Status:** Superseded by [`: the status key in bold before the verb. */
const BOLD_STATUS = new RegExp(`^(\\s*(?:[-*+]\\s+)?)(?:\\*\\*|__)${STATUS_KEY}\\s*:?\\s*(?:\\*\\*|__)\\s*:?\\s*`, 'i');

/**
 * `Status: **superseded by [`, `**Status:** ⚠️ Superseded by [`, `❌ Superseded by [`: bold opened, or an emoji set,
 * before the verb (the bold closes after the link).
 */
const MARKED_VERB = /^(\s*(?:[-*+]\s+)?(?:status:\s*)?)(?:\*\*|__|[\p{Extended_Pictographic}\uFE0F\u200D]\s*)+(?=[A-Za-z])/iu;

/** `Superceded by [3. Use Kafka](0003-use-kafka.md)`, `**Amends:** [ADR-0003](0003-x.md)` → verb, label and href. */
export function parseLinkLine(line: string): ParsedLinkLine | undefined {
  // `Remplace\u0301 par [`: a verb with decomposed accents (as some editors save them) is the composed one. Only what
  // comes before the link is composed; the label and the file name stay as written.
  const open = line.indexOf('[');
  // Every link line has its link: most lines of a body, none.
  if (open <= 0) return undefined;
  let verb = line.slice(0, open);
  if (/[^\x00-\x7f]/.test(verb)) verb = verb.normalize('NFC');
  // `Superseded    by [`: spaces in a run are one space to the verb (and a line of many spaces is read at once).
  if (verb.includes('  ') || verb.includes('\t')) verb = verb.replace(/\s+/g, ' ');
  if (verb !== line.slice(0, open)) line = verb + line.slice(open);
  let text = line.includes('**') || line.includes('__') ? line.replace(BOLD_STATUS, '$1Status: ').replace(BOLD_VERB, '$1$2 ').replace(BOLD_LINE, '$1') : line;
  if (/^\s*(?:[-*+]\s+)?(?:status:\s*)?[^\sA-Za-z]/i.test(text)) text = text.replace(MARKED_VERB, '$1');
  const m = LINK_LINE.exec(text);
  if (m && !STATUS_VERBS.test(m[1])) {
    // `Partially - Amended by [5](…)`: a word that is no status before a link both records write; the link is what counts.
    const after = /[,;–—-]\s/.test(m[1]) ? /^.*\S\s*[,;–—-]\s+(\S.*)$/.exec(m[1]) : null;
    if (after && LINKS_AFTER_STATUS.has(linkKindFromVerb(after[1]))) return { verb: after[1], label: m[2], href: m[3] };
    return { verb: m[1], label: m[2], href: m[3] };
  }
  // `Accepted - Superseded by [5. Foo](…)`: the status the record had, and the link that ended it (or amended it).
  const s = /[,;–—-]/.test(text) ? STATUS_THEN_LINK.exec(text) : null;
  if (!s || !LINKS_AFTER_STATUS.has(linkKindFromVerb(s[2])) || !isStatusWord(s[1])) return undefined;
  return { verb: s[2], label: s[3], href: s[4], status: s[1].replace(/^[*_]+|[*_]+$/g, '') };
}

/** The links a status word may come before (`Accepted, see [the RFC](…)` is a status and a reference, not a link). */
const LINKS_AFTER_STATUS = new Set(['supersedes', 'superseded-by', 'amends', 'amended-by', 'clarifies', 'clarified-by', 'extends', 'extended-by']);

/** `Accepted`, `**Approved**`, `Akzeptiert`: a word that is a status, as a status word before a link is. */
function isStatusWord(word: string): boolean {
  const plain = plainText(word);
  if (STATUS_VERBS.test(plain)) return true;
  const status = normaliseStatus(plain);
  return status !== null && (DECISION_STATUSES as readonly string[]).includes(status);
}

/**
 * The textual references in a status such as `superseded by ADR-0005`: each of a list
 * (`Superseded by ADR 0268 and ADR 0275`, `ADR-1, ADR-2`), else the text as written
 * (`superseded by 20210301-use-pulsar`, a log4brains id). [] when it says nothing of the kind.
 */
export function parseTextualSupersede(status: string): string[] {
  const text = statusText(status);
  return inPart(text) ? [] : textualTargets(text, SUPERSEDED_BY_TEXT);
}

/** A link a status names in words: `amended by ADR-0021`, `Superseded (see ADR-0006)`, `accepted (supersedes 0009)`. */
export interface TextualLink {
  kind: 'superseded-by' | 'amended-by' | 'supersedes' | 'amends';
  ref: string;
}

/**
 * The links a status names in words: `superseded by ADR-0005` (as parseTextualSupersede reads it), `amended by
 * ADR-0021` the same way, `Superseded (see ADR-0006)` and `Superseded, see ADR-0006`, and a status word with what
 * the record replaces or amends after it (`accepted (supersedes 0009)`, `Accepted; amends ADR-0003`), each when the
 * records are all the words say.
 */
export function parseTextualStatusLinks(status: string): TextualLink[] {
  const text = statusText(status);
  const superseded = textualTargets(text, SUPERSEDED_BY_TEXT);
  // `Superseded by ADR-0042 in part`: a part replaced, the amendment it is.
  if (superseded.length > 0) return superseded.map((ref) => ({ kind: inPart(text) ? 'amended-by' : 'superseded-by', ref }));
  // Every other form names a verb these letters start: most statuses (`Accepted`) are passed over here.
  if (!/super[sc]ed|replace|amend|see/i.test(text) && !TRANSLATED_VERB_IN_TEXT.test(text)) return [];
  const amended = textualTargets(text, AMENDED_BY_TEXT);
  if (amended.length > 0) return amended.map((ref) => ({ kind: 'amended-by', ref }));
  const see = SUPERSEDED_SEE.exec(text);
  if (see) return onlyReferences(see[1] ?? see[2], false).map((ref) => ({ kind: 'superseded-by', ref }));
  const after = STATUS_THEN_VERB.exec(text);
  if (after) {
    const kind = textualVerbKind(after[1] ?? after[3]);
    if (kind === 'supersedes' || kind === 'amends') return onlyReferences(after[2] ?? after[4], true).map((ref) => ({ kind, ref }));
  }
  return [];
}

/**
 * `⚠️ Superseded by ADR-0034`: a mark before the verb. `Deprecated (superseded by ADR-0042)`: a status word and the
 * supersede (or amendment) in brackets after it, read as `Deprecated, superseded by ADR-0042`.
 */
function statusText(status: string): string {
  return bracketedLink(plainText(status).normalize('NFC'));
}

/**
 * `Deprecated (superseded by ADR-0042)` as `Deprecated, superseded by ADR-0042` (and `amended by`, `partially
 * superseded by` and `superseded in part by` so).
 */
function bracketedLink(text: string): string {
  return text.includes('(')
    ? text.replace(/^([^\s,;()]+)\s*\(\s*((?:(?:partially|partly)\s+)?(?:super[sc]eded|amended)\s+(?:in\s+part\s+)?by\s+[^()]+?)\s*\)\s*\.?\s*$/i, '$1, $2')
    : text;
}

function textualTargets(text: string, verb: RegExp): string[] {
  const m = verb.exec(text);
  if (!m) return [];
  const { refs, rest } = leadingReferences(m[1]);
  // `Superseded by ADR-0042.`, `… ADR-0042 (2021-03-05)`, `… ADR-0042 on 2021-03-05`: the sentence's end, a note or
  // the day it happened after the one record named; `… ADR-0042 in part`, how much of this one it replaced; and
  // `… ADR 0004 on 2026-08-30. Provider names must …`, a sentence of its own after the one naming the record.
  if (refs.length === 1 && (SUPERSEDE_AFTERWORD.test(rest) || IN_PART.test(rest) || NEXT_SENTENCE.test(rest))) return refs;
  // A log4brains id (`superseded by 20210301-use-pulsar`) as written, less the sentence's full stop.
  return refs.length > 1 ? refs : [m[1].trim().replace(/[.;,]+$/, '')];
}

/**
 * A status in plain text (composed, NFC) that names the record replacing this one, `Superseded by ADR-0005` or after
 * a status word (`Accepted, superseded by ADR-0005`, `Deprecated (superseded by ADR-0042)`): what follows the verb.
 */
function supersededByMatch(text: string): RegExpExecArray | null {
  return SUPERSEDED_BY_TEXT.exec(bracketedLink(text));
}

/** The records a text names when they are all it says (`ADR-0006`, `0009 and 0010.`), else none. */
function onlyReferences(text: string, bareNumbers: boolean): string[] {
  const { refs, rest } = leadingReferences(text, bareNumbers ? BARE_NUMBER_REFERENCE : NUMBER_REFERENCE);
  return /^\s*\.?\s*$/.test(rest) ? refs : [];
}

const SUPERSEDE_AFTERWORD = /^\s*(?:[.;,]\s*)?(?:$|\([^()]*\)\s*\.?\s*$|(?:[-–—]|on|since)\s*\d{4}-\d{2}-\d{2}\)?\s*\.?\s*$)/i;
/** ` on 2026-08-30. Provider names …`, `. The queue part stays.`: the sentence naming the record ends, another begins. */
const NEXT_SENTENCE = /^(?:\s+(?:on|since)\s+\d{4}-\d{2}-\d{2})?\s*[.;]\s+\p{Lu}/u;
/** ` in part`, `, partially`: after the records a status names, how much of the record they replace. */
const IN_PART = /^\s*(?:,\s*)?(?:in\s+part|partially|partly)\b/i;

/** `Superseded by ADR-0042 in part` (and `Accepted, superseded by ADR-0042 in part`): only a part is replaced. */
function inPart(text: string): boolean {
  if (!text.includes('part')) return false;
  const m = SUPERSEDED_BY_TEXT.exec(text);
  return m !== null && IN_PART.test(leadingReferences(m[1]).rest);
}

/** The translated verbs of one link kind, as a regular expression's alternatives. */
function translatedVerbs(kind: string): string {
  return [...TRANSLATED_LINK_VERBS]
    .filter(([, k]) => k === kind)
    .map(([v]) => v.replace(/ /g, '\\s+'))
    .join('|');
}

/** Whether a text holds a translated verb (`Geändert durch`, `Remplace`): the pre-check for the forms after a status. */
const TRANSLATED_VERB_IN_TEXT = new RegExp(
  [...TRANSLATED_LINK_VERBS.keys()]
    .map((v) => v.split(' ', 1)[0])
    .filter((v, i, all) => all.indexOf(v) === i)
    .join('|'),
  'i',
);

/** `partially superseded by`, `partly replaced by`, `superseded in part by`, as a regular expression's alternatives. */
const PARTIAL_BY = '(?:partially|partly)\\s+(?:super[sc]eded|replaced)\\s+by|(?:super[sc]eded|replaced)\\s+in\\s+part\\s+by';
/** `partially supersedes`, `supersedes in part`, `partly replaces`, as a regular expression's alternatives. */
const PARTIAL_SUPERSEDES = '(?:partially|partly)\\s+(?:super[sc]edes|replaces)|(?:super[sc]edes|replaces)\\s+in\\s+part';

/**
 * `Superseded by ADR-0005`, `Ersetzt durch ADR-0005`, `Deprecated, superseded by ADR-0005`, `⚠️ Superseded by …`: a
 * status naming the record that replaced this one, after a mark, and after one word of status and a comma, semicolon
 * or dash when there is one.
 */
const SUPERSEDED_BY_TEXT = new RegExp(
  `^[^\\p{L}\\p{N}]*(?:[^\\s,;()]+(?:\\s*[,;]|\\s+[-–—])\\s*)?(?:super[sc]eded\\s+by|replaced\\s+by|${translatedVerbs('superseded-by')})\\s+(.+)$`,
  'iu',
);
/**
 * `amended by ADR-0021`, `Geändert durch ADR-0021`: as `superseded by`, the record that amended this one; and
 * `Partially superseded by ADR-0051`, `Accepted, superseded in part by ADR-0051`, a part of it replaced, as an amendment.
 */
const AMENDED_BY_TEXT = new RegExp(
  `^[^\\p{L}\\p{N}]*(?:[^\\s,;()]+(?:\\s*[,;]|\\s+[-–—])\\s*)?(?:amended\\s+by|${PARTIAL_BY}|${translatedVerbs('amended-by')})\\s+(.+)$`,
  'iu',
);
/** `Superseded (see ADR-0006)`, `Superseded, see ADR-0006`, `Superseded — see ADR-0006`: the record to read instead. */
const SUPERSEDED_SEE = /^[^\p{L}\p{N}]*super[sc]eded\s*(?:\(\s*see\s+([^()]+?)\s*\)|(?:[,;:]|\s[-–—])\s*see\s+(.+?))\s*\.?\s*$/iu;
/**
 * `Talos native patching (Supersedes ADR-0011)`: a title that ends with the records it replaces or amends in brackets →
 * the title before them and those links; undefined for any other title (`… (supersedes ADR-203's alias groups)`, a part).
 */
export function titleLinks(title: string): { title: string; links: TextualLink[] } | undefined {
  if (title.charCodeAt(title.length - 1) !== 41 /* ) */) return undefined;
  const m = TITLE_LINK.exec(title);
  if (!m) return undefined;
  const kind = textualVerbKind(m[2]);
  if (kind !== 'supersedes' && kind !== 'amends') return undefined;
  const refs = onlyReferences(m[3], true);
  return refs.length > 0 ? { title: m[1], links: refs.map((ref) => ({ kind, ref })) } : undefined;
}

const TITLE_LINK = /^(.*\S)\s*\(\s*(super[sc]edes|replaces|amends)\s+([^()]+?)\s*\)$/i;

/**
 * `accepted (supersedes 0009)`, `Accepted; amends ADR-0003`: a status word, then the records this one replaces or amends
 * (`Accepted (partially supersedes ADR 0007)`: a part of them, an amendment).
 */
const STATUS_THEN_VERB = new RegExp(
  `^[^\\p{L}\\p{N}]*\\p{L}+\\s*(?:\\(\\s*(${PARTIAL_SUPERSEDES}|super[sc]edes|replaces|amends|${translatedVerbs('supersedes')}|${translatedVerbs('amends')})\\s+([^()]+?)\\s*\\)|[,;]\\s*(${PARTIAL_SUPERSEDES}|super[sc]edes|replaces|amends|${translatedVerbs('supersedes')}|${translatedVerbs('amends')})\\s+(.+?))\\s*\\.?\\s*$`,
  'iu',
);

/** `Supersedes` → supersedes, `Amends`, `Ändert` → amends; '' for any other verb. */
function textualVerbKind(verb: string): string {
  const kind = linkKindFromVerb(verb);
  return kind === 'supersedes' || kind === 'amends' ? kind : '';
}

/**
 * `Supersedes ADR 0021.`, `Amends ADR-0034.`, `Remplace ADR 0021.`: a line naming the records this one replaces or amends
 * (`Partially supersedes ADR-0012`, `Supersedes in part: ADR 0008.`: a part of them, an amendment).
 */
const VERB_TEXT = new RegExp(
  `^\\s*(?:[-*+]\\s+)?(${PARTIAL_SUPERSEDES}|super[sc]edes|replaces|amends|${translatedVerbs('supersedes')}|${translatedVerbs('amends')}):?\\s+(.+)$`,
  'i',
);

/** `ADR 0003`, `ADR-0003`, `#3`: a record named by its number in prose. */
const NUMBER_REFERENCE = /^(?:ADR[-_ #]?|#)\d{1,6}(?![\w-])/i;
/** As NUMBER_REFERENCE, and a bare number (`0009`), where nothing but records is named (`accepted (supersedes 0009)`). */
const BARE_NUMBER_REFERENCE = /^(?:ADR[-_ #]?|#)?\d{1,6}(?![\w-])/i;
const REFERENCE_SEPARATOR = /^(?:\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+)/i;

/** The numbered references a text opens with (`ADR 0030, ADR 0031 and ADR 0032`), and what follows them. */
function leadingReferences(text: string, reference: RegExp = NUMBER_REFERENCE): { refs: string[]; rest: string } {
  const refs: string[] = [];
  let rest = text.trim();
  for (;;) {
    const ref = reference.exec(rest);
    if (!ref) break;
    refs.push(ref[0]);
    rest = rest.slice(ref[0].length);
    const sep = REFERENCE_SEPARATOR.exec(rest);
    if (!sep || !reference.test(rest.slice(sep[0].length))) break;
    rest = rest.slice(sep[0].length);
  }
  return { refs, rest };
}

/**
 * `Supersedes ADR 0021.`, `Supersedes ADR 0030, ADR 0031, ADR 0032.`, `Supersedes: ADR-0013 (the model pin)`: the
 * records a plain-text Supersedes line names, when its sentence names nothing else (a note in brackets aside)
 * (`Supersedes ADR-0066's release policy` supersedes only a part, and is not read; `Supersedes ADR-0004 in part` is
 * the amendment parseTextualLinkLine reads).
 */
export function parseTextualSupersedes(line: string): string[] {
  const link = parseTextualLinkLine(line);
  return link?.kind === 'supersedes' ? link.refs : [];
}

/** As parseTextualSupersedes, for a line that supersedes or amends (`Amends ADR-0034.`): the kind and the records. */
export function parseTextualLinkLine(line: string): { kind: 'supersedes' | 'amends'; refs: string[] } | undefined {
  // A line with a Markdown link is read as that link (`Supersedes [ADR-0002](0002-x.md)`).
  if (line.includes('](')) return undefined;
  const m = VERB_TEXT.exec(plainText(line).normalize('NFC'));
  if (!m) return undefined;
  const kind = textualVerbKind(m[1]);
  if (kind !== 'supersedes' && kind !== 'amends') return undefined;
  const { refs, rest } = leadingReferences(m[2]);
  if (refs.length === 0) return undefined;
  // `Supersedes: ADR-0013 (the model pin)`, `… (2021-03-05).`: a note in brackets after the records is a remark on them.
  if (AFTER_REFERENCES.test(rest)) return { kind, refs };
  // `Supersedes ADR-0004 in part.`: a part of it replaced, an amendment.
  const part = kind === 'supersedes' ? IN_PART.exec(rest) : null;
  return part && AFTER_REFERENCES.test(rest.slice(part[0].length)) ? { kind: 'amends', refs } : undefined;
}

/**
 * `**Superseded by**: ADR-0050 (the hybrid)`, `Superseded by: ADR-015`, `Amended by: ADR-0007` as a field of its own
 * under the title, next to `**Status**: Superseded`: the records that replaced (or amended) this one, when the field
 * names them and nothing else (a note in brackets aside). `Superseded by: None` and `Superseded by: —` are none.
 */
export function parseSuccessorField(line: string): TextualLink[] {
  // Most lines name no successor: `by` (or a translated verb's `durch`, `par`, `por`) rules them out first.
  if (!(line.includes('by') || line.includes('By') || line.includes('BY') || line.includes('durch') || line.includes('par') || line.includes('por'))) return [];
  const m = SUCCESSOR_FIELD.exec(plainText(line).normalize('NFC'));
  if (!m) return [];
  // `Superseded in part by: ADR-0027`, `Partially superseded by ADR-0023`: a part of this one replaced, an amendment.
  const kind = /^amended|^geändert|^modifi|^alterad|^partial|^partly|\spart\s/i.test(m[1]) ? 'amended-by' : 'superseded-by';
  const { refs, rest } = leadingReferences(m[2]);
  return refs.length > 0 && AFTER_REFERENCES.test(rest) ? refs.map((ref) => ({ kind, ref })) : [];
}

/**
 * What may follow the records a Supersedes (or Superseded by) line names: nothing, the sentence's end, or a note in
 * brackets, closed on the line or going on to the next lines of the list item
 * (`- Amends: ADR-0029 (replica count only; the bulk-tier placement and` / `  the pin stand).`).
 */
const AFTER_REFERENCES = /^\s*(?:$|[.;]|\([^()]*\)\s*\.?\s*$|\([^()]*$)/;

/** `Superseded by: …`, `- Replaced by …`, `Ersetzt durch: …`: a line opening with the verb naming the newer record. */
const SUCCESSOR_FIELD = new RegExp(
  `^\\s*(?:[-*+]\\s+)?(${PARTIAL_BY}|super[sc]eded\\s+by|replaced\\s+by|amended\\s+by|${translatedVerbs('superseded-by')}|${translatedVerbs('amended-by')})\\s*[:：]?\\s+(.+)$`,
  'i',
);

/**
 * The statuses a pick offers: the standard ones first (in `standard`'s
 * order), then the words the folder's records already use (`pending`,
 * `approved`), most used first, each once. `except` (the record's current
 * status) is left out.
 */
export function statusChoices(
  standard: readonly string[],
  used: readonly (string | null)[],
  except?: string | null,
): { status: string; uses: number; standard: boolean }[] {
  const counts = new Map<string, number>();
  for (const s of used) if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  const out = standard.filter((s) => s !== except).map((s) => ({ status: s, uses: counts.get(s) ?? 0, standard: true }));
  const own = [...counts.entries()]
    .filter(([s]) => !standard.includes(s) && s !== except && s !== 'superseded')
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([status, uses]) => ({ status, uses, standard: false }));
  return [...out, ...own];
}

/**
 * A template's placeholder left in place of a value: MADR 2's and log4brains'
 * `[proposed | rejected | accepted | deprecated | … | superseded by [ADR-0005](0005-example.md)]`,
 * MADR 3/4's `{proposed | … | superseded by ADR-0123}`, `[list everyone involved]`,
 * `{YYYY-MM-DD when the decision was last updated}`. Not a status, a date or a person.
 */
export function isTemplatePlaceholder(raw: string | undefined): boolean {
  if (!raw) return false;
  const s = raw
    .replace(/<!--.*?-->/g, '')
    .trim()
    .replace(/^["']|["']$/g, '')
    .trim();
  const open = s.charCodeAt(0);
  if (open !== 91 /* [ */ && open !== 123 /* { */) return false;
  if (s.includes('|')) return true;
  // `[list everyone]` and `{name}`, but not a status that is a link, `[Accepted](…)`, or the one word kept of the
  // template's choices, `[approved]`.
  return open === 123 ? s.endsWith('}') : s.endsWith(']') && !/^\[[^\]]*\]\(/.test(s) && !BRACKETED_WORD.test(s);
}

/** A line of a status history, `2020-04-22 proposed`, `2020/04/22: accepted` → the status after the date; null for any other line. */
export function datedStatus(text: string): string | null {
  const t = text.trimStart();
  const c = t.charCodeAt(0);
  if (!(c >= 48 && c <= 57)) return null;
  const m = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})[ \t]*[:–—-]?[ \t]+(\S.*)$/.exec(t);
  return m && isCalendarDay(+m[1], +m[3], +m[4]) ? m[5].trim() : null;
}

/** `STATUS：proposed/accepted/done/deprecated/superseded`: a line of the status words to choose from, not a status. */
export function isStatusChoices(text: string): boolean {
  return CHOICES.test(text.trim());
}

const CHOICES = /^(?:[^:：]*[:：])?\s*\p{L}[\p{L} ]*(?:\/\s*\p{L}[\p{L} ]*){2,}$/u;
