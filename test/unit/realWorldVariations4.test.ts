import * as assert from 'assert';
import { runCli } from './cliInProcess';
import { indexOf, linksOf, readings, surveyProblems } from './helpers';

/** Shapes met in a fourth survey of public repositories' ADR folders. */
describe('real-world record variations, fourth survey', () => {
  it('files named by month or day (`2021-03-avoid-js.md`, `2022-02-04-canary.md`) are not numbered 2021 and 2022: no duplicate number; the day dates a record with no date field', async () => {
    const { index } = await indexOf({
      'docs/decisions/2021-03-avoid-js.md':
        '# Avoid frontend JS frameworks\n\n* **Status:** superceded by [2022-02 revisit](./2022-02-revisit-js.md)\n* **Objective:** Keep it simple.\n',
      'docs/decisions/2021-04-run-website.md': '# Run the website on Cloud Run\n\n* **Status:** approved\n',
      'docs/decisions/2022-02-revisit-js.md': '# Revisiting JS frameworks\n\n* **Status:** approved\n',
      'docs/decisions/2022-02-04-canary.md': '# Canary rollouts\n\n* **Status:** proposed\n',
      'docs/decisions/2022-06-09-no-title.md': 'No heading here.\n',
      // A number that happens to look like a year, with no month after it, is still a number.
      'docs/decisions/2021-use-x.md': '# 2021. Use X\n\nDate: 2021-01-01\n\n## Status\n\nAccepted\n',
      'docs/decisions/0001-12-factor.md': '# 1. Twelve-factor config\n\nDate: 2021-01-02\n\n## Status\n\nAccepted\n',
    });
    assert.deepStrictEqual(readings(index), [
      ['0001-12-factor.md', 1, 'Twelve-factor config', 'accepted', '2021-01-02'],
      ['2021-03-avoid-js.md', null, 'Avoid frontend JS frameworks', 'superseded', null],
      ['2021-04-run-website.md', null, 'Run the website on Cloud Run', 'approved', null],
      ['2021-use-x.md', 2021, 'Use X', 'accepted', '2021-01-01'],
      ['2022-02-04-canary.md', null, 'Canary rollouts', 'proposed', '2022-02-04'],
      ['2022-02-revisit-js.md', null, 'Revisiting JS frameworks', 'approved', null],
      ['2022-06-09-no-title.md', null, 'No title', null, '2022-06-09'],
    ]);
    assert.deepStrictEqual(linksOf(index, '2021-03-avoid-js.md'), ['superseded-by 2022-02-revisit-js.md']);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it("a status kept in the template's brackets (`* **Status:** [approved]`, `[Accepted]` in a Status section) is that status; a list of choices is still none", async () => {
    const { index } = await indexOf({
      'docs/decisions/0001-kept.md': '# Kept\n\n* **Status:** [approved]\n* Date: 2022-02-03\n',
      'docs/decisions/0002-section.md': '# 2. Section\n\nDate: 2022-02-04\n\n## Status\n\n[Accepted]\n',
      'docs/decisions/0003-choices.md': '# Choices\n\n* Status: [proposed | rejected | accepted]\n* Date: 2022-02-05\n',
      'docs/decisions/0004-placeholder.md': '# Placeholder\n\n* Status: [the status of the decision]\n* Date: 2022-02-06\n',
    });
    assert.deepStrictEqual(
      readings(index).map((r) => r[3]),
      ['approved', 'accepted', null, null],
    );
  });

  it('a date under another name (`Decision date:`, `**Last Updated:**`, `Date of submission:`) dates a record that has no Date field', async () => {
    const { index } = await indexOf({
      'docs/adr/0001-filter.md': '# ADR: Canonical filter order\n\n- Status: Accepted\n- Ticket: #116\n- Decision date: 2026-08-24\n',
      'docs/adr/0002-canary.md': '# Canary rollouts\n\n* **Status:** proposed\n* **Last Updated:** 2022-02-04\n',
      'docs/adr/0004-apply.md':
        '# 4) Make apply return a result\n\nDate of submission: 2019-06-21\n\nLast updated: 2019-07-04\n\nDiscussion Deadline: 2019-07-09\n\n## Status\n\naccepted\n',
      // A Date field stays the date; a vague `Last Updated: 2021-03` and `Updated: never` give none.
      'docs/adr/0005-both.md': '# Both\n\n* Status: accepted\n* Last updated: 2022-03-01\n* Date: 2022-01-01\n',
      'docs/adr/0006-vague.md': '# Vague\n\n* Status: accepted\n* Last Updated: 2021-03\n* Updated: never\n',
    });
    assert.deepStrictEqual(readings(index), [
      ['0001-filter.md', 1, 'Canonical filter order', 'accepted', '2026-08-24'],
      ['0002-canary.md', 2, 'Canary rollouts', 'proposed', '2022-02-04'],
      ['0004-apply.md', 4, 'Make apply return a result', 'accepted', '2019-06-21'],
      ['0005-both.md', 5, 'Both', 'accepted', '2022-01-01'],
      ['0006-vague.md', 6, 'Vague', 'accepted', null],
    ]);
  });

  it('a title with a heading id (`# 14) Use a monorepo {#adr_0014}`) or reference links (`Make [ChangeOp::apply()] return …`) reads as rendered', async () => {
    const { index } = await indexOf({
      'docs/adr/0014-monorepo.md': '# 14) Make Wikibase.git a monorepo {#adr_0014}\n\nDate: 2020-08-05\n\n## Status\n\nproposed\n',
      'docs/adr/0004-apply.md':
        '# 4) Make [ChangeOp::apply()] return [ChangeOpResult]  {#adr_0004}\n\nDate: 2019-06-21\n\n## Status\n\naccepted\n\n## Notes\n\nSee [ChangeOp].\n\n[ChangeOp]: @ref Wikibase::ChangeOp\n[ChangeOp::apply()]: @ref Wikibase::ChangeOp::apply()\n[ChangeOpResult]: @ref Wikibase::ChangeOpResult\n',
      // Braces that are not an id stay.
      'docs/adr/0005-braces.md': '# 5. Use {curly} braces\n\nDate: 2019-06-22\n\n## Status\n\naccepted\n',
    });
    assert.deepStrictEqual(
      readings(index).map((r) => [r[1], r[2]]),
      [
        [4, 'Make ChangeOp::apply() return ChangeOpResult'],
        [5, 'Use {curly} braces'],
        [14, 'Make Wikibase.git a monorepo'],
      ],
    );
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('a status (and date) shown as a badge (`![Status](https://img.shields.io/badge/status-Accepted-brightgreen)`, badgen `badge/ADR/proposed/orange`) is read as the field', async () => {
    const { index } = await indexOf({
      // Under the title, with the date as a badge too (shields.io writes a dash as `--`, a space as `_`).
      'docs/adr/0009-stack.md':
        '# ADR-009: Opinionated stack\n\n![Status](https://img.shields.io/badge/status-Accepted-brightgreen) ![Date](https://img.shields.io/badge/date-2026--05--09-blue)\n\n## Context\n\nC.\n',
      'docs/adr/0000-record.md':
        '# 0. Record architecture decisions\n\n[![Generic badge](https://img.shields.io/badge/Date-2023/10/24-blue.svg)](https://shields.io/)\n[![Generic badge](https://img.shields.io/badge/Status-Accepted-Green.svg)](https://shields.io/)\n\n## Context\n\nC.\n',
      // The choices the template leaves in comments are not the status.
      'docs/adr/0010-import.md':
        '# Read-only import\n\n<!-- ![Proposed](https://img.shields.io/badge/status-proposed-informational?style=for-the-badge) -->\n![Accepted](https://img.shields.io/badge/status-accepted-brightgreen?style=for-the-badge)\n',
      'docs/adr/0011-draft.md':
        '# ADR-0011: Draft\n\n<!-- Options:\n![Accepted](https://img.shields.io/badge/Status-Accepted-brightgreen)\n-->\n![Draft](https://img.shields.io/badge/Status-Draft-blue)\n![Date](https://img.shields.io/badge/Date-03_Aug_2023-lightblue)\n',
      // In a Status section, a badgen badge in a link.
      'docs/adr/adr-003-use-token-auth.md':
        '# ADR-003: Use DRF Token Authentication\n\n## Status\n\n[![Generic badge](https://badgen.net/badge/ADR/proposed/orange/)](https://github.com/o/r/adr/README.md)\n\n## Context\n\nC.\n',
      // A badge of anything else is no field.
      'docs/adr/0012-other.md': '# ADR-0012: Other\n\n![Build](https://img.shields.io/badge/build-passing-green)\n\nStatus: Proposed\n',
    });
    assert.deepStrictEqual(readings(index), [
      ['0000-record.md', 0, 'Record architecture decisions', 'accepted', '2023-10-24'],
      ['0009-stack.md', 9, 'Opinionated stack', 'accepted', '2026-05-09'],
      ['0010-import.md', 10, 'Read-only import', 'accepted', null],
      ['0011-draft.md', 11, 'Draft', 'draft', '2023-08-03'],
      ['0012-other.md', 12, 'Other', 'proposed', null],
      ['adr-003-use-token-auth.md', 3, 'Use DRF Token Authentication', 'proposed', null],
    ]);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('a record in Japanese: its status and date fields, its Status section, its statuses, and headings with the English name beside them', async () => {
    const { root, index } = await indexOf({
      // Bullets under the title, and headings with the English name in brackets.
      'docs/adr/0001-websocket.md':
        '# リアルタイム通信方式に WebSocket を採用する\n\n- 日付: 2025-09-01\n- ステータス: Proposed\n- 関連: 仕様書 04_api_spec.md\n\n## 背景 (Context)\n- x\n\n## 決定 (Decision)\n- y\n\n## 影響 (Consequences)\n- z\n',
      // Plain lines, the full-width colon, and `背景 / Context` headings.
      'docs/adr/ADR-0002-package.md':
        '# ADR-0002: モダンPythonパッケージ移行（v2.0.0）\n\n日付：2025-08-28\nステータス：承認済み\n\n## 背景 / Context\n- x\n\n## 決定 / Decision\n- y\n\n## 影響 / Consequences\n- z\n',
      // Nygard's template as translated: `## ステータス`, `## コンテキスト`, `## 決定`, `## 結果`.
      'docs/adr/0003-nygard.md': '# 3. 非推奨のテスト\n\n日付: 2025-08-29\n\n## ステータス\n\n非推奨\n\n## コンテキスト\n\nx\n\n## 決定\n\ny\n\n## 結果\n\nz\n',
      'docs/adr/0004-rejected.md': '# 4. 却下\n\n日付: 2025-08-30\n\n## ステータス\n\n却下\n\n## コンテキスト\n\nx\n\n## 決定\n\ny\n\n## 結果\n\nz\n',
    });
    assert.deepStrictEqual(readings(index), [
      ['0001-websocket.md', 1, 'リアルタイム通信方式に WebSocket を採用する', 'proposed', '2025-09-01'],
      ['0003-nygard.md', 3, '非推奨のテスト', 'deprecated', '2025-08-29'],
      ['0004-rejected.md', 4, '却下', 'rejected', '2025-08-30'],
      ['ADR-0002-package.md', 2, 'モダンPythonパッケージ移行（v2.0.0）', 'accepted', '2025-08-28'],
    ]);
    assert.deepStrictEqual(surveyProblems(index), []);
    // lint finds the sections under their Japanese names, alone or with the English one beside them: none is missing.
    const lint = await runCli(['lint', '--root', root]);
    assert.strictEqual(lint.stdout.trim(), '');
  });
});
