import * as vscode from 'vscode';
import { parseSearchQuery, readSearchable, SearchableRecord, SearchHit, searchRecords } from '../../core/search/recordSearch';
import { fold } from '../../core/listing/recordFilter';
import { recordLabel } from '../../core/records/recordLabels';
import { WorkspaceFileSystem } from '../workspaceFileSystem';
import { WorkspaceRecords } from '../workspaceRecords';
import { tracked } from '../support/quickInputs';

interface HitItem extends vscode.QuickPickItem {
  hit: SearchHit;
}

/** At most this many matches are listed; the rest are counted in the placeholder. */
const SHOWN = 200;

/**
 * **Lodestar: Search Records…**: a quick pick over the titles, tags and text
 * of every decision record and design doc, best match first; choosing one
 * opens it with the match selected. The optional argument fills the box.
 */
export function registerSearchRecordsCommand(records: WorkspaceRecords): vscode.Disposable {
  return vscode.commands.registerCommand('lodestar.searchRecords', async (initial?: string) => {
    const pick = tracked(vscode.window.createQuickPick<HitItem>());
    const hint = 'Words in the title, tags or text; status:NAME and tag:NAME narrow it';
    pick.title = 'Search Records';
    pick.placeholder = hint;
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    pick.busy = true;
    if (typeof initial === 'string') pick.value = initial;
    pick.show();
    let searchable: SearchableRecord[] = [];
    const refresh = (): void => {
      const query = parseSearchQuery(pick.value);
      const hits = searchRecords(searchable, query);
      // The search decides what matches: every item stays shown whatever VS Code's own label filter thinks.
      pick.items = hits.slice(0, SHOWN).map((hit) => itemOf(hit, query.text));
      pick.placeholder = hits.length > SHOWN ? `${SHOWN} of ${hits.length} records shown; type more words to narrow it` : hint;
    };
    pick.onDidChangeValue(refresh);
    pick.onDidAccept(async () => {
      const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      if (!chosen) return;
      pick.hide();
      await openAtMatch(chosen.hit, parseSearchQuery(pick.value).text);
    });
    pick.onDidHide(() => pick.dispose());
    await records.ready();
    const list = records.records().filter((r) => r.kind === 'decision' || r.kind === 'design');
    searchable = await readSearchable(new WorkspaceFileSystem(), list);
    pick.busy = false;
    refresh();
  });
}

function itemOf(hit: SearchHit, text: string): HitItem {
  const r = hit.record;
  const where = `${vscode.workspace.asRelativePath(r.path)}:${hit.line}`;
  const inText = text.trim() !== '' && hit.preview !== recordLabel(r);
  return {
    label: recordLabel(r),
    description: [r.status ?? '', ...(r.tags ?? []).map((t) => `#${t}`)].filter(Boolean).join(' '),
    detail: inText ? `${where} — ${hit.preview}` : where,
    alwaysShow: true,
    hit,
  };
}

/** Opens the record with the first matching word selected (the title line when only the title matched). */
async function openAtMatch(hit: SearchHit, text: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(hit.record.path));
  const line = Math.min(Math.max(hit.line - 1, 0), doc.lineCount - 1);
  const lineText = fold(doc.lineAt(line).text);
  const words = fold(text).split(/\s+/).filter(Boolean);
  let start = hit.column;
  let length = 0;
  for (const w of words) {
    const at = lineText.indexOf(w);
    if (at >= 0 && (length === 0 || at < start)) {
      start = at;
      length = w.length;
    }
  }
  const range = new vscode.Range(line, start, line, start + length);
  await vscode.window.showTextDocument(doc, { selection: range, preview: false });
}
