import * as assert from 'assert';
import { encodePath, relativeUrl } from '../../src/core/site/siteHtml';
import { uniqueSlug } from '../../src/core/site/siteMarkdown';

describe('relativeUrl and encodePath', () => {
  it('links between pages of one folder, to the root and across folders', () => {
    assert.strictEqual(relativeUrl('doc/adr/0001-a.html', 'doc/adr/0002-b.html'), '0002-b.html');
    assert.strictEqual(relativeUrl('doc/adr/0001-a.html', 'index.html'), '../../index.html');
    assert.strictEqual(relativeUrl('index.html', 'doc/adr/0002-b.html'), 'doc/adr/0002-b.html');
    assert.strictEqual(relativeUrl('doc/adr/0001-a.html', 'doc/design/x.html'), '../design/x.html');
    assert.strictEqual(relativeUrl('doc/adr/0001-a.html', 'doc/adr/img/d.png'), 'img/d.png');
    assert.strictEqual(relativeUrl('doc/adr/0001-a.html', 'doc/adrx/y.html'), '../adrx/y.html');
    assert.strictEqual(relativeUrl('doc/0001-a.html', 'doc/adr/0001-a.html'), 'adr/0001-a.html');
  });

  it('percent-encodes each segment but leaves `..` and safe names alone', () => {
    assert.strictEqual(encodePath("a/b-c_d.e!~*'()/f.html"), "a/b-c_d.e!~*'()/f.html");
    assert.strictEqual(encodePath('doc/my notes/a#b?.html'), 'doc/my%20notes/a%23b%3F.html');
    assert.strictEqual(encodePath('../_/é.png'), '../_/%C3%A9.png');
    assert.strictEqual(relativeUrl('doc/adr/0001-a.html', 'doc/adr/ä b.html'), '%C3%A4%20b.html');
    assert.strictEqual(relativeUrl('index.html', 'a b/c.html'), 'a%20b/c.html');
  });
});

describe('the quick ways to a relative URL and a heading anchor', () => {
  /** The general rule: up from the page's folder to the common folder, then down. */
  const byRule = (fromPage: string, toPath: string): string => {
    const from = fromPage.split('/').slice(0, -1);
    const to = toPath.split('/');
    let i = 0;
    while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
    return encodePath([...from.slice(i).map(() => '..'), ...to.slice(i)].join('/'));
  };

  it('relativeUrl gives what the rule gives between any two paths', () => {
    const segments = ['doc', 'adr', 'assets', 'a b', 'é', 'index.html', 'x.html', 'doc2'];
    let seed = 11;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const pathOf = (): string => Array.from({ length: 1 + (next() % 4) }, () => segments[next() % segments.length]).join('/');
    for (let k = 0; k < 5000; k++) {
      const [a, b] = [pathOf(), pathOf()];
      assert.strictEqual(relativeUrl(a, b), byRule(a, b), `${a} → ${b}`);
    }
  });

  it('uniqueSlug gives ASCII headings the anchors the Unicode rule gives', () => {
    const byUnicodeRule = (text: string): string =>
      text
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-') || 'section';
    for (const text of ['Context', 'Decision Outcome', '  Pros & Cons (of it) ', 'v2.0: the_plan-B!', '\t', '', '###', 'Ünïcode café', 'x²', '१२३ numbers'])
      assert.strictEqual(uniqueSlug(text, new Map()), byUnicodeRule(text), JSON.stringify(text));
    for (let c = 0; c < 128; c++) {
      const text = `a${String.fromCharCode(c)}b`;
      assert.strictEqual(uniqueSlug(text, new Map()), byUnicodeRule(text), JSON.stringify(text));
    }
  });
});
