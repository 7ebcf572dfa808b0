/**
 * Digits as Arabic news writes them: ASCII, Arabic-Indic (٠-٩) and Persian/Urdu (۰-۹). A writer
 * or a keyboard may mix them, so each digit is read on its own.
 */
export function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x0660 && code <= 0x0669) return code - 0x0660;
  if (code >= 0x06f0 && code <= 0x06f9) return code - 0x06f0;
  return -1;
}

/** The value of a string made only of digits of any of the three families, else undefined. */
export function parseDigits(text: string): number | undefined {
  if (text.length === 0) return undefined;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const d = digitValue(text.charCodeAt(i));
    if (d < 0) return undefined;
    value = value * 10 + d;
  }
  return value;
}
