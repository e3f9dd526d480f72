// `npm start`: Lodestar on a demo repository (decision records, design docs, mentoring notes) to click around in.
// Uses desktop VS Code (`code`) when installed, otherwise code-server in the browser.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildDemoWorkspace } from '../fixtures/workspaces';
import { startCodeServer } from './codeServer';
import { cacheDir, projectRoot } from './paths';
import { commandPath } from './processes';
import { step } from './progress';

/** Rebuilt on every start so the demo always matches the current fixtures. */
async function freshDemoWorkspace(): Promise<string> {
  const dir = path.join(cacheDir(), 'demo');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return (await buildDemoWorkspace(dir)).folder;
}

/**
 * The demo's private notebook (private notes, private mentees, reports):
 * outside the demo repository, which is rebuilt on every start, so what was
 * written in one demo is there in the next.
 */
function keptNotebook(): string {
  const dir = path.join(cacheDir(), 'demo-private-notebook');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Desktop VS Code's profile for the demo (kept too), whose settings point Lodestar at the kept notebook. */
function demoProfile(settings: Record<string, unknown>): string {
  const dir = path.join(cacheDir(), 'demo-profile');
  const file = path.join(dir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let current: Record<string, unknown> = {};
  try {
    current = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // No settings yet (or unreadable): start from the demo's own.
  }
  fs.writeFileSync(file, JSON.stringify({ ...current, ...settings }, null, 2));
  return dir;
}

async function main(): Promise<void> {
  const root = projectRoot();
  const folder = await freshDemoWorkspace();
  const notebook = keptNotebook();
  const settings = { 'lodestar.privateNotebook.path': notebook };
  step(`demo workspace: ${folder}`);
  const kept = `Private notes and reports of the demo are kept in ${notebook}: they survive the demo (the demo repository is rebuilt on every start). Delete that folder to start afresh.`;

  const code = commandPath('code');
  if (code && !process.env.LODESTAR_DEMO_CODE_SERVER) {
    step(`opening it in ${code} with the extension loaded from ${root}`);
    console.log(kept);
    const child = spawn(code, [`--user-data-dir=${demoProfile(settings)}`, `--extensionDevelopmentPath=${root}`, folder], { stdio: 'inherit' });
    child.on('exit', (exitCode) => process.exit(exitCode ?? 0));
    return;
  }

  // The payload loads the extension from source (dist/), like F5 in VS Code does, with no packaging step.
  const server = await startCodeServer({ label: 'demo', open: folder, userSettings: settings });
  const url = server.workbenchUrl({ folder, payload: [['extensionDevelopmentPath', server.remoteUri(root)]] });
  console.log(`\nLodestar demo is running. Open this URL in a browser on this machine:\n\n  ${url}\n`);
  console.log(`workspace: ${folder}\n${kept}\ncode-server log: ${server.logFile}\nPress Ctrl-C to stop.`);
  // Ctrl-C: processes.ts kills code-server's process group on SIGINT; keep this process alive until then.
  setInterval(() => undefined, 1 << 30);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
