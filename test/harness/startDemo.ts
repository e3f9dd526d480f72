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

async function main(): Promise<void> {
  const root = projectRoot();
  const folder = await freshDemoWorkspace();
  step(`demo workspace: ${folder}`);

  const code = commandPath('code');
  if (code && !process.env.LODESTAR_DEMO_CODE_SERVER) {
    step(`opening it in ${code} with the extension loaded from ${root}`);
    const child = spawn(code, [`--extensionDevelopmentPath=${root}`, folder], { stdio: 'inherit' });
    child.on('exit', (exitCode) => process.exit(exitCode ?? 0));
    return;
  }

  // The payload loads the extension from source (dist/), like F5 in VS Code does, with no packaging step.
  const server = await startCodeServer({ label: 'demo', open: folder });
  const url = server.workbenchUrl({ folder, payload: [['extensionDevelopmentPath', server.remoteUri(root)]] });
  console.log(`\nLodestar demo is running. Open this URL in a browser on this machine:\n\n  ${url}\n`);
  console.log(`workspace: ${folder}\ncode-server log: ${server.logFile}\nPress Ctrl-C to stop.`);
  // Ctrl-C: processes.ts kills code-server's process group on SIGINT; keep this process alive until then.
  setInterval(() => undefined, 1 << 30);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
