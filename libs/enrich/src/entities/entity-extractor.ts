import type { EntityKind, EntityTag, Mention } from '../enrichment';
import type { Resources } from '../resources';
import { NUMBER, type Segment, type Token, type Tokenized, WORD } from '../text/tokenizer';
import type { WordInfo } from '../text/word-info';
import { type DocumentSpan, documentSpans } from '../ner/document-spans';
import type { NerTagger } from '../ner/ner-model';
import type { GazetteerEntry, GazetteerMatch } from './gazetteer';
import { entityWordFlags, WordFlag as F } from './word-flags';

/**
 * Rule-based named-entity recognition over the shared tokens:
 *  1. capitalised runs (with name connectors: "Bank of England", "Ursula von der Leyen") are cut at titles
 *     ("Russian President Vladimir Putin" → Vladimir Putin, with a title cue) and stripped of sentence-initial common
 *     words, determiners, demonyms and dates;
 *  2. a run is a known entity when the gazetteer names it (canonical name and identifier), a person when a title,
 *     a first name, a speech verb ("…said") or an age apposition says so, an organisation when it ends in an
 *     organisation word ("… Airlines", "… Party") or opens one ("Ministry of …");
 *  3. a second pass links the rest: surnames to the person named in full, acronyms defined in parentheses, names
 *     seen again in title-case or all-caps headlines;
 *  4. places named only as a government ("Washington said", "Moscow opposes") are dropped when their country is
 *     tagged, and cities whose name is also a common word or a first name need a place context ("in Nice").
 */

interface Span {
  from: number;
  to: number;
}

interface EntityAcc {
  kind: EntityKind;
  key: string;
  name: string;
  entry?: GazetteerEntry;
  mentions: Span[];
  surfaces: Set<string>;
  firstSeg: number;
  inHeadline: boolean;
  locative: boolean;
  /** the gazetteer entry is ambiguous and no place context was seen yet */
  needsContext: boolean;
  /** some mention is not a government metonym ("Washington said") */
  literal: boolean;
}

interface SegmentMode {
  allCaps: boolean;
  titleCase: boolean;
}

export interface ExtractedEntities {
  entities: EntityTag[];
  mentions: Mention[];
}

const MAX_RUN = 12;

const DASHES = new Set(['-', '--', '—', '–', '---']);
const MULTI_SPACE = /\s\s|[\t\n\r\u00a0]/;
const WHITESPACE_RUN = /\s+/g;
/** flags of words asked about without a WordInfo (punctuation, or extract() called without infos) */
const OWN_FLAGS_LIMIT = 50_000;

/** Articles up to this many tokens reuse the previous article's flag arrays. */
const REUSED_ARRAY_LIMIT = 1 << 16;

/**
 * n zeroes: a view of `previous`'s memory when it is large enough, so that not every article allocates (typed arrays
 * this size live outside the heap and cost the garbage collector extra work).
 */
function zeroed(previous: Uint8Array, n: number): Uint8Array {
  const buffer = previous.buffer as ArrayBuffer;
  if (n <= REUSED_ARRAY_LIMIT && buffer.byteLength >= n && buffer.byteLength <= REUSED_ARRAY_LIMIT) {
    return new Uint8Array(buffer, 0, n).fill(0);
  }
  const size = n <= REUSED_ARRAY_LIMIT ? Math.max(n, 1024) : n;
  return new Uint8Array(new ArrayBuffer(size), 0, n);
}

export class EntityExtractor {
  private tokens: readonly Token[] = [];
  private segments: readonly Segment[] = [];
  /** segment by its index + 1 (the headline, index -1, at 0; a missing headline leaves a hole) */
  private segmentByIndex: Segment[] = [];
  private claimed: Uint8Array = new Uint8Array(0);
  private skip: Uint8Array = new Uint8Array(0);
  private byKey = new Map<string, EntityAcc>();
  private byEntry = new Map<GazetteerEntry, EntityAcc>();
  private acronyms = new Map<string, EntityAcc>();
  private unknownRuns: Span[] = [];
  private unknownAcronyms = new Map<string, Span[]>();
  private datelineSpan: Span | undefined;
  /** infos[i]: the WordInfo of word token i, whose `entity` holds its WordFlag bits */
  private infos: readonly WordInfo[] | undefined;
  private readonly ownFlags = new Map<string, number>();

  /** WordFlag bits of every token of the document, for the recogniser */
  private flagArray = new Int32Array(1024);

  /** With a trained `tagger` the recogniser finds the names and these rules give them canonical names, identifiers
   * and document-level links; without one, the rules below find the names too. */
  constructor(
    private readonly res: Resources,
    private readonly tagger?: NerTagger,
  ) {}

  /** German capitalises every noun: there capitals alone are no evidence of a name. */
  private capitalsAreWeak = false;

  /** `infos` (WordInfos.annotate of doc.tokens) saves looking each word up in the word lists again. */
  extract(doc: Tokenized, located?: string, language?: string, infos?: readonly WordInfo[]): ExtractedEntities {
    this.reset(doc);
    this.infos = infos;
    this.capitalsAreWeak = language === 'de';
    const modes = this.segments.map((s) => this.segmentMode(s));
    this.markSkipped();
    if (this.tagger) {
      this.modelScan(this.tagger, doc, language ?? 'und', modes);
    } else {
      this.segments.forEach((seg, k) => {
        if (modes[k].allCaps || modes[k].titleCase) return;
        this.scanSegment(seg);
      });
      this.resolveUnknownRuns();
    }
    this.resolveAcronyms();
    const people = this.peopleByName();
    this.segments.forEach((seg, k) => this.linkRemaining(seg, modes[k], people));
    if (this.tagger) this.propagateNames();
    this.mergePeople();
    if (located) this.addLocated(located);
    return this.finish();
  }

