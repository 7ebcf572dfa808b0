/**
 * Hostile and broken input: each is refused or handled in bounded time with a message naming the
 * file and the problem, nothing is written, nothing outside the folder is read, and annotations
 * over odd text (format characters, mixed scripts, NUL bytes, one huge line) survive a save and a
 * load exactly. Small inputs are fixtures in test/fixtures/hostile; big ones are made here.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliIo } from '../../../src/cli/cliTypes';
import { validateCommand } from '../../../src/cli/commands/validate';
import { readText } from '../../../src/cli/files';
import type { Annotation } from '../../../src/core/model/annotation';
import { buildSidecar, placeSidecarAnnotations } from '../../../src/core/sidecar/documentAnnotations';
import { MAX_SIDECAR_BYTES, parseSidecar, utf8Length } from '../../../src/core/sidecar/parseSidecar';
import { reanchorAnnotations } from '../../../src/core/sidecar/reanchor';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { validateSidecarObject } from '../../../src/core/sidecar/validateSidecar';
import { DEFAULT_LABELS } from '../../../src/core/model/labels';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'hostile');

/** Inputs tried, counted for the stress summary. */
export const hostileTried: string[] = [];

function io(): CliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l) };
}

/**
 * Runs one hostile input, counted for the stress report. How long it takes is the benchmark's
 * business (`npm run bench`); a test only needs it to finish, within mocha's timeout.
 */
function tried<T>(what: string, f: () => T): T {
  hostileTried.push(what);
  return f();
}

function errors(yaml: string): string[] {
  return parseSidecar(yaml, { labels: DEFAULT_LABELS })
    .problems.filter((p) => p.severity === 'error')
    .map((p) => `${p.line ?? '?'}: ${p.message}`);
}

function ann(id: string, start: number, end: number, text: string): Annotation {
  return { id, label: 'MISC', start, end, text, status: 'accepted', source: 'manual' };
}

/** Save then load: buildSidecar → serializeSidecar → parseSidecar → placeSidecarAnnotations. */
function roundTrip(text: string, live: readonly Annotation[]): Annotation[] {
  const yaml = serializeSidecar(buildSidecar({ path: 'x.txt', annotator: 'salma' }, text, live, []));
  const parsed = parseSidecar(yaml);
  assert.ok(parsed.sidecar, JSON.stringify(parsed.problems));
  const placed = placeSidecarAnnotations(parsed.sidecar, text);
  assert.equal(placed.textChanged, false);
  return placed.annotations;
}

/** Tags every occurrence of each quote (UTF-16 offsets), checks save and load keep them exactly. */
function tagsSurvive(text: string, quotes: readonly string[]): void {
  const live: Annotation[] = [];
  for (const q of quotes) {
    for (let i = text.indexOf(q); i >= 0; i = text.indexOf(q, i + 1)) live.push(ann(`t${live.length + 1}`, i, i + q.length, q));
  }
  assert.ok(live.length >= quotes.length);
  const back = roundTrip(text, live);
  const key = (a: Annotation): string => JSON.stringify([a.id, a.start, a.end, a.text, a.orphan ?? false]);
  assert.deepEqual(back.map(key).sort(), live.map(key).sort());
  for (const a of back) assert.equal(text.slice(a.start, a.end), a.text);
}

