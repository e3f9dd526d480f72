/**
 * The HTTP side of a forge client: one JSON GET with a timeout, ETag
 * revalidation, rate-limit waits with a bound, same-origin redirects and
 * `Link`-header pagination. Uses the global `fetch` (Node 18+, VS Code's
 * extension host) unless one is injected; the clock and sleep are injectable
 * so tests never wait for real.
 *
 * The token travels only in a request header. Messages — thrown errors and
 * log lines — are built from the forge's name, host, path and status, never
 * from headers, response bodies or the underlying error's text, and a last
 * pass removes the token from them anyway.
 */

export type ForgeErrorReason = 'unauthorized' | 'forbidden' | 'not-found' | 'rate-limited' | 'timeout' | 'unreachable' | 'server' | 'bad-response';

export class ForgeError extends Error {
  constructor(
    message: string,
    readonly reason: ForgeErrorReason,
    /** The HTTP status, when the forge answered. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ForgeError';
  }
}

export interface ForgeCacheEntry {
  etag: string;
  body: unknown;
  /** The `rel="next"` URL that came with the cached page. */
  next?: string;
}

/** Where revalidated responses are kept, keyed by request URL (never holding a token). */
export interface ForgeCache {
  get(url: string): ForgeCacheEntry | undefined;
  set(url: string, entry: ForgeCacheEntry): void;
}

/** An in-memory ETag cache holding at most `limit` responses (oldest dropped first). */
export function memoryForgeCache(limit = 500): ForgeCache {
  const map = new Map<string, ForgeCacheEntry>();
  return {
    get: (url) => map.get(url),
    set: (url, entry) => {
      map.delete(url);
      map.set(url, entry);
      if (map.size > limit) map.delete(map.keys().next().value as string);
    },
  };
}

export type FetchFunction = (
  url: string,
  init: { method: string; headers: Record<string, string>; signal: AbortSignal; redirect: 'manual' },
) => Promise<FetchResponse>;

/** The part of a fetch `Response` the client uses. */
export interface FetchResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface ForgeHttpOptions {
  /** The API base URL, e.g. `https://api.github.com`, `https://ghe.example.com/api/v3`, `https://gitlab.com/api/v4`. */
  baseUrl: string;
  /** Shown in messages: `GitHub`, `GitHub Enterprise`, `GitLab`. */
  forgeName: string;
  token?: string;
  /** Headers every request sends (Accept, API version). */
  headers?: Record<string, string>;
  fetch?: FetchFunction;
  /** Milliseconds since the epoch. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Per request, body included. Default 15 s. */
  timeoutMs?: number;
  /** The longest the client waits out one rate limit or retry; longer ones fail at once with a clear error. Default 60 s. */
  maxWaitMs?: number;
  /** Retries after rate limits and server errors. Default 3. */
  maxRetries?: number;
  /** Pagination stops after this many pages. Default 50. */
  maxPages?: number;
  cache?: ForgeCache;
  /** One line per request (method, path, status); never headers or bodies. */
  log?: (line: string) => void;
}

export interface ForgePage<T> {
  body: T;
  next?: string;
}

/** The `rel="next"` target of a `Link` header. */
export function nextLink(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (m && /(?:^|;)\s*rel\s*=\s*"?(?:[^";]*\s)?next(?:\s[^";]*)?"?\s*(?:;|$)/i.test(m[2])) return m[1];
  }
  return undefined;
}

function defaultFetch(): FetchFunction {
  const f = (globalThis as { fetch?: unknown }).fetch;
  if (typeof f !== 'function') {
    return () => Promise.reject(new ForgeError('this runtime has no fetch (Node 18 or later is needed)', 'unreachable'));
  }
  return f as FetchFunction;
}

