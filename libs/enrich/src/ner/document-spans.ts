import type { EntityKind } from '../enrichment';
import { NUMBER, type Tokenized, WORD } from '../text/tokenizer';
import { isAllCapsSegment, languageBucket } from './features';
import type { NerTagger } from './ner-model';
import { spansOf } from './tags';

/**
 * What the model cannot see in one sentence, the document can: the recogniser tags each segment, then
 *  - a name takes the type most of its mentions got ("Jordan" a person twice and a place once is a person);
 *  - a single word that is the last word of a person's full name is that person ("Merkel" after "Angela Merkel");
 *  - names in all-caps lines are tagged on the line cased as running text, and kept when the body confirms them;
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

/** A line of a results table: three or more numbers, and numbers at least a third as many as words. */
export function isTableRow(doc: Tokenized, from: number, to: number): boolean {
  let numbers = 0;
  let words = 0;
  for (let i = from; i < to; i++) {
    const k = doc.tokens[i].kind;
    if (k === NUMBER) numbers++;
    else if (k === WORD) words++;
  }
  return numbers >= 3 && numbers * 3 >= words;
}

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
): DocumentSpan[] {
  const lang = languageBucket(language);
  const raw: (DocumentSpan & { caps: boolean })[] = [];
  doc.segments.forEach((seg, position) => {
    if (seg.to <= seg.from || ignored(position)) return;
    const allCaps = isAllCapsSegment(doc.tokens, seg.from, seg.to);
    const n = tagger.tag({ tokens: doc.tokens, from: seg.from, to: seg.to, flags, allCaps, lang });
    const table = isTableRow(doc, seg.from, seg.to);
    for (const s of spansOf(tagger.tags, n, seg.from)) {
      let skipped = false;
      for (let k = s.from; k < s.to; k++) if (skip[k]) skipped = true;
      if (skipped) continue;
      raw.push({ ...s, unconfirmed: false, table, caps: allCaps || seg.index < 0 });
    }
  });

  // votes per name: body mentions only; lines in capitals and headlines follow the body
  const votes = new Map<string, number[]>();
  const surnames = new Set<string>();
  for (const s of raw) {
    if (s.caps) continue;
    const key = spanKey(doc, s.from, s.to);
    const v = votes.get(key) ?? [0, 0, 0];
    v[s.kind === 'person' ? 0 : s.kind === 'organisation' ? 1 : 2]++;
    votes.set(key, v);
    if (s.kind === 'person' && s.to - s.from >= 2) surnames.add(doc.tokens[s.to - 1].lower);
  }
  const KINDS: EntityKind[] = ['person', 'organisation', 'place'];
  for (const s of raw) {
    const key = spanKey(doc, s.from, s.to);
    const v = votes.get(key);
    if (s.to - s.from === 1 && surnames.has(key)) s.kind = 'person';
    else if (v) {
      let best = 0;
      for (let k = 1; k < 3; k++) if (v[k] > v[best]) best = k;
      if (v[best] > 0) s.kind = KINDS[best];
    }
    s.unconfirmed = s.caps && !v && !(s.to - s.from === 1 && surnames.has(key));
  }
  return raw.map(({ caps: _caps, ...s }) => s);
}