  private reset(doc: Tokenized): void {
    this.tokens = doc.tokens;
    this.segments = doc.segments;
    this.segmentByIndex = [];
    for (const s of doc.segments) this.segmentByIndex[s.index + 1] = s;
    this.claimed = zeroed(this.claimed, doc.tokens.length);
    this.skip = zeroed(this.skip, doc.tokens.length);
    this.byKey = new Map();
    this.byEntry = new Map();
    this.acronyms = new Map();
    this.unknownRuns = [];
    this.unknownAcronyms = new Map();
    this.datelineSpan = undefined;
  }

  /** WordFlag bits of tokens[k]: a word's from its WordInfo, anything else's computed here (and cached). */
  private flagsAt(k: number): number {
    const t = this.tokens[k];
    if (this.infos && t.kind === WORD) return this.infos[k].entity;
    let f = this.ownFlags.get(t.lower);
    if (f === undefined) {
      f = entityWordFlags(this.res, t.lower);
      if (this.ownFlags.size >= OWN_FLAGS_LIMIT) this.ownFlags.clear();
      this.ownFlags.set(t.lower, f);
    }
    return f;
  }

  /** tokens[k] has one of the WordFlag bits of `mask` */
  private is(k: number, mask: number): boolean {
    return (this.flagsAt(k) & mask) !== 0;
  }

  /** The gazetteer's longest alias at tokens[i] (within [i, end)); no trie walk for words no alias starts with. */
  private gazetteerAt(i: number, end: number, allCaps: boolean): GazetteerMatch | undefined {
    if (i >= end || !this.is(i, F.gazetteerStart)) return undefined;
    return this.res.gazetteer.longestMatch(this.tokens, i, end, allCaps);
  }

  /** All-caps segments (old wire copy, shouted headlines) and title-case headlines: only known names count there. */
  private segmentMode(seg: Segment): SegmentMode {
    let words = 0;
    let upper = 0;
    let capitalisedCommon = 0;
    let common = 0;
    const headline = seg.index < 0;
    for (let i = seg.from; i < seg.to && words < 40; i++) {
      const t = this.tokens[i];
      if (t.kind !== WORD || t.text.length < 2) continue;
      words++;
      if (t.upper) upper++;
      if (headline && i > seg.from && t.text.length >= 3 && this.is(i, F.commonWord | F.stopword)) {
        common++;
        if (t.cap) capitalisedCommon++;
      }
    }
    const allCaps = words >= 3 && upper / words > 0.7;
    const titleCase = !allCaps && common >= 2 && capitalisedCommon / common > 0.6;
    return { allCaps, titleCase };
  }

  /** Datelines ("BRUSSELS (AFP) -"), agency credits in parentheses and bylines are not entities of the story. */
  private markSkipped(): void {
    const tk = this.tokens;
    for (const seg of this.segments) {
      // byline paragraph: "By Jane Doe" (optionally ", Reuters")
      if (seg.to - seg.from <= 10 && tk[seg.from]?.lower === 'by' && seg.text.length < 80) {
        for (let i = seg.from; i < seg.to; i++) this.skip[i] = 1;
        continue;
      }
      for (let i = seg.from; i < seg.to; i++) {
        const t = tk[i];
        if (t.text === '(' && i + 2 < seg.to && tk[i + 2].text === ')' && this.res.agencies.has(tk[i + 1].text)) {
          this.skip[i] = this.skip[i + 1] = this.skip[i + 2] = 1;
        }
      }
      if (seg.index < 0 || seg.index > 1) continue;
      // dateline: capitals (and a date) up to the agency and a dash at the start of the first paragraph
      let i = seg.from;
      let capitals = 0;
      while (i < seg.to && i - seg.from < 10) {
        const t = tk[i];
        if (t.kind === WORD && t.upper) capitals++;
        else if (!(
          t.text === ',' ||
          t.kind === NUMBER ||
          (t.kind === WORD && t.cap) ||
          t.text === '(' ||
          t.text === ')' ||
          this.skip[i]
        ))
          break;
        i++;
      }
      if (capitals > 0 && i < seg.to && (DASHES.has(tk[i].text) || tk[i].text === ':')) {
        let placeEnd = seg.from;
        while (placeEnd < i && tk[placeEnd].kind === WORD && tk[placeEnd].upper) placeEnd++;
        this.datelineSpan = { from: seg.from, to: placeEnd };
        for (let k = placeEnd; k <= i; k++) this.skip[k] = 1;
        if (i + 1 < seg.to) tk[i + 1].sentStart = true;
        break;
      }
    }
  }

  private isName(t: Token): boolean {
    return t.kind === WORD && t.cap;
  }

