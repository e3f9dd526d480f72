import * as assert from 'assert';
import { applyLintConfig, globToRegExp, LintConfigError, parseLintConfig } from '../../src/core/lint/lintConfig';
import { Problem } from '../../src/core/records/record';

const problem = (path: string, code: string, severity: Problem['severity'] = 'warning'): Problem => ({ path, line: 1, severity, code, message: 'm' });

describe('.lodestar.yml', () => {
  it('sets severities, switches rules off and ignores paths', () => {
    const config = parseLintConfig(
      'rules:\n  number-gap: off\n  empty-section: error\n  duplicate-number: warning\nignore:\n  - docs/adr/archive/**\n  - "*.draft.md"\n',
    );
    const out = applyLintConfig(
      [
        problem('doc/adr/0002-a.md', 'number-gap', 'info'),
        problem('doc/adr/0002-a.md', 'empty-section'),
        problem('doc/adr/0003-b.md', 'duplicate-number', 'error'),
        problem('docs/adr/archive/0001-old.md', 'broken-link', 'error'),
        problem('docs/adr/0009-x.draft.md', 'broken-link', 'error'),
        problem('docs/adr/0010-y.md', 'broken-link', 'error'),
      ],
      config,
    );
    assert.deepStrictEqual(
      out.map((p) => `${p.path} ${p.code} ${p.severity}`),
      ['doc/adr/0002-a.md empty-section error', 'doc/adr/0003-b.md duplicate-number warning', 'docs/adr/0010-y.md broken-link error'],
    );
  });

  it('an empty file, or empty sections, change nothing', () => {
    for (const text of ['', '# nothing yet\n', 'rules:\nignore:\n']) {
      const config = parseLintConfig(text);
      assert.deepStrictEqual([config.rules.size, config.ignore.length], [0, 0], JSON.stringify(text));
    }
  });

  it('an unknown key, rule or severity is a clear error with the line', () => {
    const cases: [string, RegExp][] = [
      ['rules:\n  number-gap: off\nseverity:\n  x: y\n', /^\.lodestar\.yml:3: unknown key "severity"\. \.lodestar\.yml takes rules and ignore\.$/],
      ['rules:\n  number-gaps: off\n', /^\.lodestar\.yml:2: unknown rule "number-gaps"\. Known rules: duplicate-number, .*number-gap\.$/],
      ['rules:\n  empty-section: loud\n', /^\.lodestar\.yml:2: the severity of "empty-section" must be one of error, warning, info, off \(got "loud"\)\.$/],
      ['rules: [a]\n', /^\.lodestar\.yml:1: "rules" maps problem codes/],
      ['ignore: docs\n', /^\.lodestar\.yml:1: "ignore" is a list/],
      ['- a\n- b\n', /^\.lodestar\.yml:1: expected a mapping/],
      ['rules: {a: [\n', /^\.lodestar\.yml:\d+: not valid YAML/],
    ];
    for (const [text, message] of cases) {
      assert.throws(
        () => parseLintConfig(text),
        (e: Error) => e instanceof LintConfigError && message.test(e.message),
        text,
      );
    }
  });

  it('globs: ** spans folders, * and ? stay in one name, a bare name matches at any depth, a folder covers what is in it', () => {
    const matches = (glob: string, path: string): boolean => globToRegExp(glob).test(path);
    assert.ok(matches('docs/adr/archive/**', 'docs/adr/archive/2019/0001-a.md'));
    assert.ok(matches('docs/**/draft-*.md', 'docs/adr/x/draft-1.md'));
    assert.ok(matches('docs/**/draft-*.md', 'docs/draft-1.md'));
    assert.ok(!matches('docs/adr/*.md', 'docs/adr/old/0001-a.md'));
    assert.ok(matches('000?-*.md', 'doc/adr/0003-a.md'));
    assert.ok(matches('doc/adr/legacy', 'doc/adr/legacy/0001-a.md'));
    assert.ok(!matches('doc/adr/legacy', 'doc/adr/legacy-2/0001-a.md'));
    assert.ok(!matches('doc/adr/0001-a.md', 'x/doc/adr/0001-a.md'));
  });

  it('ignore globs take classes and braces, as applies-to does, and keep a bare name matching at any depth', () => {
    const matches = (glob: string, path: string): boolean => globToRegExp(glob).test(path);
    assert.ok(matches('docs/adr/000[1-3]-*.md', 'docs/adr/0002-a.md'));
    assert.ok(!matches('docs/adr/000[1-3]-*.md', 'docs/adr/0004-a.md'));
    assert.ok(matches('docs/adr/[!0]*.md', 'docs/adr/1-a.md'));
    assert.ok(!matches('docs/adr/[!0]*.md', 'docs/adr/0001-a.md'));
    assert.ok(matches('docs/adr/[^0]*.md', 'docs/adr/1-a.md'));
    assert.ok(matches('docs/{adr,rfcs}/archive/**', 'docs/rfcs/archive/1.md'));
    assert.ok(!matches('docs/{adr,rfcs}/archive/**', 'docs/design/archive/1.md'));
    assert.ok(matches('*.{draft,wip}.md', 'docs/adr/0009-x.wip.md'), 'no / in any alternative: any depth');
    assert.ok(matches('{docs/adr/old,*.wip.md}', 'a/b.wip.md'), 'each alternative anchored or not on its own');
    assert.ok(matches('{docs/adr/old,*.wip.md}', 'docs/adr/old/1.md'));
    assert.ok(!matches('{docs/adr/old,*.wip.md}', 'x/docs/adr/old/1.md'));
    assert.ok(matches('/docs/adr/legacy', 'docs/adr/legacy/0001-a.md'), 'a leading / is the root');
    assert.ok(matches('archive/', 'docs/adr/archive/1.md'), 'a folder name with a trailing / at any depth');
    assert.ok(matches('**/[Dd]rafts/**', 'docs/Drafts/a.md'));
    assert.ok(matches('docs/[draft.md', 'docs/[draft.md'), 'a [ never closed is text');
    assert.ok(matches('docs/\\*.md', 'docs/*.md'));
    assert.ok(!matches('docs/\\*.md', 'docs/a.md'));
  });

  it('an ignore glob that cannot be used is a clear error with its line, and nothing else is lost', () => {
    assert.throws(
      () => parseLintConfig('rules:\n  number-gap: off\nignore:\n  - docs/**\n  - "docs/[z-a]*.md"\n'),
      (e: Error) =>
        e instanceof LintConfigError &&
        e.message === '.lodestar.yml:5: the "ignore" glob cannot be used: "docs/[z-a]*.md" has the range [z-a] written backwards; write [a-z].',
    );
    const config = parseLintConfig('ignore:\n  - "docs/{adr,rfcs}/old/**"\n');
    const out = applyLintConfig([problem('docs/rfcs/old/1.md', 'broken-link'), problem('docs/rfcs/new/1.md', 'broken-link')], config);
    assert.deepStrictEqual(
      out.map((p) => p.path),
      ['docs/rfcs/new/1.md'],
    );
  });
});
