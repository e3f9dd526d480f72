import { Severity } from '../records/record';

/** One kind of problem: its stable code, how bad it is unless `.lodestar.yml` says otherwise, what it means and how to fix it. */
export interface ProblemCode {
  code: string;
  severity: Severity;
  /** What the problem means, one sentence. */
  meaning: string;
  /** How to fix it, one sentence. */
  fix: string;
}

/**
 * Every problem Lodestar reports. The README's table of codes, the SARIF
 * rules and `.lodestar.yml` validation all come from this list; a unit test
 * keeps it, the README and the code that reports problems in step.
 */
export const PROBLEM_CODES: readonly ProblemCode[] = [
  {
    code: 'duplicate-number',
    severity: 'error',
    meaning: 'Two decision records in one folder share a number.',
    fix: 'Renumber one of them: `lodestar adr renumber FILE --next-free` (or the quick fix in VS Code).',
  },
  {
    code: 'number-on-other-branch',
    severity: 'error',
    meaning: "Another local or remote-tracking branch gives this record's number to a different record (with `--branches`, one of the branches named).",
    fix: 'Renumber the record on one branch before they meet: `lodestar adr renumber FILE --next-free`.',
  },
  {
    code: 'number-used-on-base',
    severity: 'error',
    meaning: 'A number this branch adds is already used on the `--base` branch by a different file (it merged while this branch was open).',
    fix: 'Renumber the new record: `lodestar adr renumber FILE --next-free`.',
  },
  {
    code: 'base-history-missing',
    severity: 'error',
    meaning: '`--base` could not be compared: the clone is shallow, the ref is not fetched, or it shares no history with this branch.',
    fix: 'Fetch the history: `fetch-depth: 0` in `actions/checkout`, or `git fetch --unshallow origin`.',
  },
  {
    code: 'broken-link',
    severity: 'error',
    meaning: 'A link to a record file that does not exist.',
    fix: "Point the link at the record's current file name, or remove it.",
  },
  {
    code: 'link-to-non-record',
    severity: 'warning',
    meaning:
      'A verb link (`Amends`, `Relates to`, a front-matter key) names a file that is not a decision record: a README, an index, a template, an image, a Markdown file outside the record folders.',
    fix: 'Point the link at the decision it means, or write it as a plain link in the text.',
  },
  {
    code: 'unknown-reference',
    severity: 'error',
    meaning: 'A textual reference such as `superseded by ADR-0042` names no record.',
    fix: 'Correct the number, or add the record it names.',
  },
  {
    code: 'one-sided-link',
    severity: 'error',
    meaning:
      "A says it supersedes B (or, adr-tools, amends, clarifies or extends B), but B does not say it back, where the dialect's own tool writes both files (a warning when a log4brains record says it is superseded by B and B does not say it supersedes it).",
    fix: 'Add the matching link to the other record (Supersede Decision Record… writes both).',
  },
  {
    code: 'malformed-front-matter',
    severity: 'error',
    meaning: 'The YAML front matter does not parse (alias bombs included).',
    fix: 'Correct the YAML between the `---` lines.',
  },
  {
    code: 'unclosed-front-matter',
    severity: 'error',
    meaning: '`---` followed by YAML but no closing `---` (a `---` rule followed by prose is not front matter).',
    fix: 'Add the closing `---` line.',
  },
  {
    code: 'unsupported-front-matter',
    severity: 'error',
    meaning: '`---js` or another front-matter language: never executed.',
    fix: 'Write the front matter as YAML.',
  },
  {
    code: 'binary-file',
    severity: 'error',
    meaning: 'NUL bytes in a `.md` file.',
    fix: 'Replace the file with Markdown text, or move it out of the record folder.',
  },
  {
    code: 'unreadable-file',
    severity: 'warning',
    meaning: 'The file could not be read (permissions, a vanished file).',
    fix: 'Make the file readable by the user running Lodestar.',
  },
  { code: 'invalid-utf8', severity: 'warning', meaning: 'The file is not UTF-8; it is shown with replacement characters.', fix: 'Re-save the file as UTF-8.' },
  { code: 'empty-file', severity: 'warning', meaning: 'An empty record file.', fix: 'Write the record, or delete the file.' },
  {
    code: 'file-too-large',
    severity: 'warning',
    meaning: 'Over 1 MB; only the first 64 KB are read.',
    fix: 'Move attachments out of the record and link to them.',
  },
  {
    code: 'symlink-loop',
    severity: 'warning',
    meaning: 'A symbolic link that loops or cannot be resolved.',
    fix: 'Remove the link or point it at a real file or folder.',
  },
  {
    code: 'unreadable-folder',
    severity: 'warning',
    meaning: 'A record folder could not be listed.',
    fix: 'Make the folder readable by the user running Lodestar.',
  },
  {
    code: 'unreadable-metadata',
    severity: 'warning',
    meaning:
      "A design proposal's `kep.yaml` could not be read: over 256 KB, not valid YAML, or not a mapping of fields; the proposal is listed from its README alone.",
    fix: 'Correct the YAML in `kep.yaml` (or make it smaller).',
  },
  {
    code: 'folder-config',
    severity: 'warning',
    meaning: '`.adr-dir`, `.log4brains.yml`, `adrs.toml` or `adr.config.json` names no folder or does not parse.',
    fix: 'Name an existing folder in the file, or delete the file.',
  },
  {
    code: 'unknown-activity-type',
    severity: 'warning',
    meaning: "An influence activity's `type` is not in the taxonomy (it is still counted, as neither leading nor managing).",
    fix: 'Use one of the documented types.',
  },
  { code: 'missing-activity-type', severity: 'warning', meaning: 'An influence activity without a `type`.', fix: 'Add `type:` to its front matter.' },
  {
    code: 'missing-date',
    severity: 'warning',
    meaning: 'An influence activity without a readable `date`.',
    fix: 'Add `date: YYYY-MM-DD` to its front matter.',
  },
  {
    code: 'duplicate-handle',
    severity: 'error',
    meaning: 'Two mentee profiles use the same handle (the second is left out of matching).',
    fix: 'Rename one of the handles.',
  },
  {
    code: 'duplicate-email',
    severity: 'warning',
    meaning: 'Two people claim the same e-mail or login; it stays with the first.',
    fix: 'Remove it from the profile it does not belong to.',
  },
  {
    code: 'malformed-git-coauthors',
    severity: 'warning',
    meaning: "`.git-coauthors` is not git-mob's JSON, or an entry lacks a name or an e-mail.",
    fix: 'Correct the JSON (`{"coauthors": {"ab": {"name": …, "email": …}}}`).',
  },
  {
    code: 'duplicate-person',
    severity: 'warning',
    meaning:
      "A session or activity names one person under two names (`dana` and `dana@example.com`, an old `.mailmap` address, the mentee's own address in their session's `with`); it is counted once.",
    fix: "Write the person's handle (or, without a profile, their address) once.",
  },
  {
    code: 'template-placeholder',
    severity: 'warning',
    meaning:
      "Text left from the folder's template or the dialect's standard one (adr-tools, MADR 2/3/4, log4brains); an error when the record is accepted and committed (git's `HEAD` has it, or there is no repository).",
    fix: "Replace the template text with the record's own, or delete it.",
  },
  {
    code: 'empty-section',
    severity: 'warning',
    meaning: 'A section the dialect requires (Context, Decision…) has no content.',
    fix: 'Write the section, or say why it does not apply.',
  },
  {
    code: 'missing-section',
    severity: 'warning',
    meaning:
      'A section the dialect requires is not there (Nygard: Status, Context, Decision, Consequences; MADR: Context and Problem Statement, Decision Outcome).',
    fix: 'Add the section.',
  },
  {
    code: 'title-number-mismatch',
    severity: 'warning',
    meaning: 'The number in the file name and the one in the `# N.` title differ.',
    fix: "Make the title's number match the file name (`lodestar adr renumber` keeps both in step).",
  },
  {
    code: 'stale-applies-to',
    severity: 'warning',
    meaning: 'An `applies-to` glob matches no file git tracks (the code moved, or a typo).',
    fix: 'Point the glob at where the code is now, or remove it.',
  },
  {
    code: 'governed-by-inactive',
    severity: 'warning',
    meaning: 'A superseded, deprecated or rejected record still governs files (by `applies-to`) that its successor does not.',
    fix: "Give the successor those globs, or take them out of the old record's `applies-to`.",
  },
  {
    code: 'invalid-applies-to',
    severity: 'warning',
    meaning: 'An `applies-to` glob is empty or leaves the repository (`..`).',
    fix: 'Write the glob relative to the repository root.',
  },
  {
    code: 'private-tracked-by-git',
    severity: 'warning',
    meaning:
      'A record marked `visibility: private` is tracked by git in the repository: everyone with the repository can read it (the Problems panel in VS Code has the same warning).',
    fix: 'Move it to your private notebook and remove it from git with `git rm --cached FILE`; it stays in the history until that is rewritten.',
  },
  {
    code: 'number-gap',
    severity: 'info',
    meaning: 'Numbers are skipped between two records of a folder.',
    fix: 'Nothing, when a record was withdrawn; otherwise check for a record that was lost or is on another branch.',
  },
];

const BY_CODE = new Map(PROBLEM_CODES.map((c) => [c.code, c]));

export function problemCode(code: string): ProblemCode | undefined {
  return BY_CODE.get(code);
}
