// `npm run test:electron`: the same extension-host suite as tier 2, in desktop VS Code via @vscode/test-electron.
// That launcher downloads VS Code from update.code.visualstudio.com, so it needs internet; offline, use `npm test`.
import { runTests } from '@vscode/test-electron';
import * as path from 'path';
import { buildMonorepoWorkspace, buildMultiRootWorkspace, buildSingleRootWorkspace } from '../fixtures/workspaces';
import { Scenario } from './extensionHost';
import { freshTempDir, projectRoot, removeTempDir } from './paths';
import { step } from './progress';

// Pinned to the VS Code inside code-server 4.100.3 so both launchers test the same version; override with LODESTAR_VSCODE_VERSION.
const vscodeVersion = process.env.LODESTAR_VSCODE_VERSION || '1.100.3';

async function workspaceFor(scenario: Scenario, dir: string): Promise<string> {
  if (scenario === 'monorepo') return (await buildMonorepoWorkspace(dir)).workspaceFile;
  if (scenario !== 'multi') return (await buildSingleRootWorkspace(dir)).folder;
  return (await buildMultiRootWorkspace(dir)).workspaceFile;
}

// Network errors from the download look like this; anything else is a real test failure.
function looksLikeDownloadFailure(error: unknown): boolean {
  return /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up|download|update\.code\.visualstudio\.com/i.test(
    String(error),
  );
}

async function runScenario(scenario: Scenario): Promise<void> {
  const root = projectRoot();
  const scratch = freshTempDir(`electron-${scenario}`);
  try {
    const workspace = await workspaceFor(scenario, path.join(scratch, 'workspace'));
    step(`@vscode/test-electron (${scenario}): VS Code ${vscodeVersion}, workspace ${workspace}`);
    await runTests({
      version: vscodeVersion,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', ...(scenario === 'restricted' ? [] : ['--disable-workspace-trust'])],
      extensionTestsEnv: { LODESTAR_TEST_SCENARIO: scenario },
    });
  } finally {
    removeTempDir(scratch);
  }
}

async function main(): Promise<number> {
  let failed = 0;
  for (const scenario of ['single', 'multi', 'restricted', 'monorepo'] as Scenario[]) {
    try {
      await runScenario(scenario);
      console.log(`${scenario}: passed`);
    } catch (error) {
      failed++;
      if (looksLikeDownloadFailure(error)) {
        console.error(
          `${scenario}: could not download VS Code ${vscodeVersion} (${String(error).split('\n')[0]}).\n` +
            '  @vscode/test-electron needs internet access to update.code.visualstudio.com.\n' +
            '  On an offline machine run `npm test`: it runs the same suite in code-server from npm.',
        );
        break; // the other scenario would fail the same way
      }
      console.error(`${scenario}: failed: ${error instanceof Error ? error.message : error}`);
      // Desktop VS Code needs a display; headless Linux CI runs it under xvfb-run.
      if (process.platform === 'linux' && !process.env.DISPLAY)
        console.error('  no $DISPLAY: on a headless Linux machine run `xvfb-run -a npm run test:electron`');
    }
  }
  return failed > 0 ? 1 : 0;
}

main().then((code) => process.exit(code));
