import * as nodeFs from 'fs';
import { defaultRoot } from './subfolderNote';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { DEFAULT_SETTINGS } from '../core/index/recordFolders';
import { createGitExecutor } from '../core/git/gitExecutor';
import { publishSite, PublishResult } from '../core/site/publishSite';
import { serveSiteFolder } from '../core/site/siteServer';
import { SiteOutputError } from '../core/site/siteWriter';
import { EntryType, toPortPath } from '../core/store/fileSystem';
import { NodeFileSystem } from '../core/store/nodeFileSystem';
import { openRecordCache } from './recordCache';
import { counted } from './counted';

export const SITE_HELP = `usage: lodestar site build [--out DIR] [--root DIR] [--base-url URL] [--no-mermaid]
       lodestar site serve [--port N] [--out DIR] [--root DIR] [--no-mermaid]

build   writes a static site of every decision record and design doc to DIR (default: ROOT/_site):
        a page per record, index.html with filters and search, search-index.json. Opens from file://.
serve   builds it, serves it on http://127.0.0.1:N/ (default 4173) and rebuilds when a record changes.

--base-url URL   where the site will be published (canonical links, absolute URLs in search-index.json)
--no-mermaid     show \`\`\`mermaid blocks as code instead of drawing them with the bundled mermaid
`;

type Write = (s: string) => void;

/** `lodestar site build|serve …` */
export async function siteMain(argv: string[], out: Write, err: Write, signal?: AbortSignal): Promise<number> {
  // `lodestar site --help` (or -h) asks for this help, as `site help` does.
  if (argv[0] === '--help' || argv[0] === '-h') argv = ['help', ...argv.slice(1)];
  const sub = argv[0];
  let values: { out?: string; root?: string; 'base-url'?: string; port?: string; 'no-mermaid'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv.slice(1),
      options: {
        out: { type: 'string' },
        root: { type: 'string' },
        'base-url': { type: 'string' },
        port: { type: 'string' },
        'no-mermaid': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    err(`lodestar site: ${(e as Error).message}\n\n${SITE_HELP}`);
    return 2;
  }
  if (sub === 'help' || sub === undefined || values.help) {
    (sub === undefined ? err : out)(SITE_HELP);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'build' && sub !== 'serve') {
    err(`lodestar site: unknown command "${sub}"\n\n${SITE_HELP}`);
    return 2;
  }
  if (sub === 'build' && values.port !== undefined) {
    err(`lodestar site: build does not take --port\n\n${SITE_HELP}`);
    return 2;
  }
  // Blocking reads: the index reads while the render worker drafts pages, so the main thread has nothing else to do.
  const fs = new NodeFileSystem({ blockingReads: true });
  const root = values.root === undefined ? await defaultRoot(`site ${sub}`, process.cwd(), fs, err) : toPortPath(path.resolve(values.root));
  const st = await fs.stat(root);
  if (!st || !(st.type & EntryType.Directory)) {
    err(`lodestar site: --root ${root} is not a folder\n`);
    return 2;
  }
  const mermaidPath = values['no-mermaid'] ? undefined : findMermaidScript();
  // Read (5 MB) only by a build whose records have diagrams.
  const mermaidScript = mermaidPath === undefined ? undefined : (): Uint8Array => nodeFs.readFileSync(mermaidPath);
  const temporary = !values.out && sub === 'serve';
  const outDir = values.out ? path.resolve(values.out) : temporary ? nodeFs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-site-')) : path.join(root, '_site');
  const build = async (): Promise<PublishResult> => {
    const recordCache = openRecordCache(root);
    const r = await publishSite({ fs, root, settings: DEFAULT_SETTINGS, outDir, baseUrl: values['base-url'], mermaidScript, recordCache });
    recordCache?.save();
    return r;
  };
  const report = (r: PublishResult): void => {
    for (const w of r.warnings) err(`lodestar site: ${w}\n`);
    if (r.historyUnavailable) err(`lodestar site: no git history (${r.historyUnavailable}); pages show no created/last-edited dates\n`);
    if (r.diagramsAsCode > 0 && !values['no-mermaid'])
      err(
        `lodestar site: mermaid.min.js is missing next to lodestar (reinstall it); ${counted(r.diagramsAsCode, 'record')} ${r.diagramsAsCode === 1 ? 'shows its' : 'show their'} diagrams as code\n`,
      );
  };
  let first: PublishResult;
  try {
    first = await build();
  } catch (e) {
    if (e instanceof SiteOutputError || /--base-url/.test((e as Error).message)) {
      err(`lodestar site: ${(e as Error).message}\n`);
      return 2;
    }
    // The output folder cannot be written (read-only, a full disk): say which, not Node's bare error.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOSPC') {
      const what = code === 'ENOSPC' ? 'the disk is full' : 'permission denied';
      err(`lodestar site: cannot write the site to ${outDir} (${what}: ${(e as NodeJS.ErrnoException).path ?? outDir}); the repository is untouched\n`);
      return 2;
    }
    throw e;
  }
  report(first);
  if (sub === 'build') {
    out(`${counted(first.pages, 'page')}, ${counted(first.copied, 'file')} copied → ${outDir}\n`);
    if (!values.out && !(await ignoredByGit(root, '_site'))) err(UNIGNORED_SITE_NOTE);
    return 0;
  }
  const port = values.port === undefined ? 4173 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    err(`lodestar site: --port must be a number from 0 to 65535\n`);
    return 2;
  }
  let server;
  try {
    server = await serveSiteFolder(outDir, port);
  } catch (e) {
    err(`lodestar site: cannot listen on 127.0.0.1:${port} (${(e as Error).message}); try another --port\n`);
    return 2;
  }
  out(`serving ${counted(first.pages, 'page')} at ${server.url} (rebuilt when records change; Ctrl+C stops)\n`);
  const stopWatching = watchForChanges(root, outDir, async () => {
    try {
      const r = await build();
      report(r);
      out(`rebuilt: ${counted(r.pages, 'page')}, ${counted(r.written, 'file')} changed\n`);
    } catch (e) {
      err(`lodestar site: rebuild failed: ${(e as Error).message}\n`);
    }
  });
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop);
  });
  stopWatching();
  await server.close();
  if (temporary) nodeFs.rmSync(outDir, { recursive: true, force: true });
  return 0;
}

