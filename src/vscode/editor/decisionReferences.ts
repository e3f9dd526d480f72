import * as vscode from 'vscode';
import {
  DEFAULT_REFERENCE_PATTERNS,
  referencePatternProblems,
  DecisionReference,
  findDecisionReferences,
  resolveDecisionReference,
  staleReferenceMessage,
} from '../../core/decisions/codeReferences';
import { LodestarRecord } from '../../core/records/record';
import { recordLabel, statusLabel } from '../../core/records/recordLabels';
import { toPortPath } from '../../core/store/fileSystem';
import { linkVerb } from '../views/recordTreeItem';
import { WorkspaceRecords } from '../workspaceRecords';

/** Documents larger than this are not scanned for references. */
const MAX_SCANNED_CHARS = 1_000_000;
/** A hover lists this many of a record's links, then how many more. */
const MAX_HOVER_LINKS = 8;

/**
 * `ADR-0007` and links to record files in any open file: a document link to
 * the record, a hover with its number, title, status and date, and a warning
 * when the record is superseded or deprecated. Only open documents are ever
 * scanned, so large repositories cost nothing until a file is looked at.
 */
export function registerDecisionReferences(records: WorkspaceRecords, log: (line: string) => void = () => undefined): vscode.Disposable {
  const diagnostics = vscode.languages.createDiagnosticCollection('lodestar-references');
  // The setting is per folder (`resource` scope): read for the document's own folder. A pattern that cannot find a
  // number is said once in the log, not again for every document.
  const said = new Set<string>();
  const patterns = (doc: vscode.TextDocument): string[] => {
    const configured = vscode.workspace.getConfiguration('lodestar', doc.uri).get<string[]>('decisions.referencePatterns');
    if (!Array.isArray(configured) || configured.length === 0) return DEFAULT_REFERENCE_PATTERNS;
    for (const problem of referencePatternProblems(configured)) {
      if (said.has(problem)) continue;
      said.add(problem);
      log(`lodestar.decisions.referencePatterns: ${problem}`);
    }
    return configured;
  };
  const referencesIn = (doc: vscode.TextDocument): { ref: DecisionReference; record: LodestarRecord }[] => {
    if (doc.uri.scheme !== 'file' || doc.getText().length > MAX_SCANNED_CHARS) return [];
    const path = toPortPath(doc.uri.fsPath);
    const decisions = records.records('decision');
    if (decisions.length === 0) return [];
    return findDecisionReferences(doc.getText(), path, patterns(doc))
      .map((ref) => ({ ref, record: resolveDecisionReference(ref, decisions, path) }))
      .filter((x): x is { ref: DecisionReference; record: LodestarRecord } => x.record !== undefined && x.record.path !== path);
  };
  const successorOf = (record: LodestarRecord): LodestarRecord | undefined => {
    const index = records.indexOf(record.path);
    const link = record.links.find((l) => l.kind === 'superseded-by');
    return link && index ? index.record(index.resolveLink(record, link.target)) : undefined;
  };

  const linkLines = (record: LodestarRecord): string[] => {
    const index = records.indexOf(record.path);
    if (!index) return [];
    const lines = index.linksOf(record).map((l) => {
      const target = index.record(index.resolveLink(record, l.target));
      return `${linkVerb(l.kind)} ${target ? recordLabel(target) : (l.label ?? l.target)}`;
    });
    return lines.length > MAX_HOVER_LINKS ? [...lines.slice(0, MAX_HOVER_LINKS), `and ${lines.length - MAX_HOVER_LINKS} more`] : lines;
  };

  const update = (doc: vscode.TextDocument): void => {
    const found: vscode.Diagnostic[] = [];
    // Decision records name superseded ones on purpose ("Supersedes [2. …]"): links and hovers, no warnings.
    const path = doc.uri.scheme === 'file' ? toPortPath(doc.uri.fsPath) : '';
    if (records.indexOf(path)?.folderOf(path)?.kind === 'decision') {
      diagnostics.set(doc.uri, found);
      return;
    }
    for (const { ref, record } of referencesIn(doc)) {
      const message = staleReferenceMessage(record, successorOf(record));
      if (!message) continue;
      const d = new vscode.Diagnostic(new vscode.Range(doc.positionAt(ref.start), doc.positionAt(ref.end)), message, vscode.DiagnosticSeverity.Warning);
      d.source = 'lodestar';
      d.code = 'stale-decision-reference';
      found.push(d);
    }
    diagnostics.set(doc.uri, found);
  };
  const pending = new Map<string, NodeJS.Timeout>();
  const schedule = (doc: vscode.TextDocument): void => {
    const key = doc.uri.toString();
    clearTimeout(pending.get(key));
    pending.set(
      key,
      setTimeout(() => (pending.delete(key), update(doc)), 250),
    );
  };
  const updateOpen = (): void => vscode.workspace.textDocuments.forEach(update);

  const link = vscode.languages.registerDocumentLinkProvider(
    { scheme: 'file' },
    {
      provideDocumentLinks(doc) {
        return referencesIn(doc).map(({ ref, record }) => {
          const l = new vscode.DocumentLink(new vscode.Range(doc.positionAt(ref.start), doc.positionAt(ref.end)), vscode.Uri.file(record.path));
          l.tooltip = `${recordLabel(record)} (${statusLabel(record.status)})`;
          return l;
        });
      },
    },
  );
  const hover = vscode.languages.registerHoverProvider(
    { scheme: 'file' },
    {
      provideHover(doc, position) {
        const offset = doc.offsetAt(position);
        const hit = referencesIn(doc).find(({ ref }) => ref.start <= offset && offset <= ref.end);
        if (!hit) return undefined;
        const { record, ref } = hit;
        const md = new vscode.MarkdownString();
        md.appendMarkdown('**').appendText(recordLabel(record)).appendMarkdown('**\n\n');
        md.appendText(`${statusLabel(record.status)}${record.date ? ` · ${record.date}` : ''}`);
        const stale = staleReferenceMessage(record, successorOf(record));
        if (stale) md.appendMarkdown('\n\n$(warning) ').appendText(stale);
        // Its links both ways: what it supersedes or amends, and who supersedes, amends or refers to it.
        const links = linkLines(record);
        for (const line of links) md.appendMarkdown('\n\n').appendText(line);
        md.supportThemeIcons = true;
        return new vscode.Hover(md, new vscode.Range(doc.positionAt(ref.start), doc.positionAt(ref.end)));
      },
    },
  );
  return vscode.Disposable.from(
    diagnostics,
    link,
    hover,
    vscode.workspace.onDidOpenTextDocument(schedule),
    vscode.workspace.onDidChangeTextDocument((e) => schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => diagnostics.delete(doc.uri)),
    records.onDidChange(updateOpen),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('lodestar.decisions.referencePatterns') && updateOpen()),
    { dispose: () => pending.forEach((t) => clearTimeout(t)) },
  );
}
