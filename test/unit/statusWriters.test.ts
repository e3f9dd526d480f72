import * as assert from 'assert';
import { addStatusLink, removeStatusLine } from '../../src/core/decisions/adrTools';
import { parseDecision } from '../../src/core/decisions/decisionParser';
import { decisionSection } from '../../src/core/decisions/decisionSections';
import { setDecisionStatus, supersedeText } from '../../src/core/decisions/newDecision';
import { addLinkInDialect, supersedeExisting } from '../../src/core/decisions/recordLinks';
import { readFrontMatter } from '../../src/core/records/frontMatter';
import { LodestarRecord } from '../../src/core/records/record';
import { byName, indexOf } from './helpers';

/** A record's text as the index reads it (front matter and a byte order mark as the file loader leaves them). */
function read(name: string, text: string): LodestarRecord {
  const bare = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const fm = readFrontMatter(bare);
  return parseDecision({ path: `/r/doc/adr/${name}`, folder: '/r/doc/adr', log4brains: false, data: fm.data, body: fm.body, bodyLine: fm.bodyLine });
}

const SUCCESSOR = { number: 2, title: 'B', path: '/r/doc/adr/0002-b.md' };

describe('status writers: a `## Status` in a code block is no Status heading', () => {
  const example = '```markdown\n## Status\n\nProposed\n\n## Context\n```\n';
  const text = `# 1. A\n\nDate: 2026-03-01\n\nA record shows the template it follows:\n\n${example}\n## Status\n\nProposed\n\n## Context\n\nC.\n`;

  it('reads and changes the real Status, not the example before it', () => {
    const record = read('0001-a.md', text);
    assert.strictEqual(record.status, 'proposed');
    const changed = setDecisionStatus(record, text, 'accepted');
    assert.strictEqual(changed, text.replace('## Status\n\nProposed\n\n## Context\n\nC.', '## Status\n\nAccepted\n\n## Context\n\nC.'));
    assert.ok(changed?.includes(example), 'the example is as it was');
    assert.strictEqual(read('0001-a.md', changed ?? '').status, 'accepted');
  });

  it('adds a link under the real Status and removes the status there, the example untouched', () => {
    const linked = addStatusLink(text, 'Amended by', '2. B', '0002-b.md');
    assert.strictEqual(linked, text.replace('Proposed\n\n## Context\n\nC.', 'Proposed\n\nAmended by [2. B](0002-b.md)\n\n## Context\n\nC.'));
    assert.strictEqual(removeStatusLine(text, 'Proposed'), text.replace('## Status\n\nProposed\n\n## Context\n\nC.', '## Status\n\n## Context\n\nC.'));
    const superseded = supersedeText(read('0001-a.md', text), text, SUCCESSOR);
    assert.ok(superseded.includes(example));
    assert.strictEqual(read('0001-a.md', superseded).status, 'superseded');
  });

  it('a fence of tildes, indented, after the Status section, and a fence inside it holding a heading', () => {
    const after = '# 1. A\n\n## Status\n\nAccepted\n\n## Consequences\n\n  ~~~~\n## Status\n\nDraft\n  ~~~~\n';
    assert.strictEqual(setDecisionStatus(read('0001-a.md', after), after, 'deprecated'), after.replace('Accepted', 'Deprecated'));
    const inside = '# 1. A\n\n## Status\n\nAccepted\n\n```\n## Context\n```\n\n## Context\n\nC.\n';
    // The link goes before the real next heading: after the code block, not into it.
    assert.strictEqual(
      addStatusLink(inside, 'Amends', '2. B', '0002-b.md'),
      inside.replace('```\n\n## Context', '```\n\nAmends [2. B](0002-b.md)\n\n## Context'),
    );
    assert.strictEqual(
      removeStatusLine('# 1. A\n\n## Status\n\n```\nAccepted\n\n\n```\n\nAccepted\n', 'Accepted'),
      '# 1. A\n\n## Status\n\n```\nAccepted\n\n\n```\n\n',
    );
  });

  it('a line indented four spaces after a blank line is code, no link; in a list item it is the item’s', () => {
    const code = '# 2. B\n\n## Status\n\nAccepted\n\n    Supersedes [1. A](0001-a.md)\n\n## Context\n\nC.\n';
    assert.deepStrictEqual(read('0002-b.md', code).links, []);
    const item = '# 2. B\n\n## Status\n\n- Accepted\n\n    Supersedes [1. A](0001-a.md)\n\n## Context\n\nC.\n';
    assert.deepStrictEqual(
      read('0002-b.md', item).links.map((l) => [l.kind, l.target]),
      [['supersedes', '/r/doc/adr/0001-a.md']],
    );
    // Indented under a paragraph it continues the paragraph (no code), as CommonMark reads it.
    const lazy = '# 2. B\n\n## Status\n\nAccepted\n    Supersedes [1. A](0001-a.md)\n\n## Context\n';
    assert.strictEqual(read('0002-b.md', lazy).links.length, 1);
    // A status written in such code is no status, and the writer does not take it for one.
    const codeStatus = '# 2. B\n\n## Status\n\n    Proposed\n\n## Context\n';
    assert.strictEqual(read('0002-b.md', codeStatus).status, null);
    assert.strictEqual(setDecisionStatus(read('0002-b.md', codeStatus), codeStatus, 'accepted'), codeStatus.replace('## Status\n', '## Status\n\nAccepted\n'));
  });

  // No pattern backtracks over a long line of spaces: a slow one would hang here past the test's timeout.
  it('a line of many spaces (indented code) is passed over, read and written at once', () => {
    const text = `# 1. A\n\n## Status\n\n${' '.repeat(200_000)}x\n\n${'\t '.repeat(50_000)}\n\nAccepted\n`;
    assert.strictEqual(read('0001-a.md', text).status, 'accepted');
    assert.ok(setDecisionStatus(read('0001-a.md', text), text, 'rejected')?.endsWith('\n\nRejected\n'));
  });
});