  private scanSegment(seg: Segment): void {
    const tk = this.tokens;
    let i = seg.from;
    while (i < seg.to) {
      const t = tk[i];
      if (this.skip[i] || this.claimed[i] || !this.isName(t)) {
        i++;
        continue;
      }
      let j = i + 1;
      // "of"/"for" join names only after an organisation or title word: "Bank of England", "Minister for Health"
      const flags = this.flagsAt(i);
      let orgHead = (flags & (F.orgPrefixHead | F.orgHead | F.placeLeadHead)) !== 0;
      let titleHead = (flags & F.title) !== 0;
      // no name runs longer than this: title-case prose is no name, and rules below are quadratic in run length
      while (j < seg.to && !this.skip[j] && j - i < MAX_RUN) {
        const u = tk[j];
        if (this.isName(u) && !u.sentStart) {
          const uFlags = this.flagsAt(j);
          if (uFlags & (F.orgPrefixHead | F.orgHead)) orgHead = true;
          if (uFlags & F.title) titleHead = true;
          j++;
          continue;
        }
        if (u.kind === WORD && !u.cap && this.is(j, F.connector)) {
          let k = j;
          while (k < seg.to && tk[k].kind === WORD && !tk[k].cap && this.is(k, F.personParticle)) k++;
          if (k === j) {
            const joins =
              u.lower === 'of' || u.lower === 'for' ? orgHead || titleHead : u.lower === 'on' ? orgHead : false;
            if (!joins) break;
            k = j + 1;
          }
          if (k < seg.to && k - j <= 2 && this.isName(tk[k]) && !tk[k].sentStart) {
            j = k;
            continue;
          }
          break;
        }
        if (u.text === '&' && j + 1 < seg.to && this.isName(tk[j + 1])) {
          j += 2;
          continue;
        }
        // "Westminster Magistrates' Court", "St Peter's Square": a possessive inside a name ending in a head word
        if ((u.text === "'" || u.text === '’') && j + 1 < seg.to) {
          const plural = tk[j - 1].lower.endsWith('s') && this.isName(tk[j + 1]) && this.isHeadWordAt(j + 1);
          const singular =
            tk[j + 1].lower === 's' && j + 2 < seg.to && this.isName(tk[j + 2]) && this.isHeadWordAt(j + 2);
          if (plural) {
            j += 1;
            continue;
          }
          if (singular) {
            j += 2;
            continue;
          }
        }
        break;
      }
      this.processRun(i, j, seg);
      i = Math.max(j, i + 1);
    }
  }

  private isHeadWordAt(k: number): boolean {
    return this.is(k, F.orgHead | F.placeHead);
  }

  private isFirstNameAt(k: number): boolean {
    return this.is(k, F.firstName);
  }

  /** A dictionary word that is no known name: "Palace", "Typhoon", "Records". */
  private isDictionaryWordAt(k: number): boolean {
    const f = this.flagsAt(k);
    return (f & (F.dictionary | F.commonWord)) !== 0 && (f & (F.lastName | F.firstName)) === 0;
  }

  private isCommonWordAt(k: number): boolean {
    return this.is(k, F.commonWord | F.stopword | F.notName);
  }

  private titleLengthAt(k: number, end: number): number {
    const t = this.tokens[k];
    const flags = this.flagsAt(k);
    const rests = flags & F.multiWordTitle ? this.res.multiWordTitles.get(t.lower) : undefined;
    if (rests) {
      for (const rest of rests) {
        let ok = k + rest.length < end;
        for (let r = 0; ok && r < rest.length; r++) ok = this.tokens[k + 1 + r].lower === rest[r];
        if (ok) return rest.length + 1;
      }
    }
    if (flags & F.title) return 1;
    // German compound titles: Vorstandschef, SPD-Chef, Bundespräsident, Finanzminister
    if (this.capitalsAreWeak && flags & F.titleSuffix) return 1;
    return 0;
  }

  private processRun(a: number, b: number, seg: Segment): void {
    const tk = this.tokens;
    // leading words that are no part of a name
    // the loop ends (unless a reaches b) having looked up the longest alias at the final a: gaz
    let gaz: GazetteerMatch | undefined;
    while (a < b) {
      const t = tk[a];
      gaz = this.gazetteerAt(a, seg.to, false);
      if (gaz) break;
      const sentenceInitial = t.sentStart || a === seg.from;
      const more = a + 1 < b;
      if (!t.cap) a++;
      else if (this.is(a, F.determiner) && more) a++;
      else if (this.is(a, F.demonym | F.date)) a++;
      else if (sentenceInitial && this.isCommonWordAt(a) && !(this.isFirstNameAt(a) && more && !this.is(a, F.stopword)))
        a++;
      else break;
    }
    while (b > a && (!tk[b - 1].cap || tk[b - 1].kind !== WORD || this.is(b - 1, F.date | F.demonym))) b--;
    if (a >= b) return;

    if (gaz && gaz.length >= b - a) {
      // a one-word alias that is also a common word needs more than a sentence start ("Target", "Shell")
      if (gaz.length === 1 && (tk[a].sentStart || a === seg.from) && this.is(a, F.commonWord) && !tk[a].upper) return;
      this.addGazetteer(gaz.entry, a, a + gaz.length);
      return;
    }
    // a title inside the run: what precedes it is a modifier, what follows it a person ("of …" follows a place)
    for (let k = a; k < b; k++) {
      const len = this.titleLengthAt(k, b);
      if (len === 0 || (gaz && k < a + gaz.length)) continue;
      if (tk[k].text.includes('-')) this.hyphenatedParts(k, true);
      let from = k + len;
      // "Chief Minister Arvind Kejriwal", "Deputy Prime Minister X": titles in a row
      for (
        let more = from < b ? this.titleLengthAt(from, b) : 0;
        more > 0;
        more = from < b ? this.titleLengthAt(from, b) : 0
      ) {
        from += more;
      }
      if (from < b && !tk[from].cap) {
        if (k > a) this.processRun(a, k, seg);
        this.processRun(from + 1, b, seg);
        return;
      }
      if (from < b && !this.nameLike(from, b)) continue;
      if (k > a) this.processRun(a, k, seg);
      if (from < b) this.addPerson(from, b);
      return;
    }
    // "Affordable Care Act", "World Cup": neither a person nor an organisation
    if (b - a >= 2 && this.is(b - 1, F.miscHead) && !gaz) return;
    const kind = this.classifyRun(a, b);
    if (kind) {
      if (kind === 'person') this.addPerson(a, b);
      else if (kind === 'place') this.addEntity('place', this.surface(a, b), a, b, undefined, undefined, true);
      else this.addEntity('organisation', this.surface(a, b), a, b);
      return;
    }
    if (gaz) {
      this.addGazetteer(gaz.entry, a, a + gaz.length);
      if (a + gaz.length < b) this.processRun(a + gaz.length, b, seg);
      return;
    }
    // "Budget Jérôme Cahuzac", "Vorstandschef Roland Busch": a modifier, then a first name and a surname
    for (let k = a + 1; k < b - 1; k++) {
      if (this.isFirstNameAt(k) && !this.isDictionaryWordAt(k) && this.nameLike(k, b)) {
        this.processRun(a, k, seg);
        this.addPerson(k, b);
        return;
      }
    }
    if (b - a === 1) {
      this.singleToken(a);
      return;
    }
    if (this.is(a, F.eventPrefix)) return;
    // unknown run: places inside it, the run itself kept for later evidence
    this.unknownRuns.push({ from: a, to: b });
    for (let k = a + 1; k < b; k++) {
      const inner = this.gazetteerAt(k, b, false);
      if (inner) {
        this.addGazetteer(inner.entry, k, k + inner.length);
        k += inner.length - 1;
      }
    }
  }

