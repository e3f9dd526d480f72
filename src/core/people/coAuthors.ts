/**
 * `Co-authored-by: Name <email>` trailers, as GitHub and GitLab write and
 * credit them. Pure functions over a commit message body.
 */

export interface GitIdentity {
  name: string;
  email: string;
}

/**
 * One trailer line: `co-authored-by` in any case, spaces or tabs around the
 * key and the colon, `Name <email>` with spaces tolerated inside the
 * brackets, nothing after them but blanks (a CR included). The e-mail has
 * exactly one `@`. Run over the whole body (`m`), so no line is split out.
 */
const CO_AUTHOR_TRAILER = /^[ \t]*co-authored-by[ \t]*:[ \t]*(.*?)[ \t]*<[ \t]*([^<>\s@]+@[^<>\s@]+)[ \t]*>[ \t\r]*$/gim;

/**
 * The co-authors a commit body credits, in the order written: the one
 * parser of `Co-authored-by:` trailers (pairing, `prs`, Log Pairing).
 *
 * - A trailer is any line starting with the key, case-insensitively (squash
 *   merges put them after the PR's own text, not always in the last
 *   paragraph, and forges credit them there too). CRLF bodies read the same.
 * - Malformed trailers are skipped: no e-mail (`Co-authored-by: Sam`), no
 *   angle brackets (`Sam sam@x`), no name (`Co-authored-by: <sam@x>`), an
 *   empty value, text around the brackets. GitHub does not credit these
 *   either, and a name alone would make a person no e-mail or profile can
 *   ever be matched to.
 * - A name in quotes (`"Sam Staff" <sam@x>`) loses them.
 * - The same e-mail twice (any case) counts once; the first name is kept.
 * - The commit's author listed as their own co-author is ignored.
 * - Bots (see {@link isBot}) are ignored: they do not pair.
 *
 * Names and e-mails are cut from `body`: a caller keeping them from a large
 * buffer copies them.
 */
export function parseCoAuthors(body: string, author?: GitIdentity): GitIdentity[] {
  // Most commits have no trailer: one case-insensitive search, no allocation.
  if (body.length < 16 || !/co-authored-by/i.test(body)) return [];
  const out: GitIdentity[] = [];
  const authorEmail = author?.email.trim().toLowerCase();
  CO_AUTHOR_TRAILER.lastIndex = 0;
  for (let m = CO_AUTHOR_TRAILER.exec(body); m !== null; m = CO_AUTHOR_TRAILER.exec(body)) {
    const name = m[1].replace(/^["']|["']$/g, '').trim();
    const email = m[2];
    if (name === '') continue;
    const key = email.toLowerCase();
    if (key === authorEmail || out.some((p) => p.email.toLowerCase() === key) || isBot({ name, email })) continue;
    out.push({ name, email });
  }
  return out;
}

const BOT_NAMES = 'dependabot|renovate|github-actions|copilot|greenkeeper|snyk-bot|pre-commit-ci|mergify|imgbot|allcontributors|semantic-release-bot';
/** A name: `[bot]` anywhere, ending in the word `bot` (`Build Bot`, not `Abbot`), or a well-known bot's. */
const BOT_NAME = new RegExp(`\\[bot\\]|\\bbot$|^(?:${BOT_NAMES})\\b`, 'i');
/** A lower-cased e-mail: `[bot]` anywhere, `noreply@`/`bot@…`, Renovate's, or a well-known bot's local part (after GitHub's `12345+`). */
const BOT_EMAIL = new RegExp(`\\[bot\\]|^(?:no-?reply|do-?not-?reply|bot)@|@renovateapp\\.com$|^(?:\\d+\\+)?(?:${BOT_NAMES})\\b`);

/**
 * True for automation rather than a person: `[bot]` in the name or e-mail
 * (`dependabot[bot]`, `…+github-actions[bot]@users.noreply.github.com`),
 * the well-known bot and assistant names (dependabot, renovate,
 * github-actions, copilot…), a name ending in the word `bot`, and
 * `noreply@…`/`no-reply@…`/`bot@…` addresses
 * (GitHub's web-flow `noreply@github.com`, AI assistants). A person's own
 * GitHub noreply address (`login@users.noreply.github.com`) is not a bot.
 */
export function isBot(identity: GitIdentity): boolean {
  // Two regular expressions, no splitting: this runs for every co-author of a long history.
  return BOT_NAME.test(identity.name.trim()) || BOT_EMAIL.test(identity.email.trim().toLowerCase());
}
