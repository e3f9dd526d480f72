/**
 * The site's own stylesheet and scripts, written out as `assets/…`: no
 * framework, no remote font, nothing inline (the pages' CSP forbids it).
 */

export const SITE_CSS = `:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --panel: #f6f8fa;
  --link: #0550ae; --focus: #0969da; --mark: #fff8c5;
  --accepted: #116329; --proposed: #7d4e00; --rejected: #a40e26; --superseded: #57606a; --other: #3b4a5c;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9aa5b1; --line: #30363d; --panel: #161b22;
    --link: #6cb6ff; --focus: #58a6ff; --mark: #5c4a00;
    --accepted: #56d364; --proposed: #e3b341; --rejected: #ff7b72; --superseded: #9aa5b1; --other: #a5b4c6;
  }
}
* { box-sizing: border-box; }
html { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--fg); }
body { margin: 0; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .5rem 1rem; }
.skip:focus { left: 1rem; }
.site-header { border-bottom: 1px solid var(--line); background: var(--panel); }
.site-header p { margin: 0 auto; max-width: 62rem; padding: .6rem 1.25rem; font-weight: 600; }
main { max-width: 62rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
footer { max-width: 62rem; margin: 0 auto; padding: 1rem 1.25rem 2rem; color: var(--muted); border-top: 1px solid var(--line); font-size: .9rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: .6rem 0 1rem; }
h2 { font-size: 1.35rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
.filters { display: flex; flex-wrap: wrap; gap: .75rem 1rem; align-items: end; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; }
.filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); gap: .2rem; }
.filters input, .filters select, .filters button { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: .3rem .5rem; }
.filters input { min-width: 16rem; }
.filters button { cursor: pointer; }
#count { color: var(--muted); margin: .75rem 0 0; }
ul.records { list-style: none; padding: 0; margin: 0; }
ul.records > li { padding: .45rem 0; border-bottom: 1px solid var(--line); }
ul.records > li > a { text-decoration: none; }
ul.records > li > a > .title { text-decoration: underline; }
/* hidden wins over every display rule: the filters stay out of sight without JavaScript. */
[hidden] { display: none !important; }
.num { font-variant-numeric: tabular-nums; color: var(--muted); margin-right: .35rem; }
.status { display: inline-block; font-size: .8rem; font-weight: 600; border: 1px solid currentColor; border-radius: 999px; padding: 0 .5rem; margin-left: .4rem; color: var(--other); }
.status-accepted, .status-approved, .status-implemented { color: var(--accepted); }
.status-proposed, .status-draft, .status-in-review { color: var(--proposed); }
.status-rejected, .status-withdrawn, .status-deprecated { color: var(--rejected); }
.status-superseded { color: var(--superseded); }
ul.records time { color: var(--muted); font-size: .9rem; margin-left: .4rem; }
.meta { color: var(--muted); font-size: .9rem; margin: 0; }
ul.tags { display: inline; list-style: none; padding: 0; margin: 0 0 0 .4rem; }
ul.tags li { display: inline-block; font-size: .8rem; background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: 0 .35rem; margin-right: .25rem; }
.snippet { margin: .2rem 0 0; color: var(--muted); font-size: .9rem; }
mark { background: var(--mark); color: inherit; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
nav.record-links ul { padding-left: 1.2rem; }
.unpublished { text-decoration: underline dotted; }
article { overflow-wrap: anywhere; }
article img { max-width: 100%; height: auto; }
article pre, pre.mermaid { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .75rem; overflow: auto; }
article code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
article table { border-collapse: collapse; }
article th, article td { border: 1px solid var(--line); padding: .3rem .6rem; }
article blockquote { margin-left: 0; padding-left: 1rem; border-left: 4px solid var(--line); color: var(--muted); }
pre.mermaid[data-drawn] { background: transparent; border: 0; }
.diagram-note { color: var(--muted); font-size: .9rem; font-style: italic; }
`;

/**
 * Filters and search-as-you-type of `index.html`: reads the data block the page carries (every record but its text),
 * and the texts from assets/search-text.js when a search first asks for them (a script, not a fetch, so
 * `file://` works); until they are there, a search looks at titles and tags and says the texts are loading.
 */
