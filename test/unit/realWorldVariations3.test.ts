import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { toPortPath } from '../../src/core/store/fileSystem';
import { runCli } from './cliInProcess';
import { byName, indexOf, linksOf, readings, surveyProblems } from './helpers';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

/** Shapes met in a third survey of public repositories' ADR folders. */
describe('real-world record variations, third survey', () => {
  it('a bar or a middle dot between the number and the title (`# ADR-0077 | Title`, `# ADR-0001 · Title`) parts them as a dash does', async () => {
    const { index } = await indexOf({
      'docs/adr/0077-admit-a-rule.md': '# ADR-0077 | Admit a rule that reports a correct spelling\n\n**Status:** Accepted\n',
      'docs/adr/0001-python.md': '# ADR-0001 · Python as primary language\n\n- **Status:** Accepted\n',
      'docs/adr/0002-pipes.md': '# 2 | Use pipes | and filters\n\n- **Status:** Proposed\n',
      'docs/adr/notes.md': '# ADR · Keep notes\n',
    });
    assert.deepStrictEqual(readings(index), [
      ['0001-python.md', 1, 'Python as primary language', 'accepted', null],
      ['0002-pipes.md', 2, 'Use pipes | and filters', 'proposed', null],
      ['0077-admit-a-rule.md', 77, 'Admit a rule that reports a correct spelling', 'accepted', null],
      ['notes.md', null, 'Keep notes', null, null],
    ]);
  });

  it('fields named after a status (`**Proposed:** …`, `- Accepted: …`) date a record that has no Date field: the acceptance first', async () => {
    const { index } = await indexOf({
      // Bold lines under the title, no Date field.
      'docs/adr/0002-admit.md': '# ADR-0002 | Admit\n\n**Status:** Accepted\n**Proposed:** 2026-08-10\n**Accepted:** 2026-08-12\n**Decision Makers:** Ada\n',
      // Bullets, the acceptance and later amendments.
      'docs/adr/0028-name.md':
        '# 0028: Name the transport\n\n- **Status:** Accepted\n- **Accepted:** 2026-07-11\n- **Amended:** 2026-07-16 — publication alone\n  does not imply stability\n',
      // A Date field stays the date.
      'docs/adr/0029-dated.md': '# ADR-0029 · Dated\n\n- **Status:** Accepted\n- **Date:** 2026-08-18 · **Accepted:** 2026-08-19\n',
      // The day a supersede was written is not the record's date; its acceptance is.
      'docs/adr/0030-state.md': '# ADR-0030 — State\n\n- **Status:** Superseded by ADR-0031 — 2026-08-25\n- **Accepted:** 2026-08-23\n',
      'docs/adr/0031-local.md': '# ADR-0031 — Local\n\n- Status: Accepted\n- Date: 2026-08-25\n- Supersedes: ADR-0030\n',
      // In the Status section, under the status.
      'docs/adr/0032-hooks.md': '# ADR-0032: Hooks\n\n## Status\n\n**Accepted**\n\n- Proposed: 2025-11-05\n- Accepted: 2025-11-06\n- Implemented: 2025-11-07\n',
      // Only a proposal so far.
      'docs/adr/0033-idea.md': '# ADR-0033: Idea\n\n**Status:** Proposed\n**Proposed:** 2026-09-01\n',
      // `Accepted: yes` is no date.
      'docs/adr/0034-yes.md': '# ADR-0034: Yes\n\n- Status: Accepted\n- Accepted: by the board\n',
    });
    assert.deepStrictEqual(readings(index), [
      ['0002-admit.md', 2, 'Admit', 'accepted', '2026-08-12'],
      ['0028-name.md', 28, 'Name the transport', 'accepted', '2026-07-11'],
      ['0029-dated.md', 29, 'Dated', 'accepted', '2026-08-18'],
      ['0030-state.md', 30, 'State', 'superseded', '2026-08-23'],
      ['0031-local.md', 31, 'Local', 'accepted', '2026-08-25'],
      ['0032-hooks.md', 32, 'Hooks', 'accepted', '2025-11-06'],
      ['0033-idea.md', 33, 'Idea', 'proposed', '2026-09-01'],
      ['0034-yes.md', 34, 'Yes', 'accepted', null],
    ]);
    assert.deepStrictEqual(linksOf(index, '0030-state.md'), ['superseded-by 0031-local.md']);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('a supersede link after bold opened or an emoji (`**Status:** **superseded by [ADR 9](…) on …**`, `⚠️ Superseded by [ADR-0034](…)`) is the supersede, not a plain reference', async () => {
    const { index } = await indexOf({
      'docs/adr/0007-phase.md':
        '# ADR 0007 — Phase 1a winner\n\n* **Date:** 2026-05-12\n* **Status:** **superseded by [ADR 0009](0009-goal.md) on 2026-05-19** — the recommendation is not a network.\n',
      'docs/adr/0009-goal.md': '# ADR 0009 — Goal restated\n\n* **Date:** 2026-05-19\n* **Status:** accepted\n* **Supersedes:** [ADR 0007](0007-phase.md)\n',
      'docs/adr/0004-principal.md':
        '# ADR-0004: Principal\n\n- **Status:** ⚠️ Superseded by [ADR-0034](0034-folded.md)\n- **Date:** 2026-07-29\n\n> **Superseded 2026-08-11.** Modelled differently.\n',
      'docs/adr/0034-folded.md': '# ADR-0034: Folded\n\n- **Status:** ✅ Accepted\n- **Date:** 2026-08-11\n- **Supersedes:** [ADR-0004](0004-principal.md)\n',
      'docs/adr/0005-plain.md': '# ADR-0005: Plain\n\n- **Status:** ⚠️ Superseded by ADR-0034\n- **Date:** 2026-07-01\n',
    });
    assert.deepStrictEqual(linksOf(index, '0007-phase.md'), ['superseded-by 0009-goal.md']);
    assert.deepStrictEqual(linksOf(index, '0004-principal.md'), ['superseded-by 0034-folded.md']);
    assert.deepStrictEqual(linksOf(index, '0005-plain.md'), ['superseded-by 0034-folded.md']);
    assert.deepStrictEqual(
      readings(index).map((r) => r[3]),
      ['superseded', 'superseded', 'superseded', 'accepted', 'accepted'],
    );
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('an emoji before the verb in a Nygard Status section (`❌ Superseded by [2. B](…)`) is the link line; `✅ Accepted` is accepted', async () => {
    const section = (n: number, t: string, status: string): string => `# ${n}. ${t}\n\nDate: 2026-01-0${n}\n\n## Status\n\n${status}\n\n## Context\n\nC.\n`;
    const { index } = await indexOf({
      'doc/adr/0001-a.md': section(1, 'A', '❌ Superseded by [2. B](0002-b.md)'),
      'doc/adr/0002-b.md': section(2, 'B', '✅ Accepted\n\nSupersedes [1. A](0001-a.md)'),
    });
    assert.deepStrictEqual(linksOf(index, '0001-a.md'), ['superseded-by 0002-b.md']);
    assert.deepStrictEqual(linksOf(index, '0002-b.md'), ['supersedes 0001-a.md']);
    assert.deepStrictEqual(
      readings(index).map((r) => r[3]),
      ['superseded', 'accepted'],
    );
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('a translation beside its record (`0077-x.fr.md`, `0012-y.pt-BR.md`) is that record in another language: no second record, no duplicate number, no broken link', async () => {
    const { root, index } = await indexOf({
      'docs/adr/0077-admit-a-rule.md':
        '# ADR-0077 | Admit a rule\n\n🌍 🇬🇧 English (this file) · 🇫🇷 [Français](0077-admit-a-rule.fr.md)\n\n**Status:** Accepted\n**Proposed:** 2026-08-20\n',
      'docs/adr/0077-admit-a-rule.fr.md': '# ADR-0077 | Admettre une règle\n\n**Statut :** Accepté\n',
      'docs/adr/0012-use-y.md': '# ADR-0012 | Use Y\n\n**Status:** Accepted\n\nIn Portuguese: [pt-BR](0012-use-y.pt-BR.md).\n',
      'docs/adr/0012-use-y.pt-BR.md': '# ADR-0012 | Usar Y\n\n**Status:** Accepted\n',
      // A dotted name with no record beside it is a record.
      'docs/adr/0013-node.js.md': '# ADR-0013 | Node.js\n\n**Status:** Accepted\n',
      'docs/adr/0014-only.de.md': '# ADR-0014 | Nur Deutsch\n\n**Status:** Accepted\n',
    });
    assert.deepStrictEqual(
      readings(index).map((r) => r[0]),
      ['0012-use-y.md', '0013-node.js.md', '0014-only.de.md', '0077-admit-a-rule.md'],
    );
    assert.deepStrictEqual(linksOf(index, '0077-admit-a-rule.md'), []);
    assert.deepStrictEqual(surveyProblems(index), []);
    // Written later, while the index is live: still the record's translation.
    fs.writeFileSync(path.join(root, 'docs/adr/0014-only.md'), '# ADR-0014 | Only\n\n**Status:** Accepted\n');
    await index.refreshFile(toPortPath(path.join(root, 'docs/adr/0014-only.md')));
    await index.refreshFile(toPortPath(path.join(root, 'docs/adr/0014-only.de.md')));
    fs.writeFileSync(path.join(root, 'docs/adr/0012-use-y.es.md'), '# ADR-0012 | Usar Y\n');
    await index.refreshFile(toPortPath(path.join(root, 'docs/adr/0012-use-y.es.md')));
    assert.deepStrictEqual(
      readings(index).map((r) => r[0]),
      ['0012-use-y.md', '0013-node.js.md', '0014-only.md', '0077-admit-a-rule.md'],
    );
  });

  it('a plain `Status: superseded by ADR-0019` line under the title supersedes; `Supersedes: ADR-0019 (a note)` is its other side; `Superseded by: None` is no link', async () => {
    const { index } = await indexOf({
      'docs/adr/0018-summarizer.md':
        '# ADR-0018: Summarizer\n\nStatus: accepted\nDate: 2026-02-02\nSupersedes: ADR-0019 (the summarization model pin)\nSuperseded by: None\n\n## Context\n\nC.\n',
      'docs/adr/0019-pin.md': '# ADR-0019: Model pin\n\nStatus: superseded by ADR-0018\nDate: 2026-01-02\n',
    });
    assert.deepStrictEqual(linksOf(index, '0019-pin.md'), ['superseded-by 0018-summarizer.md']);
    assert.deepStrictEqual(linksOf(index, '0018-summarizer.md'), ['supersedes 0019-pin.md']);
    assert.deepStrictEqual(
      readings(index).map((r) => r[3]),
      ['accepted', 'superseded'],
    );
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('plain fields on one line, split by `·` (`Date: … · Status: accepted · Supersedes: ADR-0009 (…)`), are each read', async () => {
    const { index } = await indexOf({
      'docs/adr/0014-dual-host.md':
        '# ADR-0014 — Dual-host service layer\n\nDate: 2026-09-19 · Status: accepted · Supersedes: ADR-0009 (transport constraints)\n\n## Decision\n\nD.\n',
      'docs/adr/0009-transport.md': '# ADR-0009 — Transport\n\nDate: 2026-05-01 | Status: Superseded by ADR-0014\n',
      'docs/adr/0015-choices.md': '# ADR-0015 — Choices\n\nStatus: Proposed | Accepted · Date: 2026-10-01\n',
    });
    assert.deepStrictEqual(readings(index), [
      ['0009-transport.md', 9, 'Transport', 'superseded', '2026-05-01'],
      ['0014-dual-host.md', 14, 'Dual-host service layer', 'accepted', '2026-09-19'],
      ['0015-choices.md', 15, 'Choices', 'proposed', '2026-10-01'],
    ]);
    assert.deepStrictEqual(linksOf(index, '0014-dual-host.md'), ['supersedes 0009-transport.md']);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('a front-matter `status: superseded by ADR-0003` and a body link to that record (`> **Superseded by [ADR-0003](…).**`) are one link, the supersede', async () => {
    const madr = (fm: string, title: string, body: string): string =>
      `---\n${fm}\n---\n\n# ${title}\n\n${body}\n\n## Context and Problem Statement\n\nC.\n\n## Decision Outcome\n\nD.\n`;
    const { index } = await indexOf({
      'docs/decisions/0001-one-repo.md': madr(
        'status: superseded by ADR-0003',
        'One repo',
        '> **Superseded by [ADR-0003](./0003-vendored.md).** The rest holds.',
      ),
      'docs/decisions/0003-vendored.md': madr('status: accepted\ndate: 2026-02-01', 'Vendored', 'See [the other](0002-other.md).'),
      'docs/decisions/0002-other.md': madr('status: accepted', 'Other', 'Nothing.'),
    });
    assert.deepStrictEqual(linksOf(index, '0001-one-repo.md'), ['superseded-by 0003-vendored.md']);
    // A body link to a record named with no verb is still a reference.
    assert.deepStrictEqual(linksOf(index, '0003-vendored.md'), ['references 0002-other.md', 'supersedes 0001-one-repo.md']);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('a quoted banner (`> **⚠️ SUPERSEDED by [ADR-0002](./0002-b.md) — 2026-08-11**`) in a record with no status field supersedes it', async () => {
    const { index } = await indexOf({
      'docs/adr/0001-deepen.md':
        '# ADR-0001 — Deepen the write chain\n\n> **⚠️ SUPERSEDED by [ADR-0002](./0002-b.md) — 2026-08-11**\n> This pipeline is gone.\n\n## Context\n\nC.\n',
      'docs/adr/0002-b.md': '# ADR-0002: B\n\n- **Status:** Accepted\n- **Date:** 2026-07-01\n\n> See [ADR-0001](0001-deepen.md) for the history.\n',
    });
    assert.deepStrictEqual(linksOf(index, '0001-deepen.md'), ['superseded-by 0002-b.md', 'referenced-by 0002-b.md']);
    assert.deepStrictEqual(linksOf(index, '0002-b.md'), ['references 0001-deepen.md', 'supersedes 0001-deepen.md']);
    assert.strictEqual(byName(index, '0001-deepen.md').status, 'superseded');
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('a link to a record by its name without `.md` (`[2. B](./0002-b)`, `[C](0003-c#context)`), as documentation sites link pages, names that record', async () => {
    const nygard = (n: number, t: string, status: string, context = 'C.'): string =>
      `# ${n}. ${t}\n\nDate: 2026-01-0${n}\n\n## Status\n\n${status}\n\n## Context\n\n${context}\n\n## Decision\n\nD.\n\n## Consequences\n\nE.\n`;
    const { index } = await indexOf({
      'doc/adr/0001-a.md': nygard(1, 'A', 'Superseded by [2. B](./0002-b)'),
      'doc/adr/0002-b.md': nygard(2, 'B', 'Accepted\n\nSupersedes [1. A](0001-a.md)', 'See [C](0003-c#context), [the guide](../guide) and [gone](0009-gone).'),
      'doc/adr/0003-c.md': nygard(3, 'C', 'Accepted'),
    });
    assert.deepStrictEqual(linksOf(index, '0001-a.md'), ['superseded-by 0002-b.md']);
    assert.deepStrictEqual(linksOf(index, '0002-b.md'), ['supersedes 0001-a.md', 'references 0003-c.md']);
    assert.deepStrictEqual(linksOf(index, '0003-c.md'), ['referenced-by 0002-b.md']);
    // No link-to-non-record, no one-sided-link, no broken link for a page that is no record's.
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('index --json, adr list and lint read a folder of these shapes as the index does', async () => {
    const { root } = await indexOf({
      '.adr-dir': 'docs/decisions\n',
      'docs/decisions/0001-record.md':
        '<!--\nCopyright 2026 Example\n\nSPDX-License-Identifier: Apache-2.0\n-->\n\n# 1. Record architecture decisions\n\nDate: 2026-01-01\n\n## Status\n\n![Accepted](https://img.shields.io/badge/adr-accepted-green)\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nE.\n',
      'docs/decisions/0002-admit.md':
        '# ADR-0002 | Admit\n\n🌍 [Français](0002-admit.fr.md)\n\n**Status:** ⚠️ Superseded by [ADR-0003](0003-other.md)\n**Proposed:** 2026-02-01\n**Accepted:** 2026-02-03\n',
      'docs/decisions/0002-admit.fr.md': '# ADR-0002 | Admettre\n',
      'docs/decisions/0003-other.md': '# ADR-0003 · Other\n\nDate: 2026-03-01 · Status: accepted · Supersedes: ADR-0002 (the rule)\n',
    });
    const json = await runCli(['index', '--json', '--root', root]);
    assert.strictEqual(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout) as {
      records: { path: string; number: number; title: string; status: string; date: string; links: { kind: string; target: string }[] }[];
    };
    assert.deepStrictEqual(
      report.records
        .filter((r) => r.path.startsWith('docs/decisions/'))
        .map((r) => [path.basename(r.path), r.number, r.title, r.status, r.date, r.links.map((l) => `${l.kind} ${path.basename(l.target)}`)]),
      [
        ['0001-record.md', 1, 'Record architecture decisions', 'accepted', '2026-01-01', []],
        ['0002-admit.md', 2, 'Admit', 'superseded', '2026-02-03', ['superseded-by 0003-other.md']],
        ['0003-other.md', 3, 'Other', 'accepted', '2026-03-01', ['supersedes 0002-admit.md']],
      ],
    );
    // `adr list` works in the folder it is run in and lists every numbered file, the translation too, as adr-tools does.
    const list = spawnSync(process.execPath, [CLI, 'adr', 'list'], { cwd: root, encoding: 'utf8' });
    assert.deepStrictEqual(
      [list.status, list.stdout.trim().split('\n')],
      [0, ['docs/decisions/0001-record.md', 'docs/decisions/0002-admit.fr.md', 'docs/decisions/0002-admit.md', 'docs/decisions/0003-other.md']],
    );
    const lint = await runCli(['lint', '--json', '--root', root]);
    const found = (JSON.parse(lint.stdout) as { problems: { code: string }[] }).problems.map((p) => p.code).filter((c) => c !== 'missing-section');
    assert.deepStrictEqual([lint.code, found], [0, []]);
  });
});
