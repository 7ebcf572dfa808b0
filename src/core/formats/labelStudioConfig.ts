import type { LabelDefinition } from '../model/labels';

/** Names tying the results in the JSON to the tags of the labelling configuration. */
export const LS_LABEL_FROM = 'label';
export const LS_VALUE_FROM = 'value';
export const LS_NOTE_FROM = 'note';
export const LS_TEXT_TO = 'text';
/** Per-region attribute controls are named `attr_<name>`. */
export const LS_ATTRIBUTE_PREFIX = 'attr_';

/** Relation types and attributes the tasks use (schema 2); an attribute with `values` is a choice, else free text. */
export interface LabelStudioExtras {
  readonly relations?: readonly string[];
  readonly attributes?: readonly { readonly name: string; readonly values?: readonly string[] }[];
}

/**
 * A Label Studio labelling configuration matching the exported tasks: the label set with its
 * colours and both names (the Arabic one as the hint shown on hover), then the labels the tasks use
 * outside the set (`outside`), since Label Studio refuses results whose labels it lacks, right-to-left text, and
 * per-region text areas for the value and the note. `white-space: pre-wrap` matters: without it
 * Label Studio trims spaces on display, and selections no longer line up with the stored offsets.
 */
export function labelStudioConfig(labels: readonly LabelDefinition[], outside: readonly string[] = [], more: LabelStudioExtras = {}): string {
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
    ...(more.relations?.length ? ['  <Relations>', ...more.relations.map((r) => `    <Relation value="${attr(r)}"/>`), '  </Relations>'] : []),
    ...(more.attributes ?? []).flatMap((a) =>
      a.values
        ? [
            `  <Choices name="${attr(LS_ATTRIBUTE_PREFIX + a.name)}" toName="${LS_TEXT_TO}" perRegion="true" choice="single" showInline="true">`,
            ...a.values.map((v) => `    <Choice value="${attr(v)}"/>`),
            '  </Choices>',
          ]
        : [`  <TextArea name="${attr(LS_ATTRIBUTE_PREFIX + a.name)}" toName="${LS_TEXT_TO}" perRegion="true" editable="true" maxSubmissions="1" placeholder="${attr(a.name)}"/>`],
    ),
    '</View>',
  ];
  return lines.join('\n') + '\n';
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
