import MarkdownIt from 'markdown-it';
import { escapeHtml } from './siteHtml';

/**
 * What a link or image in a record points at, decided by the page builder:
 * another page of the site, a file copied next to the pages, a web address,
 * or nothing that is published (a mentoring note, a missing file).
 */
export type LinkTarget = { href: string } | { unpublished: string };

/** Resolves an `href`/`src` written in a record to where it goes on the site. */
export type LinkResolver = (href: string, kind: 'link' | 'image') => LinkTarget;

export interface RenderedBody {
  html: string;
  /** The record had ```mermaid blocks. */
  hasMermaid: boolean;
}

type Token = MarkdownIt.Token;
type MakeToken = (type: string, tag: string, nesting: MarkdownIt.Token.Nesting) => Token;

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The one Markdown renderer of the site: markdown-it with raw HTML escaped
 * (`html: false`), no typographer (so the text reads as written), heading
 * anchors, and every link and image sent through the resolver.
 */
export function createSiteMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const defaultFence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (token.info.trim().split(/\s+/)[0].toLowerCase() === 'mermaid') {
      (env as RenderEnv).hasMermaid = true;
      // Readable as code without the script; the script draws it in place.
      return `<pre class="mermaid" aria-label="Diagram (Mermaid source)">${escapeHtml(token.content)}</pre>\n`;
    }
    return defaultFence(tokens, idx, options, env, self);
  };
  md.core.ruler.push('lodestar_site', (state) => {
    const env = state.env as RenderEnv;
    dropLeadingTitle(state.tokens);
    const slugs = new Map<string, number>();
    for (let i = 0; i < state.tokens.length; i++) {
      const t = state.tokens[i];
      if (t.type === 'heading_open') {
        const text = state.tokens[i + 1]?.children?.map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : '')).join('') ?? '';
        t.attrSet('id', uniqueSlug(text, slugs));
      }
      if (t.type === 'inline' && t.children) rewriteInline(t.children, env.resolve, (type, tag, nesting) => new state.Token(type, tag, nesting));
    }
  });
  return md;
}

interface RenderEnv {
  resolve: LinkResolver;
  hasMermaid: boolean;
}

export function renderRecordBody(md: MarkdownIt, body: string, resolve: LinkResolver): RenderedBody {
  const env: RenderEnv = { resolve, hasMermaid: false };
  const html = md.render(body, env);
  return { html, hasMermaid: env.hasMermaid };
}

/** The page shows the title in its own header: a first `# Title` in the body would say it twice. */
function dropLeadingTitle(tokens: Token[]): void {
  if (tokens[0]?.type === 'heading_open' && tokens[0].tag === 'h1' && tokens[2]?.type === 'heading_close') tokens.splice(0, 3);
}

function rewriteInline(children: Token[], resolve: LinkResolver, token: MakeToken): void {
  for (let i = 0; i < children.length; i++) {
    const t = children[i];
    if (t.type === 'link_open') {
      const href = t.attrGet('href') ?? '';
      if (href.startsWith('#')) continue;
      const target = resolve(href, 'link');
      if ('href' in target) {
        t.attrSet('href', target.href);
        if (SCHEME.test(target.href)) t.attrSet('rel', 'noopener noreferrer');
      } else {
        // Not published: the words stay, the link goes (and says why on hover).
        t.tag = 'span';
        t.attrs = [
          ['class', 'unpublished'],
          ['title', target.unpublished],
        ];
        const close = matchingClose(children, i);
        if (close) close.tag = 'span';
      }
    } else if (t.type === 'image') {
      const src = t.attrGet('src') ?? '';
      const target = resolve(src, 'image');
      if ('href' in target && !SCHEME.test(target.href)) t.attrSet('src', target.href);
      else {
        // No remote resources: a web image becomes a link to it, a missing one its alt text.
        const alt = t.children?.map((c) => c.content).join('') || src;
        const replacement: Token[] = [];
        if ('href' in target) {
          const open = token('link_open', 'a', 1);
          open.attrs = [
            ['href', target.href],
            ['rel', 'noopener noreferrer'],
            ['class', 'remote-image'],
          ];
          const text = token('text', '', 0);
          text.content = `Image: ${alt}`;
          replacement.push(open, text, token('link_close', 'a', -1));
        } else {
          const open = token('span_open', 'span', 1);
          open.attrs = [
            ['class', 'unpublished'],
            ['title', target.unpublished],
          ];
          const text = token('text', '', 0);
          text.content = `Image: ${alt}`;
          replacement.push(open, text, token('span_close', 'span', -1));
        }
        children.splice(i, 1, ...replacement);
        i += replacement.length - 1;
      }
    }
  }
}

function matchingClose(children: Token[], openIndex: number): Token | undefined {
  let depth = 0;
  for (let j = openIndex + 1; j < children.length; j++) {
    if (children[j].type === 'link_open') depth++;
    else if (children[j].type === 'link_close') {
      if (depth === 0) return children[j];
      depth--;
    }
  }
  return undefined;
}

/** GitHub's way: lower-case, punctuation dropped, spaces to dashes; repeats get `-1`, `-2`. */
export function uniqueSlug(text: string, seen: Map<string, number>): string {
  const base =
    text
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-') || 'section';
  const n = seen.get(base);
  seen.set(base, (n ?? -1) + 1);
  return n === undefined ? base : `${base}-${n + 1}`;
}

export function isWebAddress(href: string): boolean {
  return SCHEME.test(href);
}
