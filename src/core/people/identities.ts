import { LodestarRecord, Problem, RecordsOfRoot } from '../records/record';
import { RecordFileSystem, basename, joinPath } from '../store/fileSystem';
import { GitIdentity } from './coAuthors';
import { Mailmap, MailmapSources, readMailmap } from './mailmap';

/**
 * Who is who: mentee profiles, the team's `.git-coauthors` file (git-mob's
 * format) and the identities git history shows, merged into one directory of
 * people. A git identity is first mapped through git's `.mailmap` (see
 * {@link Mailmap}), then matched by e-mail only (case-insensitive; GitHub
 * and GitLab noreply addresses by login), never by name alone, since names
 * are not unique. A profile's handle is the person's key everywhere; someone
 * with no profile is keyed by their canonical (mailmapped) address.
 */

export interface Person {
  /**
   * The key sessions and pairs use: the profile's handle for a mentee, else
   * the lower-cased canonical e-mail (mailmapped; a GitHub noreply address
   * without its numeric `ID+` prefix, so both forms of one login are one person).
   */
  key: string;
  /** Display name. */
  name: string;
  /** For mentees: the profile's file name without `.md`, the folder their sessions are in. */
  handle?: string;
  /** Lower-cased e-mails known for the person. */
  emails: string[];
  github?: string;
  gitlab?: string;
  /** git-mob initials from `.git-coauthors`. */
  initials: string[];
  /** Absolute path of the profile, for mentees. */
  profilePath?: string;
  source: 'profile' | 'git-coauthors' | 'git';
}

/** What a mentee profile says about who they are. */
export interface ProfileIdentity {
  path: string;
  /** Front matter `handle`, else the file name. */
  handle: string;
  /** The file name without `.md` (the session folder's name). */
  fileHandle: string;
  name: string;
  emails: string[];
  github?: string;
  gitlab?: string;
}

/** One `.git-coauthors` entry. */
export interface CoauthorsEntry {
  initials: string;
  name: string;
  email: string;
}

export const GIT_COAUTHORS_FILE = '.git-coauthors';

export function profileIdentity(record: LodestarRecord): ProfileIdentity {
  const fileHandle = record.handle ?? record.people[0] ?? '';
  return {
    path: record.path,
    handle: record.people[0] ?? fileHandle,
    fileHandle,
    name: record.title,
    emails: record.emails ?? [],
    github: record.github,
    gitlab: record.gitlab,
  };
}

/**
 * Reads git-mob's `{"coauthors": {"<initials>": {"name": "…", "email": "…"}}}`.
 * Entries without a name or a valid e-mail are skipped with a warning; a file
 * that is not that JSON gives one problem and no entries.
 */
export function parseGitCoauthors(text: string, path: string): { entries: CoauthorsEntry[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const problem = (message: string): void => {
    problems.push({ path, line: 1, severity: 'warning', code: 'malformed-git-coauthors', message });
  };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    problem(`${GIT_COAUTHORS_FILE} is not valid JSON (${(e as Error).message}); it is not used.`);
    return { entries: [], problems };
  }
  const coauthors = isObject(data) ? data.coauthors : undefined;
  if (!isObject(coauthors)) {
    problem(`${GIT_COAUTHORS_FILE} has no "coauthors" object; it is not used.`);
    return { entries: [], problems };
  }
  const entries: CoauthorsEntry[] = [];
  for (const initials of Object.keys(coauthors)) {
    const entry = coauthors[initials];
    const name = isObject(entry) && typeof entry.name === 'string' ? entry.name.trim() : '';
    const email = isObject(entry) && typeof entry.email === 'string' ? entry.email.trim() : '';
    if (name === '' || !isEmail(email)) {
      problem(`${GIT_COAUTHORS_FILE}: "${initials}" needs a name and an e-mail; it is skipped.`);
      continue;
    }
    entries.push({ initials, name, email });
  }
  return { entries, problems };
}

