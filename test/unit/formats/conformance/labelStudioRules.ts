import { pySlice } from './python';

/**
 * Label Studio's rules for imported tasks, restated from label-studio-sdk
 * (label_interface/interface.py: validate_task, _validate_region_logic; control_tags.py:
 * LabelsValue, TextAreaValue, _validate_labels) and label-studio-converter (converter.py reads
 * task['id'] and task['annotations'] of every task): a region needs from_name, to_name, type and
 * value; from_name names a control and to_name an object of the labelling configuration, the
 * type is the control's tag in lower case, to_name is among the control's toName; a labels value
 * has numeric start and end and labels all declared in the configuration; a textarea value has
 * a list of strings as text. Offsets count code points, so value.text is text[start:end].
 */
interface Control {
  readonly tag: string;
  readonly toName: string[];
  readonly labels: string[];
}

export function readLabelConfig(xml: string): { controls: Map<string, Control>; objects: Set<string> } {
  const controls = new Map<string, Control>();
  const objects = new Set<string>();
  const tag = /<(\w+)\s([^>]*?)\/?>/g;
  let current: Control | undefined;
  for (let m = tag.exec(xml); m !== null; m = tag.exec(xml)) {
    const [, name = '', attrs = ''] = m;
    const attr = (key: string): string | undefined => new RegExp(`${key}="([^"]*)"`).exec(attrs)?.[1];
    if (name === 'Labels' || name === 'TextArea') {
      current = { tag: name, toName: (attr('toName') ?? '').split(','), labels: [] };
      controls.set(attr('name') ?? '', current);
    } else if (name === 'Label' && current) {
      current.labels.push(unescapeXml(attr('value') ?? ''));
    } else if (name === 'Text') {
      objects.add(attr('name') ?? '');
    }
  }
  return { controls, objects };
}

function unescapeXml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function labelStudioProblems(tasksJson: string, configXml: string): string[] {
  const { controls, objects } = readLabelConfig(configXml);
  const problems: string[] = [];
  const tasks = JSON.parse(tasksJson) as Record<string, unknown>[];
  tasks.forEach((task, i) => {
    const at = `task ${i}`;
    if (task['id'] === undefined) problems.push(`${at}: no id (label-studio-converter reads task['id'])`);
    if (!Array.isArray(task['annotations'])) problems.push(`${at}: no annotations list (label-studio-converter skips the task)`);
    const data = task['data'] as Record<string, unknown> | undefined;
    const text = data?.['text'];
    if (typeof text !== 'string') return void problems.push(`${at}: data.text is not a string`);
    const entries = [...((task['annotations'] as unknown[]) ?? []), ...((task['predictions'] as unknown[]) ?? [])] as Record<string, unknown>[];
    for (const entry of entries) {
      if (!Array.isArray(entry['result'])) {
        problems.push(`${at}: 'result' must be a list`);
        continue;
      }
      (entry['result'] as Record<string, unknown>[]).forEach((region, k) => {
        const where = `${at} region ${k}`;
        for (const field of ['from_name', 'to_name', 'type', 'value']) if (!(field in region)) problems.push(`${where}: missing required field '${field}'`);
        const control = controls.get(region['from_name'] as string);
        if (!control) return void problems.push(`${where}: from_name not found in configuration`);
        if (!objects.has(region['to_name'] as string)) problems.push(`${where}: to_name not found in configuration`);
        if (String(region['type']).toLowerCase() !== control.tag.toLowerCase()) problems.push(`${where}: type does not match the control`);
        if (!control.toName.includes(region['to_name'] as string)) problems.push(`${where}: to_name not valid for the control`);
        const value = region['value'] as Record<string, unknown>;
        if (control.tag === 'Labels') {
          if (typeof value['start'] !== 'number' || typeof value['end'] !== 'number') return void problems.push(`${where}: start and end must be numbers`);
          const labels = value['labels'];
          if (!Array.isArray(labels) || labels.some((l) => !control.labels.includes(l as string)))
            problems.push(`${where}: labels ${JSON.stringify(labels)} not all in the configuration`);
          if (value['text'] !== undefined && value['text'] !== pySlice(text, value['start'], value['end'])) problems.push(`${where}: value.text is not text[start:end]`);
        } else if (!Array.isArray(value['text']) || (value['text'] as unknown[]).some((t) => typeof t !== 'string')) {
          problems.push(`${where}: a textarea value needs text, a list of strings`);
        }
      });
    }
  });
  return problems;
}
