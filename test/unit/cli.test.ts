import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildRepo, commitAll, git, writeFiles } from '../fixtures/gitRepo';
import { madr2Adr, nygardAdr } from '../fixtures/recordText';
import { buildIndexReport } from '../../src/core/index/indexReport';
import { indexOf } from './helpers';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

function cli(args: string[], cwd = process.cwd()): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('lodestar CLI (the bundled dist/cli.js)', () => {
  it('index --json gives the DESIGN contract for every record', () => {
    const root = buildRepo({
      'doc/adr/0001-record-architecture-decisions.md': nygardAdr({ number: 1, title: 'Record architecture decisions', date: '2026-01-05' }),
      'doc/adr/0002-use-kafka.md': nygardAdr({ number: 2, title: 'Use Kafka', status: '', statusLines: ['Superceded by [3. Use NATS](0003-use-nats.md)'] }),
      'doc/adr/0003-use-nats.md': nygardAdr({ number: 3, title: 'Use NATS', statusLines: ['Supersedes [2. Use Kafka](0002-use-kafka.md)'] }),
      'docs/design/api.md': '---\ntitle: API\nstatus: draft\n---\n',
      'docs/mentoring/alice.md': '---\nname: Alice\nvisibility: private\n---\n',
    });
    const r = cli(['index', '--json', '--root', root]);
    assert.strictEqual(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { records: Record<string, unknown>[]; problems: unknown[] };
    assert.deepStrictEqual(out.records[1], {
      kind: 'decision',
      path: 'doc/adr/0002-use-kafka.md',
      number: 2,
      title: 'Use Kafka',
      status: 'superseded',
      date: '2026-01-05',
      dialect: 'nygard',
      links: [{ kind: 'superseded-by', target: 'doc/adr/0003-use-nats.md' }],
      pullRequests: [],
      private: false,
      tags: [],
      deciders: [],
    });
    assert.deepStrictEqual(
      out.records.map((x) => [x.kind, x.path]),
      [
        ['decision', 'doc/adr/0001-record-architecture-decisions.md'],
        ['decision', 'doc/adr/0002-use-kafka.md'],
        ['decision', 'doc/adr/0003-use-nats.md'],
        ['design', 'docs/design/api.md'],
        ['person', 'docs/mentoring/alice.md'],
      ],
    );
    assert.strictEqual(out.records[4].private, true);
    assert.deepStrictEqual(out.problems, []);
  });

  it('the bundle is ASCII, and records in other languages read through it as in the source (statuses, headings, dates, link verbs)', async () => {
    // The build writes the characters of the translated words in its regular expressions as escapes.
    for (const bundle of ['lodestar-cli.js', 'siteRenderWorker.js']) {
      assert.doesNotMatch(fs.readFileSync(path.join(path.dirname(CLI), bundle), 'utf8'), /[^\x00-\x7f]/, bundle);
    }
    const files = {
      'doc/adr/0001-entscheidung.md': '# 1. Entscheidung über Datenbank\n\nDatum: 2026-03-01\n\n## Status\n\nAkzeptiert\n\n## Kontext\n\nText.\n',
      'doc/adr/0002-remplacee.md': '# 2. Choisir la file\n\n## Statut\n\nRemplacé par [3. Utiliser NATS](0003-utiliser-nats.md)\n',
      'doc/adr/0003-utiliser-nats.md': '# 3. Utiliser NATS\n\n## Statut\n\nAccepté\n\nRemplace [2. Choisir la file](0002-remplacee.md)\n',
      'doc/adr/0004-situacao.md': '# 4. Usar filas\n\nData: 2026-04-02\n\n## Situação\n\nProposto\n',
      'doc/adr/0005-japanese.md': '# 5. キャッシュを使う\n\n日付: 2026-05-03\n\n## ステータス\n\n承認済み\n',
    };
    const root = buildRepo(files);
    const r = cli(['index', '--json', '--root', root]);
    assert.strictEqual(r.code, 0, r.stderr);
    const { index } = await indexOf(files);
    const fields = (x: { title: string; status: string | null; date: string | null; links: { kind: string }[] }): unknown[] => [
      x.title,
      x.status,
      x.date,
      x.links.map((l) => l.kind),
    ];
    const bundled = (JSON.parse(r.stdout) as { records: Parameters<typeof fields>[0][] }).records.map(fields);
    assert.deepStrictEqual(bundled, buildIndexReport(index).records.map(fields));
    assert.deepStrictEqual(bundled[1], ['Choisir la file', 'superseded', null, ['superseded-by']]);
  });

  it('index uses the current folder when --root is not given', () => {
    const root = buildRepo({ 'docs/adr/0001-a.md': madr2Adr({ title: 'A', status: 'accepted' }) });
    const r = cli(['index', '--json'], root);
    assert.deepStrictEqual(
      JSON.parse(r.stdout).records.map((x: { title: string }) => x.title),
      ['A'],
    );
  });

  it('lint prints path:line: severity code message and exits 1 on errors', () => {
    const root = buildRepo({
      'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }),
      'doc/adr/0001-b.md': nygardAdr({ number: 1, title: 'B' }),
      'doc/adr/0002-c.md': '---\nstatus: [x\n---\n# C\n',
      'doc/adr/0003-d.md': '',
    });
    const r = cli(['lint', '--root', root]);
    assert.strictEqual(r.code, 1);
    assert.deepStrictEqual(
      r.stdout
        .trim()
        .split('\n')
        .map((l) =>
          l
            .replace(/ \S+ [^ ]+$/, '')
            .split(' ')
            .slice(0, 3)
            .join(' '),
        ),
      [
        'doc/adr/0001-a.md:1: error duplicate-number',
        'doc/adr/0001-b.md:1: error duplicate-number',
        'doc/adr/0002-c.md:2: error malformed-front-matter',
        'doc/adr/0003-d.md:1: warning empty-file',
      ],
    );
  });

  it('lint reports a number that another branch gives to a different record', () => {
    const root = buildRepo({ 'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }) });
    git(root, ['checkout', '-q', '-b', 'colleague']);
    writeFiles(root, { 'doc/adr/0002-use-kafka.md': nygardAdr({ number: 2, title: 'Use Kafka' }) });
    commitAll(root, 'Kafka');
    git(root, ['checkout', '-q', 'main']);
    writeFiles(root, { 'doc/adr/0002-use-nats.md': nygardAdr({ number: 2, title: 'Use NATS' }) });
    const r = cli(['lint', '--root', root]);
    assert.strictEqual(r.code, 1);
    assert.strictEqual(
      r.stdout,
      'doc/adr/0002-use-nats.md:1: error number-on-other-branch Decision number 2 is also used by 0002-use-kafka.md on branch colleague: renumber one of them before they meet.\n',
    );
  });

  it('lint exits 0 when only warnings or nothing are found', () => {
    const root = buildRepo({ 'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }) });
    const r = cli(['lint', '--root', root]);
    assert.deepStrictEqual([r.code, r.stdout], [0, '']);
  });

  it('explains bad usage on stderr with exit 2', () => {
    assert.strictEqual(cli(['frobnicate']).code, 2);
    const missing = cli(['index', '--root', '/nonexistent/place']);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /does not exist/);
    for (const args of [
      ['index', '--jsonn'],
      ['lint', '--jsonn'],
      ['lint', 'extra'],
      ['index', 'extra'],
    ]) {
      const r = cli(args);
      assert.strictEqual(r.code, 2, args.join(' '));
      assert.match(r.stderr, /does not take|takes no arguments/);
    }
    const notFolder = cli(['lint', '--root', CLI]);
    assert.strictEqual(notFolder.code, 2);
    assert.match(notFolder.stderr, /is not a folder/);
    const help = cli(['help']);
    assert.strictEqual(help.code, 0);
    assert.match(help.stdout, /usage: lodestar/);
  });

  it("--version prints the package version; --root before adr is adr's, other options before it say where they go; a count of one is singular", () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { version: string };
    const v = cli(['--version']);
    assert.deepStrictEqual([v.code, v.stdout], [0, `lodestar ${pkg.version}\n`]);
    const root = buildRepo({ 'doc/adr/0001-record-architecture-decisions.md': nygardAdr({ number: 1, title: 'Record architecture decisions' }) });
    assert.deepStrictEqual(cli(['--root', root, 'adr', 'list']).stdout, 'doc/adr/0001-record-architecture-decisions.md\n');
    const misplaced = cli(['--json', 'adr', 'list'], root);
    assert.strictEqual(misplaced.code, 2);
    assert.match(misplaced.stderr, /options go after adr, which reads its own \(--root DIR among them\)/);
    assert.strictEqual(cli(['adr', 'list'], root).stdout, 'doc/adr/0001-record-architecture-decisions.md\n');
    assert.match(cli(['index', '--root', root]).stdout, /^1 record, 0 problems$/m);
  });
});
