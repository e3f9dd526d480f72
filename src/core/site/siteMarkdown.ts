import MarkdownIt from 'markdown-it';
import { isForgeFileUrl } from '../records/forgeAddresses';
import { escapeHtml } from './siteHtml';

/**
 * What a link or image in a record points at, decided by the page builder:
 * another page of the site, a file copied next to the pages, a web address,
 * or nothing that is published (a mentoring note, a missing file).
 */
export type LinkTarget = { href: string } | { unpublished: string };

/**
 * A record's body rendered before the site's pages are known: finished HTML
 * except for its links and images to paths in the repository, which are
 * marks that {@link finishBody} replaces once it knows where each one goes.
 * Drafts need nothing but the record's text, so they can be made while the
 * index is still being built (in a worker thread, see `siteRenderWorker`).
 */
export interface BodyDraft {
  html: string;
  refs: DraftRef[];
  /** The record had ```mermaid blocks. */
  hasMermaid: boolean;
  /**
   * The words of the body for the search index: the text of its paragraphs,
   * headings, tables, lists, image descriptions and code, without markup or
   * link targets, one space between lines and blocks, cut at {@link MAX_SEARCH_TEXT}.
   */
  searchText: string;
}

export const MAX_SEARCH_TEXT = 20_000;

/** A link or image to a path in the repository: the href as written (normalised by markdown-it) and the rest of its tag. */
export interface DraftRef {
  kind: 'link' | 'image';
  href: string;
  /** The tag's attributes after `href`/`src`, rendered (`" title=\"…\""`, an image's `" alt=\"…\""`). */
  rest: string;
  /** An image's alt text, for the words shown when the image is not published. */
  alt?: string;
}

interface DraftEnv {
  mark: string;
  refs: DraftRef[];
  hasMermaid: boolean;
  searchText: string;
}

type Token = MarkdownIt.Token;
type MakeToken = (type: string, tag: string, nesting: MarkdownIt.Token.Nesting) => Token;

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const WEB_SCHEMES = new Set(['http', 'https', 'mailto']);
// A ref's mark in a draft: `\u0001<mark>o3\u0002` is ref 3's opening tag (`o`), closing tag (`c`) or image (`i`).

/**
 * A random mark for one build's drafts: a record cannot contain a mark it
 * cannot know, so text that looks like one is never mistaken for a link.
 */
export function draftMark(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The one Markdown renderer of the site: markdown-it with raw HTML escaped
 * (`html: false`), no typographer (so the text reads as written), heading
 * anchors, web links marked `rel="noopener noreferrer"`, web images turned
 * into links (no remote resources), and links and images to repository
 * paths left as marks for {@link finishBody}.
 */
export function createSiteMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const defaultFence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (token.info.trim().split(/\s+/)[0].toLowerCase() === 'mermaid') {
      (env as DraftEnv).hasMermaid = true;
      // Readable as code without the script; the script draws it in place.
      return `<pre class="mermaid" aria-label="Diagram (Mermaid source)">${escapeHtml(token.content)}</pre>\n`;
    }
    return defaultFence(tokens, idx, options, env, self);
  };
  md.core.ruler.push('lodestar_site', (state) => {
    const env = state.env as DraftEnv;
    dropLeadingTitle(state.tokens);
    const slugs = new Map<string, number>();
    let words = '';
    for (let i = 0; i < state.tokens.length; i++) {
      const t = state.tokens[i];
      if (t.type === 'heading_open') {
        const text = state.tokens[i + 1]?.children?.map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : '')).join('') ?? '';
        t.attrSet('id', uniqueSlug(text, slugs));
      }
      if (t.type === 'inline' && t.children) {
        markInline(t.children, env.refs, (type, tag, nesting) => new state.Token(type, tag, nesting));
        words += ' ';
        // Text, code and image descriptions have content; markup tokens (`strong_open`, links) have none.
        for (const c of t.children) words += c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : c.content;
      } else if (t.type === 'fence' || t.type === 'code_block') words += ` ${t.content.replace(/\s+/g, ' ')}`;
    }
    env.searchText = collapseSpace(words);
  });
  const mark = (env: DraftEnv, kind: string, ref: number): string => `\u0001${env.mark}${kind}${ref}\u0002`;
  md.renderer.rules[REF_OPEN] = (tokens, idx, _options, env: DraftEnv, self) => {
    const t = tokens[idx];
    env.refs[t.meta as number].rest = self.renderAttrs({ attrs: t.attrs?.filter(([name]) => name !== 'href') ?? null } as Token);
    return mark(env, 'o', t.meta as number);
  };
  md.renderer.rules[REF_CLOSE] = (tokens, idx, _options, env: DraftEnv) => mark(env, 'c', tokens[idx].meta as number);
  md.renderer.rules[REF_IMAGE] = (tokens, idx, options, env: DraftEnv, self) => {
    const t = tokens[idx];
    const ref = env.refs[t.meta as number];
    // As markdown-it's own image rule: the alt attribute is the alt text's words.
    const alt = t.attrs?.find(([name]) => name === 'alt');
    if (alt) alt[1] = self.renderInlineAsText(t.children ?? [], options, env);
    ref.rest = self.renderAttrs({ attrs: t.attrs?.filter(([name]) => name !== 'src') ?? null } as Token);
    return mark(env, 'i', t.meta as number);
  };
  return md;
}

