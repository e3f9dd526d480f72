import { relativeLink } from '../decisions/newDecision';
import { addFrontMatterListItem } from '../records/frontMatterEdit';
import { LodestarRecord } from '../records/record';

/**
 * Promote to Decision Record: the new decision names the design doc it comes
 * from, at the top of its first section, and the design doc lists the new
 * decision under `decisions` (a relative path, which the index resolves).
 */
/** `insertedAt`: the 0-based line the two inserted lines start at (lines from there on moved down by two). */
export function linkDecisionToDesign(decisionText: string, decisionPath: string, design: LodestarRecord): { text: string; insertedAt: number } {
  const eol = decisionText.includes('\r\n') ? '\r\n' : '\n';
  const lines = decisionText.split(eol);
  const sentence = `This decision comes from the design doc [${design.title.replace(/[[\]]/g, '\\$&')}](${encodeURI(relativeLink(decisionPath, design.path))}).`;
  // The Context section (MADR: Context and Problem Statement), else the first section.
  const context = lines.findIndex((l) => /^##\s+Context\b/i.test(l));
  const at = context >= 0 ? context : lines.findIndex((l) => /^##\s/.test(l));
  if (at < 0) return { text: `${decisionText.replace(/(\r?\n)*$/, '')}${eol}${eol}${sentence}${eol}`, insertedAt: lines.length };
  lines.splice(at + 1, 0, '', sentence);
  return { text: lines.join(eol), insertedAt: at + 1 };
}

/** The design doc's text with the new decision added to its `decisions` list (every other byte kept). */
export function addDecisionToDesign(designText: string, design: LodestarRecord, decisionPath: string): { text: string; problem?: string } {
  const edit = addFrontMatterListItem(designText, ['decisions'], relativeLink(design.path, decisionPath), undefined, 'decision');
  return edit.outcome === 'unsupported' ? { text: designText, problem: edit.reason } : { text: edit.text };
}
