import type { BlockSpan } from '../../../core/reading/readingProtocol';
import type { LabelPalette } from './labelPalette';
import type { Strings } from './text';

/** What a span says: its chip, its accessible name, and the rows of its hover card. */
export interface SpanText {
  readonly chip: string;
  readonly title: string;
  readonly rows: readonly (readonly [string, string])[];
}

export function describeSpan(span: BlockSpan, palette: LabelPalette, s: Strings): SpanText {
  const look = palette.look(span.label);
  const rows: [string, string][] = [];
  const parts: string[] = [];
  if (span.kind === 'disagreement') {
    const kind = span.label === 'boundary' ? s.t('boundary') : span.label === 'label' ? s.t('labelDiffers') : s.t('missing');
    const state = span.open ? s.t('open') : s.t('settled');
    rows.push([s.t('disagreement'), `${kind} · ${state}`]);
    if (span.by && span.by.length > 0) rows.push([s.t('annotators'), s.list(span.by)]);
    if (span.missingIn && span.missingIn.length > 0) rows.push(['', s.t('missingIn', s.list(span.missingIn))]);
    return { chip: span.open ? '⚑' : '⚑✓', title: `${s.t('disagreement')}: «${span.text}», ${kind}, ${state}`, rows };
  }
  const name = look.known ? look.name : `${span.label} (${s.t('unknownLabel')})`;
  rows.push([s.t('label'), look.name === span.label ? span.label : `${look.name} (${span.label})`]);
  if (!look.known) rows.push(['', s.t('unknownLabel')]);
  let chip = look.known ? look.name : `? ${span.label}`;
  if (span.kind === 'tag' || span.kind === 'suggestion') {
    const status = span.status === 'suggested' ? s.t('suggested') : span.status === 'rejected' ? s.t('rejected') : s.t('accepted');
    rows.push([s.t('status'), status]);
    if (span.kind === 'suggestion') parts.push(status);
    if (span.source) rows.push([s.t('source'), sourceName(span.source, s)]);
  }
  if (span.score !== undefined) {
    const score = span.score.toFixed(2);
    chip += ` ${score}`;
    rows.push([s.t('score'), score]);
    parts.push(`${s.t('score')} ${score}`);
  }
  if (span.alternative) {
    const other = span.alternative.label === 'O' ? s.t('noEntity') : palette.look(span.alternative.label).name;
    rows.push([s.t('nextBest'), `${other} ${span.alternative.score.toFixed(2)}`]);
  }
  if (span.value !== undefined) {
    rows.push([s.t('value'), span.value]);
    parts.push(`${s.t('value')} ${span.value}`);
  }
  if (span.reason) rows.push([s.t('reason'), span.reason]);
  if (span.note) rows.push([s.t('note'), span.note]);
  if (span.kind === 'proposal') {
    const by = span.agreed ? s.t('agreedByAll') : s.t('byAnnotators', s.list(span.by ?? []));
    rows.push([s.t('annotators'), s.list(span.by ?? [])]);
    parts.push(by);
    chip += span.agreed ? ' ✓' : ` · ${s.list(span.by ?? [])}`;
    if (span.verdict) {
      const verdict = span.verdict === 'accepted' ? s.t('acceptGold') : s.t('rejectGold');
      rows.push([s.t('gold'), verdict]);
      parts.push(verdict);
      chip = `${span.verdict === 'accepted' ? '✔' : '✘'} ${chip}`;
    }
  }
  if (span.before || span.after) parts.push(s.t('continues'));
  return { chip, title: s.list([`${name}: «${span.text}»`, ...parts]), rows };
}

function sourceName(source: string, s: Strings): string {
  switch (source) {
    case 'manual':
      return s.t('sourceManual');
    case 'rules':
      return s.t('sourceRules');
    case 'learned':
      return s.t('sourceLearned');
    case 'model':
      return s.t('sourceModel');
    case 'import':
      return s.t('sourceImport');
    default:
      return source;
  }
}
