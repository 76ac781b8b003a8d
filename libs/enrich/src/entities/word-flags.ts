import type { Resources } from '../resources';

/**
 * What the entity rules ask of one lower-case word, as bits. The rules ask the same few questions of the same tokens
 * many times over (a run is stripped, classified, split and classified again); answering each from the word lists is
 * one hash lookup per question, while the bits are computed once per distinct word (cached with its WordInfo) and
 * then read per question.
 */
export const WordFlag = {
  stopword: 1 << 0,
  commonWord: 1 << 1,
  notName: 1 << 2,
  dictionary: 1 << 3,
  lastName: 1 << 4,
  /** a first name, also once stripped of its accents */
  firstName: 1 << 5,
  title: 1 << 6,
  /** the word followed by a full stop is a title ("gen." style entries) */
  titleWithStop: 1 << 7,
  /** first word of a multi-word title */
  multiWordTitle: 1 << 8,
  /** longer than six letters and ending in a title suffix (German compounds) */
  titleSuffix: 1 << 9,
  orgHead: 1 << 10,
  orgPrefixHead: 1 << 11,
  placeHead: 1 << 12,
  placeLeadHead: 1 << 13,
  demonym: 1 << 14,
  date: 1 << 15,
  determiner: 1 << 16,
  connector: 1 << 17,
  personParticle: 1 << 18,
  personVerb: 1 << 19,
  auxiliaryBeforeVerb: 1 << 20,
  locative: 1 << 21,
  miscHead: 1 << 22,
  eventPrefix: 1 << 23,
  orgCueNoun: 1 << 24,
  lowercasePlaceNoun: 1 << 25,
  lowercasePlaceNounOf: 1 << 26,
  romanceConnector: 1 << 27,
  acronymNotOrg: 1 << 28,
  governmentVerb: 1 << 29,
  /** some gazetteer alias starts with this word */
  gazetteerStart: 1 << 30,
} as const;

/** Verbs after a capital's name that make it its government: "Washington accused…", "Moscow opposes". */
export const GOVERNMENT_VERBS: ReadonlySet<string> = new Set([
  'is',
  'was',
  'has',
  'have',
  'had',
  'will',
  'would',
  'could',
  'should',
  'may',
  'might',
  'must',
  'can',
  'accused',
  'accuses',
  'blamed',
  'blames',
  'opposes',
  'opposed',
  'rejected',
  'rejects',
  'wants',
  'wanted',
  'hopes',
  'sees',
  'insists',
  'believes',
  'considers',
  'condemned',
  'condemns',
  'welcomed',
  'welcomes',
  'responded',
  'retaliated',
  'imposed',
  'agreed',
  'refused',
  'demanded',
  'demands',
  'called',
  'calls',
  'threatened',
  'threatens',
  'plans',
  'intends',
  'expects',
  'expected',
  'says',
  'said',
  'argues',
  'argued',
  'denies',
  'denied',
  'pledged',
  'vowed',
  'announced',
  'ordered',
  'sent',
  'backed',
  'backs',
  'supports',
  'supported',
  'approved',
  'sanctioned',
  'expelled',
  'summoned',
]);

const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /\p{M}/gu;
export const stripAccents = (s: string): string => s.normalize('NFD').replace(COMBINING_MARKS, '');

/** A first name as the name lists spell it, with or without its accents. */
export function isFirstNameIn(firstNames: ReadonlySet<string>, lower: string): boolean {
  if (firstNames.has(lower)) return true;
  if (!NON_ASCII.test(lower)) return false;
  const plain = stripAccents(lower);
  return plain !== lower && firstNames.has(plain);
}

/** Every WordFlag of a lower-case word, from the word lists. */
export function entityWordFlags(res: Resources, lower: string): number {
  let f = 0;
  const set = (on: boolean, flag: number): void => {
    if (on) f |= flag;
  };
  set(res.stopwords.has(lower), WordFlag.stopword);
  set(res.commonWords.has(lower), WordFlag.commonWord);
  set(res.notNames.has(lower), WordFlag.notName);
  set(res.dictionary.has(lower), WordFlag.dictionary);
  set(res.lastNames.has(lower), WordFlag.lastName);
  set(isFirstNameIn(res.firstNames, lower), WordFlag.firstName);
  set(res.titles.has(lower), WordFlag.title);
  set(res.titles.has(lower + '.'), WordFlag.titleWithStop);
  set(res.multiWordTitles.has(lower), WordFlag.multiWordTitle);
  set(lower.length > 6 && res.titleSuffixes.some((suffix) => lower.endsWith(suffix)), WordFlag.titleSuffix);
  set(res.orgHeads.has(lower), WordFlag.orgHead);
  set(res.orgPrefixHeads.has(lower), WordFlag.orgPrefixHead);
  set(res.placeHeads.has(lower), WordFlag.placeHead);
  set(res.placeLeadHeads.has(lower), WordFlag.placeLeadHead);
  set(res.demonyms.has(lower), WordFlag.demonym);
  set(res.dates.has(lower), WordFlag.date);
  set(res.determiners.has(lower), WordFlag.determiner);
  set(res.connectors.has(lower), WordFlag.connector);
  set(res.personParticles.has(lower), WordFlag.personParticle);
  set(res.personVerbs.has(lower), WordFlag.personVerb);
  set(res.auxiliaryBeforeVerb.has(lower), WordFlag.auxiliaryBeforeVerb);
  set(res.locatives.has(lower), WordFlag.locative);
  set(res.miscHeads.has(lower), WordFlag.miscHead);
  set(res.eventPrefixes.has(lower), WordFlag.eventPrefix);
  set(res.orgCueNouns.has(lower), WordFlag.orgCueNoun);
  set(res.lowercasePlaceNouns.has(lower), WordFlag.lowercasePlaceNoun);
  set(res.lowercasePlaceNounsOf.has(lower), WordFlag.lowercasePlaceNounOf);
  set(res.romanceConnectors.has(lower), WordFlag.romanceConnector);
  set(res.acronymNotOrg.has(lower), WordFlag.acronymNotOrg);
  set(GOVERNMENT_VERBS.has(lower), WordFlag.governmentVerb);
  set(res.gazetteer.startsAlias(lower), WordFlag.gazetteerStart);
  return f;
}
