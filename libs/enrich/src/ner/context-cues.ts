import { NUMBER, PUNCT, type Tokenized, WORD } from '../text/tokenizer';

/**
 * What a name does in its sentence says what it is, where the model only sees the word: in a sport story a city that
 * beats, hosts or has a coach is a club ("Liverpool beat Arsenal 2-1"), a city after "in" stays a place; in business
 * copy a name after "shares of" or before "Inc" is a company. Everything here reads a few tokens around a mention
 * (word sets, no regexes, no allocation per token): linear in the document.
 */
export const enum Cue {
  none = 0,
  /** acts as a team: subject/object of beat, host, face …, "X's coach", "X striker", next to a score */
  team = 1,
  /** plainly a location: "in X", "near X" */
  location = 2,
  /** a company: "shares of X", "X Inc", "(NYSE: X)", "X's quarterly profit" */
  company = 3,
}

/** Words that make a story read as sport; with scores ("2-1") they decide sport context. */
const SPORT_WORDS = new Set(
  (
    'beat beats defeated drew draw coach striker goalkeeper midfielder defender season league points match goal goals ' +
    'cup championship fixture fixtures standings playoff playoffs innings quarterback scored tournament referee ' +
    'stadium derby relegation halftime half-time overtime unbeaten victory win wins won semi-final quarter-final final ' +
    'premier bundesliga liga serie nba nfl nhl mlb uefa fifa olympic olympics club clubs'
  ).split(' '),
);

/** Enough sport evidence: score patterns and sport words together. */
const SPORT_THRESHOLD = 4;

/** "2-1", "102-99", "3:0": a score, not a year range. */
function isScoreAt(doc: Tokenized, i: number): boolean {
  const t = doc.tokens;
  if (i < 0 || i + 2 >= t.length || t[i].kind !== NUMBER || t[i + 2].kind !== NUMBER) return false;
  const sep = t[i + 1].text;
  if (t[i + 1].kind !== PUNCT || (sep !== '-' && sep !== ':' && sep !== '–')) return false;
  return t[i].text.length <= 3 && t[i + 2].text.length <= 3;
}

/** Whether the story is about sport: count score patterns and sport words, stop as soon as there are enough. */
export function isSportContext(doc: Tokenized): boolean {
  let evidence = 0;
  const t = doc.tokens;
  for (let i = 0; i < t.length; i++) {
    if (t[i].kind === WORD ? SPORT_WORDS.has(t[i].lower) : isScoreAt(doc, i)) evidence++;
    if (evidence >= SPORT_THRESHOLD) return true;
  }
  return false;
}

/** After a team's name: "Liverpool beat …", "Arsenal striker", "(Bayern's) coach". */
const TEAM_AFTER = new Set(
  (
    'beat beats defeated defeat drew draw host hosts hosted face faces faced signed sign signs thrashed edged ' +
    'routed trounced stunned outscored eliminated coach coaches striker fans manager goalkeeper midfielder defender ' +
    'forward captain players player squad scored v vs'
  ).split(' '),
);

/** Before a team's name: "… beat Arsenal", "against Chelsea", "joined Bayern". */
const TEAM_BEFORE = new Set(
  'beat beats defeated drew hosts host hosted face faces faced against v vs joined thrashed edged routed trounced stunned eliminated'.split(
    ' ',
  ),
);

/** Before a place used as one: "in Liverpool", "near Munich". */
const LOCATION_BEFORE = new Set('in near outside across around throughout inside'.split(' '));

/** Company suffixes after a name: "Acme Inc", "Siemens AG". */
const COMPANY_SUFFIX = new Set('inc inc. ltd ltd. plc corp corp. ag sa gmbh llc nv se spa'.split(' '));

/** "Inc", "AG": a word that ends a company's name. */
export const isCompanySuffix = (lower: string): boolean => COMPANY_SUFFIX.has(lower);

/** After a company's name: "Acme shares", "Acme's quarterly profit". */
const COMPANY_AFTER = new Set('shares profit profits revenue revenues earnings'.split(' '));

/** Skipped between a name and COMPANY_AFTER: "Acme's quarterly profit". */
const PERIOD_WORDS = new Set('quarterly annual half-year full-year net operating'.split(' '));

/** Before a company's name: "shares of X", "stake in X", "chief executive of X". */
const COMPANY_OF = new Set('shares stake stock executive ceo subsidiary unit acquisition takeover'.split(' '));

/** Stock exchanges in "(NYSE: X)" after a name. */
const EXCHANGES = new Set('nyse nasdaq lse tsx xetra asx hkex amex'.split(' '));

const wordAt = (doc: Tokenized, i: number): string | undefined =>
  i >= 0 && i < doc.tokens.length && doc.tokens[i].kind === WORD ? doc.tokens[i].lower : undefined;

/** Position of the word after a mention, across a possessive "'s". */
function afterMention(doc: Tokenized, to: number): number {
  const t = doc.tokens;
  if (
    to + 1 < t.length &&
    t[to].kind === PUNCT &&
    (t[to].text === "'" || t[to].text === '’') &&
    t[to + 1].lower === 's'
  )
    return to + 2;
  return to;
}

/** Whether tokens[from, to) is a company by its neighbours, in any story. */
export function companyCueAt(doc: Tokenized, from: number, to: number): boolean {
  const t = doc.tokens;
  const next = wordAt(doc, to);
  if (next !== undefined && COMPANY_SUFFIX.has(next) && t[to].cap) return true;
  let afterAt = afterMention(doc, to);
  if (PERIOD_WORDS.has(wordAt(doc, afterAt) ?? '')) afterAt++;
  const after = wordAt(doc, afterAt);
  if (after !== undefined && COMPANY_AFTER.has(after)) return true;
  // "(NYSE: ACM)"
  if (to + 2 < t.length && t[to].text === '(' && EXCHANGES.has(t[to + 1].lower) && t[to + 2].text === ':') return true;
  // "shares of X", "stake in X", "chief executive of X"
  const prep = wordAt(doc, from - 1);
  const head = wordAt(doc, from - 2) ?? '';
  return prep === 'of' ? COMPANY_OF.has(head) : prep === 'in' && (head === 'shares' || head === 'stake');
}

/** What tokens[from, to) does in its sentence; `sport` says whether the story reads as sport. */
export function cueAt(doc: Tokenized, from: number, to: number, sport: boolean): Cue {
  if (companyCueAt(doc, from, to)) return Cue.company;
  const t = doc.tokens;
  const seg = t[from].seg;
  const before = wordAt(doc, from - 1);
  if (before !== undefined && LOCATION_BEFORE.has(before)) return Cue.location;
  if (!sport) return Cue.none;
  const after = afterMention(doc, to);
  const next = wordAt(doc, after);
  if (next !== undefined && t[after].seg === seg && TEAM_AFTER.has(next)) return Cue.team;
  if (before !== undefined && t[from - 1].seg === seg && TEAM_BEFORE.has(before)) return Cue.team;
  // "drew with Everton", "won against Chelsea"
  if (before === 'with' && wordAt(doc, from - 2)?.startsWith('drew')) return Cue.team;
  // next to a score: "Arsenal 2-1", "Liverpool 2 Arsenal 1"
  if (to < t.length && t[to].seg === seg && t[to].kind === NUMBER && t[to].text.length <= 3) return Cue.team;
  if (isScoreAt(doc, from - 3) && t[from - 3].seg === seg) return Cue.team;
  return Cue.none;
}
