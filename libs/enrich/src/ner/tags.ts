import type { EntityKind } from '../enrichment';

/** BIO tags over three types: 0 = O, then B and I of person, organisation, place. */
export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'] as const;
export const TAG_COUNT = TAGS.length;
export const O = 0;

export const TAG_INDEX: ReadonlyMap<string, number> = new Map(TAGS.map((t, i) => [t, i]));

/** 0 person, 1 organisation, 2 place (only for tags other than O) */
export const typeOfTag = (tag: number): number => (tag - 1) >> 1;
export const isBegin = (tag: number): boolean => tag > 0 && tag % 2 === 1;
export const isInside = (tag: number): boolean => tag > 0 && tag % 2 === 0;

export const KIND_OF_TYPE: readonly EntityKind[] = ['person', 'organisation', 'place'];

/** An I-X may only follow B-X or I-X (nor start a sequence). */
export function allowed(prev: number, next: number): boolean {
  if (!isInside(next)) return true;
  return prev !== O && prev >= 0 && typeOfTag(prev) === typeOfTag(next);
}

export interface TaggedSpan {
  /** tokens [from, to) */
  from: number;
  to: number;
  kind: EntityKind;
}

/** Spans of a tag sequence (tags[k] for tokens from + k). */
export function spansOf(tags: ArrayLike<number>, n: number, from = 0): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  let k = 0;
  while (k < n) {
    const t = tags[k];
    if (t === O) {
      k++;
      continue;
    }
    const type = typeOfTag(t);
    let j = k + 1;
    while (j < n && isInside(tags[j]) && typeOfTag(tags[j]) === type) j++;
    out.push({ from: from + k, to: from + j, kind: KIND_OF_TYPE[type] });
    k = j;
  }
  return out;
}
