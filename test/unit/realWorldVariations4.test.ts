import * as assert from 'assert';
import * as path from 'path';
import { RecordIndex } from '../../src/core/index/recordIndex';
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

/** Shapes met in a fourth survey of public repositories' ADR folders. */
describe('real-world record variations, fourth survey', () => {
  it('files named by month or day (`2021-03-avoid-js.md`, `2022-02-04-canary.md`) are not numbered 2021 and 2022: no duplicate number; the day dates a record with no date field', async () => {
    const { index } = await indexOf({
      'docs/decisions/2021-03-avoid-js.md':
        '# Avoid frontend JS frameworks\n\n* **Status:** superceded by [2022-02 revisit](./2022-02-revisit-js.md)\n* **Objective:** Keep it simple.\n',
      'docs/decisions/2021-04-run-website.md': '# Run the website on Cloud Run\n\n* **Status:** approved\n',
      'docs/decisions/2022-02-revisit-js.md': '# Revisiting JS frameworks\n\n* **Status:** approved\n',
      'docs/decisions/2022-02-04-canary.md': '# Canary rollouts\n\n* **Status:** proposed\n',
      'docs/decisions/2022-06-09-no-title.md': 'No heading here.\n',
      // A number that happens to look like a year, with no month after it, is still a number.
      'docs/decisions/2021-use-x.md': '# 2021. Use X\n\nDate: 2021-01-01\n\n## Status\n\nAccepted\n',
      'docs/decisions/0001-12-factor.md': '# 1. Twelve-factor config\n\nDate: 2021-01-02\n\n## Status\n\nAccepted\n',
    });
    assert.deepStrictEqual(readings(index), [
      ['0001-12-factor.md', 1, 'Twelve-factor config', 'accepted', '2021-01-02'],
      ['2021-03-avoid-js.md', null, 'Avoid frontend JS frameworks', 'superseded', null],
      ['2021-04-run-website.md', null, 'Run the website on Cloud Run', 'approved', null],
      ['2021-use-x.md', 2021, 'Use X', 'accepted', '2021-01-01'],
      ['2022-02-04-canary.md', null, 'Canary rollouts', 'proposed', '2022-02-04'],
      ['2022-02-revisit-js.md', null, 'Revisiting JS frameworks', 'approved', null],
      ['2022-06-09-no-title.md', null, 'No title', null, '2022-06-09'],
    ]);
    assert.deepStrictEqual(linksOf(index, '2021-03-avoid-js.md'), ['superseded-by 2022-02-revisit-js.md']);
    assert.deepStrictEqual(problems(index), []);
  });
});
