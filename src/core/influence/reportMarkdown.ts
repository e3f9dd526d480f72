import { escapeMarkdown, markdownLink } from '../records/escaping';
import { personKey } from '../people/personScope';
import { relativeTo } from '../store/fileSystem';
import { LodestarRecord } from '../records/record';
import { InfluenceActivity } from './credit';
import { InfluenceReport, MenteeCard, SideTotals } from './report';
import { ALIGNMENT_AND_PROCESS_TYPES, activityTypeLabel, influenceSide } from '../activities/taxonomy';

export interface MarkdownReportOptions {
  /** The repository root: record links are relative to it unless `linkTo` says otherwise. */
  root: string;
  /** The link to a record file from where the report will be read (e.g. relative to the report's own folder). */
  linkTo?: (absolutePath: string) => string;
  /** The URL of a commit a session names (its `commits`), or undefined to show the hash as text. With it, sessions list their commits. */
  commitLink?: (hash: string, recordPath: string) => string | undefined;
  /** A line saying where the links go (see core/influence/reportLinks), asked for once every link is made; empty for none. */
  linkNote?: () => string;
}

/**
 * The influence report as Markdown, grouped the way promotion packets are
 * read: decisions and designs driven, people grown, alignment and process
 * work, pull requests influenced, the lead/manage balance — each claim
 * linked to its evidence. Every piece of text from a record is escaped, so
 * no HTML or link in a title ever renders as one.
 */
export function renderInfluenceMarkdown(report: InfluenceReport, options: MarkdownReportOptions): string {
  const link = (label: string, path: string): string => markdownLink(label, options.linkTo ? options.linkTo(path) : relativeTo(options.root, path));
  const out: string[] = [];
  const s = report.summary;
  out.push(`# Influence report, ${report.from} to ${report.to}`, '');
  out.push(
    report.person
      ? `Scope: ${escapeMarkdown(report.person.name)}${report.person.name.toLowerCase() !== report.person.handle.replace(/^@/, '').toLowerCase() ? ` (${escapeMarkdown(report.person.handle)})` : ''}.`
      : 'Scope: every record in the repository.',
    '',
  );
  const notePosition = out.length;

  const sessions = report.mentees.reduce((n, m) => n + m.sessions, 0);
  const empty =
    s.activities === 0 &&
    report.decisions.length === 0 &&
    report.designs.length === 0 &&
    sessions === 0 &&
    s.pullRequests === 0 &&
    report.mentees.every((m) => m.records.length === 0);
  if (empty) {
    out.push(
      `Nothing recorded in this period: no decisions, design docs, mentoring sessions, influence activities or linked pull requests are dated from ${report.from} to ${report.to}.`,
      '',
    );
  } else {
    out.push(
      `${plural(s.activities, 'activity', 'activities')} (${s.leading} leading, ${s.managing} managing${report.balance.other.count > 0 ? `, ${report.balance.other.count} of other types` : ''}) · ` +
        `${plural(report.decisions.length, 'decision')} · ${plural(report.designs.length, 'design doc')} · ` +
        `${plural(sessions, 'mentoring session')} with ${plural(s.people.filter((p) => p.sessions > 0).length, 'person', 'people')} · ${plural(s.pullRequests, 'pull request')}`,
      '',
    );
    decisionsAndDesigns(report, out, link);
    peopleGrown(report, out, link, options.commitLink);
    alignmentAndProcess(report, out, link);
    pullRequests(report, out, link);
    balance(report, out);
  }
  if (report.reminders.length > 0) {
    out.push('## Needs attention', '');
    for (const r of report.reminders) out.push(`- ${link(r.title, r.path)}: ${escapeMarkdown(r.message)}`);
    out.push('');
  }
  const u = report.undated;
  const undated = u.activities + u.decisions + u.designs + u.sessions;
  if (undated > 0) {
    const parts = [
      [u.decisions, 'decision'],
      [u.designs, 'design doc'],
      [u.sessions, 'session or note', 'sessions or notes'],
      [u.activities, 'activity', 'activities'],
    ]
      .filter(([n]) => (n as number) > 0)
      .map(([n, one, many]) => plural(n as number, one as string, many as string | undefined));
    out.push(`_Not counted: ${parts.join(', ')} without a readable date (write dates as YYYY-MM-DD)._`, '');
  }
  const note = options.linkNote?.() ?? '';
  if (note !== '') out.splice(notePosition, 0, `_${escapeMarkdown(note)}_`, '');
  return out.join('\n');
}

type Linker = (label: string, path: string) => string;

