import * as assert from 'assert';
import { addStatusLink, removeStatusLine } from '../../src/core/decisions/adrTools';
import { decisionSection } from '../../src/core/decisions/decisionSections';
import { setDecisionStatus } from '../../src/core/decisions/newDecision';
import { supersedeExisting } from '../../src/core/decisions/recordLinks';
import { byName, indexOf } from './helpers';

/** A Nygard record whose Status heading is written as `heading`, its other sections in English */
function record(number: number, title: string, heading: string, status: string): string {
  return `# ${number}. ${title}\n\nDate: 2026-02-03\n\n${heading}\n\n${status}\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nE.\n`;
}

describe('a status or link is written under the Status heading the record has', () => {
  it('knows the Status headings the reader knows, and nothing else', () => {
    for (const h of [
      '## Status',
      '## **Status**',
      '## Status:',
      '## 2. Status',
      '## Statut',
      '## 状态',
      '## ステータス',
      '## 상태',
      '  ## Status',
      '## Status ##',
    ])
      assert.strictEqual(decisionSection(record(1, 'Use X', h, 'Accepted'), 'status')?.heading, 4, h);
    // `# Status` after the title is a section as `## Status` is; `### Status` in a record of `##` sections is inside
    // the section before it; a heading indented four spaces is code.
    assert.strictEqual(decisionSection(record(1, 'Use X', '# Status', 'Accepted'), 'status')?.heading, 4);
    for (const h of ['### Status', '## Status quo', 'Status', '## Statistics', '####### Status', '    ## Status', '## Context'])
      assert.strictEqual(decisionSection(record(1, 'Use X', h, 'Accepted'), 'status'), undefined, h);
  });

  for (const heading of ['## **Status**', '## Status:', '## 2. Status', '## 状态', '## 상태'])
    it(`changes the status of a record headed "${heading}", and it reads back`, async () => {
      const files = { 'doc/adr/0001-use-x.md': record(1, 'Use X', heading, 'Proposed') };
      const { index } = await indexOf(files);
      const before = byName(index, '0001-use-x.md');
      assert.strictEqual(before.status, 'proposed', 'the reader finds the section');
      const changed = setDecisionStatus(before, files['doc/adr/0001-use-x.md'], 'accepted');
      assert.ok(changed, 'somewhere to write the status');
      assert.strictEqual(changed, record(1, 'Use X', heading, 'Accepted'), 'only the status line changed');
      const after = await indexOf({ 'doc/adr/0001-use-x.md': changed });
      assert.strictEqual(byName(after.index, '0001-use-x.md').status, 'accepted');
    });

  it('supersedes a record headed in Chinese: the old one says so under its heading, both ways linked', async () => {
    const files = {
      'doc/adr/0001-old.md': record(1, 'Old', '## 状态', 'Accepted'),
      'doc/adr/0002-new.md': record(2, 'New', '## 状态', 'Accepted'),
    };
    const { index } = await indexOf(files);
    const older = byName(index, '0001-old.md');
    const newer = byName(index, '0002-new.md');
    const out = supersedeExisting(older, files['doc/adr/0001-old.md'], newer, files['doc/adr/0002-new.md']);
    assert.match(out.older, /## 状态\n\nSuperseded by \[2\. New\]\(0002-new\.md\)\n\n## Context/);
    assert.match(out.newer, /## 状态\n\nAccepted\n\nSupersedes \[1\. Old\]\(0001-old\.md\)\n\n## Context/);
    const after = await indexOf({ 'doc/adr/0001-old.md': out.older, 'doc/adr/0002-new.md': out.newer });
    assert.strictEqual(byName(after.index, '0001-old.md').status, 'superseded');
    assert.deepStrictEqual(
      byName(after.index, '0002-new.md').links.map((l) => [l.kind, l.target]),
      [['supersedes', byName(after.index, '0001-old.md').path]],
    );
  });

  it('keeps adr-tools bytes for `## Status`, and adds nothing to a record without a Status heading (as adr-tools)', () => {
    const text = record(1, 'Use X', '## Status', 'Accepted');
    assert.strictEqual(addStatusLink(text, 'Amended by', '2. Y', '0002-y.md'), text.replace('Accepted\n\n', 'Accepted\n\nAmended by [2. Y](0002-y.md)\n\n'));
    assert.strictEqual(removeStatusLine(text, 'Accepted'), text.replace('Accepted\n\n', ''));
    const none = record(1, 'Use X', '## Status quo', 'Accepted');
    assert.strictEqual(addStatusLink(none, 'Amended by', '2. Y', '0002-y.md'), none);
  });
});

describe('an H3 Status is the text of the section it is in', () => {
  it('never gives a record its status, and a writer never writes under it', async () => {
    const text =
      '# 3. Add a status page\n\nDate: 2024-02-01\n\n## Context\n\nC.\n\n## Decision\n\n### Status\n\nThe status page shows deprecated components in grey.\n';
    const { index } = await indexOf({ 'doc/adr/0003-add-a-status-page.md': text, 'doc/adr/0004-h3.md': '# AD-004\n\n### Status\n\nRejected\n' });
    assert.strictEqual(byName(index, '0003-add-a-status-page.md').status, null);
    // A record whose sections are all H3s has its Status there.
    assert.strictEqual(byName(index, '0004-h3.md').status, 'rejected');
    assert.strictEqual(setDecisionStatus(byName(index, '0003-add-a-status-page.md'), text, 'deprecated'), undefined);
    assert.strictEqual(addStatusLink(text, 'Amended by', '5. X', '0005-x.md'), text);
  });
});
