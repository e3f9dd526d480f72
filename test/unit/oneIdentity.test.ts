import * as assert from 'assert';
import * as fs from 'fs';
import { createGitExecutor } from '../../src/core/git/gitExecutor';
import { DEFAULT_SETTINGS } from '../../src/core/index/recordFolders';
import { RecordIndex } from '../../src/core/index/recordIndex';
import { buildInfluenceReport } from '../../src/core/influence/report';
import { canonicalPeople, duplicatePeopleProblems, peopleToWrite, recordsWithCanonicalPeople } from '../../src/core/people/canonicalPeople';
import { loadPeopleDirectory } from '../../src/core/people/identities';
import { buildPairingReport } from '../../src/core/people/pairing';
import { buildPairingMatrix, pairingMatrixHtml } from '../../src/core/people/pairingMatrix';
import { NodeFileSystem } from '../../src/core/store/nodeFileSystem';
import { git } from '../fixtures/gitRepo';
import { buildTeamRepo } from '../fixtures/teamRepo';
import { buildSingleRootWorkspace, SINGLE_ROOT_INFLUENCE } from '../fixtures/workspaces';
import { makeTempDir } from '../fixtures/gitRepo';
import { runCli } from './cliInProcess';

const nodeFs = new NodeFileSystem();

async function indexOfRepo(root: string): Promise<RecordIndex> {
  const index = new RecordIndex(nodeFs, root, DEFAULT_SETTINGS);
  await index.build();
  return index;
}

