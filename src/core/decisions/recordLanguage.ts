import { DECISION_STATUSES } from './status';

/**
 * The language a decision record's status is written in, so that a status or
 * link Lodestar writes into it is in that language too (`Ersetzt durch […](…)`
 * in a German record, not `Superseded by`). Only German, French, Portuguese
 * and Spanish are written; any other record gets the English words.
 */
export type StatusLanguage = 'de' | 'fr' | 'es' | 'pt';

export interface RecordLanguage {
  language: StatusLanguage;
  /** The record writes its status in the feminine (`Acceptée`, `Aceptada`, as `la décision`): so does what is added. */
  feminine: boolean;
}

/** Each standard status and link verb as a record in the language writes it: masculine, feminine. */
const WRITTEN: Record<StatusLanguage, { statuses: Record<string, [string, string]>; verbs: Record<string, [string, string]> }> = {
  de: {
    statuses: {
      accepted: ['Akzeptiert', 'Akzeptiert'],
      proposed: ['Vorgeschlagen', 'Vorgeschlagen'],
      rejected: ['Abgelehnt', 'Abgelehnt'],
      deprecated: ['Veraltet', 'Veraltet'],
      superseded: ['Ersetzt', 'Ersetzt'],
      draft: ['Entwurf', 'Entwurf'],
    },
    verbs: {
      supersedes: ['Ersetzt', 'Ersetzt'],
      'superseded-by': ['Ersetzt durch', 'Ersetzt durch'],
      amends: ['Ändert', 'Ändert'],
      'amended-by': ['Geändert durch', 'Geändert durch'],
    },
  },
  fr: {
    statuses: {
      accepted: ['Accepté', 'Acceptée'],
      proposed: ['Proposé', 'Proposée'],
      rejected: ['Rejeté', 'Rejetée'],
      deprecated: ['Obsolète', 'Obsolète'],
      superseded: ['Remplacé', 'Remplacée'],
      draft: ['Brouillon', 'Brouillon'],
    },
    verbs: {
      supersedes: ['Remplace', 'Remplace'],
      'superseded-by': ['Remplacé par', 'Remplacée par'],
      amends: ['Modifie', 'Modifie'],
      'amended-by': ['Modifié par', 'Modifiée par'],
    },
  },
  es: {
    statuses: {
      accepted: ['Aceptado', 'Aceptada'],
      proposed: ['Propuesto', 'Propuesta'],
      rejected: ['Rechazado', 'Rechazada'],
      deprecated: ['Obsoleto', 'Obsoleta'],
      superseded: ['Reemplazado', 'Reemplazada'],
      draft: ['Borrador', 'Borrador'],
    },
    verbs: {
      supersedes: ['Reemplaza', 'Reemplaza'],
      'superseded-by': ['Reemplazado por', 'Reemplazada por'],
      amends: ['Modifica', 'Modifica'],
      'amended-by': ['Modificado por', 'Modificada por'],
    },
  },
  pt: {
    statuses: {
      accepted: ['Aceito', 'Aceita'],
      proposed: ['Proposto', 'Proposta'],
      rejected: ['Rejeitado', 'Rejeitada'],
      deprecated: ['Obsoleto', 'Obsoleta'],
      superseded: ['Substituído', 'Substituída'],
      draft: ['Rascunho', 'Rascunho'],
    },
    verbs: {
      supersedes: ['Substitui', 'Substitui'],
      'superseded-by': ['Substituído por', 'Substituída por'],
      amends: ['Altera', 'Altera'],
      'amended-by': ['Alterado por', 'Alterada por'],
    },
  },
};

/** Words that say a record's status is written in English. */
const ENGLISH = new Set<string>([...DECISION_STATUSES, 'superceded', 'supersedes', 'supercedes', 'amends', 'amended']);

/**
 * The first word of each status and verb above (and the other words records use: `angenommen`, `abgelöst`)
 * → its language, and whether it is the feminine form. A word two languages share (`obsoleto`, `modifica`) tells
 * neither and is left out.
 */