/** The root's `.git-coauthors`, or no entries when there is none. */
export async function readGitCoauthors(fs: RecordFileSystem, root: string): Promise<{ entries: CoauthorsEntry[]; problems: Problem[] }> {
  const path = joinPath(root, GIT_COAUTHORS_FILE);
  const st = await fs.stat(path);
  if (!st || st.size > 1024 * 1024) return { entries: [], problems: [] };
  let text: string;
  try {
    text = new TextDecoder('utf-8').decode(await fs.readFile(path));
  } catch {
    return { entries: [], problems: [] };
  }
  return parseGitCoauthors(text, path);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isEmail(s: string): boolean {
  return /^[^\s<>@]+@[^\s<>@]+$/.test(s);
}

/** The login of a GitHub noreply address (`ID+login@…` or `login@…`), lower-cased. */
export function githubNoreplyLogin(email: string): string | undefined {
  return /^(?:\d+\+)?([^@+\s]+)@users\.noreply\.github\.com$/i.exec(email.trim())?.[1].toLowerCase();
}

/** The login of a GitLab noreply address (`ID-login@users.noreply.gitlab.com`), lower-cased. */
export function gitlabNoreplyLogin(email: string): string | undefined {
  return /^(?:\d+-)?([^@\s]+)@users\.noreply\.gitlab\.com$/i.exec(email.trim())?.[1].toLowerCase();
}

/** The key of an e-mail nobody's profile claims: lower-cased, GitHub noreply without `ID+`. */
export function emailKey(email: string): string {
  const login = githubNoreplyLogin(email);
  return login ? `${login}@users.noreply.github.com` : email.trim().toLowerCase();
}

/**
 * The directory. Built once from profiles and `.git-coauthors`; identities
 * met in git history that match nobody are added as they are resolved.
 */
export class PeopleDirectory {
  readonly problems: Problem[] = [];
  private readonly list: Person[] = [];
  private readonly byEmail = new Map<string, Person>();
  private readonly byGithub = new Map<string, Person>();
  private readonly byGitlab = new Map<string, Person>();
  /** Lower-cased handles, file handles and keys. */
  private readonly byHandle = new Map<string, Person>();
  private readonly mailmap: Mailmap;
  /** {@link keyFor}'s answers, forgotten when {@link resolve} adds a person. */
  private readonly keys = new Map<string, string>();

  /**
   * Profiles are taken in path order. A second profile with a handle already
   * taken (case-insensitive) is reported (`duplicate-handle`, an error) and
   * left out, so nothing is matched to the wrong person. An e-mail or login
   * two profiles claim stays with the first (`duplicate-email`, a warning).
   * A `.git-coauthors` entry joins the profile that has its e-mail, else the
   * one profile with exactly its name (the file is the team's own curated
   * list, so its names are deliberate); else it is a person of its own.
   */
  constructor(
    profiles: readonly ProfileIdentity[],
    coauthors: readonly CoauthorsEntry[] = [],
    problems: readonly Problem[] = [],
    mailmap: Mailmap = new Mailmap(),
  ) {
    this.mailmap = mailmap;
    this.problems.push(...problems);
    const sorted = [...profiles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const p of sorted) this.addProfile(p);
    for (const entry of coauthors) this.addCoauthor(entry);
  }

  private addProfile(p: ProfileIdentity): void {
    const handle = p.handle.trim();
    if (handle === '') return;
    const taken = this.byHandle.get(handle.toLowerCase()) ?? this.byHandle.get(p.fileHandle.toLowerCase());
    if (taken) {
      this.problems.push({
        path: p.path,
        line: 1,
        severity: 'error',
        code: 'duplicate-handle',
        message: `The handle "${handle}" is already used by ${taken.profilePath ? basename(taken.profilePath) : taken.key}; this profile is left out of matching until one of them is renamed.`,
      });
      return;
    }
    const person: Person = {
      key: handle,
      name: p.name || handle,
      handle: p.fileHandle || handle,
      emails: [],
      initials: [],
      profilePath: p.path,
      source: 'profile',
    };
    this.list.push(person);
    this.byHandle.set(handle.toLowerCase(), person);
    if (p.fileHandle) this.byHandle.set(p.fileHandle.toLowerCase(), person);
    const claim = (map: Map<string, Person>, value: string, what: string): boolean => {
      const other = map.get(value);
      if (other && other !== person) {
        this.problems.push({
          path: p.path,
          line: 1,
          severity: 'warning',
          code: 'duplicate-email',
          message: `The ${what} "${value}" is also claimed by ${other.key}; it stays with ${other.key}.`,
        });
        return false;
      }
      map.set(value, person);
      return true;
    };
    for (const raw of p.emails) {
      const email = raw.trim().toLowerCase();
      if (isEmail(email) && !person.emails.includes(email) && claim(this.byEmail, email, 'e-mail')) {
        person.emails.push(email);
        // The address git shows for this one (`.mailmap`) is the same person.
        const canonical = this.mailmap.mapEmail(email).trim().toLowerCase();
        if (canonical !== email && isEmail(canonical) && !this.byEmail.has(canonical)) {
          this.byEmail.set(canonical, person);
          person.emails.push(canonical);
        }
      }
    }
    if (p.github && claim(this.byGithub, p.github.toLowerCase(), 'GitHub login')) person.github = p.github;
    if (p.gitlab && claim(this.byGitlab, p.gitlab.toLowerCase(), 'GitLab login')) person.gitlab = p.gitlab;
  }

  private addCoauthor(entry: CoauthorsEntry): void {
    const mapped = this.mailmap.map({ name: entry.name, email: entry.email });
    const email = mapped.email.trim().toLowerCase();
    let person = this.match(entry.email, entry.name);
    if (!person) {
      const sameName = this.list.filter((p) => p.source === 'profile' && p.name.toLowerCase() === entry.name.toLowerCase());
      if (sameName.length === 1) person = sameName[0];
    }
    if (!person) {
      person = { key: emailKey(email), name: mapped.name.trim() || entry.name, emails: [], initials: [], source: 'git-coauthors' };
      this.list.push(person);
    }
    for (const address of new Set([entry.email.trim().toLowerCase(), email])) {
      if (!person.emails.includes(address) && !this.byEmail.has(address)) {
        person.emails.push(address);
        this.byEmail.set(address, person);
      }
    }
    if (!this.byEmail.has(emailKey(email))) this.byEmail.set(emailKey(email), person);
    if (!person.initials.includes(entry.initials)) person.initials.push(entry.initials);
  }

  /**
   * The known person with this e-mail (the name picks `.mailmap` lines that
   * match on name too): by the mailmapped address, then the address as
   * given, then a GitHub or GitLab noreply login; or undefined.
   */
  match(email: string, name = ''): Person | undefined {
    const canonical = this.mailmap.map({ name, email }).email.trim().toLowerCase();
    const lower = email.trim().toLowerCase();
    for (const address of canonical === lower ? [lower] : [canonical, lower]) {
      const direct = this.byEmail.get(address);
      if (direct) return direct;
      const github = githubNoreplyLogin(address);
      const byLogin = github ? (this.byGithub.get(github) ?? this.byEmail.get(emailKey(address))) : undefined;
      if (byLogin) return byLogin;
      const gitlab = gitlabNoreplyLogin(address);
      if (gitlab && this.byGitlab.get(gitlab)) return this.byGitlab.get(gitlab);
    }
    return undefined;
  }

  /**
   * The person behind a git identity; one nobody knows is added, keyed by
   * their canonical (mailmapped) e-mail, with the name `.mailmap` gives (else this one).
   */
  resolve(identity: GitIdentity): Person {
    const known = this.match(identity.email, identity.name);
    if (known) return known;
    const mapped = this.mailmap.map(identity);
    const key = emailKey(mapped.email);
    const emails = [...new Set([mapped.email.trim().toLowerCase(), identity.email.trim().toLowerCase(), key])];
    const person: Person = { key, name: mapped.name.trim() || key, emails, initials: [], source: 'git' };
    this.list.push(person);
    for (const e of person.emails) if (!this.byEmail.has(e)) this.byEmail.set(e, person);
    this.keys.clear();
    return person;
  }

  /** The person's key for an address nobody's profile or `.git-coauthors` claims: the canonical address. */
  private addressKey(email: string, name = ''): string {
    return this.match(email, name)?.key ?? emailKey(this.mailmap.map({ name, email }).email);
  }

  /** A mentee by handle, profile file name or key (case-insensitive, a leading `@` ignored). */
  byHandleOrKey(ref: string): Person | undefined {
    const lower = ref.trim().replace(/^@/, '').toLowerCase();
    return this.byHandle.get(lower) ?? this.list.find((p) => p.key.toLowerCase() === lower);
  }

  /**
   * The person key for a name written in a record's `with`: a handle (or a
   * GitHub login of a profile), `.git-coauthors` initials, an e-mail,
   * `Name <email>`, the name of exactly one person of a profile or
   * `.git-coauthors`, or a word that is the local part of exactly one such
   * person's address (`dana` for `dana@example.com` in `.git-coauthors`).
   * Anything else is kept as written, so a logged session never loses a partner.
   */
  keyFor(ref: string): string {
    // Records name the same few people thousands of times: each name is worked out once (until someone is added).
    let key = this.keys.get(ref);
    if (key === undefined) this.keys.set(ref, (key = this.findKey(ref)));
    return key;
  }

  private findKey(ref: string): string {
    const text = ref.trim();
    const angle = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(text);
    if (angle) return this.addressKey(angle[2], angle[1].replace(/^["']|["']$/g, '').trim());
    if (isEmail(text)) return this.addressKey(text);
    const login = text.replace(/^@/, '').toLowerCase();
    const known = this.byHandleOrKey(text) ?? this.byGithub.get(login) ?? this.byInitials(login);
    if (known) return known.key;
    // Only the curated sources: matching people met in history would depend on what was scanned first.
    const named = this.list.filter((p) => p.source !== 'git' && p.name.toLowerCase() === text.toLowerCase());
    if (named.length === 1) return named[0].key;
    // A handle-like word for someone with no profile (`dana`): the one curated person whose address it begins.
    if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(login)) {
      const byLocal = this.list.filter((p) => p.source !== 'git' && p.emails.some((e) => e.slice(0, e.indexOf('@')) === login));
      if (byLocal.length === 1) return byLocal[0].key;
    }
    return text;
  }

  /** The one person whose `.git-coauthors` initials these are (git-mob's short names, as teams write them in `with`). */
  private byInitials(lower: string): Person | undefined {
    const found = this.list.filter((p) => p.initials.some((i) => i.toLowerCase() === lower));
    return found.length === 1 ? found[0] : undefined;
  }

  /** Everyone, profiles first (in path order), then `.git-coauthors`, then people met in git. */
  people(): readonly Person[] {
    return this.list;
  }

  /** The display name of a key, or the key itself. */
  nameOf(key: string): string {
    return this.list.find((p) => p.key === key)?.name ?? key;
  }
}

/** What a people directory takes besides profiles: the root's `.git-coauthors` and the repository's mailmap. */
export interface PeopleSources {
  coauthors: { entries: CoauthorsEntry[]; problems: Problem[] };
  mailmap: Mailmap;
}

/** Reads {@link PeopleSources} (they do not depend on the records: a caller may start this while its index is built). */
export async function readPeopleSources(fs: RecordFileSystem, root: string, sources: MailmapSources): Promise<PeopleSources> {
  const [coauthors, mailmap] = await Promise.all([readGitCoauthors(fs, root), readMailmap(fs, root, sources)]);
  return { coauthors, mailmap };
}

/**
 * The directory for an index's mentee profiles, the root's `.git-coauthors`
 * and the repository's `.mailmap` (with git's `mailmap.file`/`mailmap.blob`
 * only when `sources.trusted`).
 */
export async function loadPeopleDirectory(
  index: RecordsOfRoot,
  fs: RecordFileSystem,
  extraProfiles: readonly LodestarRecord[] = [],
  sources: MailmapSources = { trusted: false },
  read: Promise<PeopleSources> = readPeopleSources(fs, index.root, sources),
): Promise<PeopleDirectory> {
  const { coauthors, mailmap } = await read;
  const profiles = [...index.records('person'), ...extraProfiles].map(profileIdentity);
  return new PeopleDirectory(profiles, coauthors.entries, coauthors.problems, mailmap);
}