  /** Tokens [a, b) could be a personal name: capitalised, at most four words, not all dictionary words. */
  private nameLike(a: number, b: number): boolean {
    const tk = this.tokens;
    let words = 0;
    let dictionaryWords = 0;
    for (let k = a; k < b; k++) {
      const t = tk[k];
      if (t.kind !== WORD) return false;
      if (!t.cap) {
        if (!this.is(k, F.personParticle)) return false;
        continue;
      }
      words++;
      if (this.is(k, F.orgHead | F.placeHead | F.demonym)) return false;
      if (this.isDictionaryWordAt(k)) dictionaryWords++;
    }
    if (this.is(b - 1, F.notName)) return false;
    return words >= 1 && words <= 4 && (dictionaryWords < words || this.isFirstNameAt(a));
  }

  private singleToken(a: number): void {
    const t = this.tokens[a];
    if (this.hasTitleBefore(a)) {
      if (!this.isDictionaryWordAt(a) || this.is(a, F.lastName)) this.addPerson(a, a + 1);
      return;
    }
    if (this.hasOrgCueBefore(a) && !this.isDictionaryWordAt(a)) {
      this.addEntity('organisation', t.text, a, a + 1);
      return;
    }
    const b1 = this.tokens[a - 1];
    const b2 = this.tokens[a - 2];
    if (
      b1 &&
      b2 &&
      b1.seg === t.seg &&
      (b1.lower === 'of' || this.is(a - 1, F.romanceConnector)) &&
      !b2.cap &&
      this.is(a - 2, F.lowercasePlaceNounOf)
    ) {
      if (!this.isDictionaryWordAt(a)) this.addEntity('place', t.text, a, a + 1, undefined, undefined, true);
      return;
    }
    if (t.upper && t.text.length >= 2 && t.text.length <= 6 && !this.is(a, F.acronymNotOrg)) {
      const list = this.unknownAcronyms.get(t.text) ?? [];
      list.push({ from: a, to: a + 1 });
      this.unknownAcronyms.set(t.text, list);
      return;
    }
    if (t.text.includes('-')) this.hyphenatedParts(a, false);
  }

  /** "Brussels-based", "US-led", "Russia-Ukraine": the parts that are places (and "CDU-Vorsitzende": organisations). */
  private hyphenatedParts(a: number, organisations: boolean): void {
    const t = this.tokens[a];
    let offset = 0;
    for (const part of t.text.split('-')) {
      if (part.length >= 2) {
        const partToken: Token = {
          ...t,
          text: part,
          lower: part.toLowerCase(),
          start: t.start + offset,
          end: t.start + offset + part.length,
        };
        partToken.cap = part[0] !== part[0].toLowerCase();
        partToken.upper = part === part.toUpperCase() && part.length >= 2;
        const m = this.res.gazetteer.longestMatch([partToken], 0, 1, false);
        if (
          m &&
          !m.entry.ambiguous &&
          (m.entry.kind === 'place' || (organisations && m.entry.kind === 'organisation'))
        ) {
          this.addGazetteer(m.entry, a, a + 1, part);
        }
      }
      offset += part.length + 1;
    }
  }

  private segmentOf(i: number): Segment {
    return this.segmentByIndex[this.tokens[i].seg + 1];
  }

  /**
   * A title before the name: "chief Jens Stoltenberg", "Prime Minister X", "his lawyer, Jean Veil", "el expresidente
   * catalán Carles Puigdemont" (one lower-case word may stand between).
   */
  private hasTitleBefore(a: number): boolean {
    const tk = this.tokens;
    const seg = tk[a].seg;
    const isTitleAt = (k: number): boolean => {
      const t = tk[k];
      if (!t || t.seg !== seg || t.kind !== WORD) return false;
      if (this.is(k, F.title | F.titleWithStop)) return true;
      if (this.titleLengthAt(k, k + 1) > 0) return true;
      // two-word titles ending before the name: "prime minister", "chief executive"
      const before = tk[k - 1];
      const rests =
        before && before.seg === seg && this.is(k - 1, F.multiWordTitle)
          ? this.res.multiWordTitles.get(before.lower)
          : undefined;
      return !!rests?.some((r) => r.length === 1 && r[0] === t.lower);
    };
    if (isTitleAt(a - 1)) return true;
    const prev = tk[a - 1];
    const adjective = prev?.kind === WORD && !prev.cap && !this.is(a - 1, F.personVerb | F.stopword);
    if (prev && prev.seg === seg && (prev.text === ',' || adjective)) {
      return isTitleAt(a - 2);
    }
    return false;
  }

