import type { Gazetteer, GazetteerEntry, GazetteerKind } from './gazetteer';
import countryVariants from './gazetteers/country-variants.json';
import cities from './gazetteers/cities.json';
import regions from './gazetteers/regions.json';
import regionsExtra from './gazetteers/regions-extra.json';
import organisations from './gazetteers/organisations.json';
import people from './gazetteers/people.json';
import givenNames from './gazetteers/given-names.json';
import titles from './gazetteers/titles.json';
import organisationHeads from './gazetteers/organisation-heads.json';
import placeWords from './gazetteers/place-words.json';

/** The JSON files use the YAML gazetteer shape, with entries as plain strings or {text, label}. */
interface GazetteerFile {
  readonly name: string;
  readonly kind: string;
  readonly label?: string;
  readonly entries: ReadonlyArray<string | GazetteerEntry>;
}

function fromFile(file: GazetteerFile): Gazetteer {
  const entries = file.entries.map((e) => (typeof e === 'string' ? { text: e } : e));
  const kind = file.kind as GazetteerKind;
  return file.label === undefined ? { name: file.name, kind, entries } : { name: file.name, kind, label: file.label, entries };
}

/** Later lists win when the same words appear twice, so people and organisations come after places. */
export const BUILT_IN_GAZETTEERS: readonly Gazetteer[] = [
  countryVariants,
  cities,
  regions,
  regionsExtra,
  organisations,
  givenNames,
  people,
  titles,
  organisationHeads,
  placeWords,
].map((f) => fromFile(f as GazetteerFile));
