import { escapeXml } from '../records/escaping';

/**
 * The dashboard's building blocks as markup: every text goes through
 * {@link esc}, every attribute is a number or one of a fixed set of class
 * names, and sizes are SVG attributes (the page's CSP allows no inline style).
 */

/** Text or an attribute value, escaped for HTML and SVG. */
export function esc(text: string): string {
  return escapeXml(text);
}

/** What an item of the page opens: a record file, or a pull request's web page. */
export type DashboardTarget = { kind: 'file'; path: string } | { kind: 'url'; url: string };

/**
 * The things the page can open, by position: the page sends back a position,
 * never a path or a URL, and the extension looks it up here.
 */
export class Openables {
  readonly targets: DashboardTarget[] = [];
  private readonly seen = new Map<string, number>();

  file(path: string): number {
    return this.add(`f:${path}`, { kind: 'file', path });
  }

  /** Only http(s) URLs can be opened; anything else stays text (undefined). */
  url(url: string): number | undefined {
    let parsed: URL;
    try {
      parsed = new URL(url.trim());
    } catch {
      return undefined;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return this.add(`u:${parsed.href}`, { kind: 'url', url: parsed.href });
  }

  private add(key: string, target: DashboardTarget): number {
    let i = this.seen.get(key);
    if (i === undefined) {
      i = this.targets.push(target) - 1;
      this.seen.set(key, i);
    }
    return i;
  }
}

/** A button that opens target `index`; its label is escaped here. */
export function openButton(index: number, label: string, ariaLabel?: string): string {
  return `<button type="button" class="link" data-open="${index}"${ariaLabel ? ` aria-label="${esc(ariaLabel)}"` : ''}>${esc(label)}</button>`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `5 Oct` for a week, `Oct` (or `Jan 2027` when a year starts) for a month. */
export function bucketLabel(start: string, granularity: 'week' | 'month', first: boolean): string {
  const month = MONTHS[+start.slice(5, 7) - 1] ?? '';
  if (granularity === 'week') return `${+start.slice(8, 10)} ${month}`;
  return first || start.slice(5, 7) === '01' ? `${month} ${start.slice(0, 4)}` : month;
}

/** A readable date: `5 Oct 2026`. */
export function longDate(date: string): string {
  return `${+date.slice(8, 10)} ${MONTHS[+date.slice(5, 7) - 1] ?? ''} ${date.slice(0, 4)}`;
}

export interface Segment {
  /** A CSS class from a fixed set. */
  cls: string;
  value: number;
}

export interface Column {
  label: string;
  /** The bar's tooltip. */
  title: string;
  segments: Segment[];
}

const W = 720;
const H = 240;
const LEFT = 34;
const RIGHT = 6;
const TOP = 10;
const BOTTOM = 26;

/** The smallest of 1, 2, 5, 10, 20, 50… at or above `n`. */
export function niceCeiling(n: number): number {
  if (n <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * power >= n) return step * power;
  return 10 * power;
}

/**
 * Stacked vertical bars, one per column, with a count axis and at most
 * twelve column labels. Decorative for screen readers beyond its label:
 * each chart on the page has a table with the same numbers.
 */
export function stackedBars(columns: readonly Column[], ariaLabel: string): string {
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const max = niceCeiling(Math.max(0, ...columns.map((c) => c.segments.reduce((n, s) => n + s.value, 0))));
  const y = (v: number): number => TOP + plotH - (v / max) * plotH;
  const out: string[] = [`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(ariaLabel)}">`];
  const ticks = max % 2 === 0 ? [0, max / 2, max] : [0, max];
  for (const t of ticks) {
    out.push(
      `<line class="grid" x1="${LEFT}" x2="${W - RIGHT}" y1="${n(y(t))}" y2="${n(y(t))}"/>`,
      `<text class="axis" x="${LEFT - 6}" y="${n(y(t) + 4)}" text-anchor="end">${t}</text>`,
    );
  }
  const band = columns.length > 0 ? plotW / columns.length : plotW;
  const barW = Math.max(1, band * 0.72);
  const labelEvery = Math.ceil(columns.length / 12);
  columns.forEach((c, i) => {
    const x = LEFT + i * band + (band - barW) / 2;
    let base = 0;
    const rects: string[] = [];
    for (const s of c.segments) {
      if (s.value <= 0) continue;
      rects.push(`<rect class="${s.cls}" x="${n(x)}" y="${n(y(base + s.value))}" width="${n(barW)}" height="${n(y(base) - y(base + s.value))}"/>`);
      base += s.value;
    }
    out.push(
      `<g class="col"><title>${esc(c.title)}</title><rect class="hit" x="${n(LEFT + i * band)}" y="${TOP}" width="${n(band)}" height="${plotH}"/>${rects.join('')}</g>`,
    );
    if (i % labelEvery === 0) out.push(`<text class="axis" x="${n(x + barW / 2)}" y="${H - 8}" text-anchor="middle">${esc(c.label)}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}

/** A thin horizontal meter filled to `value / max`. */
export function meter(value: number, max: number, cls: string): string {
  const w = max > 0 ? Math.max(value > 0 ? 1 : 0, (value / max) * 100) : 0;
  return `<svg class="meter" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="track" width="100" height="8" rx="2"/><rect class="${cls}" width="${n(w)}" height="8" rx="2"/></svg>`;
}

/** One bar split into parts by share, labelled for screen readers. */
export function splitBar(parts: readonly Segment[], ariaLabel: string): string {
  const total = parts.reduce((sum, p) => sum + p.value, 0);
  const out = [
    `<svg class="split" viewBox="0 0 100 14" preserveAspectRatio="none" role="img" aria-label="${esc(ariaLabel)}"><rect class="track" width="100" height="14" rx="3"/>`,
  ];
  let x = 0;
  for (const p of parts) {
    if (p.value <= 0 || total === 0) continue;
    const w = (p.value / total) * 100;
    out.push(`<rect class="${p.cls}" x="${n(x)}" width="${n(w)}" height="14"/>`);
    x += w;
  }
  out.push('</svg>');
  return out.join('');
}

/** A coloured square for a legend. */
export function swatch(cls: string): string {
  return `<svg class="swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false"><rect class="${cls}" width="10" height="10" rx="2"/></svg>`;
}

/** A table with the same numbers as a chart, folded away under a summary. */
export function tableFallback(summary: string, headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const head = headers.map((h, i) => `<th scope="col"${i > 0 ? ' class="num"' : ''}>${esc(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(String(c))}</th>` : `<td class="num">${esc(String(c))}</td>`)).join('')}</tr>`)
    .join('');
  return `<details class="fallback"><summary>${esc(summary)}</summary><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></details>`;
}

const STATUS_CLASSES: Record<string, string> = {
  accepted: 'st-done',
  approved: 'st-done',
  implemented: 'st-done',
  proposed: 'st-open',
  draft: 'st-open',
  'in-review': 'st-review',
  rejected: 'st-no',
  withdrawn: 'st-no',
  deprecated: 'st-old',
  superseded: 'st-old',
};

/** A status's colour class: the usual words get their own, any other status `st-other`. */
export function statusColour(status: string): string {
  return Object.hasOwn(STATUS_CLASSES, status) ? STATUS_CLASSES[status] : 'st-other';
}

/** A coordinate with at most one decimal. */
function n(v: number): string {
  return String(Math.round(v * 10) / 10);
}
