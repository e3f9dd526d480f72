import * as assert from 'assert';
import { runAdr } from '../fixtures/adrCli';
import { makeTempDir, writeFiles } from '../fixtures/gitRepo';

/** `adr generate`'s labels: never raw bytes, an empty label or invalid DOT. */

/** An adr-tools folder after `adr init` and the given records. */
function adrFolder(files: Record<string, string | Uint8Array>): string {
  const dir = makeTempDir();
  runAdr(dir, ['init']);
  writeFiles(dir, files);
  return dir;
}

describe('adr generate: records with no readable first line', () => {
  // Random bytes with no newline or valid UTF-8 sequence that could read as a title.
  const binary = Uint8Array.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0x00, 0xff, 0xfe, 0x80, 0x0a, 0x91, 0x92]);
  const files = {
    'doc/adr/0002-binary.md': binary,
    'doc/adr/0003-empty.md': '',
    'doc/adr/0004-no-fence-close.md': '---\nstatus: accepted\n# 4. Unclosed\n',
  };

  it('toc lists them by the title their file name gives, never raw bytes or an empty label', () => {
    const dir = adrFolder(files);
    const r = runAdr(dir, ['generate', 'toc']);
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(
      r.out,
      '# Architecture Decision Records\n\n' +
        '* [1. Record architecture decisions](0001-record-architecture-decisions.md)\n' +
        '* [Binary](0002-binary.md)\n' +
        '* [Empty](0003-empty.md)\n' +
        '* [No fence close](0004-no-fence-close.md)\n',
    );
  });

  it('graph labels them the same way', () => {
    const dir = adrFolder(files);
    const r = runAdr(dir, ['generate', 'graph']);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /_2 \[label="Binary"; URL="0002-binary\.html"\];\n/);
    assert.match(r.out, /_3 \[label="Empty"; URL="0003-empty\.html"\];\n/);
    assert.match(r.out, /_4 \[label="No fence close"; URL="0004-no-fence-close\.html"\];\n/);
  });
});

describe('adr generate graph: quotes and backslashes in titles', () => {
  it('are escaped in DOT strings, labels of nodes and of links alike', () => {
    const dir = adrFolder({});
    assert.strictEqual(runAdr(dir, ['new', 'Use "quoted" names']).code, 0);
    assert.strictEqual(runAdr(dir, ['new', '-l', '2:Keeps "quoted":Kept by', 'Paths like C:\\\\temp']).code, 0);
    const r = runAdr(dir, ['generate', 'graph']);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /\n {4}_2 \[label="2\. Use \\"quoted\\" names"; URL="0002-use-quoted-names\.html"\];\n/);
    assert.ok(r.out.includes('    _3 [label="3. Paths like C:\\\\\\\\temp"; URL="0003-paths-like-c-temp.html"];\n'), r.out);
    assert.match(r.out, /\n {2}_3 -> _2 \[label="Keeps \\"quoted\\"", weight=0\]\n/);
  });
});
