import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SETTINGS, discoverRecordFolders } from '../../src/core/index/recordFolders';
import { RecordIndex } from '../../src/core/index/recordIndex';
import { changeOfEvent } from '../../src/core/index/liveChanges';
import { RecordFileSystem, toPortPath } from '../../src/core/store/fileSystem';
import { NodeFileSystem } from '../../src/core/store/nodeFileSystem';
import { makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { indexOf } from './helpers';

const designFolders = (index: RecordIndex): string[] =>
  index.folders
    .filter((f) => f.kind === 'design')
    .map((f) => path.relative(index.root, f.path).split(path.sep).join('/'))
    .sort();

const designDocs = (index: RecordIndex): string[] =>
  index
    .records('design')
    .map((r) => path.relative(index.root, r.path).split(path.sep).join('/'))
    .sort();

const RUST_RFC =
  '- Feature Name: N/A\n- Start Date: 2014-03-11\n- RFC PR: [rust-lang/rfcs#1](https://github.com/rust-lang/rfcs/pull/1)\n\n# Summary\n\nText.\n';

describe('design folders where repositories keep them', () => {
  it('rust-lang/rfcs: `text/` holds the RFCs when the repository is an RFC repository (`0000-template.md` at its top)', async () => {
    const rfcs = {
      'README.md': '# Rust RFCs\n',
      '0000-template.md': '- Feature Name: (fill me in)\n\n# Summary\n',
      'text/0001-private-fields.md': RUST_RFC,
      'text/0002-rfc-process.md': RUST_RFC,
      'text/0002-rfc-process/diagram.png': '',
    };
    const { index } = await indexOf(rfcs);
    assert.deepStrictEqual(designFolders(index), ['text']);
    assert.deepStrictEqual(designDocs(index), ['text/0001-private-fields.md', 'text/0002-rfc-process.md']);
    // Without the template, `text/` is some other text (a book's chapters, test data), and is not looked for.
    const withoutTemplate: Record<string, string> = { ...rfcs };
    delete withoutTemplate['0000-template.md'];
    const { index: other } = await indexOf(withoutTemplate);
    assert.deepStrictEqual(designFolders(other), []);
  });

  it('golang/proposal `design/`, `proposals/`, `docs/rfc/` count when their files look like design docs; a UI folder named `design/` does not', async () => {
    const { index } = await indexOf({
      'design/12416-cgo-pointers.md': '# Proposal: Rules for passing pointers between Go and C\n\nAuthor: Ian Lance Taylor\n',
      'design/14313-benchmark-format.md': '# Proposal: Go Benchmark Data Format\n',
      'design/12800/dense.png': '',
      'proposals/search.md': '---\ntitle: Search\nstatus: in-review\nauthors: [ada]\n---\n\n# Search\n',
      'docs/rfc/0001-sandbox/README.md': '# RFC 1: Sandbox\n',
      'docs/rfc/0001-sandbox/flow.png': '',
    });
    assert.deepStrictEqual(designFolders(index), ['design', 'docs/rfc', 'proposals']);
    assert.deepStrictEqual(designDocs(index), [
      'design/12416-cgo-pointers.md',
      'design/14313-benchmark-format.md',
      'docs/rfc/0001-sandbox/README.md',
      'proposals/search.md',
    ]);

    // Mock-up notes, a design system's numbered chapters, dated meeting notes, front matter with a status but no
    // authors: none is a sign of design docs.
    const ui = await indexOf({
      'design/homepage.md': '# Homepage mock-ups\n\n![home](home.png)\n',
      'design/01-colors.md': '# Colours\n',
      'design/02-type.md': '# Type\n',
      'design/2024-01-15-sync.md': '# Design sync\n',
      'design/2024-01-22-sync.md': '# Design sync\n',
      'designs/0001-logo.md': '# Logo, first round\n',
      'proposals/q3.md': '---\ntitle: Q3 offer\nstatus: sent\n---\n',
      'rfc/rfc6455.md': '# The WebSocket Protocol\n',
      'rfc/rfc7540.md': '# HTTP/2\n',
    });
    assert.deepStrictEqual(designFolders(ui.index), []);
    assert.deepStrictEqual(designDocs(ui.index), []);
    // Saving a mock-up note does not send the index looking for folders again; a file created there may make the folder
    // one of design docs (the second numbered proposal), so it does.
    assert.strictEqual(changeOfEvent(ui.index, `${toPortPath(ui.root)}/design/homepage.md`, 'changed'), 'none');
    assert.strictEqual(changeOfEvent(ui.index, `${toPortPath(ui.root)}/design/checkout.md`, 'created'), 'folders');
    assert.strictEqual(changeOfEvent(ui.index, `${toPortPath(ui.root)}/design/checkout.md`, 'deleted'), 'none');
    assert.strictEqual(changeOfEvent(ui.index, `${toPortPath(ui.root)}/src/app.md`, 'created'), 'none');
    // A folder missing is looked for: made later, the folders are found again.
    assert.strictEqual(changeOfEvent(ui.index, `${toPortPath(ui.root)}/keps`, 'created'), 'folders');
  });

  it('`keps/` (kubernetes/enhancements) and `enhancements/` (openshift/enhancements) are found one level down', async () => {
    const { index } = await indexOf({
      'keps/README.md': '# KEPs\n',
      'keps/NNNN-kep-template/README.md': '# KEP-NNNN: title\n',
      'keps/prod-readiness/sig-cli/1441.yaml': 'kep-number: 1441\n',
      'keps/sig-cli/1441-kubectl-debug/README.md': '# KEP-1441: kubectl debug\n',
      'keps/sig-cli/1441-kubectl-debug/kep.yaml': 'status: implementable\n',
      'enhancements/network/ovn-ipsec.md':
        '---\ntitle: ovn-ipsec\nauthors:\n  - "@ada"\nreviewers:\n  - TBD\ncreation-date: 2021-01-20\nlast-updated: 2021-03-04\n---\n\n# OVN IPsec\n',
    });
    assert.deepStrictEqual(designFolders(index), ['enhancements', 'keps']);
    assert.deepStrictEqual(designDocs(index), ['enhancements/network/ovn-ipsec.md', 'keps/sig-cli/1441-kubectl-debug/README.md']);
  });

  it('names that say what they hold count as they are: `docs/design-docs`, and `docs/RFCS`, `Docs/Design` in any case, by their names on disk', async () => {
    const { index } = await indexOf({
      'docs/design-docs/search.md': '# Search\n',
      'docs/RFCS/caching.md': '# Caching\n',
      'Design/0001-api.md': '# API\n',
      'Design/0002-events.md': '# Events\n',
    });
    assert.deepStrictEqual(designFolders(index), ['Design', 'docs/RFCS', 'docs/design-docs']);
    assert.deepStrictEqual(designDocs(index), ['Design/0001-api.md', 'Design/0002-events.md', 'docs/RFCS/caching.md', 'docs/design-docs/search.md']);
    const upper = await indexOf({ 'Docs/Design/search.md': '# Search\n' });
    assert.deepStrictEqual(designDocs(upper.index), ['Docs/Design/search.md']);
  });

  it('the setting `lodestar.design.directories` names the folders, and no other is looked for', async () => {
    const { index } = await indexOf(
      { 'design/0001-a.md': '# A\n', 'design/0002-b.md': '# B\n', 'docs/design/c.md': '# C\n', 'notes/d.md': '# D\n' },
      { designDirectories: ['notes'] },
    );
    assert.deepStrictEqual(designFolders(index), ['notes']);
  });

  it('looks at a few listings and files only, however large a folder of that name is', async () => {
    const root = makeTempDir();
    // A decision folder at the top: no package is looked into for one (that search lists folders of its own).
    const files: Record<string, string> = { 'docs/adr/0001-record-decisions.md': '# 1. Record decisions\n' };
    for (let i = 0; i < 40; i++) {
      files[`design/screen-${i}/notes.md`] = `# Screen ${i}\n`;
      files[`design/page-${i}.md`] = `# Page ${i}\n`;
    }
    writeFiles(root, files);
    const inner = new NodeFileSystem();
    const calls: string[] = [];
    const counted: RecordFileSystem = {
      readDirectory: (p) => (calls.push(`list ${p}`), inner.readDirectory(p)),
      stat: (p) => (calls.push(`stat ${p}`), inner.stat(p)),
      readFile: (p) => (calls.push(`read ${p}`), inner.readFile(p)),
    };
    const { folders } = await discoverRecordFolders(counted, toPortPath(root), DEFAULT_SETTINGS);
    assert.deepStrictEqual(
      folders.filter((f) => f.kind === 'design'),
      [],
    );
    const underDesign = calls.filter((c) => c.includes('/design/') || c.endsWith('/design'));
    assert.ok(underDesign.length <= 16, `${underDesign.length} calls: ${underDesign.join(', ')}`);
  });

  it('made during a session, a design folder is found: a checked one as its second numbered proposal is created, a conventional one in another case as it is made', async () => {
    const { index, root } = await indexOf({ 'docs/adr/0001-a.md': '# 1. A\n\n## Status\n\nAccepted\n' });
    const top = toPortPath(root);
    // What the editor does with an event: find the folders again (a rebuild), or read the file.
    const apply = async (rel: string, text?: string): Promise<string> => {
      const file = path.join(root, rel);
      if (text === undefined) fs.mkdirSync(file, { recursive: true });
      else {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
      }
      const change = changeOfEvent(index, `${top}/${rel}`, 'created');
      if (change === 'folders') await index.build();
      else if (change === 'file') await index.refreshFile(`${top}/${rel}`);
      return change;
    };
    // Made, the folder is looked at: empty, it is no design folder yet; nor with one numbered proposal.
    assert.strictEqual(await apply('design'), 'folders');
    assert.strictEqual(await apply('design/0001-first.md', '# Proposal: first\n'), 'folders');
    assert.deepStrictEqual(designFolders(index), []);
    assert.strictEqual(await apply('design/0002-second.md', '# Proposal: second\n'), 'folders');
    assert.deepStrictEqual(designDocs(index), ['design/0001-first.md', 'design/0002-second.md']);
    // `docs/RFCs`, not the `docs/rfcs` looked for: found as it is made.
    assert.strictEqual(await apply('docs/RFCs'), 'folders');
    assert.strictEqual(await apply('docs/RFCs/0001-r.md', '# RFC 1\n'), 'file');
    assert.ok(designDocs(index).includes('docs/RFCs/0001-r.md'), designDocs(index).join(', '));
  });
});
