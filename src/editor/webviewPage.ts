import * as vscode from 'vscode';
import { isArabicUi } from './review/reportStringsL10n';

/** Folders a Tawsim webview may load from: its page's own, the shared `media/webview`, and any `extra` (a bundled script's folder). */
export function webviewRoots(extensionUri: vscode.Uri, page: string, extra: readonly vscode.Uri[] = []): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'media', page), vscode.Uri.joinPath(extensionUri, 'media', 'webview'), ...extra];
}

/**
 * The HTML shell of Tawsim's webviews: the shared style sheet and script of `media/webview`, then
 * the page's own from `media/<page>`, under a content security policy that allows nothing else
 * (scripts only by their nonce), right to left when the display language is Arabic. The page's
 * script renders into `#root` from posted messages.
 */
export function webviewPage(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  page: {
    folder: string;
    script: string;
    style: string;
    /** A script bundled elsewhere (path segments from the extension's root) instead of `media/<folder>/<script>`. */ scriptPath?: readonly string[];
  },
  title: string,
): string {
  const nonce = makeNonce();
  const asset = (folder: string, file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', folder, file)).toString();
  const arabic = isArabicUi();
  const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`, `img-src ${webview.cspSource}`, `font-src ${webview.cspSource}`].join('; ');
  return `<!DOCTYPE html>
<html lang="${arabic ? 'ar' : 'en'}" dir="${arabic ? 'rtl' : 'ltr'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('webview', 'common.css')}">
<link rel="stylesheet" href="${asset(page.folder, page.style)}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main id="root"></main>
<script nonce="${nonce}" src="${asset('webview', 'dom.js')}"></script>
<script nonce="${nonce}" src="${page.scriptPath ? webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...page.scriptPath)).toString() : asset(page.folder, page.script)}"></script>
</body>
</html>`;
}

function makeNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
