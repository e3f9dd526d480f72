import * as assert from 'assert';
import { NodeFileSystem } from '../../src/core/store/nodeFileSystem';
import { emailKey, loadPeopleDirectory, parseGitCoauthors, PeopleDirectory } from '../../src/core/people/identities';
import { menteeProfile } from '../fixtures/recordText';
import { makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { runCli } from './cliInProcess';
import { indexOf } from './helpers';

const profile = (o: { name: string; handle: string; emails?: string[]; extra?: string }): string =>
  menteeProfile(o).replace('track: ic\n', `track: ic\n${o.extra ?? ''}`);

describe('people directory (identities)', () => {
  it('reads e-mails and forge logins from profiles into the person records', async () => {
    const { index } = await indexOf({
      'docs/mentoring/alice.md': profile({
        name: 'Alice Example',
        handle: 'alice',
        emails: ['alice@example.com', 'a.example@corp.example'],
        extra: 'github: "@AliceGH"\ngitlab: alice-gl\n',
      }),
    });
    const [person] = index.records('person');
    assert.deepStrictEqual([person.emails, person.github, person.gitlab], [['alice@example.com', 'a.example@corp.example'], 'AliceGH', 'alice-gl']);
  });

  it('matches a git identity by any profile e-mail, case-insensitively, and the same person under two e-mails is one', async () => {
    const { index } = await indexOf({
      'docs/mentoring/alice.md': profile({ name: 'Alice Example', handle: 'alice', emails: ['alice@example.com', 'a.example@corp.example'] }),
    });
    const dir = await loadPeopleDirectory(index, new NodeFileSystem(), []);
    const a = dir.resolve({ name: 'alice', email: 'ALICE@Example.com' });
    const b = dir.resolve({ name: 'Alice E.', email: 'a.example@corp.example' });
    assert.strictEqual(a, b);
    assert.deepStrictEqual([a.key, a.name, a.source, a.emails], ['alice', 'Alice Example', 'profile', ['alice@example.com', 'a.example@corp.example']]);
    assert.deepStrictEqual(
      dir.people().map((p) => p.key),
      ['alice'],
    );
  });

  it('matches GitHub noreply addresses (ID+login and login) to the profile github login', async () => {
    const { index } = await indexOf({
      'docs/mentoring/bob.md': profile({ name: 'Bob Builder', handle: 'bob', emails: ['bob@example.com'], extra: 'github: BobTheBuilder\n' }),
    });
    const dir = await loadPeopleDirectory(index, new NodeFileSystem());
    assert.strictEqual(dir.resolve({ name: 'Bob', email: '1234567+bobthebuilder@users.noreply.github.com' }).key, 'bob');
    assert.strictEqual(dir.resolve({ name: 'Bob', email: 'BobTheBuilder@users.noreply.github.com' }).key, 'bob');
    assert.strictEqual(dir.resolve({ name: 'Other', email: '99+someoneelse@users.noreply.github.com' }).key, 'someoneelse@users.noreply.github.com');
  });

  it('keys unmatched identities by lower-cased e-mail with their name; both noreply forms of one login are one person', () => {
    const dir = new PeopleDirectory([]);
    const sam = dir.resolve({ name: 'Sam Staff', email: 'Sam@Example.COM' });
    assert.deepStrictEqual([sam.key, sam.name, sam.source], ['sam@example.com', 'Sam Staff', 'git']);
    assert.strictEqual(dir.resolve({ name: 'Sam S', email: 'sam@example.com' }), sam);
    const gh1 = dir.resolve({ name: 'Kim', email: '42+kim@users.noreply.github.com' });
    const gh2 = dir.resolve({ name: 'Kim', email: 'kim@users.noreply.github.com' });
    assert.strictEqual(gh1, gh2);
    assert.strictEqual(emailKey('42+Kim@users.noreply.github.com'), 'kim@users.noreply.github.com');
    // Same name, different e-mails, no profile: not merged (names are not unique).
    assert.notStrictEqual(dir.resolve({ name: 'Sam Staff', email: 'sam@other.example' }), sam);
  });

  it('reports two profiles with the same handle and matches nobody to the second', async () => {
    const { index } = await indexOf({
      'docs/mentoring/alice.md': profile({ name: 'Alice Example', handle: 'alice', emails: ['alice@example.com'] }),
      'docs/mentoring/alice-two.md': profile({ name: 'Alice Impostor', handle: 'Alice', emails: ['impostor@example.com'] }),
    });
    const dir = await loadPeopleDirectory(index, new NodeFileSystem());
    assert.deepStrictEqual(
      dir.problems.map((p) => [p.path.replace(/.*\/docs\//, 'docs/'), p.severity, p.code]),
      [['docs/mentoring/alice.md', 'error', 'duplicate-handle']],
    );
    assert.match(dir.problems[0].message, /"alice" is already used by .*alice-two\.md/);
    assert.deepStrictEqual(
      dir.people().map((p) => [p.key, p.name]),
      [['Alice', 'Alice Impostor']],
    );
    assert.strictEqual(dir.resolve({ name: 'x', email: 'alice@example.com' }).source, 'git');
  });

  it('reports an e-mail two profiles claim; it stays with the first', () => {
    const dir = new PeopleDirectory([
      { path: '/r/docs/mentoring/a.md', handle: 'a', fileHandle: 'a', name: 'A', emails: ['shared@example.com'] },
      { path: '/r/docs/mentoring/b.md', handle: 'b', fileHandle: 'b', name: 'B', emails: ['Shared@example.com', 'b@example.com'] },
    ]);
    assert.deepStrictEqual(
      dir.problems.map((p) => [p.path, p.code]),
      [['/r/docs/mentoring/b.md', 'duplicate-email']],
    );
    assert.strictEqual(dir.resolve({ name: '', email: 'shared@example.com' }).key, 'a');
    assert.strictEqual(dir.resolve({ name: '', email: 'b@example.com' }).key, 'b');
  });

  it('uses the team .git-coauthors file: its e-mails join profiles, by e-mail or by exact name, others are people of their own', async () => {
    const coauthors = JSON.stringify({
      coauthors: {
        ae: { name: 'Alice Example', email: 'alice.work@corp.example' },
        ss: { name: 'Sam Staff', email: 'sam@example.com' },
        bad: { name: 'No Mail' },
      },
    });
    const { index } = await indexOf({
      '.git-coauthors': coauthors,
      'docs/mentoring/alice.md': profile({ name: 'Alice Example', handle: 'alice', emails: ['alice@example.com'] }),
    });
    const dir = await loadPeopleDirectory(index, new NodeFileSystem());
    assert.strictEqual(dir.resolve({ name: 'A', email: 'Alice.Work@corp.example' }).key, 'alice');
    const sam = dir.resolve({ name: 'S. Staff', email: 'SAM@example.com' });
    assert.deepStrictEqual([sam.key, sam.name, sam.source, sam.initials], ['sam@example.com', 'Sam Staff', 'git-coauthors', ['ss']]);
    assert.deepStrictEqual(
      dir.problems.map((p) => p.code),
      ['malformed-git-coauthors'],
    );
    assert.deepStrictEqual(
      dir.people().map((p) => p.key),
      ['alice', 'sam@example.com'],
    );
    // A session's `with: [ss]` (git-mob initials) is the same person as the co-author sam@example.com.
    assert.strictEqual(dir.keyFor('ss'), 'sam@example.com');
    assert.strictEqual(dir.keyFor('AE'), 'alice');
    assert.strictEqual(dir.keyFor('zz'), 'zz', 'unknown initials are kept as written');
  });

  it('a .git-coauthors that is not git-mob JSON is reported, not a crash', () => {
    assert.deepStrictEqual(
      parseGitCoauthors('{not json', '/r/.git-coauthors').problems.map((p) => p.code),
      ['malformed-git-coauthors'],
    );
    assert.deepStrictEqual(parseGitCoauthors('[]', '/r/.git-coauthors').entries, []);
    assert.deepStrictEqual(parseGitCoauthors('{"coauthors":{"x":{"name":"X","email":"x@example.com"}}}', '/r/.git-coauthors').entries, [
      { initials: 'x', name: 'X', email: 'x@example.com' },
    ]);
  });

  it('turns names written in a record into person keys: handles, e-mails, Name <email>, unique names', () => {
    const dir = new PeopleDirectory([
      { path: '/r/m/alice.md', handle: 'alice', fileHandle: 'alice', name: 'Alice Example', emails: ['alice@example.com'], github: 'alicegh' },
    ]);
    assert.deepStrictEqual(
      ['Alice', '@alicegh', 'ALICE@example.com', 'Someone <alice@example.com>', 'alice example', 'Sam@Example.com', 'unknown person'].map((r) => dir.keyFor(r)),
      ['alice', 'alice', 'alice', 'alice', 'alice', 'sam@example.com', 'unknown person'],
    );
  });
});

describe('lint and the people directory', () => {
  it('reports two mentees with one handle and a broken .git-coauthors, with relative paths, and exits 1', async () => {
    const root = makeTempDir();
    writeFiles(root, {
      'docs/mentoring/alice.md': '---\nname: Alice\nhandle: alice\n---\n',
      'docs/mentoring/alice2.md': '---\nname: Alice Two\nhandle: alice\n---\n',
      '.git-coauthors': '{bad',
    });
    const { code, stdout } = await runCli(['lint', '--root', root]);
    assert.strictEqual(code, 1);
    assert.match(stdout, /^docs\/mentoring\/alice2\.md:1: error duplicate-handle The handle "alice" is already used by alice\.md;/m);
    assert.match(stdout, /^\.git-coauthors:1: warning malformed-git-coauthors /m);
    assert.ok(!stdout.includes(root), 'paths are relative to the root');
  });
});
