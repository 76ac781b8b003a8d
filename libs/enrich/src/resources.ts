import { enrichDataDir, readJson } from './data-files';
import { Gazetteer, type GazetteerEntry } from './entities/gazetteer';
import { type KeywordWords, keywordWords, type KeywordWordsFile } from './keywords/keywords';
import type { LanguageKnowledge } from './language/language-detector';
import { LanguageMarkers, type LanguageMarkersFile } from './language/language-markers';
import { LanguageModel, type LanguageWordsFile } from './language/language-model';
import { MediaTopics, type MediaTopicsFile } from './subjects/media-topics';
import { SubjectModel, type SubjectModelFile } from './subjects/subject-model';

interface PlacesFile {
  countries: { code: string; name: string; aliases: string[] }[];
  cities: {
    id: number;
    name: string;
    country: string;
    pop: number;
    capital: boolean;
    aliases: string[];
    ambiguous: boolean;
  }[];
  regions: { name: string; type: string; country?: string; aliases: string[] }[];
}
interface NamesFile {
  firstNames: string[];
  lastNames: string[];
  demonyms: string[];
  commonWords: string[];
  dictionaryWords: string[];
}
interface Lexicon {
  personTitles: string[];
  personVerbs: string[];
  orgHeads: string[];
  orgPrefixHeads: string[];
  nameConnectors: string[];
  personParticles: string[];
  leadingDeterminers: string[];
  weekdaysMonths: string[];
  notNames: string[];
  acronymNotOrg: string[];
  locativePrepositions: string[];
  agencies: string[];
  languageMarkers: LanguageMarkersFile;
  keywordStopwords: string[];
  titleSuffixes: string[];
  orgCueNouns: string[];
  placeHeads: string[];
  placeLeadHeads: string[];
  lowercasePlaceNouns: string[];
  lowercasePlaceNounsOf: string[];
  eventPrefixes: string[];
  miscHeads: string[];
  auxiliaryBeforeVerb: string[];
  romanceConnectors: string[];
}

/** The languages we keep stop words for (keywords, subject features); detection knows many more (language-words.json). */
export const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl'] as const;

export const COUNTRY_URI = 'http://cv.iptc.org/newscodes/iso3166-1a2/';
export const GEONAMES_URI = 'http://sws.geonames.org/';

/** Everything enrichment reads, loaded and indexed once per process. */
export interface Resources {
  gazetteer: Gazetteer;
  countriesByCode: Map<string, GazetteerEntry>;
  firstNames: Set<string>;
  lastNames: Set<string>;
  demonyms: Set<string>;
  commonWords: Set<string>;
  /** every English dictionary word that is no first or last name (a name-like run made of these is no name) */
  dictionary: Set<string>;
  titleSuffixes: string[];
  orgCueNouns: Set<string>;
  placeHeads: Set<string>;
  placeLeadHeads: Set<string>;
  lowercasePlaceNouns: Set<string>;
  /** "the town of …", "la ville de …": the name after them is a place */
  lowercasePlaceNounsOf: Set<string>;
  eventPrefixes: Set<string>;
  /** last words of names that are neither people nor organisations: laws, treaties, events ("… Act", "… Cup") */
  miscHeads: Set<string>;
  auxiliaryBeforeVerb: Set<string>;
  romanceConnectors: Set<string>;
  /** one-word titles, and the first word of multi-word titles mapped to their remaining words */
  titles: Set<string>;
  multiWordTitles: Map<string, string[][]>;
  personVerbs: Set<string>;
  orgHeads: Set<string>;
  orgPrefixHeads: Set<string>;
  connectors: Set<string>;
  personParticles: Set<string>;
  determiners: Set<string>;
  dates: Set<string>;
  notNames: Set<string>;
  acronymNotOrg: Set<string>;
  locatives: Set<string>;
  agencies: Set<string>;
  /** word frequencies of ~30 languages and the marker words of close ones (language detection) */
  language: LanguageKnowledge;
  /** stop word → bit mask of LANGUAGES (keyword extraction, subject features) */
  stopwords: Map<string, number>;
  mediaTopics: MediaTopics;
  subjectModel: SubjectModel;
  /** English verb forms, adverbs and number words the key-phrase chunker cuts at */
  keywordWords: KeywordWords;
}

function addMask(map: Map<string, number>, words: readonly string[], bit: number): void {
  for (const w of words) map.set(w, (map.get(w) ?? 0) | bit);
}

/** Stop words of every supported language (stopwords-iso) plus the keyword stop list: word → language bit mask. */
/** What language detection reads: the frequency model and the marker words of close languages. */
export function loadLanguageKnowledge(dir: string): LanguageKnowledge {
  const lexicon = readJson<Pick<Lexicon, 'languageMarkers'>>(dir, 'lexicon.json');
  return {
    model: new LanguageModel(readJson<LanguageWordsFile>(dir, 'language-words.json')),
    markers: new LanguageMarkers(lexicon.languageMarkers),
  };
}

