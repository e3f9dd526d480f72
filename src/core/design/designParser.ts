import { normaliseDate } from '../records/dates';
import { listField, stringField } from '../records/frontMatter';
import { outlineMarkdown, plainText } from '../records/markdownOutline';
import { LodestarRecord } from '../records/record';
import { basename } from '../store/fileSystem';
import { numberFromFileName, resolveHref, titleFromFileName } from '../decisions/decisionParser';

export const DESIGN_STATUSES = ['draft', 'in-review', 'approved', 'implemented', 'rejected', 'withdrawn', 'superseded'] as const;

export interface FrontMatterSource {
  path: string;
  folder: string;
  data?: Record<string, unknown>;
  body: string;
  bodyLine: number;
}

/** A design doc or RFC: front matter per the DESIGN, title falling back to the H1. */
export function parseDesignDoc(src: FrontMatterSource): LodestarRecord {
  const outline = outlineMarkdown(src.body, src.bodyLine, []);
  const data = src.data;
  const status = stringField(data, 'status');
  const decisions = listField(data, 'decisions');
  return {
    kind: 'design',
    path: src.path,
    folder: src.folder,
    number: numberFromFileName(basename(src.path)),
    title: plainText(stringField(data, 'title') ?? outline.title?.text ?? titleFromFileName(basename(src.path))),
    status: status ? status.toLowerCase().replace(/[\s_]+/g, '-') : null,
    date: normaliseDate(stringField(data, 'updated', 'created', 'date')),
    dialect: 'front-matter',
    links: decisions.map((d) => ({ kind: 'decision', target: /\.(md|markdown)$/i.test(d) ? resolveHref(src.path, d) : d, label: d })),
    pullRequests: listField(data, 'pullRequests', 'pull-requests'),
    private: stringField(data, 'visibility') === 'private',
    people: [...listField(data, 'authors'), ...listField(data, 'reviewers'), ...listField(data, 'approvers')],
    titleLine: (outline.title?.line ?? 0) + 1,
  };
}