function decisionsAndDesigns(report: InfluenceReport, out: string[], link: Linker): void {
  const activities = report.activities.filter((a) => a.origin === 'activity' && (a.type === 'decision' || a.type === 'design-review'));
  if (report.decisions.length + report.designs.length + activities.length === 0) return;
  out.push('## Decisions and designs driven', '');
  const list = (heading: string, records: LodestarRecord[], people: (r: LodestarRecord) => string): void => {
    if (records.length === 0) return;
    out.push(`### ${heading} (${records.length})`, '');
    for (const r of records)
      out.push(`- ${r.date} · ${link(r.title, r.path)} · ${escapeMarkdown(r.status ?? 'no status')}${people(r)}${prLinks(r.pullRequests)}`);
    out.push('');
  };
  list('Decisions', report.decisions, (r) =>
    names([
      ['decided by', r.people],
      ['consulted', r.consulted ?? []],
    ]),
  );
  // A design doc names who wrote it and, apart, who reviewed and approved it: a reviewer is no author.
  list('Design docs', report.designs, (r) =>
    r.authors || r.reviewers || r.approvers
      ? names([
          ['by', r.authors ?? []],
          ['reviewed by', r.reviewers ?? []],
          ['approved by', r.approvers ?? []],
        ])
      : names([['by', r.people]]),
  );
  if (activities.length > 0) {
    out.push(`### Decision and design-review work (${activities.length})`, '');
    for (const a of activities) out.push(activityLine(a, link, report.person));
    out.push('');
  }
}

type CommitLinker = (hash: string, recordPath: string) => string | undefined;

function peopleGrown(report: InfluenceReport, out: string[], link: Linker, commitLink?: CommitLinker): void {
  const mentees = report.mentees.filter((m) => m.records.length > 0 || m.pullRequests.length > 0);
  const other = report.activities.filter((a) => a.origin === 'activity' && influenceSide(a.type) === 'managing');
  if (mentees.length + other.length === 0) return;
  out.push('## People grown', '');
  for (const m of mentees) mentee(m, out, link, commitLink);
  if (other.length > 0) {
    out.push(`### Mentoring, coaching, feedback and sponsorship (${other.length})`, '');
    for (const a of other) out.push(activityLine(a, link, report.person));
    out.push('');
  }
}

function mentee(m: MenteeCard, out: string[], link: Linker, commitLink?: CommitLinker): void {
  const name = m.name.toLowerCase() === m.handle.toLowerCase() ? escapeMarkdown(m.handle) : `${escapeMarkdown(m.name)} (${escapeMarkdown(m.handle)})`;
  out.push(`### ${name}`, '');
  const facts = [
    m.path ? link('profile', m.path) : undefined,
    m.track ? `track: ${escapeMarkdown(m.track)}` : undefined,
    plural(m.sessions, 'session') + (m.minutes > 0 ? ` (${duration(m.minutes)})` : ''),
    m.lastSession ? `last session ${m.lastSession.date}` : undefined,
    m.cadence ? `cadence: ${escapeMarkdown(m.cadence)}` : undefined,
  ].filter((x): x is string => x !== undefined);
  out.push(facts.join(' · '), '');
  if (m.goals.length > 0) {
    out.push('Goals:', '');
    for (const g of m.goals) out.push(`- ${escapeMarkdown(g)}`);
    out.push('');
  }
  if (m.records.length > 0) {
    for (const r of m.records) {
      const extra = [r.sessionKind ? escapeMarkdown(r.sessionKind) : undefined, r.durationMinutes ? duration(r.durationMinutes) : undefined]
        .filter(Boolean)
        .join(', ');
      out.push(`- ${r.date} · ${link(r.title, r.path)}${extra ? ` · ${extra}` : ''}${prLinks(r.pullRequests)}${commitLink ? commitLinks(r, commitLink) : ''}`);
    }
    out.push('');
  }
  const fromSessions = new Set(m.records.flatMap((r) => r.pullRequests.map(prKey)));
  const more = m.pullRequests.filter((u) => !fromSessions.has(prKey(u)));
  if (more.length > 0) out.push(`Pull requests also linked to ${escapeMarkdown(m.handle)}: ${more.map(prLink).join(', ')}`, '');
}

function alignmentAndProcess(report: InfluenceReport, out: string[], link: Linker): void {
  const activities = report.activities.filter(
    (a) => a.origin === 'activity' && (ALIGNMENT_AND_PROCESS_TYPES.includes(a.type) || influenceSide(a.type) === undefined),
  );
  if (activities.length === 0) return;
  out.push('## Alignment and process work', '');
  for (const a of activities) out.push(activityLine(a, link, report.person));
  out.push('');
}

