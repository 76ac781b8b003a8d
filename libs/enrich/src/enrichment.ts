/**
 * The enrichment contract: what the pure enrich library is given and what it returns. libs/pipeline maps the result
 * onto the ninjs article; what ninjs cannot hold (mentions with offsets, scores, surface forms) is stored beside it.
 */
export interface EnrichInput {
  headline?: string;
  /** body paragraphs, plain text */
  paragraphs: string[];
  /** BCP 47 language the source declares, if any (a hint, checked against the text) */
  language?: string;
  /** picture captions as the parser found them; credits may still be embedded in the caption text */
  captions: { caption?: string; credit?: string; by?: string }[];
  /** subjects the source gave (qcodes or URIs): kept, mapped to Media Topics */
  sourceSubjects: { code: string; name?: string }[];
  /** an abstract the source gave, preferred as the summary base when present */
  abstract?: string;
  /** the dateline place, a strong signal for places */
  located?: string;
}

export type EntityKind = 'person' | 'organisation' | 'place';

export interface EntityTag {
  kind: EntityKind;
  /** canonical name, e.g. "United Kingdom" for "Britain" */
  name: string;
  rel: 'about' | 'mentions';
  /** Wikidata, GeoNames or ISO 3166 URI where an openly licensed dataset gives one */
  uri?: string;
  /** for places: "country" | "city" | "region" | ... */
  placeType?: string;
  /** 0..1 salience */
  score: number;
  /** the forms seen in the text */
  surfaceForms: string[];
}

export interface Mention {
  kind: EntityKind;
  name: string;
  text: string;
  /** paragraph index (-1 = headline) and character offset inside it */
  paragraph: number;
  offset: number;
}

export interface SubjectTag {
  /** http://cv.iptc.org/newscodes/mediatopic/NNNNNNNN */
  uri: string;
  /** English name */
  name: string;
  creator: 'machine' | 'source';
  /** 0..100 */
  relevance: number;
  /** 0..100 */
  confidence: number;
  /** true when added as a broader topic of an assigned one */
  broader?: boolean;
}

export interface CaptionSplit {
  caption?: string;
  credit?: string;
  by?: string;
}

export interface Enrichment {
  /** BCP 47, or "und" when the text is too short or mixed to tell */
  language: string;
  entities: EntityTag[];
  subjects: SubjectTag[];
  keywords: string[];
  /** one or two whole sentences, at most 300 characters */
  summary?: string;
  /** same order as EnrichInput.captions */
  captions: CaptionSplit[];
  mentions: Mention[];
  wordCount: number;
  charCount: number;
}

/** Built once (gazetteers, models loaded), then called per article. */
export interface Enricher {
  enrich(input: EnrichInput): Enrichment;
}
