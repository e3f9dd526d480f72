import { yamlFlowItem, yamlString } from '../records/frontMatterEdit';
import { normaliseDate } from '../records/dates';
import { joinPath } from '../store/fileSystem';
import { ACTIVITY_TYPES, isKnownActivityType } from './taxonomy';

export interface NewActivityRequest {
  /** The influence folder, absolute (`…/docs/influence`). */
  folder: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** One of the taxonomy's types. */
  type: string;
  title: string;
  people?: string[];
  pullRequests?: string[];
  /** ADR references (`ADR-0007`) or relative paths to decision records. */
  decisions?: string[];
  /** Relative paths or names of design docs. */
  designs?: string[];
  outcome?: string;
  durationMinutes?: number;
  /** File names already in the year folder, to pick a free one (`…-2.md`). */
  existingNames?: Iterable<string>;
}

export interface PlannedActivity {
  path: string;
  content: string;
}

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_SLUG = 60;

/** Why the request cannot be written, or undefined. */
export function validateNewActivity(req: Omit<NewActivityRequest, 'folder'>): string | undefined {
  if (req.title.trim() === '') return 'An activity needs a title.';
  if (/[\r\n]/.test(req.title)) return 'The title must be one line.';
  if (req.title.length > 200) return `The title is ${req.title.length} characters; keep it under 200.`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(req.date) || normaliseDate(req.date) !== req.date) return `"${req.date}" is not a date in the form YYYY-MM-DD.`;
  if (!isKnownActivityType(req.type)) return `"${req.type}" is not an activity type; use one of: ${ACTIVITY_TYPES.map((t) => t.id).join(', ')}.`;
  if (req.durationMinutes !== undefined && !(Number.isInteger(req.durationMinutes) && req.durationMinutes >= 0 && req.durationMinutes <= 7 * 24 * 60)) {
    return 'The duration is a whole number of minutes, at most a week.';
  }
  for (const p of req.people ?? []) if (p.trim() === '' || /[\r\n]/.test(p)) return 'Each person is a handle or name on one line.';
  return undefined;
}

/**
 * The file-name part from a title: lower-case ASCII letters and digits joined
 * by `-`, at most 60 characters. Separators, dots and backslashes all become
 * `-`, so `../x`, `/etc/x` and `a\b` stay inside the folder; a title with no
 * letters or digits gives `activity`, a name Windows reserves gets `-activity`.
 */
export function activitySlug(title: string): string {
  let slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  if (slug === '') slug = 'activity';
  else if (RESERVED.test(slug)) slug = `${slug}-activity`;
  return slug;
}

/** `<YYYY-MM-DD>-<slug>.md`, with `-2`, `-3`… when the name is taken (compared without case, as macOS and Windows do). */
export function activityFileName(date: string, title: string, existingNames: Iterable<string> = []): string {
  const taken = new Set<string>();
  for (const n of existingNames) taken.add(n.toLowerCase());
  const stem = `${date}-${activitySlug(title)}`;
  let name = `${stem}.md`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}.md`;
  return name;
}

/**
 * A new activity file: `<folder>/<YYYY>/<YYYY-MM-DD>-<slug>.md` with every
 * front-matter value written so YAML reads back exactly the string given
 * (quoted when it could be read as anything else). Throws when
 * {@link validateNewActivity} refuses the request.
 */
export function planNewActivity(req: NewActivityRequest): PlannedActivity {
  const problem = validateNewActivity(req);
  if (problem) throw new Error(problem);
  const name = activityFileName(req.date, req.title, req.existingNames);
  const title = req.title.trim();
  const lines = ['---', `date: ${req.date}`, `type: ${req.type}`, `title: ${yamlString(title)}`];
  const list = (key: string, values: string[] | undefined): void => {
    const clean = [...new Set((values ?? []).map((v) => v.trim()).filter((v) => v !== ''))];
    lines.push(`${key}: [${clean.map(yamlFlowItem).join(', ')}]`);
  };
  list('people', req.people);
  list('pullRequests', req.pullRequests);
  list('decisions', req.decisions);
  list('designs', req.designs);
  if (req.durationMinutes !== undefined) lines.push(`duration: ${req.durationMinutes}`);
  lines.push(`outcome: ${req.outcome && req.outcome.trim() !== '' ? yamlString(req.outcome.trim()) : "''"}`);
  lines.push('---', '', `# ${title.replace(/^#+\s*/, '')}`, '', '');
  return { path: joinPath(req.folder, req.date.slice(0, 4), name), content: lines.join('\n') };
}
