import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { activateTawsim } from './helpers';
import { CommandId } from '../../src/editor/commandIds';

describe('contributed commands', () => {
  before(async () => {
    await activateTawsim();
  });

  it('registers every command of package.json, each in the Tawsim category, and the typed table matches', async () => {
    const manifest = vscode.extensions.getExtension('tawsim.tawsim')?.packageJSON as { contributes: { commands: { command: string; category: string }[] } };
    const contributed = manifest.contributes.commands;
    assert.ok(contributed.length >= 10);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const c of contributed) {
      assert.ok(registered.has(c.command), `${c.command} is registered`);
      assert.equal(c.category, 'Tawsim', `${c.command} has the category Tawsim`);
    }
    assert.deepEqual(contributed.map((c) => c.command).sort(), Object.values(CommandId).sort());
  });

  it('has every manifest string in English and Arabic', () => {
    const root = vscode.extensions.getExtension('tawsim.tawsim')?.extensionPath ?? '';
    const en = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const ar = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.ar.json'), 'utf8')) as Record<string, string>;
    assert.deepEqual(Object.keys(ar).sort(), Object.keys(en).sort());
  });
});
