import { ForgeClient, ForgeClientOptions, ForgePullRequest, ForgeReviewComment, noSuchPullRequest, obj, str, uniqueLogins } from './forgeTypes';
import { ForgeHttp } from './forgeHttp';
import { projectPath, pullRequestUrl, RemoteRepo } from './remotes';

/** GitLab (gitlab.com and self-managed): REST v4, projects addressed by their URL-encoded path (`group%2Fsub%2Fproject`). */
export class GitLabClient implements ForgeClient {
  readonly kind = 'gitlab' as const;
  private readonly http: ForgeHttp;
  private readonly projectApi: string;

  constructor(
    private readonly remote: RemoteRepo,
    readonly apiBase: string,
    options: ForgeClientOptions,
  ) {
    this.http = new ForgeHttp({ ...options, baseUrl: apiBase, forgeName: 'GitLab' });
    this.projectApi = `projects/${encodeURIComponent(projectPath(remote))}`;
  }

  private toMergeRequest(raw: unknown): ForgePullRequest {
    const mr = obj(raw);
    const number = typeof mr.iid === 'number' ? mr.iid : 0;
    const author = str(obj(mr.author).username);
    const state = str(mr.state);
    const reviewers = Array.isArray(mr.reviewers) ? mr.reviewers.map((u) => str(obj(u).username)) : [];
    return {
      number,
      url: str(mr.web_url) ?? pullRequestUrl(this.remote, number),
      title: str(mr.title) ?? '',
      state: state === 'merged' ? 'merged' : state === 'opened' ? 'open' : 'closed',
      merged: state === 'merged',
      mergedAt: str(mr.merged_at),
      author,
      reviewers: uniqueLogins(reviewers, author),
      sourceBranch: str(mr.source_branch),
    };
  }

  async getPullRequest(number: number): Promise<ForgePullRequest> {
    try {
      const { body } = await this.http.getPage<unknown>(`${this.projectApi}/merge_requests/${number}`);
      return this.toMergeRequest(body);
    } catch (e) {
      throw noSuchPullRequest(e, this.remote, number, '!');
    }
  }

  async listPullRequestsForBranch(branch: string): Promise<ForgePullRequest[]> {
    const list = await this.http.getAll<unknown>(
      `${this.projectApi}/merge_requests`,
      { source_branch: branch, state: 'all', order_by: 'created_at', sort: 'desc', per_page: 100 },
      100,
    );
    return list.map((mr) => this.toMergeRequest(mr));
  }

  async listReviewComments(number: number, login?: string): Promise<ForgeReviewComment[]> {
    try {
      const notes = await this.http.getAll<unknown>(`${this.projectApi}/merge_requests/${number}/notes`, {
        sort: 'asc',
        order_by: 'created_at',
        per_page: 100,
      });
      const who = login?.toLowerCase();
      const out: ForgeReviewComment[] = [];
      for (const raw of notes) {
        const n = obj(raw);
        if (n.system === true) continue;
        const author = str(obj(n.author).username);
        if (who && author?.toLowerCase() !== who) continue;
        const comment: ForgeReviewComment = {
          id: String(n.id ?? ''),
          author,
          body: str(n.body) ?? '',
          createdAt: str(n.created_at),
          url: null,
          kind: 'comment',
        };
        const path = str(obj(n.position).new_path);
        if (path) comment.path = path;
        out.push(comment);
      }
      return out;
    } catch (e) {
      throw noSuchPullRequest(e, this.remote, number, '!');
    }
  }
}