describe('status writers: the status on the heading, `# Status` and an underlined Status', () => {
  const record = (heading: string, rest = '\n\n## Context\n\nC.\n'): string => `# 1. A\n\nDate: 2026-03-01\n\n${heading}${rest}`;

  for (const [heading, after] of [
    ['## Status: Proposed', '## Status: Accepted'],
    ['## **Status:** Proposed', '## **Status:** Accepted'],
    ['## Status: **Proposed**', '## Status: **Accepted**'],
    ['## Status - Proposed', '## Status - Accepted'],
    ['## Status — Proposed', '## Status — Accepted'],
    ['## Status: Proposed ##', '## Status: Accepted ##'],
    ['Status: Proposed\n---', 'Status: Accepted\n---'],
  ])
    it(`"${heading.replace('\n', '⏎')}" is read, and changed on the heading itself`, () => {
      const text = record(heading);
      assert.strictEqual(read('0001-a.md', text).status, 'proposed');
      const changed = setDecisionStatus(read('0001-a.md', text), text, 'accepted');
      assert.strictEqual(changed, record(after));
      assert.strictEqual(read('0001-a.md', changed ?? '').status, 'accepted');
    });

  it('a dash after Status followed by more than a word is another heading, read and written as none', () => {
    const text = record('## Status - see the board', '\n\nProposed\n\n## Context\n\nC.\n');
    assert.strictEqual(read('0001-a.md', text).status, null);
    assert.strictEqual(setDecisionStatus(read('0001-a.md', text), text, 'accepted'), undefined);
    assert.strictEqual(addStatusLink(text, 'Amends', '2. B', '0002-b.md'), text);
  });

  it('superseding a record whose status is on its heading: the heading loses it, the link goes below', () => {
    const text = record('## Status: Accepted');
    const superseded = supersedeText(read('0001-a.md', text), text, SUCCESSOR);
    assert.strictEqual(superseded, record('## Status', '\n\nSuperseded by [2. B](0002-b.md)\n\n## Context\n\nC.\n'));
    assert.strictEqual(read('0001-a.md', superseded).status, 'superseded');
    assert.strictEqual(removeStatusLine(record('## **Status:** Accepted'), 'Accepted'), record('## **Status:**'));
    assert.strictEqual(removeStatusLine(record('## Status — Accepted ##'), 'Accepted'), record('## Status ##'));
  });

  it('a link held on the heading stays, on a line below, when the status changes', () => {
    const text = record('## Status: Superseded by [2. B](0002-b.md)');
    const changed = setDecisionStatus(read('0001-a.md', text), text, 'deprecated');
    assert.strictEqual(changed, record('## Status: Deprecated', '\n\nSuperseded by [2. B](0002-b.md)\n\n## Context\n\nC.\n'));
  });

  it('`# Status` after the title is read and written', () => {
    const text = record('# Status', '\n\nProposed\n\n# Context\n\nC.\n');
    assert.strictEqual(read('0001-a.md', text).status, 'proposed');
    const changed = setDecisionStatus(read('0001-a.md', text), text, 'accepted');
    assert.strictEqual(changed, text.replace('Proposed', 'Accepted'));
    assert.strictEqual(addStatusLink(text, 'Amended by', '2. B', '0002-b.md'), text.replace('Proposed\n\n', 'Proposed\n\nAmended by [2. B](0002-b.md)\n\n'));
    const empty = record('# Status', '\n\nSupersedes [0. Z](0000-z.md)\n\n# Context\n');
    assert.strictEqual(setDecisionStatus(read('0001-a.md', empty), empty, 'accepted'), empty.replace('# Status\n', '# Status\n\nAccepted\n'));
  });

  it('an underlined `Status` is read and written; a link goes before the next heading, underlined too', () => {
    const text = record('Status\n------', '\n\nProposed\n\nContext\n-------\n\nC.\n');
    assert.strictEqual(read('0001-a.md', text).status, 'proposed');
    const changed = setDecisionStatus(read('0001-a.md', text), text, 'accepted');
    assert.strictEqual(changed, text.replace('Proposed', 'Accepted'));
    const linked = addStatusLink(changed ?? '', 'Amended by', '2. B', '0002-b.md');
    assert.strictEqual(linked, text.replace('Proposed\n\n', 'Accepted\n\nAmended by [2. B](0002-b.md)\n\n'));
    assert.strictEqual(read('0001-a.md', linked).links[0]?.kind, 'amended-by');
    const only = record('Status\n------', '\n\nAmends [0. Z](0000-z.md)\n');
    assert.strictEqual(setDecisionStatus(read('0001-a.md', only), only, 'accepted'), only.replace('------\n', '------\n\nAccepted\n'));
  });
});

