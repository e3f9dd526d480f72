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

/**
 * Languages a translation's own name may end with after a dash or an underscore (`0003-utiliser-postgres-fr.md`):
 * the languages records are translated into, less codes that are also words a title ends with (`it` stays: Italian).
 */
const NAMED_LANGUAGES = new Set('ar bg cs da de el en es et fa fi fr hr hu it ja ko lt lv nb nl nn pl pt ro ru sk sl sr sv th tr uk vi zh'.split(' '));

/** More languages, read after a dot only (`0003-x.no.md`): after a dash they are words (`say-no`, `adopt-ca`). */
const DOTTED_LANGUAGES = new Set('af az be bn bs ca cy eu ga gl he hi hy id is ka kk mk mn ms no sq sw ta te ur uz'.split(' '));

/**
 * `0003-utiliser-postgres-fr.md`, `0003-use-postgres_pt-br.md`, `0003-utiliser-postgres.fr.md` → `fr`, `pt`: the
 * language a name says its file is in, by a language code at the end (after a dash, an underscore or a dot; not a
 * file type such as `node.js`). Undefined for any other name. Whether the file is a translation is up to the other
 * records with its number.
 */
export function nameLanguage(name: string): string | undefined {
  const m = /([-_.])([A-Za-z]{2})(?:[-_](?:[A-Za-z]{2}|Hans|Hant))?\.(?:md|markdown)$/.exec(name);
  if (!m) return undefined;
  const code = m[2].toLowerCase();
  if (!NAMED_LANGUAGES.has(code) && !(m[1] === '.' && DOTTED_LANGUAGES.has(code))) return undefined;
  // `0003-fr.md`: a number and nothing else is no title in another language.
  return /[A-Za-z]/.test(name.slice(0, m.index).replace(/^(?:adr[-_ ]?)?\d+/i, '')) ? code : undefined;
}

/**
 * `1441-kubectl-debug/README.md`, `0002-plugin-sandbox/readme.md`: in a design folder, a proposal kept as a folder of
 * its own (the text in its README, its images and metadata beside it) whose name starts with the proposal's number.
 * `parts` is the path under the design folder; the folder's own README, and one in a folder with no number
 * (`storage/README.md`, an index of that part), are no record.
 */
export function isProposalReadme(parts: readonly string[]): boolean {
  if (parts.length < 2) return false;
  const name = parts[parts.length - 1].toLowerCase();
  const folder = parts[parts.length - 2];
  // `2024-q1/README.md`, `2024-03/README.md`: a folder of a period, whose README indexes it, is no proposal.
  return (name === 'readme.md' || name === 'readme.markdown') && /^\d+[-_]\S/.test(folder) && !/^\d{4}[-_](?:q[1-4]|h[12]|\d{1,2})(?:$|[-_])/i.test(folder);
}