const REF_OPEN = 'lodestar_ref_open';
const REF_CLOSE = 'lodestar_ref_close';
const REF_IMAGE = 'lodestar_ref_image';

/** Renders a record's body (the text after its front matter) with its repository links left as marks. */
export function draftBody(md: MarkdownIt, body: string, mark: string): BodyDraft {
  const env: DraftEnv = { mark, refs: [], hasMermaid: false, searchText: '' };
  const html = md.render(body, env);
  return { html, refs: env.refs, hasMermaid: env.hasMermaid, searchText: env.searchText };
}

/**
 * The draft's HTML with each repository link and image where it goes
 * (`targets`: one per ref, in order): a link to the page or copied file, or,
 * when that is not published, its words in a `<span class="unpublished">`
 * that says why on hover.
 */
export function finishBody(draft: Pick<BodyDraft, 'html' | 'refs'>, mark: string, targets: readonly LinkTarget[]): string {
  if (draft.refs.length === 0) return draft.html;
  const html = draft.html;
  let out = '';
  let from = 0;
  for (const m of marksIn(html, mark, draft.refs, targets)) {
    out += html.slice(from, m.at) + m.text;
    from = m.end;
  }
  return out + html.slice(from);
}

/**
 * {@link finishBody} of a draft kept as UTF-8 bytes (the site worker keeps
 * its drafts so, out of the garbage collector's way): the page body's bytes,
 * in pieces to write one after another. The marks are ASCII, so they are
 * found in the bytes as in the text, and the bytes are the same.
 */
export function finishBodyBytes(html: Buffer, refs: readonly DraftRef[], mark: string, targets: readonly LinkTarget[]): Buffer[] {
  if (refs.length === 0) return [html];
  const pieces: Buffer[] = [];
  let from = 0;
  for (const m of marksIn(html, mark, refs, targets)) {
    pieces.push(html.subarray(from, m.at), Buffer.from(m.text, 'utf8'));
    from = m.end;
  }
  pieces.push(html.subarray(from));
  return pieces;
}

/** Each ref mark in a draft, in order: what replaces `[at, end)`. Text that only looks like a mark is passed over. */
function* marksIn(
  html: string | Buffer,
  mark: string,
  refs: readonly DraftRef[],
  targets: readonly LinkTarget[],
): Generator<{ at: number; end: number; text: string }> {
  const key = `\u0001${mark}`;
  const text = (start: number, end: number): string => (typeof html === 'string' ? html.slice(start, end) : html.toString('latin1', start, end));
  let from = 0;
  for (let at = html.indexOf(key); at !== -1; at = html.indexOf(key, from)) {
    const kind = text(at + key.length, at + key.length + 1);
    const end = html.indexOf('\u0002', at);
    const n = Number(text(at + key.length + 1, end));
    const ref = refs[n];
    const target = targets[n];
    if (end === -1 || !ref || !target || (kind !== 'o' && kind !== 'c' && kind !== 'i')) {
      // Not a mark this draft wrote (it cannot be: the mark is random); kept as it is.
      from = at + key.length;
      yield { at: from, end: from, text: '' };
      continue;
    }
    yield { at, end: end + 1, text: finishRef(ref, kind, target) };
    from = end + 1;
  }
}

function finishRef(ref: DraftRef, kind: 'o' | 'c' | 'i', target: LinkTarget): string {
  if (kind === 'i') {
    if ('href' in target) return `<img src="${attr(target.href)}"${ref.rest}>`;
    return `<span class="unpublished" title="${attr(target.unpublished)}">Image: ${attr(ref.alt ?? '')}</span>`;
  }
  if (kind === 'c') return 'href' in target ? '</a>' : '</span>';
  // A forge address that became a link to a record's page drops the rel it had as a web link.
  if ('href' in target) return `<a href="${attr(target.href)}"${SCHEME.test(target.href) ? ref.rest : ref.rest.replace(' rel="noopener noreferrer"', '')}>`;
  return `<span class="unpublished" title="${attr(target.unpublished)}">`;
}