function pullRequests(report: InfluenceReport, out: string[], link: Linker): void {
  if (report.pullRequests.length === 0) return;
  out.push(`## Pull requests influenced (${report.pullRequests.length})`, '');
  for (const p of report.pullRequests) out.push(`- ${prLink(p.url)}, linked from ${p.linkedFrom.map((l) => link(l.title, l.path)).join(', ')}`);
  out.push('');
}

function balance(report: InfluenceReport, out: string[]): void {
  if (report.summary.activities === 0) return;
  const row = (label: string, t: SideTotals): string => `| ${label} | ${t.count} | ${t.minutes > 0 ? duration(t.minutes) : '–'} |`;
  out.push('## Lead/manage balance', '');
  out.push('| | Activities | Time recorded |', '| --- | ---: | ---: |');
  out.push(row('Leading (team-wide)', report.balance.leading), row('Managing (individual)', report.balance.managing));
  if (report.balance.other.count > 0) out.push(row('Other types', report.balance.other));
  out.push('', '| Type | Side | Activities | Time recorded |', '| --- | --- | ---: | ---: |');
  for (const t of report.mix)
    out.push(`| ${escapeMarkdown(t.label)} | ${t.side ?? 'not in the taxonomy'} | ${t.count} | ${t.minutes > 0 ? duration(t.minutes) : '–'} |`);
  out.push(
    '',
    'Activities credited from records: decisions count for their decision-makers and consulted, design docs for their authors, reviewers and approvers, logged sessions for the mentee.',
    '',
  );
}

function activityLine(a: InfluenceActivity, link: Linker, scope?: { handle: string; name: string }): string {
  // A report of one person's work does not name them among the people they worked with.
  const self = scope ? new Set([personKey(scope.handle), personKey(scope.name)]) : undefined;
  const others = self ? a.people.filter((p) => !self.has(personKey(p))) : a.people;
  const people = others.length > 0 ? ` · with ${others.map(escapeMarkdown).join(', ')}` : '';
  const time = a.durationMinutes ? ` · ${duration(a.durationMinutes)}` : '';
  // A design review is of someone's doc: the doc and its authors are named apart from the people of the review.
  const of = a.reviewed?.length
    ? ` of ${a.reviewed.map((d) => link(d.title, d.path) + (d.authors.length > 0 ? ` by ${d.authors.map(escapeMarkdown).join(', ')}` : '')).join(', ')}`
    : '';
  return `- ${a.date} · ${link(a.title, a.source)} · ${escapeMarkdown(activityTypeLabel(a.type))}${of}${people}${time}${prLinks(a.pullRequests)}`;
}

/** ` · commits abc1234, def5678` (links when the forge is known), for the commits a session names. */
function commitLinks(r: LodestarRecord, commitLink: CommitLinker): string {
  const commits = (r.commits ?? []).map((c) => /([0-9a-f]{7,64})\/?$/i.exec(c.trim())?.[1]).filter((h): h is string => h !== undefined);
  if (commits.length === 0) return '';
  return ` · ${commits.length === 1 ? 'commit' : 'commits'} ${commits
    .map((h) => {
      const url = commitLink(h, r.path);
      return url ? markdownLink(h.slice(0, 7), url) : `\`${h.slice(0, 7)}\``;
    })
    .join(', ')}`;
}

function names(groups: [string, string[]][]): string {
  const parts = groups.filter(([, list]) => list.length > 0).map(([label, list]) => `${label} ${list.map(escapeMarkdown).join(', ')}`);
  return parts.length > 0 ? ` · ${parts.join('; ')}` : '';
}

function prLinks(urls: readonly string[]): string {
  return urls.length > 0 ? ` · ${urls.map(prLink).join(', ')}` : '';
}

/** A pull request as a link when its URL is http(s), else as text. */
export function prLink(url: string): string {
  // `#12` or `acme/payments#12` that no remote resolved: text, never a relative link to a file named "#12".
  return /^https?:\/\//i.test(url.trim()) ? markdownLink(prLabel(url), url) : escapeMarkdown(prLabel(url));
}

/** `o/r#12` for GitHub, `g/p!3` for GitLab, else the URL without its scheme. */
export function prLabel(url: string): string {
  const gh = /^https?:\/\/[^/]+\/([^/]+\/[^/]+)\/pull\/(\d+)\/?$/.exec(url);
  if (gh) return `${gh[1]}#${gh[2]}`;
  const gl = /^https?:\/\/[^/]+\/(.+?)\/-\/merge_requests\/(\d+)\/?$/.exec(url);
  if (gl) return `${gl[1]}!${gl[2]}`;
  return url.replace(/^https?:\/\//, '');
}

function prKey(url: string): string {
  return url.trim().replace(/\/+$/, '').toLowerCase();
}

/** `45m`, `2h`, `3h 30m`. */
export function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m}m` : m === 0 ? `${h}h` : `${h}h ${m}m`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