export const SITE_JS = `(function () {
  'use strict';
  var form = document.getElementById('filters');
  var dataBlock = document.getElementById('search-data');
  if (!form || !dataBlock) return;
  var entries = JSON.parse(dataBlock.textContent || '[]');
  function fold(s) { s = String(s); return /[^\\x00-\\x7f]/.test(s) ? s.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase() : s.toLowerCase(); }
  var byPath = {};
  entries.forEach(function (e) { e.text = ''; e.folded = fold(e.title + ' ' + e.tags.join(' ')); byPath[e.path] = e; });
  var texts = 'none';
  function loadTexts() {
    if (texts !== 'none') return;
    texts = 'loading';
    var script = document.createElement('script');
    script.src = 'assets/search-text.js';
    script.onload = function () {
      var all = window.lodestarSearchTexts;
      if (Array.isArray(all) && all.length === entries.length) {
        entries.forEach(function (e, i) { e.text = String(all[i] || ''); e.folded = fold(e.title + ' ' + e.tags.join(' ') + ' ' + e.text); });
        texts = 'loaded';
      } else texts = 'failed';
      apply();
    };
    script.onerror = function () { texts = 'failed'; apply(); };
    document.head.appendChild(script);
  }
  var q = document.getElementById('q'), status = document.getElementById('status'), tag = document.getElementById('tag'), folder = document.getElementById('folder');
  var count = document.getElementById('count');
  var items = Array.prototype.slice.call(document.querySelectorAll('ul.records > li[data-path]'));
  form.hidden = false;
  function snippet(text, words) {
    var folded = fold(text), at = -1;
    for (var i = 0; i < words.length && at < 0; i++) at = folded.indexOf(words[i]);
    if (at < 0) return '';
    var start = Math.max(0, at - 60), end = Math.min(text.length, at + 100);
    return (start > 0 ? '\\u2026' : '') + text.slice(start, end).replace(/\\s+/g, ' ') + (end < text.length ? '\\u2026' : '');
  }
  function apply() {
    var words = fold(q.value).split(/\\s+/).filter(Boolean), shown = 0;
    if (words.length) loadTexts();
    items.forEach(function (li) {
      var e = byPath[li.getAttribute('data-path')];
      var ok = !!e && (!status.value || e.status === status.value) && (!tag.value || e.tags.indexOf(tag.value) >= 0) && (!folder.value || e.folder === folder.value) &&
        words.every(function (w) { return e.folded.indexOf(w) >= 0; });
      li.hidden = !ok;
      var p = li.querySelector('.snippet');
      if (p) { var s = ok && words.length ? snippet(e.text, words) : ''; p.textContent = s; p.hidden = !s; }
      if (ok) shown++;
    });
    Array.prototype.forEach.call(document.querySelectorAll('section.status-group, section.folder'), function (sec) {
      var visible = sec.querySelectorAll('ul.records > li[data-path]:not([hidden])').length;
      sec.hidden = visible === 0;
      var n = sec.querySelector(':scope > h2 .n, :scope > h3 .n');
      if (n) n.textContent = '(' + visible + ')';
    });
    var note = !words.length ? '' : texts === 'loading' ? ' (titles and tags; the texts are loading)' : texts === 'failed' ? ' (titles and tags only: the texts could not be loaded)' : '';
    count.textContent = (shown === items.length ? items.length + ' records' : shown + ' of ' + items.length + ' records') + note;
    var params = [];
    if (q.value) params.push('q=' + encodeURIComponent(q.value));
    if (status.value) params.push('status=' + encodeURIComponent(status.value));
    if (tag.value) params.push('tag=' + encodeURIComponent(tag.value));
    if (folder.value) params.push('folder=' + encodeURIComponent(folder.value));
    try { history.replaceState(null, '', params.length ? '?' + params.join('&') : location.pathname); } catch (err) { /* file:// in some browsers */ }
  }
  function choose(select, value) {
    if (!value) return;
    for (var i = 0; i < select.options.length; i++) if (select.options[i].value === value) { select.value = value; return; }
  }
  var search = new URLSearchParams(location.search);
  q.value = search.get('q') || '';
  choose(status, search.get('status'));
  choose(tag, search.get('tag'));
  choose(folder, search.get('folder'));
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (ev) { ev.preventDefault(); apply(); });
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  apply();
})();
`;

/** Draws ```mermaid blocks with the bundled mermaid, in the page's colour scheme; the source stays when it cannot. */
export const MERMAID_START_JS = `(function () {
  'use strict';
  if (typeof mermaid === 'undefined') return;
  var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
  mermaid.run({ querySelector: 'pre.mermaid' }).then(function () {
    Array.prototype.forEach.call(document.querySelectorAll('pre.mermaid'), function (pre) { if (pre.querySelector('svg')) pre.setAttribute('data-drawn', ''); });
  }, function () { /* the source stays readable */ });
})();
`;