const ATTR_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** markdown-it's own escaping of text and attribute values, so a finished link reads as if markdown-it had written it. */
function attr(s: string): string {
  return /[&<>"]/.test(s) ? s.replace(/[&<>"]/g, (c) => ATTR_ESCAPES[c]) : s;
}

/**
 * Runs of spaces one space, none at the ends, cut at {@link MAX_SEARCH_TEXT}.
 * Lines and code were joined with spaces already; a tab or no-break space
 * inside a line stays (the site's search splits on any whitespace), which
 * spares a pass over every character.
 */
function collapseSpace(text: string): string {
  const collapsed = (text.includes('  ') ? text.replace(/ {2,}/g, ' ') : text).trim();
  return collapsed.length > MAX_SEARCH_TEXT ? collapsed.slice(0, MAX_SEARCH_TEXT) : collapsed;
}

/** Where a link with a scheme goes: web addresses stay (as links), anything else (`javascript:`, `file:`) is not published. */
function schemeTarget(scheme: string, href: string): LinkTarget {
  return WEB_SCHEMES.has(scheme.toLowerCase()) ? { href } : { unpublished: 'not a web address' };
}

/** The page shows the title in its own header: a first `# Title` in the body would say it twice. */
function dropLeadingTitle(tokens: Token[]): void {
  if (tokens[0]?.type === 'heading_open' && tokens[0].tag === 'h1' && tokens[2]?.type === 'heading_close') tokens.splice(0, 3);
}

/**
 * Links and images in one inline run: those with a scheme are decided here,
 * those to repository paths become refs (their tokens renamed so the
 * renderer writes marks for them).
 */
function markInline(children: Token[], refs: DraftRef[], token: MakeToken): void {
  for (let i = 0; i < children.length; i++) {
    const t = children[i];
    if (t.type === 'link_open') {
      const href = t.attrGet('href') ?? '';
      if (href.startsWith('#')) continue;
      const scheme = SCHEME.exec(href);
      // A file's address on a forge may be a record of this repository: where it goes is decided with the paths'.
      const forgeFile = scheme !== null && isForgeFileUrl(href);
      if (!scheme || forgeFile) {
        if (forgeFile) t.attrSet('rel', 'noopener noreferrer');
        t.type = REF_OPEN;
        t.meta = refs.length;
        const close = matchingClose(children, i);
        if (close) {
          close.type = REF_CLOSE;
          close.meta = refs.length;
        }
        refs.push({ kind: 'link', href, rest: '' });
        continue;
      }
      const target = schemeTarget(scheme[1], href);
      if ('href' in target) t.attrSet('rel', 'noopener noreferrer');
      else {
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
      const alt = t.children?.map((c) => c.content).join('') || src;
      const scheme = SCHEME.exec(src);
      if (!scheme) {
        t.type = REF_IMAGE;
        t.meta = refs.length;
        refs.push({ kind: 'image', href: src, rest: '', alt });
        continue;
      }
      // No remote resources: a web image becomes a link to it, any other its alt text.
      const target = schemeTarget(scheme[1], src);
      const open = 'href' in target ? token('link_open', 'a', 1) : token('span_open', 'span', 1);
      open.attrs =
        'href' in target
          ? [
              ['href', target.href],
              ['rel', 'noopener noreferrer'],
              ['class', 'remote-image'],
            ]
          : [
              ['class', 'unpublished'],
              ['title', target.unpublished],
            ];
      const text = token('text', '', 0);
      text.content = `Image: ${alt}`;
      const replacement = [open, text, token('href' in target ? 'link_close' : 'span_close', 'href' in target ? 'a' : 'span', -1)];
      children.splice(i, 1, ...replacement);
      i += replacement.length - 1;
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
  // ASCII text (most headings) takes the same rule without Unicode property classes, several times faster.
  const dropped = ASCII.test(text) ? NOT_WORD_ASCII : NOT_WORD;
  const base = text.trim().toLowerCase().replace(dropped, '').replace(/\s/g, '-') || 'section';
  const n = seen.get(base);
  seen.set(base, (n ?? -1) + 1);
  return n === undefined ? base : `${base}-${n + 1}`;
}

const ASCII = /^[\x00-\x7f]*$/;
const NOT_WORD = /[^\p{L}\p{N}\s_-]/gu;
const NOT_WORD_ASCII = /[^A-Za-z0-9\s_-]/g;
