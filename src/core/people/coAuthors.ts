/**
 * `Co-authored-by: Name <email>` trailers, as GitHub and GitLab write and
 * credit them. Pure functions over a commit message body.
 */

export interface GitIdentity {
  name: string;
  email: string;
}

/** `co-authored-by` in any case, spaces tolerated around the key and the colon. */
const TRAILER = /^[ \t]*co-authored-by[ \t]*:[ \t]*(.*?)[ \t]*$/i;
/** `Name <email>`: a name, then one e-mail address in angle brackets, nothing after it. */
const NAME_EMAIL = /^(.*?)[ \t]*<[ \t]*([^<>\s@]+@[^<>\s@]+)[ \t]*>$/;

/**
 * The co-authors a commit body credits, in the order written.
 *
 * - A trailer is any line starting with the key, case-insensitively (squash
 *   merges put them after the PR's own text, not always in the last
 *   paragraph, and forges credit them there too).
 * - Malformed trailers are skipped: no e-mail (`Co-authored-by: Sam`), no
 *   name (`Co-authored-by: <sam@x>`), an empty value, text around the
 *   brackets. GitHub does not credit these either, and a name alone would
 *   make a person no e-mail or profile can ever be matched to.
 * - The same e-mail twice (any case) counts once; the first name is kept.
 * - The commit's author listed as their own co-author is ignored.
 * - Bots (see {@link isBot}) are ignored: they do not pair.
 */
export function parseCoAuthors(body: string, author?: GitIdentity): GitIdentity[] {
  if (!/co-authored-by/i.test(body)) return [];
  const seen = new Set<string>();
  if (author) seen.add(author.email.trim().toLowerCase());
  const out: GitIdentity[] = [];
  for (const line of body.split('\n')) {
    const trailer = TRAILER.exec(line.replace(/\r$/, ''));
    if (!trailer) continue;
    const parsed = NAME_EMAIL.exec(trailer[1]);
    if (!parsed) continue;
    const name = parsed[1].replace(/^["']|["']$/g, '').trim();
    const email = parsed[2];
    if (name === '') continue;
    const key = email.toLowerCase();
    if (seen.has(key) || isBot({ name, email })) continue;
    seen.add(key);
    out.push({ name, email });
  }
  return out;
}

const BOT_NAMES = /^(dependabot|renovate|github-actions|copilot|greenkeeper|snyk-bot|pre-commit-ci|mergify|imgbot|allcontributors|semantic-release-bot)(\b|$)/i;

/**
 * True for automation rather than a person: `[bot]` in the name or e-mail
 * (`dependabot[bot]`, `…+github-actions[bot]@users.noreply.github.com`),
 * the well-known bot and assistant names (dependabot, renovate,
 * github-actions, copilot…), and `noreply@…`/`no-reply@…` addresses
 * (GitHub's web-flow `noreply@github.com`, AI assistants). A person's own
 * GitHub noreply address (`login@users.noreply.github.com`) is not a bot.
 */
export function isBot(identity: GitIdentity): boolean {
  const name = identity.name.trim();
  const email = identity.email.trim().toLowerCase();
  if (/\[bot\]/i.test(name) || email.includes('[bot]')) return true;
  if (/^(no-?reply|do-?not-?reply)@/.test(email)) return true;
  const local = email.split('@')[0].replace(/^\d+\+/, '');
  return BOT_NAMES.test(name) || BOT_NAMES.test(local) || /@renovateapp\.com$/.test(email);
}
