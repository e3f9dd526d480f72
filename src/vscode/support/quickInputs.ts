import * as vscode from 'vscode';

/**
 * The quick input (pick or box) a Lodestar flow shows now, if any: what
 * extension-host tests read and answer, as a user would, through VS Code's
 * own accept and Back commands.
 */
let shown: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox | undefined;

/** Remembers `input` as the one shown until it hides. */
export function tracked<T extends vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox>(input: T): T {
  shown = input;
  input.onDidHide(() => {
    if (shown === input) shown = undefined;
  });
  return input;
}

export function shownQuickInput(): vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox | undefined {
  return shown;
}
