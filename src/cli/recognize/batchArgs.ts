import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UsageError } from '../cliTypes';
import { parseCommandArgs } from '../parseArgs';
import { DEFAULT_RECOGNIZED_LABELS } from '../../core/recognize/recognizeTypes';
import { DEFAULT_SIDECAR_PATTERN, sidecarFileName } from '../../core/sidecar/sidecarPath';
import type { BatchSettings } from './batchTask';

/** The options `detect` and `annotate` share, checked. */
export interface BatchArgs {
  readonly settings: BatchSettings;
  readonly inputs: readonly string[];
  /** `--progress`: show `N/M` on stderr even when it is not a terminal. */
  readonly progress: boolean;
  /** `--workers N`; undefined: decided by the size of the run. */
  readonly workers?: number;
  /** `--jsonl -`: JSON-lines documents on stdin, results line by line on stdout. */
  readonly jsonl: boolean;
  /** The options given on the command line, which win over the project's settings (`--labels` narrows the project's set). */
  readonly given: { readonly pattern: boolean; readonly model: boolean; readonly labels: boolean };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseBatchArgs(args: readonly string[]): BatchArgs {
  const { values, positionals } = parseCommandArgs(args, {
    date: { type: 'string' },
    labels: { type: 'string' },
    annotator: { type: 'string' },
    pattern: { type: 'string' },
    progress: { type: 'boolean' },
    workers: { type: 'string' },
    model: { type: 'string' },
    jsonl: { type: 'boolean' },
  });
  const jsonl = values['jsonl'] === true;
  if (jsonl && (positionals.length !== 1 || positionals[0] !== '-')) throw new UsageError('--jsonl reads standard input: write --jsonl -');
  if (jsonl && (values['workers'] !== undefined || values['pattern'] !== undefined))
    throw new UsageError('--jsonl runs in one thread and writes no sidecar: --workers and --pattern do not apply');
  if (positionals.length === 0) throw new UsageError('name at least one text file or folder');
  const date = typeof values['date'] === 'string' ? checkDate(values['date']) : undefined;
  const labels = typeof values['labels'] === 'string' ? checkLabels(values['labels']) : DEFAULT_RECOGNIZED_LABELS;
  const pattern = typeof values['pattern'] === 'string' ? values['pattern'] : DEFAULT_SIDECAR_PATTERN;
  const annotator = typeof values['annotator'] === 'string' && values['annotator'].trim() !== '' ? values['annotator'].trim() : systemUserName();
  try {
    if (!pattern.includes('${file}')) throw new Error('--pattern must contain ${file}');
    sidecarFileName('x.txt', annotator, pattern);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  let workers: number | undefined;
  if (typeof values['workers'] === 'string') {
    workers = Number(values['workers']);
    // More threads than cores only compete with each other for memory and time.
    const cores = os.availableParallelism();
    if (!Number.isInteger(workers) || workers < 0 || workers > cores) {
      throw new UsageError(`--workers must be a whole number from 0 to ${cores} (the cores of this machine), not "${values['workers']}"`);
    }
  }
  return {
    settings: { labels, annotator, pattern, ...(date !== undefined ? { date } : {}), ...(typeof values['model'] === 'string' ? { model: checkModel(values['model']) } : {}) },
    inputs: positionals,
    progress: values['progress'] === true,
    jsonl,
    given: { pattern: values['pattern'] !== undefined, model: values['model'] !== undefined, labels: values['labels'] !== undefined },
    ...(workers !== undefined ? { workers } : {}),
  };
}

function checkModel(value: string): string {
  if (value === 'none') return value;
  if (!existsSync(value)) throw new UsageError(`--model: ${value} does not exist (give a model file made by tawsim train, or none for the rules alone)`);
  return path.resolve(value);
}

function checkDate(value: string): string {
  const m = DATE.exec(value);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const real = new Date(Date.UTC(y, mo - 1, d));
  if (!m || real.getUTCFullYear() !== y || real.getUTCMonth() !== mo - 1 || real.getUTCDate() !== d) {
    throw new UsageError(`--date must be a calendar date written YYYY-MM-DD, not "${value}"`);
  }
  return value;
}

function checkLabels(value: string): readonly string[] {
  const labels = value
    .split(',')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (labels.length === 0) throw new UsageError(`--labels needs at least one of ${DEFAULT_RECOGNIZED_LABELS.join(',')}`);
  const unknown = labels.filter((l) => !DEFAULT_RECOGNIZED_LABELS.includes(l));
  if (unknown.length > 0)
    throw new UsageError(`unknown label${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}: the recogniser finds ${DEFAULT_RECOGNIZED_LABELS.join(', ')}`);
  return [...new Set(labels)];
}

/** The OS user name, the default annotator of new sidecars (as the editor's `tawsim.annotator`). */
function systemUserName(): string {
  try {
    const name = os.userInfo().username.trim();
    if (name !== '') return name;
  } catch {
    // No passwd entry (some containers): fall back to the environment.
  }
  return process.env['USER'] || process.env['USERNAME'] || process.env['LOGNAME'] || 'annotator';
}
