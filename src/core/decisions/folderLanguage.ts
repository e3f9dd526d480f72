import { RecordLanguage, recordLanguage, StatusLanguage } from './recordLanguage';

/**
 * The language a decision folder's records are written in, so that a new
 * record from the default template is written in it too (`## Kontext`,
 * `## Entscheidung`, `Akzeptiert` in a German folder). Only the languages the
 * records are read in and written to (German, French, Spanish, Portuguese).
 */

/** adr-tools' template as a record in each language writes it: the Status, Context, Decision and Consequences headings, the Date and Deciders fields, and the prose. */
const NYGARD: Record<StatusLanguage, { headings: [string, string, string, string]; date: string; deciders: string; prose: [string, string, string] }> = {
  de: {
    headings: ['Status', 'Kontext', 'Entscheidung', 'Konsequenzen'],
    date: 'Datum',
    deciders: 'Entscheider',
    prose: [
      'Das Problem, das diese Entscheidung veranlasst, und alle Umstände, die die Entscheidung beeinflussen oder einschränken.',
      'Die Änderung, die wir vorschlagen oder deren Umsetzung wir vereinbart haben.',
      'Was dadurch einfacher oder schwieriger wird, und die Risiken der Änderung, die gemindert werden müssen.',
    ],
  },
  fr: {
    headings: ['Statut', 'Contexte', 'Décision', 'Conséquences'],
    date: 'Date',
    deciders: 'Décideurs',
    prose: [
      'Le problème qui motive cette décision, et tout contexte qui influence ou contraint la décision.',
      'Le changement que nous proposons ou que nous avons convenu de mettre en œuvre.',
      'Ce qui devient plus facile ou plus difficile à faire, et les risques introduits par le changement qu’il faudra atténuer.',
    ],
  },
  es: {
    headings: ['Estado', 'Contexto', 'Decisión', 'Consecuencias'],
    date: 'Fecha',
    deciders: 'Responsables',
    prose: [
      'El problema que motiva esta decisión, y cualquier contexto que influya en la decisión o la limite.',
      'El cambio que proponemos o que hemos acordado implementar.',
      'Lo que resulta más fácil o más difícil de hacer, y los riesgos que introduce el cambio y que habrá que mitigar.',
    ],
  },
  pt: {
    headings: ['Situação', 'Contexto', 'Decisão', 'Consequências'],
    date: 'Data',
    deciders: 'Decisores',
    prose: [
      'O problema que motiva esta decisão, e qualquer contexto que influencie ou restrinja a decisão.',
      'A mudança que estamos propondo ou que concordamos em implementar.',
      'O que se torna mais fácil ou mais difícil de fazer, e os riscos introduzidos pela mudança que precisarão ser mitigados.',
    ],
  },
};

/**
 * MADR's sections as a new record starts with them (Context and Problem Statement, Considered Options, Decision
 * Outcome, More Information), and MADR 2's Status field, in each language, as the translated MADR templates name them.
 */
const MADR: Record<StatusLanguage, { sections: [string, string, string, string]; status: string }> = {
  de: { sections: ['Kontext und Problemstellung', 'Betrachtete Optionen', 'Entscheidungsergebnis', 'Weitere Informationen'], status: 'Status' },
  fr: {
    sections: ['Contexte et énoncé du problème', 'Options envisagées', 'Résultat de la décision', 'Informations complémentaires'],
    status: 'Statut',
  },
  es: { sections: ['Contexto y planteamiento del problema', 'Opciones consideradas', 'Resultado de la decisión', 'Más información'], status: 'Estado' },
  pt: { sections: ['Contexto e declaração do problema', 'Opções consideradas', 'Resultado da decisão', 'Mais informações'], status: 'Situação' },
};

const ENGLISH_MADR = { sections: ['Context and Problem Statement', 'Considered Options', 'Decision Outcome', 'More Information'], status: 'Status' } as const;

/**
 * A new MADR record's section headings and MADR 2's field names (Status, Deciders, Date) in `language`
 * (English when undefined).
 */
export function madrNamesIn(language: StatusLanguage | undefined): {
  sections: readonly [string, string, string, string];
  status: string;
  deciders: string;
  date: string;
} {
  return { ...(language ? MADR[language] : ENGLISH_MADR), ...fieldNamesIn(language) };
}