describe('status writers: records whose sections are H3s', () => {
  const h3 = '# AD-001 Use X\n\nDate: 2026-03-01\n\n### Status\n\nProposed\n\n### Context\n\nC.\n\n### Decision\n\nD.\n\n#### Details\n\nMore.\n';

  it('reads the H3 Status, and changes it, links and supersedes under it', async () => {
    const record = read('0001-use-x.md', h3);
    assert.strictEqual(record.status, 'proposed');
    assert.strictEqual(record.title, 'AD-001 Use X');
    const changed = setDecisionStatus(record, h3, 'accepted');
    assert.strictEqual(changed, h3.replace('Proposed', 'Accepted'));
    assert.strictEqual(
      addStatusLink(h3, 'Amended by', '2. B', '0002-b.md'),
      h3.replace('Proposed\n\n### Context', 'Proposed\n\nAmended by [2. B](0002-b.md)\n\n### Context'),
    );
    const files = { 'doc/adr/0001-use-x.md': h3, 'doc/adr/0002-b.md': '# 2. B\n\n## Status\n\nAccepted\n\n## Context\n\nC.\n' };
    const { index } = await indexOf(files);
    const older = byName(index, '0001-use-x.md');
    const newer = byName(index, '0002-b.md');
    const out = supersedeExisting(older, files['doc/adr/0001-use-x.md'], newer, files['doc/adr/0002-b.md']);
    assert.strictEqual(out.older, h3.replace('### Status\n\nProposed\n\n', '### Status\n\nSuperseded by [2. B](0002-b.md)\n\n'));
    const after = await indexOf({ 'doc/adr/0001-use-x.md': out.older, 'doc/adr/0002-b.md': out.newer });
    assert.strictEqual(byName(after.index, '0001-use-x.md').status, 'superseded');
  });

  it('`## Decision ADR-099` as the title, then H3 sections', () => {
    const text = '## Decision ADR-099: Use Y\n\n### Status\n\nAccepted\n\n### Context\n\nC.\n';
    const record = read('ADR-099-use-y.md', text);
    assert.strictEqual(record.status, 'accepted');
    assert.strictEqual(setDecisionStatus(record, text, 'deprecated'), text.replace('Accepted', 'Deprecated'));
    // A lone `## Status` is a section, no title: its H3s are inside it.
    const lone = '## Status\n\nAccepted\n\n### Notes\n\nN.\n';
    assert.strictEqual(read('0003-c.md', lone).status, 'accepted');
    assert.strictEqual(decisionSection(lone, 'status')?.heading, 0);
  });

  it('a record of H3 sections gets `### Links` for a MADR link, and writes in the `### Links` it has', () => {
    const madr = '# Use Z\n\n* Status: proposed\n* Date: 2026-03-01\n\n### Context and Problem Statement\n\nC.\n\n### Decision Outcome\n\nD.\n';
    const record = read('0004-use-z.md', madr);
    assert.strictEqual(record.dialect, 'madr2');
    const target = read('0002-b.md', '# 2. B\n\n## Status\n\nAccepted\n');
    const added = addLinkInDialect(record, madr, 'Relates to', target);
    assert.strictEqual(added, `${madr}\n### Links\n\n* Relates to [ADR-0002](0002-b.md)\n`);
    assert.strictEqual(read('0004-use-z.md', added).links[0]?.kind, 'relates-to');
    const again = addLinkInDialect(record, added, 'Amends', read('0003-c.md', '# 3. C\n'));
    assert.strictEqual(again, `${added}* Amends [ADR-0003](0003-c.md)\n`);
  });

  it('`## Status` with a `### Status` inside another section: the `##` one is read and written', () => {
    const text = '# 5. E\n\n## Context\n\n### Status\n\nThe status page is slow.\n\n## Status\n\nProposed\n\n## Implementation\n\n### Status\n\nHalf done.\n';
    const record = read('0005-e.md', text);
    assert.strictEqual(record.status, 'proposed');
    const changed = setDecisionStatus(record, text, 'accepted');
    assert.strictEqual(changed, text.replace('\nProposed\n', '\nAccepted\n'));
    assert.strictEqual(addStatusLink(text, 'Amends', '2. B', '0002-b.md'), text.replace('Proposed\n\n', 'Proposed\n\nAmends [2. B](0002-b.md)\n\n'));
  });

  it('a `### Status` under `## Consequences`, with no `## Status`, gives no status and takes none', () => {
    const text = '# 6. F\n\n## Context\n\nC.\n\n## Consequences\n\n### Status\n\nRejected components are hidden.\n';
    const record = read('0006-f.md', text);
    assert.strictEqual(record.status, null);
    assert.strictEqual(setDecisionStatus(record, text, 'accepted'), undefined);
    assert.strictEqual(addStatusLink(text, 'Amends', '2. B', '0002-b.md'), text);
    assert.strictEqual(removeStatusLine(text, 'Rejected components are hidden.'), text);
  });
});

