import * as vscode from 'vscode';
import { Problem } from '../core/records/record';
import { WorkspaceRecords } from './workspaceRecords';

const SEVERITY: Record<Problem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Mirrors the index's problems into the Problems panel, refreshed on every index change. */
export function registerProblemDiagnostics(records: WorkspaceRecords): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('lodestar');
  const update = (): void => {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const p of records.problems()) {
      const line = Math.max(p.line - 1, 0);
      const d = new vscode.Diagnostic(new vscode.Range(line, Math.max((p.column ?? 1) - 1, 0), line, 1000), p.message, SEVERITY[p.severity]);
      d.source = 'lodestar';
      d.code = p.code;
      const list = byFile.get(p.path);
      if (list) list.push(d);
      else byFile.set(p.path, [d]);
    }
    collection.clear();
    for (const [path, list] of byFile) collection.set(vscode.Uri.file(path), list);
  };
  const sub = records.onDidChange(update);
  return vscode.Disposable.from(collection, sub);
}
