import * as assert from 'assert';
import { frontMatterBody, readFrontMatter } from '../../src/core/records/frontMatter';
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

describe('the body a page renders', () => {
  it('is exactly the body readFrontMatter gives, for files with, without and with broken front matter', () => {
    const texts = [
      '',
      'no front matter\n',
      '---\ntitle: A\nstatus: accepted\n---\n# A\n\nText.\n',
      '\ufeff---\r\ntitle: "B: quoted"\r\ntags: [x, y]\r\n---\r\nBody\r\n',
      '---\n---\nEmpty front matter\n',
      '---\ntitle: never closed\nText\n',
      '---\n\nA horizontal rule first, then text.\n',
      '--- javascript\nmodule.exports = {}\n---\nBody\n',
      '---\ntitle: [unclosed\n---\nBody after bad YAML\n',
      '---\ntitle: A\n...\nDots close it\n',
      '----\nnot a fence\n',
    ];
    for (const t of texts) assert.strictEqual(frontMatterBody(t), readFrontMatter(t).body, JSON.stringify(t));
  });
});
