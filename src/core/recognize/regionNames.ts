import type { Gazetteer, GazetteerEntry } from './gazetteer';

/**
 * Country and territory names in Arabic from the platform's ICU (`Intl.DisplayNames`), over every
 * two-letter region code, so the list follows ICU's spelling without a copy kept here.
 * Codes that name groupings rather than places (EU, UN, the euro area, test codes) are left out.
 */
const NOT_PLACES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

export function icuRegionGazetteer(): Gazetteer {
  const entries: GazetteerEntry[] = [];
  const seen = new Set<string>();
  let names: Intl.DisplayNames;
  try {
    names = new Intl.DisplayNames(['ar'], { type: 'region', fallback: 'none' });
  } catch {
    return { name: 'countries', kind: 'entities', label: 'LOC', entries };
  }
  const add = (text: string): void => {
    const t = text.trim();
    if (t.length > 1 && !seen.has(t)) {
      seen.add(t);
      entries.push({ text: t });
    }
  };
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_PLACES.has(code)) continue;
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        name = undefined;
      }
      if (!name || name === code) continue;
      // "ميانمار (بورما)" → both names; "الكونغو - كينشاسا" → the country and its capital's qualifier.
      const bracket = /^(.*?)\s*\((.*)\)\s*$/.exec(name);
      if (bracket) {
        add(bracket[1] ?? '');
        if (!/منطقة|إدارية/.test(bracket[2] ?? '')) add(bracket[2] ?? '');
        continue;
      }
      if (name.includes(' - ')) {
        add(name.replace(' - ', ' '));
        for (const part of name.split(' - ')) add(part);
        continue;
      }
      add(name);
    }
  }
  return { name: 'countries', kind: 'entities', label: 'LOC', entries };
}
