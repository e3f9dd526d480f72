import type * as vscode from 'vscode';

/**
 * What Restricted Mode leaves empty because it needs git (the records governing code, other branches' numbers,
 * detected pairing) is read again the moment the workspace is trusted: nothing else asks before a file changes.
 * A rebuild that fails is logged and the others still run.
 */
export function rebuildOnTrust(onDidGrant: vscode.Event<void>, rebuilds: Record<string, () => unknown>, log: (line: string) => void): vscode.Disposable {
  return onDidGrant(() => {
    for (const [what, rebuild] of Object.entries(rebuilds)) {
      Promise.resolve()
        .then(rebuild)
        .catch((e: unknown) => log(`Could not read ${what} again once the workspace was trusted: ${e instanceof Error ? e.message : String(e)}`));
    }
  });
}
