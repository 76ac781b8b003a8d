import type { EntityKind } from '../enrichment';
import { WordFlag as F } from '../entities/word-flags';
import { NUMBER, type Tokenized, WORD } from '../text/tokenizer';
import type { WordInfo } from '../text/word-info';
import { Cue, companyCueAt, cueAt, isCompanySuffix, isSportContext } from './context-cues';
import { isAllCapsSegment, languageBucket } from './features';
import type { NerTagger } from './ner-model';
import { spansOf } from './tags';

/**
 * What the model cannot see in one sentence, the document can: the recogniser tags each segment, then
 *  - a name takes the type most of its mentions got ("Jordan" a person twice and a place once is a person);
 *  - a single word that is the last word of a person's full name is that person ("Merkel" after "Angela Merkel");
 *  - names in all-caps lines are tagged on the line cased as running text, and kept when the body confirms them;
 *  - only windows around capitalised words are tagged (WINDOW_BEFORE, WINDOW_AFTER), with the segment as context;
 *  - rows of a results or standings table (a line with several numbers) are marked, so that the clubs in them can be
 *    taken as organisations.
 */
export interface DocumentSpan {
  from: number;
  to: number;
  kind: EntityKind;
  /** in an all-caps or headline segment, not seen in the body: keep only with more evidence */
  unconfirmed: boolean;
  /** in a line that reads as a row of a results table */
  table: boolean;
}

/** A line of a results table ("Liverpool 2 Arsenal 1", "3. Lyon 20 11 4 5 30"): two or more numbers, at least half as many as words. */
export function isTableRow(doc: Tokenized, from: number, to: number): boolean {
  let numbers = 0;
  let words = 0;
  for (let i = from; i < to; i++) {
    const k = doc.tokens[i].kind;
    if (k === NUMBER) numbers++;
    else if (k === WORD) words++;
  }
  return numbers >= 2 && numbers * 2 >= words;
}

/**
 * Tokens tagged before and after each capitalised word. Far from any capital every tag is O; tagging only windows
 * around capitals halves the work on English copy, and at 2 before / 3 after the dev figures equal whole-segment
 * tagging (1 / 1 cost 1-2 points of span F1).
 */
const WINDOW_BEFORE = 2;
const WINDOW_AFTER = 3;

/** A word that may start or be a name: capitalised, or in capitals. */
const startsWindow = (doc: Tokenized, i: number): boolean => {
  const t = doc.tokens[i];
  return t.kind === WORD && (t.cap || t.upper);
};

const spanKey = (doc: Tokenized, from: number, to: number): string => {
  let key = doc.tokens[from].lower;
  for (let k = from + 1; k < to; k++) key += ' ' + doc.tokens[k].lower;
  return key;
};

export function documentSpans(
  tagger: NerTagger,
  doc: Tokenized,
  flags: ArrayLike<number>,
  skip: Uint8Array,
  language: string,
  /** segments (by position in doc.segments) the model should not read: title-case headlines */
  ignored: (segmentPosition: number) => boolean,
  /** WordInfo of each token of doc (WordInfos.annotate): the tagger then sums a word's own features once */
  words?: readonly WordInfo[],
): DocumentSpan[] {
  const lang = languageBucket(language);
  const raw: (DocumentSpan & { caps: boolean })[] = [];
  doc.segments.forEach((seg, position) => {
    if (seg.to <= seg.from || ignored(position)) return;
    const allCaps = isAllCapsSegment(doc.tokens, seg.from, seg.to);
    const table = isTableRow(doc, seg.from, seg.to);
    const caps = allCaps || seg.index < 0;
    // only windows around capitalised words are tagged (the rest is O); the segment around gives them context
    let i = seg.from;
    while (i < seg.to) {
      if (!allCaps && !startsWindow(doc, i)) {
        i++;
        continue;
      }
      const from = Math.max(seg.from, i - WINDOW_BEFORE);
      let to = Math.min(seg.to, i + 1 + WINDOW_AFTER);
      for (let k = i + 1; k < to; k++) if (startsWindow(doc, k)) to = Math.min(seg.to, k + 1 + WINDOW_AFTER);
      if (allCaps) to = seg.to;
      const n = tagger.tag({
        tokens: doc.tokens,
        from,
        to,
        contextFrom: seg.from,
        contextTo: seg.to,
        flags,
        allCaps,
        lang,
        words,
      });
      for (const s of spansOf(tagger.tags, n, from)) {
        let skipped = false;
        for (let k = s.from; k < s.to; k++) if (skip[k]) skipped = true;
        if (!skipped) raw.push({ from: s.from, to: s.to, kind: s.kind, unconfirmed: false, table, caps });
      }
      i = to;
    }
  });

  mergeOrganisationPrefixes(raw, doc, flags);
  addMissedCompanies(raw, doc, flags, skip);

  // votes per name: body mentions only; lines in capitals and headlines follow the body. What a mention does in its
  // sentence (context-cues.ts: "Liverpool beat …", "in Liverpool", "shares of Acme") outvotes the model's reading.
  const sport = isSportContext(doc);
  const votes = new Map<string, number[]>();
  const cueVotes = new Map<string, number[]>();
  const surnames = new Set<string>();
  const midSentence = new Set<string>();
  for (const s of raw) {
    if (!s.caps && !doc.tokens[s.from].sentStart) midSentence.add(spanKey(doc, s.from, s.to));
  }
  for (let k = 0; k < raw.length; k++) {
    const s = raw[k];
    if (s.caps) continue;
    const key = spanKey(doc, s.from, s.to);
    // a common word opening a sentence ("Alliance chief …") and named nowhere else: no name
    const t = doc.tokens[s.from];
    if (s.to - s.from === 1 && t.sentStart && !t.upper && !midSentence.has(key)) {
      const f = flags[s.from];
      if (f & (F.dictionary | F.commonWord | F.stopword) && !(f & (F.firstName | F.lastName | F.gazetteerStart))) {
        raw.splice(k--, 1);
        continue;
      }
    }
    const v = votes.get(key) ?? [0, 0, 0];
    v[s.kind === 'person' ? 0 : s.kind === 'organisation' ? 1 : 2]++;
    votes.set(key, v);
    const cue = s.kind === 'person' ? Cue.none : cueAt(doc, s.from, s.to, sport);
    // a location cue only confirms a place ("in Liverpool"); it does not unmake the model's organisation
    if (cue !== Cue.none && !(cue === Cue.location && s.kind !== 'place')) {
      const c = cueVotes.get(key) ?? [0, 0, 0];
      c[cue === Cue.location ? 2 : 1]++;
      cueVotes.set(key, c);
    }
    if (s.kind === 'person' && s.to - s.from >= 2) surnames.add(doc.tokens[s.to - 1].lower);
  }
  const KINDS: EntityKind[] = ['person', 'organisation', 'place'];
  for (const s of raw) {
    const key = spanKey(doc, s.from, s.to);
    const v = cueVotes.get(key) ?? votes.get(key);
    if (s.to - s.from === 1 && surnames.has(key)) s.kind = 'person';
    else if (v) {
      let best = 0;
      for (let k = 1; k < 3; k++) if (v[k] > v[best]) best = k;
      if (v[best] > 0) s.kind = KINDS[best];
    }
    s.unconfirmed = s.caps && !votes.has(key) && !(s.to - s.from === 1 && surnames.has(key));
  }
  return raw;
}

