import { buildSidecar, placeSidecarAnnotations } from '../sidecar/documentAnnotations';
import { validateSidecarObject } from '../sidecar/validateSidecar';
import type { ImportRequest, ImportResult } from './formatTypes';
import { namedDocument } from './namedDocument';
import { ImportCollector } from './importCollector';
import { parseJsonSafely } from './safeJson';

const SUFFIX = '.tawsim.json';

/**
 * Reads Tawsim JSON (`<text path>.tawsim.json`, the sidecar as JSON): checked against the sidecar
 * schema as a sidecar is, then placed on the document the file name names exactly as a sidecar
 * is loaded (re-anchored when the text changed; what cannot be placed stays as an orphan). Every
 * annotation comes back as it was, ids, statuses, sources, values, notes and reviews included,
 * under the file's annotator and document date.
 */
export function importTawsimJson(request: ImportRequest): ImportResult {
  const c = new ImportCollector(request);
  if (!c.checkSize()) return c.result();
  const doc = namedDocument(c, (name) => [name.endsWith(SUFFIX) ? name.slice(0, -SUFFIX.length) : name]);
  if (!doc) return c.result();
  const parsed = parseJsonSafely(request.content.replace(/^\ufeff/, ''));
  if (!parsed.ok) {
    c.error(parsed.line !== undefined ? { line: parsed.line } : {}, parsed.message);
    return c.result();
  }
  const checked = validateSidecarObject(parsed.value, request.labels);
  for (const p of checked.problems) {
    if (p.severity === 'error') c.error({ where: p.path || 'the file' }, p.message);
  }
  const sidecar = checked.sidecar;
  if (!sidecar || c.failed) return c.result();
  for (const a of sidecar.annotations) c.checkLabel(a.label, { where: 'annotations' });
  const placed = placeSidecarAnnotations(sidecar, doc.text);
  const live = placed.annotations.filter((a) => !a.orphan);
  const orphans = placed.annotations.filter((a) => a.orphan);
  const rebuilt = buildSidecar({ path: doc.path, annotator: sidecar.annotator }, doc.text, live, orphans);
  const target = c.open(doc, { annotator: sidecar.annotator, ...(sidecar.document.date !== undefined ? { date: sidecar.document.date } : {}) });
  target.keepIds = true;
  for (const a of rebuilt.annotations) c.keep(target, a);
  if (placed.textChanged) c.warn(`the file was written for another version of ${doc.path}: ${placed.moved} annotations re-anchored, ${placed.orphans} kept as orphans`);
  return c.result();
}