  private hasOrgCueBefore(a: number): boolean {
    const prev = this.tokens[a - 1];
    return !!prev && prev.seg === this.tokens[a].seg && prev.kind === WORD && !prev.cap && this.is(a - 1, F.orgCueNoun);
  }

  private classifyRun(a: number, b: number): EntityKind | undefined {
    const tk = this.tokens;
    const first = a;
    const last = b - 1;
    const length = b - a;
    if (length >= 2 && this.is(last, F.orgHead)) return 'organisation';
    if (length >= 2 && this.is(first, F.orgPrefixHead)) {
      for (let k = a + 1; k < b; k++) {
        const l = tk[k].lower;
        if (l === 'of' || l === 'for' || l === 'on' || this.is(k, F.romanceConnector)) return 'organisation';
      }
      // "Agencia Catalana …", "Banque Populaire": a Romance head first, then capitalised words
      if (!this.capitalsAreWeak && !this.is(first, F.dictionary | F.title)) return 'organisation';
    }
    // "the town of Paiporta", "la ville de Nice"
    const b1 = tk[a - 1];
    const b2 = tk[a - 2];
    if (
      b1 &&
      b2 &&
      b1.seg === tk[a].seg &&
      (b1.lower === 'of' || this.is(a - 1, F.romanceConnector)) &&
      this.is(a - 2, F.lowercasePlaceNounOf) &&
      !b2.cap
    ) {
      return 'place';
    }
    if (length >= 2 && (this.is(last, F.placeHead) || this.is(first, F.placeLeadHead))) return 'place';
    const next = tk[b];
    const sameSeg = (t: Token | undefined): boolean => !!t && t.seg === tk[a].seg;
    if (
      sameSeg(next) &&
      next.kind === WORD &&
      !next.cap &&
      this.is(b, F.lowercasePlaceNoun) &&
      !this.isFirstNameAt(first)
    )
      return 'place';
    if (this.hasOrgCueBefore(a)) return 'organisation';
    // a run in capitals inside normal text ("US FALLS" as a subheading) is left to the gazetteer
    let allUpper = length >= 2;
    for (let k = a; allUpper && k < b; k++) if (!tk[k].upper) allUpper = false;
    if (allUpper) return undefined;
    if (!this.nameLike(a, b)) return undefined;
    if (this.hasTitleBefore(a)) return 'person';
    // "Cleveland DL Larry Ogunjobi": a known place or organisation first, a first name later — split, not one person
    const known = this.gazetteerAt(a, b, false);
    if (known && known.length < length) {
      for (let k = a + known.length; k < b - 1; k++) if (this.isFirstNameAt(k)) return undefined;
    }
    // a first name that is also a common word ("Will", "Rose") needs a surname that is no dictionary word
    if (length >= 2 && this.isFirstNameAt(first) && (!this.is(first, F.commonWord) || !this.isDictionaryWordAt(last)))
      return 'person';
    let dictionaryWords = 0;
    for (let k = a; k < b; k++) if (this.isDictionaryWordAt(k)) dictionaryWords++;
    if (this.capitalsAreWeak) return undefined;
    const speaks =
      sameSeg(next) &&
      next.kind === WORD &&
      (this.is(b, F.personVerb) || (this.is(b, F.auxiliaryBeforeVerb) && !!tk[b + 1] && this.is(b + 1, F.personVerb)));
    if (length >= 2 && speaks && !this.isDictionaryWordAt(first) && !this.is(last, F.orgHead)) return 'person';
    if (length < 2 || dictionaryWords > 0) return undefined;
    if (sameSeg(next)) {
      const n1 = tk[b + 1];
      const n2 = tk[b + 2];
      if (next.text === ',' && n1?.kind === NUMBER && n2?.text === ',' && /^\d{1,3}$/.test(n1.text)) return 'person';
    }
    // "McLaren's Lando Norris"
    const p1 = tk[a - 1];
    const p2 = tk[a - 2];
    if (p1 && p2 && p1.seg === tk[a].seg && p1.lower === 's' && (p2.text === "'" || p2.text === '’')) return 'person';
    return undefined;
  }

  private surface(a: number, b: number): string {
    const tk = this.tokens;
    if (b - a === 1) return tk[a].text;
    const seg = this.segmentOf(a);
    const text = seg.text.slice(tk[a].start, tk[b - 1].end);
    return MULTI_SPACE.test(text) ? text.replace(WHITESPACE_RUN, ' ') : text;
  }

  private claim(a: number, b: number): void {
    for (let k = a; k < b; k++) this.claimed[k] = 1;
  }

  private addPerson(a: number, b: number): void {
    const tk = this.tokens;
    while (a < b && (!tk[a].cap || tk[a].kind !== WORD)) a++;
    // "State Antony Blinken" after "Secretary of": start at the first first-name when one follows
    for (let k = a; k < b - 1; k++) {
      if (this.isFirstNameAt(k)) {
        a = k;
        break;
      }
      if (!this.isCommonWordAt(k)) break;
    }
    while (b > a && (tk[b - 1].kind !== WORD || !tk[b - 1].cap || this.is(b - 1, F.orgHead))) b--;
    if (a >= b) return;
    const gaz = b - a === 1 ? this.gazetteerAt(a, b, false) : undefined;
    if (gaz && gaz.entry.kind !== 'person' && !this.is(a, F.lastName)) {
      this.addGazetteer(gaz.entry, a, b);
      return;
    }
    this.addEntity('person', this.surface(a, b), a, b);
  }

