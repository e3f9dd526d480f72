/** Names that sit in record folders without being records. */
export function isSkippedRecordName(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('.') || !(lower.endsWith('.md') || lower.endsWith('.markdown'))) return true;
  const stem = lower.slice(0, lower.lastIndexOf('.'));
  return (
    stem === 'readme' ||
    stem === 'index' ||
    stem === 'template' ||
    stem.startsWith('adr-template') ||
    // `0000-template`, `xxxx-template`, `adr000-template`, `nnnn-template.md`
    /^(?:adr[-_]?)?(?:0+|x+|n+)[-_ ]?template\b/.test(stem)
  );
}
