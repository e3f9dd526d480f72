import * as assert from 'assert';
import {
  findPullRequestReferences,
  parsePullRequestNumber,
  pullRequestKey,
  pullRequestUrlKeys,
  resolvePullRequestReference,
} from '../../src/core/pulls/prReferences';
import { parseRemoteList, parseRemoteUrl, pullRequestUrl, readRemotes, redactRemoteUrl, RemoteRepo } from '../../src/core/pulls/remotes';
import { createGitExecutor } from '../../src/core/git/gitExecutor';
import { git, initRepo, makeTempDir } from '../fixtures/gitRepo';

function prUrl(remote: string, n = 7): string | undefined {
  const r = parseRemoteUrl(remote);
  return r && pullRequestUrl(r, n);
}

function remote(url: string, name = 'origin'): RemoteRepo {
  const r = parseRemoteUrl(url);
  if (!r) throw new Error(`no remote from ${url}`);
  return { name, ...r };
}

describe('remotes', () => {
  it('reads GitHub remotes in every form, with and without .git', () => {
    for (const url of [
      'https://github.com/acme/widgets.git',
      'https://github.com/acme/widgets',
      'https://github.com/acme/widgets/',
      'git@github.com:acme/widgets.git',
      'git@github.com:acme/widgets',
      'ssh://git@github.com/acme/widgets.git',
      'ssh://git@ssh.github.com:443/acme/widgets.git',
      'git://github.com/acme/widgets.git',
    ]) {
      assert.deepStrictEqual(parseRemoteUrl(url), { kind: 'github', host: 'github.com', webBase: 'https://github.com', owner: 'acme', repo: 'widgets' }, url);
    }
    assert.strictEqual(prUrl('git@github.com:acme/widgets.git', 12), 'https://github.com/acme/widgets/pull/12');
  });

  it('drops credentials: https://user:token@host never shows the token', () => {
    const r = parseRemoteUrl('https://dana:ghp_SECRET123@github.com/acme/widgets.git');
    assert.ok(r);
    assert.ok(!JSON.stringify(r).includes('SECRET'));
    assert.ok(!JSON.stringify(r).includes('dana'));
    assert.strictEqual(prUrl('https://oauth2:glpat-SECRET@gitlab.example.com/g/p.git'), 'https://gitlab.example.com/g/p/-/merge_requests/7');
    assert.strictEqual(redactRemoteUrl('https://x-access-token:SECRET@github.com/a/b.git'), 'https://github.com/a/b.git');
  });

  it('GitHub Enterprise Server: any other host with owner/repo, keeping an https port', () => {
    assert.deepStrictEqual(parseRemoteUrl('git@ghe.corp.example:platform/api.git'), {
      kind: 'ghes',
      host: 'ghe.corp.example',
      webBase: 'https://ghe.corp.example',
      owner: 'platform',
      repo: 'api',
    });
    assert.strictEqual(prUrl('https://ghe.corp.example:8443/platform/api.git', 3), 'https://ghe.corp.example:8443/platform/api/pull/3');
    assert.strictEqual(prUrl('ssh://git@ghe.corp.example:2222/platform/api.git', 3), 'https://ghe.corp.example/platform/api/pull/3');
    assert.strictEqual(prUrl('https://GHE.Corp.Example/platform/api'), 'https://ghe.corp.example/platform/api/pull/7');
  });

  it('GitLab with subgroups, on gitlab.com and on hosts named gitlab or with deep paths', () => {
    assert.deepStrictEqual(parseRemoteUrl('git@gitlab.com:group/sub/project.git'), {
      kind: 'gitlab',
      host: 'gitlab.com',
      webBase: 'https://gitlab.com',
      owner: 'group/sub',
      repo: 'project',
    });
    assert.strictEqual(prUrl('https://gitlab.com/group/sub/project.git', 5), 'https://gitlab.com/group/sub/project/-/merge_requests/5');
    assert.strictEqual(prUrl('git@gitlab.corp.example:team/app.git', 5), 'https://gitlab.corp.example/team/app/-/merge_requests/5');
    assert.strictEqual(prUrl('https://git.corp.example/a/b/c/d.git', 5), 'https://git.corp.example/a/b/c/d/-/merge_requests/5');
    assert.strictEqual(prUrl('ssh://git@gitlab.corp.example:2222/team/app.git', 5), 'https://gitlab.corp.example/team/app/-/merge_requests/5');
  });

  it('host hints override the guess', () => {
    assert.strictEqual(parseRemoteUrl('git@code.corp.example:team/app.git', { 'code.corp.example': 'gitlab' })?.kind, 'gitlab');
    assert.strictEqual(parseRemoteUrl('git@code.corp.example:team/app.git')?.kind, 'ghes');
  });

  it('Bitbucket Cloud and Server (ssh on 7999, https under /scm, a context path, personal repos)', () => {
    assert.strictEqual(prUrl('git@bitbucket.org:team/app.git', 9), 'https://bitbucket.org/team/app/pull-requests/9');
    assert.strictEqual(prUrl('https://dana@bitbucket.org/team/app.git', 9), 'https://bitbucket.org/team/app/pull-requests/9');
    assert.strictEqual(prUrl('ssh://git@stash.corp.example:7999/plat/app.git', 9), 'https://stash.corp.example/projects/PLAT/repos/app/pull-requests/9');
    assert.strictEqual(prUrl('https://stash.corp.example/scm/plat/app.git', 9), 'https://stash.corp.example/projects/PLAT/repos/app/pull-requests/9');
    assert.strictEqual(prUrl('https://corp.example/bitbucket/scm/plat/app.git', 9), 'https://corp.example/bitbucket/projects/PLAT/repos/app/pull-requests/9');
    assert.strictEqual(prUrl('ssh://git@bitbucket.corp.example:7999/~dana/app.git', 9), 'https://bitbucket.corp.example/users/dana/repos/app/pull-requests/9');
  });

  it('Azure DevOps: https, ssh v3 and the old visualstudio.com host all give dev.azure.com URLs', () => {
    const expected = 'https://dev.azure.com/contoso/Fabrikam/_git/web/pullrequest/42';
    for (const url of [
      'https://dev.azure.com/contoso/Fabrikam/_git/web',
      'https://contoso@dev.azure.com/contoso/Fabrikam/_git/web',
      'git@ssh.dev.azure.com:v3/contoso/Fabrikam/web',
      'https://contoso.visualstudio.com/Fabrikam/_git/web',
      'https://contoso.visualstudio.com/DefaultCollection/Fabrikam/_git/web',
      'contoso@vs-ssh.visualstudio.com:v3/contoso/Fabrikam/web',
    ]) {
      assert.strictEqual(prUrl(url, 42), expected, url);
    }
    assert.strictEqual(prUrl('https://dev.azure.com/contoso/_git/Fabrikam', 1), 'https://dev.azure.com/contoso/Fabrikam/_git/Fabrikam/pullrequest/1');
  });

  it('local paths, file URLs, ext:: transports and malformed URLs are no forge', () => {
    for (const url of [
      '/srv/git/repo.git',
      '../repo',
      'C:\\repos\\app',
      'C:/repos/app',
      'file:///srv/repo.git',
      'ext::sh -c touch% /tmp/pwned',
      '',
      'https://',
      'https://github.com/only-owner',
      'https://github.com/a/b/c',
      'git@github.com:../../etc',
    ]) {
      assert.strictEqual(parseRemoteUrl(url), undefined, url);
    }
  });

  it('orders remotes origin, upstream, then the rest by name; fetch URLs only', () => {
    const list = parseRemoteList(
      [
        'fork\tgit@github.com:dana/widgets.git (fetch)',
        'fork\tgit@github.com:dana/widgets.git (push)',
        'local\t/srv/widgets.git (fetch)',
        'origin\thttps://tok:SECRET@github.com/acme/widgets.git (fetch)',
        'upstream\tgit@github.com:upstream/widgets.git (fetch)',
        'upstream\tno_push (push)',
      ].join('\n'),
    );
    assert.deepStrictEqual(
      list.map((r) => [r.name, r.owner]),
      [
        ['origin', 'acme'],
        ['upstream', 'upstream'],
        ['fork', 'dana'],
      ],
    );
    assert.ok(!JSON.stringify(list).includes('SECRET'));
  });

  it('reads the remotes of a real repository; none without remotes or without a repository', async () => {
    const root = makeTempDir();
    initRepo(root);
    assert.deepStrictEqual(await readRemotes(createGitExecutor(root)), []);
    git(root, ['remote', 'add', 'upstream', 'git@gitlab.com:g/sub/p.git']);
    git(root, ['remote', 'add', 'origin', 'https://dana:SECRET@github.com/acme/widgets.git']);
    const remotes = await readRemotes(createGitExecutor(root));
    assert.deepStrictEqual(
      remotes.map((r) => [r.name, r.kind, r.owner, r.repo]),
      [
        ['origin', 'github', 'acme', 'widgets'],
        ['upstream', 'gitlab', 'g/sub', 'p'],
      ],
    );
    assert.deepStrictEqual(await readRemotes(createGitExecutor(makeTempDir())), []);
  });
});

