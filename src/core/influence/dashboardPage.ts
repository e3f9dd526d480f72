import { InfluenceActivity } from './credit';
import {
  bucketLabel,
  Column,
  DashboardTarget,
  esc,
  longDate,
  meter,
  openButton,
  Openables,
  splitBar,
  stackedBars,
  statusColour,
  swatch,
  tableFallback,
} from './dashboardCharts';
import { reminderLabel } from '../reminders/reminderBadges';
import { InfluenceReport, MenteeCard } from './report';
import { duration, prLabel } from './reportMarkdown';
import { activityTypeLabel, influenceSide } from '../activities/taxonomy';
import { distinctLabels } from '../people/pairingMatrix';
import { compareText } from '../people/personScope';

export interface DashboardOptions {
  /** The period switcher's button labels, in order. */
  periods: readonly string[];
  /** The shown period's position among them; -1 when it is a period of its own. */
  currentPeriod: number;
  /** How many items each list shows before "and N more"; default 25. */
  listLimit?: number;
  /**
   * The display name of a person key (a handle or a canonical address), as
   * the pairing matrix shows it: from profiles, `.git-coauthors`, `.mailmap`
   * and git. Without it, or for a key nobody is known by, the key itself.
   */
  nameOf?: (key: string) => string;
}

export interface DashboardPage {
  /** The page's body markup: every text in it escaped. */
  body: string;
  /** What each `data-open` position opens. */
  targets: DashboardTarget[];
}

const SIDE_CLASS = { leading: 'lead', managing: 'manage', other: 'other' } as const;
const STATUS_ORDER = ['accepted', 'proposed', 'draft', 'superseded', 'deprecated', 'rejected'];

/**
 * The influence dashboard of one report, as markup: summary tiles, the
 * activity timeline, the mix by type with the lead/manage split, decisions by
 * status over time, the pairing matrix, reminders, mentee cards and the
 * evidence lists. Everything is drawn from the report's aggregates, so the
 * page's size depends on the period's buckets and the list limit, not on the
 * number of records.
 */
export function dashboardPage(report: InfluenceReport, options: DashboardOptions): DashboardPage {
  const open = new Openables();
  const limit = options.listLimit ?? 25;
  const body = [
    `<main class="dashboard" data-lodestar-dashboard="1">`,
    header(report, options),
    tiles(report),
    // Two columns that fill independently: the charts over time, and their companions.
    `<div class="grid"><div class="stack">`,
    timeline(report),
    decisionsOverTime(report),
    `</div><div class="stack">`,
    mix(report),
    pairing(report, options.nameOf ?? ((key) => key)),
    `</div></div>`,
    reminders(report, open, limit),
    mentees(report, open, limit, options.periods[options.currentPeriod]?.toLowerCase() ?? 'in this period'),
    evidence(report, open, limit),
    footer(report),
    `</main>`,
  ].join('\n');
  return { body, targets: open.targets };
}

function header(report: InfluenceReport, options: DashboardOptions): string {
  const scope = report.person ? `Scope: ${report.person.name}` : 'Scope: every record (yours and your team’s)';
  const buttons = options.periods
    .map((label, i) => `<button type="button" data-period="${i}" aria-pressed="${i === options.currentPeriod}">${esc(label)}</button>`)
    .join('');
  return `<header class="dash-head">
<div><h1>Influence</h1><p class="period"><span>${esc(longDate(report.from))} – ${esc(longDate(report.to))}</span> · ${esc(scope)}</p></div>
<div class="dash-actions"><div class="periods" role="group" aria-label="Period">${buttons}</div><button type="button" class="secondary" data-action="report">Save as Markdown report</button></div>
</header>`;
}