describe('status writers: where the status is written in its section, and every other byte kept', () => {
  it('a comment of choices above the status is left, and the status line changed', () => {
    const text = '# 1. A\n\n## Status\n\n<!-- Proposed | Accepted | Rejected -->\nProposed\n\n## Context\n';
    const changed = setDecisionStatus(read('0001-a.md', text), text, 'accepted');
    assert.strictEqual(changed, text.replace('-->\nProposed', '-->\nAccepted'));
    const spread = '# 1. A\n\n## Status\n\n<!--\nProposed\n-->\n\nProposed\n\n## Context\n';
    assert.strictEqual(setDecisionStatus(read('0001-a.md', spread), spread, 'rejected'), spread.replace('-->\n\nProposed', '-->\n\nRejected'));
  });

  it('a checklist of statuses: the chosen box is ticked and the others cleared', () => {
    const text = '# 1. A\n\n## Status\n\n- [x] Proposed\n- [ ] Accepted\n- [ ] Rejected\n\n## Context\n';
    const changed = setDecisionStatus(read('0001-a.md', text), text, 'accepted');
    assert.strictEqual(changed, text.replace('[x] Proposed\n- [ ] Accepted', '[ ] Proposed\n- [x] Accepted'));
    assert.strictEqual(read('0001-a.md', changed ?? '').status, 'accepted');
    const other = setDecisionStatus(read('0001-a.md', text), text, 'deprecated');
    assert.strictEqual(
      other,
      text.replace('- [x] Proposed\n- [ ] Accepted\n- [ ] Rejected\n', '- [ ] Proposed\n- [ ] Accepted\n- [ ] Rejected\n- [x] Deprecated\n'),
    );
    assert.strictEqual(read('0001-a.md', other ?? '').status, 'deprecated');
  });

  it('a bullet and emphasis around the status stay', () => {
    const text = '# 1. A\n\n## Status\n\n- **Proposed**\n\n## Context\n';
    assert.strictEqual(setDecisionStatus(read('0001-a.md', text), text, 'accepted'), text.replace('**Proposed**', '**Accepted**'));
  });

  it('CRLF, a byte order mark and unknown front matter are kept, the heading written on its own line', () => {
    const text =
      '\uFEFF---\r\nowner: platform\r\napplies-to: src/**\r\n---\r\n# 1. A\r\n\r\n```\r\n## Status\r\n```\r\n\r\n## Status: Proposed\r\n\r\n## Context\r\n\r\nC.\r\n';
    const record = read('0001-a.md', text);
    assert.strictEqual(record.status, 'proposed');
    const changed = setDecisionStatus(record, text, 'accepted');
    assert.strictEqual(changed, text.replace('## Status: Proposed', '## Status: Accepted'));
    const superseded = supersedeText(record, text, SUCCESSOR);
    assert.strictEqual(superseded, text.replace('## Status: Proposed\r\n\r\n', '## Status\r\n\r\nSuperseded by [2. B](0002-b.md)\r\n\r\n'));
    const nygard = '\uFEFF# 1. A\r\n\r\n## Status\r\n\r\nAccepted\r\n';
    assert.strictEqual(addStatusLink(nygard, 'Amends', '2. B', '0002-b.md'), `${nygard}\r\nAmends [2. B](0002-b.md)\r\n`);
  });

  it('a MADR 2 `* Status:` bullet in a code block under the title is not the one changed', () => {
    const text =
      '# Use X\n\n```markdown\n* Status: [proposed | accepted]\n```\n\n* Status: proposed\n* Date: 2026-03-01\n\n## Context and Problem Statement\n\nC.\n\n## Decision Outcome\n\nD.\n';
    const record = read('0001-use-x.md', text);
    assert.strictEqual(record.status, 'proposed');
    assert.strictEqual(setDecisionStatus(record, text, 'accepted'), text.replace('* Status: proposed', '* Status: accepted'));
    assert.strictEqual(supersedeText(record, text, SUCCESSOR), text.replace('* Status: proposed', '* Status: superseded by [ADR-0002](0002-b.md)'));
  });
});

