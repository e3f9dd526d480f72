import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RecordIndex } from '../../src/core/index/recordIndex';
import { toPortPath } from '../../src/core/store/fileSystem';
import { byName, indexOf } from './helpers';

/** Each record's file name, number, title, status and date. */
function readings(index: RecordIndex): [string, number | null, string, string | null, string | null][] {
  return index
    .records()
    .map((r): [string, number | null, string, string | null, string | null] => [path.basename(r.path), r.number, r.title, r.status, r.date])
    .sort((a, b) => a[0].localeCompare(b[0]));
}

/** Each link of a record, with its target as the file it names. */
function linksOf(index: RecordIndex, name: string): string[] {
  const r = byName(index, name);
  return index.linksOf(r).map((l) => `${l.kind} ${path.basename(index.resolveLink(r, l.target))}`);
}

/** The index's problems but the missing sections (the fixtures leave sections out). */
function problems(index: RecordIndex): string[] {
  return index
    .problems()
    .filter((p) => p.code !== 'missing-section' && p.code !== 'number-gap')
    .map((p) => `${path.basename(p.path)}:${p.line} ${p.code}`);
}

/** Shapes met in a third survey of public repositories' ADR folders. */
describe('real-world record variations, third survey', () => {
  it('a translation beside its record (`0077-x.fr.md`, `0012-y.pt-BR.md`) is that record in another language: no second record, no duplicate number, no broken link', async () => {
    const { root, index } = await indexOf({
      'docs/adr/0077-admit-a-rule.md':
        '# ADR-0077 | Admit a rule\n\n🌍 🇬🇧 English (this file) · 🇫🇷 [Français](0077-admit-a-rule.fr.md)\n\n**Status:** Accepted\n**Proposed:** 2026-08-20\n',
      'docs/adr/0077-admit-a-rule.fr.md': '# ADR-0077 | Admettre une règle\n\n**Statut :** Accepté\n',
      'docs/adr/0012-use-y.md': '# ADR-0012 | Use Y\n\n**Status:** Accepted\n\nIn Portuguese: [pt-BR](0012-use-y.pt-BR.md).\n',
      'docs/adr/0012-use-y.pt-BR.md': '# ADR-0012 | Usar Y\n\n**Status:** Accepted\n',
      // A dotted name with no record beside it is a record.
      'docs/adr/0013-node.js.md': '# ADR-0013 | Node.js\n\n**Status:** Accepted\n',
      'docs/adr/0014-only.de.md': '# ADR-0014 | Nur Deutsch\n\n**Status:** Accepted\n',
    });
    assert.deepStrictEqual(
      readings(index).map((r) => r[0]),
      ['0012-use-y.md', '0013-node.js.md', '0014-only.de.md', '0077-admit-a-rule.md'],
    );
    assert.deepStrictEqual(linksOf(index, '0077-admit-a-rule.md'), []);
    assert.deepStrictEqual(problems(index), []);
    // Written later, while the index is live: still the record's translation.
    fs.writeFileSync(path.join(root, 'docs/adr/0014-only.md'), '# ADR-0014 | Only\n\n**Status:** Accepted\n');
    await index.refreshFile(toPortPath(path.join(root, 'docs/adr/0014-only.md')));
    await index.refreshFile(toPortPath(path.join(root, 'docs/adr/0014-only.de.md')));
    fs.writeFileSync(path.join(root, 'docs/adr/0012-use-y.es.md'), '# ADR-0012 | Usar Y\n');
    await index.refreshFile(toPortPath(path.join(root, 'docs/adr/0012-use-y.es.md')));
    assert.deepStrictEqual(
      readings(index).map((r) => r[0]),
      ['0012-use-y.md', '0013-node.js.md', '0014-only.md', '0077-admit-a-rule.md'],
    );
  });
});
