import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RecordIndex } from '../../src/core/index/recordIndex';
import { DEFAULT_SETTINGS } from '../../src/core/index/recordFolders';
import { NodeFileSystem } from '../../src/core/store/nodeFileSystem';
import { makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { nygardAdr } from '../fixtures/recordText';
import { indexOf } from './helpers';

const adr = (n: number, title: string): string => nygardAdr({ number: n, title });
const decisionFolders = (index: RecordIndex): string[] => index.folders.filter((f) => f.kind === 'decision').map((f) => path.relative(index.root, f.path));

describe('record folders', () => {
  it('finds .adr-dir in a parent folder, as adr-tools does', async () => {
    const top = makeTempDir();
    writeFiles(top, { '.adr-dir': 'architecture/adr\n', 'architecture/adr/0001-a.md': adr(1, 'A'), 'service/src/x.ts': '' });
    const index = new RecordIndex(new NodeFileSystem(), path.join(top, 'service'), DEFAULT_SETTINGS);
    await index.build();
    assert.deepStrictEqual(
      index.records().map((r) => r.title),
      ['A'],
    );
  });

  it('reads adrs.toml and adr.config.json', async () => {
    const toml = await indexOf({ 'adrs.toml': 'adr_dir = "decisions/records"\n', 'decisions/records/0001-a.md': adr(1, 'A') });
    assert.deepStrictEqual(decisionFolders(toml.index), ['decisions/records']);
    const json = await indexOf({ 'adr.config.json': '{"path": "docs/arch/adr/", "language": "en"}', 'docs/arch/adr/0001-a.md': adr(1, 'A') });
    assert.deepStrictEqual(decisionFolders(json.index), ['docs/arch/adr']);
  });

  it('uses the first conventional folder only when nothing configures one', async () => {
    const { index } = await indexOf({ 'docs/adr/0001-a.md': adr(1, 'A'), 'docs/decisions/0001-b.md': adr(1, 'B') });
    assert.deepStrictEqual(decisionFolders(index), ['docs/adr']);
    const arch = await indexOf({ 'doc/architecture/decisions/0001-a.md': adr(1, 'A') });
    assert.deepStrictEqual(decisionFolders(arch.index), ['doc/architecture/decisions']);
  });

  it('finds the other conventional folders public repositories use, the generic top-level names last and only with a record in them', async () => {
    for (const folder of ['docs/architecture/adr', 'docs/architecture/adrs', 'docs/adrs', 'doc/adrs', 'doc/decisions', 'adr', 'adrs', 'decisions']) {
      const { index } = await indexOf({ [`${folder}/0001-a.md`]: adr(1, 'A') });
      assert.deepStrictEqual([decisionFolders(index), index.records().length], [[folder], 1], folder);
    }
    // The folders of the first list win over these; a named folder under docs/ wins over a top-level one.
    const both = await indexOf({ 'docs/decisions/0001-a.md': adr(1, 'A'), 'docs/adrs/0001-b.md': adr(1, 'B'), 'adr/0001-c.md': adr(1, 'C') });
    assert.deepStrictEqual(decisionFolders(both.index), ['docs/decisions']);
    const nested = await indexOf({ 'adr/0001-a.md': adr(1, 'A'), 'doc/adrs/0001-b.md': adr(1, 'B') });
    assert.deepStrictEqual(decisionFolders(nested.index), ['doc/adrs']);
    // A top-level `decisions` folder of code (or one with only a README) is not taken for a record folder.
    const code = await indexOf({ 'decisions/README.md': '# The decisions package\n', 'decisions/engine.ts': '', 'adrs/0001-a.md': adr(1, 'A') });
    assert.deepStrictEqual(decisionFolders(code.index), ['adrs']);
    // A change in that folder of code does not send the index looking for folders again; an `adr` folder created later does.
    assert.strictEqual(code.index.isInMissingFolder(path.join(code.root, 'decisions/engine.ts')), false);
    assert.strictEqual(code.index.affectsFolders(path.join(code.root, 'decisions')), false);
    const empty = await indexOf({ 'src/main.ts': '' });
    assert.strictEqual(empty.index.isInMissingFolder(path.join(empty.root, 'adr/0001-a.md')), true);
    // Configuration still comes first.
    const configured = await indexOf({ '.adr-dir': 'architecture/records', 'architecture/records/0001-a.md': adr(1, 'A'), 'docs/adrs/0001-b.md': adr(1, 'B') });
    assert.deepStrictEqual(decisionFolders(configured.index), ['architecture/records']);
  });

  it('lets the setting override every other source, with several folders for a monorepo', async () => {
    const { index } = await indexOf(
      { '.adr-dir': 'doc/adr', 'doc/adr/0001-a.md': adr(1, 'A'), 'svc/one/adr/0001-b.md': adr(1, 'B'), 'svc/two/adr/0001-c.md': adr(1, 'C') },
      { decisionDirectories: ['svc/one/adr', 'svc/two/adr'] },
    );
    assert.deepStrictEqual(decisionFolders(index), ['svc/one/adr', 'svc/two/adr']);
    assert.deepStrictEqual(
      index
        .records()
        .map((r) => r.title)
        .sort(),
      ['B', 'C'],
    );
    assert.deepStrictEqual(index.problems(), [], 'the same number in two folders is not a duplicate');
  });

  it('finds design-doc folders and the mentoring folder, with their records', async () => {
    const { index } = await indexOf({
      'docs/design/search.md': '---\ntitle: Search rewrite\nstatus: in-review\nupdated: 2026-04-02\ndecisions: [ADR-0001]\n---\n# Ignored H1\n',
      'rfcs/0012-streaming.md': '# Streaming API\n',
      'docs/mentoring/alice.md': '---\nname: Alice Example\nhandle: alice\ngoals: [Lead a design review]\n---\n',
      'docs/mentoring/alice/2026-10-01-pairing.md': '---\ndate: 2026-10-01\nkind: pairing\nwith: [alice]\n---\n# Retry logic\n',
      'docs/mentoring/alice/2026-10-08-note-2.md': 'Just text.\n',
    });
    const design = index.records('design');
    assert.deepStrictEqual(design.map((r) => [r.title, r.status, r.date, r.number]).sort(), [
      ['Search rewrite', 'in-review', '2026-04-02', null],
      ['Streaming API', null, null, 12],
    ]);
    const person = index.records('person')[0];
    assert.deepStrictEqual([person.title, person.handle, person.goals], ['Alice Example', 'alice', ['Lead a design review']]);
    const sessions = index.records('session').sort((a, b) => a.path.localeCompare(b.path));
    assert.deepStrictEqual(
      sessions.map((s) => [s.title, s.date, s.sessionKind, s.handle]),
      [
        ['Retry logic', '2026-10-01', 'pairing', 'alice'],
        ['Note with alice', '2026-10-08', 'note', 'alice'],
      ],
    );
  });

  it('follows a symlinked folder inside the root once, and reports a symlink loop without hanging', async () => {
    const { root } = await indexOf({ 'doc/adr/0001-a.md': adr(1, 'A'), 'shared/0002-b.md': adr(2, 'B') });
    fs.symlinkSync(path.join(root, 'shared'), path.join(root, 'doc/adr/shared'));
    fs.symlinkSync(path.join(root, 'doc/adr'), path.join(root, 'doc/adr/loop'));
    fs.symlinkSync('self', path.join(root, 'doc/adr/self'));
    const index = new RecordIndex(new NodeFileSystem(), root, DEFAULT_SETTINGS);
    await index.build();
    assert.deepStrictEqual(
      index
        .records()
        .map((r) => r.title)
        .sort(),
      ['A', 'B'],
    );
    const codes = index
      .problems()
      .map((p) => `${path.basename(p.path)} ${p.code}`)
      .sort();
    assert.deepStrictEqual(codes, ['loop symlink-loop', 'self symlink-loop']);
  });
});

describe('folder configuration that names no folder', () => {
  for (const [file, text, named] of [
    ['.log4brains.yml', 'project:\n  name: x\n  adrFolder: ./nope\n', './nope'],
    ['adr.config.json', '{"path": "nope"}', 'nope'],
    ['adrs.toml', 'adr_dir = "nope"\n', 'nope'],
  ] as const) {
    it(`${file} naming a missing folder is a folder-config warning`, async () => {
      const { index } = await indexOf({ [file]: text, 'README.md': '# x\n' });
      const problems = index.problems().filter((p) => p.code === 'folder-config');
      assert.strictEqual(problems.length, 1, JSON.stringify(index.problems()));
      assert.strictEqual(path.basename(problems[0].path), file);
      assert.strictEqual(problems[0].message, `${file} names "${named}", which is not a folder.`);
    });
  }

  it('a .log4brains.yml that does not parse says why in one sentence', async () => {
    const { index } = await indexOf({ '.log4brains.yml': 'project: [unclosed\n' });
    const problem = index.problems().find((p) => p.code === 'folder-config');
    assert.match(problem?.message ?? '', /^\.log4brains\.yml could not be read: .+\.$/);
    assert.ok(!problem?.message.includes('\n'));
  });

  it('adr-tools records in doc/adr left out by a .log4brains.yml get a warning on it; with .adr-dir, or doc/adr named, none', async () => {
    const files = {
      'doc/adr/0001-record-architecture-decisions.md': nygardAdr({ number: 1, title: 'Record architecture decisions' }),
      'docs/adr/20240101-use-log4brains.md': '# Use log4brains\n\n- Status: accepted\n',
      '.log4brains.yml': 'project:\n  name: x\n  adrFolder: ./docs/adr\n',
    };
    const { index } = await indexOf(files);
    const warning = index.problems().find((p) => p.code === 'folder-config');
    assert.strictEqual(warning?.severity, 'warning');
    assert.strictEqual(path.basename(warning?.path ?? ''), '.log4brains.yml');
    assert.strictEqual(
      warning?.message,
      'doc/adr holds decision records that are not indexed: .log4brains.yml names the decision folders (docs/adr). Add doc/adr there, or move its records.',
    );
    assert.deepStrictEqual(
      index.records('decision').map((r) => path.basename(r.path)),
      ['20240101-use-log4brains.md'],
    );
    const extras: Record<string, string>[] = [
      { '.adr-dir': 'docs/adr\n' },
      { '.log4brains.yml': 'project:\n  name: x\n  adrFolder: ./docs/adr\n  packages:\n    - adrFolder: ./doc/adr\n' },
    ];
    for (const extra of extras) {
      const { index: other } = await indexOf({ ...files, ...extra });
      assert.strictEqual(
        other.problems().find((p) => p.code === 'folder-config'),
        undefined,
        JSON.stringify(extra),
      );
    }
  });
});

describe("a monorepo's packages' own decision folders", () => {
  it('are found when the repository has none at its top: one or two levels down, under doc or docs', async () => {
    const { index } = await indexOf({
      'packages/api/docs/adr/0001-use-grpc.md': adr(1, 'Use gRPC'),
      'packages/web/doc/adr/0001-use-react.md': adr(1, 'Use React'),
      'billing/docs/decisions/0001-use-stripe.md': adr(1, 'Use Stripe'),
      'packages/cli/docs/adr/README.md': '# Decisions\n',
      'node_modules/some-lib/docs/adr/0001-theirs.md': adr(1, 'Theirs'),
      'vendor/lib/docs/adr/0001-vendored.md': adr(1, 'Vendored'),
      '.cache/x/docs/adr/0001-cached.md': adr(1, 'Cached'),
      'services/deep/inner/docs/adr/0001-too-deep.md': adr(1, 'Too deep'),
      'services/notes/docs/adr/notes.txt': 'not a record',
    });
    assert.deepStrictEqual(decisionFolders(index).sort(), ['billing/docs/decisions', 'packages/api/docs/adr', 'packages/web/doc/adr']);
    assert.deepStrictEqual(
      index
        .records('decision')
        .map((r) => r.title)
        .sort(),
      ['Use React', 'Use Stripe', 'Use gRPC'],
    );
  });

  it("skip examples, tests and templates (their records are not the team's); look into packages first", async () => {
    const files: Record<string, string> = {
      'examples/demo/docs/adr/0001-demo.md': adr(1, 'Demo'),
      'test/fixtures/docs/adr/0001-fixture.md': adr(1, 'Fixture'),
      'templates/docs/adr/0001-template.md': adr(1, 'Template'),
      'packages/api/docs/adr/0001-use-grpc.md': adr(1, 'Use gRPC'),
    };
    // More folders than are looked into, before `packages` in the alphabet.
    for (let i = 0; i < 320; i++) files[`assets/icon${i}/a.svg`] = '<svg/>';
    const { index } = await indexOf(files);
    assert.deepStrictEqual(decisionFolders(index), ['packages/api/docs/adr']);
  });

  it('are not looked for when the top has a decision folder, or a setting names them', async () => {
    const top = await indexOf({ 'docs/adr/0001-top.md': adr(1, 'Top'), 'packages/api/docs/adr/0001-use-grpc.md': adr(1, 'Use gRPC') });
    assert.deepStrictEqual(decisionFolders(top.index), ['docs/adr']);
    const set = await indexOf(
      { 'architecture/0001-a.md': adr(1, 'A'), 'packages/api/docs/adr/0001-use-grpc.md': adr(1, 'Use gRPC') },
      { decisionDirectories: ['architecture'] },
    );
    assert.deepStrictEqual(decisionFolders(set.index), ['architecture']);
  });
});