function tiles(report: InfluenceReport): string {
  const s = report.summary;
  const sessions = report.mentees.reduce((n, m) => n + m.sessions, 0);
  const minutes = report.balance.leading.minutes + report.balance.managing.minutes + report.balance.other.minutes;
  const decisions = report.decisions.length;
  const accepted = s.decisions.accepted ?? 0;
  const tile = (cls: string, value: string, label: string, sub: string): string =>
    `<li class="tile ${cls}"><span class="value">${esc(value)}</span><span class="label">${esc(label)}</span><span class="sub">${esc(sub)}</span></li>`;
  return `<section aria-label="Summary"><ul class="tiles">
${tile('t-lead', String(s.activities), s.activities === 1 ? 'activity' : 'activities', `${s.leading} leading · ${s.managing} managing`)}
${tile('t-decision', String(decisions), decisions === 1 ? 'decision' : 'decisions', `${accepted} accepted`)}
${tile(
  't-design',
  String(report.designs.length),
  report.designs.length === 1 ? 'design doc' : 'design docs',
  Object.entries(s.designs)
    .map(([k, v]) => `${v} ${k}`)
    .join(' · ') || 'none dated here',
)}
${tile('t-manage', String(sessions), sessions === 1 ? 'mentoring session' : 'mentoring sessions', `with ${s.people.filter((p) => p.sessions > 0).length} of ${report.mentees.length} mentees`)}
${tile('t-pr', String(s.pullRequests), s.pullRequests === 1 ? 'pull request' : 'pull requests', 'linked to this work')}
${tile('t-time', minutes > 0 ? duration(minutes) : '–', 'time recorded', 'from durations written down')}
</ul></section>`;
}

function timeline(report: InfluenceReport): string {
  const { granularity, buckets } = report.timeline;
  const unit = granularity === 'week' ? 'week' : 'month';
  const columns: Column[] = buckets.map((b, i) => ({
    label: bucketLabel(b.start, granularity, i === 0),
    title: `${granularity === 'week' ? `Week of ${longDate(b.start)}` : longDate(b.start).slice(2).trim()}: ${b.leading} leading, ${b.managing} managing${b.other > 0 ? `, ${b.other} other` : ''}`,
    segments: [
      { cls: 'lead', value: b.leading },
      { cls: 'manage', value: b.managing },
      { cls: 'other', value: b.other },
    ],
  }));
  const total = report.summary.activities;
  const chart = stackedBars(
    columns,
    `Activities per ${unit}: ${total} in all, ${report.summary.leading} leading and ${report.summary.managing} managing. The table below has each ${unit}.`,
  );
  const rows = buckets.map((b) => [b.start, b.leading, b.managing, b.other, b.minutes > 0 ? duration(b.minutes) : '–']);
  return `<section class="panel wide" aria-labelledby="h-timeline"><h2 id="h-timeline">Activity by ${unit}</h2>
${legend([['lead', 'Leading (team-wide)'], ['manage', 'Managing (individual)'], ...(report.balance.other.count > 0 ? [['other', 'Other types'] as [string, string]] : [])])}
${total === 0 ? '<p class="empty">No influence activities are dated in this period.</p>' : chart}
${tableFallback(`Activity by ${unit} as a table`, [`${unit === 'week' ? 'Week of' : 'Month'}`, 'Leading', 'Managing', 'Other', 'Time'], rows)}
</section>`;
}

function mix(report: InfluenceReport): string {
  const { leading, managing, other } = report.balance;
  const total = leading.count + managing.count + other.count;
  const pct = (v: number): string => (total > 0 ? `${Math.round((v / total) * 100)}%` : '0%');
  const time = (m: number): string => (m > 0 ? ` · ${duration(m)}` : '');
  const split = splitBar(
    [
      { cls: 'lead', value: leading.count },
      { cls: 'manage', value: managing.count },
      { cls: 'other', value: other.count },
    ],
    `Lead/manage split: ${leading.count} leading (${pct(leading.count)}), ${managing.count} managing (${pct(managing.count)})${other.count > 0 ? `, ${other.count} of other types` : ''}`,
  );
  const max = Math.max(0, ...report.mix.map((t) => t.count));
  const rows = report.mix
    .map(
      (t) =>
        `<tr><th scope="row">${esc(t.label)}</th><td class="side">${esc(t.side ?? 'other')}</td><td class="bar">${meter(t.count, max, SIDE_CLASS[t.side ?? 'other'])}</td><td class="num">${t.count}</td><td class="num">${t.minutes > 0 ? esc(duration(t.minutes)) : '–'}</td></tr>`,
    )
    .join('');
  return `<section class="panel" aria-labelledby="h-mix"><h2 id="h-mix">Lead and manage</h2>
<p class="hint">Leading is team-wide work; managing is one person at a time.</p>
${split}
<ul class="split-legend"><li>${swatch('lead')}<strong>Leading</strong> ${leading.count} (${pct(leading.count)})${esc(time(leading.minutes))}</li><li>${swatch('manage')}<strong>Managing</strong> ${managing.count} (${pct(managing.count)})${esc(time(managing.minutes))}</li>${other.count > 0 ? `<li>${swatch('other')}<strong>Other</strong> ${other.count}</li>` : ''}</ul>
${
  report.mix.length === 0
    ? '<p class="empty">Nothing to split yet.</p>'
    : `<table class="mix"><caption class="visually-hidden">Activities by type</caption><thead><tr><th scope="col">Type</th><th scope="col">Side</th><th scope="col"><span class="visually-hidden">Share</span></th><th scope="col" class="num">Count</th><th scope="col" class="num">Time</th></tr></thead><tbody>${rows}</tbody></table>`
}
</section>`;
}

