import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { runAdr } from '../fixtures/adrCli';
import { makeTempDir, writeFiles } from '../fixtures/gitRepo';

/** A reference (`-s`, `-l`, `link`) that several records match: adr-tools' choice, with a warning. */

/** An adr-tools folder after `adr init` and the given records. */
function adrFolder(files: Record<string, string | Uint8Array>): string {
  const dir = makeTempDir();
  runAdr(dir, ['init']);
  writeFiles(dir, files);
  return dir;
}

describe('adr new -s / -l and adr link: a reference several records match', () => {
  const records = {
    'doc/adr/0002-editor-fails.md': '# 2. Editor fails\n\nDate: 2026-11-20\n\n## Status\n\nAccepted\n\n## Context\n\nx\n',
    'doc/adr/0003-editor-missing.md': '# 3. Editor missing\n\nDate: 2026-11-20\n\n## Status\n\nAccepted\n\n## Context\n\nx\n',
  };
  const warning = 'adr: warning: "editor" matches 0002-editor-fails.md and 0003-editor-missing.md; using 0002-editor-fails.md.\n';

  it('-s takes the first, as adr-tools does, and says so on stderr; stdout is only the new path', () => {
    const dir = adrFolder(records);
    const r = runAdr(dir, ['new', '-s', 'editor', 'Use a fallback editor']);
    assert.deepStrictEqual([r.code, r.out, r.err], [0, 'doc/adr/0004-use-a-fallback-editor.md\n', warning]);
    assert.match(fs.readFileSync(path.join(dir, 'doc/adr/0002-editor-fails.md'), 'utf8'), /Superceded by \[4\. Use a fallback editor\]/);
  });

  it('-l and link warn the same way; a reference one record matches says nothing', () => {
    const dir = adrFolder(records);
    const l = runAdr(dir, ['new', '-l', 'editor:Amends:Amended by', 'Tune it']);
    assert.deepStrictEqual([l.code, l.out, l.err], [0, 'doc/adr/0004-tune-it.md\n', warning]);
    const link = runAdr(dir, ['link', '4', 'Amends', 'editor', 'Amended by']);
    assert.deepStrictEqual([link.code, link.err], [0, warning]);
    const one = runAdr(dir, ['link', '4', 'Amends', 'missing', 'Amended by']);
    assert.deepStrictEqual([one.code, one.err], [0, '']);
  });
});
