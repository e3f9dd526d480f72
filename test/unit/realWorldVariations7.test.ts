import * as assert from 'assert';
import * as fs from 'fs';
import { contentProblems } from '../../src/core/lint/contentRules';
import { indexOf, linksOf, readings, surveyProblems } from './helpers';

/** Shapes met in public repositories' ADR folders that the earlier surveys left as they were read. */
describe('real-world record variations, seventh survey', () => {
  it('wiki links (`Superseded by [[0042-use-mcp]] (2026-08-17)`, `Supersedes [[0013-zod|ADR-0013]].`) link the records they name, in the Status section, the body and front matter', async () => {
    const { index } = await indexOf({
      'docs/adr/0013-zod-validation.md':
        '---\ntitle: "ADR-0013: Zod validation via a custom pipe"\nstatus: superseded\ncreated: 2026-05-25\n---\n\n# ADR-0013: Zod validation via a custom pipe\n\n## Status\n\nsuperseded by [[0018-swagger]] — when we adopted Swagger we switched to\n`nestjs-zod`, whose pipe replaces ours.\n\n## Context\n\nx\n',
      'docs/adr/0017-gate-wait.md':
        '# ADR-0017: Gate wait with inotifywait\n\n## Status\n\nSuperseded by [[0042-mcp-tool-call]] (2026-08-17)\n\nAccepted (2026-07-29)\n\n## Context\n\nThe chat plugin of [[0006-interactive|ADR 0006]] waits.\n',
      'docs/adr/0018-swagger.md':
        '---\nstatus: accepted\ncreated: 2026-05-26\n---\n\n# ADR-0018: API documentation with Swagger\n\n## Status\n\naccepted\n\nSupersedes [[0013-zod-validation|ADR-0013]].\n',
      'docs/adr/0042-mcp-tool-call.md': '# ADR-0042: MCP tool call\n\n## Status\n\nAccepted\n\nSupersedes [[0017-gate-wait]].\n',
      // A name with a folder is a path from the top of the notes; a bare name is found in another folder too.
      'docs/adr/0006-interactive.md': '# 6. Interactive\n\n## Status\n\nSuperseded by [[Decisions/0007-substrate]] on 2026-05-14.\n',
      'docs/adr/Decisions/0007-substrate.md': '# 7. Substrate\n\n## Status\n\nAccepted\n\nSupersedes [[0006-interactive|ADR 0006 — Interactive]].\n',
      // Front matter: the status names the record, and a list holds quoted wiki links (a name with spaces too).
      'docs/adr/0020-tokens.md': '---\nstatus: superseded by [[0021-keychain]]\nrelated:\n  - "[[archive/0003-old note]]"\n---\n\n# ADR-0020: Tokens\n\nx\n',
      'docs/adr/0021-keychain.md': '---\nstatus: accepted\nsupersedes: ["[[0020-tokens]]"]\n---\n\n# ADR-0021: Keychain\n\nx\n',
      'docs/adr/archive/0003-old note.md': '# 3. Old note\n\n## Status\n\nAccepted\n',
    });
    assert.deepStrictEqual(linksOf(index, '0013-zod-validation.md'), ['superseded-by 0018-swagger.md']);
    assert.deepStrictEqual(linksOf(index, '0018-swagger.md'), ['supersedes 0013-zod-validation.md']);
    assert.deepStrictEqual(linksOf(index, '0017-gate-wait.md'), ['superseded-by 0042-mcp-tool-call.md', 'references 0006-interactive.md']);
    assert.deepStrictEqual(linksOf(index, '0042-mcp-tool-call.md'), ['supersedes 0017-gate-wait.md']);
    assert.deepStrictEqual(linksOf(index, '0006-interactive.md'), ['superseded-by 0007-substrate.md', 'referenced-by 0017-gate-wait.md']);
    assert.deepStrictEqual(linksOf(index, '0007-substrate.md'), ['supersedes 0006-interactive.md']);
    assert.deepStrictEqual(linksOf(index, '0020-tokens.md'), ['superseded-by 0021-keychain.md', 'relates-to 0003-old note.md']);
    assert.deepStrictEqual(linksOf(index, '0021-keychain.md'), ['supersedes 0020-tokens.md']);
    assert.deepStrictEqual(
      readings(index)
        .filter((r) => ['0013-zod-validation.md', '0017-gate-wait.md', '0006-interactive.md', '0020-tokens.md'].includes(r[0]))
        .map((r) => [r[0], r[3]]),
      [
        ['0006-interactive.md', 'superseded'],
        ['0013-zod-validation.md', 'superseded'],
        ['0017-gate-wait.md', 'superseded'],
        ['0020-tokens.md', 'superseded'],
      ],
    );
    // Both sides of every supersede are stated: no one-sided link, no broken one.
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it("a wiki link naming no record (a note not yet written, a concept page), one in code, a template's `[[ADR-YYY]]` and nested brackets are no link and no problem", async () => {
    const { index } = await indexOf({
      'docs/adr/0001-harry.md':
        '---\nstatus: accepted\nrelated:\n  - "[[concepts/event-driven]]"\n---\n\n# ADR-0001 — If Harry can read it\n\nSee `[[0002-tools]]` in code, [[0099-not-yet]], [[Execution_Flows]] and [[concepts/devs|DEVS]].\n\nA matrix [[1, 2], [3, 4]] in prose.\n\n```\n[[0002-tools]]\n```\n',
      'docs/adr/0002-tools.md': '# ADR-0002: Tools\n\n## Status\n\nAccepted | Deprecated | Superseded by [[ADR-YYY]]\n',
    });
    assert.deepStrictEqual(linksOf(index, '0001-harry.md'), []);
    assert.deepStrictEqual(linksOf(index, '0002-tools.md'), []);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('a verb wiki link naming no record (Status section, bullet, front matter status) is no link, never a path above the root; `[[ADR-1]](file.md)` is a Markdown link', async () => {
    const { index } = await indexOf({
      'docs/adr/0001-a.md': '# 1. A\n\n## Status\n\nAccepted\n',
      'docs/adr/0002-b.md': '# 2. B\n\n## Status\n\nSuperseded by [[0042-not-yet]]\n\nAmends [[1]]\n',
      'docs/adr/0003-c.md': '---\nstatus: superseded by [[0042-missing]]\n---\n# C\n',
      'docs/adr/0004-d.md': '# D\n\n* Status: superseded by [[ADR-YYY]]\n* Date: 2026-01-02\n',
      'docs/adr/0005-e.md': '# 5. E\n\n## Status\n\nAccepted\n\nAmends [[ADR-0001]](0001-a.md)\n',
    });
    for (const name of ['0002-b.md', '0003-c.md', '0004-d.md']) assert.deepStrictEqual(linksOf(index, name), [], name);
    assert.deepStrictEqual(linksOf(index, '0005-e.md'), ['amends 0001-a.md']);
    const targets = index.records().flatMap((r) => index.linksOf(r).map((l) => index.resolveLink(r, l.target)));
    assert.ok(
      targets.every((t) => t.startsWith(index.root)),
      targets.join(' '),
    );
    // The one problem: 0001 does not say it is amended (the Markdown link is a real link, as a Nygard record's is).
    assert.deepStrictEqual(surveyProblems(index), ['0005-e.md:7 one-sided-link']);
  });

  it('a supersede written as a wiki link that only one side states is a one-sided link, as a Markdown link is', async () => {
    const { index } = await indexOf({
      'docs/adr/0001-use-a.md': '# 1. Use A\n\n## Status\n\nSuperseded by [[0002-use-b]]\n',
      'docs/adr/0002-use-b.md': '# 2. Use B\n\n## Status\n\nAccepted\n',
    });
    assert.deepStrictEqual(linksOf(index, '0001-use-a.md'), ['superseded-by 0002-use-b.md']);
    assert.deepStrictEqual(surveyProblems(index), ['0001-use-a.md:5 one-sided-link']);
  });

  it('a link whose file name is in angle brackets with spaces (`[ADR-0020](<0020 - Token secrets.md>)`) names that record; `<0020 - Token secrets.md>` alone is text', async () => {
    const { index } = await indexOf({
      'docs/adr/0020 - Token secrets.md': '# 20. Token secrets\n\n## Status\n\nAccepted\n',
      'docs/adr/0021 - Storage tests.md':
        '# 21. Storage tests\n\n## Status\n\nAccepted\n\n## Context\n\nOnly the keychain is substituted, per\n[ADR-0020](<0020 - Token secrets.md>).\n',
      'docs/adr/0022 - Other.md':
        '# 22. Other\n\n## Status\n\nAccepted\n\n## Context\n\nNot a link: <0020 - Token secrets.md>, nor [this](<0020 - Token secrets.md) half.\n',
    });
    assert.deepStrictEqual(linksOf(index, '0021 - Storage tests.md'), ['references 0020 - Token secrets.md']);
    assert.deepStrictEqual(linksOf(index, '0022 - Other.md'), []);
    assert.deepStrictEqual(surveyProblems(index), []);
  });

  it('a verb link to a site page path from the top, without `.md` (`Superceded by [ADR024][].`, `[ADR024]: /architecture_decision_records/ADR024-x-2`), is the record; a folder or a guide is still none', async () => {
    const { index } = await indexOf({
      '.adr-dir': 'architecture_decision_records\n',
      'architecture_decision_records/ADR015-web-app-language.md':
        '# ADR015: Web app language\n\n## Context\n\nx\n\n## Decision\n\nWe will use Ruby.\n\n## Status\n\nSuperceded by [ADR024][].\n\n## Consequences\n\nSee [the guides](/guides/setup) and [all of them](/architecture_decision_records/).\n\n[ADR024]: /architecture_decision_records/ADR024-web-app-language-2\n',
      'architecture_decision_records/ADR024-web-app-language-2.md':
        '# ADR024: Web app language 2\n\n## Status\n\nAccepted.\n\nSupersedes [ADR015](ADR015-web-app-language.md)\n',
      'architecture_decision_records/ADR025-forms.md': '# ADR025: Forms\n\n## Status\n\nSuperseded by [the forms guide](/guides/forms)\n',
    });
    assert.deepStrictEqual(linksOf(index, 'ADR015-web-app-language.md'), ['superseded-by ADR024-web-app-language-2.md']);
    assert.deepStrictEqual(linksOf(index, 'ADR024-web-app-language-2.md'), ['supersedes ADR015-web-app-language.md']);
    assert.deepStrictEqual(
      readings(index).map((r) => [r[0], r[3]]),
      [
        ['ADR015-web-app-language.md', 'superseded'],
        ['ADR024-web-app-language-2.md', 'accepted'],
        ['ADR025-forms.md', 'superseded'],
      ],
    );
    // The page paths that name no record (a guide, the folder) are no link between records; a verb naming a guide says so.
    assert.deepStrictEqual(surveyProblems(index), ['ADR025-forms.md:5 link-to-non-record']);
  });

  it('a record in Korean: `날짜:`/`작성일:` and a `## 날짜` section date it, `## 상태` holds its status (`승인됨`, `제안됨`, `대체됨`), and `## 맥락`, `## 결정`, `## 결과` are its sections', async () => {
    const { index } = await indexOf({
      'docs/adr/0004-topology.md': '# 4. 토폴로지\n\n날짜: 2026-07-01\n\n## 상태\n\n제안됨\n\n## 맥락\n\nx\n\n## 결정\n\ny\n\n## 결과\n\nz\n',
      'docs/adr/0007-observability.md':
        '# 7. 관측 스택을 같은 EC2에 둔다\n\n날짜: 2026-07-13\n\n## 상태\n\n승인됨\n\n[ADR 0004](0004-topology.md)가 유보한 배치를 결정한다.\n\n## 맥락\n\nx\n\n## 결정\n\ny\n\n## 결과\n\nz\n',
      'docs/adr/0003-shared-types.md':
        '# ADR-0003: Shared Types\n\n## 상태\n\n승인됨\n\n## 날짜\n\n2024-01-15\n\n## 컨텍스트\n\nx\n\n## 결정\n\ny\n\n## 결과\n\nz\n',
      'docs/adr/0010-shared.md':
        '# ADR-010 공유 플레이리스트\n\n작성일: `2026-06-15`\n\n## 상태\n\n승인 — 구현 예정.\n\n## 배경\n\nx\n\n## 결정\n\ny\n\n## 영향\n\nz\n',
      'docs/adr/0002-ai.md': '# 0002. AI Matching\n\n날짜: 2026-03-02\n\n## 상태\n\n대체됨\n\n## 맥락\n\nx\n\n## 결정\n\ny\n\n## 결과\n\nz\n',
      // A Korean word that is no status is kept as written, as in every language.
      'docs/adr/0005-other.md': '# 5. 기타\n\n날짜: 2026-03-05\n\n## 상태\n\n검토 중\n\n## 맥락\n\nx\n\n## 결정\n\ny\n\n## 결과\n\nz\n',
    });
    assert.deepStrictEqual(
      readings(index).map((r) => [r[0], r[3], r[4]]),
      [
        ['0002-ai.md', 'superseded', '2026-03-02'],
        ['0003-shared-types.md', 'accepted', '2024-01-15'],
        ['0004-topology.md', 'proposed', '2026-07-01'],
        ['0005-other.md', '검토 중', '2026-03-05'],
        ['0007-observability.md', 'accepted', '2026-07-13'],
        ['0010-shared.md', 'accepted', '2026-06-15'],
      ],
    );
    assert.ok(index.records().every((r) => r.dialect === 'nygard'));
    // Nygard's sections are found under their Korean names: no missing section.
    for (const r of index.records()) assert.deepStrictEqual(contentProblems(r, fs.readFileSync(r.path, 'utf8')), [], r.path);
  });

  it('a row of a wider table under the title (options compared) is no field: `| Amends | [ADR 1](…) | slow |` is a reference', async () => {
    const { index } = await indexOf({
      'docs/adr/0001-a.md': '# 1. A\n\n## Status\n\nAccepted\n',
      'docs/adr/0002-b.md': '# ADR-0002 — B\n\n| Option | Pros | Cons |\n|---|---|---|\n| Amends | [ADR 1](0001-a.md) | slow |\n\n## Context\n\nx\n',
    });
    assert.deepStrictEqual(linksOf(index, '0002-b.md'), ['references 0001-a.md']);
  });

  it('a linked verb field in a table of fields (`| **Supersedes** | [ADR-0123](…) |`) is that link, and a link in any table row is a reference; `| **Owner** | [Ada](…) |` is no link', async () => {
    const { index } = await indexOf({
      'docs/adr/0123-chess960-refused.md':
        '# ADR-0123 — Chess960 is refused at game creation\n\n| Field      | Value |\n|------------|-------|\n| **Status** | Superseded by [ADR-0137](0137-chess960.md), which lifts the refusal by supplying what it was waiting for. |\n| **Date** | 2026-05-02 |\n\n## Context\n\nx\n',
      'docs/adr/0137-chess960.md':
        '# ADR-0137 — Chess960 in production\n\n| Field | Value |\n|---|---|\n| **Status** | Accepted |\n| **Date** | 2026-06-02 |\n| **Supersedes** | [ADR-0123](0123-chess960-refused.md) |\n| **Owner** | [Ada](https://example.com/ada) |\n| **Notes** | See [ADR-0100](0100-boards.md) for background |\n\n## Context\n\nx\n',
      'docs/adr/0100-boards.md':
        '# ADR-0100 — Boards\n\n## Status\n\nAccepted\n\n## Related\n\n| ADR | Relation |\n|---|---|\n| [ADR-0123](0123-chess960-refused.md) | builds on |\n',
      // A template's choices left after the status chosen are still no link.
      'docs/adr/0101-draft.md': '# ADR-0101 — Draft\n\n- Status: draft [ accepted | superseded by [xxx](0999-xxx.md)]\n',
    });
    assert.deepStrictEqual(linksOf(index, '0137-chess960.md'), ['supersedes 0123-chess960-refused.md', 'references 0100-boards.md']);
    assert.deepStrictEqual(linksOf(index, '0100-boards.md'), ['references 0123-chess960-refused.md', 'referenced-by 0137-chess960.md']);
    assert.deepStrictEqual(linksOf(index, '0101-draft.md'), []);
    // The newer record states its side: no one-sided link; no broken link to the template's example.
    assert.deepStrictEqual(surveyProblems(index), []);
  });
});