function decisionsOverTime(report: InfluenceReport): string {
  const { granularity, buckets } = report.timeline;
  const statuses = Object.keys(report.summary.decisions).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const columns: Column[] = buckets.map((b, i) => ({
    label: bucketLabel(b.start, granularity, i === 0),
    title: `${granularity === 'week' ? `Week of ${longDate(b.start)}` : longDate(b.start).slice(2).trim()}: ${statuses.map((s) => `${b.decisions[s] ?? 0} ${s}`).join(', ') || 'no decisions'}`,
    segments: statuses.map((s) => ({ cls: statusColour(s), value: b.decisions[s] ?? 0 })),
  }));
  const count = report.decisions.length;
  const rows = buckets.map((b) => [b.start, ...statuses.map((s) => b.decisions[s] ?? 0)]);
  return `<section class="panel" aria-labelledby="h-decisions"><h2 id="h-decisions">Decisions by status</h2>
${legend(statuses.map((s) => [statusColour(s), `${s} ${report.summary.decisions[s]}`]))}
${count === 0 ? '<p class="empty">No decision records are dated in this period.</p>' : stackedBars(columns, `Decisions dated in this period: ${count}, ${statuses.map((s) => `${report.summary.decisions[s]} ${s}`).join(', ')}.`)}
${count === 0 ? '' : tableFallback('Decisions by status as a table', [granularity === 'week' ? 'Week of' : 'Month', ...statuses], rows)}
</section>`;
}

function rank(status: string): number {
  const i = STATUS_ORDER.indexOf(status);
  return i < 0 ? STATUS_ORDER.length : i;
}

function pairing(report: InfluenceReport, nameOf: (key: string) => string): string {
  const totals = new Map<string, number>();
  for (const p of report.pairs) for (const who of p.people) totals.set(who, (totals.get(who) ?? 0) + p.count);
  const named = [...totals.entries()].map(([key, total]) => ({ key, name: nameOf(key), total }));
  const shown = named.sort((a, b) => b.total - a.total || compareText(a.name, b.name) || compareText(a.key, b.key)).slice(0, 12);
  const people = shown.map((p) => p.key);
  const labels = new Map(distinctLabels(shown).map((label, i) => [people[i], label]));
  const label = (key: string): string => labels.get(key) ?? key;
  // The tooltip also gives the key a name stands for (`Bob (bob@example.com)`), as the pairing matrix does.
  const full = (p: { key: string; name: string }): string => (p.name === p.key ? p.name : `${p.name} (${p.key})`);
  const count = new Map(report.pairs.map((p) => [`${p.people[0]}\n${p.people[1]}`, p.count]));
  const between = (a: string, b: string): number => count.get(`${a}\n${b}`) ?? count.get(`${b}\n${a}`) ?? 0;
  const max = Math.max(1, ...report.pairs.map((p) => p.count));
  const head = shown.map((p) => `<th scope="col" title="${esc(full(p))}"><span>${esc(label(p.key))}</span></th>`).join('');
  const rows = shown
    .map((row) => {
      const a = row.key;
      const cells = people
        .map((b) => {
          if (a === b) return `<td class="self"><span class="visually-hidden">${esc(label(a))} with themself</span>·</td>`;
          const n = between(a, b);
          const level = n === 0 ? 0 : Math.min(4, Math.ceil((n / max) * 4));
          return `<td class="heat-${level}" title="${esc(`${label(a)} and ${label(b)}: ${n} pairing ${n === 1 ? 'activity' : 'activities'}`)}">${n > 0 ? n : ''}</td>`;
        })
        .join('');
      return `<tr><th scope="row" title="${esc(full(row))}">${esc(label(a))}</th>${cells}</tr>`;
    })
    .join('');
  const more =
    totals.size > people.length
      ? `<p class="hint">The ${people.length} people who paired most; ${totals.size - people.length} more in the Markdown report.</p>`
      : '';
  return `<section class="panel" aria-labelledby="h-pairing"><h2 id="h-pairing">Who paired with whom</h2>
${
  people.length === 0
    ? '<p class="empty">No pairing of two or more people is recorded in this period.</p>'
    : `<p class="hint">Pairing activities and sessions that name both people.</p><div class="scroll"><table class="pairs"><caption class="visually-hidden">Who paired with whom, and how often</caption><thead><tr><td class="corner"></td>${head}</tr></thead><tbody>${rows}</tbody></table></div>${more}`
}
</section>`;
}

