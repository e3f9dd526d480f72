import * as assert from 'assert';
import { byName, indexOf, linksOf, readings, surveyProblems } from './helpers';

/** Shapes met in a fifth survey of public repositories' ADR folders. */
describe('real-world record variations, fifth survey', () => {
  it('a status ticked in a checklist (`- [ ] Proposed` / `- [x] Accepted`) is that status, in a Status section or under a `**Status:**` line; none ticked is none', async () => {
    const { index } = await indexOf({
      'docs/adr/ADR-0014-jwt.md':
        '# ADR-0014: JWT strategy\n\n## Status\n\n- [ ] Proposed\n- [x] Accepted\n- [ ] Superseded\n- [ ] Rejected\n\n## Date\n\n2026-07-01\n\n## Context\n\nx\n',
      'docs/adr/ADR-0033-commission.md':
        '# ADR-0033: Commission\n\n## Status\n\n- [ ] Proposed\n- [x] Accepted (operator approval - plan run `2026-07-07-8a9b2629`, 2026-07-07)\n- [ ] Superseded\n\n## Context\n\nx\n',
      'docs/adr/ADR-0035-basis.md':
        '# ADR-0035: Interpretation basis\n\n## Status\n\n- [ ] Proposed\n- [x] Accepted\n- [ ] Superseded\n\n**Date:** 2026-09-05 (record created from the baseline)\n**Deciders:** Architecture baseline\n\n## Context\n\nx\n',
      // The choices are written under a bold Status line with nothing after it.
      'docs/adr/ADR-0001-workflow.md':
        '# ADR-0001: Use a workflow\n\n**Date:** 2026-06-12\n\n**Status:**\n- [ ] Proposed\n- [x] Accepted\n- [ ] Deprecated\n- [ ] Superseded by ADR-___\n\n**Decision maker:** Cassio\n\n---\n\n## Block 1: Context\n\nx\n',
      'docs/adr/ADR-0002-replaced.md':
        '# ADR-0002: Replaced\n\n## Status\n\n- [ ] Proposed\n- [ ] Accepted\n- [x] Superseded by [ADR-0035](ADR-0035-basis.md)\n\nSupersedes ADR-0036.\n\n## Context\n\nx\n',
      // Nothing ticked yet: no status (not `proposed`, the first choice, nor `**date:**`, the line below).
      'docs/adr/ADR-0003-open.md':
        '# ADR-0003: Open\n\n## Status\n\n- [ ] Proposed\n- [ ] Accepted\n- [ ] Superseded by ADR-YYYY\n\n**Date:** 2026-06-01\n\n## Context\n\nx\n',
    });
    assert.deepStrictEqual(readings(index), [
      ['ADR-0001-workflow.md', 1, 'Use a workflow', 'accepted', '2026-06-12'],
      ['ADR-0002-replaced.md', 2, 'Replaced', 'superseded', null],
      ['ADR-0003-open.md', 3, 'Open', null, '2026-06-01'],
      ['ADR-0014-jwt.md', 14, 'JWT strategy', 'accepted', '2026-07-01'],
      ['ADR-0033-commission.md', 33, 'Commission', 'accepted', '2026-07-07'],
      ['ADR-0035-basis.md', 35, 'Interpretation basis', 'accepted', '2026-09-05'],
    ]);
    assert.deepStrictEqual(linksOf(index, 'ADR-0002-replaced.md'), ['superseded-by ADR-0035-basis.md']);
    // The unticked `Superseded by ADR-YYYY` and `ADR-___` name nothing.
    assert.deepStrictEqual(linksOf(index, 'ADR-0003-open.md'), []);
    assert.deepStrictEqual(linksOf(index, 'ADR-0001-workflow.md'), []);
  });

  it('a status that names the record amending it (`status: amended by ADR-0021`, `- Status: Amended by ADR 0024`) is that amended-by link; `Amends ADR 0012.` is the amends link', async () => {
    const { index } = await indexOf({
      'docs/adr/0010-worktrees.md': '---\nstatus: amended by ADR-0021\n---\n\n# Treat user worktrees as external truth\n\nx\n',
      'docs/adr/0011-forward.md': '---\nstatus: amended by ADR-0023 (the window is declared in trades and time)\n---\n\n# Forward testing falsifies\n\nx\n',
      'docs/adr/0012-payment.md': '# ADR 0012: Store-owned payment providers\n\n- Status: Amended by ADR 0024\n- Date: 2026-08-16\n\n## Context\n\nx\n',
      'docs/adr/0021-edit.md': '---\nstatus: accepted\namends: ADR-0010\n---\n\n# In-process edit module\n\nx\n',
      'docs/adr/0023-window.md': '---\nstatus: accepted\namends: ADR-0011\n---\n\n# Forward window\n\nx\n',
      'docs/adr/0024-payment.md': '# ADR 0024: Payment providers per store\n\n- Status: Accepted\n- Date: 2026-08-20\n\nAmends ADR 0012.\n\n## Context\n\nx\n',
    });
    assert.deepStrictEqual(
      readings(index).map((r) => r[3]),
      ['amended', 'amended', 'amended', 'accepted', 'accepted', 'accepted'],
    );
    assert.deepStrictEqual(linksOf(index, '0010-worktrees.md'), ['amended-by 0021-edit.md']);
    assert.deepStrictEqual(linksOf(index, '0011-forward.md'), ['amended-by 0023-window.md']);
    assert.deepStrictEqual(linksOf(index, '0012-payment.md'), ['amended-by 0024-payment.md']);
    assert.deepStrictEqual(linksOf(index, '0024-payment.md'), ['amends 0012-payment.md']);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('a status with what it replaces in brackets (`Status: accepted (supersedes 0009)`, `- Status: Accepted (supersedes ADR 0001)`) supersedes it; a part of a record does not', async () => {
    const { index } = await indexOf({
      'docs/adr/0001-name.md': '# ADR 0001: Release name\n\n- Status: Superseded by ADR 0019\n- Date: 2026-05-01\n',
      'docs/adr/0009-cleanup.md': '# 0009 — Cut-file cleanup at the default size\n\nStatus: superseded by 0012\nDate: 2026-09-20\n',
      'docs/adr/0012-per-asset.md': '# 0012 — Cut-file cleanup size is per asset\n\nStatus: accepted (supersedes 0009)\nDate: 2026-09-27\n',
      'docs/adr/0019-rename.md': '# ADR 0019: Rename the release\n\n- Status: Accepted (supersedes ADR 0001)\n- Date: 2026-05-11\n- Deciders: Arden\n',
      'docs/adr/0020-worker.md':
        '# 20. Frontend ships as a worker\n\nDate: 2026-06-07\nStatus: Accepted (supersedes the Pages/static assumption in ADR 0001)\n',
      'docs/adr/0021-embed.md': '# 0021 — Embed\n\n**Status:** Accepted; supersedes ADR 0012.\n',
    });
    assert.deepStrictEqual(linksOf(index, '0012-per-asset.md'), ['supersedes 0009-cleanup.md', 'superseded-by 0021-embed.md']);
    assert.deepStrictEqual(linksOf(index, '0019-rename.md'), ['supersedes 0001-name.md']);
    assert.deepStrictEqual(linksOf(index, '0020-worker.md'), []);
    assert.deepStrictEqual(
      readings(index).map((r) => r[3]),
      ['superseded', 'superseded', 'accepted', 'accepted', 'accepted', 'accepted'],
    );
    assert.deepStrictEqual(surveyProblems(index), ['0021-embed.md:3 one-sided-link']);
  });

  it('`Status: Superseded (see ADR-0006)` and `Superseded, see ADR-0006` name the record that superseded it: no one-sided link', async () => {
    const { index } = await indexOf({
      'docs/adr/0002-bridge.md':
        '# ADR-0002: Controller parameter bridge\n\nStatus: Superseded (see ADR-0006)\nDate: 2025-09-09 (superseded 2025-12-26)\n\n## Context\n\nx\n',
      'docs/adr/0003-probe.md': '# ADR-0003: Probe\n\n## Status\n\nSuperseded, see ADR-0006.\n\n## Context\n\nx\n',
      'docs/adr/0006-native.md':
        '# ADR-0006: Native parameters\n\nStatus: Accepted\nDate: 2025-12-26\n\nSupersedes ADR-0002 and ADR-0003.\n\n## Context\n\nx\n',
      // A note is not a record.
      'docs/adr/0015-config.md': '# ADR 0015 — Config schema\n\n- Date: 2026-05-20\n- Status: Superseded (see note below)\n',
    });
    assert.deepStrictEqual(linksOf(index, '0002-bridge.md'), ['superseded-by 0006-native.md']);
    assert.deepStrictEqual(linksOf(index, '0003-probe.md'), ['superseded-by 0006-native.md']);
    assert.deepStrictEqual(byName(index, '0002-bridge.md').date, '2025-09-09');
    assert.deepStrictEqual(linksOf(index, '0015-config.md'), []);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('`## Supersedes` and `## Superseded by` sections link the numbered records each line opens with (or names by number); `None`, a part named in prose and other pages are no link', async () => {
    const { index } = await indexOf({
      'docs/adr/ADR-004-outbox.md':
        '# ADR-004: Inventory reservation outbox\n\n## Status\n\nSuperseded\n\n## Context\n\nx\n\n## Superseded by\n\n- [ADR-011](ADR-011-transaction-port.md)\n',
      'docs/adr/ADR-005-events.md':
        '# ADR-005: Domain events\n\n## Status\n\nAccepted\n\n## Context\n\nx\n\n## Supersedes\n\n- None\n\n## Superseded by\n\nNone (current).\n',
      'docs/adr/ADR-011-transaction-port.md':
        '# ADR-011: Transaction port\n\n## Status\n\nAccepted\n\n## Context\n\nx\n\n## Supersedes\n\n- [ADR-004](ADR-004-outbox.md), whose historical rationale remains valid but whose port shape is replaced here.\n- Deployment-observation use of [ADR-005](ADR-005-events.md)\n- [Deployment spec](../specs/deploy.md)\n',
      'docs/adr/ADR-012-lifecycle.md': '# ADR-012: Lifecycle\n\n## Status\n\n## Superseded By\n\nADR-013\n',
      'docs/adr/ADR-013-lifecycle.md':
        '# ADR-013: Lifecycle standard\n\n## Status\n\nAccepted\n\n## Supersedes\n\n- [ADR-012-lifecycle.md](ADR-012-lifecycle.md#decision)\n',
      'docs/specs/deploy.md': '# Deploy\n',
    });
    assert.deepStrictEqual(linksOf(index, 'ADR-004-outbox.md'), ['superseded-by ADR-011-transaction-port.md']);
    assert.deepStrictEqual(linksOf(index, 'ADR-011-transaction-port.md'), ['supersedes ADR-004-outbox.md', 'references ADR-005-events.md']);
    assert.deepStrictEqual(linksOf(index, 'ADR-012-lifecycle.md'), ['superseded-by ADR-013-lifecycle.md']);
    assert.deepStrictEqual(linksOf(index, 'ADR-013-lifecycle.md'), ['supersedes ADR-012-lifecycle.md']);
    assert.deepStrictEqual(
      readings(index).map((r) => r[3]),
      ['superseded', 'accepted', 'accepted', 'superseded', 'accepted'],
    );
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it("a template's guidance kept in a record as an HTML comment over several lines holds no heading and no link: no broken link to `NNN-old.md`", async () => {
    const { index } = await indexOf({
      'docs/adr/ADR-005-events.md':
        '# ADR-005: Domain events\n\n## Status\n\nAccepted\n\n## Context\n\nx\n\n<!--\nIf this ADR supersedes an existing one, add the section below.\n\n## Supersedes\n\n- [ADR-NNN](./NNN-old.md) — superseded because [reason].\n- [ADR-004](ADR-004-outbox.md)\n-->\n\nSee [ADR-004](ADR-004-outbox.md) <!-- the outbox --> and [the spec](ADR-004-outbox.md).\n',
      'docs/adr/ADR-004-outbox.md': '# ADR-004: Outbox\n\n## Status\n\nAccepted\n\n## Context\n\nx\n',
    });
    assert.deepStrictEqual(linksOf(index, 'ADR-005-events.md'), ['references ADR-004-outbox.md']);
    assert.deepStrictEqual(surveyProblems(index), []);
    assert.strictEqual(byName(index, 'ADR-005-events.md').links[0].line, 20);
  });

  it('dates written elsewhere: `ADR-2026-08-24-slug.md` is named by its day (no number 2026), front matter `created:` and a `## Date` section opening with `Decision date:` or headed `## 日付` date the record', async () => {
    const { index } = await indexOf({
      'docs/adr/ADR-2026-08-24-import-codex.md': '# ADR — Import Codex login snapshots\n\nStatus: superseded\n',
      'docs/adr/ADR-2026-08-24-folder-local-homes.md': '# ADR — Folder-local login homes\n\nStatus: accepted\n',
      'docs/adr/ADR-020.md': '---\nid: ADR-020\ntitle: Supply-qualified reset\nstatus: accepted\ncreated: 2026-09-06\n---\n\n# Decision\n\nRetain.\n',
      'docs/adr/ADR_0025-separate-domain.md':
        '# ADR_0025: Separate domain for RPC nodes\n\n## Date\n\nDecision date: 2025-11-19\nLast status update: 2025-11-25\n\n## Status\n\n- [ ] Proposed\n- [x] Accepted\n',
      'docs/adr/ADR-0014-jwt.md': '# ADR-0014: JWT戦略\n\n## ステータス\n\n- [ ] Proposed\n- [x] Accepted\n\n## 日付\n\n2026-07-01\n\n## 背景\n\nx\n',
    });
    assert.deepStrictEqual(readings(index), [
      ['ADR_0025-separate-domain.md', 25, 'Separate domain for RPC nodes', 'accepted', '2025-11-19'],
      ['ADR-0014-jwt.md', 14, 'JWT戦略', 'accepted', '2026-07-01'],
      ['ADR-020.md', 20, 'Supply-qualified reset', 'accepted', '2026-09-06'],
      ['ADR-2026-08-24-folder-local-homes.md', null, 'Folder-local login homes', 'accepted', '2026-08-24'],
      ['ADR-2026-08-24-import-codex.md', null, 'Import Codex login snapshots', 'superseded', '2026-08-24'],
    ]);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('fields under the title set as a block quote (`> **Status:** accepted`, `> **Date:** 2026-06-20`, one line of several split by `·`) are read', async () => {
    const { index } = await indexOf({
      'docs/adr/ADR-0001-workbench.md': '# ADR-0001 — Workbench state is one session\n\n> **Status:** accepted\n> **Date:** 2026-06-20\n\n## Context\n\nx\n',
      'docs/adr/ADR-0011-messaging.md':
        '# ADR-0011: Cross-module communication\n\n> **Status:** Accepted\n> **Last updated:** 2026-06-14\n> > **Changes:** sync\n\n## Context\n\nx\n',
      'docs/adr/ADR-0012-signal.md':
        '# ADR — Bounding the failure signal\n\n> **Status:** accepted · **Date:** 2026-08-30 · **Scope:** the signal.\n>\n> This record exists because.\n\n## Context\n\nx\n',
      'docs/adr/ADR-0013-ledger.md':
        '# ADR-0013 — The harvest ledger\n\n> **Status:** Superseded by [ADR-0001](ADR-0001-workbench.md)  \n> **Date:** 2026-08-08  \n> **Deciders:** Ada, Grace\n\n---\n\n## Context\n\nx\n',
    });
    assert.deepStrictEqual(readings(index), [
      ['ADR-0001-workbench.md', 1, 'Workbench state is one session', 'accepted', '2026-06-20'],
      ['ADR-0011-messaging.md', 11, 'Cross-module communication', 'accepted', '2026-06-14'],
      ['ADR-0012-signal.md', 12, 'Bounding the failure signal', 'accepted', '2026-08-30'],
      ['ADR-0013-ledger.md', 13, 'The harvest ledger', 'superseded', '2026-08-08'],
    ]);
    assert.deepStrictEqual(linksOf(index, 'ADR-0013-ledger.md'), ['superseded-by ADR-0001-workbench.md']);
    assert.deepStrictEqual(byName(index, 'ADR-0013-ledger.md').people, ['Ada', 'Grace']);
  });

  it('a field name in bold on a line of its own (`**Status**`, then `Accepted`) is that field, with the value on the next line; a heading, a rule or another field there is no value', async () => {
    const { index } = await indexOf({
      'docs/adr/ADR-0014-git.md': '# ADR-0014 — Source control is read through Git\n\n**Status**\n\nAccepted\n\n---\n\n## Context\n\nx\n',
      'docs/adr/ADR-0008-air.md': '# **ADR-0008: AI consumes AIR objects**\n\n**Status**\n\nAccepted\n\n## **Context**\n\nx\n',
      'docs/adr/ADR-0009-dated.md':
        '# ADR-0009: Dated\n\n**Date**\n\n2026-07-03\n\n**Status**\n\nSuperseded by [ADR-0008](ADR-0008-air.md)\n\n**Deciders**\n\nAda, Grace\n\n## Context\n\nx\n',
      'docs/adr/ADR-0010-ticked.md': '# ADR-0010: Ticked\n\n**Status**\n\n- [ ] Proposed\n- [x] Accepted\n\n## Context\n\nx\n',
      'docs/adr/ADR-0012-empty.md': '# ADR-0012: Empty\n\n**Status**\n\n**Date:** 2026-01-02\n\n## Context\n\nx\n',
      'docs/adr/ADR-0013-heading.md': '# ADR-0013: Heading next\n\n**Status**\n\n### Context\n\nx\n',
    });
    assert.deepStrictEqual(readings(index), [
      ['ADR-0008-air.md', 8, 'AI consumes AIR objects', 'accepted', null],
      ['ADR-0009-dated.md', 9, 'Dated', 'superseded', '2026-07-03'],
      ['ADR-0010-ticked.md', 10, 'Ticked', 'accepted', null],
      ['ADR-0012-empty.md', 12, 'Empty', null, '2026-01-02'],
      ['ADR-0013-heading.md', 13, 'Heading next', null, null],
      ['ADR-0014-git.md', 14, 'Source control is read through Git', 'accepted', null],
    ]);
    assert.deepStrictEqual(linksOf(index, 'ADR-0009-dated.md'), ['superseded-by ADR-0008-air.md']);
    assert.deepStrictEqual(byName(index, 'ADR-0009-dated.md').people, ['Ada', 'Grace']);
  });

  it('records written in Japanese: a status before full-width brackets (`承認済み（2026-09-04）`), a date `2025年7月3日`, and a title after its number in brackets (`# [ADR-0003] …`)', async () => {
    const { index } = await indexOf({
      'docs/adr/0003-search.md':
        '---\ntype: adr\nstatus: accepted\nupdated: 2026-09-04\nsupersedes: []\nsuperseded_by: []\n---\n\n# [ADR-0003] ADR の検索性と置き換え関係の機械可読化\n\n## ステータス\n\n承認済み（2026-09-04）\n\n## 背景\n\nx\n',
      'docs/adr/0010-redis.md':
        '# ADR-0010: Idempotency Redis ストア\n\n## ステータス\n\n承認済み（2026-03-26 更新: Rust 版対応完了）\n\n## コンテキスト\n\nx\n',
      'docs/adr/0011-pages.md': '# ADR 0011: ページ送り\n\n日付: 2025年7月3日（木）\n\n## ステータス\n\n提案中\n',
      'docs/adr/use-bracketed-ids.md': '# [ADR-0012] Use bracketed ids\n\nDate: 2026-01-05\n\n## Status\n\nAccepted\n',
    });
    assert.deepStrictEqual(readings(index), [
      ['0003-search.md', 3, 'ADR の検索性と置き換え関係の機械可読化', 'accepted', '2026-09-04'],
      ['0010-redis.md', 10, 'Idempotency Redis ストア', 'accepted', '2026-03-26'],
      ['0011-pages.md', 11, 'ページ送り', 'proposed', '2025-07-03'],
      ['use-bracketed-ids.md', 12, 'Use bracketed ids', 'accepted', '2026-01-05'],
    ]);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it("a number after `#` in the title (`# ADR #1 — Title`, `# ADR #4: Title`) is the number, in front matter's title too", async () => {
    const { index } = await indexOf({
      'docs/decisions/deterministic-enforcement.md':
        '---\ntitle: "ADR #1 — Deterministic enforcement over advisory prose"\ntype: decision\ncreated: 2026-08-15\nstatus: accepted\n---\n\n# ADR #1 — Deterministic enforcement over advisory prose\n\n## Context\n\nx\n',
      'docs/decisions/kerberos.md': '# ADR #2 - Implement support for Kerberos authentication\n\nStatus: Accepted\n',
      'docs/decisions/0004-hash.md': '# ADR #4: Hash number\n\nDate: 2026-08-16\n\n## Status\n\nAccepted\n',
    });
    assert.deepStrictEqual(readings(index), [
      ['0004-hash.md', 4, 'Hash number', 'accepted', '2026-08-16'],
      ['deterministic-enforcement.md', 1, 'Deterministic enforcement over advisory prose', 'accepted', '2026-08-15'],
      ['kerberos.md', 2, 'Implement support for Kerberos authentication', 'accepted', null],
    ]);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('a record named without a number takes it from front matter (`id: ADR-0008`, `id: "0002"`, `adr-number: ADR-027`), so `relates_to: [0002]` names it; an id that is no number gives none', async () => {
    const { index } = await indexOf({
      'docs/adr/typed-errors.md':
        '---\nid: ADR-0008\ntitle: A typed error taxonomy, handled once at boundaries\nstatus: accepted\nsupersedes: []\ndate: 2026-09-08\n---\n\n## Context\n\nx\n',
      'docs/adr/qwen.md':
        '---\nid: 0003\ntitle: Use Qwen3 as the base model\ndate: 2026-05-29\nstatus: accepted\nsupersedes: []\nsuperseded_by: []\nrelates_to: [0002]\ntags: [model, training]\n---\n\n## Context\nx\n',
      'docs/adr/base.md': '---\nid: "0002"\ntitle: Base model\ndate: 2026-05-20\nstatus: accepted\n---\n\n## Context\nx\n',
      'docs/adr/hybrid.md': '---\ncreated: 2026-06-08\nadr-number: ADR-027\nstatus: accepted\n---\n\n# Hybrid connectivity\n',
      'docs/adr/rooms.md': '---\nid: D-20260817-07\ndate: 2026-08-17\nstatus: accepted\nsuperseded_by: null\n---\n\n# Match rooms\n',
      // The file's number comes first.
      'docs/adr/0009-named.md': '---\nid: ADR-0010\nstatus: accepted\ndate: 2026-08-18\n---\n\n# Named\n',
    });
    assert.deepStrictEqual(readings(index), [
      ['0009-named.md', 9, 'Named', 'accepted', '2026-08-18'],
      ['base.md', 2, 'Base model', 'accepted', '2026-05-20'],
      ['hybrid.md', 27, 'Hybrid connectivity', 'accepted', '2026-06-08'],
      ['qwen.md', 3, 'Use Qwen3 as the base model', 'accepted', '2026-05-29'],
      ['rooms.md', null, 'Match rooms', 'accepted', '2026-08-17'],
      ['typed-errors.md', 8, 'A typed error taxonomy, handled once at boundaries', 'accepted', '2026-09-08'],
    ]);
    assert.deepStrictEqual(linksOf(index, 'qwen.md'), ['relates-to base.md']);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it("deciders under MADR 4's name written as a field (`* Decision Makers: Ada, Grace`, `**Decision maker:** Ada`) are the deciders", async () => {
    const { index } = await indexOf({
      'docs/decisions/0001-bullets.md': '# Use bullets\n\n* Status: accepted\n* Decision Makers: Ada, Grace\n* Date: 2026-06-12\n',
      'docs/decisions/0002-bold.md': '# ADR-0002: Use bold\n\n**Date:** 2026-06-12\n\n**Status:** Accepted\n\n**Decision maker:** Cassio Almeron\n',
    });
    assert.deepStrictEqual(byName(index, '0001-bullets.md').people, ['Ada', 'Grace']);
    assert.deepStrictEqual(byName(index, '0002-bold.md').people, ['Cassio Almeron']);
    assert.strictEqual(byName(index, '0001-bullets.md').dialect, 'madr2');
  });

  it('a status written as the change it went through (`- Status: Proposed → Accepted (2026-06-05)`, `Proposed -> Accepted`) is the status it is in last', async () => {
    const { index } = await indexOf({
      'docs/adr/ADR-0092-monitor.md':
        '# ADR-0092 — Heap-value monitor for `locking`\n\n- Status: Proposed → Accepted (2026-06-05)\n- Phase: B (concurrency), task #6\n- Supersedes / Amends: realises the ADR-0009 bit reservation\n',
      'docs/adr/ADR-0093-arrow.md': '# ADR-0093: Arrow\n\nDate: 2026-06-06\n\n## Status\n\nProposed -> Accepted\n',
      // An arrow to no status keeps the status written before it.
      'docs/adr/ADR-0094-note.md': '# ADR-0094: Note\n\nDate: 2026-06-07\n\n## Status\n\nAccepted → implementing in Q3\n',
    });
    assert.deepStrictEqual(readings(index), [
      ['ADR-0092-monitor.md', 92, 'Heap-value monitor for locking', 'accepted', '2026-06-05'],
      ['ADR-0093-arrow.md', 93, 'Arrow', 'accepted', '2026-06-06'],
      ['ADR-0094-note.md', 94, 'Note', 'accepted', '2026-06-07'],
    ]);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('a title that ends with what the record replaces (`# ADR-0012: Talos native patching (Supersedes ADR-0011)`) supersedes it and is the title before it; a part of a record stays in the title', async () => {
    const { index } = await indexOf({
      'docs/adr/ADR-0011-patches.md': '# ADR-0011: Talos patches\n\n## Status\n\nSuperseded by ADR-0012\n\n## Context\n\nx\n',
      'docs/adr/ADR-0012-native.md':
        '# ADR-0012: Talos native patching (Supersedes ADR-0011)\n\n## Status\n\nAccepted (2026-09-05)\n\n## Context\n\n[ADR-0011](ADR-0011-patches.md) used patches.\n',
      'docs/adr/ADR-0013-verbs.md': "# ADR-0013: One flat verb surface (supersedes ADR-0011's alias groups)\n\n## Status\n\nAccepted\n",
    });
    assert.deepStrictEqual(
      readings(index).map((r) => r[2]),
      ['Talos patches', 'Talos native patching', "One flat verb surface (supersedes ADR-0011's alias groups)"],
    );
    assert.deepStrictEqual(linksOf(index, 'ADR-0012-native.md'), ['supersedes ADR-0011-patches.md']);
    assert.deepStrictEqual(linksOf(index, 'ADR-0013-verbs.md'), []);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('a `## Metadata` section holding the fields (a list of bold fields, or a `| Field | Value |` table) is read as the fields under the title', async () => {
    const { index } = await indexOf({
      'docs/adr/ADR-0009-pessimistic.md':
        '# ADR-0009: Pessimistic locking\n\n## Metadata\n\n- **Status:** Superseded by ADR-0010\n- **Date:** 2026-09-01\n\n## Context\n\nx\n',
      'docs/adr/ADR-0010-optimistic.md':
        '# ADR-0010: Use optimistic concurrency\n\n## Metadata\n\n- **Status:** Accepted\n- **Decision date:** 2026-09-15\n- **Related issues:** #10, #11\n- **Supersedes:** ADR-0009\n- **Superseded by:** None\n\n## Context and problem\n\nx\n',
      'docs/adr/ADR-0011-identity.md':
        '# 11. Identity onboarding\n\nWe adopt the redesign.\n\n## Metadata\n\n| Field | Value |\n|---|---|\n| **PDR** | 0011 |\n| **Status** | Accepted |\n| **Date** | 2026-07-14 |\n| **Deciders** | Neeraj Grotra (founder) |\n\n## Context\n\nx\n',
      'docs/adr/ADR-0012-beacons.md':
        '# ADR-0012: Beacon calibration\n\n## Metadata\n\n- **Status:** 🟡 Proposed (Discussion)\n- **Date:** 2025-11-13\n- **Decision Makers:** Project Team\n',
    });
    assert.deepStrictEqual(readings(index), [
      ['ADR-0009-pessimistic.md', 9, 'Pessimistic locking', 'superseded', '2026-09-01'],
      ['ADR-0010-optimistic.md', 10, 'Use optimistic concurrency', 'accepted', '2026-09-15'],
      ['ADR-0011-identity.md', 11, 'Identity onboarding', 'accepted', '2026-07-14'],
      ['ADR-0012-beacons.md', 12, 'Beacon calibration', 'proposed', '2025-11-13'],
    ]);
    assert.deepStrictEqual(linksOf(index, 'ADR-0010-optimistic.md'), ['supersedes ADR-0009-pessimistic.md']);
    assert.deepStrictEqual(byName(index, 'ADR-0011-identity.md').people, ['Neeraj Grotra (founder)']);
    assert.deepStrictEqual(byName(index, 'ADR-0012-beacons.md').people, ['Project Team']);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('`replaced by ADR-0004` is superseded by it, and `Replaces ADR-0001.` supersedes it, written as text or with a link', async () => {
    const { index } = await indexOf({
      'docs/adr/ADR-0001-node-setup.md': '# ADR-0001: Node setup workflow\n\nStatus: replaced by ADR-0004\n\n## Context\n\nx\n',
      'docs/adr/ADR-0004-shared.md': '# ADR-0004: Shared workflow\n\nStatus: accepted\n\nReplaces ADR-0001.\n\n## Context\n\nx\n',
      'docs/adr/ADR-0005-link.md': '# 5. Link\n\nDate: 2026-01-01\n\n## Status\n\nReplaced by [6. New](ADR-0006-new.md)\n',
      'docs/adr/ADR-0006-new.md': '# 6. New\n\nDate: 2026-01-02\n\n## Status\n\nAccepted\n\nReplaces [5. Link](ADR-0005-link.md)\n',
    });
    assert.deepStrictEqual(
      readings(index).map((r) => r[3]),
      ['superseded', 'accepted', 'superseded', 'accepted'],
    );
    assert.deepStrictEqual(linksOf(index, 'ADR-0001-node-setup.md'), ['superseded-by ADR-0004-shared.md']);
    assert.deepStrictEqual(linksOf(index, 'ADR-0006-new.md'), ['supersedes ADR-0005-link.md']);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('a date with the month named in Portuguese, Spanish, German or French (`**Data:** 16 de julho de 2026`, `Datum: 1. Juli 2026`) is read', async () => {
    const { index } = await indexOf({
      'docs/adr/ADR-071-mcp.md':
        '# ADR-071 — Adapter MCP stdio sobre a Public API\n\n> **Status:** Accepted\n>\n> **Data:** 16 de julho de 2026\n\n## Contexto\n\nx\n',
      'docs/adr/ADR-072-fecha.md': '# ADR-072: Fecha\n\n* Estado: aceptado\n* Fecha: 3 de marzo de 2025\n',
      'docs/adr/ADR-073-datum.md': '# ADR-073: Datum\n\nDatum: 1. Juli 2026\n\n## Status\n\nAkzeptiert\n',
      'docs/adr/ADR-074-date.md': '# ADR-074: Date\n\nDate : 1er juillet 2026\n\n## Statut\n\nAccepté\n',
    });
    assert.deepStrictEqual(
      readings(index).map((r) => [r[3], r[4]]),
      [
        ['accepted', '2026-07-16'],
        ['accepted', '2025-03-03'],
        ['accepted', '2026-07-01'],
        ['accepted', '2026-07-01'],
      ],
    );
  });

  it('a file named by its day and time (`202609271801-use-x.md`, `…180130-…`) is dated by it and has no number', async () => {
    const { index } = await indexOf({
      'docs/adr/202609271801-use-sqlite-for-the-cache.md': '# Use SQLite for the cache\n\nStatus: accepted\n\n## Context\n\nx\n',
      'docs/adr/20260928180130-use-otel.md': '# Use OpenTelemetry\n\nStatus: proposed\n\n## Context\n\nx\n',
    });
    assert.deepStrictEqual(readings(index), [
      ['202609271801-use-sqlite-for-the-cache.md', null, 'Use SQLite for the cache', 'accepted', '2026-09-27'],
      ['20260928180130-use-otel.md', null, 'Use OpenTelemetry', 'proposed', '2026-09-28'],
    ]);
    assert.deepStrictEqual(surveyProblems(index), []);
  });
});
