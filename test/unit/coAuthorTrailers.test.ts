import * as assert from 'assert';
import { GitIdentity, parseCoAuthors } from '../../src/core/people/coAuthors';
import { parseCoAuthors as pullRequestCoAuthors, PullRequestCollector } from '../../src/core/pulls/prDiscovery';

const sam = { name: 'Sam Staff', email: 'sam@example.com' };
const kim = { name: 'Kim Lee', email: 'kim@example.com' };

/**
 * One parser for `lodestar pairing` and `lodestar prs`: each body, the
 * co-authors both read. Where the two parsers used to differ, the comment
 * says what each did; every other case is what both read before.
 */
const CASES: [string, string, GitIdentity[]][] = [
  ['one trailer', 'Fix it\n\nCo-authored-by: Sam Staff <sam@example.com>\n', [sam]],
  ['the key in any case', 'Fix\n\nco-AUTHORED-BY: Sam Staff <sam@example.com>\nCO-AUTHORED-BY: Kim Lee <kim@example.com>', [sam, kim]],
  [
    'blanks around the key, the value and inside the name',
    'Fix\n\n  Co-authored-by:    Sam   Staff    <sam@example.com>   \n',
    [{ name: 'Sam   Staff', email: 'sam@example.com' }],
  ],
  ['tabs', 'Fix\n\n\tCo-authored-by:\tSam Staff\t<sam@example.com>\t\n', [sam]],
  // pairing read these; prs did not.
  ['a space before the colon', 'Fix\n\nCo-authored-by : Sam Staff <sam@example.com>\n', [sam]],
  ['spaces inside the brackets', 'Fix\n\nCo-authored-by: Sam Staff < sam@example.com >\n', [sam]],
  // pairing took the quotes off; prs kept them in the name.
  ['a quoted name', 'Fix\n\nCo-authored-by: "Sam Staff" <sam@example.com>\n', [sam]],
  // prs took `sam@x@example.com` as an address; pairing did not.
  ['two @ in the address', 'Fix\n\nCo-authored-by: Sam <sam@x@example.com>\n', []],
  ['no angle brackets', 'Fix\n\nCo-authored-by: Sam Staff sam@example.com\n', []],
  ['no name', 'Fix\n\nCo-authored-by: <sam@example.com>\n', []],
  ['a name only', 'Fix\n\nCo-authored-by: Sam Staff\n', []],
  ['an empty value', 'Fix\n\nCo-authored-by:\n', []],
  ['text after the address', 'Fix\n\nCo-authored-by: Sam Staff <sam@example.com> (pairing)\n', []],
  ['text before the key', 'Fix\n\nThanks Co-authored-by: Sam Staff <sam@example.com>\n', []],
  [
    'several, the same address twice (any case) once, the first name kept',
    'Fix\n\nCo-authored-by: Sam Staff <sam@example.com>\nCo-authored-by: Kim Lee <kim@example.com>\nCo-authored-by: SAM <SAM@example.com>\n',
    [sam, kim],
  ],
  ['CRLF', 'Fix\r\n\r\nCo-authored-by: Sam Staff <sam@example.com>\r\nCo-authored-by: Kim Lee <kim@example.com>\r\n', [sam, kim]],
  // pairing missed a CR followed by blanks; prs read it.
  ['a CR and blanks after the address', 'Fix\n\nCo-authored-by: Sam Staff <sam@example.com>\r  \n', [sam]],
  [
    'anywhere in the body, not only the last paragraph (squash merges)',
    'Squash (#12)\n\n* first\nCo-authored-by: Sam Staff <sam@example.com>\n\n* second\n\nSigned-off-by: Dana <dana@example.com>\n',
    [sam],
  ],
  [
    'a GitHub noreply address of a person',
    'Fix\n\nCo-authored-by: Sam Staff <12345+samstaff@users.noreply.github.com>\n',
    [{ name: 'Sam Staff', email: '12345+samstaff@users.noreply.github.com' }],
  ],
  [
    '[bot] and noreply@ are bots',
    'Fix\n\nCo-authored-by: dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>\nCo-authored-by: Someone <noreply@github.com>\nCo-authored-by: Sam Staff <sam@example.com>\n',
    [sam],
  ],
  // prs dropped these as bots; pairing kept them.
  [
    'a name ending in the word bot, and bot@',
    'Fix\n\nCo-authored-by: Build Bot <ci@example.com>\nCo-authored-by: Automation <bot@example.com>\nCo-authored-by: Ann Abbot <ann@example.com>\n',
    [{ name: 'Ann Abbot', email: 'ann@example.com' }],
  ],
  // pairing dropped these as bots; prs kept them.
  [
    'well-known bots and assistants by name',
    'Fix\n\nCo-authored-by: Renovate <renovate@whitesourcesoftware.com>\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>\n',
    [],
  ],
  ['no trailer at all', 'Fix the build.\n\nSigned-off-by: Dana <dana@example.com>', []],
];

describe('one Co-authored-by parser for pairing and prs', () => {
  it('pairing and prs read the same co-authors from every body', () => {
    for (const [what, body, expected] of CASES) {
      assert.deepStrictEqual(parseCoAuthors(body), expected, `pairing: ${what}`);
      assert.deepStrictEqual(pullRequestCoAuthors(body), expected, `prs: ${what}`);
      // And as a discovered pull request keeps them (a squash merge by Dana).
      const collector = new PullRequestCollector();
      collector.add({
        hash: 'a'.repeat(40),
        parents: [],
        authorName: 'Dana',
        authorEmail: 'dana@example.com',
        date: '2026-03-01T10:00:00Z',
        subject: 'Fix (#7)',
        body,
      });
      assert.deepStrictEqual(collector.pullRequests()[0].coAuthors, expected, `prs, collected: ${what}`);
    }
  });

  it('the commit’s own author is never their own co-author, in either', () => {
    const body = 'Fix\n\nCo-authored-by: Dana <DANA@example.com>\nCo-authored-by: Sam Staff <sam@example.com>\n';
    assert.deepStrictEqual(parseCoAuthors(body, { name: 'Dana', email: 'dana@example.com' }), [sam]);
    const collector = new PullRequestCollector();
    collector.add({
      hash: 'b'.repeat(40),
      parents: [],
      authorName: 'Dana',
      authorEmail: 'dana@example.com',
      date: '2026-03-01T10:00:00Z',
      subject: 'Fix (#8)',
      body,
    });
    assert.deepStrictEqual(collector.pullRequests()[0].coAuthors, [sam]);
  });
});
