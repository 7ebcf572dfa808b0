/**
 * `npm run check:yaml11`: reads sidecars written by Tawsim with PyYAML (a YAML 1.1 reader, the
 * one the README points Python users to) and checks that it reads exactly what Tawsim reads:
 * every key and value, strings as strings. Needs python3 with the yaml module; not part of
 * `npm test`, which needs no Python packages.
 *
 * The sidecars: one holding every kind of plain scalar YAML 1.1 resolves to a non-string (in
 * text, note, value, annotator, path and date), every sidecar of samples/ and test/fixtures/
 * written again, and random ones (fast-check) over an alphabet of YAML's special characters.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Annotation } from '../src/core/model/annotation';
import { buildSidecar } from '../src/core/sidecar/documentAnnotations';
import { parseSidecar } from '../src/core/sidecar/parseSidecar';
import { serializeSidecar, sidecarInKeyOrder } from '../src/core/sidecar/serializeSidecar';
import type { Sidecar } from '../src/core/sidecar/sidecarTypes';

const root = path.resolve(__dirname, '..');

/** Plain scalars that YAML 1.1 resolves to booleans, numbers, null, dates, merge keys or values. */
const TRICKY = [
  '<<',
  '=',
  '~',
  '',
  'null',
  'Null',
  'NULL',
  'y',
  'Y',
  'n',
  'N',
  'yes',
  'No',
  'TRUE',
  'off',
  'On',
  '1_000',
  '0b1010',
  '017',
  '0o17',
  '0x1F',
  '-0x_1f',
  '+12',
  '1:30',
  '190:20:30',
  '190:20:30.15',
  '1e3',
  '1.5e-3',
  '.5',
  '1.',
  '-.inf',
  '.NaN',
  '6.8523015e+5',
  '2023-01-18',
  '2023-1-8 3:04:05',
  '2001-12-14t21:59:43.10-05:00',
  '2001-12-14 21:59:43.10 -5',
  '2002-12-14',
  'XXXX-09-13',
  '2023-01-16/2023-01-17',
  'T10:30',
  'yes please',
  '- item',
  '# note',
  'a: b',
  '@x',
  '`x',
  '|',
  '>',
  '%',
  '!',
  '&a',
  '*a',
  '?',
  '{a}',
  '[a]',
  '"q"',
  "'q'",
];

function sidecarWith(strings: readonly string[], header: { path: string; annotator: string; date?: string }): Sidecar {
  const text = strings.join(' ');
  let at = 0;
  const annotations: Annotation[] = strings.map((q, i) => {
    const start = at;
    at += q.length + 1;
    return { id: `t${i + 1}`, label: 'MISC', start, end: start + q.length, text: q, status: 'accepted', source: 'manual', ...(q !== '' ? { note: q, value: q } : {}) };
  });
  return buildSidecar(header, text, annotations, []);
}

function collect(): Sidecar[] {
  const sidecars: Sidecar[] = [sidecarWith(TRICKY, { path: '2023-01-18', annotator: 'yes', date: '2023-01-17' })];
  for (const folder of ['samples', 'test/fixtures/eval', 'test/fixtures/hostile']) {
    const dir = path.join(root, folder);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.ann.yaml'))) {
      const parsed = parseSidecar(fs.readFileSync(path.join(dir, name), 'utf8'));
      if (parsed.sidecar) sidecars.push(parsed.sidecar);
    }
  }
  const unit = fc.constantFrom(
    'ا',
    'ب',
    ' ',
    ':',
    '"',
    "'",
    '#',
    '-',
    '<',
    '=',
    '~',
    '_',
    '.',
    '0',
    '1',
    '5',
    'e',
    'x',
    'y',
    'n',
    'T',
    '+',
    '!',
    '&',
    '*',
    '|',
    '>',
    '{',
    '[',
    ',',
    '\t',
  );
  const strings = fc.array(fc.string({ unit, maxLength: 10 }), { minLength: 1, maxLength: 12 });
  for (const sample of fc.sample(strings, { numRuns: 500, seed: 12 })) sidecars.push(sidecarWith(sample, { path: 'a.txt', annotator: 'salma' }));
  return sidecars;
}

const PYTHON = String.raw`
import json, sys, yaml
failed = 0
count = 0
for yaml_file in sys.argv[1:]:
    with open(yaml_file, encoding='utf-8') as f:
        text = f.read()
    with open(yaml_file[:-5] + '.json', encoding='utf-8') as f:
        expected = json.load(f)
    count += 1
    try:
        got = yaml.safe_load(text)
    except yaml.YAMLError as e:
        failed += 1
        print(f'{yaml_file}: PyYAML refuses it: {str(e).splitlines()[0]}')
        continue
    if got != expected:
        failed += 1
        print(f'{yaml_file}: PyYAML reads something else')
print(json.dumps({'sidecars': count, 'different': failed}))
`;

function main(): void {
  const probe = spawnSync('python3', ['-c', 'import yaml; print(yaml.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    console.error('python3 with the yaml module (PyYAML) is needed: pip install pyyaml');
    process.exitCode = 2;
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-yaml11-'));
  try {
    const sidecars = collect();
    const files: string[] = [];
    let scalars = 0;
    sidecars.forEach((s, i) => {
      const yaml = serializeSidecar(s);
      // What Tawsim itself reads back is what PyYAML must read.
      const back = parseSidecar(yaml).sidecar;
      if (!back) throw new Error(`sidecar ${i} does not read back in Tawsim`);
      const expected = sidecarInKeyOrder(back);
      scalars += JSON.stringify(expected).split(/[,:]/).length;
      const file = path.join(dir, `s${i}.yaml`);
      fs.writeFileSync(file, yaml);
      fs.writeFileSync(file.replace(/\.yaml$/, '.json'), JSON.stringify(expected));
      files.push(file);
    });
    const run = spawnSync('python3', ['-c', PYTHON, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const lines = run.stdout.trim().split('\n');
    const summary = JSON.parse(lines.at(-1) ?? '{}') as { sidecars?: number; different?: number };
    for (const l of lines.slice(0, -1).slice(0, 20)) console.log(l);
    console.log(`PyYAML ${probe.stdout.trim()}: ${summary.sidecars} sidecars (about ${scalars} scalars) written by Tawsim, ${summary.different} read differently`);
    process.exitCode = run.status === 0 && summary.different === 0 && summary.sidecars === files.length ? 0 : 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
