import * as vscode from 'vscode';
import { escapeXml } from '../../core/records/escaping';

/**
 * Every Lodestar webview page is built here, under one policy: CSP
 * `default-src 'none'`, scripts only with this page's nonce, styles and images
 * only from the extension's `media/` folder, no remote content. Callers pass
 * markup they have escaped (core's renderers escape every text they take).
 */
export interface PageOptions {
  title: string;
  /** Markup for the body: escaped by the caller. */
  body: string;
  /** File names under `media/`. */
  styles: string[];
  scripts: string[];
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')], retainContextWhenHidden: false };
}

export function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '');
}

export function pageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, options: PageOptions): string {
  const n = nonce();
  const media = (name: string): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', name)).toString();
  const csp = [
    `default-src 'none'`,
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${n}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${options.styles.map((s) => `<link rel="stylesheet" href="${media(s)}">`).join('\n')}
<title>${escapeXml(options.title)}</title>
</head>
<body>
${options.body}
${options.scripts.map((s) => `<script nonce="${n}" src="${media(s)}"></script>`).join('\n')}
</body>
</html>`;
}

/** A message from a page: only plain objects with a known `type` and expected fields get through. */
export function pageMessage(raw: unknown): { type: string; index?: number } | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const m = raw as Record<string, unknown>;
  if (typeof m.type !== 'string' || !/^[a-z-]{1,30}$/.test(m.type)) return undefined;
  if (m.index !== undefined && !(typeof m.index === 'number' && Number.isInteger(m.index) && m.index >= 0 && m.index < 1_000_000)) return undefined;
  return { type: m.type, index: m.index as number | undefined };
}