/**
 * "Japan National Tourism Organization", "Afghan Red Crescent Society": a place tagged right before an organisation's
 * name, or a capitalised demonym, is part of that name.
 */
function mergeOrganisationPrefixes(raw: DocumentSpan[], doc: Tokenized, flags: ArrayLike<number>): void {
  for (let k = 0; k < raw.length; k++) {
    const s = raw[k];
    if (s.kind !== 'organisation' || s.to - s.from < 2) continue;
    const seg = doc.tokens[s.from].seg;
    const prev = k > 0 ? raw[k - 1] : undefined;
    if (prev && prev.to === s.from && prev.kind === 'place' && doc.tokens[prev.from].seg === seg) {
      s.from = prev.from;
      raw.splice(--k, 1);
      continue;
    }
    const before = s.from > 0 ? doc.tokens[s.from - 1] : undefined;
    const free = !prev || prev.to < s.from;
    if (before && free && before.seg === seg && before.cap && flags[s.from - 1] & F.demonym) s.from--;
  }
}

/** Longest run of capitalised words taken as a company the model missed ("shares of Acme Widget Holdings rose"). */
const MAX_COMPANY_WORDS = 4;

/**
 * Capitalised words the model left untagged but whose neighbours say company ("shares of Acme", "Acme Inc",
 * "Acme (NYSE: ACM)"): organisations. Leading stop words and common words ("The", "Die") are not part of the name.
 */
function addMissedCompanies(
  raw: (DocumentSpan & { caps: boolean })[],
  doc: Tokenized,
  flags: ArrayLike<number>,
  skip: Uint8Array,
): void {
  const t = doc.tokens;
  const added: (DocumentSpan & { caps: boolean })[] = [];
  let next = 0; // index into raw (sorted by position) of the first span not before i
  let i = 0;
  while (i < t.length) {
    while (next < raw.length && raw[next].to <= i) next++;
    const covered = next < raw.length && raw[next].from <= i;
    if (covered || skip[i] || t[i].kind !== WORD || !t[i].cap || t[i].seg < 0) {
      i++;
      continue;
    }
    let to = i + 1;
    while (
      to < t.length &&
      to - i < MAX_COMPANY_WORDS &&
      t[to].kind === WORD &&
      t[to].cap &&
      t[to].seg === t[i].seg &&
      !(next < raw.length && raw[next].from <= to)
    )
      to++;
    let from = i;
    while (
      from < to &&
      (flags[from] & F.stopword || (t[from].sentStart && flags[from] & (F.commonWord | F.dictionary)))
    )
      from++;
    // "Acme Corp said": the name ends at its suffix
    let end = 0;
    for (let k = from + 1; k < to && end === 0; k++) if (isCompanySuffix(t[k].lower)) end = k + 1;
    if (end === 0 && from < to && companyCueAt(doc, from, to)) end = to;
    if (end > from) added.push({ from, to: end, kind: 'organisation', unconfirmed: false, table: false, caps: false });
    i = to;
  }
  if (added.length === 0) return;
  raw.push(...added);
  raw.sort((a, b) => a.from - b.from);
}
