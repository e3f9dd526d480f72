/** Escaping for text and attribute values in the site's pages. */

// The one HTML/XML escaper, under the name the site's pages use.
export { escapeXml as escapeHtml } from '../records/escaping';

const JSON_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** Serialised JSON that can sit inside a `<script type="application/json">` block without ending it early. */
export function scriptSafeJson(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => JSON_ESCAPES[c]);
}

/** Paths that `encodeURIComponent` leaves as they are, segment by segment. */
const URL_SAFE_PATH = /^[A-Za-z0-9\-_.!~*'()/]*$/;

/** A relative URL from one page of the site to another path of it (both relative to the site root, `/`-separated). */
export function relativeUrl(fromPage: string, toPath: string): string {
  // Most links go to the site root's index or to a page in the same folder.
  const slash = fromPage.lastIndexOf('/');
  if (slash === -1) return encodePath(toPath);
  if (toPath.startsWith(fromPage.slice(0, slash + 1)) && toPath.indexOf('/', slash + 1) === -1) return encodePath(toPath.slice(slash + 1));
  // Or to a path with no folder in common (the index page, the assets): up to the root and down.
  const toFirst = toPath.indexOf('/');
  if (toFirst === -1 || !fromPage.startsWith(toPath.slice(0, toFirst + 1))) {
    let up = '';
    for (let i = fromPage.indexOf('/'); i !== -1; i = fromPage.indexOf('/', i + 1)) up += '../';
    return up + encodePath(toPath);
  }
  const from = fromPage.split('/').slice(0, -1);
  const to = toPath.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  const up = from.slice(i).map(() => '..');
  return encodePath([...up, ...to.slice(i)].join('/'));
}

/** Percent-encodes each segment of a path, leaving the `/` between them. */
export function encodePath(path: string): string {
  if (URL_SAFE_PATH.test(path)) return path;
  return path
    .split('/')
    .map((seg) => (seg === '..' ? seg : encodeURIComponent(seg)))
    .join('/');
}