describe('one identity per person', () => {
  it('every address of a person — profile e-mails, .git-coauthors, .mailmap (old, laptop, name-and-e-mail lines) — resolves to their handle', async () => {
    const { root } = buildTeamRepo();
    const index = await indexOfRepo(root);
    const dir = await loadPeopleDirectory(index, nodeFs, [], { trusted: true, git: createGitExecutor(root) });
    const keys = [
      { name: 'Dana Lead', email: 'dana@example.com' },
      { name: 'Dana', email: 'Dana@Old-Corp.example' },
      { name: 'x', email: 'dlead@laptop.local' },
      { name: 'Alice', email: 'alice@home.example' },
      { name: 'alice', email: 'SHARED@build.example' },
      { name: 'Sam', email: 'sam.staff@contractor.example' },
      { name: 'Sam Staff', email: 'sam@example.com' },
    ].map((i) => dir.resolve(i).key);
    assert.deepStrictEqual(keys, ['dana', 'dana', 'dana', 'alice', 'alice', 'sam@example.com', 'sam@example.com']);
    // The shared build address is Alice only under her name (a name-and-e-mail line); anyone else keeps it.
    assert.strictEqual(dir.resolve({ name: 'CI Runner', email: 'shared@build.example' }).key, 'shared@build.example');
    // The names records write: initials, addresses, Name <address>, the handle in another case.
    assert.deepStrictEqual(
      ['dl', 'ss', 'DANA', 'dana@old-corp.example', 'Dana Lead <DLead@Laptop.local>', 'Sam Staff', 'sam.staff@contractor.example', 'kim@example.org'].map((r) =>
        dir.keyFor(r),
      ),
      ['dana', 'sam@example.com', 'dana', 'dana', 'dana', 'sam@example.com', 'sam@example.com', 'kim@example.org'],
    );
    assert.strictEqual(dir.nameOf('sam@example.com'), 'Sam Staff');
    // A bare word that begins exactly one curated address is that person; two candidates or people only met in git: as written.
    assert.strictEqual(dir.keyFor('sam'), 'sam@example.com');
    assert.strictEqual(dir.keyFor('kim'), 'kim');
    assert.deepStrictEqual(canonicalPeople(['dana', 'dana@example.com', '@alice', 'alice@home.example', 'Someone New'], dir), ['dana', 'alice', 'Someone New']);
    // What a new activity writes: handles for profiles, others as typed, each person once.
    assert.deepStrictEqual(peopleToWrite(['dana@old-corp.example', 'ae', 'Sam Staff', 'sam@example.com', 'Someone New'], dir), [
      'dana',
      'alice',
      'Sam Staff',
      'Someone New',
    ]);
  });

  it('without trust git’s mailmap config is not read, but the repository’s .mailmap is', async () => {
    const { root } = buildTeamRepo();
    git(root, ['config', 'mailmap.file', '.config-mailmap']);
    fs.writeFileSync(`${root}/.config-mailmap`, 'Kim Ops <kim@example.org> <kim@personal.example>\n');
    const index = await indexOfRepo(root);
    const untrusted = await loadPeopleDirectory(index, nodeFs, [], { trusted: false, git: createGitExecutor(root) });
    const trusted = await loadPeopleDirectory(index, nodeFs, [], { trusted: true, git: createGitExecutor(root) });
    assert.strictEqual(untrusted.keyFor('dana@old-corp.example'), 'dana');
    assert.strictEqual(untrusted.keyFor('kim@personal.example'), 'kim@personal.example');
    assert.strictEqual(trusted.keyFor('kim@personal.example'), 'kim@example.org');
  });

  it('pairing --json: handles for people with a profile, the canonical address for others, bots left out, one pair per two people', async () => {
    const { root, commits } = buildTeamRepo();
    const r = await runCli(['pairing', '--json', '--root', root]);
    assert.strictEqual(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as {
      sessions: { date: string; people: string[]; source: string; commit: string | null; path: string | null }[];
      pairs: { people: string[]; count: number }[];
    };
    assert.deepStrictEqual(Object.keys(json), ['sessions', 'pairs']);
    assert.deepStrictEqual(
      json.sessions.map((s) => [s.date, s.source, s.people, s.commit ?? s.path]),
      [
        ['2026-03-07', 'co-authored', ['kim@personal.example', 'sam@example.com'], commits['Page on settlement lag']],
        ['2026-03-05', 'co-authored', ['kim@example.org', 'dana'], commits['Fix the settlement job']],
        ['2026-03-04', 'co-authored', ['sam@example.com', 'dana'], commits['Tune the pool']],
        ['2026-03-03', 'co-authored', ['alice', 'sam@example.com'], commits['Build the ledger image']],
        ['2026-03-02', 'co-authored', ['dana', 'alice'], commits['Retry the poller']],
        // Written by an earlier version as `with: [dana, dana@example.com]`: one Dana.
        ['2026-03-01', 'logged', ['alice', 'dana'], 'docs/mentoring/alice/2026-03-01-pairing.md'],
      ],
    );
    assert.deepStrictEqual(json.pairs, [
      { people: ['alice', 'dana'], count: 2 },
      { people: ['alice', 'sam@example.com'], count: 1 },
      { people: ['dana', 'kim@example.org'], count: 1 },
      { people: ['dana', 'sam@example.com'], count: 1 },
      { people: ['kim@personal.example', 'sam@example.com'], count: 1 },
    ]);
    // Nobody appears under two names: every key is a handle or an address git's mailmap would show.
    const mapped = new Set(
      git(root, ['log', '--format=%aE'])
        .trim()
        .split('\n')
        .map((e) => e.toLowerCase()),
    );
    for (const key of new Set(json.sessions.flatMap((s) => s.people)))
      assert.ok(['dana', 'alice'].includes(key) || mapped.has(key) || key === 'sam@example.com', key);
  });

  it('lint names each file that writes one person twice (duplicate-person), and what to write', async () => {
    const { root } = buildTeamRepo();
    const r = await runCli(['lint', '--root', root]);
    assert.strictEqual(r.code, 0, r.stdout);
    const lines = r.stdout.split('\n').filter((l) => l.includes('duplicate-person'));
    assert.deepStrictEqual(lines, [
      // At the second name written for Dana (line:column), the one to remove.
      'docs/influence/2026/2026-03-06-pairing-on-the-ledger.md:5:16: warning duplicate-person "dana" and "Dana Lead <dana@old-corp.example>" are one person, Dana Lead (dana); they are counted once. Write "dana" once in "people".',
      'docs/mentoring/alice/2026-03-01-pairing.md:4:14: warning duplicate-person "dana" and "dana@example.com" are one person, Dana Lead (dana); they are counted once. Write "dana" once in "with".',
    ]);
    const json = JSON.parse((await runCli(['lint', '--json', '--root', root])).stdout) as { problems: { code: string; path: string }[] };
    assert.deepStrictEqual(
      json.problems
        .filter((p) => p.code === 'duplicate-person')
        .map((p) => p.path)
        .sort(),
      ['docs/influence/2026/2026-03-06-pairing-on-the-ledger.md', 'docs/mentoring/alice/2026-03-01-pairing.md'],
    );
  });

  it('a session in a person’s own folder `with` their own address is reported as such', async () => {
    const { root } = buildTeamRepo();
    const index = await indexOfRepo(root);
    const dir = await loadPeopleDirectory(index, nodeFs, [], { trusted: true, git: createGitExecutor(root) });
    const session = { ...index.records('session')[0], handle: 'dana', people: ['DLead@Laptop.local', 'alice'] };
    const [problem] = duplicatePeopleProblems([session], dir);
    assert.strictEqual(problem.code, 'duplicate-person');
    assert.match(problem.message, /^"dana" and "DLead@Laptop\.local" are one person, Dana Lead \(dana\), whose folder this session is in/);
  });

  it('the report and dashboard count one person once: the pairing activity and session merge Dana’s names into `dana`', async () => {
    const { root } = buildTeamRepo();
    const index = await indexOfRepo(root);
    const dir = await loadPeopleDirectory(index, nodeFs, [], { trusted: true, git: createGitExecutor(root) });
    const raw = buildInfluenceReport(index.records(), { from: '2026-03-01', to: '2026-03-31', today: '2026-03-31' });
    const merged = buildInfluenceReport(recordsWithCanonicalPeople(index.records(), dir), { from: '2026-03-01', to: '2026-03-31', today: '2026-03-31' });
    // As written, the activity makes three people of Dana and Alice; merged, one pair counted twice.
    assert.ok(raw.pairs.length > 1, JSON.stringify(raw.pairs));
    assert.deepStrictEqual(merged.pairs, [{ people: ['alice', 'dana'], count: 2 }]);
    assert.deepStrictEqual(merged.activities.find((a) => a.origin === 'activity')?.people, ['dana', 'alice']);
    const md = await runCli(['report', '--from', '2026-03-01', '--to', '2026-03-31', '--root', root]);
    assert.strictEqual(md.code, 0, md.stderr);
    assert.match(md.stdout, /Paired on the ledger\]\([^)]*\) · Pairing · with dana, alice · 1h/);
    assert.doesNotMatch(md.stdout, /dana@|old-corp/);
  });

  it('the pairing matrix has one row per person, and two people who share a name are told apart by address', async () => {
    const { root } = buildTeamRepo();
    const index = await indexOfRepo(root);
    const report = await buildPairingReport({ index, fs: nodeFs, git: createGitExecutor(root), trusted: true });
    const matrix = buildPairingMatrix(report.sessions, (k) => report.directory.nameOf(k));
    assert.deepStrictEqual(matrix.people.map((p) => p.key).sort(), ['alice', 'dana', 'kim@example.org', 'kim@personal.example', 'sam@example.com']);
    const labels = matrix.people.map((p) => p.label);
    assert.strictEqual(new Set(labels).size, labels.length, labels.join(' | '));
    assert.deepStrictEqual(labels.filter((l) => l.startsWith('Kim')).sort(), ['Kim Ops (kim@example.org)', 'Kim Ops (kim@personal.example)']);
    assert.ok(labels.includes('Dana Lead') && labels.includes('Alice Example') && labels.includes('Sam Staff'), labels.join(' | '));
    const html = pairingMatrixHtml(matrix, { windowLabel: 'all history', windows: ['all'], currentWindow: 0, openable: [] });
    const rowHeaders = [...html.matchAll(/<th scope="row"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    assert.strictEqual(rowHeaders.length, 5);
    assert.strictEqual(new Set(rowHeaders).size, 5, rowHeaders.join(' | '));
  });

  it('a mentee with no profile is the address .git-coauthors gives them in pairs, and their own report still counts every record naming them', async () => {
    const { folder } = await buildSingleRootWorkspace(makeTempDir());
    const index = await indexOfRepo(folder);
    const dir = await loadPeopleDirectory(index, nodeFs, [], { trusted: true, git: createGitExecutor(folder) });
    const records = recordsWithCanonicalPeople(index.records(), dir);
    const q3 = SINGLE_ROOT_INFLUENCE.q3;
    const all = buildInfluenceReport(records, { from: q3.from, to: q3.to, today: q3.to });
    assert.deepStrictEqual(all.pairs, q3.pairs);
    assert.deepStrictEqual(all.summary.people, q3.people);
    const asWritten = buildInfluenceReport(index.records(), { from: q3.from, to: q3.to, today: q3.to, person: 'bob' });
    const resolved = buildInfluenceReport(records, { from: q3.from, to: q3.to, today: q3.to, person: 'bob' });
    assert.deepStrictEqual(resolved.summary, asWritten.summary);
    assert.strictEqual(resolved.summary.activities, 3);
  });
});
