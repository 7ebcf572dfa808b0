import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

let folder: string | undefined;

/**
 * Where the end-to-end tests put their screenshots: the README's `media/screenshots/` only when
 * `TAWSIM_SCREENSHOTS=1` asks for new ones, otherwise a temporary folder, so an ordinary test run
 * leaves the committed pictures (and the working tree) as they were.
 */
export function screenshotFolder(): string {
  if (folder === undefined) {
    folder =
      process.env['TAWSIM_SCREENSHOTS'] === '1' ? path.resolve(__dirname, '..', '..', 'media', 'screenshots') : fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-screenshots-'));
    fs.mkdirSync(folder, { recursive: true });
  }
  return folder;
}
