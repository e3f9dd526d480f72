import * as assert from 'assert';
import { ADR_TOOLS_TEMPLATE } from '../../src/core/decisions/adrTools';
import { placeholderLines, proseLines } from '../../src/core/lint/templateText';
import { frontMatterBodyAndLine, frontMatterBodyLine, readFrontMatter } from '../../src/core/records/frontMatter';
import { fold } from '../../src/core/listing/recordFilter';
import { joinPath, resolveHref } from '../../src/core/store/fileSystem';
import { seededRandom } from '../fixtures/frontMatterVariants';

/**
 * placeholderLines passes over lines whose first word starts no template line and that hold no bracket without
 * normalising them: it must find exactly the lines that comparing every normalised line finds.
 */
function everyLineCompared(text: string, template: Set<string>): { line: number; text: string }[] {
  const normalise = (l: string): string => l.replace(/\r$/, '').trim().replace(/\s+/g, ' ');
  const out: { line: number; text: string }[] = [];
  let fence: string | undefined;
  text
    .replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ''))
    .split('\n')
    .forEach((raw, i) => {
      const f = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
      if (f) {
        if (!fence) fence = f[1];
        else if (f[1][0] === fence[0] && f[1].length >= fence.length) fence = undefined;
        return;
      }
      if (fence) return;
      const line = normalise(raw);
      if (line !== '' && !line.startsWith('#') && template.has(line)) out.push({ line: i, text: line });
    });
  return out;
}

describe('fast paths give what the slow way gives: template lines, the body of a record, search folding', () => {
  const folderTemplate = proseLines('# NUMBER. TITLE\n\n## Context\n\nWhat is the  issue that we are seeing?\n\n- Describe   the options we weighed here\n');
  const adrTools = proseLines(ADR_TOOLS_TEMPLATE);

  it('finds a template line however its spaces, tabs and line ends are written, and only outside code and comments', () => {
    const text = [
      '# 1. Use X',
      '',
      '\t  What is the issue   that we are\tseeing?  \r',
      '```',
      'What is the issue that we are seeing?',
      '```',
      '<!-- What is the issue that we are seeing? -->',
      'What is the issue that we are seeing? And more words.',
      ' - Describe the options  we weighed here',
      `  ${[...adrTools][0].replace(/ /g, '   ')}\r`,
    ].join('\n');
    assert.deepStrictEqual(
      placeholderLines(text, folderTemplate).map((p) => p.line),
      [2, 8, 9],
    );
  });

  it('gives what comparing every normalised line gives, on lines varied at random (no brackets)', () => {
    const rnd = seededRandom(7);
    const pieces = [...folderTemplate, ...adrTools].flatMap((l) => l.split(' '));
    const spaces = [' ', '  ', '\t', ' \t ', '\u00a0', '\u2003'];
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
    const template = new Set([...folderTemplate, ...adrTools]);
    for (let doc = 0; doc < 200; doc++) {
      const lines: string[] = [];
      for (let i = 0; i < 30; i++) {
        const source = rnd() < 0.3 ? pick([...template]).split(' ') : Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => pick(pieces));
        const line = source.map((w, k) => (k === 0 ? '' : pick(spaces)) + w).join('');
        lines.push((rnd() < 0.3 ? pick(spaces) : '') + line + (rnd() < 0.3 ? pick([' ', '\r', ' \r']) : ''));
      }
      const text = lines.join('\n');
      assert.deepStrictEqual(
        placeholderLines(text, folderTemplate).map((p) => [p.line, p.text]),
        everyLineCompared(text, template).map((p) => [p.line, p.text]),
        text,
      );
    }
  });

  it('the body starts where readFrontMatter says, without reading the YAML', () => {
    for (const text of [
      '# A\n',
      '---\ntitle: A\n---\n# A\n',
      '\ufeff---\r\ntitle: A\r\n---\r\n\r\n# A\r\n',
      '---\ntitle: [a\n---\n# A\n',
      '---\ntitle: A\n# never closed\n',
      '---js\nmodule.exports = {}\n---\n# A\n',
      '---\n---\n# A\n',
      '--- \ntitle: A\n...\n# A\n',
      '',
    ]) {
      assert.strictEqual(frontMatterBodyLine(text), readFrontMatter(text).bodyLine, JSON.stringify(text));
      const { body, bodyLine } = readFrontMatter(text);
      assert.deepStrictEqual(frontMatterBodyAndLine(text), { body, bodyLine }, JSON.stringify(text));
    }
    assert.strictEqual(frontMatterBodyLine('---\ntitle: A\n---\n# A\n'), 3);
  });

  it('search folding: ASCII is only lower-cased, other text loses its accents, as decomposing every text does', () => {
    const reference = (t: string): string => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (const t of [
      'Use Kafka for EVENTS',
      'tab\tand\nnewline ~!@#',
      '',
      'Café Ó Briain',
      'ÅNGSTRÖM straße',
      'naïve “quotes” — dash',
      'e\u0301 decomposed',
      '日本語 ADR',
      'a\u0301\u0323 x\u0323\u0307 — Ελληνικά ΣΟΦΟΣ Σ. ﬁ Ω K İstanbul ǅ 한국어',
      '\u0301leading mark, ’quote’ e\u0301',
    ]) {
      assert.strictEqual(fold(t), reference(t), t);
    }
    assert.strictEqual(fold('Café'), 'cafe');
  });
  it('a link to a file beside the record resolves as the full path join does', () => {
    // The way every link was resolved before the fast path: scheme kept, fragment dropped, percent-escapes decoded, joined.
    const reference = (from: string, href: string): string => {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return href;
      let clean = href.split('#')[0];
      try {
        clean = decodeURIComponent(clean);
      } catch {
        // kept
      }
      if (clean === '') return from;
      return clean.startsWith('/') ? clean : joinPath(from.slice(0, Math.max(from.lastIndexOf('/'), 0)) || '/', clean);
    };
    const hrefs = [
      '0002-use-x.md',
      './0002-use-x.md',
      '0002-use-x',
      '.',
      '..',
      './..',
      './.',
      '...',
      '.hidden.md',
      'a b.md',
      'a%20b.md',
      'x.md#ctx',
      '#ctx',
      'mailto:a@b',
      'c:x.md',
      'a\\b.md',
      '../design/x.md',
      './sub/x.md',
      '/abs/x.md',
      '',
      ' x.md',
      'x.md ',
      './/x.md',
      '.\\x.md',
      'ü.md',
    ];
    for (const from of ['/repo/doc/adr/0001-a.md', '/0001-a.md', '0001-a.md', '/repo/doc/adr/sub/0001-a.md']) {
      for (const href of hrefs) assert.strictEqual(resolveHref(from, href), reference(from, href), `${from} ${JSON.stringify(href)}`);
    }
  });
});
