import * as nodeFs from 'fs';
import * as path from 'path';
import { SiteFile } from './siteBuilder';

/** Lists what the last build wrote, so a rebuild removes pages of deleted records and nothing else. */
export const SITE_MANIFEST = '.lodestar-site';

export class SiteOutputError extends Error {}

/**
 * Checks that the output folder may be written: not the repository itself or
 * a folder above it, and either new, empty, or made by an earlier build (so
 * a mistyped `--out` never mixes the site into someone's files).
 */
export function checkOutputFolder(outDir: string, root: string): void {
  const out = path.resolve(outDir);
  const rel = path.relative(out, path.resolve(root));
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
    throw new SiteOutputError(`--out ${outDir} is the repository or a folder above it; choose a folder of its own (e.g. _site)`);
  }
  let stat: nodeFs.Stats | undefined;
  try {
    stat = nodeFs.statSync(out);
  } catch {
    return;
  }
  if (!stat.isDirectory()) throw new SiteOutputError(`--out ${outDir} is a file, not a folder`);
  const entries = nodeFs.readdirSync(out);
  if (entries.length > 0 && !entries.includes(SITE_MANIFEST)) {
    throw new SiteOutputError(`--out ${outDir} is not empty and was not made by lodestar site build; empty it or choose another folder`);
  }
}

/**
 * Writes the files (a file whose bytes are unchanged is left alone, so its
 * time stamp says when it last changed) and removes the files of the last
 * build that this one no longer has.
 */
export function writeSite(outDir: string, files: readonly SiteFile[]): { written: number; removed: number } {
  const out = path.resolve(outDir);
  nodeFs.mkdirSync(out, { recursive: true });
  const manifestPath = path.join(out, SITE_MANIFEST);
  let previous: string[] = [];
  try {
    previous = nodeFs.readFileSync(manifestPath, 'utf8').split('\n').filter(Boolean);
  } catch {
    // first build
  }
  const made = new Set<string>();
  let written = 0;
  for (const f of files) {
    const target = path.join(out, ...f.path.split('/'));
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      nodeFs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const bytes = typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : f.content;
    if (previous.length > 0 && sameBytes(target, bytes)) continue;
    nodeFs.writeFileSync(target, bytes);
    written++;
  }
  const now = new Set(files.map((f) => f.path));
  let removed = 0;
  for (const old of previous) {
    if (now.has(old) || old.split('/').some((seg) => seg === '..' || seg === '')) continue;
    try {
      nodeFs.unlinkSync(path.join(out, ...old.split('/')));
      removed++;
    } catch {
      // already gone
    }
  }
  nodeFs.writeFileSync(manifestPath, `${files.map((f) => f.path).join('\n')}\n`);
  return { written, removed };
}

function sameBytes(file: string, bytes: Uint8Array): boolean {
  try {
    const st = nodeFs.statSync(file);
    if (st.size !== bytes.length) return false;
    return Buffer.compare(nodeFs.readFileSync(file), bytes) === 0;
  } catch {
    return false;
  }
}
