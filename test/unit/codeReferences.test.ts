import * as assert from 'assert';
import * as path from 'path';
import {
  DEFAULT_REFERENCE_PATTERNS,
  findDecisionReferences,
  referencePatternProblems,
  resolveDecisionReference,
  staleReferenceMessage,
} from '../../src/core/decisions/codeReferences';
import { nygardAdr } from '../fixtures/recordText';
import { indexOf } from './helpers';

describe('decision references in code', () => {
  it('finds ADR-0007, ADR 7, adr-7 and relative links to record files, once each', () => {
    const text = '// See ADR-0007 and ADR 8, also adr-9.\n// Background: ../doc/adr/0003-use-rest.md\nconst x = "MADR-1";';
    const refs = findDecisionReferences(text, '/repo/src/app.ts');
    assert.deepStrictEqual(
      refs.map((r) => [text.slice(r.start, r.end), r.number ?? r.path]),
      [
        ['ADR-0007', 7],
        ['ADR 8', 8],
        ['adr-9', 9],
        ['../doc/adr/0003-use-rest.md', '/repo/doc/adr/0003-use-rest.md'],
      ],
    );
  });

  it('a custom pattern list, and an invalid pattern is ignored', () => {
    const refs = findDecisionReferences('decision #12 and DEC-3', '/r/a.ts', ['decision #(\\d+)', 'DEC-(\\d+)', '([']);
    assert.deepStrictEqual(
      refs.map((r) => r.number),
      [12, 3],
    );
  });

  it('resolves by number (nearest folder first) and by path, and words the warning for superseded records', async () => {
    const { root, index } = await indexOf({
      'doc/adr/0003-use-rest.md': nygardAdr({ number: 3, title: 'Use REST', status: '', statusLines: ['Superseded by [4. Use gRPC](0004-use-grpc.md)'] }),
      'doc/adr/0004-use-grpc.md': nygardAdr({ number: 4, title: 'Use gRPC', statusLines: ['Supersedes [3. Use REST](0003-use-rest.md)'] }),
    });
    const decisions = index.records('decision');
    const doc = path.join(root, 'src/app.ts');
    const [byNumber, byPath] = findDecisionReferences('ADR-3 ../doc/adr/0004-use-grpc.md', doc);
    const rest = resolveDecisionReference(byNumber, decisions, doc);
    const grpc = resolveDecisionReference(byPath, decisions, doc);
    assert.deepStrictEqual([rest?.title, grpc?.title], ['Use REST', 'Use gRPC']);
    assert.strictEqual(staleReferenceMessage(rest!, grpc), 'ADR-0003 "Use REST" is superseded by ADR-0004 "Use gRPC".');
    assert.strictEqual(staleReferenceMessage(grpc!, undefined), undefined);
  });

  it('says what is wrong with a configured pattern that cannot find a number, and nothing of good ones', () => {
    assert.deepStrictEqual(referencePatternProblems([...DEFAULT_REFERENCE_PATTERNS, 'DEC#(\\d+)', '\\bRFC-(?<n>\\d+)']), []);
    const problems = referencePatternProblems(['(bad', 'ADR-\\d+', '(\\d*)']);
    assert.strictEqual(problems.length, 3, problems.join('\n'));
    assert.match(problems[0], /^"\(bad" is not a regular expression \(.*\); it is left out\.$/);
    assert.strictEqual(problems[1], '"ADR-\\d+" has no group ( … ) for the decision\'s number; it finds nothing.');
    assert.strictEqual(problems[2], '"(\\d*)" matches empty text; it finds nothing useful.');
    // The bad ones are left out of the search; the good one still finds its reference.
    assert.deepStrictEqual(
      findDecisionReferences('see DEC#7', '/r/src/a.ts', ['(bad', 'DEC#(\\d+)']).map((r) => r.number),
      [7],
    );
  });
});
