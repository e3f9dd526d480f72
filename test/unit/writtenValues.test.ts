import * as assert from 'assert';
import { governanceProblems } from '../../src/core/governance/governanceLint';
import { Governance } from '../../src/core/governance/governance';
import { duplicatePeopleProblems } from '../../src/core/people/canonicalPeople';
import { PeopleDirectory } from '../../src/core/people/identities';
import { writtenValues } from '../../src/core/records/writtenValues';
import { LodestarRecord } from '../../src/core/records/record';
import { recordOf } from '../fixtures/recordText';

/** `[value, line, column]` of each written value. */
const at = (text: string, keys: string[]): [string, number, number][] => writtenValues(text, keys).map((v) => [v.value, v.line, v.column]);

describe('where front-matter values are written', () => {
  it('block lists, flow lists, quoted values, a comma-separated string', () => {
    const text =
      '---\ntitle: x\nwith:\n  - dana\n  -   "dana@example.com"\npeople: [ alice, \'Bob <b@x.io>\',bob ]\nsolo: dana,  kim\n---\n\n# Body\nwith: nope\n';
    assert.deepStrictEqual(at(text, ['with']), [
      ['dana', 4, 5],
      ['dana@example.com', 5, 7],
    ]);
    assert.deepStrictEqual(at(text, ['people']), [
      ['alice', 6, 11],
      ['Bob <b@x.io>', 6, 18],
      ['bob', 6, 33],
    ]);
    assert.deepStrictEqual(at(text, ['solo']), [
      ['dana', 7, 7],
      ['kim', 7, 14],
    ]);
  });

  it('CRLF line ends, a BOM, the first key present of several, and nothing for a missing key or no front matter', () => {
    const crlf = '\uFEFF---\r\nappliesTo:\r\n  - src/a/**\r\n  - "src/b/**"\r\nx: [1, 2]\r\n---\r\nbody\r\n';
    assert.deepStrictEqual(at(crlf, ['applies-to', 'appliesTo']), [
      ['src/a/**', 3, 5],
      ['src/b/**', 4, 5],
    ]);
    assert.deepStrictEqual(at(crlf, ['x']), [
      ['1', 5, 5],
      ['2', 5, 8],
    ]);
    assert.deepStrictEqual(at(crlf, ['nope']), []);
    assert.deepStrictEqual(at('# No front matter\nwith: [a]\n', ['with']), []);
    assert.deepStrictEqual(at('---\nwith: [a\n---\n', ['with']), [], 'unreadable YAML: no positions (the caller falls back)');
  });
});

describe('duplicate-person points at the name to remove', () => {
  const directory = new PeopleDirectory([
    { path: '/r/docs/mentoring/dana.md', handle: 'dana', fileHandle: 'dana', name: 'Dana Lead', emails: ['dana@example.com'] },
  ]);
  const files = new Map<string, string>();
  const record = (path: string, text: string, o: Partial<LodestarRecord> & Pick<LodestarRecord, 'kind'>): LodestarRecord => {
    files.set(path, text);
    return recordOf({ path, ...o });
  };
  const records = [
    record('/r/docs/influence/2026/a.md', '---\ndate: 2026-03-06\ntype: pairing\npeople:\n  - dana\n  - alice\n  - "@Dana@Example.com"\n---\n', {
      kind: 'activity',
      people: ['dana', 'alice', 'Dana@Example.com'],
    }),
    record('/r/docs/influence/2026/b.md', "---\r\ntype: pairing\r\npeople: [alice, dana,  'dana@example.com']\r\n---\r\n", {
      kind: 'activity',
      people: ['alice', 'dana', 'dana@example.com'],
    }),
    record('/r/docs/mentoring/dana/2026-03-01-pairing.md', '---\ndate: 2026-03-01\nwith: alice, dana@example.com\n---\n', {
      kind: 'session',
      handle: 'dana',
      people: ['alice', 'dana@example.com'],
    }),
  ];

  it('the line and column of the later name, in block and flow lists, quoted, with CRLF, and in a session’s own folder', () => {
    const problems = duplicatePeopleProblems(records, directory, (p) => files.get(p));
    assert.deepStrictEqual(
      problems.map((p) => [p.path.split('/').pop(), p.line, p.column, p.code]),
      [
        ['a.md', 7, 5, 'duplicate-person'],
        ['b.md', 3, 24, 'duplicate-person'],
        ['2026-03-01-pairing.md', 3, 14, 'duplicate-person'],
      ],
    );
  });

  it('without the file’s text (or when the name cannot be found), line 1 as before', () => {
    const problems = duplicatePeopleProblems(records, directory);
    assert.deepStrictEqual(
      problems.map((p) => [p.line, p.column]),
      [
        [1, undefined],
        [1, undefined],
        [1, undefined],
      ],
    );
  });
});

describe('applies-to problems point at the glob', () => {
  it('stale-applies-to and invalid-applies-to at each glob as written (block, flow, quoted, CRLF, ./ spelled, written twice)', () => {
    const files = new Map<string, string>([
      ['/r/doc/adr/0001-a.md', '---\r\nstatus: accepted\r\napplies-to:\r\n  - src/db/**\r\n  - "./src/gone/"\r\n  - \'../up/**\'\r\n---\r\n# A\r\n'],
      ['/r/doc/adr/0002-b.md', '---\nstatus: accepted\napplies-to: [src/db/**, src/old/*.ts, "!src/none/**", src/old/*.ts]\n---\n# B\n'],
      ['/r/doc/adr/0003-c.md', '---\nstatus: accepted\napplies-to: src/moved/**\n---\n# C\n'],
    ]);
    const decision = (path: string, appliesTo: string[], appliesToLine: number): LodestarRecord =>
      recordOf({ kind: 'decision', path, status: 'accepted', appliesTo, appliesToLine });
    const records = [
      decision('/r/doc/adr/0001-a.md', ['src/db/**', './src/gone/', '../up/**'], 3),
      decision('/r/doc/adr/0002-b.md', ['src/db/**', 'src/old/*.ts', '!src/none/**', 'src/old/*.ts'], 3),
      decision('/r/doc/adr/0003-c.md', ['src/moved/**'], 3),
    ];
    const governance = new Governance(records, ['src/db/schema.sql', 'README.md']);
    const show = (problems: ReturnType<typeof governanceProblems>): (string | number | undefined)[][] =>
      problems.map((p) => [p.path.split('/').pop(), p.line, p.column, p.code]);
    assert.deepStrictEqual(
      show(
        governanceProblems(
          governance,
          () => undefined,
          (p) => files.get(p),
        ),
      ),
      [
        ['0001-a.md', 6, 5, 'invalid-applies-to'],
        ['0001-a.md', 5, 5, 'stale-applies-to'],
        ['0002-b.md', 3, 25, 'stale-applies-to'],
        ['0002-b.md', 3, 55, 'stale-applies-to'],
        ['0003-c.md', 3, 13, 'stale-applies-to'],
      ],
    );
    // Without the text: the applies-to key's line, as before.
    assert.deepStrictEqual(
      governanceProblems(governance, () => undefined).map((p) => [p.line, p.column]),
      [
        [3, undefined],
        [3, undefined],
        [3, undefined],
        [3, undefined],
        [3, undefined],
      ],
    );
  });
});
