/** The record model every view, command and CLI output is built from. */

export type RecordKind = 'decision' | 'design' | 'person' | 'session' | 'activity';

export type DecisionDialect = 'nygard' | 'madr2' | 'madr3' | 'madr4' | 'log4brains' | 'plain';
export type Dialect = DecisionDialect | 'front-matter';

export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  /** Absolute path of the file (relative in CLI output). */
  path: string;
  /** 1-based line. */
  line: number;
  /** 1-based column of what the problem is about, when it is one value on the line (a list item, a glob). */
  column?: number;
  severity: Severity;
  code: string;
  message: string;
}

export interface RecordLink {
  /** Lower-case verb, e.g. `supersedes`, `superseded-by`, `amends`, `decision`, `mentee`. */
  kind: string;
  /** Absolute path of the linked file, a handle, or the raw reference when unresolved. */
  target: string;
  /** The label as written (`3. Use Kafka`). */
  label?: string;
  /** 1-based line the link is written on, when known. */
  line?: number;
  /**
   * Where it is written, when not a plain verb line: a front-matter key, a plain link in the body, a body link to a
   * record's published page (`012-x.html`, read as `012-x.md`) or a wiki link in the body (`[[0012-x]]`), or a verb
   * line's wiki link (`wiki`: `Superseded by [[0012-x]]`), or a proposal's metadata file beside it (`metadata`: a
   * kep.yaml's `replaces`, `superseded-by`, `see-also`). For a page, a wiki link or a metadata path, no record there is
   * no broken link (it is no link at all).
   */
  via?: 'front-matter' | 'body' | 'page' | 'wiki' | 'metadata';
  /** Derived by the index: the reverse of a link another record makes to this one. */
  reverse?: boolean;
}

export interface LodestarRecord {
  kind: RecordKind;
  /** Absolute path of the Markdown file. */
  path: string;
  /** The folder the record was found under (a decision folder, the mentoring folder…). */
  folder: string;
  number: number | null;
  title: string;
  /** Lower-case status as written (`accepted`, `in-review`, `superseded`…), or null. */
  status: string | null;
  /** ISO date `YYYY-MM-DD` when one could be read. */
  date: string | null;
  dialect: Dialect;
  links: RecordLink[];
  pullRequests: string[];
  private: boolean;
  /** Tags (front matter `tags`, or a log4brains `- Tags:` line), lower-case, each once, in the order written. */
  tags?: string[];
  /** People: decision-makers/deciders, authors, `with`… (not part of the CLI contract). */
  people: string[];
  /** For people and sessions: the mentee handle. */
  handle?: string;
  /** For sessions whose people were resolved to one identity each (core/people/canonicalPeople): the mentee's person key. */
  menteeKey?: string;
  /** For sessions and notes: `pairing`, `one-on-one`… */
  sessionKind?: string;
  /** For people: their goals. */
  goals?: string[];
  /** For people: git e-mails (front matter `emails`), to match authors and co-authors. */
  emails?: string[];
  /** For people: forge logins (front matter `github`, `gitlab`), without a leading `@`. */
  github?: string;
  gitlab?: string;
  /** For sessions: the commits it covers (front matter `commits`), as written. */
  commits?: string[];
  /** For activities: the influence type, lower-case as written (`design-review`…; see core/activities/taxonomy). */
  activityType?: string;
  /** For activities: a `date` written in front matter that is no readable day (`2026-13-45`), as written. */
  unreadableDate?: string;
  /** For activities: what came of it (front matter `outcome`). */
  outcome?: string;
  /** For activities and sessions: minutes spent (front matter `duration`), when readable. */
  durationMinutes?: number;
  /** For sessions: the influence activity it belongs to (front matter `activity`), as written. */
  activity?: string;
  /** For decisions: people `consulted` (MADR 3/4). */
  consulted?: string[];
  /** For design docs: front matter `authors`, `reviewers` and `approvers`, each when written (all of them are also in `people`). */
  authors?: string[];
  reviewers?: string[];
  approvers?: string[];
  /** For decisions: the `review-by` date, `YYYY-MM-DD`. */
  reviewBy?: string;
  /** For people: how often they meet (front matter `cadence`: `weekly`, `2w`, `14`…), as written. */
  cadence?: string;
  /** For decisions and design docs: the `applies-to` globs as written (relative to the repository root, `!` excludes). */
  appliesTo?: string[];
  /** 1-based line of the `applies-to` key, for diagnostics. */
  appliesToLine?: number;
  /** 1-based line of the title, for diagnostics and reveal. */
  titleLine: number;
}

/** The records found under one root, by kind: what code beneath the index (people, pairing) reads from it. */
export interface RecordsOfRoot {
  readonly root: string;
  records(kind?: RecordKind): LodestarRecord[];
}