describe('pull-request references', () => {
  const github = [remote('git@github.com:acme/widgets.git')];
  const gitlab = [remote('git@gitlab.com:group/sub/proj.git')];
  const resolve = (input: string, remotes: RemoteRepo[] = github): string => {
    const r = resolvePullRequestReference(input, remotes);
    return r.ok ? r.reference.url : `ERROR ${r.message}`;
  };

  it('full URLs of every forge become canonical URLs', () => {
    assert.strictEqual(resolve('https://github.com/Acme/Widgets/pull/12/files#diff-1', []), 'https://github.com/Acme/Widgets/pull/12');
    assert.strictEqual(resolve('https://ghe.corp.example/team/app/pull/3', []), 'https://ghe.corp.example/team/app/pull/3');
    assert.strictEqual(resolve('https://gitlab.com/group/sub/proj/-/merge_requests/8/diffs', []), 'https://gitlab.com/group/sub/proj/-/merge_requests/8');
    assert.strictEqual(resolve('https://gitlab.corp.example/team/app/merge_requests/8', []), 'https://gitlab.corp.example/team/app/-/merge_requests/8');
    assert.strictEqual(resolve('https://bitbucket.org/team/app/pull-requests/4/overview', []), 'https://bitbucket.org/team/app/pull-requests/4');
    assert.strictEqual(
      resolve('https://stash.corp.example/projects/PLAT/repos/app/pull-requests/4/overview', []),
      'https://stash.corp.example/projects/PLAT/repos/app/pull-requests/4',
    );
    assert.strictEqual(
      resolve('https://dev.azure.com/contoso/Fabrikam/_git/web/pullrequest/42', []),
      'https://dev.azure.com/contoso/Fabrikam/_git/web/pullrequest/42',
    );
    assert.strictEqual(
      resolve('https://contoso.visualstudio.com/Fabrikam/_git/web/pullrequest/42', []),
      'https://dev.azure.com/contoso/Fabrikam/_git/web/pullrequest/42',
    );
    assert.strictEqual(resolve('  https://github.com/acme/widgets/pull/0012 ', []), 'https://github.com/acme/widgets/pull/12');
  });

  it('a URL with credentials is canonical without them, and messages never show them', () => {
    assert.strictEqual(resolve('https://dana:SECRET@github.com/acme/widgets/pull/1', []), 'https://github.com/acme/widgets/pull/1');
    const bad = resolvePullRequestReference('https://dana:SECRET@github.com/acme/widgets/issues/1', []);
    assert.ok(!bad.ok && !bad.message.includes('SECRET'), JSON.stringify(bad));
  });

  it('short forms resolve against the remotes: #N and owner/repo#N on GitHub, !N on GitLab, bare N on the first remote', () => {
    assert.strictEqual(resolve('#12'), 'https://github.com/acme/widgets/pull/12');
    assert.strictEqual(resolve('12'), 'https://github.com/acme/widgets/pull/12');
    assert.strictEqual(resolve('other/lib#5'), 'https://github.com/other/lib/pull/5');
    assert.strictEqual(resolve('ACME/widgets#5'), 'https://github.com/acme/widgets/pull/5');
    assert.strictEqual(resolve('!8', gitlab), 'https://gitlab.com/group/sub/proj/-/merge_requests/8');
    assert.strictEqual(resolve('group/other!8', gitlab), 'https://gitlab.com/group/other/-/merge_requests/8');
    assert.strictEqual(resolve('8', gitlab), 'https://gitlab.com/group/sub/proj/-/merge_requests/8');
    const ghes = [remote('git@ghe.corp.example:team/app.git')];
    assert.strictEqual(resolve('#3', ghes), 'https://ghe.corp.example/team/app/pull/3');
    assert.strictEqual(resolve('other/lib#3', ghes), 'https://ghe.corp.example/other/lib/pull/3');
    // #N on GitLab is an issue; !N on GitHub is not a thing.
    assert.match(resolve('#8', gitlab), /^ERROR .*issue.*!8/);
    assert.match(resolve('!8'), /^ERROR /);
    // The first fitting remote: GitLab origin, GitHub upstream.
    assert.strictEqual(resolve('#4', [...gitlab, remote('git@github.com:acme/widgets.git', 'upstream')]), 'https://github.com/acme/widgets/pull/4');
  });

  it('rejects malformed input, #0, negative and huge numbers with clear messages', () => {
    assert.match(resolve(''), /^ERROR no pull request given/);
    assert.match(resolve('#0'), /^ERROR .*start at 1/);
    assert.match(resolve('0'), /^ERROR .*start at 1/);
    assert.match(resolve('#-3'), /^ERROR .*negative/);
    assert.match(resolve('-3'), /^ERROR .*negative/);
    assert.match(resolve('#2147483648'), /^ERROR .*too large/);
    assert.match(resolve('#99999999999999999999999'), /^ERROR .*too large/);
    assert.strictEqual(resolve('#2147483647'), 'https://github.com/acme/widgets/pull/2147483647');
    assert.match(resolve('#abc'), /^ERROR .*not a pull request number/);
    assert.match(resolve('https://github.com/acme/widgets/pull/abc'), /^ERROR .*not a pull request number/);
    assert.match(resolve('https://github.com/acme/widgets/pull/0'), /^ERROR .*start at 1/);
    assert.match(resolve('https://github.com/acme/widgets/issues/3'), /^ERROR .*not a link to a pull request/);
    assert.match(resolve('ftp://github.com/acme/widgets/pull/3'), /^ERROR .*not a web link/);
    assert.match(resolve('javascript:alert(1)'), /^ERROR .*not a web link/);
    assert.match(resolve('fix the thing'), /^ERROR .*not a pull request reference/);
    assert.match(resolve('#12', []), /^ERROR .*no(ne)?.*remote|remote.*none/);
    assert.match(resolve('a/b/c#12'), /^ERROR .*owner\/repo/);
    assert.match(resolve('../x#12'), /^ERROR /);
    assert.strictEqual(parsePullRequestNumber('0007').ok, true);
  });

  it('finds references in text: URLs and short forms, not entities, anchors or zero', () => {
    const text = [
      'Shipped in https://github.com/acme/widgets/pull/12, see also #13 and other/lib#14.',
      'GitLab: group/sub/proj!15 and !16; [link](https://gitlab.com/g/p/-/merge_requests/17).',
      'Not these: &#18; issue#19 page.html#20 #0 #99999999999 http://example.com/#21 https://github.com/acme/widgets/issues/22',
    ].join('\n');
    const found = findPullRequestReferences(text, github);
    assert.deepStrictEqual(
      found.map((f) => [f.text, f.url]),
      [
        ['https://github.com/acme/widgets/pull/12', 'https://github.com/acme/widgets/pull/12'],
        ['#13', 'https://github.com/acme/widgets/pull/13'],
        ['other/lib#14', 'https://github.com/other/lib/pull/14'],
        ['group/sub/proj!15', 'https://gitlab.com/group/sub/proj/-/merge_requests/15'],
        ['!16', null],
        ['https://gitlab.com/g/p/-/merge_requests/17', 'https://gitlab.com/g/p/-/merge_requests/17'],
      ],
    );
    assert.strictEqual(text.slice(found[1].start, found[1].end), '#13');
  });
});

