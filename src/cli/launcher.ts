// `dist/cli.js`: starts the bundled CLI (`dist/lodestar-cli.js`) with V8's compiled code kept between runs.
//
// Compiling the 1 MB bundle is a fifth of a small command's time (`adr list` in a small repository: about 105 ms
// without, 85 ms with). Node 22 keeps compiled code itself (module.enableCompileCache); on older Node the code V8
// made for the bundle is saved after the first run and handed back to V8 on the next (vm.Script cachedData, as
// v8-compile-cache does), which V8 checks against the source and its own version and flags, and refuses when they
// differ: a stale or damaged cache only costs the compile it would have saved, and is written again.
//
// The cache lives in the user's own cache folder (LODESTAR_CACHE_DIR, else $XDG_CACHE_HOME/lodestar or
// ~/.cache/lodestar; %LOCALAPPDATA%\lodestar on Windows), never in a shared temporary folder: code V8 is told to
// trust must come from this user. LODESTAR_NO_CODE_CACHE=1 turns it off. Nothing here may make the CLI fail: any
// error in reading or writing the cache runs the bundle the plain way.
import * as fs from 'fs';
import Module from 'module';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { userCacheFolder } from './userCacheFolder';

const BUNDLE = path.join(__dirname, 'lodestar-cli.js');

type Loaded = { cachedData?: Buffer; cacheFile: string; folder: string; build: string };

// V8 saves the code of the functions that ran before the cache was written: a cache written by `adr list` would
// leave `index` compiling its parser, the YAML library and the rest lazily on every run (60 ms and more). So each
// command keeps its own cache: the command word, and `adr`'s subcommand; anything else shares one.
const COMMANDS = new Set(['adr', 'index', 'lint', 'pairing', 'prs', 'report', 'search', 'site', 'why']);
const ADR_COMMANDS = new Set(['new', 'list', 'link', 'generate', 'init', 'renumber', 'upgrade-repository']);

function commandOf(argv: string[]): string {
  const [first, second] = argv;
  if (first === undefined || !COMMANDS.has(first)) return 'other';
  return first === 'adr' && second !== undefined && ADR_COMMANDS.has(second) ? `adr-${second}` : first;
}

type Cli = { runCli(): void };

/** Loads the bundle as Node would load it, from `source`, with V8's cached code when there is some. */
function loadWithCodeCache(source: string, cache: Loaded): Cli {
  const script = new vm.Script(Module.wrap(source.replace(/^#!.*/, '')), { filename: BUNDLE, cachedData: cache.cachedData });
  const bundle = new Module(BUNDLE, module);
  bundle.filename = BUNDLE;
  bundle.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(__dirname);
  const bundleRequire = Module.createRequire(BUNDLE);
  if (cache.cachedData === undefined || script.cachedDataRejected) {
    // Written once the command has run, so the functions it compiled on the way are in the cache too.
    process.once('exit', () => writeCache(script, cache));
  }
  (script.runInThisContext() as (...args: unknown[]) => void).call(bundle.exports, bundle.exports, bundleRequire, bundle, BUNDLE, __dirname);
  bundle.loaded = true;
  return bundle.exports as Cli;
}

function writeCache(script: vm.Script, cache: Loaded): void {
  try {
    fs.mkdirSync(cache.folder, { recursive: true, mode: 0o700 });
    const temporary = `${cache.cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(temporary, cache.cacheFile);
    // The caches of other builds of the bundle (an upgrade) go; this build's other commands' stay.
    for (const name of fs.readdirSync(cache.folder)) {
      if (name.startsWith('cli-code-') && !name.endsWith(`-${cache.build}.bin`) && !name.endsWith('.tmp'))
        fs.rmSync(path.join(cache.folder, name), { force: true });
    }
  } catch {
    // A read-only home, a full disk: the next run compiles again.
  }
}

// A command is a short run: most of a cold `index` is spent before V8's optimizing compiler has caught up with the
// parser (its thread takes the machine's other core the whole time). With less inlined into each optimized
// function, each compiles sooner: `index` of 10,000 records 6–8% faster, the other commands unchanged or faster.
// Only on the Node versions the flag is known on: V8 prints an error for a flag it does not know, on the output.
const TUNED_NODE = new Set(['18', '20', '22']);

function tuneCompiler(): void {
  if (process.env.LODESTAR_V8_DEFAULTS === '1' || !TUNED_NODE.has(process.versions.node.split('.')[0])) return;
  try {
    v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');
  } catch {
    // The defaults, then.
  }
}

function load(): Cli {
  if (process.env.LODESTAR_NO_CODE_CACHE !== '1') {
    const enable = (Module as unknown as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
    if (typeof enable === 'function') {
      try {
        enable(path.join(userCacheFolder(), 'node-compile-cache'));
      } catch {
        // run without
      }
    } else {
      let source: string | undefined;
      let cache: Loaded | undefined;
      try {
        source = fs.readFileSync(BUNDLE, 'utf8');
        const stat = fs.statSync(BUNDLE);
        const folder = userCacheFolder();
        // One file per build of the bundle and per Node (V8 would refuse the others anyway), and per command.
        const build = `${stat.size}-${Math.floor(stat.mtimeMs)}-${process.version}-${process.arch}`;
        const cacheFile = path.join(folder, `cli-code-${commandOf(process.argv.slice(2))}-${build}.bin`);
        let cachedData: Buffer | undefined;
        try {
          cachedData = fs.readFileSync(cacheFile);
        } catch {
          cachedData = undefined;
        }
        cache = { cachedData, cacheFile, folder, build };
      } catch {
        cache = undefined;
      }
      if (source !== undefined && cache !== undefined) return loadWithCodeCache(source, cache);
    }
  }
  return Module.createRequire(__filename)(BUNDLE) as Cli;
}

tuneCompiler();
load().runCli();
