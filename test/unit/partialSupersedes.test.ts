import * as assert from 'assert';
import {
  linkKindFromVerb,
  normaliseStatus,
  parseLinkLine,
  parseSuccessorField,
  parseTextualLinkLine,
  parseTextualStatusLinks,
} from '../../src/core/decisions/status';
import { parseDecision } from '../../src/core/decisions/decisionParser';
import { readFrontMatter } from '../../src/core/records/frontMatter';
import { indexOf, linksOf, readings, surveyProblems } from './helpers';

/** A Nygard record: `# N. Title`, a date and a Status section holding `status`. */
const nygard = (n: number, title: string, status: string): string => `# ${n}. ${title}\n\nDate: 2026-05-04\n\n## Status\n\n${status}\n\n## Context\n\nC.\n`;

describe('a record superseded only in part', () => {
  it('reads the partial verbs as the amendment they are, in every spelling', () => {
    for (const verb of ['Partially superseded by', 'PARTIALLY SUPERSEDED by', 'Partly superseded by', 'Superseded in part by', 'Partially superceded by'])
      assert.strictEqual(linkKindFromVerb(verb), 'amended-by', verb);
    for (const verb of ['Partially supersedes', 'Supersedes in part', 'Partly replaces', 'Supercedes in part'])
      assert.strictEqual(linkKindFromVerb(verb), 'amends', verb);
    // The whole verbs are unchanged.
    assert.strictEqual(linkKindFromVerb('Superseded by'), 'superseded-by');
    assert.strictEqual(linkKindFromVerb('Supersedes'), 'supersedes');
  });

  it('keeps the status the record writes: a status word before the partial supersede, else the words `partially superseded`', () => {
    assert.strictEqual(normaliseStatus('Accepted, partially superseded by ADR-0051'), 'accepted');
    assert.strictEqual(normaliseStatus('Accepted, superseded by ADR-0051 in part'), 'accepted');
    assert.strictEqual(normaliseStatus('Accepted (partially superseded by ADR-0051)'), 'accepted');
    for (const status of [
      'Partially superseded by ADR-0051',
      'PARTIALLY SUPERSEDED by [[0051-x]]',
      'Partially superseded by [51. X](0051-x.md)',
      'Partly superseded',
      'Superseded in part by ADR-0051',
      'Superseded by ADR-0051 in part',
      '**Partially Superseded**',
    ])
      assert.strictEqual(normaliseStatus(status), 'partially superseded', status);
    // A whole supersede is still one.
    assert.strictEqual(normaliseStatus('Superseded by ADR-0051'), 'superseded');
    assert.strictEqual(normaliseStatus('Accepted, superseded by ADR-0051'), 'superseded');
  });

  it('reads the records a partial supersede names in words, on the older and the newer side', () => {
    const amendedBy = (ref: string) => [{ kind: 'amended-by', ref }];
    assert.deepStrictEqual(parseTextualStatusLinks('Accepted, partially superseded by ADR-0051'), amendedBy('ADR-0051'));
    assert.deepStrictEqual(parseTextualStatusLinks('Partially superseded by ADR 0023'), amendedBy('ADR 0023'));
    assert.deepStrictEqual(parseTextualStatusLinks('Superseded by ADR-0042 in part'), amendedBy('ADR-0042'));
    assert.deepStrictEqual(parseTextualStatusLinks('Deprecated (partially superseded by ADR-0042)'), amendedBy('ADR-0042'));
    assert.deepStrictEqual(
      parseTextualStatusLinks('Partially superseded by ADR 0004 on 2026-08-30. Provider names follow the runtime.'),
      amendedBy('ADR 0004'),
    );
    assert.deepStrictEqual(parseTextualStatusLinks('Accepted (partially supersedes ADR 0007)'), [{ kind: 'amends', ref: 'ADR 0007' }]);
    assert.deepStrictEqual(parseTextualLinkLine('Partially supersedes ADR-0012'), { kind: 'amends', refs: ['ADR-0012'] });
    assert.deepStrictEqual(parseTextualLinkLine('- **Supersedes in part:** ADR 0008.'), { kind: 'amends', refs: ['ADR 0008'] });
    assert.deepStrictEqual(parseTextualLinkLine('Supersedes ADR-0006 in part.'), { kind: 'amends', refs: ['ADR-0006'] });
    assert.deepStrictEqual(parseSuccessorField('- Superseded in part by: ADR-0027'), [{ kind: 'amended-by', ref: 'ADR-0027' }]);
    // A part named in words is still not a record.
    assert.deepStrictEqual(parseTextualLinkLine("Supersedes ADR-0066's release policy"), undefined);
    assert.deepStrictEqual(parseLinkLine('Supersedes in part [ADR-0012](0012-x.md)'), { verb: 'Supersedes in part', label: 'ADR-0012', href: '0012-x.md' });
  });

  it('links both records as amended-by and amends, keeps the older record in force, and lint finds no one-sided link', async () => {
    const { index } = await indexOf({
      'doc/adr/0012-use-rest.md': nygard(12, 'Use REST', 'Accepted, partially superseded by ADR-0051'),
      'doc/adr/0013-use-queues.md': nygard(13, 'Use queues', 'PARTIALLY SUPERSEDED by [[0051-use-grpc]]'),
      'doc/adr/0014-use-json.md': nygard(14, 'Use JSON', 'Partially superseded by [51. Use gRPC](0051-use-grpc.md)'),
      'doc/adr/0051-use-grpc.md': nygard(
        51,
        'Use gRPC',
        'Accepted\n\nSupersedes in part [ADR-0012](0012-use-rest.md)\n\nPartially supersedes ADR-0013\n\nPartially supersedes [14. Use JSON](0014-use-json.md)',
      ),
    });
    assert.deepStrictEqual(
      readings(index).map((r) => [r[0], r[3]]),
      [
        ['0012-use-rest.md', 'accepted'],
        ['0013-use-queues.md', 'partially superseded'],
        ['0014-use-json.md', 'partially superseded'],
        ['0051-use-grpc.md', 'accepted'],
      ],
    );
    for (const name of ['0012-use-rest.md', '0013-use-queues.md', '0014-use-json.md'])
      assert.deepStrictEqual(linksOf(index, name), ['amended-by 0051-use-grpc.md'], name);
    assert.deepStrictEqual(linksOf(index, '0051-use-grpc.md'), ['amends 0012-use-rest.md', 'amends 0013-use-queues.md', 'amends 0014-use-json.md']);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('front matter keys of a partial supersede are amendments; a link with words after it is that link', async () => {
    const { index } = await indexOf({
      'docs/decisions/0012-a.md': '---\nstatus: accepted\npartially_superseded_by: ADR-0051\n---\n\n# A\n',
      'docs/decisions/0013-b.md': '---\nstatus: accepted\npartially-superseded-by: "0051"\n---\n\n# B\n',
      'docs/decisions/0014-c.md': '---\nstatus: partially superseded by ADR-0051\n---\n\n# C\n',
      'docs/decisions/0015-d.md': '---\nstatus: accepted\npartiallySupersededBy:\n  - "[ADR-0051](0051-e.md)\'s cache settings"\n---\n\n# D\n',
      'docs/decisions/0051-e.md':
        '---\nstatus: accepted\nsupersedes_in_part: ADR-0012\npartially_supersedes: [ADR-0013, "[ADR-0014](0014-c.md)"]\n---\n\n# E\n',
    });
    assert.deepStrictEqual(
      readings(index).map((r) => [r[0], r[3]]),
      [
        ['0012-a.md', 'accepted'],
        ['0013-b.md', 'accepted'],
        ['0014-c.md', 'partially superseded'],
        ['0015-d.md', 'accepted'],
        ['0051-e.md', 'accepted'],
      ],
    );
    for (const name of ['0012-a.md', '0013-b.md', '0014-c.md', '0015-d.md']) assert.ok(linksOf(index, name).includes('amended-by 0051-e.md'), name);
    assert.deepStrictEqual(linksOf(index, '0051-e.md'), ['amends 0012-a.md', 'amends 0013-b.md', 'amends 0014-c.md', 'amends 0015-d.md']);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('a supersede stated back as a partial one is no one-sided link; a partial supersede with no other side is', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md': nygard(1, 'A', 'Partially superseded by [2. B](0002-b.md)'),
      'doc/adr/0002-b.md': nygard(2, 'B', 'Accepted\n\nSupersedes [1. A](0001-a.md)'),
      'doc/adr/0003-c.md': nygard(3, 'C', 'Superseded by [4. D](0004-d.md)'),
      'doc/adr/0004-d.md': nygard(4, 'D', 'Accepted\n\nSupersedes in part [3. C](0003-c.md)'),
      'doc/adr/0005-e.md': nygard(5, 'E', 'Accepted'),
      'doc/adr/0006-f.md': nygard(6, 'F', 'Accepted\n\nPartially supersedes [5. E](0005-e.md)'),
    });
    assert.strictEqual(index.records().find((r) => r.path.endsWith('0003-c.md'))?.status, 'superseded');
    assert.deepStrictEqual(surveyProblems(index), ['0006-f.md:9 one-sided-link']);
    assert.match(index.problems().find((p) => p.code === 'one-sided-link')?.message ?? '', /amends 0005-e\.md.*is amended by this one/);
  });

  it('reads the shapes public ADR folders write (titles made up)', async () => {
    const { index } = await indexOf({
      // A status bullet naming the newer record in words, and the newer record's bold field naming the older one.
      'docs/adr/0008-keep-the-edition.md': '# ADR 0008: Keep the working edition\n\n- Status: Partially superseded by ADR 0023\n- Date: 2026-07-27\n',
      'docs/adr/0023-editions-per-team.md':
        '# ADR 0023: Editions per team\n\n- **Status:** Accepted\n- **Date:** 2026-08-05\n- **Supersedes in part:** ADR 0008.\n\n## Context\n\nx\n',
      // A status bullet with a link and sentences after it.
      'docs/adr/0002-ship-desktop.md':
        '# ADR 002: Ship the desktop app\n\n- Status: Partially superseded by [ADR 007](0007-release.md). The signing matrix below was never built; the storage rules still apply.\n- Date: 2026-09-02\n',
      'docs/adr/0007-release.md':
        '# ADR 007: Release automation\n\n- Status: Accepted\n- Date: 2026-09-10\n- Supersedes in part: [ADR 002](0002-ship-desktop.md)\n',
      // Bold fields under the title, a note after the link.
      'docs/adr/0003-sign-up.md':
        '# 0003: Tenant sign-up\n\n**Status**: Partially superseded by [0018-keycloak.md](0018-keycloak.md) — the sign-up page stays; the login container goes\n**Date**: 2026-01-22\n',
      'docs/adr/0018-keycloak.md':
        '# 0018: Keycloak\n\n**Status**: Accepted\n**Date**: 2026-03-01\n**Partially supersedes**: [0003-sign-up.md](0003-sign-up.md)\n',
      // Fields of both directions under the title of one record.
      'docs/adr/0026-idle-sessions.md':
        '# ADR-0026: Keep idle sessions\n\n- Status: Accepted\n- Date: 2026-08-21\n- Supersedes in part: [ADR-0001](0001-focus.md)\n- Superseded in part by: [ADR-0027](0027-session-start.md)\n',
      'docs/adr/0001-focus.md': '# ADR-0001: Focus\n\n- Status: Accepted\n- Partially superseded by: [ADR-0026](0026-idle-sessions.md)\n',
      'docs/adr/0027-session-start.md': '# ADR-0027: Session start\n\n- Status: Accepted\n- Supersedes in part: [ADR-0026](0026-idle-sessions.md)\n',
      // One line of fields, the partial supersede in brackets after the status.
      'docs/adr/0009-one-flow.md': '# ADR 0009 — One flow\n\n**Date:** 2026-09-02 · **Status:** Accepted (partially supersedes ADR 0007)\n\n## Context\n\nx\n',
      // The day it happened, then a sentence of its own.
      'docs/adr/0010-split-settings.md':
        '# 0010. Split the settings\n\nStatus: Partially superseded by ADR 0004 on 2026-08-30. Provider names follow the runtime docs.\n',
      'docs/adr/0004-runtime.md': '# 0004. Runtime\n\nStatus: Accepted\n',
      // A quoted banner in the body of a record whose status is in front matter.
      'docs/adr/0011-merge.md':
        '---\nstatus: proposed\n---\n\n# Merge design\n\n> **Superseded in part by [ADR-0044](0044-ops.md) (per-field ops).** The rest stands.\n',
      'docs/adr/0044-ops.md': '# 44. Ops\n\n## Status\n\nAccepted\n',
      // The verb alone on its line, the link opening the next.
      'docs/adr/0005-editor-hook.md':
        '# ADR-0005: Editor hook\n\n## Status\n\nPartly superseded by\n[ADR-0006](0006-transports.md). The plugin half remains current.\n\nDate: 2026-07-11.\n',
      'docs/adr/0006-transports.md': '# ADR-0006: Transports\n\n## Status\n\nAccepted\n\nPartially supersedes [ADR-0005](0005-editor-hook.md)\n',
    });
    const statuses = Object.fromEntries(readings(index).map((r) => [r[0], r[3]]));
    for (const name of ['0008-keep-the-edition.md', '0002-ship-desktop.md', '0003-sign-up.md', '0010-split-settings.md', '0005-editor-hook.md'])
      assert.strictEqual(statuses[name], 'partially superseded', name);
    assert.strictEqual(statuses['0001-focus.md'], 'accepted');
    assert.strictEqual(statuses['0011-merge.md'], 'proposed');
    assert.strictEqual(statuses['0009-one-flow.md'], 'accepted');
    const own = (name: string) => linksOf(index, name).filter((l) => !l.startsWith('referenced'));
    assert.deepStrictEqual(own('0008-keep-the-edition.md'), ['amended-by 0023-editions-per-team.md']);
    assert.deepStrictEqual(own('0023-editions-per-team.md'), ['amends 0008-keep-the-edition.md']);
    assert.deepStrictEqual(own('0002-ship-desktop.md'), ['amended-by 0007-release.md']);
    assert.deepStrictEqual(own('0007-release.md'), ['amends 0002-ship-desktop.md', 'amended-by 0009-one-flow.md']);
    assert.deepStrictEqual(own('0003-sign-up.md'), ['amended-by 0018-keycloak.md']);
    assert.deepStrictEqual(own('0026-idle-sessions.md'), ['amended-by 0027-session-start.md', 'amends 0001-focus.md']);
    assert.deepStrictEqual(own('0009-one-flow.md'), ['amends 0007-release.md']);
    assert.deepStrictEqual(own('0010-split-settings.md'), ['amended-by 0004-runtime.md']);
    assert.deepStrictEqual(own('0011-merge.md'), ['amended-by 0044-ops.md']);
    assert.deepStrictEqual(own('0005-editor-hook.md'), ['amended-by 0006-transports.md']);
    assert.deepStrictEqual(own('0006-transports.md'), ['amends 0005-editor-hook.md']);
    assert.deepStrictEqual(surveyProblems(index), []);
  });
});

describe('links a verb line holds besides its verb link', () => {
  it('reads the other links of the line as references, in the Status section and the body', async () => {
    const { index } = await indexOf({
      'doc/adr/0003-a.md': nygard(3, 'A', 'Superseded by [[0008-v]]'),
      'doc/adr/0005-b.md': nygard(5, 'B', 'Accepted\n\nSupersedes [8. V](0008-v.md)'),
      'doc/adr/0007-c.md': nygard(7, 'C', 'Accepted'),
      'doc/adr/0009-d.md': nygard(9, 'D', 'Accepted'),
      'doc/adr/0008-v.md': nygard(
        8,
        'V',
        'Superseded by [ADR-5](0005-b.md); see also [ADR-7](0007-c.md)\n\nSupersedes [[0003-a]]. See also [[0009-d]] and [[0099-not-written]]',
      ),
    });
    assert.deepStrictEqual(linksOf(index, '0008-v.md'), ['superseded-by 0005-b.md', 'supersedes 0003-a.md', 'references 0007-c.md', 'references 0009-d.md']);
    assert.deepStrictEqual(linksOf(index, '0007-c.md'), ['referenced-by 0008-v.md']);
    assert.strictEqual(index.records().find((r) => r.path.endsWith('0008-v.md'))?.status, 'superseded');
    // A wiki link naming no record is no broken link; both supersedes are stated on both sides.
    assert.deepStrictEqual(surveyProblems(index), []);
  });
});

describe('a verb naming a list of records', () => {
  it("the links listed after the verb's (`, `, `and`, `&`) are the verb's; after other words, references", async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md': nygard(1, 'A', 'Superseded by [9. V](0009-v.md)'),
      'doc/adr/0002-b.md': nygard(2, 'B', 'Superseded by [9. V](0009-v.md)'),
      'doc/adr/0003-c.md': nygard(3, 'C', 'Superseded by [9. V](0009-v.md)'),
      'doc/adr/0004-d.md': nygard(4, 'D', 'Accepted'),
      'doc/adr/0009-v.md': nygard(
        9,
        'V',
        'Accepted\n\nSupersedes [ADR-1](0001-a.md), **[ADR-2](0002-b.md)** and [ADR-3](0003-c.md). See also [ADR-4](0004-d.md)',
      ),
    });
    assert.deepStrictEqual(linksOf(index, '0009-v.md'), ['supersedes 0001-a.md', 'supersedes 0002-b.md', 'supersedes 0003-c.md', 'references 0004-d.md']);
    assert.deepStrictEqual(linksOf(index, '0002-b.md'), ['superseded-by 0009-v.md']);
    assert.deepStrictEqual(surveyProblems(index), []);
  });
});

