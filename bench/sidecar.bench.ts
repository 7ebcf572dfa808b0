/**
 * Sidecar with 100,000 annotations: Tawsim's load (parse, validate, place on the text) and save
 * (convert, serialise) against a raw `yaml` parse + stringify of the same file in the same run.
 *
 *   npx tsx bench/sidecar.bench.ts [annotations]
 */
import { parse, stringify } from 'yaml';
import type { Annotation } from '../src/core/model/annotation';
import { parseSidecar } from '../src/core/sidecar/parseSidecar';
import { readSidecarSubset } from '../src/core/sidecar/readSidecarSubset';
import { serializeSidecar } from '../src/core/sidecar/serializeSidecar';
import { buildSidecar, placeSidecarAnnotations } from '../src/core/sidecar/documentAnnotations';
import type { Sidecar } from '../src/core/sidecar/sidecarTypes';
import { arabicCorpus, bestOf, emitRows } from './benchRows';

const count = Number(process.argv[2] ?? '100000');
const text = arabicCorpus(count / 10_000);
const annotations: Annotation[] = [];
const step = Math.floor(text.length / count);
for (let i = 0; i < count; i++) {
  const start = i * step;
  const end = start + Math.min(step, 6);
  annotations.push({ id: `t${i + 1}`, label: i % 3 === 0 ? 'PER' : 'LOC', start, end, text: text.slice(start, end), status: 'accepted', source: 'manual' });
}
const yamlText = serializeSidecar(buildSidecar({ path: 'big.txt', annotator: 'bench' }, text, annotations, []));

const raw = bestOf(2, () => stringify(parse(yamlText), { lineWidth: 0 }));
let loaded: Sidecar | undefined;
const tawsim = bestOf(2, () => {
  loaded = parseSidecar(yamlText).sidecar;
  const placed = placeSidecarAnnotations(loaded as Sidecar, text);
  return serializeSidecar(buildSidecar({ path: 'big.txt', annotator: 'bench' }, text, placed.annotations, []));
});
if (loaded?.annotations.length !== count) throw new Error('the sidecar did not load whole');
// Parsing alone, against JSON.parse of the same content in the same run: the reader made for
// Tawsim's YAML, then the whole parseSidecar (reader and validation).
const read = readSidecarSubset(yamlText);
if (!read) throw new Error('the subset reader declined a sidecar Tawsim wrote');
const json = JSON.stringify(read.value);
const jsonParse = bestOf(7, () => JSON.parse(json));
const subset = bestOf(7, () => readSidecarSubset(yamlText));
const parsed = bestOf(7, () => parseSidecar(yamlText));
console.log(`sidecar ${(yamlText.length / 1e6).toFixed(1)} MB, ${count} annotations: Tawsim load+save ${tawsim.toFixed(0)} ms, raw yaml ${raw.toFixed(0)} ms`);
emitRows([
  {
    name: `sidecar load + save, ${count / 1000}k annotations`,
    value: `${tawsim.toFixed(0)} ms`,
    baseline: `yaml parse + stringify ${raw.toFixed(0)} ms`,
    ratio: `${(tawsim / raw).toFixed(2)}×`,
    target: '≤ 1.5×',
  },
  {
    name: `sidecar read (YAML to object), ${count / 1000}k annotations`,
    value: `${subset.toFixed(0)} ms`,
    baseline: `JSON.parse of the same content ${jsonParse.toFixed(0)} ms`,
    ratio: `${(subset / jsonParse).toFixed(2)}×`,
    target: '≤ 3×',
  },
  {
    name: `sidecar parse (read + validate), ${count / 1000}k annotations`,
    value: `${parsed.toFixed(0)} ms`,
    baseline: `JSON.parse of the same content ${jsonParse.toFixed(0)} ms`,
    ratio: `${(parsed / jsonParse).toFixed(2)}×`,
    target: '≤ 3×',
  },
]);