export function loadStopwords(dir: string): Map<string, number> {
  const lists = readJson<Record<string, string[]>>(dir, 'stopwords.json');
  const lexicon = readJson<Pick<Lexicon, 'keywordStopwords'>>(dir, 'lexicon.json');
  const stopwords = new Map<string, number>();
  LANGUAGES.forEach((lang, bit) => addMask(stopwords, lists[lang] ?? [], 1 << bit));
  addMask(stopwords, lexicon.keywordStopwords, 1);
  return stopwords;
}

export function loadResources(dataDir?: string): Resources {
  const dir = enrichDataDir(dataDir);
  const places = readJson<PlacesFile>(dir, 'places.json');
  const names = readJson<NamesFile>(dir, 'names.json');
  const lexicon = readJson<Lexicon>(dir, 'lexicon.json');
  const orgs = readJson<{ organisations: string[] }>(dir, 'organisations.json');

  const gazetteer = new Gazetteer();
  const countriesByCode = new Map<string, GazetteerEntry>();
  for (const c of places.countries) {
    const entry: GazetteerEntry = {
      kind: 'place',
      name: c.name,
      uri: COUNTRY_URI + c.code.toLowerCase(),
      placeType: 'country',
      country: c.code,
    };
    countriesByCode.set(c.code, entry);
    gazetteer.add(c.name, entry);
    for (const a of c.aliases) gazetteer.add(a, entry);
  }
  for (const line of orgs.organisations) {
    const [name, ...aliases] = line.split('|');
    const entry: GazetteerEntry = { kind: 'organisation', name };
    gazetteer.add(name, entry);
    for (const a of aliases) gazetteer.add(a, entry);
  }
  for (const r of places.regions) {
    const entry: GazetteerEntry = { kind: 'place', name: r.name, placeType: r.type, country: r.country };
    gazetteer.add(r.name, entry);
    for (const a of r.aliases) gazetteer.add(a, entry);
  }
  for (const c of places.cities) {
    const entry: GazetteerEntry = {
      kind: 'place',
      name: c.name,
      uri: `${GEONAMES_URI}${c.id}/`,
      placeType: 'city',
      country: c.country,
      capital: c.capital,
      ambiguous: c.ambiguous,
    };
    gazetteer.add(c.name, entry);
    for (const a of c.aliases) gazetteer.add(a, entry);
  }

  const titles = new Set<string>();
  const multiWordTitles = new Map<string, string[][]>();
  for (const t of lexicon.personTitles) {
    const words = t.split(' ');
    if (words.length === 1) titles.add(t);
    else {
      const rest = multiWordTitles.get(words[0]) ?? [];
      rest.push(words.slice(1));
      multiWordTitles.set(words[0], rest);
    }
  }

  const stopwords = loadStopwords(dir);

  return {
    gazetteer,
    countriesByCode,
    firstNames: new Set(names.firstNames),
    lastNames: new Set(names.lastNames),
    demonyms: new Set(names.demonyms),
    commonWords: new Set(names.commonWords),
    dictionary: new Set(names.dictionaryWords),
    titleSuffixes: lexicon.titleSuffixes,
    orgCueNouns: new Set(lexicon.orgCueNouns),
    placeHeads: new Set(lexicon.placeHeads),
    placeLeadHeads: new Set(lexicon.placeLeadHeads),
    lowercasePlaceNouns: new Set(lexicon.lowercasePlaceNouns),
    lowercasePlaceNounsOf: new Set(lexicon.lowercasePlaceNounsOf),
    auxiliaryBeforeVerb: new Set(lexicon.auxiliaryBeforeVerb),
    miscHeads: new Set(lexicon.miscHeads),
    romanceConnectors: new Set(lexicon.romanceConnectors),
    eventPrefixes: new Set(lexicon.eventPrefixes),
    titles,
    multiWordTitles,
    personVerbs: new Set(lexicon.personVerbs),
    orgHeads: new Set(lexicon.orgHeads),
    orgPrefixHeads: new Set(lexicon.orgPrefixHeads),
    connectors: new Set(lexicon.nameConnectors),
    personParticles: new Set(lexicon.personParticles),
    determiners: new Set(lexicon.leadingDeterminers),
    dates: new Set(lexicon.weekdaysMonths),
    notNames: new Set(lexicon.notNames),
    acronymNotOrg: new Set(lexicon.acronymNotOrg),
    locatives: new Set(lexicon.locativePrepositions),
    agencies: new Set(lexicon.agencies),
    language: loadLanguageKnowledge(dir),
    stopwords,
    mediaTopics: new MediaTopics(readJson<MediaTopicsFile>(dir, 'mediatopics.json')),
    subjectModel: new SubjectModel(readJson<SubjectModelFile>(dir, 'subject-model.json')),
    keywordWords: keywordWords(readJson<KeywordWordsFile>(dir, 'keyword-words.json')),
  };
}
