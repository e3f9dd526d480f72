// Installs code-server once into the cache, outside the project's node_modules (it is ~300 MB), the way that
// works offline: Debian's rg stands in for the ripgrep download, and the postinstall must really run.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cacheDir } from './paths';
import { commandPath, run } from './processes';
import { step, tail } from './progress';
import { ensureSystemPackages } from './systemPackages';

export const CODE_SERVER_VERSION = '4.100.3'; // VS Code 1.100.3; the newest line whose engines.node is 20

function installDir(): string {
  return path.join(cacheDir(), `code-server-${CODE_SERVER_VERSION}`);
}

function binaryIn(dir: string): string {
  return path.join(dir, 'node_modules', '.bin', 'code-server');
}

// code-server's postinstall installs VS Code's own dependencies; these files exist only if it really ran.
function missingPostinstallOutputs(dir: string): string[] {
  const vscode = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
  const expected = ['node_modules.asar', 'node_modules/node-pty/build/Release/pty.node', 'node_modules/@vscode/ripgrep/bin/rg', 'extensions/node_modules'];
  return expected.filter((relative) => !fs.existsSync(path.join(vscode, relative)));
}

// @vscode/ripgrep's postinstall downloads rg from GitHub unless this archive is already in its cache; we fill it with Debian's rg.
function seedRipgrepArchive(): void {
  const target = process.arch === 'arm64' ? 'aarch64-unknown-linux-musl' : 'x86_64-unknown-linux-musl';
  const archiveDir = path.join(os.tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const archive = path.join(archiveDir, `ripgrep-v13.0.0-10-${target}.tar.gz`);
  if (fs.existsSync(archive)) return;
  const rg = commandPath('rg');
  if (!rg) throw new Error('ripgrep (rg) is not installed: apt-get install -y ripgrep');
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-rg-'));
  fs.copyFileSync(rg, path.join(staging, 'rg'));
  fs.chmodSync(path.join(staging, 'rg'), 0o755);
  fs.mkdirSync(archiveDir, { recursive: true });
  const tar = spawnSync('tar', ['czf', archive, '-C', staging, 'rg'], { encoding: 'utf8' });
  fs.rmSync(staging, { recursive: true, force: true });
  if (tar.status !== 0) throw new Error(`could not create ${archive}: ${tar.stderr}`);
}

function lastLine(file: string): string {
  const lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return (lines[lines.length - 1] ?? '').slice(0, 120);
}

function installEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`, which would otherwise ask and cancel
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root without it
  };
  // node-gyp would download Node's headers; point it at the ones installed next to this node when there are some.
  const nodePrefix = path.resolve(path.dirname(process.execPath), '..');
  if (!env.npm_config_nodedir && fs.existsSync(path.join(nodePrefix, 'include', 'node', 'node.h'))) env.npm_config_nodedir = nodePrefix;
  return env;
}

/** Makes sure the Debian packages and code-server are installed; returns the code-server binary. The first time takes about a minute. */
export async function ensureCodeServer(): Promise<string> {
  await ensureSystemPackages();
  const dir = installDir();
  if (fs.existsSync(binaryIn(dir)) && missingPostinstallOutputs(dir).length === 0) return binaryIn(dir);

  const logFile = `${dir}-install.log`;
  step(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (once; about a minute; log ${logFile})`);
  seedRipgrepArchive();
  // Install beside the final folder and rename at the end, so an interrupted or concurrent install never leaves a half-built cache.
  const staging = `${dir}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  // allowScripts approves the two install scripts it needs, for npm versions that skip unreviewed ones.
  const manifest = { name: 'lodestar-code-server', private: true, allowScripts: { 'code-server': true, argon2: true } };
  fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(logFile, '');
  const args = ['install', `code-server@${CODE_SERVER_VERSION}`, '--unsafe-perm', '--foreground-scripts', '--no-audit', '--no-fund'];
  const started = Date.now();
  const ticker = setInterval(() => step(`  still installing (${Math.round((Date.now() - started) / 1000)} s): ${lastLine(logFile)}`), 15_000);
  const code = await run('npm', args, { cwd: staging, env: installEnvironment(), logFile }).finally(() => clearInterval(ticker));
  const missing = missingPostinstallOutputs(staging);
  if (code !== 0 || missing.length > 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    const reason = code !== 0 ? `npm install exited with ${code}` : `its postinstall did not run or finish (missing ${missing.join(', ')})`;
    throw new Error(`installing code-server failed: ${reason}. Last lines of ${logFile}:\n${tail(fs.readFileSync(logFile, 'utf8'), 40)}`);
  }
  if (fs.existsSync(binaryIn(dir)) && missingPostinstallOutputs(dir).length === 0) {
    fs.rmSync(staging, { recursive: true, force: true }); // another run finished first
  } else {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
  }
  step('code-server installed');
  return binaryIn(dir);
}