describe('status writers: what is around the status line stays', () => {
  const change = (text: string, status = 'deprecated'): [string | undefined, string | null | undefined] => {
    const out = setDecisionStatus(read('0003-use-x.md', text), text, status);
    return [out, out === undefined ? undefined : read('0003-use-x.md', out).status];
  };

  it('a checklist after the status line (a sign-off list) is no checklist of statuses: its boxes stay', () => {
    const text = '# 3. Use X\n\n## Status\n\nAccepted\n\nSign-off:\n- [x] Security review\n- [ ] Performance review\n\n## Context\n\nc\n';
    assert.deepStrictEqual(change(text), [text.replace('\nAccepted\n', '\nDeprecated\n'), 'deprecated']);
  });

  it('a checklist of statuses is ticked, and a sign-off list after it is left alone', () => {
    const text = '# 3. Use X\n\n## Status\n\n- [ ] Proposed\n- [x] Accepted\n\nSign-off:\n- [x] Security\n\n## Context\n';
    assert.deepStrictEqual(change(text, 'proposed'), [
      '# 3. Use X\n\n## Status\n\n- [x] Proposed\n- [ ] Accepted\n\nSign-off:\n- [x] Security\n\n## Context\n',
      'proposed',
    ]);
  });

  it('a comment after the status, on its line or its heading, a quote before it and a byte order mark stay', () => {
    assert.deepStrictEqual(change('# 3. X\n\n## Status: Accepted <!-- since 2024-01 -->\n\n## Context\n'), [
      '# 3. X\n\n## Status: Deprecated <!-- since 2024-01 -->\n\n## Context\n',
      'deprecated',
    ]);
    assert.deepStrictEqual(change('# 3. X\n\n## Status\n\n> Accepted <!-- c -->\n\n## Context\n'), [
      '# 3. X\n\n## Status\n\n> Deprecated <!-- c -->\n\n## Context\n',
      'deprecated',
    ]);
    assert.deepStrictEqual(change('# 3. X\r\n\r\n## Status\r\n\r\n**Accepted** <!-- c -->\r\n\r\n## Context\r\n'), [
      '# 3. X\r\n\r\n## Status\r\n\r\n**Deprecated** <!-- c -->\r\n\r\n## Context\r\n',
      'deprecated',
    ]);
    assert.deepStrictEqual(change('\uFEFF## Status: Accepted\n\n## Context\n\nc\n'), ['\uFEFF## Status: Deprecated\n\n## Context\n\nc\n', 'deprecated']);
  });
});
