import * as assert from 'assert';
import { addStatusLink, isStatusHeading, removeStatusLine } from '../../src/core/decisions/adrTools';
import { setDecisionStatus } from '../../src/core/decisions/newDecision';
import { supersedeExisting } from '../../src/core/decisions/recordLinks';
import { byName, indexOf } from './helpers';

/** A Nygard record whose Status heading is written as `heading`, its other sections in English */
function record(number: number, title: string, heading: string, status: string): string {
  if (heading.startsWith('### '))
    return `# ${number}. ${title}\n\nDate: 2026-02-03\n\n${heading}\n\n${status}\n\n### Context\n\nC.\n\n### Decision\n\nD.\n\n### Consequences\n\nE.\n`;
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
      assert.ok(isStatusHeading(h), h);
    for (const h of ['# Status', '#### Status', '## Status quo', 'Status', '## Statistics', '####### Status', '    ## Status', '## Context'])
      assert.ok(!isStatusHeading(h), h);
  });

  for (const heading of ['### Status', '## **Status**', '## Status:', '## 2. Status', '## 状态', '## 상태'])
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

describe('a Status section under an H3 heading', () => {
  it('is read in records whose sections are H3s, after an H1 title or an H2 one', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-app-connect.md':
        '# AD-001\n\n### Name\n\nApp Connect Deployment Strategy\n\n### Status\n\naccepted\n\n### Last Update\n\n2021-05-28\n\n### Topic\n\nT.\n',
      'doc/adr/0002-webhook-lookup.md':
        '## Decision ADR-099\n\n### Title\n\nWebhook lookup\n\n### Status\n\nProposed\n\n### Date\n\n2026-09-07\n\n### Context\n\nC.\n',
      'doc/adr/0003-inline.md': '# 3. Inline\n\n### Status: Deprecated\n\n### Context\n\nC.\n',
    });
    assert.strictEqual(byName(index, '0001-app-connect.md').status, 'accepted');
    assert.strictEqual(byName(index, '0002-webhook-lookup.md').status, 'proposed');
    assert.strictEqual(byName(index, '0003-inline.md').status, 'deprecated');
  });

  it("never replaces a Status section or field read first: an H3 Status in another section is that section's text", async () => {
    const { index } = await indexOf({
      'doc/adr/0001-nygard.md': '# 1. Nygard\n\n## Status\n\nProposed\n\n## Context\n\n### Status\n\nAccepted\n\n## Decision\n\nD.\n',
      'doc/adr/0002-madr.md': '---\nstatus: proposed\n---\n# Madr\n\n## Context and Problem Statement\n\n### Status\n\nAccepted\n',
      'doc/adr/0003-bullets.md': '# Bullets\n\n* Status: rejected\n* Date: 2026-01-02\n\n## Context\n\n### Status\n\nAccepted\n',
    });
    assert.strictEqual(byName(index, '0001-nygard.md').status, 'proposed');
    assert.strictEqual(byName(index, '0002-madr.md').status, 'proposed');
    assert.strictEqual(byName(index, '0003-bullets.md').status, 'rejected');
  });
});
