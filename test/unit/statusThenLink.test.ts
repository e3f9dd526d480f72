import * as assert from 'assert';
import { normaliseStatus, parseLinkLine } from '../../src/core/decisions/status';
import { indexOf, linksOf, readings, surveyProblems } from './helpers';

const nygard = (n: number, title: string, status: string, heading = 'Status'): string =>
  `# ${n}. ${title}\n\nDate: 2026-01-01\n\n## ${heading}\n\n${status}\n\n## Context\n\nx\n\n## Decision\n\nx\n\n## Consequences\n\nx\n`;

/** A status line that gives the status the record had, then the link that ended (or amended) it. */
describe('a status word, then a link on the same line', () => {
  it('`Accepted - Superseded by [005](…)` and `Accepted, superseded by ADR-0005` read as superseded, with the link, in every dialect', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md': nygard(1, 'A', 'Accepted - Superseded by [005](0005-foo.md)'),
      'doc/adr/0002-b.md': '# B\n\n* Status: Accepted - Superseded by [ADR-0005](0005-foo.md)\n* Date: 2026-01-01\n\n## Context and Problem Statement\n\nx\n',
      'doc/adr/0003-c.md': '---\nstatus: accepted, superseded by ADR-0005\ndate: 2026-01-01\n---\n\n# C\n\n## Context and Problem Statement\n\nx\n',
      'doc/adr/0004-d.md': '# 4. D\n\nDate: 2026-01-01\nStatus: Accepted — superseded by [ADR-0005](0005-foo.md)\n\n## Context\n\nx\n',
      'doc/adr/0006-e.md': '# E\n\n* Status: Accepted, superseded by ADR-0005\n* Date: 2026-01-01\n\n## Context and Problem Statement\n\nx\n',
      'doc/adr/0005-foo.md': nygard(
        5,
        'Foo',
        [
          'Accepted',
          'Supersedes [1. A](0001-a.md)',
          'Supersedes [ADR-0002](0002-b.md)',
          'Supersedes [ADR-0003](0003-c.md)',
          'Supersedes [ADR-0004](0004-d.md)',
          'Supersedes [ADR-0006](0006-e.md)',
        ].join('\n\n'),
      ),
    });
    assert.deepStrictEqual(
      readings(index).map((r) => `${r[0]} ${r[3]}`),
      ['0001-a.md superseded', '0002-b.md superseded', '0003-c.md superseded', '0004-d.md superseded', '0005-foo.md accepted', '0006-e.md superseded'],
    );
    for (const name of ['0001-a.md', '0002-b.md', '0003-c.md', '0004-d.md', '0006-e.md'])
      assert.deepStrictEqual(linksOf(index, name), ['superseded-by 0005-foo.md'], name);
    // Both sides say it: no one-sided link, no broken one.
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('`Accepted — amended by [5. Foo](…)` stays accepted, with an amended-by link; a status and any other link stays a status', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md': nygard(1, 'A', 'Accepted — amended by [5. Foo](0005-foo.md)'),
      'doc/adr/0002-b.md': '# B\n\n* Status: Accepted; amended by [ADR-0005](0005-foo.md)\n* Date: 2026-01-01\n\n## Context and Problem Statement\n\nx\n',
      'doc/adr/0003-c.md': nygard(3, 'C', 'Accepted, see [the RFC](../rfc.md)'),
      'doc/adr/0004-d.md': nygard(4, 'D', 'Accepted, not yet superseded by ADR-0005'),
      'doc/adr/0005-foo.md': nygard(5, 'Foo', 'Accepted\n\nAmends [1. A](0001-a.md)\n\nAmends [ADR-0002](0002-b.md)'),
      'doc/rfc.md': '# RFC\n',
    });
    assert.deepStrictEqual(
      readings(index).map((r) => `${r[0]} ${r[3]}`),
      ['0001-a.md accepted', '0002-b.md accepted', '0003-c.md accepted', '0004-d.md accepted', '0005-foo.md accepted'],
    );
    assert.deepStrictEqual(linksOf(index, '0001-a.md'), ['amended-by 0005-foo.md']);
    assert.deepStrictEqual(linksOf(index, '0002-b.md'), ['amended-by 0005-foo.md']);
    assert.deepStrictEqual(linksOf(index, '0003-c.md'), []);
    assert.deepStrictEqual(linksOf(index, '0004-d.md'), []);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('parseLinkLine gives the verb, the link and the status before it; normaliseStatus reads the line as superseded', () => {
    assert.deepStrictEqual(parseLinkLine('Accepted - Superseded by [005](0005-foo.md)'), {
      verb: 'Superseded by',
      label: '005',
      href: '0005-foo.md',
      status: 'Accepted',
    });
    assert.deepStrictEqual(parseLinkLine('**Akzeptiert** — geändert durch [5. Neu](0005-neu.md)'), {
      verb: 'geändert durch',
      label: '5. Neu',
      href: '0005-neu.md',
      status: 'Akzeptiert',
    });
    // A link after something that is not a status, or a link that is not one between records, is no link line.
    assert.strictEqual(parseLinkLine('Maybe, superseded by [5](0005-x.md)'), undefined);
    assert.strictEqual(parseLinkLine('Accepted, see [the RFC](rfc.md)'), undefined);
    assert.strictEqual(parseLinkLine('Accepted in [PR #42](https://example.com/42)'), undefined);
    // A word that is no status before a dash and a link both records write: the link, with its own verb (not `partially---amended-by`).
    assert.deepStrictEqual(parseLinkLine('Partially - Amended by [5. Foo](0005-foo.md)'), { verb: 'Amended by', label: '5. Foo', href: '0005-foo.md' });
    assert.deepStrictEqual(parseLinkLine('Re-evaluated by [5. Foo](0005-foo.md)'), { verb: 'Re-evaluated by', label: '5. Foo', href: '0005-foo.md' });
    for (const s of [
      'Accepted - Superseded by [005](0005-foo.md)',
      'Accepted, superseded by ADR-0005',
      'accepted; superseded by ADR-0005',
      'Akzeptiert, ersetzt durch ADR-0005',
    ])
      assert.strictEqual(normaliseStatus(s), 'superseded', s);
    for (const s of ['Accepted — amended by [5. Foo](0005-foo.md)', 'Accepted, not yet superseded by ADR-0005', 'Accepted, superseded by'])
      assert.strictEqual(normaliseStatus(s), 'accepted', s);
  });
});

