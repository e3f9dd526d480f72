import * as assert from 'assert';
import { MAX_SEARCH_TEXT, searchTextOfMarkdown } from '../../src/core/site/siteSearch';

/** The rule the search text follows, as one regular expression (the scanner is a faster way to the same text). */
const byRegex = (body: string): string =>
  body
    .replace(/\]\([^)]*\)|<!--[\s\S]*?-->|[\s#*_`|~[\]]+/g, ' ')
    .trim()
    .slice(0, MAX_SEARCH_TEXT);

describe('searchTextOfMarkdown', () => {
  it('drops link targets, comments and markup and collapses whitespace', () => {
    assert.strictEqual(
      searchTextOfMarkdown('# Use  **gRPC**\n\nSee [ADR 7](../adr/0007-x.md) <!-- note --> and `code` | a |\u00a0b'),
      'Use gRPC See ADR 7    and code a b',
    );
  });

  it('keeps what the rule keeps: a `](` with no `)`, an unclosed comment, a target after a space run', () => {
    for (const body of ['x ]( no close', '<!-- open ](x', 'a ](x) b', '](x)](y)', '<<!--x-->y', 'a]](x)', '\u3000x\ufeff\u2028y', '', ' ', ']'])
      assert.strictEqual(searchTextOfMarkdown(body), byRegex(body), JSON.stringify(body));
  });

  it('gives the same text as the rule on random Markdown-ish text', () => {
    const alphabet = [
      ' ',
      ' ',
      ' ',
      'a',
      'é',
      ']',
      '(',
      ')',
      '<',
      '!',
      '-',
      '>',
      '\n',
      '\r',
      '\t',
      '#',
      '*',
      '_',
      '`',
      '|',
      '~',
      '[',
      '\u00a0',
      '\u3000',
      '😀',
    ];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let k = 0; k < 20_000; k++) {
      let body = '';
      for (let j = next() % 40; j > 0; j--) body += alphabet[next() % alphabet.length];
      assert.strictEqual(searchTextOfMarkdown(body), byRegex(body), JSON.stringify(body));
    }
  });

  it('cuts the text at the limit', () => {
    assert.strictEqual(searchTextOfMarkdown('word '.repeat(MAX_SEARCH_TEXT)).length, MAX_SEARCH_TEXT);
  });
});
