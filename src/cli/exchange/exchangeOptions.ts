import type { BratDiscontinuous, ExportOptions, FormatId, ImportOptions } from '../../core/formats/formatTypes';
import type { OffsetUnit } from '../../core/formats/offsetUnits';
import { UsageError } from '../cliTypes';

/** The format options `tawsim export` takes, for node's parseArgs. */
export const EXPORT_OPTION_SPEC = {
  scheme: { type: 'string' },
  'split-proclitics': { type: 'boolean' },
  bom: { type: 'boolean' },
  'no-formula-guard': { type: 'boolean' },
  offsets: { type: 'string' },
} as const;

/** The format options `tawsim import` takes. */
export const IMPORT_OPTION_SPEC = {
  offsets: { type: 'string' },
  discontinuous: { type: 'string' },
  'no-formula-guard': { type: 'boolean' },
} as const;

export const EXPORT_OPTIONS_USAGE = '[--scheme iob2|bioes] [--split-proclitics] [--bom] [--no-formula-guard] [--offsets utf16|grapheme|codepoint]';
export const IMPORT_OPTIONS_USAGE = '[--offsets utf16|grapheme|codepoint] [--discontinuous keep|cover|fragments|skip] [--no-formula-guard]';

type Values = Record<string, unknown>;

/** Each option belongs to one format (or several); given with another it is a usage error rather than silently ignored. */
function only(values: Values, option: string, format: FormatId, allowed: readonly FormatId[]): void {
  const given = values[option];
  if (given !== undefined && given !== false && !allowed.includes(format)) throw new UsageError(`--${option} applies to --format ${allowed.join(' or ')}`);
}

function offsetUnit(values: Values): OffsetUnit | undefined {
  const value = values['offsets'];
  if (value === undefined) return undefined;
  if (value === 'codepoint') return 'codePoint';
  if (value === 'utf16' || value === 'grapheme') return value;
  throw new UsageError(`--offsets must be utf16, grapheme or codepoint (got ${JSON.stringify(value)})`);
}

export function exportOptionsFromArgs(format: FormatId, values: Values): ExportOptions {
  const scheme = values['scheme'];
  if ((scheme !== undefined || values['split-proclitics'] === true) && format !== 'conll') throw new UsageError('--scheme and --split-proclitics apply to --format conll');
  only(values, 'bom', format, ['csv']);
  only(values, 'no-formula-guard', format, ['csv']);
  only(values, 'offsets', format, ['doccano']);
  if (scheme !== undefined && scheme !== 'iob2' && scheme !== 'bioes') throw new UsageError(`--scheme must be iob2 or bioes (got ${JSON.stringify(scheme)})`);
  if (format === 'conll') return { conll: { scheme: scheme === 'bioes' ? 'BIOES' : 'IOB2', splitProclitics: values['split-proclitics'] === true } };
  if (format === 'csv') return { csv: { bom: values['bom'] === true, formulaGuard: values['no-formula-guard'] !== true } };
  const offsets = offsetUnit(values);
  if (format === 'doccano' && offsets) return { doccano: { offsets } };
  return {};
}

export function importOptionsFromArgs(format: FormatId, values: Values): ImportOptions {
  only(values, 'offsets', format, ['doccano']);
  only(values, 'discontinuous', format, ['brat']);
  only(values, 'no-formula-guard', format, ['csv']);
  const offsets = offsetUnit(values);
  const discontinuous = values['discontinuous'];
  if (discontinuous !== undefined && discontinuous !== 'keep' && discontinuous !== 'cover' && discontinuous !== 'fragments' && discontinuous !== 'skip') {
    throw new UsageError(`--discontinuous must be keep, cover, fragments or skip (got ${JSON.stringify(discontinuous)})`);
  }
  if (format === 'doccano' && offsets) return { doccano: { offsets } };
  if (format === 'brat' && discontinuous !== undefined) return { brat: { discontinuous: discontinuous as BratDiscontinuous } };
  if (format === 'csv' && values['no-formula-guard'] === true) return { csv: { formulaGuard: false } };
  return {};
}