describe('pull-request URL keys', () => {
  /** The key of a URL worked out the long way: its canonical form when it resolves, else itself. */
  const slowKey = (url: string): string => {
    const r = resolvePullRequestReference(url, []);
    return pullRequestKey(r.ok ? r.reference.url : url);
  };
  const prefixes = [
    'https://github.com/Acme/Widgets/pull/',
    'https://www.github.com/acme/widgets/pull/',
    'https://dana:SECRET@github.com/acme/widgets/pull/',
    'HTTP://GHE.corp.example:8443/team/app/pull/',
    'https://ghe.corp.example:443/team/app/pull/',
    'https://gitlab.com/group/sub/proj/-/merge_requests/',
    'https://gitlab.corp.example/team/app/merge_requests/',
    'https://gitlab.com/merge_requests/sub/proj/-/merge_requests/',
    'https://bitbucket.org/team/app/pull-requests/',
    'https://stash.corp.example/ctx/projects/PLAT/repos/app/pull-requests/',
    'https://stash.corp.example/users/dana/repos/app/pull-requests/',
    'https://dev.azure.com/contoso/Fabrikam/_git/web/pullrequest/',
    'https://contoso.visualstudio.com/DefaultCollection/Fabrikam/_git/web/pullrequest/',
    'https://github.com/acme/widgets/pull/12/',
    'https://github.com/acme/widgets/pull/12/files/',
    'https://github.com/acme/widgets/pull/12?tab=/',
    'https://github.com/acme/widgets/pull/12#r/',
    'https://github.com/acme/widgets/issues/',
    'https://github.com/acme/',
    'https://github.com/',
    'https://gitlab.com/a%20b/c%7e/-/merge_requests/',
    'https://gitlab.com/a%2Fb/c/-/merge_requests/',
    'https://gitlab.com/a%zz/c/-/merge_requests/',
    'https://github.com/acme/./pull/',
    'https://github.com/ac%40me/wid~gets/pull/',
    'ftp://github.com/acme/widgets/pull/',
  ];
  const numbers = ['1', '2', '7', '12', '0', '012', '999999999', '1000000000', '2147483648', '99999999999', 'x1'];

  it('give the canonical key of every URL, whether or not its prefix was seen before', () => {
    const keyOf = pullRequestUrlKeys();
    for (const round of [1, 2]) {
      for (const prefix of prefixes) {
        for (const n of numbers) {
          const url = prefix + n;
          assert.strictEqual(keyOf(url), slowKey(url), `${url} (round ${round})`);
        }
      }
    }
  });

  it('resolve percent-encoded and plain path segments to one canonical URL', () => {
    const url = (input: string): string => {
      const r = resolvePullRequestReference(input, []);
      return r.ok ? r.reference.url : 'ERROR';
    };
    assert.strictEqual(url('https://gitlab.com/a%20b/c%7e/-/merge_requests/3'), 'https://gitlab.com/a%20b/c~/-/merge_requests/3');
    assert.strictEqual(url('https://github.com/ac%40me/wid%7Egets/pull/4'), 'https://github.com/ac@me/wid~gets/pull/4');
    assert.strictEqual(url("https://github.com/a(c)me/w!d*'/pull/5"), "https://github.com/a(c)me/w!d*'/pull/5");
    assert.strictEqual(url('https://github.com/%61cme/widgets/pull/6'), 'https://github.com/acme/widgets/pull/6');
    assert.strictEqual(url('https://github.com/a%zzcme/widgets/pull/6'), 'ERROR');
    assert.strictEqual(url('https://github.com/%2e%2e/widgets/pull/6'), 'ERROR');
  });
});
