import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { markdownNaming } from '../../src/core/decisions/linkingFiles';
import { createGitExecutor } from '../../src/core/git/gitExecutor';
import { buildRepo, makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { nygardAdr } from '../fixtures/recordText';

const readText = (p: string): Promise<string | undefined> => fs.promises.readFile(p, 'utf8').catch(() => undefined);

describe('the Markdown files of a repository that name a record', () => {
  it("lists tracked and untracked files that name the record's file, as written or percent-encoded; not ignored, other or known files", async () => {
    const root = buildRepo({
      'doc/adr/0002-use a queue.md': nygardAdr({ number: 2, title: 'Use a queue' }),
      'doc/adr/0003-other.md': 'See [2](0002-use%20a%20queue.md).\n',
      'docs/design/queue.md': '---\ndecisions: ["../../doc/adr/0002-use a queue.md"]\n---\n# Queue\n',
      'README.MARKDOWN': '* [ADR 2](doc/adr/0002-use%20a%20queue.md)\n',
      'docs/unrelated.md': '# Nothing to do with it\n',
      'notes.txt': '0002-use a queue.md\n',
      '.gitignore': 'scratch/\n',
    });
    writeFiles(root, {
      'docs/draft.md': 'Untracked: [2](../doc/adr/0002-use%20a%20queue.md)\n',
      'scratch/ignored.md': '[2](../doc/adr/0002-use a queue.md)\n',
    });
    const record = path.join(root, 'doc/adr/0002-use a queue.md');
    const known = new Set([path.join(root, 'doc/adr/0003-other.md')]);
    const { texts: found, top } = await markdownNaming(createGitExecutor(root), record, known, readText);
    assert.strictEqual(top, fs.realpathSync(root));
    assert.deepStrictEqual([...found.keys()].map((p) => path.relative(root, p)).sort(), ['README.MARKDOWN', 'docs/design/queue.md', 'docs/draft.md']);
    assert.strictEqual(found.get(path.join(root, 'docs/draft.md')), 'Untracked: [2](../doc/adr/0002-use%20a%20queue.md)\n');
  });

  it('is empty outside git, and leaves out files that cannot be read', async () => {
    const plain = makeTempDir();
    fs.mkdirSync(path.join(plain, 'doc/adr'), { recursive: true });
    fs.writeFileSync(path.join(plain, 'doc/adr/0001-x.md'), '# 1. X\n');
    fs.writeFileSync(path.join(plain, 'README.md'), '[1](doc/adr/0001-x.md)\n');
    assert.strictEqual((await markdownNaming(createGitExecutor(plain), path.join(plain, 'doc/adr/0001-x.md'), new Set(), readText)).texts.size, 0);
    const root = buildRepo({ 'doc/adr/0001-x.md': '# 1. X\n', 'README.md': '[1](doc/adr/0001-x.md)\n' });
    const unreadable = await markdownNaming(createGitExecutor(root), path.join(root, 'doc/adr/0001-x.md'), new Set(), () => Promise.resolve(undefined));
    assert.strictEqual(unreadable.texts.size, 0);
  });
});
