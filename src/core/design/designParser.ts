import { normaliseDate } from '../records/dates';
import { FrontMatterSource, listField, stringField } from '../records/frontMatter';
import { outlineMarkdown, plainText } from '../records/markdownOutline';
import { LodestarRecord } from '../records/record';
import { readTags } from '../records/tags';
import { basename, resolveHref } from '../store/fileSystem';
import { numberFromFileName, titleFromFileName } from '../decisions/decisionParser';

export const DESIGN_STATUSES = ['draft', 'in-review', 'approved', 'implemented', 'rejected', 'withdrawn', 'superseded'] as const;

/** A design doc or RFC: front matter per the DESIGN, title falling back to the H1. */
export function parseDesignDoc(src: FrontMatterSource): LodestarRecord {
  const outline = outlineMarkdown(src.body, src.bodyLine, []);
  const data = src.data;
  const status = stringField(data, 'status');
  const decisions = [...new Set(listField(data, 'decisions'))];
  const name = basename(src.path);
  // `2024-01-15-search-rewrite.md` is dated, not numbered.
  const nameDate = /^\d{4}-\d{2}-\d{2}[-_]/.test(name) ? normaliseDate(name.slice(0, 10)) : null;
  const authors = listField(data, 'authors', 'author');
  const reviewers = listField(data, 'reviewers', 'reviewer');
  const approvers = listField(data, 'approvers', 'approver');
  const record: LodestarRecord = {
    kind: 'design',
    path: src.path,
    folder: src.folder,
    number: nameDate ? null : numberFromFileName(name),
    title: plainText(stringField(data, 'title') ?? outline.title?.text ?? titleFromFileName(nameDate ? name.slice(11) : name)),
    status: status ? status.toLowerCase().replace(/[\s_]+/g, '-') : null,
    date: normaliseDate(stringField(data, 'updated', 'created', 'date')) ?? nameDate,
    dialect: 'front-matter',
    // Front matter paths: from the file's folder, else from the repository's top (`doc/adr/0008-x.md`), as the index resolves them.
    links: decisions.map((d) => ({
      kind: 'decision',
      target: /\.(md|markdown)$/i.test(d) ? resolveHref(src.path, d) : d,
      label: d,
      via: 'front-matter' as const,
    })),
    pullRequests: listField(data, 'pullRequests', 'pull-requests'),
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
