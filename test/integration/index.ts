import * as path from 'node:path';
import * as fs from 'node:fs';
import Mocha from 'mocha';

/** Entry point the extension host calls: runs every compiled `*.test.js` beside this file. */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 120_000, reporter: 'spec' });
  const grep = process.env['TAWSIM_TEST_GREP'];
  if (grep) mocha.grep(grep);
  for (const file of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration tests failed`)) : resolve()));
  });
}