  private addGazetteer(entry: GazetteerEntry, a: number, b: number, surface?: string): void {
    const acc = this.addEntity(entry.kind, entry.name, a, b, entry, surface);
    if (entry.ambiguous && this.hasPlaceContext(a, b)) acc.needsContext = false;
  }

  private hasPlaceContext(a: number, b: number): boolean {
    const tk = this.tokens;
    const prev = tk[a - 1];
    if (prev && prev.seg === tk[a].seg && prev.kind === WORD && this.is(a - 1, F.locative)) return true;
    const next = tk[b];
    if (next && next.text === ',' && tk[b + 1]?.cap) {
      const m = this.gazetteerAt(b + 1, Math.min(tk.length, b + 5), false);
      if (m && m.entry.kind === 'place' && m.entry.placeType !== 'city') return true;
    }
    return false;
  }

  private addEntity(
    kind: EntityKind,
    name: string,
    a: number,
    b: number,
    entry?: GazetteerEntry,
    surface?: string,
    literalPlace = false,
  ): EntityAcc {
    let acc = entry ? this.byEntry.get(entry) : undefined;
    const key = acc ? acc.key : `${kind}:${entry ? entry.name : name.toLowerCase()}`;
    acc ??= this.byKey.get(key);
    const seg = this.tokens[a].seg;
    if (!acc) {
      acc = {
        kind,
        key,
        name,
        entry,
        mentions: [],
        surfaces: new Set(),
        firstSeg: seg,
        inHeadline: false,
        locative: false,
        needsContext: !!entry?.ambiguous,
        literal: false,
      };
      this.byKey.set(key, acc);
    }
    if (entry) this.byEntry.set(entry, acc);
    acc.mentions.push({ from: a, to: b });
    acc.surfaces.add(surface ?? this.surface(a, b));
    if (seg < 0) acc.inHeadline = true;
    if (seg >= 0 && (acc.firstSeg < 0 || seg < acc.firstSeg))
      acc.firstSeg = Math.min(acc.firstSeg < 0 ? seg : acc.firstSeg, seg);
    const prev = this.tokens[a - 1];
    if (prev && prev.seg === seg && prev.kind === WORD && this.is(a - 1, F.locative)) acc.locative = true;
    if (literalPlace || (surface && /-(based|born|bound)$/i.test(this.tokens[a].text))) acc.locative = true;
    if (kind === 'place' && !this.isMetonym(a, b)) acc.literal = true;
    this.claim(a, b);
    // "North Atlantic Treaty Organization (NATO)": the acronym names the same entity
    const tk = this.tokens;
    if (tk[b]?.text === '(' && tk[b + 1]?.upper && tk[b + 2]?.text === ')' && tk[b + 1].seg === seg) {
      this.acronyms.set(tk[b + 1].text, acc);
    }
    return acc;
  }

  /** "Washington is expected to…", "a step Moscow opposes": the place stands for its government. */
  private isMetonym(a: number, b: number): boolean {
    const tk = this.tokens;
    const prev = tk[a - 1];
    if (prev && prev.seg === tk[a].seg && prev.kind === WORD && this.is(a - 1, F.locative)) return false;
    const next = tk[b];
    if (!next || next.seg !== tk[a].seg || next.kind !== WORD || next.cap) return false;
    return this.is(b, F.governmentVerb | F.personVerb);
  }

  /** Unknown capitalised runs become people when the document names them again by their last word. */
  private resolveUnknownRuns(): void {
    if (this.capitalsAreWeak || this.unknownRuns.length === 0) return;
    const tk = this.tokens;
    const singles = new Map<string, number>();
    for (let i = 0; i < tk.length; i++) {
      const t = tk[i];
      if (t.kind === WORD && t.cap && !t.sentStart && !this.claimed[i])
        singles.set(t.lower, (singles.get(t.lower) ?? 0) + 1);
    }
    for (const run of this.unknownRuns) {
      if (this.claimed[run.from]) continue;
      let plausible = run.to - run.from <= 4;
      for (let k = run.from; plausible && k < run.to; k++) {
        if (this.is(k, F.orgHead | F.demonym) || this.isDictionaryWordAt(k)) plausible = false;
      }
      if (!plausible) continue;
      const lastWord = tk[run.to - 1].lower;
      if ((singles.get(lastWord) ?? 0) >= 2) this.addPerson(run.from, run.to);
    }
  }

  private resolveAcronyms(): void {
    for (const [acronym, spans] of this.unknownAcronyms) {
      const defined = this.acronyms.get(acronym);
      if (defined) {
        for (const s of spans) if (!this.claimed[s.from]) this.addMention(defined, s.from, s.to);
        continue;
      }
      const expanded = this.entityWithInitials(acronym);
      if (expanded) {
        for (const s of spans) if (!this.claimed[s.from]) this.addMention(expanded, s.from, s.to);
        continue;
      }
      if (spans.length >= 2) {
        for (const s of spans) if (!this.claimed[s.from]) this.addEntity('organisation', acronym, s.from, s.to);
      }
    }
  }

  /** "RSF" after "Rapid Support Forces": an organisation of the document whose capitalised words give the letters. */
  private entityWithInitials(acronym: string): EntityAcc | undefined {
    if (acronym.length < 2) return undefined;
    for (const acc of this.byKey.values()) {
      if (acc.kind !== 'organisation') continue;
      const initials = acc.name
        .split(/[\s-]+/)
        .filter((w) => w.length > 0 && w[0] !== w[0].toLowerCase())
        .map((w) => w[0])
        .join('');
      if (initials === acronym) return acc;
    }
    return undefined;
  }

  private addMention(acc: EntityAcc, a: number, b: number): void {
    if (acc.entry) this.addGazetteer(acc.entry, a, b);
    else this.addEntity(acc.kind, acc.name, a, b);
  }

