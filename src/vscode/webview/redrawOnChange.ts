import * as vscode from 'vscode';

/** A panel that shows records: its webview panel, and whether the records changed since it was drawn. */
export interface RecordsPanel {
  panel: vscode.WebviewPanel;
  stale: boolean;
}

/**
 * Keeps a records panel current: when the records change (or any of several
 * events fires: the records, git history), a visible panel redraws after a
 * short pause (a batch of changes, a branch switch, redraws once) and a hidden
 * one is marked stale, to redraw when it is shown again (the panel's own
 * view-state handler does that).
 */
export function redrawOnChange<T extends RecordsPanel>(
  changed: vscode.Event<unknown> | vscode.Event<unknown>[],
  current: () => T | undefined,
  redraw: (shown: T) => void,
  delayMs = 300,
): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onChange = (): void => {
    const shown = current();
    if (!shown) return;
    shown.stale = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const now = current();
      if (now?.panel.visible && now.stale) redraw(now);
    }, delayMs);
  };
  const subscriptions = (Array.isArray(changed) ? changed : [changed]).map((event) => event(onChange));
  return {
    dispose: () => {
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
    },
  };
}