describe('front matter refines and refined-by', () => {
  it('the other record shows the reverse of a refines, clarifies or extends written on one side', async () => {
    const { index } = await indexOf({
      'docs/decisions/0001-a.md': '---\nstatus: accepted\n---\n\n# A\n',
      'docs/decisions/0002-b.md': '---\nstatus: accepted\nrefines: [ADR-0001]\n---\n\n# B\n',
    });
    assert.deepStrictEqual(linksOf(index, '0001-a.md'), ['refined-by 0002-b.md']);
    const nygardIndex = (
      await indexOf({
        'doc/adr/0001-a.md': nygard(1, 'A', 'Accepted'),
        'doc/adr/0002-b.md': nygard(2, 'B', 'Accepted\n\nClarifies [1. A](0001-a.md)\n\nExtends [1. A](0001-a.md)'),
      })
    ).index;
    assert.deepStrictEqual(linksOf(nygardIndex, '0001-a.md'), ['clarified-by 0002-b.md', 'extended-by 0002-b.md']);
  });

  it('are the links a `Refines [1. X](…)` line makes', async () => {
    const { index } = await indexOf({
      'docs/decisions/0001-a.md': '---\nstatus: accepted\nrefined-by: [ADR-0002]\n---\n\n# A\n',
      'docs/decisions/0002-b.md': '---\nstatus: accepted\nrefines:\n  - "[ADR-0001](0001-a.md)"\n---\n\n# B\n',
      'docs/decisions/0003-c.md': '---\nstatus: accepted\nrefined_by: 4\n---\n\n# C\n',
      'docs/decisions/0004-d.md': '# 4. D\n\n## Status\n\nAccepted\n\nRefines [3. C](0003-c.md)\n',
    });
    assert.deepStrictEqual(linksOf(index, '0001-a.md'), ['refined-by 0002-b.md']);
    assert.deepStrictEqual(linksOf(index, '0002-b.md'), ['refines 0001-a.md']);
    assert.deepStrictEqual(linksOf(index, '0003-c.md'), ['refined-by 0004-d.md']);
    assert.deepStrictEqual(linksOf(index, '0004-d.md'), ['refines 0003-c.md']);
    assert.deepStrictEqual(surveyProblems(index), []);
  });
});

