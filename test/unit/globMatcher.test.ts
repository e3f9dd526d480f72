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
});
