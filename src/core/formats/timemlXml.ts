/** Escaping for the TimeML export: text that any XML 1.0 parser reads back exactly. */

// XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates, U+FFFE and U+FFFF.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function invalidXmlCharacters(text: string): number {
  return text.match(INVALID_XML)?.length ?? 0;
}

/** Character data: & < > escaped, CR as a reference (a parser folds a raw CR LF into LF). */
export function xmlText(s: string): string {
  return s.replace(INVALID_XML, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** An attribute value in double quotes: line breaks and tabs as references, which attribute normalisation would turn into spaces. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