function reminders(report: InfluenceReport, open: Openables, limit: number): string {
  const items = report.reminders.slice(0, limit).map((r) => {
    const i = open.file(r.path);
    return `<li class="reminder k-${r.kind}"><span class="chip">${esc(reminderLabel(r.kind))}</span> ${openButton(i, r.title)} <span class="note">${esc(r.message)}</span></li>`;
  });
  return `<section class="panel full" aria-labelledby="h-reminders"><h2 id="h-reminders">Needs attention <span class="count">${report.reminders.length}</span></h2>
${items.length === 0 ? '<p class="empty">Nothing is overdue: no review dates passed, nothing proposed or in review for too long, every mentee seen within their cadence.</p>' : `<ul class="reminders">${items.join('')}</ul>${more(report.reminders.length, limit)}`}
</section>`;
}

function mentees(report: InfluenceReport, open: Openables, limit: number, period: string): string {
  const shown = [...report.mentees].sort((a, b) => b.sessions - a.sessions || (a.handle.toLowerCase() < b.handle.toLowerCase() ? -1 : 1)).slice(0, limit);
  const overdue = new Set(report.reminders.filter((r) => r.kind === 'mentee-overdue').map((r) => r.path));
  const maxSessions = Math.max(1, ...report.mentees.map((m) => m.sessions));
  const cards = shown.map((m, i) => card(m, i, open, overdue.has(m.path ?? ''), maxSessions, period));
  return `<section class="panel full" aria-labelledby="h-mentees"><h2 id="h-mentees">People grown <span class="count">${report.mentees.length}</span></h2>
${cards.length === 0 ? '<p class="empty">No mentees in scope. Add one with “Lodestar: Add Mentee…”.</p>' : `<div class="cards">${cards.join('')}</div>${more(report.mentees.length, limit)}`}
</section>`;
}

/** `2 PRs`, or — when the period leaves some out — `1 PR this quarter, 2 in all` (what the Influence view counts). */
export function menteePullRequestCount(m: Pick<MenteeCard, 'pullRequests' | 'pullRequestsInAll'>, period: string): string {
  const n = m.pullRequests.length;
  const prs = `${n} PR${n === 1 ? '' : 's'}`;
  return m.pullRequestsInAll > n ? `${prs} ${period}, ${m.pullRequestsInAll} in all` : n > 0 ? prs : '';
}

function card(m: MenteeCard, n: number, open: Openables, overdue: boolean, maxSessions: number, period: string): string {
  const prs = menteePullRequestCount(m, period);
  const name = m.path ? openButton(open.file(m.path), m.name) : esc(m.name);
  const handle = m.name.toLowerCase() !== m.handle.toLowerCase() ? ` <span class="handle">@${esc(m.handle)}</span>` : '';
  const facts = [m.track ? `track ${m.track}` : '', m.cadence ? `meets ${m.cadence}` : ''].filter(Boolean).join(' · ');
  const kinds = Object.entries(m.sessionKinds)
    .map(([k, v]) => `<li>${esc(k)} <strong>${v}</strong></li>`)
    .join('');
  const recent = [...m.records]
    .reverse()
    .slice(0, 3)
    .map((r) => `<li><span class="date">${esc(r.date ?? '')}</span> ${openButton(open.file(r.path), r.title)}</li>`)
    .join('');
  const goals = m.goals
    .slice(0, 4)
    .map((g) => `<li>${esc(g)}</li>`)
    .join('');
  return `<article class="card${overdue ? ' overdue' : ''}" aria-labelledby="mentee-${n}">
<h3 id="mentee-${n}">${name}${handle}</h3>
${facts ? `<p class="facts">${esc(facts)}</p>` : ''}
<p class="big"><strong>${m.sessions}</strong> ${m.sessions === 1 ? 'session' : 'sessions'}${m.minutes > 0 ? ` · ${esc(duration(m.minutes))}` : ''}${prs ? ` · ${esc(prs)}` : ''}</p>
${meter(m.sessions, maxSessions, 'manage')}
<p class="facts">${m.lastSession ? `Last session ${esc(m.lastSession.date)}` : 'No session logged yet'}${overdue ? ' · <span class="chip warn">overdue</span>' : ''}</p>
${kinds ? `<ul class="kinds" aria-label="Sessions by kind">${kinds}</ul>` : ''}
${goals ? `<h4>Goals</h4><ul class="goals">${goals}</ul>` : ''}
${recent ? `<h4>Recent</h4><ul class="recent">${recent}</ul>` : ''}
</article>`;
}

