import { branchNumberProblems } from '../core/decisions/claimedNumbers';
import { createGitExecutor } from '../core/git/gitExecutor';
import { repositoryGovernanceProblems } from '../core/governance/governanceLint';
import { buildIndexReport, formatProblem } from '../core/index/indexReport';
import { DEFAULT_SETTINGS } from '../core/index/recordFolders';
import { RecordIndex } from '../core/index/recordIndex';
import { loadPeopleDirectory } from '../core/people/identities';
import type { CommandContext } from './command';

/** `lodestar lint [--json]`: problems, one per line; exit 1 when any is an error. */
export async function lintCommand(c: CommandContext): Promise<number> {
  const index = new RecordIndex(c.fs, c.root, DEFAULT_SETTINGS);
  await index.build();
  const decisionFolders = index.folders.filter((f) => f.kind === 'decision').map((f) => f.path);
  const branchProblems = await branchNumberProblems(index.records('decision'), decisionFolders, (folder) => createGitExecutor(folder));
  // Two mentees with one handle, a broken .git-coauthors: problems of the people directory too.
  const people = await loadPeopleDirectory(index, c.fs);
  const governance = await repositoryGovernanceProblems(index, createGitExecutor(c.root));
  const report = buildIndexReport(index, [...branchProblems, ...people.problems, ...governance]);
  if (c.flags.has('json')) c.out.write(`${JSON.stringify({ problems: report.problems }, null, 2)}\n`);
  else for (const p of report.problems) c.out.write(`${formatProblem(p)}\n`);
  return report.problems.some((p) => p.severity === 'error') ? 1 : 0;
}