/** adr-tools' template (`NUMBER`, `TITLE`, `DATE`, `STATUS`) with its headings, Date field and prose in `language`. */
export function adrToolsTemplateIn(language: StatusLanguage): string {
  const { headings, date, prose } = NYGARD[language];
  return `# NUMBER. TITLE\n\n${date}: DATE\n\n## ${headings[0]}\n\nSTATUS\n\n## ${headings[1]}\n\n${prose[0]}\n\n## ${headings[2]}\n\n${prose[1]}\n\n## ${headings[3]}\n\n${prose[2]}\n`;
}

/** Every translated adr-tools template, for lint to know their prose as template text. */
export const TRANSLATED_ADR_TOOLS_TEMPLATES: readonly string[] = (Object.keys(NYGARD) as StatusLanguage[]).map(adrToolsTemplateIn);

/** The Date field's name and the Deciders field's name as a record in `language` writes them. */
export function fieldNamesIn(language: StatusLanguage | undefined): { date: string; deciders: string } {
  return language ? NYGARD[language] : { date: 'Date', deciders: 'Deciders' };
}

/**
 * Section headings (lower case, NFC) that say the record's language: Nygard's and MADR's, in English and as
 * translated. `Status` (English and German) and `Contexto` (Spanish and Portuguese) say neither.
 */
const HEADING_LANGUAGE: ReadonlyMap<string, StatusLanguage | 'en'> = new Map(
  Object.entries({
    en: ['context', 'decision', 'consequences', 'context and problem statement', 'decision outcome', 'considered options'],
    de: ['kontext', 'entscheidung', 'konsequenzen', 'kontext und problemstellung', 'entscheidungsergebnis'],
    fr: ['statut', 'contexte', 'décision', 'conséquences', 'contexte et énoncé du problème', 'résultat de la décision'],
    es: ['estado', 'decisión', 'consecuencias', 'contexto y planteamiento del problema', 'resultado de la decisión'],
    pt: ['situação', 'decisão', 'consequências', 'contexto e declaração do problema', 'resultado da decisão'],
  }).flatMap(([language, headings]) => headings.map((h): [string, StatusLanguage | 'en'] => [h, language as StatusLanguage | 'en'])),
);

/** The language a record's section headings are in (`## Kontext` → `de`, `## Context` → `en`), or undefined. */
export function headingLanguage(text: string): StatusLanguage | 'en' | undefined {
  for (const m of text.matchAll(/^#{2,3}[ \t]+(.+?)[ \t]*$/gm)) {
    let heading = m[1]
      .replace(/[*_`:]/g, '')
      .trim()
      .toLowerCase();
    if (/[^\x20-\x7e]/.test(heading)) heading = heading.normalize('NFC');
    const language = HEADING_LANGUAGE.get(heading);
    if (language) return language;
  }
  return undefined;
}

/**
 * The language most of `texts` (a folder's newest records, newest first) are written in, by their section
 * headings, else by their status (`Akzeptiert`); the newest one's language on a tie. Undefined when that is
 * English, or when nothing says. Feminine when a record in that language writes its status so (`Acceptée`).
 */
export function folderLanguage(texts: readonly string[]): RecordLanguage | undefined {
  const votes = new Map<StatusLanguage | 'en', number>();
  const said: { language: StatusLanguage | 'en'; status: RecordLanguage | undefined }[] = [];
  for (const text of texts) {
    const status = recordLanguage(text);
    const language = headingLanguage(text) ?? status?.language;
    if (language === undefined) continue;
    votes.set(language, (votes.get(language) ?? 0) + 1);
    said.push({ language, status });
  }
  let best: StatusLanguage | 'en' | undefined;
  for (const { language } of said) if (best === undefined || (votes.get(language) ?? 0) > (votes.get(best) ?? 0)) best = language;
  if (best === undefined || best === 'en') return undefined;
  const language = best;
  return { language, feminine: said.some((s) => s.language === language && s.status?.language === language && s.status.feminine) };
}

/** How many of a folder's newest records say its language. */
export const LANGUAGE_SAMPLE = 5;
