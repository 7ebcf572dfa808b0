import { FEATURE_VERSION } from './features';
import { TaggerModel } from './taggerModel';
import { WordStats } from './wordStats';
import { WordClusters } from './wordClusters';

/**
 * The model file: compact, versioned, the same bytes in Node and in a browser.
 *
 *   "TWSM"  u8 format version  u8 0  u16 0
 *   u32 header length, header (UTF-8 JSON: labels, rowBits, featureVersion, temperature, scale, info)
 *   f32 × ((T + 1) × T + T)  transitions, start row and end weights
 *   u32 number of non-zero rows, then the row numbers as LEB128 gaps, then i8 × T per row
 *   u32 number of words with statistics (0 for none), u32 byte length of their keys; the keys
 *   (the words' 32-bit hashes, ascending, as LEB128 gaps), then per word its (labels + 1) counts
 *   as LEB128
 *   u32 number of words with a cluster (0 for none), u32 byte length of their keys; the keys (the
 *   hashes of the words' cores, ascending, as LEB128 gaps), then per word its cluster path as LEB128
 *
 * Weights are quantised to 8 bits with one scale for the whole table (weight = byte × scale);
 * rows whose weights are all zero are left out, which is most of a hashed table.
 */
export const MODEL_FORMAT_VERSION = 3;
const MAGIC = [0x54, 0x57, 0x53, 0x4d];

interface ModelHeader {
  readonly labels: readonly string[];
  readonly rowBits: number;
  readonly featureVersion: number;
  readonly temperature: number;
  readonly scale: number;
  readonly info: Record<string, string | number>;
}

/** A model file that cannot be read, with what is wrong. */
export class ModelFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly problem: string,
  ) {
    super(`${fileName}: ${problem}`);
    this.name = 'ModelFileError';
  }
}

export function writeModel(model: TaggerModel): Uint8Array {
  const T = model.tags;
  const W = model.weights;
  let max = 0;
  for (let k = 0; k < W.length; k++) max = Math.max(max, Math.abs(W[k] as number));
  const scale = max === 0 ? 1 : max / 127;
  // A row is kept when any of its weights rounds to a non-zero byte.
  const half = scale / 2;
  const rows: number[] = [];
  for (let r = 0; r < W.length / T; r++) {
    for (let t = 0; t < T; t++) {
      const w = W[r * T + t] as number;
      if (w >= half || w <= -half) {
        rows.push(r);
        break;
      }
    }
  }
  const header: ModelHeader = { labels: model.labels, rowBits: model.rowBits, featureVersion: model.featureVersion, temperature: model.temperature, scale, info: model.info };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const gaps: number[] = [];
  let last = -1;
  for (const r of rows) {
    pushLeb128(gaps, r - last - 1);
    last = r;
  }
  // The words' hashes in ascending order, as LEB128 gaps like the rows.
  const statsWords = model.stats ? [...model.stats.counts.keys()].sort((a, b) => a - b) : [];
  const statsBytes: number[] = [];
  let lastWord = -1;
  for (const word of statsWords) {
    pushLeb128(statsBytes, word - lastWord - 1);
    lastWord = word;
  }
  const statsKeysLength = statsBytes.length;
  for (const word of statsWords) for (const c of (model.stats as WordStats).counts.get(word) as Uint32Array) pushLeb128(statsBytes, c);
  const clusters = model.stats?.clusters;
  const clusterWords = clusters ? [...clusters.paths.keys()].sort((a, b) => a - b) : [];
  const clusterBytes: number[] = [];
  let lastCore = -1;
  for (const word of clusterWords) {
    pushLeb128(clusterBytes, word - lastCore - 1);
    lastCore = word;
  }
  const clusterKeysLength = clusterBytes.length;
  for (const word of clusterWords) pushLeb128(clusterBytes, (clusters as WordClusters).pathOf(word));
  const size = 8 + 4 + headerBytes.length + model.transitions.length * 4 + 4 + gaps.length + rows.length * T + 8 + statsBytes.length + 8 + clusterBytes.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  out[4] = MODEL_FORMAT_VERSION;
  let at = 8;
  view.setUint32(at, headerBytes.length, true);
  at += 4;
  out.set(headerBytes, at);
  at += headerBytes.length;
  for (let k = 0; k < model.transitions.length; k++, at += 4) view.setFloat32(at, model.transitions[k] as number, true);
  view.setUint32(at, rows.length, true);
  at += 4;
  out.set(gaps, at);
  at += gaps.length;
  const bytes = new Int8Array(out.buffer, at, rows.length * T);
  rows.forEach((r, n) => {
    for (let t = 0; t < T; t++) bytes[n * T + t] = Math.round((W[r * T + t] as number) / scale);
  });
  at += rows.length * T;
  view.setUint32(at, statsWords.length, true);
  view.setUint32(at + 4, statsKeysLength, true);
  out.set(statsBytes, at + 8);
  at += 8 + statsBytes.length;
  view.setUint32(at, clusterWords.length, true);
  view.setUint32(at + 4, clusterKeysLength, true);
  out.set(clusterBytes, at + 8);
  return out;
}

