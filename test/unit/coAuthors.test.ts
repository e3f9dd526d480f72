import * as assert from 'assert';
import { isBot, parseCoAuthors } from '../../src/core/people/coAuthors';

describe('Co-authored-by trailers', () => {
  it('reads Name <email> trailers in order, any case of the key, extra spaces tolerated', () => {
    const body = [
      'Some explanation of the change.',
      '',
      'Co-authored-by: Sam Staff <sam@example.com>',
      'co-authored-by:   Alice Example   <alice@example.com>  ',
      'CO-AUTHORED-BY : Bob Builder <Bob@Example.com>\r',
    ].join('\n');
    assert.deepStrictEqual(parseCoAuthors(body), [
      { name: 'Sam Staff', email: 'sam@example.com' },
      { name: 'Alice Example', email: 'alice@example.com' },
      { name: 'Bob Builder', email: 'Bob@Example.com' },
    ]);
  });

  it('skips malformed trailers: no e-mail, no name, empty, text after the address, not at line start', () => {
    const body = [
      'Co-authored-by: Sam Staff',
      'Co-authored-by: <nameless@example.com>',
      'Co-authored-by:',
      'Co-authored-by: Sam sam@example.com',
      'Co-authored-by: Sam <not-an-email>',
      'Co-authored-by: Sam <sam@example.com> and friends',
      'Thanks to Co-authored-by: Quoted <quoted@example.com>',
      'Co-authored-by: Valid Person <valid@example.com>',
    ].join('\n');
    assert.deepStrictEqual(parseCoAuthors(body), [{ name: 'Valid Person', email: 'valid@example.com' }]);
  });

  it('collapses duplicates by e-mail (any case), keeping the first name', () => {
    const body = 'Co-authored-by: Sam Staff <sam@example.com>\nCo-authored-by: Samuel <SAM@example.com>\nCo-authored-by: Sam Staff <sam@example.com>';
    assert.deepStrictEqual(parseCoAuthors(body), [{ name: 'Sam Staff', email: 'sam@example.com' }]);
  });

  it('ignores the author listed as co-author of their own commit', () => {
    const body = 'Co-authored-by: Dana Lead <DANA@example.com>\nCo-authored-by: Sam Staff <sam@example.com>';
    assert.deepStrictEqual(parseCoAuthors(body, { name: 'Dana Lead', email: 'dana@example.com' }), [{ name: 'Sam Staff', email: 'sam@example.com' }]);
  });

  it('ignores bots', () => {
    const body = [
      'Co-authored-by: dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>',
      'Co-authored-by: github-actions <41898282+github-actions[bot]@users.noreply.github.com>',
      'Co-authored-by: GitHub <noreply@github.com>',
      'Co-authored-by: Renovate Bot <bot@renovateapp.com>',
      'Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>',
      'Co-authored-by: Sam Staff <12345+samstaff@users.noreply.github.com>',
    ].join('\n');
    assert.deepStrictEqual(parseCoAuthors(body), [{ name: 'Sam Staff', email: '12345+samstaff@users.noreply.github.com' }]);
    assert.strictEqual(isBot({ name: 'dependabot[bot]', email: 'support@github.com' }), true);
    assert.strictEqual(isBot({ name: 'Sam', email: 'samstaff@users.noreply.github.com' }), false);
  });

  it('a body without trailers has no co-authors', () => {
    assert.deepStrictEqual(parseCoAuthors(''), []);
    assert.deepStrictEqual(parseCoAuthors('Fix the build.\n\nSigned-off-by: Dana <dana@example.com>'), []);
  });
});
