import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { EntityTagger } from '../../core/tagger/entityTagger';
import { readModel } from '../../core/tagger/modelFile';
import type { TaggerModel } from '../../core/tagger/taggerModel';

export const BASE_MODEL_PATH = path.join('models', 'base', 'tawsim-ner.bin');

/**
 * The base model that ships with Tawsim: beside the bundle (dist/cli.js → ../models/base) or, run
 * from the sources, at the top of the repository. Found by walking up from this file.
 */
export function baseModelFile(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, BASE_MODEL_PATH);
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}

const loaded = new Map<string, TaggerModel>();

/** Reads a model file once per process (each worker thread reads its own). Throws `FILE: problem`. */
export function loadModelFile(file: string): TaggerModel {
  let model = loaded.get(file);
  if (!model) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      throw new Error(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such model file' : (e as Error).message}`);
    }
    model = readModel(bytes, file);
    loaded.set(file, model);
  }
  return model;
}

/**
 * The tagger of a run: `--model FILE`, `none` for the rules alone, else the base model (the rules
 * when it is missing); its spans below `minScore` are not proposed.
 */
export function taggerFor(model: string | undefined, minScore?: number): EntityTagger | undefined {
  if (model === 'none') return undefined;
  const file = model ?? baseModelFile();
  return file === undefined ? undefined : { model: loadModelFile(file), ...(minScore !== undefined ? { minScore } : {}) };
}