describe('a status mark closing a title', () => {
  it('is no part of the title, in front matter and in the H1 alike; other brackets are', () => {
    const title = (data: Record<string, unknown> | undefined, body: string, name = '0019-x.md'): string =>
      parseDecision({ path: `/r/docs/adr/${name}`, folder: '/r/docs/adr', log4brains: false, data, body, bodyLine: 0 }).title;
    assert.strictEqual(title({ title: 'Use thing (superseded)', status: 'superseded' }, 'x\n'), 'Use thing');
    assert.strictEqual(title({ title: 'Use thing [SUPERSEDED]', status: 'superseded' }, 'x\n'), 'Use thing');
    assert.strictEqual(title({ title: '[SUPERSEDED] Use thing', status: 'superseded' }, 'x\n'), 'Use thing');
    assert.strictEqual(title({ title: 'Use thing (Deprecated)', status: 'deprecated' }, 'x\n'), 'Use thing');
    assert.strictEqual(title({ title: 'Use thing (partially superseded)', status: 'accepted' }, 'x\n'), 'Use thing');
    assert.strictEqual(title(undefined, '# 19. Use thing (superseded)\n\n## Status\n\nSuperseded\n'), 'Use thing');
    // A title that says something else in brackets keeps it; a mark with no space before it, or that is the whole
    // title, is the title.
    assert.strictEqual(title({ title: 'Use Postgres (for reads)' }, 'x\n'), 'Use Postgres (for reads)');
    assert.strictEqual(title({ title: 'Stop the deprecated API (v1)' }, 'x\n'), 'Stop the deprecated API (v1)');
    assert.strictEqual(title({ title: 'Record what is superseded(superseded)' }, 'x\n'), 'Record what is superseded(superseded)');
    assert.strictEqual(title({ title: '(Superseded)' }, 'x\n'), '(Superseded)');
    const { data, body } = readFrontMatter('---\ntitle: "Use other (superseded)"\nstatus: superseded\n---\n\n# Use other (superseded)\n');
    assert.strictEqual(title(data, body), 'Use other');
  });
});

