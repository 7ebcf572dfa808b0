import * as vscode from 'vscode';
import { isArabicUi } from './review/reportStringsL10n';

/**
 * The HTML shell of Tawsim's webviews: one script and one style sheet from `assets`, under a
 * content security policy that allows nothing else (the script only by its nonce), right to left
 * when the display language is Arabic. The script renders into `#root` from posted messages.
 */
export function webviewPage(webview: vscode.Webview, assets: vscode.Uri, files: { script: string; style: string }, title: string): string {
  const nonce = makeNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(assets, files.script));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(assets, files.style));
  const arabic = isArabicUi();
  const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`, `img-src ${webview.cspSource}`, `font-src ${webview.cspSource}`].join('; ');
  return `<!DOCTYPE html>
<html lang="${arabic ? 'ar' : 'en'}" dir="${arabic ? 'rtl' : 'ltr'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main id="root"></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
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
