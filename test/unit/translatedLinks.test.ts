import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { setDecisionStatus, supersedeText } from '../../src/core/decisions/newDecision';
import { recordLanguage } from '../../src/core/decisions/recordLanguage';
import { addLinkInDialect, supersedeExisting } from '../../src/core/decisions/recordLinks';
import { makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { byName, indexOf } from './helpers';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

/** A Nygard record with its headings and Status section as written in the record's language. */
function nygard(number: number, title: string, headings: string[], statusLines: string[]): string {
  return `# ${number}. ${title}\n\nDate: 2026-01-05\n\n## ${headings[0]}\n\n${statusLines.join('\n\n')}\n\n## ${headings[1]}\n\nC.\n\n## ${headings[2]}\n\nD.\n\n## ${headings[3]}\n\nE.\n`;
}

const HEADINGS: Record<string, string[]> = {
  de: ['Status', 'Kontext', 'Entscheidung', 'Konsequenzen'],
  fr: ['Statut', 'Contexte', 'Décision', 'Conséquences'],
  es: ['Estado', 'Contexto', 'Decisión', 'Consecuencias'],
  pt: ['Situação', 'Contexto', 'Decisão', 'Consequências'],
  en: ['Status', 'Context', 'Decision', 'Consequences'],
};

/** Links as `kind target-file`, sorted. */
function linksOf(index: Awaited<ReturnType<typeof indexOf>>['index'], name: string): string[] {
  return byName(index, name)
    .links.map((l) => `${l.kind} ${path.basename(l.target)}`)
    .sort();
}

describe('translated link verbs', () => {
  it('links German, French, Spanish and Portuguese records both ways, as their Status sections write the verbs', async () => {
    const pairs: [string, string, string, string, string][] = [
      // language, old record's status lines, new record's status lines
      ['de', 'Ersetzt durch [2. Neu](0002-neu.md)', 'Akzeptiert', 'Ersetzt [1. Alt](0001-alt.md)', 'Geändert durch [3. Dazu](0003-dazu.md)'],
      ['fr', 'Remplacé par [2. Neu](0002-neu.md)', 'Acceptée', 'Remplace [1. Alt](0001-alt.md)', 'Modifiée par [3. Dazu](0003-dazu.md)'],
      ['es', 'Reemplazado por [2. Neu](0002-neu.md)', 'Aceptada', 'Reemplaza [1. Alt](0001-alt.md)', 'Modificado por [3. Dazu](0003-dazu.md)'],
      ['pt', '**Substituído por** [2. Neu](0002-neu.md)', 'Aceito', 'Substitui [1. Alt](0001-alt.md)', 'Alterado por [3. Dazu](0003-dazu.md)'],
    ];
    const amends: Record<string, string> = { de: 'Ändert', fr: 'Modifie', es: 'Modifica', pt: 'Altera' };
    const files: Record<string, string> = {};
    for (const [lang, oldLink, accepted, newLink, amendedBy] of pairs) {
      files[`${lang}/0001-alt.md`] = nygard(1, 'Alt', HEADINGS[lang], [oldLink]);
      files[`${lang}/0002-neu.md`] = nygard(2, 'Neu', HEADINGS[lang], [accepted, newLink, amendedBy]);
      files[`${lang}/0003-dazu.md`] = nygard(3, 'Dazu', HEADINGS[lang], [accepted, `${amends[lang]} [2. Neu](0002-neu.md)`]);
    }
    const { index } = await indexOf(files, { decisionDirectories: ['de', 'fr', 'es', 'pt'] });
    for (const [lang] of pairs) {
      const old = byName(index, `${lang}/0001-alt.md`.split('/')[1]);
      assert.ok(old, lang);
      const at = (name: string) => index.records().find((r) => r.path.endsWith(`/${lang}/${name}`))!;
      assert.strictEqual(at('0001-alt.md').status, 'superseded', lang);
      assert.strictEqual(at('0002-neu.md').status, 'accepted', lang);
      assert.deepStrictEqual(
        at('0001-alt.md').links.map((l) => `${l.kind} ${path.basename(l.target)}`),
        ['superseded-by 0002-neu.md'],
        lang,
      );
      assert.deepStrictEqual(
        at('0002-neu.md')
          .links.map((l) => `${l.kind} ${path.basename(l.target)}`)
          .sort(),
        ['amended-by 0003-dazu.md', 'supersedes 0001-alt.md'],
        lang,
      );
      assert.deepStrictEqual(
        at('0003-dazu.md').links.map((l) => `${l.kind} ${path.basename(l.target)}`),
        ['amends 0002-neu.md'],
        lang,
      );
    }
    // Both sides say it: no one-sided link anywhere.
    assert.deepStrictEqual(
      index.problems().filter((p) => p.code === 'one-sided-link'),
      [],
    );
  });

  it('reads a translated supersede written as text (`Ersetzt durch ADR-0002`, `Remplace ADR 0001.`)', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-alt.md': nygard(1, 'Alt', HEADINGS.de, ['Ersetzt durch ADR-0002']),
      'doc/adr/0002-neu.md': nygard(2, 'Neu', HEADINGS.fr, ['Acceptée', 'Remplace ADR 0001.']),
    });
    assert.deepStrictEqual(linksOf(index, '0001-alt.md'), ['superseded-by ADR-0002']);
    assert.deepStrictEqual(linksOf(index, '0002-neu.md'), ['supersedes ADR 0001']);
  });

  it("knows a record's status language from its words, then its heading; English and unknown words are no language", () => {
    const lang = (text: string) => recordLanguage(text);
    assert.deepStrictEqual(lang(nygard(1, 'A', HEADINGS.de, ['Akzeptiert'])), { language: 'de', feminine: false });
    assert.deepStrictEqual(lang(nygard(1, 'A', HEADINGS.fr, ['Acceptée'])), { language: 'fr', feminine: true });
    assert.deepStrictEqual(lang(nygard(1, 'A', HEADINGS.pt, ['Obsoleto'])), { language: 'pt', feminine: false }, 'obsoleto is Spanish too: the heading says');
    assert.deepStrictEqual(lang('---\nstatus: aceptada\n---\n# A\n'), { language: 'es', feminine: true });
    assert.deepStrictEqual(lang(nygard(1, 'A', HEADINGS.pt, ['Obsoleto']).normalize('NFD')), { language: 'pt', feminine: false });
    assert.deepStrictEqual(lang('# A\n\n* Statut: Proposé\n'), { language: 'fr', feminine: false });
    assert.deepStrictEqual(lang(nygard(1, 'A', HEADINGS.de, ['2020-01-02 vorgeschlagen'])), { language: 'de', feminine: false });
    assert.strictEqual(lang(nygard(1, 'A', HEADINGS.en, ['Accepted'])), undefined);
    assert.strictEqual(lang(nygard(1, 'A', HEADINGS.en, ['Superseded by [2. B](0002-b.md)'])), undefined);
    assert.strictEqual(lang(nygard(1, 'A', HEADINGS.en, ['In Arbeit'])), undefined);
  });
});

