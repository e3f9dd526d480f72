import * as assert from 'assert';
import { indexOf, linksOf, surveyProblems } from './helpers';

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
});
