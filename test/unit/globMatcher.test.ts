import * as assert from 'assert';
import { compileGlob, GlobList } from '../../src/core/governance/globMatcher';

const covers = (patterns: string[], path: string, caseInsensitive = false): boolean => new GlobList(patterns, { caseInsensitive }).matches(path);

describe('applies-to globs', () => {
  it('`**` matches any number of folders, none included; `*` and `?` stay within one', () => {
    assert.ok(covers(['src/**'], 'src/a.ts'));
    assert.ok(covers(['src/**'], 'src/payments/deep/x.ts'));
    assert.ok(!covers(['src/**'], 'srcs/a.ts'));
    assert.ok(covers(['src/**/*.ts'], 'src/a.ts'), 'zero folders between');
    assert.ok(covers(['src/**/*.ts'], 'src/a/b/c.ts'));
    assert.ok(!covers(['src/**/*.ts'], 'src/a/b/c.js'));
    assert.ok(covers(['**/*.sql'], 'db/migrations/001.sql'));
    assert.ok(covers(['**/*.sql'], 'top.sql'));
    assert.ok(covers(['**'], 'anything/at/all'));
    assert.ok(covers(['src/*.ts'], 'src/a.ts'));
    assert.ok(!covers(['src/*.ts'], 'src/sub/a.ts'), '* does not cross a folder');
    assert.ok(covers(['src/?.ts'], 'src/a.ts'));
    assert.ok(!covers(['src/?.ts'], 'src/ab.ts'));
    assert.ok(covers(['src/{api,web}/**'], 'src/web/x.ts'));
    assert.ok(!covers(['src/{api,web}/**'], 'src/cli/x.ts'));
    assert.ok(covers(['src/[a-c]*.ts'], 'src/billing.ts'));
    assert.ok(!covers(['src/[!a-c]*.ts'], 'src/billing.ts'));
  });

  it('globs are relative to the repository root: `*.md` is the top folder only; ./ and a leading / are the root', () => {
    assert.ok(covers(['*.md'], 'README.md'));
    assert.ok(!covers(['*.md'], 'docs/README.md'));
    assert.ok(covers(['./src/**'], 'src/a.ts'));
    assert.ok(covers(['/src/**'], 'src/a.ts'));
  });

  it('a glob that names a folder covers everything in it', () => {
    assert.ok(covers(['src/payments'], 'src/payments/ledger.ts'));
    assert.ok(covers(['src/payments/'], 'src/payments/a/b.ts'));
    assert.ok(!covers(['src/payments'], 'src/payments-old/a.ts'));
  });

  it('`!` excludes, and the last glob that matches decides', () => {
    const list = ['src/payments/**', '!src/payments/legacy/**'];
    assert.ok(covers(list, 'src/payments/ledger.ts'));
    assert.ok(!covers(list, 'src/payments/legacy/old.ts'));
    assert.ok(covers([...list, 'src/payments/legacy/keep.ts'], 'src/payments/legacy/keep.ts'), 'a later glob takes a file back');
    assert.ok(!covers(['!src/**'], 'src/a.ts'), 'exclusions alone govern nothing');
  });

  it('wildcards match dotfiles and dot folders (as CODEOWNERS does)', () => {
    assert.ok(covers(['src/**'], 'src/.env'));
    assert.ok(covers(['**/*.yml'], '.github/workflows/ci.yml'));
    assert.ok(covers(['*'], '.eslintrc.json'));
    assert.ok(covers(['.github/**'], '.github/CODEOWNERS'));
  });

  it('case: exact by default, as git is; ignored when the repository asks (core.ignorecase)', () => {
    assert.ok(!covers(['src/Payments/**'], 'src/payments/a.ts'));
    assert.ok(covers(['src/Payments/**'], 'src/payments/a.ts', true));
    assert.ok(covers(['SRC/*.TS'], 'src/a.ts', true));
  });

  it('special characters are literal, a backslash escapes a wildcard', () => {
    assert.ok(covers(['docs/a+b (1).md'], 'docs/a+b (1).md'));
    assert.ok(!covers(['docs/a.md'], 'docs/aXmd'));
    assert.ok(covers(['docs/\\*.md'], 'docs/*.md'));
    assert.ok(!covers(['docs/\\*.md'], 'docs/x.md'));
  });

  it('the literal folder prefix narrows the files a glob is tried on', () => {
    assert.strictEqual(compileGlob('src/payments/**').prefix, 'src/payments/');
    assert.strictEqual(compileGlob('src/*/x.ts').prefix, 'src/');
    assert.strictEqual(compileGlob('**/*.ts').prefix, '');
    assert.strictEqual(compileGlob('Src/A/**', { caseInsensitive: true }).prefix, 'src/a/');
    assert.strictEqual(compileGlob('**/*.sql').required, '.sql');
    assert.strictEqual(compileGlob('src/{a,b}/x.ts').required, '', 'literals inside braces are not all required');
  });

  it('an empty glob or one leaving the repository is refused with a reason; the others still work', () => {
    const list = new GlobList(['', '../other/**', 'src/**']);
    assert.deepStrictEqual(
      list.invalid.map((i) => i.pattern),
      ['', '../other/**'],
    );
    assert.match(list.invalid[1].message, /leaves the repository/);
    assert.ok(list.matches('src/a.ts'));
  });

  it('classes: ranges, negation with ! or ^, a ] first is a member, escapes, POSIX names; never a /', () => {
    assert.ok(covers(['docs/000[0-9]-*.md'], 'docs/0003-a.md'));
    assert.ok(!covers(['docs/000[0-2]-*.md'], 'docs/0003-a.md'));
    assert.ok(covers(['src/[^a-c]*.ts'], 'src/d.ts'));
    assert.ok(!covers(['src/[^a-c]*.ts'], 'src/b.ts'));
    assert.ok(covers(['x/[]a]'], 'x/]'), '] right after [ is a member');
    assert.ok(covers(['x/[!]a]'], 'x/b'));
    assert.ok(!covers(['x/[!]a]'], 'x/]'));
    assert.ok(covers(['x/[\\]]y'], 'x/]y'), 'an escaped ] is a member');
    assert.ok(covers(['x/[a\\-z]'], 'x/-'), 'an escaped - is not a range');
    assert.ok(!covers(['x/[a\\-z]'], 'x/b'));
    assert.ok(covers(['x/[[:digit:]]*.md'], 'x/7-a.md'));
    assert.ok(!covers(['x/[[:digit:]]*.md'], 'x/a.md'));
    assert.ok(covers(['x/[{]'], 'x/{'), 'a brace inside a class is a member');
    assert.ok(!covers(['a[+-0]b'], 'a/b'), 'a range spanning / still never matches one');
    assert.ok(!covers(['a[!x]b'], 'a/b'), 'a negated class never matches /');
    assert.ok(covers(['src/[Pp]ayments/**'], 'src/Payments/a.ts'));
    assert.ok(covers(['src/**/[a-c]*/x.ts'], 'src/deep/b1/x.ts'));
  });

  it('a [ that is never closed, or [], is text', () => {
    assert.ok(covers(['docs/[draft.md'], 'docs/[draft.md'));
    assert.ok(!covers(['docs/[draft.md'], 'docs/d.md'));
    assert.ok(covers(['docs/a[]b'], 'docs/a[]b'));
    assert.ok(covers(['docs/a[b/c]'], 'docs/a[b/c]'), 'a class never spans a folder: both brackets are text');
    assert.ok(covers(['docs/\\[x]'], 'docs/[x]'), 'an escaped [ is text');
    assert.ok(!covers(['docs/\\[x]'], 'docs/x'));
  });

  it('braces: alternatives, nested, across folders, with wildcards; {a}, an unclosed { and \\{ are text', () => {
    assert.ok(covers(['src/*.{ts,tsx}'], 'src/a.tsx'));
    assert.ok(!covers(['src/*.{ts,tsx}'], 'src/a.js'));
    assert.ok(covers(['src/{a,{b,c}}/x'], 'src/c/x'), 'nested');
    assert.ok(!covers(['src/{a,{b,c}}/x'], 'src/d/x'));
    assert.ok(covers(['{docs/adr,rfcs}/**'], 'docs/adr/0001-a.md'), 'across folders');
    assert.ok(covers(['{docs/adr,rfcs}/**'], 'rfcs/1.md'));
    assert.ok(!covers(['{docs/adr,rfcs}/**'], 'docs/design/1.md'));
    assert.ok(covers(['src/{,legacy/}**/*.sql'], 'src/legacy/x/a.sql'), 'an empty alternative');
    assert.ok(covers(['src/{,legacy/}**/*.sql'], 'src/a.sql'));
    assert.ok(covers(['**/{api,web}/**/*.ts'], 'apps/web/src/a.ts'));
    assert.ok(covers(['x/{a}'], 'x/{a}'), 'one alternative is text, as in shells and minimatch');
    assert.ok(!covers(['x/{a}'], 'x/a'));
    assert.ok(covers(['x/{a,b'], 'x/{a,b'), 'unclosed');
    assert.ok(covers(['x/\\{a,b}'], 'x/{a,b}'), 'escaped');
    assert.ok(!covers(['x/\\{a,b}'], 'x/a'));
    assert.ok(covers(['x/{a,b\\,c}'], 'x/b,c'), 'an escaped comma does not split');
    assert.ok(covers(['src/{api,web}/**', '!src/{api,web}/legacy/**'], 'src/api/a.ts'));
    assert.ok(!covers(['src/{api,web}/**', '!src/{api,web}/legacy/**'], 'src/web/legacy/a.ts'));
  });

  it('refuses with a reason: a range written backwards, an unknown [:class:], {..} leaving the repository, too many alternatives', () => {
    const list = new GlobList(['x/[z-a]', 'x/[[:word:]]', '{..,src}/x', '{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}', '{,}', 'src/**']);
    assert.deepStrictEqual(
      list.invalid.map((i) => i.message.replace(/^"[^"]*" /, '')),
      [
        'has the range [z-a] written backwards; write [a-z].',
        'names an unknown character class [:word:].',
        'leaves the repository ("..").',
        'expands to more than 256 alternatives; write fewer {…} groups.',
        'names no path in one of its {…} alternatives.',
      ],
    );
    assert.ok(list.matches('src/a.ts'));
  });

  it('each glob compiles to one regex, however many alternatives', () => {
    const g = compileGlob('src/{a,b,c}/**/*.{ts,tsx}');
    assert.ok(g.regex.test('src/b/x/y.tsx'));
    assert.ok(!g.regex.test('src/d/x/y.tsx'));
    assert.strictEqual(g.prefix, 'src/');
  });
});
