/**
 * The TimeML 1.2.1 schema's rules for TIMEX3, restated for the tests from the schema
 * (TimeML_1.2.1.xsd: the TimeID, Date, Time, WeekDate, WeekTime, Season, PartOfYear, PaPrFu and
 * Duration types, the TIMEX3 attribute list, its enumerations, and the keyrefs that make
 * anchorTimeID, beginPoint and endPoint point at a TIMEX3 of the document) and from the TimeML 1.2.1
 * specification (TIMEX3 holds text only; an empty TIMEX3 is a non-consuming time). Written apart from
 * the exporter's own value check, so that the two can disagree.
 */
import { SaxesParser } from 'saxes';

// The schema's xs:pattern facets, anchored as XML Schema patterns always are.
const SCHEMA_VALUE_TYPES: Readonly<Record<string, RegExp>> = {
  Date: /^[0-9X]{1,4}(-[0-9X]{1,2}(-[0-9X]{1,2})?)?$/,
  Time: /^([0-9X]{1,4}-[0-9X]{1,2}-[0-9X]{1,2})?T(([0-9]{2}(:[0-9]{2}(:[0-9]{2})?)?)|(MO|MI|AF|EV|NI|DT))$/,
  WeekDate: /^[0-9X]{1,4}-W[0-9X]{1,2}(-([1-7X]|WE))?$/,
  WeekTime: /^[0-9X]{1,4}-W[0-9X]{1,2}-[1-7X]T(([0-9]{2}(:[0-9]{2}(:[0-9]{2})?)?)|(MO|MI|AF|EV|NI|DT))$/,
  Season: /^[0-9X]{1,4}-(SP|SU|WI|FA)$/,
  PartOfYear: /^[0-9X]{1,4}-(H[1-2X]|Q[1-4X])$/,
  PaPrFu: /^(PAST_REF|PRESENT_REF|FUTURE_REF)$/,
  // Duration also has minLength 3.
  Duration: /^P((((\p{Nd}+|X{1,2})Y)?((\p{Nd}+|X{1,2})M)?((\p{Nd}+|X{1,2})D)?(T((\p{Nd}+|X{1,2})H)?((\p{Nd}+|X{1,2})M)?((\p{Nd}+|X{1,2})S)?)?)|((\p{Nd}+|X{1,2}))(W|L|E|C|Q))$/u,
};

/** The schema types a value belongs to (empty when the schema refuses it). */
export function valueTypes(value: string): string[] {
  return Object.entries(SCHEMA_VALUE_TYPES)
    .filter(([name, pattern]) => pattern.test(value) && (name !== 'Duration' || value.length >= 3))
    .map(([name]) => name);
}

const TIME_ID = /^t\p{Nd}+$/u;
const TYPES = ['DATE', 'TIME', 'DURATION', 'SET'];
const FUNCTIONS = ['CREATION_TIME', 'EXPIRATION_TIME', 'MODIFICATION_TIME', 'PUBLICATION_TIME', 'RELEASE_TIME', 'RECEPTION_TIME', 'NONE'];
const MODS = ['BEFORE', 'AFTER', 'ON_OR_BEFORE', 'ON_OR_AFTER', 'LESS_THAN', 'MORE_THAN', 'EQUAL_OR_LESS', 'EQUAL_OR_MORE', 'START', 'MID', 'END', 'APPROX'];
const ATTRIBUTES = new Set([
  'tid',
  'sentID',
  'type',
  'functionInDocument',
  'temporalFunction',
  'value',
  'valueFromFunction',
  'mod',
  'anchorTimeID',
  'beginPoint',
  'endPoint',
  'quant',
  'freq',
  'comment',
]);
const FREQUENCY = /^[0-9X](C|Y|X|W|D|H|S|SP|SU|FA|WI)$/;

export interface Timex {
  readonly attributes: Readonly<Record<string, string>>;
  /** The covered text; undefined for an empty (non-consuming) TIMEX3. */
  readonly text?: string;
  readonly line: number;
}

export interface TimemlCheck {
  readonly problems: string[];
  readonly timexes: Timex[];
  /** The character data of <TEXT>, tags removed. */
  readonly text: string;
}

