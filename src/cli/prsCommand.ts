import { countHistory } from '../core/git/commitHistory';
import { createGitExecutor } from '../core/git/gitExecutor';
import { relativeTo } from '../core/store/fileSystem';
import { DEFAULT_SETTINGS } from '../core/index/recordFolders';
import { RecordIndex } from '../core/index/recordIndex';
import { DiscoveredPullRequest, discoverPullRequests, Person, PullRequestSource, sinceProblem } from '../core/pulls/prDiscovery';
import { mayLinkPullRequests, PullRequestLinks } from '../core/pulls/recordsByPullRequest';
import { readRemotes } from '../core/pulls/remotes';
import { NodeFileSystem } from '../core/store/nodeFileSystem';
import { counted } from './counted';
import { MappedList, writeJson } from './jsonOutput';

/** The `lodestar prs --json` contract. */
export interface PrsJson {
  pullRequests: {
    number: number;
    url: string | null;
    title: string;
    mergedAt: string;
    mergeCommit: string;
    source: PullRequestSource;
    authors: Person[];
    coAuthors: Person[];
    /** Records whose `pullRequests` front matter names this PR, relative to the root with `/`. */
    linkedRecords: string[];
  }[];
}

export interface PrsCommandOptions {
  json: boolean;
  since?: string;
}

/**
 * `lodestar prs [--json] [--since DATE]`: every merged pull request in the
 * history of HEAD, found offline from merge and squash messages, with the
 * records linked to it. URLs come from the remotes (null without one);
 * credentials in remote URLs are never printed. Exit 0, or 2 on a bad date.
 */
export async function prsMain(root: string, options: PrsCommandOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  if (options.since !== undefined) {
    const problem = sinceProblem(options.since);
    if (problem) {
      err.write(`lodestar: ${problem}\n`);
      return 2;
    }
  }
  const git = createGitExecutor(root);
  // Files are read one at a time on this thread (less work than handing each read to the I/O threads), with a turn for the history's output every few files.
  const index = new RecordIndex(new NodeFileSystem({ blockingReads: true }), root, DEFAULT_SETTINGS);
  // Only records that can link a pull request are parsed; the remotes and the history are read meanwhile.
  const indexing = index.build({ keep: mayLinkPullRequests, yieldEvery: 32 });
  const remotesRead = readRemotes(git);
  // git prints only the commits that may name a pull request; the readable summary counts the whole history.
  const historyCount = options.json ? undefined : countHistory(git, options.since);
  const [discovery] = await Promise.all([discoverPullRequests(git, remotesRead, { since: options.since }), indexing]);
  const remotes = await remotesRead;
  if (discovery.unavailable) err.write(`lodestar: no git history read: ${discovery.unavailable}\n`);
  const links = new PullRequestLinks(index.records(), remotes);
  const print = (p: DiscoveredPullRequest): PrsJson['pullRequests'][number] => ({
    number: p.number,
    url: p.url,
    title: p.title,
    mergedAt: p.mergedAt,
    mergeCommit: p.mergeCommit,
    source: p.source,
    authors: p.authors,
    coAuthors: p.coAuthors,
    linkedRecords: links.recordsFor(p).map((r) => relativeTo(root, r.path)),
  });
  if (options.json) {
    // Printed as written: the pull requests are turned into their JSON a batch at a time.
    writeJson(out, { pullRequests: new MappedList(discovery.pullRequests, print) });
    return 0;
  }
  const json: PrsJson = { pullRequests: discovery.pullRequests.map(print) };
  const names = (people: Person[]): string => people.map((x) => x.name || x.email).join(', ');
  const count = json.pullRequests.length;
  const commits = (await historyCount) ?? discovery.commits;
  out.write(`${counted(count, 'merged pull request')}${options.since ? ` since ${options.since}` : ''} in ${counted(commits, 'commit')}\n`);
  for (const p of json.pullRequests) {
    const who = names(p.authors) + (p.coAuthors.length ? ` with ${names(p.coAuthors)}` : '');
    // GitLab numbers merge requests `!7`; everyone else `#7`.
    out.write(
      `  ${p.source === 'gitlab' ? '!' : '#'}${String(p.number).padEnd(6)} ${p.mergedAt.slice(0, 10)}  ${p.title}  (${who}; ${p.source} ${p.mergeCommit.slice(0, 12)})\n`,
    );
    if (p.url) out.write(`           ${p.url}\n`);
    for (const r of p.linkedRecords) out.write(`           linked: ${r}\n`);
  }
  return 0;
}
