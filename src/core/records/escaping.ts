/**
 * Text made safe for the formats Lodestar writes, one escaper per target: HTML/SVG/XML ({@link escapeXml}),
 * Markdown text ({@link escapeMarkdown}, also safe in a table cell), Markdown links ({@link markdownLink}), and
 * the decision index's link labels and table cells.
 */

/** Text and attribute values in HTML, SVG and XML. */
export function escapeXml(s: string): string {
  // Most text holds none of these: returned as it is, with no new string.
  return XML_SPECIAL.test(s) ? s.replace(XML_SPECIALS, (c) => XML_ENTITIES[c]) : s;
}

const XML_SPECIAL = /[&<>"']/;
const XML_SPECIALS = /[&<>"']/g;
const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text that Markdown shows as written: no HTML (`<`, `>`, `&` become
 * entities), no emphasis, code, links, images, table cells or
 * strike-through (their punctuation is backslash-escaped; with `[` and `]`
 * escaped, `(`, `)` and `!` can start nothing), one line. A trailing `#`
 * is escaped too, so a heading keeps it.
 */
export function escapeMarkdown(text: string): string {
  // Most titles, names and statuses hold none of these: returned as they are, without six passes over them.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/#$/, '\\#');
}

const NEEDS_ESCAPE = /[\r\n\t\u2028\u2029&<>\\`*_[\]|~]|#$/;
/** A relative path that encoding would leave as it is: segments of characters `encodeURIComponent` keeps (less `'()!*`). */
const PLAIN_PATH = /^[A-Za-z0-9_.~\/-]+$/;

/**
 * `[label](href)` when the href is safe: an http(s) URL, or a relative path
 * (each segment percent-encoded, so `javascript:` or `data:` can never be
 * read as a scheme). Anything else is shown as escaped text.
 */
export function markdownLink(label: string, href: string): string {
  const text = escapeMarkdown(label) || escapeMarkdown(href);
  const safe = safeHref(href);
  return safe === undefined ? text : `[${text}](${safe})`;
}

function safeHref(href: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      return undefined;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.href.replace(/[()[\]<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  }
  if (PLAIN_PATH.test(href)) return href;
  if (href.trim() === '' || /[\r\n]/.test(href)) return undefined;
  return href
    .replace(/\\/g, '/')
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/** Link text in the decision index: brackets only, so its lines stay as adr-tools-like tools write them. */
export function escapeLinkLabel(s: string): string {
  return s.replace(/[[\]]/g, '\\$&');
}

/** A table cell of the decision index: its link text, with `|` escaped. */
export function escapeTableCell(s: string): string {
  return escapeLinkLabel(s).replace(/\|/g, '\\|');
}