export function readModel(bytes: Uint8Array, fileName: string): TaggerModel {
  if (bytes.length < 12 || MAGIC.some((m, i) => bytes[i] !== m)) throw new ModelFileError(fileName, 'not a Tawsim model file');
  if (bytes[4] !== MODEL_FORMAT_VERSION)
    throw new ModelFileError(fileName, `model format ${bytes[4]} is not supported by this version of Tawsim (format ${MODEL_FORMAT_VERSION}); train the model again`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  const headerLength = view.getUint32(at, true);
  at += 4;
  if (at + headerLength > bytes.length) throw new ModelFileError(fileName, 'the file is cut short');
  let header: ModelHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(at, at + headerLength))) as ModelHeader;
  } catch {
    throw new ModelFileError(fileName, 'the header is not valid JSON');
  }
  at += headerLength;
  if (!Array.isArray(header.labels) || !Number.isInteger(header.rowBits) || header.rowBits < 8 || header.rowBits > 24)
    throw new ModelFileError(fileName, 'the header has no labels or size');
  if (header.featureVersion !== FEATURE_VERSION)
    throw new ModelFileError(
      fileName,
      `the model was trained on features of another version of Tawsim (${header.featureVersion}, this one reads ${FEATURE_VERSION}); train it again`,
    );
  const model = new TaggerModel({
    labels: header.labels,
    rowBits: header.rowBits,
    temperature: header.temperature,
    featureVersion: header.featureVersion,
    info: header.info ?? {},
  });
  const T = model.tags;
  const X = model.transitions;
  if (at + X.length * 4 + 4 > bytes.length) throw new ModelFileError(fileName, 'the file is cut short');
  for (let k = 0; k < X.length; k++, at += 4) X[k] = view.getFloat32(at, true);
  const count = view.getUint32(at, true);
  at += 4;
  const rows = new Uint32Array(count);
  let last = -1;
  for (let n = 0; n < count; n++) {
    let gap = 0;
    let shift = 0;
    for (;;) {
      if (at >= bytes.length) throw new ModelFileError(fileName, 'the file is cut short');
      const b = bytes[at++] as number;
      gap |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) break;
      shift += 7;
    }
    last = last + gap + 1;
    if (last >= 1 << header.rowBits) throw new ModelFileError(fileName, 'a row number is past the end of the table');
    rows[n] = last;
  }
  if (at + count * T + 16 > bytes.length) throw new ModelFileError(fileName, `expected ${count * T} weight bytes, found ${bytes.length - at}`);
  const weights = new Int8Array(bytes.buffer, bytes.byteOffset + at, count * T);
  const W = model.weights;
  for (let n = 0; n < count; n++) {
    const base = (rows[n] as number) * T;
    for (let t = 0; t < T; t++) W[base + t] = (weights[n * T + t] as number) * header.scale;
  }
  at += count * T;
  const wordCount = view.getUint32(at, true);
  const keysLength = view.getUint32(at + 4, true);
  at += 8;
  const keysStart = at;
  if (at + keysLength + 8 > bytes.length) throw new ModelFileError(fileName, 'the file is cut short');
  const leb128 = (): number => {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (at >= bytes.length) throw new ModelFileError(fileName, 'the file is cut short');
      const b = bytes[at++] as number;
      value += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return value;
      shift += 7;
    }
  };
  if (wordCount > 0) {
    const words = new Array<number>(wordCount);
    let word = -1;
    for (let k = 0; k < wordCount; k++) {
      word += leb128() + 1;
      if (word > 0xffffffff) throw new ModelFileError(fileName, 'a word of the statistics is past the end of the hash range');
      words[k] = word;
    }
    if (at !== keysStart + keysLength) throw new ModelFileError(fileName, `expected ${keysLength} bytes of word keys, found ${at - keysStart}`);
    const stats = new WordStats(model.labels.length);
    for (const w of words) {
      const counts = new Uint32Array(model.labels.length + 1);
      for (let k = 0; k < counts.length; k++) counts[k] = leb128();
      stats.counts.set(w, counts);
    }
    model.stats = stats;
  }
  if (at + 8 > bytes.length) throw new ModelFileError(fileName, 'the file is cut short');
  const clusterCount = view.getUint32(at, true);
  const clusterKeysLength = view.getUint32(at + 4, true);
  at += 8;
  const clusterKeysStart = at;
  if (at + clusterKeysLength > bytes.length) throw new ModelFileError(fileName, 'the file is cut short');
  if (clusterCount > 0) {
    const cores = new Array<number>(clusterCount);
    let core = -1;
    for (let k = 0; k < clusterCount; k++) {
      core += leb128() + 1;
      if (core > 0xffffffff) throw new ModelFileError(fileName, 'a word of the clusters is past the end of the hash range');
      cores[k] = core;
    }
    if (at !== clusterKeysStart + clusterKeysLength) throw new ModelFileError(fileName, `expected ${clusterKeysLength} bytes of cluster keys, found ${at - clusterKeysStart}`);
    const clusters = new WordClusters();
    for (const c of cores) clusters.paths.set(c, leb128());
    // Clusters are read through the statistics; a model with clusters and no counts keeps empty counts.
    model.stats ??= new WordStats(model.labels.length);
    model.stats.clusters = clusters;
  }
  if (at !== bytes.length) throw new ModelFileError(fileName, `${bytes.length - at} bytes past the end of the model`);
  return model;
}

function pushLeb128(out: number[], value: number): void {
  while (value >= 0x80) {
    out.push((value & 0x7f) | 0x80);
    value = Math.floor(value / 128);
  }
  out.push(value);
}
