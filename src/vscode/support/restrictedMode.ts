import * as vscode from 'vscode';

/**
 * The one Restricted Mode guard of commands that write files, run git or serve files: in an untrusted
 * workspace it says so — "Lodestar does not {what} in Restricted Mode[ ({why})]. {then}" — and returns true.
 */
export function refusedInRestrictedMode(what: string, then = 'Trust this workspace to write files.', why?: string): boolean {
  if (vscode.workspace.isTrusted) return false;
  void vscode.window.showWarningMessage(`Lodestar does not ${what} in Restricted Mode${why ? ` (${why})` : ''}. ${then}`);
  return true;
}
