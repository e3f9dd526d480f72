import { WRITTEN_BACK } from '../decisions/oneSidedLinks';
import { RecordIndex } from '../index/recordIndex';
import { isForgeFileUrl } from '../records/forgeAddresses';
import { RecordLink } from '../records/record';
import { recordLabel } from '../records/recordLabels';
import { basename } from '../store/fileSystem';
import { PageLink, SitePage } from './sitePages';

/** The other side's name for a link: `supersedes` ↔ `superseded-by`, `references` ↔ `referenced-by`. */
const REVERSE: Record<string, string> = {
  ...WRITTEN_BACK,
  references: 'referenced-by',
  'referenced-by': 'references',
  decision: 'design-doc',
  'design-doc': 'decision',
};

function reverseKind(kind: string): string {
  return REVERSE[kind] ?? 'linked-from';
}

export function linkVerb(kind: string): string {
  if (kind === 'decision') return 'Decision';
  const words = kind.replace(/-/g, ' ');
  return words[0].toUpperCase() + words.slice(1);
}

/**
 * Every record's links both ways, each to its page when the target is on the
 * site: what the record writes (in its order), then what other records say
 * about it (by their path) unless the record already says the same.
 */
export function pageLinks(
  index: RecordIndex,
  pages: ReadonlyMap<string, SitePage>,
  bodyLinks: ReadonlyMap<string, RecordLink[]> = new Map(),
): Map<string, PageLink[]> {
  const forward = new Map<string, { kind: string; target?: SitePage; label: string }[]>();
  const incoming = new Map<string, { kind: string; from: SitePage }[]>();
  for (const [path, p] of pages) {
    const list: { kind: string; target?: SitePage; label: string }[] = [];
    const seen = new Set<string>();
    const linkedPages = new Set<SitePage>();
    const extra = bodyLinks.get(path) ?? [];
    for (const l of [...p.record.links, ...extra]) {
      const resolved = index.resolveLink(p.record, l.target);
      // A forge address in the text that names no record of this repository is a plain web link, not a link between records.
      if (l.via === 'body' && resolved === l.target && isForgeFileUrl(resolved)) continue;
      const target = pages.get(resolved);
      const key = `${l.kind}\n${target ? target.source : resolved}`;
      if (seen.has(key) || target === p) continue;
      // A link found in a design doc's text adds nothing when its front matter already links that record.
      if (extra.includes(l) && (!target || linkedPages.has(target))) continue;
      seen.add(key);
      if (target) linkedPages.add(target);
      // A target that is not on the site keeps the words the record wrote, never an absolute path.
      const label = target ? recordLabel(target.record) : (l.label ?? (resolved.startsWith('/') ? basename(resolved) : resolved));
      list.push({ kind: l.kind, target, label });
      if (target) {
        const back = incoming.get(target.record.path) ?? [];
        back.push({ kind: reverseKind(l.kind), from: p });
        incoming.set(target.record.path, back);
      }
    }
    forward.set(path, list);
  }
  const out = new Map<string, PageLink[]>();
  for (const [path, p] of pages) {
    const own = forward.get(path) ?? [];
    const links: PageLink[] = own.map((l) => ({ verb: linkVerb(l.kind), label: l.label, page: l.target?.page, status: l.target?.record.status }));
    const already = new Set(own.filter((l) => l.target).map((l) => `${l.kind}\n${l.target!.source}`));
    const back = (incoming.get(p.record.path) ?? []).sort((a, b) =>
      a.from.source < b.from.source ? -1 : a.from.source > b.from.source ? 1 : a.kind < b.kind ? -1 : 1,
    );
    for (const b of back) {
      const key = `${b.kind}\n${b.from.source}`;
      if (already.has(key)) continue;
      already.add(key);
      links.push({ verb: linkVerb(b.kind), label: recordLabel(b.from.record), page: b.from.page, status: b.from.record.status });
    }
    out.set(path, links);
  }
  return out;
}