describe('writing into a translated record', () => {
  it('supersedes a German, French, Spanish or Portuguese record in its language, and the index reads it back both ways', async () => {
    const cases: [string, string, string, string][] = [
      ['de', 'Akzeptiert', 'Ersetzt durch [2. Neu](0002-neu.md)', 'Ersetzt [1. Alt](0001-alt.md)'],
      ['fr', 'Acceptée', 'Remplacée par [2. Neu](0002-neu.md)', 'Remplace [1. Alt](0001-alt.md)'],
      ['es', 'Aceptado', 'Reemplazado por [2. Neu](0002-neu.md)', 'Reemplaza [1. Alt](0001-alt.md)'],
      ['pt', 'Aceita', 'Substituída por [2. Neu](0002-neu.md)', 'Substitui [1. Alt](0001-alt.md)'],
      ['en', 'Accepted', 'Superseded by [2. Neu](0002-neu.md)', 'Supersedes [1. Alt](0001-alt.md)'],
    ];
    for (const [lang, accepted, oldLine, newLine] of cases) {
      const files = {
        'doc/adr/0001-alt.md': nygard(1, 'Alt', HEADINGS[lang], [accepted]),
        'doc/adr/0002-neu.md': nygard(2, 'Neu', HEADINGS[lang], [accepted]),
      };
      const { index } = await indexOf(files);
      const both = supersedeExisting(byName(index, '0001-alt.md'), files['doc/adr/0001-alt.md'], byName(index, '0002-neu.md'), files['doc/adr/0002-neu.md']);
      assert.strictEqual(both.older, nygard(1, 'Alt', HEADINGS[lang], [oldLine]), lang);
      assert.strictEqual(both.newer, nygard(2, 'Neu', HEADINGS[lang], [accepted, newLine]), lang);
      // Again: nothing more is added.
      assert.strictEqual(
        supersedeText(byName(index, '0001-alt.md'), both.older, { number: 2, title: 'Neu', path: byName(index, '0002-neu.md').path }),
        both.older,
      );
      assert.strictEqual(addLinkInDialect(byName(index, '0002-neu.md'), both.newer, 'Supersedes', byName(index, '0001-alt.md')), both.newer);
      const after = await indexOf({ 'doc/adr/0001-alt.md': both.older, 'doc/adr/0002-neu.md': both.newer });
      assert.strictEqual(byName(after.index, '0001-alt.md').status, 'superseded', lang);
      assert.deepStrictEqual(linksOf(after.index, '0001-alt.md'), ['superseded-by 0002-neu.md'], lang);
      assert.deepStrictEqual(linksOf(after.index, '0002-neu.md'), ['supersedes 0001-alt.md'], lang);
      assert.deepStrictEqual(after.index.problems(), [], lang);
    }
  });

  it('writes a MADR status bullet or front matter supersede in the record language', async () => {
    const files = {
      'docs/decisions/0001-alt.md': '# Alt\n\n* Estado: Aceptada\n* Fecha: 2026-01-05\n\n## Context and Problem Statement\n\nC.\n',
      'docs/decisions/0002-neu.md': '---\nstatus: akzeptiert\ndate: 2026-01-05\n---\n\n# Neu\n\n## Context and Problem Statement\n\nC.\n',
      'docs/decisions/0003-drei.md': '---\nstatus: accepted\n---\n\n# Drei\n\n## Context and Problem Statement\n\nC.\n',
    };
    const { index } = await indexOf(files);
    const successor = { number: 3, title: 'Drei', path: byName(index, '0003-drei.md').path };
    assert.match(
      supersedeText(byName(index, '0001-alt.md'), files['docs/decisions/0001-alt.md'], successor),
      /^\* Estado: reemplazada por \[ADR-0003\]\(0003-drei\.md\)$/m,
    );
    assert.match(
      supersedeText(byName(index, '0002-neu.md'), files['docs/decisions/0002-neu.md'], successor),
      /^status: "?ersetzt durch \[ADR-0003\]\(0003-drei\.md\)"?$/m,
    );
    assert.match(
      supersedeText(byName(index, '0003-drei.md'), files['docs/decisions/0003-drei.md'], { ...successor, number: 4 }),
      /^status: "?superseded by \[ADR-0004\]\(0003-drei\.md\)"?$/m,
    );
  });

  it('changes a translated status in the record language; other statuses and English records as before', async () => {
    const files = {
      'doc/adr/0001-de.md': nygard(1, 'De', HEADINGS.de, ['Vorgeschlagen']),
      'doc/adr/0002-fr.md': nygard(2, 'Fr', HEADINGS.fr, ['Proposée']),
      'doc/adr/0003-en.md': nygard(3, 'En', HEADINGS.en, ['Proposed']),
      'doc/adr/0004-es.md': '# Es\n\n* Estado: Propuesto\n* Fecha: 2026-01-05\n\n## Context and Problem Statement\n\nC.\n',
    };
    const { index } = await indexOf(files);
    const set = (name: string, file: string, status: string) => setDecisionStatus(byName(index, name), files[file as keyof typeof files], status);
    assert.strictEqual(set('0001-de.md', 'doc/adr/0001-de.md', 'deprecated'), nygard(1, 'De', HEADINGS.de, ['Veraltet']));
    assert.strictEqual(set('0002-fr.md', 'doc/adr/0002-fr.md', 'accepted'), nygard(2, 'Fr', HEADINGS.fr, ['Acceptée']));
    assert.strictEqual(set('0002-fr.md', 'doc/adr/0002-fr.md', 'in review'), nygard(2, 'Fr', HEADINGS.fr, ['In review']));
    assert.strictEqual(set('0003-en.md', 'doc/adr/0003-en.md', 'accepted'), nygard(3, 'En', HEADINGS.en, ['Accepted']));
    assert.match(set('0004-es.md', 'doc/adr/0004-es.md', 'accepted') ?? '', /^\* Estado: Aceptado$/m);
    // What is written reads back as the status asked for.
    const after = await indexOf({ 'doc/adr/0001-de.md': set('0001-de.md', 'doc/adr/0001-de.md', 'deprecated')! });
    assert.strictEqual(byName(after.index, '0001-de.md').status, 'deprecated');
  });

  it('lodestar adr new -s and adr link write the verbs of a German record in German', () => {
    const dir = makeTempDir();
    writeFiles(dir, {
      '.adr-dir': 'doc/adr\n',
      'doc/adr/0001-alt.md': nygard(1, 'Alt', HEADINGS.de, ['Akzeptiert']),
      'doc/adr/0002-zwei.md': nygard(2, 'Zwei', HEADINGS.de, ['Akzeptiert']),
    });
    const adr = (args: string[]) =>
      spawnSync(process.execPath, [CLI, 'adr', ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ADR_DATE: '2026-11-21', VISUAL: '', EDITOR: '' },
      });
    const made = adr(['new', '-s', '1', 'Neu']);
    assert.strictEqual(made.status, 0, made.stderr);
    const old = fs.readFileSync(path.join(dir, 'doc/adr/0001-alt.md'), 'utf8');
    assert.ok(old.includes('## Status\n\nErsetzt durch [3. Neu](0003-neu.md)\n'), old);
    assert.ok(!/Akzeptiert|Superceded/.test(old), old);
    const linked = adr(['link', '2', 'Amends', '1', 'Amended by']);
    assert.strictEqual(linked.status, 0, linked.stderr);
    assert.match(fs.readFileSync(path.join(dir, 'doc/adr/0002-zwei.md'), 'utf8'), /^Ändert \[1\. Alt\]\(0001-alt\.md\)$/m);
    assert.match(fs.readFileSync(path.join(dir, 'doc/adr/0001-alt.md'), 'utf8'), /^Geändert durch \[2\. Zwei\]\(0002-zwei\.md\)$/m);
  });
});
