import * as assert from 'assert';
import { discoveredChoice, knownChoice, sameChoice, typedPullRequest } from '../../src/core/pulls/prChoices';
import { DiscoveredPullRequest } from '../../src/core/pulls/prDiscovery';
import { appendPullRequestNote } from '../../src/core/influence/linkedRecords';
import { parseRemoteUrl, RemoteRepo } from '../../src/core/pulls/remotes';

const github = parseRemoteUrl('https://github.com/acme/payments.git') as RemoteRepo;

function discovered(number: number, url: string | null, source: DiscoveredPullRequest['source'] = 'squash'): DiscoveredPullRequest {
  return {
    number,
    url,
    title: `PR ${number}`,
    mergedAt: '2026-11-20T10:00:00+00:00',
    mergeCommit: 'a'.repeat(40),
    source,
    authors: [{ name: 'Alice', email: 'Alice@Example.com' }],
    coAuthors: [{ name: 'Bob', email: 'bob@example.com' }],
  };
}

describe('pull-request choices (the picker)', () => {
  it('with no remote a URL can be made from, #N, !N and N are kept as the reference they are', () => {
    assert.deepStrictEqual(typedPullRequest('#1830', []), { ok: true, reference: '#1830', number: 1830 });
    assert.deepStrictEqual(typedPullRequest('1830', []), { ok: true, reference: '#1830', number: 1830 });
    assert.deepStrictEqual(typedPullRequest('!7', []), { ok: true, reference: '!7', number: 7 });
    assert.deepStrictEqual(typedPullRequest('#0', []), { ok: false, message: 'pull request numbers start at 1, not 0' });
    assert.strictEqual(typedPullRequest('hello', []).ok, false);
  });

  it('with a forge remote, #N becomes its URL and a full URL stays one', () => {
    assert.deepStrictEqual(typedPullRequest('#21', [github]), { ok: true, reference: 'https://github.com/acme/payments/pull/21', number: 21 });
    assert.deepStrictEqual(typedPullRequest('https://github.com/acme/payments/pull/21', []), {
      ok: true,
      reference: 'https://github.com/acme/payments/pull/21',
      number: 21,
    });
    assert.strictEqual(typedPullRequest('!21', [github]).ok, false, '!N is not a GitHub pull request');
  });

  it('history’s pull requests without a URL are choices by number, with their people', () => {
    assert.deepStrictEqual(discoveredChoice(discovered(12, null)), {
      reference: '#12',
      number: 12,
      title: 'PR 12',
      people: ['alice@example.com', 'bob@example.com'],
    });
    assert.strictEqual(discoveredChoice(discovered(3, null, 'gitlab')).reference, '!3');
    assert.strictEqual(discoveredChoice(discovered(12, 'https://github.com/acme/payments/pull/12')).reference, 'https://github.com/acme/payments/pull/12');
  });

  it('a typed number that history lists is that pull request (one row, its title), by URL or by number', () => {
    const known = [discoveredChoice(discovered(12, 'https://github.com/acme/payments/pull/12')), discoveredChoice(discovered(15, null))];
    assert.strictEqual(knownChoice({ reference: 'https://github.com/Acme/Payments/pull/12', number: 12 }, known).title, 'PR 12');
    assert.strictEqual(knownChoice({ reference: '#15', number: 15 }, known).title, 'PR 15');
    assert.deepStrictEqual(knownChoice({ reference: '#99', number: 99 }, known), { reference: '#99', number: 99, people: [] });
    assert.strictEqual(
      sameChoice({ reference: 'https://github.com/acme/payments/pull/12', number: 12 }, { reference: 'https://github.com/acme/other/pull/12', number: 12 }),
      false,
    );
    assert.strictEqual(sameChoice({ reference: '#12', number: 12 }, { reference: '!12', number: 12 }), false);
  });

  it('a dated note for a reference without a URL names it as written, not as a link', () => {
    assert.strictEqual(appendPullRequestNote('# Alice\n', '#1830', 'Reviewed', '2026-12-01'), '# Alice\n\n- 2026-12-01 #1830: Reviewed\n');
  });
});