  /** The recogniser's names, after the document-level vote (ner/document-spans.ts), with canonical names. */
  private modelScan(tagger: NerTagger, doc: Tokenized, language: string, modes: SegmentMode[]): void {
    const n = this.tokens.length;
    if (this.flagArray.length < n) this.flagArray = new Int32Array(Math.max(n, this.flagArray.length * 2));
    for (let k = 0; k < n; k++) this.flagArray[k] = this.flagsAt(k);
    const spans = documentSpans(
      tagger,
      doc,
      this.flagArray,
      this.skip,
      language,
      (k) => modes[k].titleCase,
      this.infos,
    );
    const allCaps = new Set<number>();
    this.segments.forEach((seg, k) => modes[k].allCaps && allCaps.add(seg.index));
    for (const s of spans) this.applySpan(s, allCaps.has(this.tokens[s.from].seg));
  }

  private applySpan(s: DocumentSpan, allCaps: boolean): void {
    const { from: a, to: b } = s;
    let kind = s.kind;
    if (this.claimed[a]) return;
    const gaz = this.gazetteerAt(a, b, allCaps);
    const exact = gaz && gaz.length === b - a ? gaz.entry : undefined;
    // "NLCA" after "Northern Lumber Cooperative Association (NLCA)": the entity the acronym was defined for
    const acronym = b - a === 1 && this.tokens[a].upper ? this.acronyms.get(this.tokens[a].text) : undefined;
    if (acronym) {
      this.addMention(acronym, a, b);
      return;
    }
    if (s.unconfirmed) {
      // a line in capitals the body does not confirm: only names the gazetteer knows, or a first name and a surname
      if (exact) this.addGazetteer(exact, a, b);
      else if (kind === 'person' && b - a >= 2 && this.isFirstNameAt(a)) this.addPerson(a, b);
      return;
    }
    // a results table names clubs after their cities ("Liverpool 38 28 6 4"): organisations
    if (s.table && kind === 'place' && exact?.placeType !== 'country') kind = 'organisation';
    // a name of several words the gazetteer knows for certain keeps its type ("Khan Younis" is no person)
    const known = exact && b - a >= 2 && !exact.ambiguous && !(s.table && exact.kind === 'place');
    if (
      exact &&
      (known || exact.kind === kind || (exact.placeType === 'country' && kind === 'organisation' && !s.table))
    ) {
      const acc = this.addEntity(exact.kind, exact.name, a, b, exact);
      acc.needsContext = false;
      return;
    }
    // "Shares in Brightwater Holdings": a name ending in an organisation's head word is no place
    if (kind === 'place' && b - a >= 2 && this.is(b - 1, F.orgHead) && !this.is(b - 1, F.placeHead))
      kind = 'organisation';
    if (kind === 'person') this.addPerson(a, b);
    else if (kind === 'place') this.addEntity('place', this.surface(a, b), a, b, undefined, undefined, true);
    else this.addEntity('organisation', this.surface(a, b), a, b);
  }

  /** Mentions the recogniser missed of names it found elsewhere in the document: the same words, capitalised. */
  private propagateNames(): void {
    const tk = this.tokens;
    const byFirst = new Map<string, { words: string[]; acc: EntityAcc }[]>();
    const seen = new Set<string>();
    for (const acc of this.byKey.values()) {
      for (const m of acc.mentions) {
        const words: string[] = [];
        for (let k = m.from; k < m.to; k++) words.push(tk[k].lower);
        const key = words.join(' ');
        if (seen.has(key)) continue;
        seen.add(key);
        // one common word alone ("Labour", "Apple") is too weak to propagate
        if (words.length === 1 && this.is(m.from, F.commonWord | F.stopword | F.dictionary)) continue;
        const list = byFirst.get(words[0]) ?? [];
        list.push({ words, acc });
        byFirst.set(words[0], list);
      }
    }
    if (byFirst.size === 0) return;
    for (let i = 0; i < tk.length; i++) {
      const t = tk[i];
      if (this.claimed[i] || this.skip[i] || t.kind !== WORD || !t.cap) continue;
      const candidates = byFirst.get(t.lower);
      if (!candidates) continue;
      let best: { words: string[]; acc: EntityAcc } | undefined;
      for (const c of candidates) {
        if (best && c.words.length <= best.words.length) continue;
        let ok = i + c.words.length <= tk.length;
        for (let k = 0; ok && k < c.words.length; k++) {
          const u = tk[i + k];
          ok = u.lower === c.words[k] && !this.claimed[i + k] && u.seg === t.seg;
        }
        if (ok) best = c;
      }
      if (!best) continue;
      this.addMention(best.acc, i, i + best.words.length);
      i += best.words.length - 1;
    }
  }

  /** Second pass over every segment: surnames, acronyms and gazetteer names the first pass did not claim. */
  /** People by the last word of each mention: "stoltenberg" → Jens Stoltenberg. */
  private peopleByName(): Map<string, EntityAcc> {
    const people = new Map<string, EntityAcc>();
    for (const acc of this.byKey.values()) {
      if (acc.kind !== 'person') continue;
      for (const s of acc.mentions) {
        const lastTok = this.tokens[s.to - 1].lower;
        if (!people.has(lastTok)) people.set(lastTok, acc);
      }
    }
    return people;
  }