/** Seconds or an HTTP date → milliseconds from `now`. */
function retryAfterMs(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.ceil(Number(value) * 1000);
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

function seconds(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s < 120 ? `${s} s` : `${Math.ceil(s / 60)} min`;
}

export class ForgeHttp {
  private readonly fetchFn: FetchFunction;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly cache: ForgeCache;
  private readonly origin: string;
  readonly host: string;

  constructor(private readonly options: ForgeHttpOptions) {
    this.fetchFn = options.fetch ?? defaultFetch();
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.cache = options.cache ?? memoryForgeCache();
    const base = new URL(options.baseUrl);
    this.origin = base.origin;
    this.host = base.host;
  }

  /** Removes the token from any text that leaves this class. */
  private redact(text: string): string {
    const token = this.options.token;
    return token && token.length >= 4 ? text.split(token).join('***') : text;
  }

  private error(message: string, reason: ForgeErrorReason, status?: number): ForgeError {
    return new ForgeError(this.redact(message), reason, status);
  }

  private log(line: string): void {
    this.options.log?.(this.redact(line));
  }

  /** `path` (under the base) or an absolute URL of the same origin, with query parameters. */
  url(path: string, query: Record<string, string | number | undefined> = {}): string {
    const url = /^https?:\/\//i.test(path) ? new URL(path) : new URL(`${this.options.baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    return url.toString();
  }

  /** One page: the JSON body and the `rel="next"` link. */
  async getPage<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<ForgePage<T>> {
    let url = this.url(path, query);
    const shownPath = (u: string): string => {
      const parsed = new URL(u);
      return `${parsed.pathname}${parsed.search}`;
    };
    const maxWait = this.options.maxWaitMs ?? 60_000;
    const maxRetries = this.options.maxRetries ?? 3;
    let redirects = 0;
    for (let attempt = 0; ; attempt++) {
      if (new URL(url).origin !== this.origin)
        throw this.error(`${this.options.forgeName} sent Lodestar to another host (${new URL(url).host}); not following`, 'bad-response');
      const cached = this.cache.get(url);
      const headers: Record<string, string> = { 'User-Agent': 'lodestar-vscode', Accept: 'application/json', ...this.options.headers };
      if (this.options.token) headers.Authorization = `Bearer ${this.options.token}`;
      if (cached) headers['If-None-Match'] = cached.etag;
      const { status, responseHeaders, text } = await this.send(url, headers);
      this.log(`GET ${shownPath(url)} → ${status}${status === 304 ? ' (cached)' : ''}`);
      if (status === 304 && cached) return { body: cached.body as T, next: cached.next };
      if (status >= 200 && status < 300) {
        let body: T;
        try {
          body = JSON.parse(text) as T;
        } catch {
          throw this.error(`${this.options.forgeName} at ${this.host} sent a response that is not JSON (${shownPath(url)})`, 'bad-response', status);
        }
        const next = nextLink(responseHeaders.get('link'));
        const etag = responseHeaders.get('etag');
        if (etag) this.cache.set(url, next ? { etag, body, next } : { etag, body });
        return next ? { body, next } : { body };
      }
      if ([301, 302, 307, 308].includes(status)) {
        const location = responseHeaders.get('location');
        if (!location || ++redirects > 3)
          throw this.error(`${this.options.forgeName} at ${this.host} redirected too often (${shownPath(url)})`, 'bad-response', status);
        url = new URL(location, url).toString();
        attempt--;
        continue;
      }
      if (status === 401) {
        throw this.error(
          `${this.options.forgeName} at ${this.host} did not accept the sign-in (it has expired or been revoked): sign in again`,
          'unauthorized',
          status,
        );
      }
      const wait = this.rateLimitWait(status, responseHeaders, text, attempt);
      if (wait !== undefined) {
        if (wait > maxWait || attempt >= maxRetries) {
          throw this.error(`${this.options.forgeName} at ${this.host} is rate limiting requests: try again in ${seconds(wait)}`, 'rate-limited', status);
        }
        this.log(`rate limited by ${this.host}: waiting ${seconds(wait)}`);
        await this.sleep(wait);
        continue;
      }
      if (status === 403)
        throw this.error(
          `${this.options.forgeName} at ${this.host} refused access to ${shownPath(url)} (the sign-in may lack a permission)`,
          'forbidden',
          status,
        );
      if (status === 404)
        throw this.error(`${this.options.forgeName} at ${this.host} has nothing at ${shownPath(url)} (or the sign-in cannot see it)`, 'not-found', status);
      if (status >= 500 && attempt < maxRetries) {
        const backoff = Math.min(1000 * 2 ** attempt, maxWait);
        this.log(`${this.host} answered ${status}: retrying in ${seconds(backoff)}`);
        await this.sleep(backoff);
        continue;
      }
      throw this.error(`${this.options.forgeName} at ${this.host} answered ${status} for ${shownPath(url)}`, status >= 500 ? 'server' : 'bad-response', status);
    }
  }

  /** Every item of a paginated list, following `Link: <…>; rel="next"` (same host only), up to `maxItems`. */
  async getAll<T>(path: string, query: Record<string, string | number | undefined> = {}, maxItems = Infinity): Promise<T[]> {
    const items: T[] = [];
    let page = await this.getPage<unknown>(path, query);
    for (let pages = 1; ; pages++) {
      if (!Array.isArray(page.body)) throw this.error(`${this.options.forgeName} at ${this.host} sent something other than a list for ${path}`, 'bad-response');
      items.push(...(page.body as T[]));
      if (!page.next || items.length >= maxItems || pages >= (this.options.maxPages ?? 50)) break;
      page = await this.getPage<unknown>(page.next);
    }
    return items.slice(0, maxItems);
  }

  private rateLimitWait(status: number, headers: FetchResponse['headers'], text: string, attempt: number): number | undefined {
    if (status !== 403 && status !== 429) return undefined;
    const now = this.now();
    const after = retryAfterMs(headers.get('retry-after'), now);
    if (after !== undefined) return after;
    const remaining = headers.get('x-ratelimit-remaining') ?? headers.get('ratelimit-remaining');
    const reset = headers.get('x-ratelimit-reset') ?? headers.get('ratelimit-reset');
    if (remaining === '0' && reset && /^\d+$/.test(reset)) return Math.max(0, Number(reset) * 1000 - now) + 1000;
    if (status === 429) return Math.min(1000 * 2 ** attempt, 60_000);
    // GitHub's secondary limits: a 403 whose message says so, without headers: wait a minute.
    if (/rate limit/i.test(text.slice(0, 2000))) return 60_000;
    return undefined;
  }

  private async send(url: string, headers: Record<string, string>): Promise<{ status: number; responseHeaders: FetchResponse['headers']; text: string }> {
    const timeoutMs = this.options.timeoutMs ?? 15_000;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await this.fetchFn(url, { method: 'GET', headers, signal: controller.signal, redirect: 'manual' });
      const text = await response.text();
      return { status: response.status, responseHeaders: response.headers, text };
    } catch (e) {
      if (e instanceof ForgeError) throw this.error(e.message, e.reason, e.status);
      if (timedOut)
        throw this.error(
          `${this.options.forgeName} at ${this.host} did not answer within ${seconds(timeoutMs)}: it may be down or slow; try again later`,
          'timeout',
        );
      const code = (e as { cause?: { code?: unknown } }).cause?.code;
      const detail = typeof code === 'string' && /^[A-Z_]+$/.test(code) ? ` (${code})` : '';
      throw this.error(`cannot reach ${this.options.forgeName} at ${this.host}${detail}`, 'unreachable');
    } finally {
      clearTimeout(timer);
    }
  }
}
