import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import type { TawsimApi } from '../../src/extension';
import { activateTawsim, closeAll, codePointOffset, freshCopy, openInEditor, select, storeFor, waitFor, waitForSidecar, tagFreshCopy } from './helpers';
import { CommandId } from '../../src/editor/commandIds';
import { FRAGMENT_SEPARATOR } from '../../src/core/model/fragments';
import { parseSidecar } from '../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import { sha256Hex } from '../../src/core/sidecar/hash';
import type { Annotation } from '../../src/core/model/annotation';
import * as path from 'node:path';

describe('relations, fragments and attributes in the editor', () => {
  let api: TawsimApi;
  before(async () => {
    api = await activateTawsim();
  });
  afterEach(closeAll);

  it('links two tags, adds a fragment, sets an attribute; an edit between the fragments, save and reopen keep all of it', async () => {
    const { file, editor, store } = await tagFreshCopy(api, 'article.txt', [
      ['المتحدث', 'PER'],
      ['للقيادة العامة', 'ORG'],
    ]);
    const per = store.tracked.all.find((a) => a.label === 'PER');
    const org = store.tracked.all.find((a) => a.label === 'ORG');
    assert.ok(per && org);
    // "المتحدث … الجيش": the spokesman's name split by "باسم".
    const army = codePointOffset(file, 'الجيش');
    assert.equal(await vscode.commands.executeCommand(CommandId.addFragment, { id: per.id, start: army, end: army + 5 }), true);
    const relation = await vscode.commands.executeCommand<{ id: string } | undefined>(CommandId.link, { id: per.id, to: org.id, type: 'member_of' });
    assert.ok(relation);
    assert.equal(await vscode.commands.executeCommand(CommandId.setAttribute, { id: per.id, name: 'role', value: 'متحدث' }), true);
    // Text typed between the fragments stays outside them.
    const gap = select(editor, 'باسم');
    await editor.edit((e) => e.insert(gap.start, 'الرسمي '));
    await editor.document.save();
    // The sidecar written with the text's save (an earlier one, written before the edit, has the old offsets).
    const text = Array.from(fs.readFileSync(file, 'utf8'));
    const pieces = (a: { fragments?: readonly (readonly [number, number])[] } | undefined): string[] => a?.fragments?.map(([s, e]) => text.slice(s, e).join('')) ?? [];
    const saved = await waitForSidecar(`${file}.ann.yaml`, (s) => (s.relations?.length ?? 0) === 1 && pieces(s.annotations.find((a) => a.fragments !== undefined))[1] === 'الجيش');
    const split = saved.annotations.find((a) => a.fragments !== undefined);
    assert.equal(split?.text, `المتحدث${FRAGMENT_SEPARATOR}الجيش`);
    assert.deepEqual(split?.attributes, { role: 'متحدث' });
    assert.ok(text.join('').includes('الرسمي باسم'));
    assert.deepEqual(
      split?.fragments?.map(([s, e]) => text.slice(s, e).join('')),
      ['المتحدث', 'الجيش'],
    );
    assert.deepEqual(
      saved.relations?.map((r) => [r.type, saved.annotations.find((a) => a.id === r.from)?.label, saved.annotations.find((a) => a.id === r.to)?.label]),
      [['member_of', 'PER', 'ORG']],
    );
    assert.match(fs.readFileSync(`${file}.ann.yaml`, 'utf8'), /^tawsim: 2\n/);

    await closeAll();
    await openInEditor(file);
    const reopened = await storeFor(api, file);
    await waitFor('the relation after reopening', () => reopened.tracked.relations.length === 1);
    const back = reopened.tracked.all.find((a) => a.fragments !== undefined);
    assert.equal(back?.text, `المتحدث${FRAGMENT_SEPARATOR}الجيش`);
    assert.deepEqual(back?.attributes, { role: 'متحدث' });
    assert.equal(reopened.tracked.relations[0]?.from, back?.id);
    assert.deepEqual(parseSidecar(fs.readFileSync(`${file}.ann.yaml`, 'utf8')).problems, []);
  });

  it('removing a linked tag by id takes its relations along, and annotation undo brings both back', async () => {
    const { file, store } = await tagFreshCopy(api, 'article.txt', [
      ['المتحدث', 'PER'],
      ['الجيش', 'ORG'],
    ]);
    const [per, org] = [store.tracked.all.find((a) => a.label === 'PER'), store.tracked.all.find((a) => a.label === 'ORG')];
    await vscode.commands.executeCommand(CommandId.link, { id: per?.id, to: org?.id, type: 'member_of' });
    assert.equal(store.tracked.relations.length, 1);
    await vscode.commands.executeCommand(CommandId.remove, { id: org?.id });
    assert.equal(store.tracked.relations.length, 0);
    await vscode.commands.executeCommand(CommandId.undo);
    assert.equal(store.tracked.relations.length, 1);
    assert.ok(store.tracked.byId(org?.id ?? ''));
    const saved = await waitForSidecar(`${file}.ann.yaml`, (s) => (s.relations?.length ?? 0) === 1);
    assert.equal(saved.relations?.[0]?.to, org?.id);
  });

  it('marks both ends of a relation with overlay borders, outlines the partner of the tag at the cursor, and clears the marks when the relation goes', async () => {
    const { editor, store } = await tagFreshCopy(api, 'article.txt', [
      ['المتحدث', 'PER'],
      ['الجيش', 'ORG'],
    ]);
    const [per, org] = [store.tracked.all.find((a) => a.label === 'PER'), store.tracked.all.find((a) => a.label === 'ORG')];
    assert.ok(per && org);
    const text = (spans: readonly { start: number; end: number }[]): string[] =>
      spans.map((x) => editor.document.getText(new vscode.Range(editor.document.positionAt(x.start), editor.document.positionAt(x.end))));
    assert.deepEqual(api.relationMarks.marksOf(editor).linked, [], 'no relation, no marks');
    await vscode.commands.executeCommand(CommandId.link, { id: per.id, to: org.id, type: 'member_of' });
    // The cursor in the person: the organisation it belongs to is outlined.
    editor.selection = new vscode.Selection(editor.document.positionAt(per.start + 1), editor.document.positionAt(per.start + 1));
    const marks = await waitFor('the relation marks', () => {
      const m = api.relationMarks.marksOf(editor);
      return m.linked.length === 2 && m.partners.length === 1 ? m : undefined;
    });
    assert.deepEqual(text(marks.linked), ['المتحدث', 'الجيش']);
    assert.deepEqual(text(marks.partners), ['الجيش']);
    await vscode.commands.executeCommand(CommandId.remove, { id: org.id });
    await waitFor('the marks to clear', () => api.relationMarks.marksOf(editor).linked.length === 0);
  });

  it("shows a sidecar's relation types and attribute values outside the project schema as warnings at their lines", async () => {
    const file = freshCopy('article.txt');
    const text = fs.readFileSync(file, 'utf8');
    const at = (quote: string): number => Array.from(text.slice(0, text.indexOf(quote))).length;
    const tag = (id: string, label: string, quote: string, attributes?: Record<string, string>): Annotation => ({
      id,
      label,
      start: at(quote),
      end: at(quote) + Array.from(quote).length,
      text: quote,
      status: 'accepted',
      source: 'manual',
      ...(attributes ? { attributes } : {}),
    });
    const sidecar = `${file}.ann.yaml`;
    fs.writeFileSync(
      sidecar,
      serializeSidecar({
        tawsim: 2,
        document: { path: path.basename(file), sha256: sha256Hex(text), length: Array.from(text).length },
        annotator: 'salma',
        annotations: [tag('t1', 'ORG', 'للقيادة العامة'), tag('t2', 'LOC', 'المغرب'), tag('t3', 'DATE', '24 نوفمبر/ تشرين الثاني 2021', { certainty: 'maybe' })],
        relations: [{ id: 'r1', type: 'owns', from: 't1', to: 't2', status: 'accepted', source: 'manual' }],
      }),
    );
    const lines = fs.readFileSync(sidecar, 'utf8').split('\n');
    await openInEditor(file);
    const store = await storeFor(api, file);
    assert.equal(store.tracked.relations.length, 1, 'a warning keeps the relation');
    const warnings = await waitFor('the schema warnings in the Problems panel', () => {
      const found = vscode.languages.getDiagnostics(vscode.Uri.file(sidecar)).filter((d) => d.severity === vscode.DiagnosticSeverity.Warning);
      return found.length >= 2 ? found : undefined;
    });
    const owns = warnings.find((d) => /Relation type "owns" is not defined/.test(d.message));
    const maybe = warnings.find((d) => /"maybe" is not a value of "certainty"/.test(d.message));
    assert.ok(owns && maybe, warnings.map((d) => d.message).join('\n'));
    assert.match(lines[owns.range.start.line] ?? '', /type: owns/);
    assert.match(lines[maybe.range.start.line] ?? '', /certainty: maybe/);
  });
});
