import * as assert from 'assert';
import { outlineMarkdown } from '../../src/core/records/markdownOutline';

// markdown-it is the oracle: what it calls the document's first H1 and its H2 headings is what the scanner must find.
// Only top-level headings count: a heading inside a list item or block quote is not the record's title or section.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (o: object) => { parse(s: string, env: object): Token[] };
interface Token {
  type: string;
  tag: string;
  content: string;
  map: [number, number] | null;
  level: number;
}
const md = new MarkdownIt({ html: true });

const wanted = ['status', 'context', 'decision', 'consequences', 'links'];

function sectionHeadings(doc: string): string[] {
  return [...outlineMarkdown(doc, 0, wanted).sections.keys()];
}

function oracleHeadings(doc: string): string[] {
  const tokens = md.parse(doc, {});
  const found: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'heading_open' || t.level !== 0) continue;
    const text = tokens[i + 1].content
      .replace(/[*_`:]/g, '')
      .trim()
      .toLowerCase();
    if (t.tag === 'h1' && !found.includes('#title')) {
      if (text !== '') found.push('#title');
      continue;
    }
    if ((t.tag === 'h2' || t.tag === 'h1') && wanted.includes(text) && !found.includes(text)) found.push(text);
  }
  return found.filter((h) => h !== '#title');
}

function titleOf(doc: string): string | undefined {
  return outlineMarkdown(doc, 0, wanted).title?.text;
}

function oracleTitle(doc: string): string | undefined {
  const tokens = md.parse(doc, {});
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type === 'heading_open' && tokens[i].level === 0 && tokens[i].tag === 'h1' && tokens[i + 1].content.trim() !== '')
      return tokens[i + 1].content.replace(/\s+/g, ' ').trim();
  }
  return undefined;
}

function agree(doc: string): void {
  assert.deepStrictEqual(
    { title: titleOf(doc), sections: sectionHeadings(doc) },
    { title: oracleTitle(doc), sections: oracleHeadings(doc) },
    `scanner and markdown-it disagree on:\n${doc}`,
  );
}

// Small deterministic generator (mulberry32) so a failure names a reproducible document.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const blocks: ((r: () => number) => string)[] = [
  () => '# 1. Use PostgreSQL',
  () => 'Date: 2024-01-02',
  () => '## Status',
  () => '## Context',
  () => '## Decision ##',
  () => '## Consequences',
  () => 'Accepted',
  () => 'Some prose with `code` and *emphasis*.',
  () => '',
  () => '```',
  () => '```js',
  () => '~~~',
  () => '````',
  () => '```foo`bar',
  () => '# not a title inside a fence maybe',
  () => '- a list item',
  () => '* another item',
  () => '  indented continuation',
  () => 'lazy continuation line',
  () => '---',
  () => '===',
  () => '> a quote',
  () => 'Status',
  () => 'Links',
  () => '    # indented code',
  () => '#hashtag-not-heading',
  () => '1. numbered item',
  () => '<!--',
  () => '<!-- a comment on its line -->',
  () => '-->',
  () => '  <!-- indented',
];

describe('Markdown outline scanner, with markdown-it as the oracle', () => {
  const cases: Record<string, string> = {
    'ATX title and sections': '# 1. Title\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n',
    'setext title and sections': 'Title\n=====\n\nStatus\n------\n\nAccepted\n',
    'headings inside backtick and tilde fences are not headings': '```\n# Not title\n```\n~~~\n## Status\n~~~\n# Real\n',
    'a closing fence cannot carry an info string': '# T\n\n```\n```js\n## Status\n```\n\n## Context\n',
    'a backtick fence whose info string holds a backtick is not a fence': '# T\n\n```foo`bar\n## Status\n\nok\n',
    'a longer fence is closed only by one at least as long': '# T\n\n````\n```\n## Status\n````\n## Context\n',
    'a lazy list continuation is not a setext heading': '# T\n\n- item\nStatus\n---\n\n## Context\n',
    'a lazy block-quote continuation is not a setext heading': '# T\n\n> quote\nStatus\n---\n',
    'a paragraph of two lines underlined is one setext heading of markdown-it': '# T\n\nStatus\n---\n\nx\n',
    'indented code is not a heading': '    # Not a title\n\n# Title\n',
    'hash without a space is not a heading': '#Title\n\n# Real title\n',
    'CRLF line endings': '# Title\r\n\r\n## Status\r\n\r\nAccepted\r\n',
    'headings inside an HTML comment over several lines are not headings': '# T\n\n<!--\n## Status\n# Other\n-->\n\n## Context\n',
    'a comment on its own line ends a paragraph, so no setext heading': '# T\n\nStatus\n<!-- note -->\n---\n\n## Context\n',
    'a comment opened inside a paragraph does not hide the headings below': '# T\n\nSee <!-- a\n## Status\n-->\n',
  };
  for (const [name, doc] of Object.entries(cases)) {
    it(name, () => agree(doc));
  }

  it('agrees on 3,000 generated documents', () => {
    const r = random(Number(process.env.OUTLINE_SEED) || 20261204);
    for (let n = 0; n < (Number(process.env.OUTLINE_DOCS) || 3000); n++) {
      const lines: string[] = [];
      const count = 3 + Math.floor(r() * 12);
      for (let i = 0; i < count; i++) lines.push(blocks[Math.floor(r() * blocks.length)](r));
      agree(lines.join(r() < 0.2 ? '\r\n' : '\n') + '\n');
    }
  });

  it('drops a link line as indented code only where markdown-it reads code (3,000 generated documents)', () => {
    // Lines with a link, indented or not: the scanner keeps every one markdown-it does not put in a code block.
    const linked = [...blocks, () => '    [code](x.md)', () => '\t[tab](x.md)', () => '      [deep](x.md)', () => '[plain](x.md)', () => '  [two](x.md)'];
    const r = random(Number(process.env.OUTLINE_SEED) || 20261205);
    let dropped = 0;
    for (let n = 0; n < 3000; n++) {
      const lines: string[] = [];
      const count = 3 + Math.floor(r() * 12);
      for (let i = 0; i < count; i++) lines.push(linked[Math.floor(r() * linked.length)](r));
      const doc = lines.join('\n') + '\n';
      const kept = new Set(outlineMarkdown(doc, 0, wanted).linkLines.map((l) => l.line));
      const code = new Set<number>();
      for (const t of md.parse(doc, {}))
        if ((t.type === 'code_block' || t.type === 'fence' || t.type === 'html_block') && t.map) for (let i = t.map[0]; i < t.map[1]; i++) code.add(i);
      lines.forEach((line, i) => {
        if (!line.includes('](x.md)') || kept.has(i)) return;
        dropped++;
        assert.ok(code.has(i), `line ${i + 1} is no code to markdown-it, but was dropped:\n${doc}`);
      });
    }
    assert.ok(dropped > 100, `only ${dropped} lines were code`);
  });

  it('reports line numbers of the title and of a section line', () => {
    const outline = outlineMarkdown('\n# Title\n\n## Status\n\nAccepted\n', 10, wanted);
    assert.deepStrictEqual(outline.title, { text: 'Title', line: 11 });
    assert.deepStrictEqual(
      outline.sections.get('status')?.find((l) => l.text === 'Accepted'),
      { text: 'Accepted', line: 15 },
    );
  });
});
