import { ownCopy } from '../records/ownCopy';
import { basename, resolveHref } from '../store/fileSystem';
import { FrontMatterSource, listField, stringField } from '../records/frontMatter';
import { normaliseDate } from '../records/dates';
import { outlineMarkdown, plainText } from '../records/markdownOutline';
import { LodestarRecord, Problem, RecordLink } from '../records/record';
import { isKnownActivityType, normaliseActivityType } from './taxonomy';

/**
 * `docs/influence/<YYYY>/<YYYY-MM-DD>-<slug>.md`: one influence activity.
 * Front matter: `date`, `type`, `title`, `people`, `pullRequests`,
 * `decisions`, `designs`, `outcome`, optional `duration` (minutes).
 */
export function parseActivity(src: FrontMatterSource): LodestarRecord {
  const outline = outlineMarkdown(src.body, src.bodyLine, []);
  const data = src.data;
  const name = basename(src.path);
  const nameDate = normaliseDate(/^\d{4}-\d{2}-\d{2}(?=[-_.])/.exec(name)?.[0]);
  const slug = name.replace(/\.(md|markdown)$/i, '').replace(/^\d{4}-\d{2}-\d{2}[-_]?/, '');
  const type = stringField(data, 'type');
  // `./x.md` and `../x.md` are relative to this file; a name or `ADR-0007` is kept as written (matched by name).
  const reference =
    (kind: string) =>
    (ref: string): RecordLink => ({ kind, target: /^\.\.?[\\/]/.test(ref) ? resolveHref(src.path, ref) : ref, label: ref });
  const duration = durationMinutes(data?.duration);
  const outcome = stringField(data, 'outcome');
  const record: LodestarRecord = {
    kind: 'activity',
    path: src.path,
    folder: src.folder,
    number: null,
    title: plainText(stringField(data, 'title') ?? outline.title?.text ?? (slug.replace(/[-_]+/g, ' ').trim() || name)),
    status: null,
    date: normaliseDate(stringField(data, 'date')) ?? nameDate,
    dialect: 'front-matter',
    links: [...unique(listField(data, 'decisions')).map(reference('decision')), ...unique(listField(data, 'designs')).map(reference('design'))],
    pullRequests: unique(listField(data, 'pullRequests', 'pull-requests')),
    private: stringField(data, 'visibility') === 'private',
    people: unique(listField(data, 'people').map((p) => p.replace(/^@/, ''))),
    titleLine: (outline.title?.line ?? 0) + 1,
  };
  const writtenDate = stringField(data, 'date');
  if (writtenDate !== undefined && writtenDate.trim() !== '' && normaliseDate(writtenDate) === null) record.unreadableDate = ownCopy(writtenDate.trim());
  if (type !== undefined) record.activityType = ownCopy(normaliseActivityType(type));
  if (duration !== undefined) record.durationMinutes = duration;
  if (outcome !== undefined) record.outcome = ownCopy(outcome);
  return record;
}

/**
 * The few front-matter fields the influence report needs from records other
 * than activities: a decision's `consulted` and `review-by`, a mentee's
 * `cadence`, a session's `duration` and `activity`. Strings are copied so a
 * record never keeps its file's text alive.
 */
export function readInfluenceFields(record: LodestarRecord, data: Record<string, unknown> | undefined): LodestarRecord {
  if (!data) return record;
  switch (record.kind) {
    case 'decision': {
      const consulted = listField(data, 'consulted');
      if (consulted.length > 0) record.consulted = consulted.map(ownCopy);
      const reviewBy = normaliseDate(stringField(data, 'review-by', 'reviewBy', 'review_by'));
      if (reviewBy) record.reviewBy = reviewBy;
      break;
    }
    case 'person': {
      const cadence = stringField(data, 'cadence');
      if (cadence) record.cadence = ownCopy(cadence);
      break;
    }
    case 'session': {
      const duration = durationMinutes(data.duration);
      if (duration !== undefined) record.durationMinutes = duration;
      const activity = stringField(data, 'activity');
      if (activity) record.activity = ownCopy(activity);
      break;
    }
  }
  return record;
}

/** The index's problems about activity records: a type outside the taxonomy, or none. */
export function activityProblems(records: Iterable<LodestarRecord>): Problem[] {
  const out: Problem[] = [];
  for (const r of records) {
    if (r.kind !== 'activity') continue;
    if (r.activityType === undefined) {
      out.push({
        path: r.path,
        line: 1,
        severity: 'warning',
        code: 'missing-activity-type',
        message: 'This activity has no `type`; it is counted as neither leading nor managing.',
      });
    } else if (!isKnownActivityType(r.activityType)) {
      out.push({
        path: r.path,
        line: 1,
        severity: 'warning',
        code: 'unknown-activity-type',
        message: `Activity type "${r.activityType}" is not one of the leading or managing types; it is kept as written and counted as neither.`,
      });
    }
    if (r.date === null)
      out.push({
        path: r.path,
        line: 1,
        severity: 'warning',
        code: 'missing-date',
        message:
          r.unreadableDate !== undefined
            ? `The \`date\` "${r.unreadableDate}" is no readable day (YYYY-MM-DD); this activity is left out of dated reports.`
            : 'This activity has no readable `date` (YYYY-MM-DD); it is left out of dated reports.',
      });
    else if (r.unreadableDate !== undefined)
      out.push({
        path: r.path,
        line: 1,
        severity: 'warning',
        code: 'missing-date',
        message: `The \`date\` "${r.unreadableDate}" is no readable day (YYYY-MM-DD); this activity is dated ${r.date} from its file name.`,
      });
  }
  return out;
}

const MAX_MINUTES = 7 * 24 * 60;

/**
 * Minutes from `90`, `"90"`, `90m`, `1.5h`, `1h30m`, `PT1H30M`; undefined for
 * anything else, negative or longer than a week (a typo, not a session).
 */
export function durationMinutes(value: unknown): number | undefined {
  let minutes: number | undefined;
  if (typeof value === 'number') minutes = value;
  else if (typeof value === 'string') {
    const s = value.trim().toLowerCase();
    let m: RegExpExecArray | null;
    if ((m = /^(\d+(?:\.\d+)?)\s*(?:m|min|mins|minutes?)?$/.exec(s))) minutes = +m[1];
    else if ((m = /^(\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hours?)$/.exec(s))) minutes = +m[1] * 60;
    else if ((m = /^(\d+)\s*h(?:r|rs|ours?)?\s*(\d+)\s*m(?:in|ins|inutes?)?$/.exec(s))) minutes = +m[1] * 60 + +m[2];
    else if ((m = /^pt(?:(\d+)h)?(?:(\d+)m)?$/.exec(s)) && (m[1] || m[2])) minutes = +(m[1] ?? 0) * 60 + +(m[2] ?? 0);
  }
  if (minutes === undefined || !Number.isFinite(minutes) || minutes < 0 || minutes > MAX_MINUTES) return undefined;
  return Math.round(minutes);
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
