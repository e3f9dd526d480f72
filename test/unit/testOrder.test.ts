import * as assert from 'assert';
import { orderRandom, shuffle, shuffleSuiteTree, testOrderSeed } from '../../test/harness/testOrder';

describe('test order seed', () => {
  it('LODESTAR_TEST_SEED is used as given; without it a random whole number is chosen', () => {
    assert.strictEqual(testOrderSeed({ LODESTAR_TEST_SEED: '42' }), 42);
    const picked = testOrderSeed({});
    assert.ok(Number.isInteger(picked) && picked > 0, String(picked));
    assert.throws(() => testOrderSeed({ LODESTAR_TEST_SEED: 'soon' }), /LODESTAR_TEST_SEED must be a whole number, not "soon"/);
  });

  it('the same seed and label give the same order; another seed or label another order', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const a = shuffle([...items], orderRandom(7, 'host single'));
    assert.deepStrictEqual(shuffle([...items], orderRandom(7, 'host single')), a);
    assert.notDeepStrictEqual(shuffle([...items], orderRandom(8, 'host single')), a);
    assert.notDeepStrictEqual(shuffle([...items], orderRandom(7, 'unit')), a);
    assert.deepStrictEqual(
      [...a].sort((x, y) => x - y),
      items,
      'a permutation: nothing lost or repeated',
    );
  });

  it('shuffles suites and tests at every level of a suite tree, keeping each test in its suite', () => {
    const leaf = (name: string) => ({ suites: [], tests: [`${name}1`, `${name}2`, `${name}3`, `${name}4`, `${name}5`] });
    const tree = { suites: [leaf('a'), leaf('b'), leaf('c'), { suites: [leaf('d'), leaf('e')], tests: ['f1', 'f2', 'f3'] }], tests: [] };
    const before = JSON.stringify(tree);
    shuffleSuiteTree(tree, orderRandom(3, 'unit'));
    assert.notStrictEqual(JSON.stringify(tree), before);
    const testsOf = (s: { suites: unknown[]; tests: unknown[] }): string[] => [
      ...(s.tests as string[]),
      ...(s.suites as { suites: unknown[]; tests: unknown[] }[]).flatMap(testsOf),
    ];
    for (const s of tree.suites) {
      const names = testsOf(s);
      assert.strictEqual(new Set(names.map((n) => n[0])).size <= 3, true, names.join());
    }
    assert.deepStrictEqual(testsOf(tree).sort(), testsOf(JSON.parse(before)).sort());
  });
});