describe('robustness: hostile sidecars (parseSidecar, validateSidecarObject)', () => {
  it('refuses a YAML alias bomb (billion laughs) at once', () => {
    const yaml = fs.readFileSync(path.join(FIXTURES, 'billion-laughs.txt.ann.yaml'), 'utf8');
    const found = tried('billion laughs', () => errors(yaml));
    assert.match(found.join('\n'), /alias|resource exhaustion/i);
  });

  it('refuses 10,000 levels of nesting without overflowing the stack', () => {
    for (const [name, yaml] of [
      ['10k [', '['.repeat(10_000)],
      ['10k [ ]', '['.repeat(10_000) + ']'.repeat(10_000)],
      ['10k {a:', '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000)],
      ['10k block lists', Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}- `).join('\n') + 'x'],
    ] as const) {
      const found = tried(name, () => errors(yaml));
      assert.ok(found.length > 0, name);
      assert.match(found[0] ?? '', /^\d+: /, `${name}: the message has a line`);
    }
  });

  it('refuses a 100 MB sidecar of Arabic text before parsing it (the limit is on UTF-8 bytes)', function () {
    this.timeout(60_000);
    // 100 MiB of UTF-8 is about 55 million UTF-16 units: counting units let it through before.
    const unit = 'تَوْسِيم ';
    const yaml = `tawsim: 1\nannotator: "${unit.repeat(Math.ceil((100 * 1048576) / utf8Length(unit)))}"\n`;
    assert.ok(yaml.length < MAX_SIDECAR_BYTES, 'fewer UTF-16 units than the byte limit');
    const found = tried('100 MB Arabic sidecar', () => errors(yaml));
    assert.deepEqual(found.length, 1);
    assert.match(found[0] ?? '', /larger than 64 MB/);
  });

  it('refuses a 100 MB Latin sidecar as well', function () {
    this.timeout(60_000);
    const yaml = `tawsim: 1\nannotator: "${'x'.repeat(100 * 1048576)}"\n`;
    const found = tried('100 MB Latin sidecar', () => errors(yaml));
    assert.match(found[0] ?? '', /larger than 64 MB/);
  });

  it('reports wrong types, each with its line', () => {
    const found = errors(fs.readFileSync(path.join(FIXTURES, 'wrong-types.txt.ann.yaml'), 'utf8'));
    hostileTried.push('wrong types');
    assert.match(found.join('\n'), /1: "tawsim" must be the schema version/);
    const deeper = errors('tawsim: 1\ndocument: [path, sha256]\nannotator: 7\nannotations: {id: t1}\n');
    assert.match(deeper.join('\n'), /2: "document" must be a mapping/);
    assert.match(deeper.join('\n'), /3: "annotator" must be a name/);
    assert.match(deeper.join('\n'), /4: "annotations" must be a list/);
  });

  it('reports huge, negative, unsafe and reversed offsets, bad values, unknown keys and duplicate ids', () => {
    const found = errors(fs.readFileSync(path.join(FIXTURES, 'bad-annotations.txt.ann.yaml'), 'utf8')).join('\n');
    hostileTried.push('bad offsets, duplicate ids, unknown keys');
    assert.match(found, /6: Unknown key "colour"/);
    assert.match(found, /9: "start" must be a whole number/); // 1e20
    assert.match(found, /10: "start" must be a whole number/); // -1
    assert.match(found, /11: "start" must be a whole number/); // 2**53
    assert.match(found, /12: "start" must be a whole number/); // "5"
    assert.match(found, /13: "label" must be a label id/);
    assert.match(found, /13: "status" must be one of/);
    assert.match(found, /13: Unknown key "extra"/);
    assert.match(found, /15: Duplicate id "t6"/);
    assert.match(found, /16: "end" \(2\) is before "start" \(5\)/);
  });

  it('validateSidecarObject never throws on arbitrary values', () => {
    const values: unknown[] = [
      null,
      undefined,
      0,
      'x',
      [],
      [[]],
      { tawsim: 1e20 },
      { tawsim: 1, document: { length: -1 } },
      { tawsim: 1, annotations: [null, 1, 'a', { start: {}, end: [] }] },
      { tawsim: 1, annotations: { length: 3 } },
      { __proto__: { tawsim: 1 } },
      { tawsim: 1, document: { path: '', sha256: 'A'.repeat(64), length: 2 ** 53 } },
    ];
    for (const v of values) {
      hostileTried.push(`object ${JSON.stringify(v) ?? 'undefined'}`);
      const r = validateSidecarObject(v);
      assert.equal(r.sidecar, undefined);
      assert.ok(r.problems.length > 0);
    }
  });

  it('re-anchoring never throws on offsets past the text and keeps such annotations as orphans', () => {
    const text = 'في الرباط';
    const out = reanchorAnnotations([ann('t1', 2 ** 40, 2 ** 40 + 3, 'غائب'), ann('t2', 50, 40, 'الرباط'), ann('t3', 0, 0, '')], text);
    assert.equal(out.annotations.length, 3);
    assert.deepEqual(
      out.annotations.map((a) => [a.id, a.orphan ?? false]),
      [
        ['t1', true],
        ['t2', false],
        ['t3', false],
      ],
    );
    assert.equal(out.annotations[1]?.start, 3);
    for (const a of out.annotations) assert.ok(a.start <= a.end && a.end <= text.length);
  });
});

describe('robustness: hostile texts (readText, re-anchoring, save and load)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-hostile-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses invalid UTF-8 with a message naming the file', async () => {
    const file = path.join(dir, 'latin1.txt');
    fs.writeFileSync(file, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe, 0x0a]));
    hostileTried.push('invalid UTF-8');
    await assert.rejects(readText(file), (e: Error) => e.message === `${file}: not valid UTF-8 text`);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const file = path.join(dir, 'big.ann.yaml');
    const handle = fs.openSync(file, 'w');
    // A sparse 100 MB file: only its size matters, so the test costs no disk or memory.
    fs.ftruncateSync(handle, 100 * 1048576);
    fs.closeSync(handle);
    hostileTried.push('100 MB file on disk');
    await assert.rejects(readText(file, MAX_SIDECAR_BYTES), /big\.ann\.yaml: the file is 100 MB, larger than 64 MB; not read/);
  });

  it('keeps tags exactly over format characters inside spans (RLM, LRM, ZWJ, ZWNJ, ALM)', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'format-marks.txt'), 'utf8');
    hostileTried.push('format characters');
    for (const mark of ['\u200f', '\u200e', '\u200d', '\u200c', '\u061c']) assert.ok(text.includes(mark), `the fixture has U+${mark.codePointAt(0)?.toString(16)}`);
    tagsSurvive(text, ['\u200fعاجل\u200f', 'وصل\u200d الوفد\u200c', '\u200eGeneva\u200e', 'و\u061cالرباط']);
    // Moved by an outside edit, they are found again by their quotes, marks included.
    const moved = reanchorAnnotations([{ ...ann('t1', 4, 10, '\u200fعاجل\u200f') }], `مقدمة جديدة. ${text}`);
    assert.equal(moved.annotations[0]?.orphan, undefined);
    assert.equal(moved.moved, 1);
  });

  it('handles a text that is not Arabic at all, with CRLF line ends', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'not-arabic.txt'), 'utf8');
    hostileTried.push('not Arabic');
    tagsSurvive(text, ['Geneva', 'Monday', 'line.\r\n']);
  });

  it('handles mixed Arabic and Latin, digits and a flag emoji', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'mixed.txt'), 'utf8');
    hostileTried.push('mixed Arabic and Latin');
    tagsSurvive(text, ['Geneva', '10/9/2024', 'UN', 'المغرب 🇲🇦']);
  });

  it('handles a binary file with NUL bytes as text without losing tags', () => {
    const text = `\u0000\u0001ELF\u0000\u0000الرباط\u0000\u00ff\u0000`;
    hostileTried.push('binary with NUL bytes');
    tagsSurvive(text, ['الرباط', 'ELF\u0000']);
  });

  it('handles empty and whitespace-only texts: no tag fits, any saved one becomes an orphan', () => {
    for (const text of ['', ' \t\r\n\u00a0\u3000 ']) {
      hostileTried.push(text === '' ? 'empty text' : 'whitespace-only text');
      assert.deepEqual(roundTrip(text, []), []);
      const placed = reanchorAnnotations([ann('t1', 0, 6, 'الرباط')], text);
      assert.deepEqual(
        placed.annotations.map((a) => [a.id, a.orphan, a.text]),
        [['t1', true, 'الرباط']],
      );
      assert.ok((placed.annotations[0]?.end ?? 99) <= [...text].length);
    }
  });

  it('re-anchors on a single 5 MB line in bounded time', () => {
    const filler = 'كلمة عربية طويلة في سطر واحد ';
    const text = filler.repeat(Math.ceil((5 * 1048576) / utf8Length(filler)));
    const quote = 'الرباط العاصمة';
    const at = Math.floor(text.length / 2);
    const withQuote = `${text.slice(0, at)}${quote}${text.slice(at)}`;
    hostileTried.push('single 5 MB line');
    const live = [ann('t1', at, at + quote.length, quote), ann('t2', 0, 4, 'كلمة')];
    tried('5 MB line save and load', () => roundTrip(withQuote, live));
    // The text changes outside the editor: the quote moves by a few thousand characters.
    const shifted = `${'مقدمة '.repeat(1000)}${withQuote}`;
    const sidecar = parseSidecar(serializeSidecar(buildSidecar({ path: 'x.txt', annotator: 'a' }, withQuote, live, []))).sidecar;
    assert.ok(sidecar);
    const placed = tried('5 MB line re-anchoring', () => placeSidecarAnnotations(sidecar, shifted));
    const t1 = placed.annotations.find((a) => a.id === 't1');
    assert.equal(shifted.slice(t1?.start, t1?.end), quote);
    assert.equal(t1?.start, at + 6000);
  });
});

describe('robustness: tawsim validate on hostile files', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-validate-'));
    const folder = path.join(dir, 'corpus');
    fs.mkdirSync(folder);
    for (const f of fs.readdirSync(FIXTURES)) fs.copyFileSync(path.join(FIXTURES, f), path.join(folder, f));
    // A file outside the folder that a careless reader would open: invalid UTF-8, so reading it shows.
    fs.writeFileSync(path.join(dir, 'secret.txt'), Buffer.from([0xff, 0xfe, 0x00]));
    fs.writeFileSync(path.join(folder, 'escape.txt.ann.yaml'), fs.readFileSync(path.join(FIXTURES, 'outside.txt.ann.yaml'), 'utf8').replace('../../etc/passwd', '../secret.txt'));
    fs.writeFileSync(path.join(folder, 'absolute.txt.ann.yaml'), fs.readFileSync(path.join(FIXTURES, 'outside.txt.ann.yaml'), 'utf8').replace('../../etc/passwd', '/etc/passwd'));
    fs.writeFileSync(path.join(folder, 'invalid-utf8.txt.ann.yaml'), Buffer.from('tawsim: 1\nannotator: "\xff\xfe"\n', 'latin1'));
    fs.writeFileSync(path.join(folder, 'deep.txt.ann.yaml'), '['.repeat(10_000));
    fs.writeFileSync(path.join(folder, 'empty.txt.ann.yaml'), '');
    fs.writeFileSync(path.join(folder, 'binary.txt.ann.yaml'), Buffer.from([0, 1, 2, 0, 0x7f, 0x80, 0]));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports every broken sidecar by file and problem, reads nothing outside the folder, writes nothing', async function () {
    this.timeout(30_000);
    const folder = path.join(dir, 'corpus');
    const before = new Map(fs.readdirSync(folder).map((f) => [f, fs.readFileSync(path.join(folder, f))]));
    const out = io();
    const code = await validateCommand.run([folder], out);
    hostileTried.push('validate: folder of hostile sidecars');
    const text = out.lines.join('\n');
    assert.equal(code, 1);
    const of = (name: string): string => out.lines.filter((l) => l.startsWith(path.join(folder, name))).join('\n');
    assert.match(of('billion-laughs.txt.ann.yaml'), /:1: error: YAML could not be expanded/);
    assert.match(of('wrong-types.txt.ann.yaml'), /:1: error: "tawsim" must be the schema version/);
    assert.match(of('bad-annotations.txt.ann.yaml'), /:15: error: Duplicate id "t6"/);
    assert.match(of('escape.txt.ann.yaml'), /document\.path "\.\.\/secret\.txt" points outside the sidecar's folder/);
    assert.doesNotMatch(of('escape.txt.ann.yaml'), /UTF-8|cannot read/);
    assert.match(of('absolute.txt.ann.yaml'), /document\.path "\/etc\/passwd" points outside/);
    assert.match(of('outside.txt.ann.yaml'), /points outside/);
    assert.match(of('invalid-utf8.txt.ann.yaml'), /not valid UTF-8 text/);
    assert.match(of('deep.txt.ann.yaml'), /error: .*(nesting|depth)/i);
    assert.match(of('empty.txt.ann.yaml'), /error: A sidecar must be a YAML mapping/);
    assert.match(of('binary.txt.ann.yaml'), /not valid UTF-8 text/);
    assert.match(text, /\d+ sidecars checked, \d+ problems/);
    // Nothing written: the folder holds exactly what it held.
    const after = fs.readdirSync(folder);
    assert.deepEqual(after.sort(), [...before.keys()].sort());
    for (const f of after) assert.ok(fs.readFileSync(path.join(folder, f)).equals(before.get(f) as Buffer), `${f} unchanged`);
  });

  it('reports a 100 MB sidecar as too large with its name, in bounded time', async function () {
    this.timeout(60_000);
    const folder = fs.mkdtempSync(path.join(dir, 'big-'));
    const file = path.join(folder, 'huge.txt.ann.yaml');
    const line = '  - {id: t1, label: LOC, start: 0, end: 6, text: الرباط, status: accepted, source: manual}\n';
    fs.writeFileSync(file, `tawsim: 1\nannotator: salma\nannotations:\n${line.repeat(Math.ceil((100 * 1048576) / Buffer.byteLength(line)))}`);
    const out = io();
    hostileTried.push('validate: 100 MB sidecar');
    const started = Date.now();
    const code = await validateCommand.run([file], out);
    assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
    assert.equal(code, 1);
    assert.match(out.lines[0] ?? '', new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1: error: .*larger than 64 MB`));
  });
});
