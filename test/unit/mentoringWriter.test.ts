import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createGitExecutor } from '../../src/core/git/gitExecutor';
import { DEFAULT_SETTINGS } from '../../src/core/index/recordFolders';
import { RecordIndex } from '../../src/core/index/recordIndex';
import { loadPeopleDirectory } from '../../src/core/people/identities';
import {
  handleProblem,
  kindProblem,
  MentoringInputError,
  planConfirmedSession,
  planMenteeProfile,
  planSession,
  sessionFileName,
  writeConfirmedSession,
  writeMenteeProfile,
  writeSession,
} from '../../src/core/people/mentoringWriter';
import { detectPairingSessions, loggedPairingSessions, PairingSession, unloggedSessions } from '../../src/core/people/pairing';
import { isSensitiveKind, privateFolderProblem, trackedByGit } from '../../src/core/people/privateNotebook';
import { readFrontMatter } from '../../src/core/records/frontMatter';
import { NodeFileSystem } from '../../src/core/store/nodeFileSystem';
import { FileExistsError, NodeRecordWriter } from '../../src/core/store/recordWriter';
import { buildRepo, commitAll, commitAs, git, makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { indexOf } from './helpers';

const nodeFs = new NodeFileSystem();

describe('writing mentoring records', () => {
  it('rejects handles and kinds that would escape the folder or are not file names', () => {
    for (const bad of ['../x', '/etc/x', 'a\\b', 'a/b', 'CON', 'nul.txt', 'Com1', '.hidden', '..', '', '  ', 'has space', 'ends.', 'x'.repeat(65)]) {
      assert.ok(handleProblem(bad), `"${bad}" is refused`);
      assert.throws(() => planMenteeProfile('/r/docs/mentoring', { name: 'X', handle: bad }), MentoringInputError, bad);
      assert.throws(() => planSession('/r/docs/mentoring', { handle: bad, kind: 'pairing', date: '2026-01-05' }, []), MentoringInputError, bad);
    }
    assert.match(handleProblem('../x') ?? '', /cannot point into another folder/);
    assert.match(handleProblem('CON') ?? '', /Windows reserves/);
    assert.match(handleProblem('.hidden') ?? '', /starts with a dot/);
    for (const good of ['alice', 'bob.smith', 'kim_2', 'J-Doe']) assert.strictEqual(handleProblem(good), undefined, good);
    for (const bad of ['../pairing', 'Pairing', 'pair/ing', 'pairing-2', 'aux', '']) assert.ok(kindProblem(bad), `kind "${bad}" is refused`);
    assert.strictEqual(kindProblem('one-on-one'), undefined);
    assert.throws(() => planSession('/r/m', { handle: 'alice', kind: '../../etc', date: '2026-01-05' }, []), /lower-case words/);
  });

  it('rejects bad dates, durations, e-mails and multi-line values with a message', () => {
    assert.throws(() => planSession('/r/m', { handle: 'alice', kind: 'pairing', date: '2026-02-30' }, []), /YYYY-MM-DD, not "2026-02-30"/);
    assert.throws(() => planSession('/r/m', { handle: 'alice', kind: 'pairing', date: '2026-01-05', duration: -5 }, []), /whole minutes/);
    assert.throws(() => planMenteeProfile('/r/m', { name: 'A', handle: 'a', emails: ['not an email'] }), /not an e-mail/);
    assert.throws(() => planMenteeProfile('/r/m', { name: 'A\nevil: true', handle: 'a' }), /one line/);
    assert.throws(() => planMenteeProfile('/r/m', { name: 'A', handle: 'a', github: 'x y' }), /not a GitHub login/);
  });

  it('plans a profile whose front matter reads back as written, values quoted where YAML would misread them', async () => {
    const plan = planMenteeProfile('/r/docs/mentoring', {
      name: 'Zoë "Z" O\'Neil',
      handle: 'zoe',
      emails: ['zoe@example.com', 'Zoe@Corp.example'],
      github: '@zoe-gh',
      since: '2026-01-15',
      track: 'ic',
      goals: ['Lead a design review', 'yes', 'Own: the build'],
      cadence: 'weekly',
    });
    assert.deepStrictEqual([plan.relativePath, plan.path], ['zoe.md', '/r/docs/mentoring/zoe.md']);
    const data = readFrontMatter(plan.content).data ?? {};
    assert.deepStrictEqual(
      { ...data },
      {
        name: 'Zoë "Z" O\'Neil',
        handle: 'zoe',
        emails: ['zoe@example.com', 'Zoe@Corp.example'],
        github: 'zoe-gh',
        since: '2026-01-15',
        track: 'ic',
        goals: ['Lead a design review', 'yes', 'Own: the build'],
        cadence: 'weekly',
      },
    );
    assert.match(plan.content, /\n# Zoë "Z" O'Neil\n\n## Goals\n\n- Lead a design review\n/);
    // And the index reads it as a person with those identities.
    const { index } = await indexOf({ 'docs/mentoring/zoe.md': plan.content });
    const [person] = index.records('person');
    assert.deepStrictEqual(
      [person.title, person.handle, person.emails, person.github, person.goals],
      ['Zoë "Z" O\'Neil', 'zoe', ['zoe@example.com', 'Zoe@Corp.example'], 'zoe-gh', ['Lead a design review', 'yes', 'Own: the build']],
    );
  });

  it('plans a session: next free -N, front matter per DESIGN, private visibility, sections for the kind', async () => {
    assert.strictEqual(sessionFileName('2026-01-05', 'pairing', []), '2026-01-05-pairing.md');
    assert.strictEqual(
      sessionFileName('2026-01-05', 'pairing', ['2026-01-05-Pairing.md', '2026-01-05-pairing-2.markdown', '2026-01-05-pairing-4.md']),
      '2026-01-05-pairing-3.md',
    );
    const plan = planSession(
      '/r/docs/mentoring',
      {
        handle: 'alice',
        kind: 'feedback',
        date: '2026-01-05',
        with: ['dana', 'sam@example.com', 'alice'],
        duration: 45,
        topics: ['code review tone', 'no'],
        pullRequests: ['https://github.com/o/r/pull/12'],
        commits: ['0123456789abcdef0123456789abcdef01234567'],
        private: true,
        menteeName: 'Alice Example',
        notes: 'Said thanks in the review.',
      },
      ['2026-01-05-feedback.md'],
    );
    assert.strictEqual(plan.relativePath, 'alice/2026-01-05-feedback-2.md');
    const fm = readFrontMatter(plan.content);
    assert.deepStrictEqual(
      { ...fm.data },
      {
        date: '2026-01-05',
        kind: 'feedback',
        with: ['dana', 'sam@example.com'],
        duration: 45,
        topics: ['code review tone', 'no'],
        pullRequests: ['https://github.com/o/r/pull/12'],
        commits: ['0123456789abcdef0123456789abcdef01234567'],
        visibility: 'private',
      },
    );
    assert.deepStrictEqual(
      fm.body.split('\n').filter((l) => l.startsWith('#')),
      ['# Feedback with Alice Example, 2026-01-05', '## Situation', '## Behaviour', '## Impact', '## Next steps', '## Commits'],
    );
    assert.match(fm.body, /## Situation\n\nSaid thanks in the review\.\n/);
    const pairing = planSession('/r/m', { handle: 'alice', kind: 'pairing', date: '2026-01-05' }, []);
    assert.match(
      pairing.content,
      /^---\ndate: 2026-01-05\nkind: pairing\nwith: \[\]\ntopics: \[\]\n---\n\n# Pairing with alice, 2026-01-05\n\n## What we worked on\n/,
    );
    assert.doesNotMatch(pairing.content, /visibility/);
    const { index } = await indexOf({ 'docs/mentoring/alice/2026-01-05-feedback-2.md': plan.content });
    const [session] = index.records('session');
    assert.deepStrictEqual(
      [session.sessionKind, session.date, session.people, session.private, session.commits],
      ['feedback', '2026-01-05', ['dana', 'sam@example.com'], true, ['0123456789abcdef0123456789abcdef01234567']],
    );
  });

  it('writes exclusively: an existing profile is left alone; a session taken in between gets the next -N', async () => {
    const root = makeTempDir();
    const folder = `${root}/docs/mentoring`;
    writeFiles(root, { 'docs/mentoring/alice.md': 'mine\n' });
    await assert.rejects(writeMenteeProfile(nodeFs, new NodeRecordWriter(), folder, { name: 'Alice', handle: 'alice' }), FileExistsError);
    assert.strictEqual(fs.readFileSync(`${folder}/alice.md`, 'utf8'), 'mine\n');
    const first = await writeSession(nodeFs, new NodeRecordWriter(), folder, { handle: 'alice', kind: 'pairing', date: '2026-01-05' });
    // A writer that loses the race once: the file appears between listing and creating.
    const racing = new NodeRecordWriter();
    let raced = false;
    const writer = {
      ensureFolder: (p: string) => racing.ensureFolder(p),
      replace: (p: string, c: string) => racing.replace(p, c),
      createExclusive: async (p: string, c: string) => {
        if (!raced) {
          raced = true;
          fs.writeFileSync(p, 'someone else\n');
        }
        return racing.createExclusive(p, c);
      },
    };
    const second = await writeSession(nodeFs, writer, folder, { handle: 'alice', kind: 'pairing', date: '2026-01-05' });
    assert.deepStrictEqual([first.relativePath, second.relativePath], ['alice/2026-01-05-pairing.md', 'alice/2026-01-05-pairing-3.md']);
    assert.strictEqual(fs.readFileSync(`${folder}/alice/2026-01-05-pairing-2.md`, 'utf8'), 'someone else\n');
    assert.match(fs.readFileSync(`${folder}/alice/2026-01-05-pairing-3.md`, 'utf8'), /^---\ndate: 2026-01-05\n/);
  });

  it('confirms a detected session (or a whole day of them) into a logged one that then covers them', async () => {
    const root = buildRepo({ 'docs/mentoring/alice.md': '---\nname: Alice Example\nhandle: alice\nemails: [alice@example.com]\n---\n' });
    const one = commitAs(root, 'Parser\n\nCo-authored-by: Alice Example <alice@example.com>', {
      name: 'Dana Lead',
      email: 'dana@example.com',
      date: '2026-02-02T09:00:00Z',
    });
    const two = commitAs(root, 'Parser tests\n\nCo-authored-by: Alice Example <alice@example.com>', {
      name: 'Dana Lead',
      email: 'dana@example.com',
      date: '2026-02-02T15:00:00Z',
    });
    const other = commitAs(root, 'Docs\n\nCo-authored-by: Alice Example <alice@example.com>', {
      name: 'Dana Lead',
      email: 'dana@example.com',
      date: '2026-02-03T09:00:00Z',
    });
    const index = new RecordIndex(nodeFs, root, DEFAULT_SETTINGS);
    await index.build();
    const directory = await loadPeopleDirectory(index, nodeFs);
    const detected = (await detectPairingSessions(createGitExecutor(root), directory)).sessions;
    const day = detected.filter((d) => d.date === '2026-02-02');
    assert.deepStrictEqual(
      day.map((d) => d.commit),
      [two, one],
    );
    const alice = { key: 'alice', handle: 'alice', name: 'Alice Example' };
    assert.throws(() => planConfirmedSession(`${root}/docs/mentoring`, alice, detected, []), /2 different days/);
    assert.throws(() => planConfirmedSession(`${root}/docs/mentoring`, alice, [], []), /no detected session/);
    assert.throws(() => planConfirmedSession(`${root}/docs/mentoring`, { key: 'bob', handle: 'bob' }, day, []), /not in every one/);
    const written = await writeConfirmedSession(nodeFs, new NodeRecordWriter(), `${root}/docs/mentoring`, alice, day, { duration: 120 });
    assert.strictEqual(written.relativePath, 'alice/2026-02-02-pairing.md');
    assert.deepStrictEqual(
      { ...readFrontMatter(written.content).data },
      { date: '2026-02-02', kind: 'pairing', with: ['dana@example.com'], duration: 120, topics: [], commits: [two, one] },
    );
    assert.match(written.content, new RegExp(`- \`${two.slice(0, 12)}\` Parser tests\n- \`${one.slice(0, 12)}\` Parser\n`));
    await index.build();
    const logged = loggedPairingSessions(index.records('session'), directory);
    assert.deepStrictEqual(
      unloggedSessions(detected, logged, 'alice').map((d: PairingSession) => d.commit),
      [other],
    );
  });

  it('never writes a private record under a workspace folder, symlinks included', async () => {
    const repo = makeTempDir();
    const outside = makeTempDir();
    const link = path.join(makeTempDir(), 'notebook-link');
    fs.symlinkSync(repo, link);
    assert.strictEqual(await privateFolderProblem(nodeFs, outside, [repo]), undefined);
    assert.match((await privateFolderProblem(nodeFs, `${repo}/notes/private`, [repo])) ?? '', /inside the workspace folder/);
    assert.match((await privateFolderProblem(nodeFs, `${link}/new/folder`, [repo])) ?? '', /inside the workspace folder/);
    await assert.rejects(
      writeSession(
        nodeFs,
        new NodeRecordWriter(),
        `${repo}/private`,
        { handle: 'alice', kind: 'career', date: '2026-01-05', private: true },
        { workspaceFolders: [repo] },
      ),
      /never written where they could be committed/,
    );
    assert.strictEqual(fs.existsSync(`${repo}/private`), false);
    const ok = await writeSession(
      nodeFs,
      new NodeRecordWriter(),
      outside,
      { handle: 'alice', kind: 'career', date: '2026-01-05', private: true },
      { workspaceFolders: [repo] },
    );
    assert.match(fs.readFileSync(ok.path, 'utf8'), /visibility: private/);
    assert.deepStrictEqual(['career', 'Feedback', 'wellbeing', 'pairing'].map(isSensitiveKind), [true, true, true, false]);
    // A mentee folder inside the notebook that is a symbolic link into the repository: refused too.
    fs.mkdirSync(`${repo}/docs/mentoring/bob`, { recursive: true });
    fs.symlinkSync(`${repo}/docs/mentoring/bob`, `${outside}/bob`);
    await assert.rejects(
      writeSession(
        nodeFs,
        new NodeRecordWriter(),
        outside,
        { handle: 'bob', kind: 'feedback', date: '2026-01-05', private: true },
        { workspaceFolders: [repo] },
      ),
      /never written where they could be committed/,
    );
    assert.deepStrictEqual(fs.readdirSync(`${repo}/docs/mentoring/bob`), []);
  });

  it('tells which private records git tracks; without git, none', async () => {
    const root = buildRepo({ 'docs/mentoring/alice/2026-01-05-career.md': '---\nvisibility: private\n---\n' });
    writeFiles(root, { 'docs/mentoring/alice/2026-01-06-career.md': '---\nvisibility: private\n---\n' });
    commitAll(root, 'more');
    git(root, ['rm', '-q', '--cached', 'docs/mentoring/alice/2026-01-06-career.md']);
    const tracked = await trackedByGit(createGitExecutor(root), [
      'docs/mentoring/alice/2026-01-05-career.md',
      'docs/mentoring/alice/2026-01-06-career.md',
      ':(glob)docs/**',
    ]);
    assert.deepStrictEqual(tracked, ['docs/mentoring/alice/2026-01-05-career.md']);
    assert.deepStrictEqual(await trackedByGit(createGitExecutor(makeTempDir()), ['x.md']), []);
  });
});
