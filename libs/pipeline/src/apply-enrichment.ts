import type { EntityKind, EntityTag, Enrichment, Mention, SubjectTag } from '@wiredesk/enrich';
import type {
  Ninjs,
  NinjsAssociation,
  NinjsDescription,
  NinjsOrganisation,
  NinjsPerson,
  NinjsPlace,
  NinjsSubject,
} from '@wiredesk/ninjs';
import { isNinjsUri } from '@wiredesk/ninjs';
import { Role, TEXT_PLAIN } from './to-ninjs';
import { mainTextBody } from './enrich-input';
import { isKeywordSubject, keywordSubject } from './vocabularies';

/**
 * What Wiredesk knows beyond ninjs, stored beside the article (docs/contracts.md: never as extra ninjs keys): entity scores,
 * place kinds, surface forms, mentions with offsets, subject scores and broader flags.
 */
export interface EnrichmentDetails {
  language: string;
  entities: {
    kind: EntityKind;
    name: string;
    rel: 'about' | 'mentions';
    uri?: string;
    placeType?: string;
    score: number;
    surfaceForms: string[];
  }[];
  subjects: SubjectTag[];
  keywords: string[];
  mentions: Mention[];
  summary?: string;
  wordCount: number;
  charCount: number;
}

export function enrichmentDetails(e: Enrichment): EnrichmentDetails {
  const details: EnrichmentDetails = {
    language: e.language,
    entities: e.entities.map((t) => {
      const entity: EnrichmentDetails['entities'][number] = {
        kind: t.kind,
        name: t.name,
        rel: t.rel,
        score: t.score,
        surfaceForms: t.surfaceForms,
      };
      if (t.uri) entity.uri = t.uri;
      if (t.placeType) entity.placeType = t.placeType;
      return entity;
    }),
    subjects: e.subjects,
    keywords: e.keywords,
    mentions: e.mentions,
    wordCount: e.wordCount,
    charCount: e.charCount,
  };
  if (e.summary) details.summary = e.summary;
  return details;
}

/**
 * The article with the enrichment applied. Pure: the input article is not changed. What the source said wins where
 * both speak (its language, its subjects' creator, its captions when the enricher found nothing to split); what the
 * enricher adds is merged without duplicates.
 */
export function applyEnrichment(article: Ninjs, e: Enrichment): Ninjs {
  const out: Ninjs = { ...article };

  if (!out.language && e.language && e.language !== 'und') out.language = e.language;

  const people = mergeEntities<NinjsPerson>(article.people, e.entities, 'person');
  const organisations = mergeEntities<NinjsOrganisation>(article.organisations, e.entities, 'organisation');
  const places = mergeEntities<NinjsPlace>(article.places, e.entities, 'place');
  if (people.length) out.people = people;
  if (organisations.length) out.organisations = organisations;
  if (places.length) out.places = places;

  const subjects = mergeSubjects(article.subjects ?? [], e.subjects, e.keywords);
  if (subjects.length) out.subjects = subjects;

  if (e.summary) {
    const summary: NinjsDescription = { role: Role.summary, contentType: TEXT_PLAIN, value: e.summary };
    out.descriptions = [...(article.descriptions ?? []).filter((d) => d.role !== Role.summary), summary];
  }

  if (article.associations && e.captions.length) {
    out.associations = article.associations.map((a, i) => (e.captions[i] ? withCaption(a, e.captions[i]) : a));
  }

  // counts are the article's own (counted from its text by toNinjs); the enricher's fill in only where missing
  const main = mainTextBody(article);
  if (main && (main.wordCount === undefined || main.charCount === undefined)) {
    out.bodies = article.bodies!.map((b) =>
      b === main ? { ...b, wordCount: b.wordCount ?? e.wordCount, charCount: b.charCount ?? e.charCount } : b,
    );
  }
  return out;
}

function mergeEntities<T extends { name?: string; rel?: string; uri?: string }>(
  existing: T[] | undefined,
  tags: EntityTag[],
  kind: EntityKind,
): T[] {
  const merged: T[] = existing ? [...existing] : [];
  const seen = new Set(merged.map((x) => entityKey(x.name, x.uri)));
  for (const tag of tags) {
    if (tag.kind !== kind || !tag.name) continue;
    const uri = tag.uri && isNinjsUri(tag.uri) ? tag.uri : undefined;
    const nameKey = entityKey(tag.name, undefined);
    const uriKey = uri ? entityKey(undefined, uri) : undefined;
    if (seen.has(nameKey) || (uriKey && seen.has(uriKey))) continue;
    const entity = { name: tag.name, rel: tag.rel } as T;
    if (uri) entity.uri = uri;
    merged.push(entity);
    seen.add(nameKey);
    if (uriKey) seen.add(uriKey);
  }
  return merged;
}

function entityKey(name: string | undefined, uri: string | undefined): string {
  return uri ? `uri:${uri}` : `name:${(name ?? '').toLowerCase()}`;
}

/**
 * Source subjects first, kept as the source gave them (creator source); machine subjects added after; a machine
 * subject the source also gave only fills in the source entry's name, relevance and confidence.
 */
function mergeSubjects(existing: NinjsSubject[], tags: SubjectTag[], keywords: string[]): NinjsSubject[] {
  const merged = existing.map((s) => ({ ...s }));
  const byUri = new Map<string, NinjsSubject>();
  for (const s of merged) if (s.uri) byUri.set(s.uri, s);
  for (const tag of tags) {
    if (!isNinjsUri(tag.uri)) continue;
    const known = byUri.get(tag.uri);
    if (known) {
      known.name ??= tag.name;
      known.relevance ??= clampPercent(tag.relevance);
      known.confidence ??= clampPercent(tag.confidence);
      continue;
    }
    const subject: NinjsSubject = {
      name: tag.name,
      uri: tag.uri,
      creator: tag.creator,
      relevance: clampPercent(tag.relevance),
      confidence: clampPercent(tag.confidence),
    };
    merged.push(subject);
    byUri.set(tag.uri, subject);
  }
  const keywordsSeen = new Set(merged.filter(isKeywordSubject).map((s) => (s.name ?? '').toLowerCase()));
  for (const keyword of keywords) {
    const key = keyword.toLowerCase();
    if (!keyword || keywordsSeen.has(key)) continue;
    keywordsSeen.add(key);
    merged.push(keywordSubject(keyword, 'machine'));
  }
  return merged;
}

function clampPercent(n: number): number {
  return Math.max(0, Math.min(100, Math.round(n)));
}

/** The caption and credit as the enricher split them (credit lifted out of "© AFP/File | caption" and the like). */
function withCaption(a: NinjsAssociation, split: Enrichment['captions'][number]): NinjsAssociation {
  const others = (a.descriptions ?? []).filter((d) => d.role !== Role.caption && d.role !== Role.creditline);
  const caption = split.caption ?? a.descriptions?.find((d) => d.role === Role.caption)?.value;
  const credit = split.credit ?? a.descriptions?.find((d) => d.role === Role.creditline)?.value;
  const descriptions: NinjsDescription[] = [];
  if (caption) descriptions.push({ role: Role.caption, contentType: TEXT_PLAIN, value: caption });
  if (credit) descriptions.push({ role: Role.creditline, contentType: TEXT_PLAIN, value: credit });
  descriptions.push(...others);
  const out: NinjsAssociation = { ...a };
  if (descriptions.length) out.descriptions = descriptions;
  if (!out.by && split.by) out.by = split.by;
  return out;
}
