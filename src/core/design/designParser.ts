import { ownCopy } from '../records/ownCopy';
import { normaliseDate } from '../records/dates';
import { FrontMatterSource, listField, stringField } from '../records/frontMatter';
import { normaliseHeading, OutlineLine, outlineMarkdown, plainText } from '../records/markdownOutline';
import { LodestarRecord } from '../records/record';
import { readTags } from '../records/tags';
import { isProposalReadme } from '../records/recordFileNames';
import { basename, dirname, resolveHref } from '../store/fileSystem';
import { numberFromFileName, titleFromFileName } from '../decisions/decisionParser';
import { isStatusChoices, isTemplatePlaceholder, normaliseStatus } from '../decisions/status';
import { isStatusValue, readDesignHeader } from './designHeader';
import { kepFields, KepFields } from './kepMetadata';

export const DESIGN_STATUSES = ['draft', 'in-review', 'approved', 'implemented', 'rejected', 'withdrawn', 'superseded'] as const;

/** The sections a design doc's fields may sit under: `## Status` (its first line), `## Metadata` (a list of fields). */
const SECTIONS = ['status', 'metadata'] as const;

/**
 * Headings that open a section of an RFC or design doc rather than name it: an RFC that puts its fields above
 * `# Summary` has no title heading (its `Feature Name:` is the title, else its file name).
 */
const SECTION_HEADINGS = new Set([
  'summary',
  'abstract',
  'motivation',
  'meta',
  'metadata',
  'background',
  'context',
  'overview',
  'introduction',
  'status',
  'table of contents',
  'contents',
  'changelog',
  'goals',
  'problem',
  'problem statement',
  'proposal',
  'detailed design',
  'executive summary',
  'objective',
  'objectives',
  'requirements',
  'scope',
  'tl;dr',
  'tldr',
  'purpose',
  'goals and non-goals',
  'non-goals',
  'design',
  'proposed design',
  'description',
  'rationale',
]);

function isSectionHeading(text: string): boolean {
  // A title is rarely that short, and each title normalised would be kept in the headings' cache for nothing.
  return text.length <= 40 && SECTION_HEADINGS.has(normaliseHeading(text));
}

const OUTLINE_OPTIONS = { h2Title: true, notTitle: isSectionHeading };

/**
 * A design doc or RFC: front matter per the DESIGN; what it leaves out is read from a KEP-style proposal's kep.yaml
 * (`kep`: the fields of the one beside its README), then from the fields at the doc's top (`- Start Date:`,
 * `* Status:`, `**Authors:**`, `| Status | Draft |`), then its `## Status` section; the title falls back to the H1
 * (an H2 when there is none), then kep.yaml's `title`, then the `Feature Name:` field, then the file (or proposal
 * folder) name. kep.yaml's `kep-number` numbers the proposal, and its `replaces`, `superseded-by` and `see-also` are
 * its links.
 */
