import { escapeXml } from '../records/escaping';
import { PairingSession, unloggedSessions } from './pairing';

/**
 * Who paired with whom, as a symmetric table of session counts: what
 * `Lodestar: Show Pairing Matrix` draws as a heat map. Pure: the page's
 * markup is built here, every text escaped.
 */

export interface MatrixPerson {
  /** The person's key: their profile's handle, else their canonical (mailmapped) address. One row per key. */
  key: string;
  name: string;
  /**
   * What the row and column say: the name, or `Name (key)` when another
   * person shown has the same name (two addresses nothing links), so no two
   * rows ever look the same.
   */
  label: string;
  /** Sessions counted with anyone. */
  total: number;
}

export interface MatrixPair {
  /** Positions in {@link PairingMatrix.people}, `a < b`. */
  a: number;
  b: number;
  count: number;
  /** The sessions counted, newest first. */
  sessions: PairingSession[];
}

export interface PairingMatrix {
  /** Most sessions first, then by name. */
  people: MatrixPerson[];
  /** Most sessions first. */
  pairs: MatrixPair[];
  /** The highest pair count (0 when nobody paired). */
  max: number;
  /** People left out of the table to keep it readable (they still count in `pairs` of the people shown). */
  hidden: number;
  logged: number;
  detected: number;
}

/** Largest table drawn; more people than this would make cells too small to read. */
export const MAX_MATRIX_PEOPLE = 30;

/**
 * The matrix of sessions (logged ones and detected ones no logged session
 * covers, so one session is never counted twice); each unordered pair of
 * people in a session counts once for it, as in `lodestar pairing`.
 */
export function buildPairingMatrix(sessions: readonly PairingSession[], nameOf: (key: string) => string, maxPeople = MAX_MATRIX_PEOPLE): PairingMatrix {
  const logged = sessions.filter((s) => s.source === 'logged');
  const counted = [...logged, ...unloggedSessions(sessions, logged)]
    .filter((s) => new Set(s.people).size >= 2)
    .sort((x, y) => (y.date ?? '').localeCompare(x.date ?? ''));
  const byPair = new Map<string, { keys: [string, string]; sessions: PairingSession[] }>();
  const totals = new Map<string, number>();
  for (const s of counted) {
    const people = [...new Set(s.people)].sort();
    for (const p of people) totals.set(p, (totals.get(p) ?? 0) + 1);
    for (let i = 0; i < people.length; i++) {
      for (let j = i + 1; j < people.length; j++) {
        const id = `${people[i]}\n${people[j]}`;
        const pair = byPair.get(id) ?? { keys: [people[i], people[j]] as [string, string], sessions: [] };
        pair.sessions.push(s);
        byPair.set(id, pair);
      }
    }
  }
  const everyone = [...totals.entries()]
    .map(([key, total]) => ({ key, name: nameOf(key), label: '', total }))
    .sort((x, y) => y.total - x.total || x.name.localeCompare(y.name) || x.key.localeCompare(y.key));
  const people = everyone.slice(0, maxPeople);
  const labels = distinctLabels(people);
  people.forEach((p, i) => (p.label = labels[i]));
  const position = new Map(people.map((p, i) => [p.key, i]));
  const pairs: MatrixPair[] = [];
  for (const { keys, sessions: list } of byPair.values()) {
    const i = position.get(keys[0]);
    const j = position.get(keys[1]);
    if (i === undefined || j === undefined) continue;
    pairs.push({ a: Math.min(i, j), b: Math.max(i, j), count: list.length, sessions: list });
  }
  pairs.sort((x, y) => y.count - x.count || x.a - y.a || x.b - y.b);
  return {
    people,
    pairs,
    max: pairs.reduce((m, p) => Math.max(m, p.count), 0),
    hidden: everyone.length - people.length,
    logged: counted.filter((s) => s.source === 'logged').length,
    detected: counted.filter((s) => s.source === 'co-authored').length,
  };
}

/**
 * What rows and columns say for people shown together: each one's name, or
 * `Name (key)` when another of them has the same name (two addresses
 * nothing links), so no two ever look the same.
 */
export function distinctLabels(people: readonly { key: string; name: string }[]): string[] {
  const sameName = new Map<string, number>();
  for (const p of people) sameName.set(p.name.toLowerCase(), (sameName.get(p.name.toLowerCase()) ?? 0) + 1);
  return people.map((p) => ((sameName.get(p.name.toLowerCase()) ?? 0) > 1 && p.key.toLowerCase() !== p.name.toLowerCase() ? `${p.name} (${p.key})` : p.name));
}