function evidence(report: InfluenceReport, open: Openables, limit: number): string {
  const records = [...report.decisions, ...report.designs].sort((a, b) => ((b.date ?? '') < (a.date ?? '') ? -1 : 1)).slice(0, limit);
  const recordItems = records
    .map(
      (r) =>
        `<li><span class="date">${esc(r.date ?? '')}</span><span class="what">${swatch(statusColour(r.status ?? ''))}<span>${openButton(open.file(r.path), r.title)} <span class="note">${esc(r.kind === 'design' ? 'design doc' : 'decision')} · ${esc(r.status ?? 'no status')}</span></span></span></li>`,
    )
    .join('');
  const activities = [...report.activities].reverse().slice(0, limit);
  const activityItems = activities.map((a) => activityItem(a, open)).join('');
  const prs = report.pullRequests.slice(0, limit);
  const prItems = prs
    .map((p) => {
      const i = open.url(p.url);
      const label = prLabel(p.url);
      return `<li><span class="date">${esc(p.linkedFrom[0]?.date ?? '')}</span><span>${i === undefined ? `<span>${esc(label)}</span>` : openButton(i, label, `Open pull request ${label}`)} <span class="note">from ${p.linkedFrom.map((l) => esc(l.title)).join(', ')}</span></span></li>`;
    })
    .join('');
  const total = report.decisions.length + report.designs.length;
  return `<section class="panel full" aria-labelledby="h-evidence"><h2 id="h-evidence">Evidence</h2>
<div class="columns">
<div><h3>Decisions and design docs <span class="count">${total}</span></h3>${recordItems ? `<ul class="evidence">${recordItems}</ul>${more(total, limit)}` : '<p class="empty">None dated in this period.</p>'}</div>
<div><h3>Activities <span class="count">${report.activities.length}</span></h3>${activityItems ? `<ul class="evidence">${activityItems}</ul>${more(report.activities.length, limit)}` : '<p class="empty">None dated in this period.</p>'}</div>
<div><h3>Pull requests <span class="count">${report.pullRequests.length}</span></h3>${prItems ? `<ul class="evidence">${prItems}</ul>${more(report.pullRequests.length, limit)}` : '<p class="empty">No pull requests linked in this period.</p>'}</div>
</div>
</section>`;
}

function activityItem(a: InfluenceActivity, open: Openables): string {
  const side = SIDE_CLASS[influenceSide(a.type) ?? 'other'];
  const people = a.people.length > 0 ? ` · ${a.people.join(', ')}` : '';
  return `<li><span class="date">${esc(a.date ?? '')}</span><span class="what">${swatch(side)}<span>${openButton(open.file(a.source), a.title)} <span class="note">${esc(activityTypeLabel(a.type) + people)}</span></span></span></li>`;
}

function legend(items: readonly (readonly [string, string])[]): string {
  if (items.length === 0) return '';
  return `<ul class="legend">${items.map(([cls, label]) => `<li>${swatch(cls)}${esc(label)}</li>`).join('')}</ul>`;
}

function more(total: number, shown: number): string {
  return total > shown ? `<p class="hint">and ${total - shown} more: “Save as Markdown report” lists every one.</p>` : '';
}

function footer(report: InfluenceReport): string {
  const u = report.undated;
  const undated = u.activities + u.decisions + u.designs + u.sessions;
  return `<footer class="dash-foot"><p>Activities count activity records and work credited from records: a decision for its decision-makers and consulted, a design doc for its authors and reviewers, a logged session for the mentee.${
    undated > 0 ? ` ${undated} record${undated === 1 ? '' : 's'} without a readable date (YYYY-MM-DD) ${undated === 1 ? 'is' : 'are'} not counted.` : ''
  } Evidence, not a leaderboard.</p></footer>`;
}
