import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { folderLanguage, headingLanguage } from '../../src/core/decisions/folderLanguage';
import { planNewDecision } from '../../src/core/decisions/newDecision';
import { recordOf } from '../fixtures/recordText';
import { makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { runAdr } from '../fixtures/adrCli';
import { indexOf, readings } from './helpers';

/** A Nygard record with its headings, Date field and status as written in the record's language. */
function nygard(number: number, title: string, headings: string[], date: string, status: string): string {
  return `# ${number}. ${title}\n\n${date}: 2026-01-05\n\n## ${headings[0]}\n\n${status}\n\n## ${headings[1]}\n\nC.\n\n## ${headings[2]}\n\nD.\n\n## ${headings[3]}\n\nE.\n`;
}
const DE = ['Status', 'Kontext', 'Entscheidung', 'Konsequenzen'];
const FR = ['Statut', 'Contexte', 'Décision', 'Conséquences'];
const EN = ['Status', 'Context', 'Decision', 'Consequences'];

describe('the language of a decision folder', () => {
  it('is the language most of its newest records’ headings are in, else their statuses; English and nothing say none', () => {
    // German headings under an English status word: the headings say German.
    const german = nygard(3, 'Drei', DE, 'Datum', 'Accepted');
    assert.strictEqual(headingLanguage(german), 'de');
    assert.deepStrictEqual(folderLanguage([german]), { language: 'de', feminine: false });
    // French, with its status in the feminine: what is written follows it.
    assert.deepStrictEqual(folderLanguage([nygard(2, 'Deux', FR, 'Date', 'Acceptée')]), { language: 'fr', feminine: true });
    // A status in a language, with headings that say nothing more (`Status` is German and English alike).
    assert.deepStrictEqual(folderLanguage(['# 1. Eins\n\n## Status\n\nAkzeptiert\n']), { language: 'de', feminine: false });
    const english = nygard(4, 'Four', EN, 'Date', 'Accepted');
    assert.strictEqual(folderLanguage([english]), undefined);
    assert.strictEqual(folderLanguage([]), undefined);
    assert.strictEqual(folderLanguage(['# Notes\n\nNothing here.\n']), undefined);
    // Most of them, newest first; on a tie the newest.
    assert.deepStrictEqual(folderLanguage([english, german, german]), { language: 'de', feminine: false });
    assert.strictEqual(folderLanguage([english, english, german]), undefined);
    assert.deepStrictEqual(folderLanguage([german, english]), { language: 'de', feminine: false });
  });
});

describe('a new record from the default template follows the folder’s language', () => {
  it('New Decision: adr-tools’ template with German headings, Datum, Entscheider and status; `Ersetzt` for a supersede; read back as written', async () => {
    const old = recordOf({ kind: 'decision', path: '/r/doc/adr/0001-alt.md', folder: '/r/doc/adr', number: 1, title: 'Alt' });
    const plan = planNewDecision({
      folder: '/r/doc/adr',
      number: 2,
      title: 'Neue Sache',
      date: '2026-01-06',
      status: 'proposed',
      deciders: ['Dana'],
      supersedes: [old],
      dialect: 'nygard',
      language: { language: 'de', feminine: false },
    });
    assert.strictEqual(
      plan.create.content,
      [
        '# 2. Neue Sache',
        '',
        'Datum: 2026-01-06',
        '',
        'Entscheider: Dana',
        '',
        '## Status',
        '',
        'Vorgeschlagen',
        '',
        'Ersetzt [1. Alt](0001-alt.md)',
        '',
        '## Kontext',
        '',
        'Das Problem, das diese Entscheidung veranlasst, und alle Umstände, die die Entscheidung beeinflussen oder einschränken.',
        '',
        '## Entscheidung',
        '',
        'Die Änderung, die wir vorschlagen oder deren Umsetzung wir vereinbart haben.',
        '',
        '## Konsequenzen',
        '',
        'Was dadurch einfacher oder schwieriger wird, und die Risiken der Änderung, die gemindert werden müssen.',
        '',
      ].join('\n'),
    );
    // The cursor waits in the Kontext section, as it does in Context.
    assert.strictEqual(
      plan.create.content.split('\n')[plan.cursorLine - 1],
      'Das Problem, das diese Entscheidung veranlasst, und alle Umstände, die die Entscheidung beeinflussen oder einschränken.',
    );
    // French, feminine: `Proposée`, `## Statut`.
    const second = { folder: '/r/doc/adr', number: 2, title: 'X', date: '2026-01-06', status: 'proposed', deciders: [], supersedes: [] };
    const fr = planNewDecision({
      ...second,
      dialect: 'nygard',
      language: { language: 'fr', feminine: true },
    });
    assert.match(fr.create.content, /^# 2\. X\n\nDate: 2026-01-06\n\n## Statut\n\nProposée\n\n## Contexte\n/);
    // No language, or a template of the project's own: as before.
    const plain = planNewDecision({ ...second, dialect: 'nygard' });
    assert.match(plain.create.content, /^# 2\. X\n\nDate: 2026-01-06\n\n## Status\n\nProposed\n\n## Context\n/);
    const own = planNewDecision({
      ...second,
      dialect: 'nygard',
      template: '# NUMBER. TITLE\n\nSTATUS\n',
      language: { language: 'de', feminine: false },
    });
    assert.strictEqual(own.create.content, '# 2. X\n\nProposed\n');

    // The index reads the record as written; lint knows its prose as template text.
    const { index } = await indexOf({ 'doc/adr/0002-neue-sache.md': plan.create.content });
    assert.deepStrictEqual(readings(index), [['0002-neue-sache.md', 2, 'Neue Sache', 'proposed', '2026-01-06']]);
    assert.deepStrictEqual(index.records()[0].people, ['Dana']);
    assert.strictEqual(index.records()[0].dialect, 'nygard');
  });

  it('`lodestar adr new`: German in a German folder, French in a French one, English in an English one; a project template wins', () => {
    const dir = makeTempDir();
    writeFiles(dir, {
      '.adr-dir': 'doc/adr\n',
      'doc/adr/0001-alt.md': nygard(1, 'Alt', DE, 'Datum', 'Akzeptiert'),
      'fr/.adr-dir': 'adr\n',
      'fr/adr/0001-ancien.md': nygard(1, 'Ancien', FR, 'Date', 'Acceptée'),
      'en/.adr-dir': 'adr\n',
      'en/adr/0001-old.md': nygard(1, 'Old', EN, 'Date', 'Accepted'),
    });
    assert.strictEqual(runAdr(dir, ['new', '-s', '1', 'Neue', 'Sache']).out, 'doc/adr/0002-neue-sache.md\n');
    const neu = fs.readFileSync(path.join(dir, 'doc/adr/0002-neue-sache.md'), 'utf8');
    assert.match(
      neu,
      /^# 2\. Neue Sache\n\nDatum: 2026-11-21\n\n## Status\n\nAkzeptiert\n\nErsetzt \[1\. Alt\]\(0001-alt\.md\)\n\n## Kontext\n\nDas Problem, /,
    );
    assert.match(neu, /\n## Entscheidung\n\nDie Änderung, .*\n\n## Konsequenzen\n\nWas dadurch /);
    assert.match(
      fs.readFileSync(path.join(dir, 'doc/adr/0001-alt.md'), 'utf8'),
      /## Status\n\nErsetzt durch \[2\. Neue Sache\]\(0002-neue-sache\.md\)\n\n## Kontext/,
    );

    assert.strictEqual(runAdr(path.join(dir, 'fr'), ['new', 'Nouvelle']).out, 'adr/0002-nouvelle.md\n');
    assert.match(
      fs.readFileSync(path.join(dir, 'fr/adr/0002-nouvelle.md'), 'utf8'),
      /^# 2\. Nouvelle\n\nDate: 2026-11-21\n\n## Statut\n\nAcceptée\n\n## Contexte\n\nLe problème /,
    );

    assert.strictEqual(runAdr(path.join(dir, 'en'), ['new', 'New']).out, 'adr/0002-new.md\n');
    assert.match(
      fs.readFileSync(path.join(dir, 'en/adr/0002-new.md'), 'utf8'),
      /^# 2\. New\n\nDate: 2026-11-21\n\n## Status\n\nAccepted\n\n## Context\n\nThe issue motivating/,
    );

    fs.mkdirSync(path.join(dir, 'doc/adr/templates'));
    fs.writeFileSync(path.join(dir, 'doc/adr/templates/template.md'), '# NUMBER. TITLE\n\n## Status\n\nSTATUS\n');
    assert.strictEqual(runAdr(dir, ['new', 'Eigene']).out, 'doc/adr/0003-eigene.md\n');
    assert.strictEqual(fs.readFileSync(path.join(dir, 'doc/adr/0003-eigene.md'), 'utf8'), '# 3. Eigene\n\n## Status\n\nAccepted\n');
  });

  it('New Decision in MADR: the sections, MADR 2’s fields, the status and the supersede line in the folder’s language; read back as written', async () => {
    const old = recordOf({ kind: 'decision', path: '/r/docs/decisions/0001-alt.md', folder: '/r/docs/decisions', number: 1, title: 'Alt' });
    const request = {
      folder: '/r/docs/decisions',
      number: 2,
      title: 'Neue Sache',
      date: '2026-01-06',
      status: 'accepted',
      deciders: ['Dana'],
      supersedes: [old],
    };
    const madr = planNewDecision({ ...request, dialect: 'madr', language: { language: 'de', feminine: false } });
    assert.strictEqual(
      madr.create.content,
      [
        '---',
        'status: akzeptiert',
        'date: 2026-01-06',
        'decision-makers: [Dana]',
        '---',
        '',
        '# Neue Sache',
        '',
        '## Kontext und Problemstellung',
        '',
        '',
        '',
        '## Betrachtete Optionen',
        '',
        '## Entscheidungsergebnis',
        '',
        '### Weitere Informationen',
        '',
        'Ersetzt [ADR-0001](0001-alt.md)',
        '',
      ].join('\n'),
    );
    // The cursor waits under Kontext und Problemstellung.
    assert.strictEqual(madr.cursorLine, 11);
    const madr2 = planNewDecision({ ...request, dialect: 'madr2', language: { language: 'fr', feminine: true } });
    assert.match(
      madr2.create.content,
      /^# Neue Sache\n\n\* Statut: Acceptée\n\* Décideurs: Dana\n\* Date: 2026-01-06\n\n## Contexte et énoncé du problème\n\n\n\n## Options envisagées\n\n## Résultat de la décision\n\n## Links\n\n\* Remplace \[ADR-0001\]\(0001-alt\.md\)\n$/,
    );
    // English with no language, as before.
    assert.match(
      planNewDecision({ ...request, dialect: 'madr2' }).create.content,
      /^# Neue Sache\n\n\* Status: accepted\n\* Deciders: Dana\n\* Date: 2026-01-06\n\n## Context and Problem Statement\n/,
    );

    const { index } = await indexOf({
      'docs/decisions/0001-alt.md': '# Alt\n\n* Status: akzeptiert\n\n## Kontext und Problemstellung\n\nx\n\n## Entscheidungsergebnis\n\ny\n',
      'docs/decisions/0002-neue-sache.md': madr.create.content,
      'docs/decisions/0003-neue-sache.md': madr2.create.content,
    });
    assert.deepStrictEqual(readings(index).slice(1), [
      ['0002-neue-sache.md', 2, 'Neue Sache', 'accepted', '2026-01-06'],
      ['0003-neue-sache.md', 3, 'Neue Sache', 'accepted', '2026-01-06'],
    ]);
    const [, second, third] = index.records().sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
    assert.deepStrictEqual([second.dialect, third.dialect], ['madr4', 'madr2']);
    assert.deepStrictEqual([second.people, third.people], [['Dana'], ['Dana']]);
    assert.deepStrictEqual(
      [second, third].map((r) => r.links.map((l) => `${l.kind} ${path.basename(l.target)}`)),
      [['supersedes 0001-alt.md'], ['supersedes 0001-alt.md']],
    );
  });

  it('lint finds the translated template’s prose left in a record', async () => {
    const dir = makeTempDir();
    writeFiles(dir, { '.adr-dir': 'doc/adr\n', 'doc/adr/0001-alt.md': nygard(1, 'Alt', DE, 'Datum', 'Akzeptiert') });
    runAdr(dir, ['new', 'Neue', 'Sache']);
    const { index } = await indexOf({ 'doc/adr/0002-neue-sache.md': fs.readFileSync(path.join(dir, 'doc/adr/0002-neue-sache.md'), 'utf8') });
    assert.deepStrictEqual(readings(index), [['0002-neue-sache.md', 2, 'Neue Sache', 'accepted', '2026-11-21']]);
    const r = runLint(dir);
    assert.match(r, /doc\/adr\/0002-neue-sache\.md:11: error template-placeholder Template text is still here \(and 2 more lines\): "Das Problem, /);
    assert.doesNotMatch(r, /0001-alt\.md/);
  });
});

function runLint(dir: string): string {
  return spawnSync(process.execPath, [path.resolve(__dirname, '../../../dist/cli.js'), 'lint', '--root', dir], { encoding: 'utf8' }).stdout;
}
