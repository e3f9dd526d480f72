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
