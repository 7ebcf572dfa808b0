import type { LabelDefinition } from '../model/labels';

/** Names tying the results in the JSON to the tags of the labelling configuration. */
export const LS_LABEL_FROM = 'label';
export const LS_VALUE_FROM = 'value';
export const LS_NOTE_FROM = 'note';
export const LS_TEXT_TO = 'text';

/**
 * A Label Studio labelling configuration matching the exported tasks: the label set with its
 * colours and both names (the Arabic one as the hint shown on hover), then the labels the tasks use
 * outside the set (`outside`), since Label Studio refuses results whose labels it lacks, right-to-left text, and
 * per-region text areas for the value and the note. `white-space: pre-wrap` matters: without it
 * Label Studio trims spaces on display, and selections no longer line up with the stored offsets.
 */
export function labelStudioConfig(labels: readonly LabelDefinition[], outside: readonly string[] = []): string {
  const lines = [
    '<View>',
    `  <Labels name="${LS_LABEL_FROM}" toName="${LS_TEXT_TO}">`,
    ...labels.map((l) => `    <Label value="${attr(l.id)}" background="${attr(l.color.slice(0, 7))}" hint="${attr(`${l.ar} — ${l.en}`)}"/>`),
    ...outside.map((id) => `    <Label value="${attr(id)}"/>`),
    '  </Labels>',
    `  <Text name="${LS_TEXT_TO}" value="$text" granularity="symbol"/>`,
    `  <Style>.htx-text { direction: rtl; white-space: pre-wrap; }</Style>`,
    `  <TextArea name="${LS_VALUE_FROM}" toName="${LS_TEXT_TO}" perRegion="true" editable="true" maxSubmissions="1" placeholder="TIMEX3 value"/>`,
    `  <TextArea name="${LS_NOTE_FROM}" toName="${LS_TEXT_TO}" perRegion="true" editable="true" maxSubmissions="1" placeholder="Note"/>`,
    '</View>',
  ];
  return lines.join('\n') + '\n';
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
