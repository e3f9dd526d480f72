import { LodestarRecord } from '../records/record';
import { basename, dirname, joinPath } from '../store/fileSystem';

export interface RenumberPlan {
  from: string;
  to: string;
  /** New full texts, by absolute path: the record itself and every record linking to it. */
  edits: Map<string, string>;
}

/**
 * Moves a decision record to a new number: `0007-use-kafka.md` becomes
 * `0012-use-kafka.md`, its own `# 7. Title` heading (or `ADR-0007`) follows,
 * and every record in the folder that links to the old file name, or to
 * `N. Title` in a link label, is rewritten to match.
 */
export function planRenumber(record: LodestarRecord, newNumber: number, texts: Map<string, string>): RenumberPlan {
  if (record.number === null) throw new Error('Only numbered records can be renumbered.');
  const oldName = basename(record.path);
  const newName = oldName.replace(/^(?:(adr[-_ ]?))?\d+/i, (_m, prefix: string | undefined) => `${prefix ?? ''}${String(newNumber).padStart(4, '0')}`);
  const to = joinPath(dirname(record.path), newName);
  const edits = new Map<string, string>();
  const oldNo = record.number;
  for (const [path, text] of texts) {
    let next = text;
    if (path === record.path) {
      next = next.replace(new RegExp(`^(#\\s+)(?:ADR[-_ ]?)?0*${oldNo}(\\.|:|\\s)`, 'im'), (_m, hash: string, sep: string) => `${hash}${sep === '.' ? newNumber : `ADR-${String(newNumber).padStart(4, '0')}`}${sep}`);
    } else {
      // Links to the old file, and their "N. Title" / "ADR-000N" labels.
      const escaped = oldName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      next = next.replace(new RegExp(`\\[([^\\]]*)\\]\\(((?:[^)\\s]*/)?)${escaped}(#[^)]*)?\\)`, 'g'), (_m, label: string, dir: string, anchor: string | undefined) => {
        const relabelled = label.replace(new RegExp(`^(ADR[-_ ]?)?0*${oldNo}\\b`, 'i'), (_x, adr: string | undefined) => (adr ? `${adr}${String(newNumber).padStart(4, '0')}` : String(newNumber)));
        return `[${relabelled}](${dir}${newName}${anchor ?? ''})`;
      });
    }
    if (next !== text) edits.set(path, next);
  }
  return { from: record.path, to, edits };
}
