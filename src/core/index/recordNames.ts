const NOT_RECORDS = new Set([
  'contributing',
  'changelog',
  'license',
  'licence',
  'code_of_conduct',
  'code-of-conduct',
  'summary',
  '_sidebar',
  '_navbar',
  '_index',
]);

/** Names that sit in record folders without being records. */
export function isSkippedRecordName(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('.') || !(lower.endsWith('.md') || lower.endsWith('.markdown'))) return true;
  const stem = lower.slice(0, lower.lastIndexOf('.'));
  return (
    stem === 'readme' ||
    stem === 'index' ||
    stem === 'template' ||
    // A folder's own papers (contribution guide, change log, licence) and site-generator files (GitBook's SUMMARY,
    // docsify's _sidebar, Hugo's _index) sit beside records in real repositories and are never records themselves.
    NOT_RECORDS.has(stem) ||
    stem.startsWith('adr-template') ||
    stem.startsWith('adr_template') ||
    // `0000-template`, `xxxx-template`, `adr000-template`, `nnnn-template.md`, `0000-adr-template-madr.md`
    /^(?:adr[-_]?)?(?:0+|x+|n+)[-_ ]?(?:adr[-_ ]?)?template\b/.test(stem)
  );
}

/**
 * `0022-use-x.fr.md`, `0022-use-x.pt-BR.md` → `0022-use-x.md`: the record a translation's name says it translates, a
 * language code before the extension (as multilingual sites name them). A translation beside its record is not a
 * record of its own; undefined for any other name.
 */
export function translatedName(name: string): string | undefined {
  const m = /^(.+)\.([a-z]{2}(?:[-_](?:[A-Za-z]{2}|Hans|Hant))?)\.(md|markdown)$/.exec(name);
  return m ? `${m[1]}.${m[3]}` : undefined;
}
