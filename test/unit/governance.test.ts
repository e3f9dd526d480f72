import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseAppliesToInput, withAppliesTo as addAppliesTo } from '../../src/core/governance/appliesToText';
import { Governance } from '../../src/core/governance/governance';
import { governingOfChanges } from '../../src/core/governance/whyReport';
import { setDecisionStatus } from '../../src/core/decisions/newDecision';
import { setFrontMatterValue } from '../../src/core/records/frontMatterEdit';
import { buildRepo, commitAll, git, makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { designDoc, madr4Adr, nygardAdr } from '../fixtures/recordText';
import { runCli } from './cliInProcess';
import { byName, indexOf } from './helpers';

/** Front matter on top of an adr-tools record: Nygard records can carry applies-to too. */
const withAppliesTo = (yaml: string, text: string): string => `---\n${yaml}---\n${text}`;

/**
 * A repository whose decisions govern its code: PostgreSQL for src/db, gRPC
 * for src/rpc (not its legacy folder), which superseded REST (still naming all
 * of src/rpc), a deprecated cache decision nobody replaced, a decision whose
 * folder moved away, and an approved design doc over src/rpc.
 */
function governedFiles(): Record<string, string> {
  return {
    'README.md': '# Payments\n',
    'doc/adr/0001-record-architecture-decisions.md': nygardAdr({ number: 1, title: 'Record architecture decisions' }),
    'doc/adr/0002-use-postgresql.md': madr4Adr({ title: 'Use PostgreSQL', status: 'accepted', extraFrontMatter: 'applies-to: src/db/**\n' }),
    'doc/adr/0003-use-rest.md': withAppliesTo(
      'applies-to: src/rpc/**\n',
      nygardAdr({ number: 3, title: 'Use REST', status: '', statusLines: ['Superseded by [4. Use gRPC](0004-use-grpc.md)'] }),
    ),
    'doc/adr/0004-use-grpc.md': withAppliesTo(
      'applies-to:\n  - src/rpc/**\n  - "!src/rpc/legacy/**"\n',
      nygardAdr({ number: 4, title: 'Use gRPC', statusLines: ['Supersedes [3. Use REST](0003-use-rest.md)'] }),
    ),
    'doc/adr/0005-cache-in-process.md': withAppliesTo(
      'applies-to: [src/cache/**]\n',
      nygardAdr({ number: 5, title: 'Cache in process', status: 'Deprecated' }),
    ),
    'doc/adr/0006-bill-in-arrears.md': madr4Adr({
      title: 'Bill in arrears',
      status: 'accepted',
      extraFrontMatter: 'applies-to: [src/billing/**, src/db/invoices.sql]\n',
    }),
    'docs/design/api.md': designDoc({ title: 'API', status: 'approved', extraFrontMatter: 'applies-to: src/rpc/**\n' }),
    'src/db/orders.ts': 'export {};\n',
    'src/db/invoices.sql': 'select 1;\n',
    'src/rpc/server.ts': 'export {};\n',
    'src/rpc/legacy/rest.ts': 'export {};\n',
    'src/cache/lru.ts': 'export {};\n',
  };
}

describe('applies-to: decisions and design docs that govern code', () => {
  it('is read from decision and design-doc front matter: one glob, a flow list or a block list; commas inside a glob stay', async () => {
    const { index } = await indexOf({
      ...governedFiles(),
      'doc/adr/0007-braces.md': madr4Adr({ title: 'Braces', status: 'accepted', extraFrontMatter: 'applies-to: "src/{api,web}/**"\n' }),
    });
    assert.deepStrictEqual(byName(index, '0002-use-postgresql.md').appliesTo, ['src/db/**']);
    assert.deepStrictEqual(byName(index, '0004-use-grpc.md').appliesTo, ['src/rpc/**', '!src/rpc/legacy/**']);
    assert.strictEqual(byName(index, '0004-use-grpc.md').appliesToLine, 2);
    assert.deepStrictEqual(byName(index, '0005-cache-in-process.md').appliesTo, ['src/cache/**']);
    assert.deepStrictEqual(byName(index, 'api.md').appliesTo, ['src/rpc/**']);
    assert.deepStrictEqual(byName(index, '0007-braces.md').appliesTo, ['src/{api,web}/**']);
    assert.strictEqual(byName(index, '0001-record-architecture-decisions.md').appliesTo, undefined);
    assert.strictEqual(byName(index, '0004-use-grpc.md').status, 'accepted', 'front matter on a Nygard record leaves its Status section in charge');
  });

  it('index --json lists appliesTo on the records that declare it (an added field)', async () => {
    const root = buildRepo(governedFiles());
    const r = await runCli(['index', '--json', '--root', root]);
    const records = JSON.parse(r.stdout).records as { path: string; appliesTo?: string[] }[];
    assert.deepStrictEqual(records.find((x) => x.path === 'doc/adr/0004-use-grpc.md')?.appliesTo, ['src/rpc/**', '!src/rpc/legacy/**']);
    assert.deepStrictEqual(records.find((x) => x.path === 'docs/design/api.md')?.appliesTo, ['src/rpc/**']);
    assert.ok(!('appliesTo' in (records.find((x) => x.path === 'doc/adr/0001-record-architecture-decisions.md') ?? {})));
  });

  it('is kept when a record is rewritten (status changes, other front-matter edits)', async () => {
    const text = madr4Adr({ title: 'Use PostgreSQL', status: 'accepted', extraFrontMatter: 'applies-to:\n  - src/db/**\n  - "!src/db/legacy/**"\n' });
    const { index } = await indexOf({ 'doc/adr/0002-use-postgresql.md': text });
    const changed = setDecisionStatus(byName(index, '0002-use-postgresql.md'), text, 'deprecated') ?? '';
    assert.match(changed, /^status: deprecated$/m);
    assert.ok(changed.includes('applies-to:\n  - src/db/**\n  - "!src/db/legacy/**"\n'), changed);
    const design = setFrontMatterValue(designDoc({ title: 'API', status: 'draft', extraFrontMatter: 'applies-to: src/rpc/**\n' }), 'status', 'approved');
    assert.match(design, /^applies-to: src\/rpc\/\*\*$/m);
  });

  it("orders a file's governing records active first, decisions before design docs, and matches untracked paths on their own", async () => {
    const { index } = await indexOf(governedFiles());
    const tracked = Object.keys(governedFiles());
    const governance = new Governance(index.records(), tracked);
    const titles = (p: string): string[] => governance.recordsFor(p).map((r) => r.title);
    assert.deepStrictEqual(titles('src/rpc/server.ts'), ['Use gRPC', 'API', 'Use REST']);
    assert.deepStrictEqual(titles('src/rpc/legacy/rest.ts'), ['API', 'Use REST']);
    assert.deepStrictEqual(titles('src/rpc/new-file.ts'), ['Use gRPC', 'API', 'Use REST'], 'a file git does not track yet');
    assert.deepStrictEqual(titles('README.md'), []);
    assert.deepStrictEqual(governance.governing.find((g) => g.record.title === 'Use gRPC')?.files, ['src/rpc/server.ts']);
    assert.deepStrictEqual(
      new Governance(index.records(), tracked, { caseInsensitive: true }).recordsFor('SRC/DB/orders.ts').map((r) => r.title),
      ['Use PostgreSQL'],
    );
  });
});

describe('the records a set of changed files touches', () => {
  it("lists each governing record once, in why's order, with the changed files it governs and a successor for an inactive one", async () => {
    const { index } = await indexOf(governedFiles());
    const governance = new Governance(index.records(), Object.keys(governedFiles()));
    const successorOf = (r: { title: string }) => (r.title === 'Use REST' ? byName(index, '0004-use-grpc.md') : undefined);
    const touched = governingOfChanges(['src/rpc/legacy/rest.ts', 'src/rpc/server.ts', 'src/db/orders.ts', 'README.md'], governance, successorOf);
    assert.deepStrictEqual(
      touched.map((t) => [t.record.title, t.files, t.successor?.title]),
      [
        ['Use PostgreSQL', ['src/db/orders.ts'], undefined],
        ['Use gRPC', ['src/rpc/server.ts'], undefined],
        ['API', ['src/rpc/legacy/rest.ts', 'src/rpc/server.ts'], undefined],
        ['Use REST', ['src/rpc/legacy/rest.ts', 'src/rpc/server.ts'], 'Use gRPC'],
      ],
    );
    assert.deepStrictEqual(governingOfChanges(['README.md'], governance, successorOf), []);
  });
});

describe('lodestar why', () => {
  it('--json: each path with its governing records, active first, a superseded one with its successor', async () => {
    const root = buildRepo(governedFiles());
    const r = await runCli(['why', '--json', '--root', root, 'src/rpc/server.ts', 'src/rpc/legacy/rest.ts', 'README.md']);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(JSON.parse(r.stdout), {
      paths: [
        {
          path: 'src/rpc/server.ts',
          records: [
            { path: 'doc/adr/0004-use-grpc.md', number: 4, title: 'Use gRPC', status: 'accepted', supersededBy: null },
            { path: 'docs/design/api.md', number: null, title: 'API', status: 'approved', supersededBy: null },
            { path: 'doc/adr/0003-use-rest.md', number: 3, title: 'Use REST', status: 'superseded', supersededBy: 'doc/adr/0004-use-grpc.md' },
          ],
        },
        {
          path: 'src/rpc/legacy/rest.ts',
          records: [
            { path: 'docs/design/api.md', number: null, title: 'API', status: 'approved', supersededBy: null },
            { path: 'doc/adr/0003-use-rest.md', number: 3, title: 'Use REST', status: 'superseded', supersededBy: 'doc/adr/0004-use-grpc.md' },
          ],
        },
        { path: 'README.md', records: [] },
      ],
    });
  });

  it('text: one block per path; paths are relative to the current folder inside the repository', async () => {
    const root = buildRepo(governedFiles());
    const cwd = process.cwd();
    process.chdir(path.join(root, 'src/db'));
    try {
      const r = await runCli(['why', 'orders.ts', '../cache/lru.ts']);
      assert.strictEqual(r.code, 0, r.stderr);
      assert.strictEqual(
        r.stdout,
        [
          'src/db/orders.ts',
          '  0002 Use PostgreSQL (accepted)  doc/adr/0002-use-postgresql.md',
          'src/cache/lru.ts',
          '  0005 Cache in process (deprecated)  doc/adr/0005-cache-in-process.md',
          '',
        ].join('\n'),
      );
    } finally {
      process.chdir(cwd);
    }
  });

  it('bad usage: no path, a path outside the repository, an unknown option — exit 2 with the reason', async () => {
    const root = buildRepo(governedFiles());
    const none = await runCli(['why', '--root', root]);
    assert.deepStrictEqual([none.code, /needs at least one PATH/.test(none.stderr)], [2, true]);
    const outside = await runCli(['why', '--root', root, '/etc/passwd']);
    assert.deepStrictEqual([outside.code, /outside the repository/.test(outside.stderr), outside.stdout], [2, true, '']);
    const unknown = await runCli(['why', '--root', root, '--format', 'json', 'src/db/orders.ts']);
    assert.deepStrictEqual([unknown.code, /does not take --format/.test(unknown.stderr)], [2, true]);
    // A folder with no records (outside any repository): no answer rather than "governed by nothing".
    const bare = makeTempDir();
    fs.mkdirSync(path.join(bare, 'src'));
    const nowhere = await runCli(['why', '--root', bare, 'src/server.ts']);
    assert.deepStrictEqual([nowhere.code, nowhere.stdout], [2, '']);
    assert.match(nowhere.stderr, /no decision records or design docs under .*: nothing was looked up/);
  });
});

describe('lint: stale-applies-to and governed-by-inactive', () => {
  it('a glob matching no tracked file, and inactive records still governing files their successor does not', async () => {
    const root = buildRepo(governedFiles());
    // An untracked file under src/billing does not make the glob current: only what git tracks counts.
    writeFiles(root, { 'src/billing/draft.ts': 'export {};\n' });
    const r = await runCli(['lint', '--json', '--root', root]);
    const problems = (JSON.parse(r.stdout).problems as { path: string; line: number; code: string; message: string }[]).filter((p) =>
      /applies-to|inactive/.test(p.code),
    );
    assert.deepStrictEqual(
      problems.map((p) => [p.path, p.line, p.code]),
      [
        ['doc/adr/0003-use-rest.md', 2, 'governed-by-inactive'],
        ['doc/adr/0005-cache-in-process.md', 2, 'governed-by-inactive'],
        ['doc/adr/0006-bill-in-arrears.md', 7, 'stale-applies-to'],
      ],
    );
    assert.match(problems[0].message, /superseded but still governs 1 file that 0004 Use gRPC does not \(src\/rpc\/legacy\/rest\.ts\)/);
    assert.match(problems[1].message, /deprecated but still governs 1 file \(src\/cache\/lru\.ts\)/);
    assert.match(problems[2].message, /"src\/billing\/\*\*" matches no file git tracks/);
    assert.strictEqual(r.code, 0, 'warnings only');
  });

  it('once the successor takes the legacy folder and the stale glob goes, lint is clean of both', async () => {
    const files = governedFiles();
    files['doc/adr/0004-use-grpc.md'] = withAppliesTo(
      'applies-to: src/rpc/**\n',
      nygardAdr({ number: 4, title: 'Use gRPC', statusLines: ['Supersedes [3. Use REST](0003-use-rest.md)'] }),
    );
    files['doc/adr/0006-bill-in-arrears.md'] = madr4Adr({
      title: 'Bill in arrears',
      status: 'accepted',
      extraFrontMatter: 'applies-to: src/db/invoices.sql\n',
    });
    files['doc/adr/0005-cache-in-process.md'] = nygardAdr({ number: 5, title: 'Cache in process', status: 'Deprecated' });
    const root = buildRepo(files);
    const r = await runCli(['lint', '--root', root]);
    // Deleting 0005 leaves a number gap, which is only information; nothing else is left to say.
    assert.deepStrictEqual([r.code, r.stdout.split('\n').filter((l) => l !== '' && !/ info number-gap /.test(l))], [0, []]);
  });

  it('outside git the globs are still checked for syntax, but not against files', async () => {
    const { root } = await indexOf({
      'doc/adr/0001-a.md': madr4Adr({ title: 'A', status: 'accepted', extraFrontMatter: 'applies-to: [src/nowhere/**, ../up/**]\n' }),
    });
    const r = await runCli(['lint', '--root', root]);
    assert.strictEqual(
      r.stdout,
      'doc/adr/0001-a.md:7:30: warning invalid-applies-to applies-to "../up/**" cannot be used: "../up/**" leaves the repository ("..").\n',
    );
  });
});

describe('applies-to in new records', () => {
  it('reads what is typed as globs, commas inside braces kept', () => {
    assert.deepStrictEqual(parseAppliesToInput(' src/payments/**, !src/payments/legacy/** ,, src/{api,web}/** '), [
      'src/payments/**',
      '!src/payments/legacy/**',
      'src/{api,web}/**',
    ]);
    assert.deepStrictEqual(parseAppliesToInput('   '), []);
  });

  it('writes them into front matter (existing or new) so they read back as written', async () => {
    const globs = ['src/payments/**', '!src/payments/legacy/**'];
    const madr = addAppliesTo(madr4Adr({ title: 'Use Kafka', status: 'proposed' }), globs);
    const nygard = addAppliesTo(nygardAdr({ number: 7, title: 'Use Kafka' }), ['src/payments/**']);
    assert.match(nygard, /^---\napplies-to: "src\/payments\/\*\*"\n---\n# 7\. Use Kafka\n/);
    const { index } = await indexOf({ 'doc/adr/0007-use-kafka.md': nygard, 'doc/adr/0008-use-kafka.md': madr });
    assert.deepStrictEqual(byName(index, '0007-use-kafka.md').appliesTo, ['src/payments/**']);
    assert.strictEqual(byName(index, '0007-use-kafka.md').title, 'Use Kafka');
    assert.deepStrictEqual(byName(index, '0008-use-kafka.md').appliesTo, globs);
    assert.strictEqual(byName(index, '0008-use-kafka.md').status, 'proposed');
    const none: string[] = [];
    assert.strictEqual(addAppliesTo('# X\n', none), '# X\n');
  });
});

describe('lint --base: the decisions behind the code a branch changes', () => {
  function branchChangingCode(): string {
    const root = buildRepo(governedFiles());
    git(root, ['checkout', '-q', '-b', 'feature']);
    writeFiles(root, { 'src/rpc/server.ts': 'export const port = 50051;\n', 'src/db/orders.ts': 'export const table = "orders";\n' });
    commitAll(root, 'Serve orders over gRPC');
    return root;
  }

  it('--format github: one ::notice per governing record, naming its number and title, on the first changed file it governs', async () => {
    const r = await runCli(['lint', '--root', branchChangingCode(), '--base', 'main', '--format', 'github']);
    assert.strictEqual(r.code, 0, r.stderr);
    const notices = r.stdout.split('\n').filter((l) => l.startsWith('::notice'));
    assert.deepStrictEqual(notices, [
      '::notice file=src/db/orders.ts,line=1,title=ADR-0002 Use PostgreSQL::This branch changes 1 file governed by 0002 Use PostgreSQL (accepted), doc/adr/0002-use-postgresql.md: src/db/orders.ts.',
      '::notice file=src/rpc/server.ts,line=1,title=ADR-0004 Use gRPC::This branch changes 1 file governed by 0004 Use gRPC (accepted), doc/adr/0004-use-grpc.md: src/rpc/server.ts.',
      '::notice file=src/rpc/server.ts,line=1,title=API::This branch changes 1 file governed by API (approved), docs/design/api.md: src/rpc/server.ts.',
      '::notice file=src/rpc/server.ts,line=1,title=ADR-0003 Use REST::This branch changes 1 file governed by 0003 Use REST (superseded → 0004 Use gRPC), doc/adr/0003-use-rest.md: src/rpc/server.ts.',
    ]);
  });

  it('--format json: the same records as `governing`, next to the problems', async () => {
    const r = await runCli(['lint', '--root', branchChangingCode(), '--base', 'main', '--format', 'json']);
    const out = JSON.parse(r.stdout) as {
      problems: unknown[];
      governing: { path: string; number: number | null; supersededBy: string | null; files: string[] }[];
    };
    assert.ok(Array.isArray(out.problems));
    assert.deepStrictEqual(out.governing[0], {
      path: 'doc/adr/0002-use-postgresql.md',
      number: 2,
      title: 'Use PostgreSQL',
      status: 'accepted',
      supersededBy: null,
      files: ['src/db/orders.ts'],
    });
    assert.deepStrictEqual(
      out.governing.map((g) => [g.path, g.supersededBy, g.files]),
      [
        ['doc/adr/0002-use-postgresql.md', null, ['src/db/orders.ts']],
        ['doc/adr/0004-use-grpc.md', null, ['src/rpc/server.ts']],
        ['docs/design/api.md', null, ['src/rpc/server.ts']],
        ['doc/adr/0003-use-rest.md', 'doc/adr/0004-use-grpc.md', ['src/rpc/server.ts']],
      ],
    );
    const plain = await runCli(['lint', '--root', branchChangingCode(), '--json']);
    assert.ok(!('governing' in JSON.parse(plain.stdout)), 'without --base, the JSON is unchanged');
  });
});