// No pattern backtracks over a long run of spaces: a slow one would hang here past the test's timeout.
describe('partial supersedes stay fast', () => {
  it('a line of many spaces, in a title, a Status section, a field or front matter, is read at once', () => {
    const spaces = ' '.repeat(50_000);
    const read = (text: string) => [normaliseStatus(text), parseTextualStatusLinks(text), parseTextualLinkLine(text) ?? null, parseSuccessorField(text)];
    assert.deepStrictEqual(read(`Partially superseded by${spaces}x`), ['partially superseded', [{ kind: 'amended-by', ref: 'x' }], null, []]);
    assert.deepStrictEqual(read(`Superseded by ADR-1${spaces}in part${spaces}`), ['partially superseded', [{ kind: 'amended-by', ref: 'ADR-1' }], null, []]);
    assert.deepStrictEqual(read(`Accepted (${spaces}partially supersedes${spaces}`), ['accepted', [], null, []]);
    assert.deepStrictEqual(read(`Supersedes ADR-1${spaces}in${spaces}`).slice(1), [[], null, []]);
    const record = parseDecision({
      path: '/r/docs/adr/0001-x.md',
      folder: '/r/docs/adr',
      log4brains: false,
      data: { title: `Use X${spaces}(superseded${spaces}x)` },
      body: `# 1. Use${spaces}(${spaces})\n\n## Status\n\nPartly${spaces}superseded by\n[x${spaces}]\n\nAccepted\n\nPartially superseded by${spaces}x\n\nSuperseded by${spaces}[x](0002-x.md)\n`,
      bodyLine: 0,
    });
    assert.strictEqual(record.status, 'superseded');
    assert.deepStrictEqual(
      record.links.map((l) => [l.kind, l.target]),
      [['superseded-by', '/r/docs/adr/0002-x.md']],
    );
    // Marks before a verb, one after another, that end in no verb.
    assert.strictEqual(parseLinkLine(`${'🙂'.repeat(40)}1 [x](0002-x.md)`), undefined);
  });
});
