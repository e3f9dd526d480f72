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
 * `0012-use-kafka.md`; the number in its own title line follows, in the same
 * style (`# 7. …`, `# ADR-0007: …`); and every link in the folder that leads
 * to this file — inline, `<…>`, with a title, or a reference definition — is
 * rewritten, with a `7. Title` / `ADR-0007` label following. Links to a
 * same-named file elsewhere and anything inside code blocks are left alone.
 */
export function planRenumber(record: LodestarRecord, newNumber: number, texts: Map<string, string>): RenumberPlan {
  if (record.number === null) throw new Error('Only numbered records can be renumbered.');
  const oldName = basename(record.path);
  const newName = oldName.replace(/^((?:adr[-_ ]?)?)(\d+)/i, (_m, prefix: string, digits: string) => `${prefix}${String(newNumber).padStart(digits.length, '0')}`);
  const to = joinPath(dirname(record.path), newName);
  const oldNo = record.number;
  const renumber = (s: string): string => s.replace(new RegExp(`(^|[^\\d])0*${oldNo}(?!\\d)`), (m, before: string) => `${before}${String(newNumber).padStart(m.length - before.length, '0')}`);
  const edits = new Map<string, string>();
  for (const [path, text] of texts) {
    const lines = text.split('\n');
    if (path === record.path) {
      const i = record.titleLine - 1;
      if (lines[i] !== undefined && /^\s*#/.test(lines[i])) lines[i] = renumber(lines[i]);
    } else {
      let fence: string | undefined;
      for (let i = 0; i < lines.length; i++) {
        const f = /^ {0,3}(`{3,}|~{3,})/.exec(lines[i]);
        if (f) fence = fence ? (f[1][0] === fence[0] ? undefined : fence) : f[1];
        if (fence || f) continue;
        lines[i] = rewriteLinks(lines[i], path, record.path, newName, renumber);
      }
    }
    const next = lines.join('\n');
    if (next !== text) edits.set(path, next);
  }
  return { from: record.path, to, edits };
}

/** Rewrites, on one line, the links whose target resolves to `target`. */
function rewriteLinks(line: string, fromPath: string, target: string, newName: string, renumber: (s: string) => string): string {
  const leadsToTarget = (href: string): boolean => {
    const clean = href.split('#')[0];
    return clean !== '' && joinPath(dirname(fromPath), decodeURI(clean)) === target;
  };
  const swap = (href: string): string => href.replace(/[^/#]+(?=(#.*)?$)/, newName);
  // Inline links, with or without <…> and a "title".
  let out = line.replace(/\[([^\]]*)\]\((<?)([^)\s>]+)(>?)((?:\s+"[^"]*")?)\)/g, (m, label: string, lt: string, href: string, gt: string, title: string) =>
    leadsToTarget(href) ? `[${renumber(label)}](${lt}${swap(href)}${gt}${title})` : m,
  );
  // Reference definitions: [ref]: path "title"
  out = out.replace(/^(\s{0,3}\[[^\]]+\]:\s*<?)([^\s>]+)/, (m, head: string, href: string) => (leadsToTarget(href) ? `${head}${swap(href)}` : m));
  return out;
}
