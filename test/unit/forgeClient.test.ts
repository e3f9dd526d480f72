import * as assert from 'assert';
import { apiBaseUrl, createForgeClient, ForgeClient, ForgeClientOptions, ForgeError } from '../../src/core/pulls/forgeClient';
import { ForgeHttp, nextLink } from '../../src/core/pulls/forgeHttp';
import { parseRemoteUrl, RemoteRepo } from '../../src/core/pulls/remotes';
import { FakeForge, manyComments, startFakeForge } from '../fixtures/fakeForge';

const TOKEN = 'ghp_TESTTOKEN_0123456789abcdef';

function remoteOf(url: string): RemoteRepo {
  const r = parseRemoteUrl(url);
  if (!r) throw new Error(`no remote from ${url}`);
  return r;
}

describe('forge client against a local fake forge', () => {
  let forge: FakeForge;
  let logs: string[];
  let sleeps: number[];

  /** A client for `owner/repo` on the fake forge as a GHES host (its API at /api/v3), waits recorded instead of slept. */
  function github(options: ForgeClientOptions = {}, path = 'acme/widgets'): ForgeClient {
    const client = createForgeClient(remoteOf(`${forge.url}/${path}.git`), {
      token: TOKEN,
      log: (l) => logs.push(l),
      sleep: async (ms) => void sleeps.push(ms),
      timeoutMs: 2000,
      ...options,
    });
    assert.ok(client);
    return client;
  }

  function gitlab(options: ForgeClientOptions = {}): ForgeClient {
    const client = createForgeClient(remoteOf(`${forge.url}/group/sub/proj.git`), {
      token: TOKEN,
      log: (l) => logs.push(l),
      sleep: async (ms) => void sleeps.push(ms),
      timeoutMs: 2000,
      ...options,
    });
    assert.ok(client);
    return client;
  }

  /** Awaits a rejection and returns the ForgeError, checking the token appears nowhere in it. */
  async function failure(p: Promise<unknown>): Promise<ForgeError> {
    try {
      await p;
    } catch (e) {
      assert.ok(e instanceof ForgeError, `not a ForgeError: ${String(e)}`);
      const everything = `${e.message}\n${e.stack ?? ''}\n${JSON.stringify(e)}\n${String(e)}`;
      assert.ok(!everything.includes(TOKEN), `token leaked in: ${everything}`);
      assert.ok(!everything.includes('TESTTOKEN'), `token leaked in: ${everything}`);
      return e;
    }
    throw new Error('expected a rejection');
  }

  beforeEach(async () => {
    forge = await startFakeForge({ token: TOKEN });
    logs = [];
    sleeps = [];
    forge.pulls.set('acme/widgets', [
      { number: 12, title: 'Add the feature', state: 'closed', merged: true, user: 'alice', headRef: 'feature', requestedReviewers: ['carol'] },
      { number: 13, title: 'Fix ; $(rm -rf) branch', state: 'open', user: 'bob', headRef: 'fix/$(rm -rf);x&y' },
      { number: 14, title: 'Older attempt', state: 'closed', user: 'bob', headRef: 'fix/$(rm -rf);x&y' },
    ]);
    forge.reviews.set('acme/widgets#12', [
      { id: 1, user: 'dana', state: 'APPROVED', body: 'Looks good' },
      { id: 2, user: 'alice', state: 'COMMENTED', body: 'Thanks' },
      { id: 3, user: 'Carol', state: 'COMMENTED', body: '' },
    ]);
    forge.comments.set('acme/widgets#12', [...manyComments(250, 'dana'), { id: 999, user: 'bob', body: 'nit' }]);
    forge.mergeRequests.set('group/sub/proj', [
      { iid: 8, title: 'MR title', state: 'merged', author: 'alice', sourceBranch: 'topic', reviewers: ['dana', 'alice'] },
    ]);
    forge.notes.set('group/sub/proj!8', [
      { id: 1, author: 'dana', body: 'Please rename' },
      { id: 2, author: 'dana', body: 'approved this merge request', system: true },
      { id: 3, author: 'bob', body: 'ok' },
    ]);
  });

  afterEach(async () => {
    await forge.close();
  });

  it('GHES: requests go to https://HOST/api/v3 with the token as a Bearer header, never to github.com', async () => {
    const seen: string[] = [];
    const client = github({ fetch: (url, init) => (seen.push(url), fetch(url, init)) });
    assert.strictEqual(client.apiBase, `${forge.url}/api/v3`);
    const pr = await client.getPullRequest(12);
    assert.deepStrictEqual(pr, {
      number: 12,
      url: `${forge.url}/acme/widgets/pull/12`,
      title: 'Add the feature',
      state: 'merged',
      merged: true,
      mergedAt: '2026-01-05T10:00:00Z',
      author: 'alice',
      reviewers: ['carol', 'dana'],
      sourceBranch: 'feature',
    });
    assert.ok(seen.length > 0 && seen.every((u) => u.startsWith(`${forge.url}/api/v3/repos/acme/widgets/pulls/12`)), seen.join('\n'));
    assert.ok(forge.requests.every((r) => r.authorization === `Bearer ${TOKEN}`));
    assert.strictEqual(apiBaseUrl(remoteOf('git@ghe.corp.example:a/b.git')), 'https://ghe.corp.example/api/v3');
    assert.strictEqual(apiBaseUrl(remoteOf('git@github.com:a/b.git')), 'https://api.github.com');
    assert.strictEqual(apiBaseUrl(remoteOf('git@gitlab.corp.example:a/b.git')), 'https://gitlab.corp.example/api/v4');
    // A token never travels over plain http: an http remote gets an https API base, and an explicit http base gets no client.
    assert.strictEqual(apiBaseUrl(remoteOf('http://gitlab.corp.example/g/p.git')), 'https://gitlab.corp.example/api/v4');
    assert.strictEqual(apiBaseUrl(remoteOf('http://ghe.corp.example/o/r.git')), 'https://ghe.corp.example/api/v3');
    assert.strictEqual(
      createForgeClient(remoteOf('http://gitlab.corp.example/g/p.git'), { token: 'glpat-x', apiBase: 'http://gitlab.corp.example/api/v4' }),
      undefined,
    );
    assert.strictEqual(createForgeClient(remoteOf('git@bitbucket.org:a/b.git')), undefined);
  });

  it('follows Link rel="next" over 250 review comments in pages of 100, and filters by user', async () => {
    const comments = await github().listReviewComments(12, 'DANA');
    assert.strictEqual(comments.filter((c) => c.kind === 'comment').length, 250);
    assert.deepStrictEqual(
      comments.filter((c) => c.kind === 'review').map((c) => c.state),
      ['APPROVED'],
    );
    assert.deepStrictEqual(
      forge.requests.filter((r) => r.url.includes('/comments')).map((r) => new URL(r.url, forge.url).searchParams.get('page')),
      [null, '2', '3'],
    );
    const all = await github().listReviewComments(12);
    assert.strictEqual(all.filter((c) => c.kind === 'comment').length, 251);
  });

  it('revalidates with If-None-Match and serves a 304 from the cache', async () => {
    const client = github();
    const first = await client.getPullRequest(12);
    const before = forge.requests.length;
    const second = await client.getPullRequest(12);
    assert.deepStrictEqual(second, first);
    const again = forge.requests.slice(before);
    assert.ok(again.length > 0 && again.every((r) => r.ifNoneMatch && r.status === 304), JSON.stringify(again));
    assert.ok(logs.some((l) => l.includes('304 (cached)')));
  });

  it('waits out a rate limit (403, x-ratelimit-remaining 0, x-ratelimit-reset) and then succeeds', async () => {
    forge.behaviour.rateLimited = 1;
    forge.behaviour.rateLimitSeconds = 2;
    const pr = await github().getPullRequest(12);
    assert.strictEqual(pr.title, 'Add the feature');
    assert.strictEqual(sleeps.length, 1);
    assert.ok(sleeps[0] >= 1000 && sleeps[0] <= 4000, String(sleeps[0]));
    assert.deepStrictEqual(
      forge.requests.slice(0, 2).map((r) => r.status),
      [403, 200],
    );
  });

  it('waits out a 429 with retry-after', async () => {
    forge.behaviour.rateLimited = 2;
    forge.behaviour.rateLimitStyle = 'retry-after';
    forge.behaviour.rateLimitSeconds = 3;
    const pr = await gitlab().getPullRequest(8);
    assert.strictEqual(pr.title, 'MR title');
    assert.deepStrictEqual(sleeps, [3000, 3000]);
  });

  it('really waits (the default sleep) when the forge says retry-after: 1', async () => {
    forge.behaviour.rateLimited = 1;
    forge.behaviour.rateLimitStyle = 'retry-after';
    forge.behaviour.rateLimitSeconds = 1;
    const client = createForgeClient(remoteOf(`${forge.url}/acme/widgets.git`), { token: TOKEN, timeoutMs: 2000 })!;
    const started = Date.now();
    assert.strictEqual((await client.getPullRequest(12)).number, 12);
    assert.ok(Date.now() - started >= 950, `waited only ${Date.now() - started} ms`);
  });

  it('gives up with a clear error when the limit resets later than it may wait, or keeps limiting', async () => {
    forge.behaviour.rateLimited = 1;
    forge.behaviour.rateLimitSeconds = 3600;
    let e = await failure(github({ maxWaitMs: 60_000 }).getPullRequest(12));
    assert.strictEqual(e.reason, 'rate-limited');
    assert.match(e.message, /rate limiting requests: try again in 6[01] min/);
    assert.deepStrictEqual(sleeps, []);
    forge.behaviour.rateLimited = 10;
    forge.behaviour.rateLimitSeconds = 1;
    e = await failure(github({ maxRetries: 2 }).getPullRequest(12));
    assert.strictEqual(e.reason, 'rate-limited');
    assert.strictEqual(sleeps.length, 2);
  });

  it('a slow forge times out with a clear error instead of hanging', async () => {
    // The forge would answer after 5 s: a timeout, not an answer, says the client stopped waiting first.
    forge.behaviour.delayMs = 5000;
    const e = await failure(github({ timeoutMs: 200 }).getPullRequest(12));
    assert.strictEqual(e.reason, 'timeout');
    assert.match(e.message, /did not answer within 1 s: it may be down or slow/);
  });

  it('a forge that is down: a clear error', async () => {
    const port = new URL(forge.url).port;
    await forge.close();
    const client = createForgeClient(remoteOf(`http://127.0.0.1:${port}/acme/widgets.git`), { token: TOKEN, timeoutMs: 2000 })!;
    const e = await failure(client.getPullRequest(12));
    assert.strictEqual(e.reason, 'unreachable');
    assert.match(e.message, /cannot reach GitHub Enterprise at 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    forge = await startFakeForge();
  });

  it('an expired or wrong token (401): "sign in again", with no trace of the token', async () => {
    const e = await failure(github({ token: 'expired_TESTTOKEN_value' }).getPullRequest(12));
    assert.strictEqual(e.reason, 'unauthorized');
    assert.match(e.message, /sign in again/);
    assert.ok(!e.message.includes('expired_TESTTOKEN_value'));
  });

  it('a pull request that does not exist (404): "no such pull request"', async () => {
    let e = await failure(github().getPullRequest(4242));
    assert.strictEqual(e.reason, 'not-found');
    assert.strictEqual(e.message, `no such pull request: acme/widgets#4242 on ${forge.host} (or the sign-in cannot see it)`);
    e = await failure(gitlab().getPullRequest(4242));
    assert.match(e.message, /^no such pull request: group\/sub\/proj!4242/);
    e = await failure(github({}, 'acme/nothing').getPullRequest(1));
    assert.strictEqual(e.reason, 'not-found');
  });

  it('GitLab: the project path URL-encoded as one segment under /api/v4; reviewers, branch lookup and notes', async () => {
    const client = gitlab();
    assert.strictEqual(client.apiBase, `${forge.url}/api/v4`);
    const mr = await client.getPullRequest(8);
    assert.deepStrictEqual(mr, {
      number: 8,
      url: `${forge.url}/group/sub/proj/-/merge_requests/8`,
      title: 'MR title',
      state: 'merged',
      merged: true,
      mergedAt: '2026-01-05T10:00:00Z',
      author: 'alice',
      reviewers: ['dana'],
      sourceBranch: 'topic',
    });
    assert.strictEqual(forge.requests[0].url, '/api/v4/projects/group%2Fsub%2Fproj/merge_requests/8');
    assert.deepStrictEqual(
      (await client.listPullRequestsForBranch('topic')).map((m) => m.number),
      [8],
    );
    assert.deepStrictEqual(
      (await client.listReviewComments(8, 'dana')).map((c) => c.body),
      ['Please rename'],
    );
  });

  it('finds the PRs of a branch whose name has shell metacharacters, encoded as a query value', async () => {
    const prs = await github().listPullRequestsForBranch('fix/$(rm -rf);x&y');
    assert.deepStrictEqual(
      prs.map((p) => [p.number, p.state]),
      [
        [13, 'open'],
        [14, 'closed'],
      ],
    );
    const request = forge.requests.find((r) => r.url.includes('head='))!;
    assert.strictEqual(new URL(request.url, forge.url).searchParams.get('head'), 'acme:fix/$(rm -rf);x&y');
  });

  it('retries a 502 with backoff, then succeeds', async () => {
    forge.behaviour.failing = 2;
    const pr = await github().getPullRequest(12);
    assert.strictEqual(pr.number, 12);
    assert.deepStrictEqual(sleeps, [1000, 2000]);
  });

  it('never lets the token into an error, a log line, or anything thrown, on any path', async () => {
    const paths: [string, () => void, (c: ForgeClient) => Promise<unknown>][] = [
      ['401', () => (forge.behaviour.token = 'other'), (c) => c.getPullRequest(12)],
      ['404', () => undefined, (c) => c.getPullRequest(999)],
      ['rate limit', () => Object.assign(forge.behaviour, { rateLimited: 5, rateLimitSeconds: 9999 }), (c) => c.getPullRequest(12)],
      ['timeout', () => (forge.behaviour.delayMs = 3000), (c) => c.getPullRequest(12)],
      ['502', () => (forge.behaviour.failing = 10), (c) => c.listReviewComments(12)],
    ];
    for (const [what, arrange, act] of paths) {
      forge.behaviour = { token: TOKEN };
      arrange();
      const e = await failure(act(github({ timeoutMs: 150, maxRetries: 1 })));
      assert.ok(e.message.length > 0, what);
    }
    // A forge redirecting elsewhere is not followed with the token.
    const http = new ForgeHttp({
      baseUrl: forge.url,
      forgeName: 'GitHub',
      token: TOKEN,
      fetch: async () => ({
        status: 302,
        headers: { get: (n: string) => (n === 'location' ? `https://evil.example/steal?t=${TOKEN}` : null) },
        text: async () => TOKEN,
      }),
    });
    const e = await failure(http.getPage('x'));
    assert.strictEqual(e.reason, 'bad-response');
    assert.ok(logs.length > 0 && logs.every((l) => !l.includes(TOKEN)));
  });

  it('reads Link headers with several relations', () => {
    assert.strictEqual(nextLink('<https://a/x?page=3>; rel="last", <https://a/x?page=2>; rel="next"'), 'https://a/x?page=2');
    assert.strictEqual(nextLink('<https://a/x?page=1>; rel="prev first"'), undefined);
    assert.strictEqual(nextLink(null), undefined);
  });
});