  private linkRemaining(seg: Segment, mode: SegmentMode, people: Map<string, EntityAcc>): void {
    const tk = this.tokens;
    const headlineLike = mode.allCaps || mode.titleCase;
    for (let i = seg.from; i < seg.to; i++) {
      const t = tk[i];
      if (this.claimed[i] || this.skip[i] || t.kind !== WORD || !t.cap) continue;
      const person = people.get(t.lower);
      if (person && !(t.sentStart && this.isCommonWordAt(i) && !headlineLike)) {
        this.addEntity('person', person.name, i, i + 1);
        continue;
      }
      const acronym = t.upper ? this.acronyms.get(t.text) : undefined;
      if (acronym) {
        this.addMention(acronym, i, i + 1);
        continue;
      }
      if (!headlineLike) continue;
      const gaz = this.gazetteerAt(i, seg.to, mode.allCaps);
      if (gaz) {
        this.addGazetteer(gaz.entry, i, i + gaz.length);
        i += gaz.length - 1;
        continue;
      }
      const known = this.byKey.get(`organisation:${t.lower}`);
      if (known) this.addEntity('organisation', known.name, i, i + 1);
    }
    if (this.datelineSpan && seg.from === this.datelineSpan.from) {
      const d = this.datelineSpan;
      if (d.to > d.from && !this.claimed[d.from]) {
        const gaz = this.gazetteerAt(d.from, d.to, true);
        if (gaz && gaz.entry.kind === 'place') {
          const acc = this.addEntity('place', gaz.entry.name, d.from, d.from + gaz.length, gaz.entry);
          acc.locative = true;
          acc.needsContext = false;
        }
      }
    }
  }

  /** "Stoltenberg" after "Jens Stoltenberg": one person, named in full. */
  private mergePeople(): void {
    const people = [...this.byKey.values()].filter((a) => a.kind === 'person');
    const full = people.filter((p) => p.name.includes(' '));
    for (const p of people) {
      if (p.name.includes(' ')) continue;
      const lower = p.name.toLowerCase();
      const target = full.find((f) => {
        const words = f.name.toLowerCase().split(' ');
        return words[words.length - 1] === lower || words[0] === lower;
      });
      if (!target) continue;
      target.mentions.push(...p.mentions);
      for (const s of p.surfaces) target.surfaces.add(s);
      target.inHeadline ||= p.inHeadline;
      if (p.firstSeg >= 0 && p.firstSeg < target.firstSeg) target.firstSeg = p.firstSeg;
      this.byKey.delete(p.key);
    }
  }

  private addLocated(located: string): void {
    const scratch: Token[] = [];
    // the dateline place as the parser found it, e.g. "Brussels" or "BRUSSELS"
    const words = located.split(/[\s,]+/).filter(Boolean);
    for (let n = words.length; n >= 1; n--) {
      const text = words.slice(0, n).join(' ');
      scratch.length = 0;
      let offset = 0;
      for (const w of text.split(' ')) {
        const t: Token = {
          text: w,
          lower: w.toLowerCase(),
          kind: WORD,
          start: offset,
          end: offset + w.length,
          seg: -2,
          cap: true,
          upper: w === w.toUpperCase(),
          sentStart: false,
        };
        scratch.push(t);
        offset += w.length + 1;
      }
      const m = this.res.gazetteer.longestMatch(scratch, 0, scratch.length, true);
      if (m && m.length === scratch.length && m.entry.kind === 'place') {
        const key = `place:${m.entry.name}`;
        const acc = this.byKey.get(key);
        if (acc) {
          acc.locative = true;
          acc.needsContext = false;
        } else {
          this.byKey.set(key, {
            kind: 'place',
            key,
            name: m.entry.name,
            entry: m.entry,
            mentions: [],
            surfaces: new Set([located]),
            firstSeg: 0,
            inHeadline: false,
            locative: true,
            needsContext: false,
            literal: true,
          });
        }
        return;
      }
    }
  }

  private finish(): ExtractedEntities {
    const tk = this.tokens;
    const all = [...this.byKey.values()];
    const countries = new Set(all.filter((a) => a.entry?.placeType === 'country').map((a) => a.entry!.country));
    const kept = all.filter((acc) => {
      if (acc.needsContext) return false;
      const e = acc.entry;
      // a capital named only as its government, when its country is tagged anyway
      if (
        e?.placeType === 'city' &&
        e.capital &&
        !acc.locative &&
        !acc.literal &&
        e.country &&
        countries.has(e.country)
      )
        return false;
      return true;
    });
    const tags: EntityTag[] = kept.map((acc) => {
      const count = acc.mentions.length || 1;
      const lead = acc.firstSeg <= 0;
      const score = Math.min(
        1,
        (acc.inHeadline ? 0.4 : 0) + (lead ? 0.2 : acc.firstSeg <= 2 ? 0.1 : 0) + 0.1 * Math.min(count, 4),
      );
      const about = acc.inHeadline || count >= 3 || (lead && count >= 2);
      const tag: EntityTag = {
        kind: acc.kind,
        name: acc.name,
        rel: about ? 'about' : 'mentions',
        score: Math.round(score * 100) / 100,
        surfaceForms: [...acc.surfaces],
      };
      if (acc.entry?.uri) tag.uri = acc.entry.uri;
      if (acc.entry?.placeType) tag.placeType = acc.entry.placeType;
      return tag;
    });
    tags.sort((x, y) => y.score - x.score);
    const keptSet = new Set(kept);
    const mentions: Mention[] = [];
    for (const acc of keptSet) {
      for (const s of acc.mentions) {
        const t = tk[s.from];
        const seg = this.segmentOf(s.from);
        mentions.push({
          kind: acc.kind,
          name: acc.name,
          text: s.to - s.from === 1 ? t.text : seg.text.slice(t.start, tk[s.to - 1].end),
          paragraph: t.seg,
          offset: t.start,
        });
      }
    }
    mentions.sort((x, y) => x.paragraph - y.paragraph || x.offset - y.offset);
    return { entities: tags, mentions };
  }
}
