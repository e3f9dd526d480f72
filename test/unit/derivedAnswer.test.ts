import * as assert from 'assert';
import { DerivedAnswer } from '../../src/core/input/derivedAnswer';

describe('answers prefilled from earlier ones', () => {
  it('follow the earlier answer after Back until the user types their own', () => {
    const handle = new DerivedAnswer();
    assert.strictEqual(handle.value('alice-example'), 'alice-example');
    handle.set('alice-example'); // accepted as suggested
    // Back, the name changed: the suggestion follows.
    assert.strictEqual(handle.value('bob-builder'), 'bob-builder');
    handle.set('bobby'); // typed their own
    assert.strictEqual(handle.value('carol-c'), 'bobby');
    assert.ok(handle.edited);
    // Typing the suggestion back hands the answer back to the suggestion.
    handle.set('carol-c');
    assert.strictEqual(handle.value('dan-d'), 'dan-d');
  });
});
