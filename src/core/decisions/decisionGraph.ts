import { LodestarRecord, RecordLink } from '../records/record';
import { compareRecords, recordLabel } from '../records/recordLabels';
import { escapeXml } from '../records/escaping';

/**
 * The supersede/link graph of a set of decision records, as data, as Mermaid
 * text, and as an SVG arc diagram (records top to bottom in number order,
 * links as arcs on the right: solid for supersede, dashed for the others).
 */

export interface GraphNode {
  id: string;
  path: string;
  label: string;
  status: string | null;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** `supersedes`, or the forward verb of any other link (`amends`, `relates-to`…). */
  kind: string;
}

export interface DecisionGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** The forward verb of each reverse one the readers give (`amended-by` is drawn as the other record's `amends`). */
const FORWARD_OF: Readonly<Record<string, string>> = {
  'superseded-by': 'supersedes',
  'amended-by': 'amends',
  'clarified-by': 'clarifies',
  'extended-by': 'extends',
  'refined-by': 'refines',
  'referenced-by': 'references',
};

/** Reverse verbs (`superseded-by`, `amended-by`) are folded into their forward edge; another `…-by` keeps its words. */
function forward(kind: string): { kind: string; reversed: boolean } {
  const known = FORWARD_OF[kind];
  if (known) return { kind: known, reversed: true };
  if (kind.endsWith('-by')) return { kind: kind.slice(0, -3), reversed: true };
  return { kind, reversed: false };
}

/**
 * The graph of `records`, from each record's links as `linksOf` gives them with their targets resolved to record
 * paths (the index's checked links: `ADR-0005` in text, a forge address; a body link the index left out is not drawn).
 * Without it, a record's own links count when their target is already a record's path.
 */
export function buildDecisionGraph(
  records: readonly LodestarRecord[],
  linksOf: (record: LodestarRecord) => readonly RecordLink[] = (r) => r.links,
): DecisionGraph {
  const sorted = records.filter((r) => r.kind === 'decision').sort(compareRecords);
  const ids = new Map(sorted.map((r, i) => [r.path, `d${i + 1}`]));
  const nodes = sorted.map((r) => ({ id: ids.get(r.path)!, path: r.path, label: recordLabel(r), status: r.status }));
  const seen = new Set<string>();
  const edges: GraphEdge[] = [];
  for (const r of sorted) {
    for (const link of linksOf(r)) {
      // The reverse of another record's link (the index's `amended-by` on the amended one) is that record's arc.
      if (link.reverse) continue;
      const target = ids.get(link.target);
      if (!target || link.kind === 'decision' || link.kind === 'mentee') continue;
      const f = forward(link.kind);
      const from = f.reversed ? target : ids.get(r.path)!;
      const to = f.reversed ? ids.get(r.path)! : target;
      // `amends` and `amended-by` (or `relates-to` written on both sides) are one arc.
      const key = `${[from, to].sort().join('>')}>${f.kind.slice(0, 5)}`;
      if (from === to || seen.has(key)) continue;
      seen.add(key);
      edges.push({ from, to, kind: f.kind });
    }
  }
  return { nodes, edges };
}

/** Mermaid `flowchart` text: paste it in any Markdown that renders Mermaid. */
export function decisionGraphMermaid(graph: DecisionGraph): string {
  const text = (s: string): string => s.replace(/["<>&#]/g, (c) => `#${c.charCodeAt(0)};`);
  const lines = ['flowchart TD'];
  for (const n of graph.nodes) lines.push(`  ${n.id}["${text(n.label)}${n.status ? `<br/>${text(n.status)}` : ''}"]`);
  for (const e of graph.edges)
    lines.push(e.kind === 'supersedes' ? `  ${e.from} -->|supersedes| ${e.to}` : `  ${e.from} -.->|${text(e.kind.replace(/-/g, ' '))}| ${e.to}`);
  return `${lines.join('\n')}\n`;
}

const ROW = 34;
const TOP = 16;
const LABEL_WIDTH = 420;
/** A generous average glyph width of the graph's 13px font: labels are cut to fit before the status, never under it. */
export const GRAPH_CHAR_WIDTH = 7.5;
const LABEL_X = 30;
const STATUS_RIGHT = LABEL_WIDTH - 12;

/** How many characters of a label fit between the dot and the status label. */
export function graphLabelRoom(status: string): number {
  return Math.floor((STATUS_RIGHT - LABEL_X - 12 - status.length * GRAPH_CHAR_WIDTH) / GRAPH_CHAR_WIDTH);
}

/** A status's CSS class: the usual words get their own colour, anything else `other`. */
export function statusClass(status: string | null): string {
  const known = ['accepted', 'proposed', 'draft', 'rejected', 'deprecated', 'superseded'];
  return `status-${status && known.includes(status) ? status : 'other'}`;
}

/**
 * The graph as SVG: one row per record, arcs on the right. Every text is
 * escaped; rows carry `data-index` (the node's position) for the page to open
 * the record, never a path or a script.
 */
export function decisionGraphSvg(graph: DecisionGraph): string {
  const row = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const maxSpan = Math.max(1, ...graph.edges.map((e) => Math.abs(row.get(e.from)! - row.get(e.to)!)));
  const arcRoom = Math.min(360, 30 + maxSpan * 14);
  const width = LABEL_WIDTH + arcRoom + 20;
  const height = TOP * 2 + Math.max(1, graph.nodes.length) * ROW;
  const y = (i: number): number => TOP + i * ROW + ROW / 2;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="decision-graph" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="group" aria-label="Decision graph: ${graph.nodes.length} records, ${graph.edges.length} links">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" class="arrow-head"/></marker></defs>',
  ];
  graph.edges.forEach((e) => {
    const a = row.get(e.from)!;
    const b = row.get(e.to)!;
    const span = Math.abs(a - b);
    const x = LABEL_WIDTH;
    const bulge = 24 + span * 14;
    const cls = e.kind === 'supersedes' ? 'edge supersedes' : 'edge link';
    out.push(
      `<path class="${cls}" d="M ${x} ${y(a)} C ${x + bulge} ${y(a)}, ${x + bulge} ${y(b)}, ${x + 4} ${y(b)}" marker-end="url(#arrow)"><title>${escapeXml(`${graph.nodes[a].label} ${e.kind.replace(/-/g, ' ')} ${graph.nodes[b].label}`)}</title></path>`,
    );
  });
  graph.nodes.forEach((n, i) => {
    const status = truncate(n.status ?? 'no status', 14);
    const label = truncate(n.label, graphLabelRoom(status));
    out.push(
      `<g class="node ${statusClass(n.status)}" data-index="${i}" tabindex="0" role="link" aria-label="${escapeXml(`${n.label}, ${status}`)}">` +
        `<rect x="4" y="${y(i) - ROW / 2 + 3}" width="${LABEL_WIDTH - 8}" height="${ROW - 6}" rx="4"/>` +
        `<circle cx="18" cy="${y(i)}" r="5"/>` +
        `<title>${escapeXml(`${n.label} (${n.status ?? 'no status'})`)}</title>` +
        `<text x="${LABEL_X}" y="${y(i) + 4}">${escapeXml(label)}</text>` +
        `<text x="${STATUS_RIGHT}" y="${y(i) + 4}" text-anchor="end" class="status">${escapeXml(status)}</text>` +
        '</g>',
    );
  });
  out.push('</svg>');
  return out.join('\n');
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