export function parseDesignDoc(src: FrontMatterSource, kepData?: Record<string, unknown>): LodestarRecord {
  const outline = outlineMarkdown(src.body, src.bodyLine, SECTIONS, [], OUTLINE_OPTIONS);
  const data = src.data;
  const metadata = outline.sections.get('metadata');
  const header = readDesignHeader(metadata ? [...outline.preamble, ...metadata] : outline.preamble);
  const decisions = [...new Set(listField(data, 'decisions'))];
  const fileName = basename(src.path);
  // `1441-kubectl-debug/README.md`: the proposal's folder names it.
  const name = isProposalReadme([basename(dirname(src.path)), fileName]) ? `${basename(dirname(src.path))}.md` : fileName;
  // `2024-01-15-search-rewrite.md` is dated, not numbered.
  const nameDate = /^\d{4}-\d{2}-\d{2}[-_]/.test(name) ? normaliseDate(name.slice(0, 10)) : null;
  const kep: KepFields | undefined = kepData ? kepFields(kepData, src.path, src.folder) : undefined;
  const authors = frontMatterPeople(data, 'authors', 'author');
  if (authors.length === 0) authors.push(...frontMatterPeople(data, 'owners', 'owner'));
  for (const co of frontMatterPeople(data, 'co-authors', 'coauthors')) if (!authors.includes(co)) authors.push(co);
  if (authors.length === 0 && kep) authors.push(...kep.authors);
  if (authors.length === 0) authors.push(...header.authors);
  const reviewers = frontMatterPeople(data, 'reviewers', 'reviewer');
  if (reviewers.length === 0 && kep) reviewers.push(...kep.reviewers);
  if (reviewers.length === 0) reviewers.push(...header.reviewers);
  const approvers = frontMatterPeople(data, 'approvers', 'approver');
  if (approvers.length === 0 && kep) approvers.push(...kep.approvers);
  if (approvers.length === 0) approvers.push(...header.approvers);
  const status =
    designStatus(stringField(data, 'status', 'state', 'stage')) ??
    designStatus(kep?.status) ??
    designStatus(header.status) ??
    sectionStatus(outline.sections.get('status'));
  const heading = outline.title && !isSectionHeading(outline.title.text) ? outline.title.text : undefined;
  const fieldTitle = stringField(data, 'feature') ?? header.title;
  const pullRequests = listField(data, 'pullRequests', 'pull-requests');
  const record: LodestarRecord = {
    kind: 'design',
    path: src.path,
    folder: src.folder,
    number: kep?.number ?? (nameDate ? null : numberFromFileName(name)),
    title: plainText(
      stringField(data, 'title') ??
        heading ??
        kep?.title ??
        // `Feature Name: nll` is an identifier, not a title: the file's name says as much.
        (fieldTitle && /\s/.test(plainText(fieldTitle)) ? fieldTitle : titleFromFileName(nameDate ? name.slice(11) : name)),
    ),
    status,
    date:
      normaliseDate(stringField(data, 'updated', 'last-updated', 'last_updated', 'lastUpdated')) ??
      normaliseDate(stringField(data, 'created', 'creation-date', 'creation_date', 'created-on', 'created_on', 'start-date', 'start_date', 'date-started')) ??
      normaliseDate(stringField(data, 'date')) ??
      normaliseDate(kep?.updated) ??
      normaliseDate(kep?.created) ??
      header.updated ??
      header.created ??
      nameDate,
    dialect: 'front-matter',
    // Front matter paths: from the file's folder, else from the repository's top (`doc/adr/0008-x.md`), as the index resolves them.
    links: [
      ...decisions.map((d) => ({
        kind: 'decision',
        target: /\.(md|markdown)$/i.test(d) ? resolveHref(src.path, d) : d,
        label: d,
        via: 'front-matter' as const,
      })),
      ...(kep?.links ?? []),
    ],
    pullRequests: pullRequests.length > 0 ? pullRequests : (frontMatterPullRequests(data) ?? header.pullRequests),
    private: stringField(data, 'visibility') === 'private',
    people: [...authors, ...reviewers, ...approvers],
    tags: readTags(data),
    titleLine: (outline.title?.line ?? 0) + 1,
  };
  // Who wrote it and who reviewed or approved it: a report credits each for what they did.
  if (authors.length > 0) record.authors = authors;
  if (reviewers.length > 0) record.reviewers = reviewers;
  if (approvers.length > 0) record.approvers = approvers;
  return record;
}

/**
 * A status as the doc writes it, lower case, words joined by dashes (`In Review` → `in-review`, `Ready for
 * Implementation` → `ready-for-implementation`); what follows the word is left out (`**Implemented (Swift 5.1)**`,
 * `Accepted, revision 1.1` → `implemented`, `accepted`). A template's choices left in place are none.
 */
function designStatus(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  // Docs repeat a few statuses thousands of times: each is worked out once (short ones: no file's text is kept).
  const known = raw.length <= 24 ? designStatuses.get(raw) : undefined;
  if (known !== undefined) return known;
  let status: string | null = null;
  if (!isTemplatePlaceholder(raw) && !isStatusChoices(raw)) {
    const normalised = normaliseStatus(raw.replace(/_/g, ' '));
    status = normalised ? normalised.replace(/\s+/g, '-') : null;
  }
  if (raw.length <= 24) {
    if (designStatuses.size >= 1024) designStatuses.clear();
    designStatuses.set(ownCopy(raw), status);
  }
  return status;
}

const designStatuses = new Map<string, string | null>();

/** `## Status` with the status on its first line (`Accepted`); a sentence there is no status, nor a quoted guide. */
function sectionStatus(lines: OutlineLine[] | undefined): string | null {
  const first = lines?.find((l) => l.text.trim() !== '' && !/^\s*(?:>|<!--)/.test(l.text));
  if (!first) return null;
  return isStatusValue(first.text) && first.text.trim().split(/\s+/).length <= 3 ? designStatus(first.text.trim()) : null;
}

/** A list of people in front matter; `author: "@ada @grace"` (handles one after another) is each of them. */
function frontMatterPeople(data: Record<string, unknown> | undefined, ...keys: string[]): string[] {
  const people = listField(data, ...keys);
  if (!people.some((p) => p.charCodeAt(0) === 64 /* @ */)) return people;
  return people.flatMap((p) => (/^@[\w.-]+(?:\s+@[\w.-]+)+$/.test(p) ? p.split(/\s+/) : [p]));
}

/** `prs: { accepted: https://…/pull/800 }`: the pull requests each stage of an RFC went through, by stage. */
function frontMatterPullRequests(data: Record<string, unknown> | undefined): string[] | undefined {
  const prs = data?.prs;
  if (!prs || typeof prs !== 'object') return undefined;
  const values = (Array.isArray(prs) ? prs : Object.values(prs)).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return values.length > 0 ? values.map((v) => v.trim()) : undefined;
}
