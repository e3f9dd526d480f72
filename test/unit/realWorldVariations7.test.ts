import * as assert from 'assert';
import { indexOf, linksOf, readings, surveyProblems } from './helpers';

/** Shapes met in public repositories' ADR folders that the earlier surveys left as they were read. */
describe('real-world record variations, seventh survey', () => {
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
});