/**
 * Calls `rebuild` (debounced, never two at once) when a file under the root
 * changes, except in the output folder, `.git` and `node_modules`.
 */
export function watchForChanges(root: string, outDir: string, rebuild: () => Promise<void>): () => void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const outRel = path.relative(root, outDir);
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = rebuild().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        run();
      }
    });
  };
  const watcher = nodeFs.watch(root, { recursive: true }, (_event, name) => {
    const rel = String(name ?? '');
    if (rel.split(path.sep).some((seg) => seg === '.git' || seg === 'node_modules')) return;
    if (outRel && !outRel.startsWith('..') && (rel === outRel || rel.startsWith(outRel + path.sep))) return;
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}

/**
 * Where the bundled mermaid is: `mermaid.min.js` next to the CLI (the npm
 * package carries it in `dist/`), else the one npm installed in a
 * `node_modules` found upward from the CLI.
 */
export function findMermaidScript(): string | undefined {
  let dir = __dirname;
  const beside = path.join(dir, 'mermaid.min.js');
  if (nodeFs.existsSync(beside)) return beside;
  for (;;) {
    const candidate = path.join(dir, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
    if (nodeFs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const UNIGNORED_SITE_NOTE =
  'lodestar site: note: _site/ is in the repository and git does not ignore it; add `_site/` to .gitignore (or build elsewhere with --out DIR)\n';

/**
 * Whether git ignores the folder `name` in the repository at `root` as a whole (it is listed as an ignored folder);
 * true outside a repository, or when git cannot say: the default `_site/` is then no file a `git add -A` would commit
 * by mistake.
 */
async function ignoredByGit(root: string, name: string): Promise<boolean> {
  try {
    const listed = await createGitExecutor(root).run(['ls-files', '--others', '--ignored', '--exclude-standard', '--directory', '-z', '--', name]);
    return listed.split('\0').includes(`${name}/`);
  } catch {
    return true;
  }
}