describe('a status of two words with a slash', () => {
  it('`Accepted/Implemented` is accepted, as `Accepted, implemented` is; `N/A` stays one word', () => {
    assert.strictEqual(normaliseStatus('Accepted/Implemented'), 'accepted');
    assert.strictEqual(normaliseStatus('**Accepted** / Implemented'), 'accepted');
    assert.strictEqual(normaliseStatus('Akzeptiert/umgesetzt'), 'accepted');
    assert.strictEqual(normaliseStatus('N/A'), 'na');
  });
});

/** Accents typed as a letter and a combining mark (Unicode NFD, as some editors and macOS file names save them). */
describe('link verbs with decomposed accents', () => {
  it('`Remplace\\u0301 par [`, `Modifie\\u0301e par [` read as the composed verbs; the label and the file name stay as written', async () => {
    const nfd = (s: string): string => s.normalize('NFD');
    assert.notStrictEqual(nfd('Remplacé par'), 'Remplacé par');
    const { index } = await indexOf({
      'doc/adr/0001-alt.md': nygard(1, 'Alt', nfd('Remplacé par [2. Décision](0002-neu.md)'), 'Statut'),
      'doc/adr/0002-neu.md': nygard(
        2,
        'Neu',
        [nfd('Acceptée'), 'Remplace [1. Alt](0001-alt.md)', nfd('Modifiée par [3. Dazu](0003-dazu.md)')].join('\n\n'),
        'Statut',
      ),
      'doc/adr/0003-dazu.md': `# 3. Dazu\n\n* ${nfd('Statut')}: ${nfd('Acceptée')}\n* Date: 2026-01-01\n\nModifie [2. Neu](0002-neu.md)\n`,
    });
    assert.deepStrictEqual(
      readings(index).map((r) => `${r[0]} ${r[3]}`),
      ['0001-alt.md superseded', '0002-neu.md accepted', '0003-dazu.md accepted'],
    );
    assert.deepStrictEqual(linksOf(index, '0001-alt.md'), ['superseded-by 0002-neu.md']);
    assert.deepStrictEqual(linksOf(index, '0002-neu.md').sort(), ['amended-by 0003-dazu.md', 'supersedes 0001-alt.md']);
    assert.deepStrictEqual(surveyProblems(index), []);
    const line = nfd('Remplacé par [2. Décision](0002-dé.md)');
    assert.deepStrictEqual(parseLinkLine(line), {
      verb: 'Remplacé par',
      label: nfd('2. Décision'),
      href: nfd('0002-dé.md'),
    });
  });
});