/** Parses a TimeML file and lists every way it breaks the TIMEX3 rules above. */
export function checkTimeml(xml: string): TimemlCheck {
  const problems: string[] = [];
  const timexes: Timex[] = [];
  const parser = new SaxesParser({ xmlns: false });
  let inText = false;
  let text = '';
  let open: { attributes: Record<string, string>; line: number; text: string; closedEmpty: boolean } | undefined;
  parser.on('error', (e) => problems.push(`not well-formed: ${e.message}`));
  parser.on('opentag', (tag) => {
    if (tag.name === 'TEXT') inText = true;
    if (tag.name === 'TIMEX3') {
      if (open) problems.push(`line ${parser.line}: TIMEX3 inside TIMEX3 (TIMEX3 holds text only)`);
      open = { attributes: { ...(tag.attributes as Record<string, string>) }, line: parser.line, text: '', closedEmpty: tag.isSelfClosing };
    } else if (open) problems.push(`line ${parser.line}: <${tag.name}> inside TIMEX3 (TIMEX3 holds text only)`);
  });
  parser.on('text', (t) => {
    if (open) open.text += t;
    if (inText) text += t;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'TEXT') inText = false;
    if (tag.name === 'TIMEX3' && open) {
      timexes.push({ attributes: open.attributes, line: open.line, ...(open.closedEmpty || open.text === '' ? {} : { text: open.text }) });
      open = undefined;
    }
  });
  parser.write(xml).close();

  const ids = new Set<string>();
  for (const t of timexes) {
    const a = t.attributes;
    const where = `line ${t.line} TIMEX3 ${a['tid'] ?? '(no tid)'}`;
    for (const name of Object.keys(a)) if (!ATTRIBUTES.has(name)) problems.push(`${where}: attribute ${name} is not in the schema`);
    const tid = a['tid'];
    if (tid === undefined) problems.push(`${where}: tid is required`);
    else if (!TIME_ID.test(tid)) problems.push(`${where}: tid ${tid} is not a TimeID (t followed by digits)`);
    else if (ids.has(tid)) problems.push(`${where}: tid ${tid} is used twice`);
    else ids.add(tid);
    if (a['type'] === undefined) problems.push(`${where}: type is required`);
    else if (!TYPES.includes(a['type'])) problems.push(`${where}: type ${a['type']} is not DATE, TIME, DURATION or SET`);
    const value = a['value'];
    if (value === undefined) problems.push(`${where}: value is required`);
    else if (valueTypes(value).length === 0) problems.push(`${where}: value ${JSON.stringify(value)} is not a TIMEX3 value`);
    if (a['functionInDocument'] !== undefined && !FUNCTIONS.includes(a['functionInDocument']))
      problems.push(`${where}: functionInDocument ${a['functionInDocument']} is not allowed`);
    if (a['temporalFunction'] !== undefined && !['true', 'false', '1', '0'].includes(a['temporalFunction'])) problems.push(`${where}: temporalFunction is not a boolean`);
    if (a['mod'] !== undefined && !MODS.includes(a['mod'])) problems.push(`${where}: mod ${a['mod']} is not allowed`);
    if (a['freq'] !== undefined && !FREQUENCY.test(a['freq'])) problems.push(`${where}: freq ${a['freq']} is not a Frequency`);
    for (const ref of ['anchorTimeID', 'beginPoint', 'endPoint']) {
      const target = a[ref];
      if (target !== undefined && !TIME_ID.test(target)) problems.push(`${where}: ${ref} ${target} is not a TimeID`);
    }
  }
  // The keyrefs: every reference names a TIMEX3 of the file.
  for (const t of timexes) {
    for (const ref of ['anchorTimeID', 'beginPoint', 'endPoint']) {
      const target = t.attributes[ref];
      if (target !== undefined && !ids.has(target)) problems.push(`line ${t.line} TIMEX3 ${t.attributes['tid']}: ${ref} ${target} names no TIMEX3`);
    }
  }
  return { problems, timexes, text };
}
