import { RecordIndex } from '../core/index/recordIndex';
import { isPersonProfileFile } from '../core/index/recordFile';
import { DEFAULT_SETTINGS } from '../core/index/recordFolders';
import { isIsoDate, notADate, today } from '../core/records/calendar';
import { buildInfluenceReport, influenceReportJson, mayTakeStatusDate } from '../core/influence/report';
import { renderInfluenceMarkdown } from '../core/influence/reportMarkdown';
import { basename, RecordFileSystem } from '../core/store/fileSystem';
import { permanentLinks, readLinkedFolder } from '../core/influence/reportLinks';
import { createGitExecutor } from '../core/git/gitExecutor';
import { discoverPullRequestDates, remotesGiveUrls } from '../core/pulls/prDiscovery';
import { scanStatusChanges, StartedStatusScan, statusChangeDates, statusFolderOf } from '../core/decisions/statusHistory';
import { filesMayLinkPullRequests, withCanonicalPullRequests } from '../core/pulls/recordsByPullRequest';
import { readRemotes } from '../core/pulls/remotes';
import { loadPeopleDirectory, readPeopleSources } from '../core/people/identities';
import { recordsWithCanonicalPeople } from '../core/people/canonicalPeople';
import { personKey } from '../core/people/personScope';
import { openRecordCache } from './recordCache';

export interface ReportCommandInput {
  fs: RecordFileSystem;
  root: string;
  /** The parsed `--name value` options. */
  options: ReadonlyMap<string, string>;
  /** The parsed flags: `--json` is `--format json`. */
  flags?: ReadonlySet<string>;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  /** The day reminders are worked out for; default today. */
  today?: string;
}

/** `lodestar report --from DATE --to DATE [--format md|json] [--person HANDLE]`: exit 0, or 2 on bad usage. */
export async function reportCommand(input: ReportCommandInput): Promise<number> {
  const { options, out, err } = input;
  const usage = (message: string): number => {
    err.write(
      `lodestar report: ${message}\nusage: lodestar report --from YYYY-MM-DD --to YYYY-MM-DD [--format md|json | --json] [--person HANDLE] [--root DIR]\n`,
    );
    return 2;
  };
  const from = options.get('from');
  const to = options.get('to');
  if (from === undefined || to === undefined) return usage(`--${from === undefined ? 'from' : 'to'} is required.`);
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ]) {
    if (!isIsoDate(value)) return usage(`${notADate(name, value)}.`);
  }
  if (from > to) return usage(`--from ${from} is after --to ${to}.`);
  const asJson = input.flags?.has('json') === true;
  if (asJson && options.has('format') && options.get('format') !== 'json') return usage(`--json and --format ${options.get('format')} ask for two formats.`);
  const format = asJson ? 'json' : (options.get('format') ?? 'md');
  if (format !== 'md' && format !== 'json') return usage(`--format is md or json (got "${format}").`);
  const person = options.get('person')?.trim();
  if (person !== undefined && (person === '' || /[\r\n]/.test(person))) return usage('--person is a handle on one line.');

  const index = new RecordIndex(input.fs, input.root, DEFAULT_SETTINGS);
  // `#12` and the URL of the same pull request are one pull request: resolved against the remotes (when git can read them).
  const git = createGitExecutor(input.root);
  const remotesRead = readRemotes(git).catch(() => []);
  // A PR linked only from a mentee's profile counts in the period it was merged in (found in history, offline, while the records are read).
  // Only those are dated, and only when they have a URL: when no profile can link one, or without a forge remote, the history is not read.
  let profilesChecked: (mayLink: Promise<boolean>) => void = () => undefined;
  const profilesMayLink = new Promise<boolean>((resolve) => (profilesChecked = resolve));
  const history = Promise.all([remotesRead, profilesMayLink]).then(([remotes, mayLink]) =>
    mayLink && remotesGiveUrls(remotes) ? discoverPullRequestDates(git, remotes).catch(() => undefined) : undefined,
  );
  // The mailmap, .git-coauthors and what the records can link to do not depend on the records: read while they are.
  const peopleSources = readPeopleSources(input.fs, input.root, { trusted: true, git });
  peopleSources.catch(() => undefined);
  const linkedFolder = format === 'md' ? remotesRead.then((remotes) => readLinkedFolder(git, input.root, basename(input.root), remotes)) : undefined;
  linkedFolder?.catch(() => undefined);
  const day = input.today ?? today();
  // The history of the folders decisions and design docs are in is read while the records are, from the first
  // record a status change could date into the period (one dated before it); when there is none it is not read.
  let statusFolders: string[] | undefined;
  let started: StartedStatusScan | undefined;
  const cache = openRecordCache(input.root);
  await index.build({
    cache,
    yieldEvery: 32,
    onFiles: (files) => {
      const profiles = files.filter((f) => isPersonProfileFile(f.path, f.folder)).map((f) => f.path);
      profilesChecked(filesMayLinkPullRequests(input.fs, profiles).catch(() => true));
      const folders = new Set<string>();
      for (const f of files) {
        const folder = f.folder.kind === 'decision' || f.folder.kind === 'design' ? statusFolderOf(input.root, f.path) : undefined;
        if (folder !== undefined) folders.add(folder);
      }
      if (folders.size > 0) statusFolders = [...folders].sort();
    },
    onRecord: (record) => {
      if (started || !statusFolders || !mayTakeStatusDate(record, from)) return;
      started = { folders: statusFolders, changes: scanStatusChanges(git, statusFolders, day) };
      started.changes.catch(() => undefined);
    },
  });
  cache?.save();
  const remotes = await remotesRead;
  // One person, one name: `dana`, `dana@example.com` and an old address in .mailmap all count as the handle `dana`.
  const people = await loadPeopleDirectory(index, input.fs, [], { trusted: true, git }, peopleSources);
  const records = recordsWithCanonicalPeople(withCanonicalPullRequests(index.records(), remotes), people);
  // Accepting or superseding an older record counts on the day its status changed (from git; today when not committed yet).
  const statusDates = started ? await statusChangeDates(git, input.root, records, day, started).catch(() => undefined) : undefined;
  const pullRequestDates = (await history) ?? new Map<string, string>();
  // `--person` names one person as the records do: a profile's address or GitHub login is its handle. Someone no
  // profile, .git-coauthors or record names gets an error, not an empty report that looks like no work.
  let scoped = person;
  if (person !== undefined) {
    const key = people.keyFor(person);
    const known = people.byHandleOrKey(key);
    if (known?.handle) scoped = known.handle;
    else if (
      !known &&
      !records.some((r) => r.people.some((p) => personKey(p) === personKey(key)) || (r.handle !== undefined && personKey(r.handle) === personKey(key)))
    ) {
      err.write(`lodestar report: --person ${person} names nobody in the people profiles, .git-coauthors or the records\n`);
      return 2;
    }
  }
  const report = buildInfluenceReport(records, { from, to, person: scoped, today: day, pullRequestDates, statusDates });
  if (format === 'json') out.write(`${JSON.stringify(influenceReportJson(report), null, 2)}\n`);
  else {
    // Permalinks to the records at a commit the remote has, when it is a forge; else paths relative to --root.
    const links = permanentLinks([await (linkedFolder ?? readLinkedFolder(git, input.root, basename(input.root), remotes))]);
    out.write(renderInfluenceMarkdown(report, { root: input.root, linkTo: links.linkTo, commitLink: links.commitLink, linkNote: links.note }));
  }
  return 0;
}
