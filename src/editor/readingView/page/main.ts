// The reading view's page, bundled by esbuild for the browser (dist/readingView/readingView.js) and
// loaded by the webview shell of src/editor/webviewPage.ts under its content security policy.
import { connectToHost } from './hostConnection';
import { ReadingPage } from './readingPage';

const host = connectToHost();
const page = new ReadingPage(document.getElementById('root') ?? document.body, host);
host.onMessage((message) => page.onMessage(message));
host.post({ type: 'ready' });