/** 0 for no sessions, else 1–4 by the share of the busiest pair: the cell's shade. */
export function heatLevel(count: number, max: number): number {
  return count <= 0 || max <= 0 ? 0 : Math.max(1, Math.ceil((count / max) * 4));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export interface MatrixPageOptions {
  /** `last 90 days`, `all history`. */
  windowLabel: string;
  /** Labels of the window buttons, and which one is shown. */
  windows: string[];
  currentWindow: number;
  /** Logged sessions that can be opened, by path: the page refers to them by position in this list. */
  openable: string[];
  /** Why no git history was read, when none was. */
  unavailable?: string;
}

/**
 * The page body: a heat-map table (row and column headers, each cell named
 * "A and B: N sessions" for screen readers), then the same pairs as a list,
 * most first, with the dates; logged sessions are buttons that open them.
 */
export function pairingMatrixHtml(matrix: PairingMatrix, options: MatrixPageOptions): string {
  const { people, pairs } = matrix;
  const windowButtons = options.windows
    .map((w, i) => `<button type="button" class="window" data-window="${i}" aria-pressed="${i === options.currentWindow}">${escapeXml(w)}</button>`)
    .join('');
  const summary = `${plural(matrix.logged + matrix.detected, 'session')} over ${escapeXml(options.windowLabel)}: ${matrix.logged} logged, ${matrix.detected} from co-authored commits not logged yet.`;
  const head = `<header><h1>Who paired with whom</h1><p>${summary}${options.unavailable ? ` No git history was read (${escapeXml(options.unavailable)}).` : ''}</p><div class="windows" role="group" aria-label="Time window">${windowButtons}</div></header>`;
  if (pairs.length === 0) {
    return `<main>${head}<p class="empty">No pairing in this window. Log a session with "Lodestar: Log Pairing Session…", or commit together with Co-authored-by: trailers.</p></main>`;
  }
  const cellCount = new Map<string, number>();
  pairs.forEach((p, n) => cellCount.set(`${p.a},${p.b}`, n));
  const headerCells = people
    .map((p) => `<th scope="col" title="${escapeXml(p.name === p.key ? p.name : `${p.name} (${p.key})`)}"><span>${escapeXml(p.label)}</span></th>`)
    .join('');
  const rows = people
    .map((row, i) => {
      const cells = people
        .map((col, j) => {
          if (i === j) return `<td class="self" data-row="${i}" data-col="${j}" tabindex="-1" aria-label="${escapeXml(row.label)}: same person">–</td>`;
          const n = cellCount.get(`${Math.min(i, j)},${Math.max(i, j)}`);
          const count = n === undefined ? 0 : pairs[n].count;
          const label = `${row.label} and ${col.label}: ${plural(count, 'session')}`;
          const pairAttr = n === undefined ? '' : ` data-pair="${n}"`;
          return `<td data-level="${heatLevel(count, matrix.max)}" data-row="${i}" data-col="${j}"${pairAttr} tabindex="-1" aria-label="${escapeXml(label)}" title="${escapeXml(label)}">${count === 0 ? '' : count}</td>`;
        })
        .join('');
      return `<tr><th scope="row" title="${escapeXml(row.key)}">${escapeXml(row.label)}</th>${cells}</tr>`;
    })
    .join('\n');
  const openIndex = new Map(options.openable.map((p, i) => [p, i]));
  const list = pairs
    .map((p, n) => {
      const dates = p.sessions
        .map((s) => {
          const date = escapeXml(s.date ?? 'no date');
          const at = s.path !== null ? openIndex.get(s.path) : undefined;
          if (at !== undefined) return `<button type="button" class="link" data-open="${at}" title="Open the logged session">${date}</button>`;
          return `<span title="${s.source === 'co-authored' ? `detected from commit ${escapeXml((s.commit ?? '').slice(0, 12))}` : 'logged'}">${date}${s.source === 'co-authored' ? '*' : ''}</span>`;
        })
        .join(', ');
      return `<li id="pair-${n}" tabindex="-1"><strong>${escapeXml(people[p.a].label)}</strong> and <strong>${escapeXml(people[p.b].label)}</strong>: ${plural(p.count, 'session')} — ${dates}</li>`;
    })
    .join('\n');
  const hidden =
    matrix.hidden > 0
      ? `<p>${matrix.hidden} more ${matrix.hidden === 1 ? 'person' : 'people'} paired less and ${matrix.hidden === 1 ? 'is' : 'are'} not shown.</p>`
      : '';
  return `<main>${head}
<p class="hint">Darker cells: more sessions. Arrow keys move between cells; Enter shows that pair's sessions below.</p>
<div class="matrix-scroll"><table class="pairing-matrix" role="grid" aria-describedby="matrix-caption">
<caption id="matrix-caption">Pairing sessions per pair of people, ${escapeXml(options.windowLabel)}</caption>
<thead><tr><td class="corner"></td>${headerCells}</tr></thead>
<tbody>
${rows}
</tbody></table></div>${hidden}
<h2 id="pairs-heading">Pairs, most sessions first</h2>
<p class="hint">* detected from a co-authored commit, not logged yet.</p>
<ol class="pair-list" aria-labelledby="pairs-heading">
${list}
</ol>
<div id="announce" class="visually-hidden" aria-live="polite"></div>
</main>`;
}
