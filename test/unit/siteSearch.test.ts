import * as assert from 'assert';
import { createSiteMarkdown, draftBody, MAX_SEARCH_TEXT } from '../../src/core/site/siteMarkdown';

const md = createSiteMarkdown();
const words = (body: string): string => draftBody(md, body, 'f00d').searchText;

describe('the search text of a record', () => {
  it('is the words the page shows: no markup, no link targets, one space between words, lines and blocks', () => {
    const body = [
      '# Use gRPC',
      '',
      'Use  **gRPC** and _plain_ `code`; see [ADR 7](../adr/0007-x.md "title") and [the spec](https://example.org/spec).',
      '',
      '| option | cost |',
      '| --- | --- |',
      '| one | low |',
      '',
      '- first',
      '- second   item',
      '',
      '```js',
      'let x =   1;',
      '```',
      '',
      '    indented code',
      '',
      '![Architecture](arch.png) ![Remote](https://example.org/x.png) &amp; done',
    ].join('\n');
    assert.strictEqual(
      words(body),
      'Use gRPC and plain code; see ADR 7 and the spec. option cost one low first second item let x = 1; indented code Architecture Image: Remote & done',
    );
  });

  it('leaves out the title the page shows in its header, and keeps later headings', () => {
    assert.strictEqual(words('# Title\n\nText.\n\n## Context\n\nMore.'), 'Text. Context More.');
    assert.strictEqual(words(''), '');
    assert.strictEqual(words('  \n\n\t'), '');
  });

  it('keeps text that looks like HTML or Markdown written as code, as the page shows it', () => {
    assert.strictEqual(words('A <b>bold</b> claim <!-- note --> and `**not bold**`.'), 'A <b>bold</b> claim <!-- note --> and **not bold**.');
  });

  it('is cut at the limit', () => {
    assert.strictEqual(words('word '.repeat(MAX_SEARCH_TEXT)).length, MAX_SEARCH_TEXT);
  });
});
