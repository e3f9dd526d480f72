import * as nodeFs from 'fs';
import * as os from 'os';
import * as nodePath from 'path';
import { ForgeHostHints, RemoteRepo, remotesInOrder } from './remotes';

/**
 * The repository's remotes read from its git config file, without starting
 * git: for commands that must stay fast (`lodestar index`), and only when
 * they need them. The same remotes, in the same order, as `readRemotes`
 * (`git remote -v`) gives: origin first, then upstream, then the others; each
 * remote's first `url`, rewritten by the longest `url.<base>.insteadOf` of
 * the repository's and the user's config files. Credentials in URLs are
 * dropped while parsing (see `parseRemoteUrl`). No repository, no config or
 * an unreadable one gives [].
 *
 * Not read: `include`/`includeIf` files, the system config, the
 * `.git/remotes/` and `.git/branches/` files of old gits.
 */
export function readConfigRemotes(folder: string, hints: ForgeHostHints = {}): RemoteRepo[] {
  const gitDir = gitDirOf(folder);
  if (!gitDir) return [];
  const config = readText(nodePath.join(commonDirOf(gitDir), 'config'));
  if (config === undefined) return [];
  const entries = parseGitConfig(config);
  const named: { name: string; url: string }[] = [];
  for (const e of entries)
    if (e.section === 'remote' && e.subsection !== undefined && e.key === 'url' && e.value !== undefined) named.push({ name: e.subsection, url: e.value });
  if (named.length === 0) return [];
  const rewrites: { from: string; to: string }[] = [];
  for (const text of [...userConfigTexts(), config])
    for (const e of parseGitConfig(text))
      if (e.section === 'url' && e.subsection !== undefined && e.key === 'insteadof' && e.value) rewrites.push({ from: e.value, to: e.subsection });
  const rewrite = (url: string): string => {
    let best: { from: string; to: string } | undefined;
    for (const r of rewrites) if (url.startsWith(r.from) && (!best || r.from.length > best.from.length)) best = r;
    return best ? best.to + url.slice(best.from.length) : url;
  };
  return remotesInOrder(
    named.map((n) => ({ name: n.name, url: rewrite(n.url) })),
    hints,
  );
}

/** The git directory of the repository holding `folder`: `.git`, or the one a `.git` file (worktree, submodule) names. */
export function gitDirOf(folder: string): string | undefined {
  for (let dir = nodePath.resolve(folder); ; dir = nodePath.dirname(dir)) {
    const dotGit = nodePath.join(dir, '.git');
    let stat: nodeFs.Stats | undefined;
    try {
      stat = nodeFs.statSync(dotGit);
    } catch {
      // no .git here: look further up
    }
    if (stat?.isDirectory()) return dotGit;
    if (stat?.isFile()) {
      const named = /^gitdir:\s*(.+?)\s*$/m.exec(readText(dotGit) ?? '')?.[1];
      return named ? nodePath.resolve(dir, named) : undefined;
    }
    if (nodePath.dirname(dir) === dir) return undefined;
  }
}

/** Where a git directory's shared files (config, refs) are: a linked worktree's `commondir`, else the directory itself. */
function commonDirOf(gitDir: string): string {
  const common = readText(nodePath.join(gitDir, 'commondir'))?.trim();
  return common ? nodePath.resolve(gitDir, common) : gitDir;
}

function userConfigTexts(): string[] {
  const home = os.homedir();
  const files = process.env.GIT_CONFIG_GLOBAL
    ? [process.env.GIT_CONFIG_GLOBAL]
    : [nodePath.join(process.env.XDG_CONFIG_HOME || nodePath.join(home, '.config'), 'git', 'config'), nodePath.join(home, '.gitconfig')];
  return files.flatMap((f) => readText(f) ?? []);
}

function readText(file: string): string | undefined {
  try {
    return nodeFs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export interface GitConfigEntry {
  /** Lower-case section name (`remote`). */
  section: string;
  /** The subsection as written (`origin`); a `[section.sub]` header's lower-cased. */
  subsection?: string;
  /** Lower-case key name. */
  key: string;
  /** The value, unquoted and unescaped; undefined for a key with no `=` (boolean true). */
  value?: string;
}

/**
 * Parses git config text: `[section "sub"]` and `[section.sub]` headers,
 * `key = value` lines with quotes, escapes (`\"`, `\\`, `\n`, `\t`, `\b`),
 * line continuations and `#`/`;` comments. Lines it cannot read are skipped.
 */
export function parseGitConfig(text: string): GitConfigEntry[] {
  const out: GitConfigEntry[] = [];
  let section: string | undefined;
  let subsection: string | undefined;
  let i = 0;
  const n = text.length;
  const skipLine = (): void => {
    while (i < n && text[i] !== '\n') i++;
    i++;
  };
  while (i < n) {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r' || text[i] === '\n' || text[i] === '\ufeff')) i++;
    if (i >= n) break;
    const c = text[i];
    if (c === '#' || c === ';') {
      skipLine();
      continue;
    }
    if (c === '[') {
      const header = /^\[\s*([A-Za-z0-9.-]+)\s*(?:"((?:[^"\\\n]|\\.)*)")?\s*\]/.exec(text.slice(i, text.indexOf('\n', i) < 0 ? n : text.indexOf('\n', i)));
      if (!header) {
        section = undefined;
        skipLine();
        continue;
      }
      const name = header[1];
      if (header[2] !== undefined) {
        section = name.toLowerCase();
        subsection = header[2].replace(/\\(.)/g, '$1');
      } else {
        const dot = name.indexOf('.');
        section = (dot < 0 ? name : name.slice(0, dot)).toLowerCase();
        subsection = dot < 0 ? undefined : name.slice(dot + 1).toLowerCase();
      }
      i += header[0].length;
      continue;
    }
    const key = /^[A-Za-z][A-Za-z0-9-]*/.exec(text.slice(i, i + 256))?.[0];
    if (!key || section === undefined) {
      skipLine();
      continue;
    }
    i += key.length;
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i >= n || text[i] === '\n' || text[i] === '\r' || text[i] === '#' || text[i] === ';') {
      out.push({ section, subsection, key: key.toLowerCase() });
      skipLine();
      continue;
    }
    if (text[i] !== '=') {
      skipLine();
      continue;
    }
    i++;
    // The value: leading blanks dropped, trailing unquoted blanks dropped, quotes and escapes resolved.
    let value = '';
    let pending = '';
    let quoted = false;
    let ok = true;
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    for (; i < n; i++) {
      const ch = text[i];
      if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
        if (quoted) ok = false;
        break;
      }
      if (!quoted && (ch === '#' || ch === ';')) {
        while (i < n && text[i] !== '\n') i++;
        break;
      }
      if (!quoted && (ch === ' ' || ch === '\t')) {
        pending += ch;
        continue;
      }
      value += pending;
      pending = '';
      if (ch === '"') {
        quoted = !quoted;
        continue;
      }
      if (ch === '\\') {
        const next = text[i + 1];
        if (next === '\n') {
          i++;
          continue;
        }
        if (next === '\r' && text[i + 2] === '\n') {
          i += 2;
          continue;
        }
        const escaped = next === 'n' ? '\n' : next === 't' ? '\t' : next === 'b' ? '\b' : next === '"' || next === '\\' ? next : undefined;
        if (escaped === undefined) {
          ok = false;
          break;
        }
        value += escaped;
        i++;
        continue;
      }
      value += ch;
    }
    if (ok && !quoted) out.push({ section, subsection, key: key.toLowerCase(), value });
    skipLine();
  }
  return out;
}
