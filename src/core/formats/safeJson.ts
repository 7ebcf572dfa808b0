/** Keys that could change an object's prototype or constructor if the parsed value were merged or spread. */
const DANGEROUS_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonParseResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string; readonly line?: number };

/**
 * JSON.parse that drops `__proto__`, `constructor` and `prototype` keys wherever they appear, so
 * a hostile file cannot pollute prototypes through code that later copies its objects. Errors
 * are turned into a message with a 1-based line where the engine reports a position.
 */
export function parseJsonSafely(text: string): JsonParseResult {
  try {
    const value: unknown = JSON.parse(text, (key, v: unknown) => (DANGEROUS_KEYS.has(key) ? undefined : v));
    return { ok: true, value };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const position = /position (\d+)/.exec(message);
    if (position) {
      const offset = Number(position[1]);
      const line = text.slice(0, offset).split('\n').length;
      return { ok: false, message: `invalid JSON: ${message}`, line };
    }
    return { ok: false, message: `invalid JSON: ${message}` };
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Copies a parsed object's other fields into a prototype-free record, leaving out the given keys. */
export function otherFields(record: Record<string, unknown>, omit: readonly string[]): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(record)) {
    if (!omit.includes(k) && !DANGEROUS_KEYS.has(k)) out[k] = v;
  }
  return out;
}
