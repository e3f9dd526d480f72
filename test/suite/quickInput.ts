import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually, lodestar } from './support';

type Shown = vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox;

/**
 * Answers a Lodestar flow's quick inputs as a user does: waits for the step
 * (by title and step number), types into it, and accepts or goes Back with
 * VS Code's own commands.
 */
export async function stepShown(title: RegExp, step?: number): Promise<Shown> {
  const api = await lodestar();
  let found: Shown | undefined;
  await eventually(() => {
    const shown = api.shownQuickInput();
    assert.ok(shown, 'no quick input is shown');
    assert.match(shown.title ?? '', title);
    if (step !== undefined) assert.strictEqual(shown.step, step, `step of "${shown.title}"`);
    if ('busy' in shown) assert.strictEqual(shown.busy, false, 'still loading');
    found = shown;
  }, 15000);
  return found as Shown;
}

/** Types `value` (replacing what the step holds) and presses Enter. */
export async function answer(input: Shown, value?: string): Promise<void> {
  if (value !== undefined) input.value = value;
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

/** The Back button. */
export async function back(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.quickInputBack');
}

/** Escape: the flow ends with nothing written. */
export async function cancel(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
}
