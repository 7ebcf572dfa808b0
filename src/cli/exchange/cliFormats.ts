import type { FormatId } from '../../core/formats/formatTypes';
import { FORMATS, formatById } from '../../core/formats/formatRegistry';
import { UsageError } from '../cliTypes';

/** On the command line the Tawsim JSON format is plain `json`; the core calls it `tawsim-json`. */
const CLI_ALIASES: Readonly<Record<string, FormatId>> = { json: 'tawsim-json' };

/** The CLI name of a format: what `--format` accepts and what default folder names use. */
export function cliFormatName(id: FormatId): string {
  return Object.entries(CLI_ALIASES).find(([, target]) => target === id)?.[0] ?? id;
}

export function exportFormatNames(): string[] {
  return FORMATS.map((f) => cliFormatName(f.id));
}

export function importFormatNames(): string[] {
  return FORMATS.filter((f) => f.capabilities.canImport).map((f) => cliFormatName(f.id));
}

/** The format of a `--format` value; a usage error listing the choices when there is none. */
export function parseFormat(value: string, purpose: 'export' | 'import'): FormatId {
  const id = CLI_ALIASES[value] ?? value;
  const format = formatById(id);
  const names = purpose === 'export' ? exportFormatNames() : importFormatNames();
  if (!format || (purpose === 'import' && !format.capabilities.canImport)) {
    throw new UsageError(`--format must be one of ${names.join(', ')} (got ${JSON.stringify(value)})`);
  }
  return format.id;
}