const WORD_LANGUAGE: ReadonlyMap<string, RecordLanguage> = (() => {
  const found = new Map<string, RecordLanguage | null>();
  const add = (word: string, language: StatusLanguage, feminine: boolean): void => {
    const w = word.normalize('NFC').toLowerCase().split(' ', 1)[0];
    const had = found.get(w);
    if (had === undefined) found.set(w, { language, feminine });
    else if (had !== null && had.language !== language) found.set(w, null);
  };
  for (const [language, { statuses, verbs }] of Object.entries(WRITTEN) as [StatusLanguage, (typeof WRITTEN)[StatusLanguage]][]) {
    for (const [m, f] of [...Object.values(statuses), ...Object.values(verbs)]) {
      add(m, language, false);
      if (f !== m) add(f, language, true);
    }
  }
  add('angenommen', 'de', false);
  add('abgelöst', 'de', false);
  return new Map([...found].filter((e): e is [string, RecordLanguage] => e[1] !== null));
})();

/** Status headings that name their language (`## Status` is German as well as English). */
const HEADING_LANGUAGE: Readonly<Record<string, StatusLanguage>> = { statut: 'fr', estado: 'es', situação: 'pt' };

const STATUS_HEADING = /^#{1,6}[ \t]+(?:\*\*|__)?(status|statut|estado|situação)(?:\*\*|__)?[ \t]*:?[ \t]*$/i;
const STATUS_BULLET = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:status|statut|estado|situação)(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?(.*)$/i;

/**
 * The language of a record's status, from its words: the front matter's or a
 * bullet's `status:`, or the lines of its Status section (`Akzeptiert`,
 * `Remplacé par […](…)`, `2020-04-22 aceptado`); else from the Status heading
 * (`## Statut`, `## Estado`, `## Situação`). Undefined for English, or when
 * nothing says.
 */
export function recordLanguage(text: string): RecordLanguage | undefined {
  const lines = text.replace(/^\ufeff/, '').split('\n');
  let heading: StatusLanguage | undefined;
  let inStatus = false;
  let inFrontMatter = lines[0]?.trimEnd() === '---';
  for (let i = inFrontMatter ? 1 : 0; i < lines.length; i++) {
    // Decomposed accents (`Situac\u0327a\u0303o`, as some editors save them) are the same letters.
    const line = lines[i].replace(/\r$/, '').normalize('NFC');
    if (inFrontMatter) {
      if (line.trimEnd() === '---' || line.trimEnd() === '...') inFrontMatter = false;
      else {
        const fm = /^status[ \t]*:[ \t]*["']?(.*)$/i.exec(line);
        if (fm) {
          const said = wordLanguage(fm[1]);
          if (said !== undefined) return said ?? undefined;
        }
      }
      continue;
    }
    if (/^#{1,6}[ \t]/.test(line)) {
      const h = STATUS_HEADING.exec(line);
      inStatus = h !== null;
      if (h) heading ??= HEADING_LANGUAGE[h[1].normalize('NFC').toLowerCase()];
      continue;
    }
    const bullet = inStatus ? undefined : STATUS_BULLET.exec(line);
    const words = inStatus ? line : bullet?.[1];
    if (words === undefined || words.trim() === '') continue;
    const said = wordLanguage(words);
    if (said !== undefined) return said ?? undefined;
  }
  return heading ? { language: heading, feminine: false } : undefined;
}

/** What a status line's first word says: a language, English (null), or nothing (undefined). */
function wordLanguage(text: string): RecordLanguage | null | undefined {
  const word = text
    .normalize('NFC')
    .toLowerCase()
    // A date before it (`2020-04-22 accepted`), list marks, emphasis, brackets.
    .replace(/^[\s\d/:.-]*/, '')
    .replace(/^[-*+]\s+/, '')
    .replace(/^[*_[\s]+/, '')
    .split(/[^\p{L}]/u, 1)[0];
  if (word === '') return undefined;
  if (ENGLISH.has(word)) return null;
  return WORD_LANGUAGE.get(word);
}

/** A standard status as the record's language writes it (`Akzeptiert`); undefined for another status or language. */
export function translatedStatus(language: RecordLanguage | undefined, status: string): string | undefined {
  return language ? WRITTEN[language.language].statuses[status]?.[language.feminine ? 1 : 0] : undefined;
}

/** A link kind's verb as the record's language writes it (`superseded-by` → `Ersetzt durch`); undefined for another. */
export function translatedVerb(language: RecordLanguage | undefined, kind: string): string | undefined {
  return language ? WRITTEN[language.language].verbs[kind]?.[language.feminine ? 1 : 0] : undefined;
}

/** Every form of a standard status in the record's language (both genders), as a Status section line writes it. */
export function statusForms(language: RecordLanguage | undefined, status: string): string[] {
  const forms = language ? WRITTEN[language.language].statuses[status] : undefined;
  return forms ? [...new Set(forms)] : [];
}
