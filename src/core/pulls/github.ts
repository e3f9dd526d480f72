import { ForgeClient, ForgeClientOptions, ForgePullRequest, ForgeReviewComment, noSuchPullRequest, obj, str, uniqueLogins } from './forgeTypes';
import { ForgeHttp } from './forgeHttp';
import { pullRequestUrl, RemoteRepo } from './remotes';

/** GitHub and GitHub Enterprise Server: REST v3 (`/repos/{owner}/{repo}/pulls…`). */
export class GitHubClient implements ForgeClient {
  readonly kind = 'github' as const;
  private readonly http: ForgeHttp;
  private readonly repoPath: string;

  constructor(
    private readonly remote: RemoteRepo,
    readonly apiBase: string,
    options: ForgeClientOptions,
  ) {
    this.http = new ForgeHttp({
      ...options,
      baseUrl: apiBase,
      forgeName: remote.kind === 'ghes' ? 'GitHub Enterprise' : 'GitHub',
      headers: { Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' },
    });
    this.repoPath = `repos/${encodeURIComponent(remote.owner)}/${encodeURIComponent(remote.repo)}`;
  }

  private toPullRequest(raw: unknown, reviewers: (string | null)[] = []): ForgePullRequest {
    const pr = obj(raw);
    const number = typeof pr.number === 'number' ? pr.number : 0;
    const author = str(obj(pr.user).login);
    const mergedAt = str(pr.merged_at);
    const requested = Array.isArray(pr.requested_reviewers) ? pr.requested_reviewers.map((u) => str(obj(u).login)) : [];
    return {
      number,
      url: str(pr.html_url) ?? pullRequestUrl(this.remote, number),
      title: str(pr.title) ?? '',
      state: mergedAt || pr.merged === true ? 'merged' : pr.state === 'open' ? 'open' : 'closed',
      merged: Boolean(mergedAt) || pr.merged === true,
      mergedAt,
      author,
      reviewers: uniqueLogins([...requested, ...reviewers], author),
      sourceBranch: str(obj(pr.head).ref),
    };
  }

  async getPullRequest(number: number): Promise<ForgePullRequest> {
    try {
      const { body } = await this.http.getPage<unknown>(`${this.repoPath}/pulls/${number}`);
      const reviews = await this.http.getAll<unknown>(`${this.repoPath}/pulls/${number}/reviews`, { per_page: 100 });
      return this.toPullRequest(
        body,
        reviews.map((r) => str(obj(obj(r).user).login)),
      );
    } catch (e) {
      throw noSuchPullRequest(e, this.remote, number);
    }
  }

  async listPullRequestsForBranch(branch: string, headOwner = this.remote.owner): Promise<ForgePullRequest[]> {
    const list = await this.http.getAll<unknown>(
      `${this.repoPath}/pulls`,
      { head: `${headOwner}:${branch}`, state: 'all', sort: 'created', direction: 'desc', per_page: 100 },
      100,
    );
    return list.map((pr) => this.toPullRequest(pr));
  }

  async listReviewComments(number: number, login?: string): Promise<ForgeReviewComment[]> {
    try {
      const [comments, reviews] = await Promise.all([
        this.http.getAll<unknown>(`${this.repoPath}/pulls/${number}/comments`, { per_page: 100 }),
        this.http.getAll<unknown>(`${this.repoPath}/pulls/${number}/reviews`, { per_page: 100 }),
      ]);
      const out: ForgeReviewComment[] = [];
      for (const raw of reviews) {
        const r = obj(raw);
        const body = str(r.body) ?? '';
        const state = str(r.state) ?? undefined;
        const review: ForgeReviewComment = {
          id: String(r.id ?? ''),
          author: str(obj(r.user).login),
          body,
          createdAt: str(r.submitted_at),
          url: str(r.html_url),
          kind: 'review',
        };
        if (state) review.state = state;
        out.push(review);
      }
      for (const raw of comments) {
        const c = obj(raw);
        const comment: ForgeReviewComment = {
          id: String(c.id ?? ''),
          author: str(obj(c.user).login),
          body: str(c.body) ?? '',
          createdAt: str(c.created_at),
          url: str(c.html_url),
          kind: 'comment',
        };
        const path = str(c.path);
        if (path) comment.path = path;
        out.push(comment);
      }
      const who = login?.toLowerCase();
      return who ? out.filter((c) => c.author?.toLowerCase() === who) : out;
    } catch (e) {
      throw noSuchPullRequest(e, this.remote, number);
    }
  }
}
