import { adrToolsSlug, fillPlaceholders } from '../decisions/adrTools';
import { validateDecisionTitle } from '../decisions/newDecision';
import { yamlScalar } from '../records/frontMatterEdit';
import { joinPath } from '../store/fileSystem';

export interface NewDesignDocRequest {
  folder: string;
  title: string;
  /** `YYYY-MM-DD` */
  date: string;
  authors: string[];
  /** A project template: TITLE, DATE, STATUS and AUTHORS are filled (the first of each on a line). */
  template?: string;
  /** File names already in the folder: a new doc never takes one of them. */
  existingNames: readonly string[];
}

export interface NewDesignDocPlan {
  path: string;
  content: string;
  /** 1-based line to put the cursor on: the first section to fill. */
  cursorLine: number;
}

/** The built-in template's sections, in the order design reviews read them. */
export const DESIGN_DOC_SECTIONS = ['Context', 'Goals', 'Non-goals', 'Proposal', 'Alternatives considered', 'Risks', 'Rollout'] as const;

const SECTION_HINTS: Record<(typeof DESIGN_DOC_SECTIONS)[number], string> = {
  Context: 'What is the situation, and why does it need a design now?',
  Goals: 'What must be true when this is done?',
  'Non-goals': 'What is deliberately out of scope?',
  Proposal: 'The design: components, data, interfaces, and how it meets the goals.',
  'Alternatives considered': 'What else was weighed, and why not.',
  Risks: 'What could go wrong, and how we would notice and recover.',
  Rollout: 'Milestones, migration, flags, and how we roll back.',
};

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** `search-rewrite.md`; a title without ASCII letters or digits becomes `design-doc.md`; taken names get `-2`, `-3`… */
export function designDocFileName(title: string, existingNames: readonly string[]): string {
  let slug = adrToolsSlug(title).slice(0, 60).replace(/-+$/, '');
  if (slug === '' || RESERVED.test(slug)) slug = slug === '' ? 'design-doc' : `${slug}-design`;
  const taken = new Set(existingNames.map((n) => n.toLowerCase()));
  let name = `${slug}.md`;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${slug}-${i}.md`;
  return name;
}

export function planNewDesignDoc(req: NewDesignDocRequest): NewDesignDocPlan {
  const problem = validateDecisionTitle(req.title);
  if (problem) throw new Error(problem.replace('A decision record', 'A design doc'));
  const title = req.title.trim();
  const path = joinPath(req.folder, designDocFileName(title, req.existingNames));
  let content: string;
  if (req.template !== undefined) {
    content = fillPlaceholders(req.template, { TITLE: title, DATE: req.date, STATUS: 'draft', AUTHORS: req.authors.join(', ') });
  } else {
    const list = (xs: string[]): string => `[${xs.map(yamlScalar).join(', ')}]`;
    content = [
      '---',
      `title: ${yamlScalar(title)}`,
      'status: draft',
      `authors: ${list(req.authors)}`,
      'reviewers: []',
      'approvers: []',
      `created: ${req.date}`,
      `updated: ${req.date}`,
      'decisions: []',
      'pullRequests: []',
      '---',
      '',
      `# ${title}`,
      '',
      ...DESIGN_DOC_SECTIONS.flatMap((s) => [`## ${s}`, '', `<!-- ${SECTION_HINTS[s]} -->`, '', '']),
    ].join('\n');
    content = `${content.replace(/\n+$/, '')}\n`;
  }
  const lines = content.split('\n');
  const first = lines.findIndex((l) => /^##\s/.test(l));
  return { path, content, cursorLine: first >= 0 ? Math.min(lines.length, first + 3) : lines.length };
}
