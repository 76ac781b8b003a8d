import type { EnrichInput } from '@wiredesk/enrich';
import type { Ninjs, NinjsFields } from '@wiredesk/ninjs';
import { Role, TEXT_PLAIN } from './to-ninjs';
import { isKeywordSubject } from './vocabularies';

/** The plain-text main body of an article, if it has one. */
export function mainTextBody(article: NinjsFields) {
  return article.bodies?.find(
    (b) => (b.role ?? Role.main) === Role.main && (b.contentType ?? TEXT_PLAIN) === TEXT_PLAIN,
  );
}

export function descriptionValue(fields: NinjsFields, role: string): string | undefined {
  return fields.descriptions?.find((d) => d.role === role)?.value;
}

/**
 * What the enricher is given, read back from the (not yet enriched) article, so the enricher service can work from the
 * ninjs in wire.parsed alone. Captions follow the order of `associations`: Enrichment.captions is matched by index.
 */
export function buildEnrichInput(article: Ninjs): EnrichInput {
  const body = mainTextBody(article)?.value ?? '';
  const input: EnrichInput = {
    paragraphs: body ? body.split(/\n{2,}/) : [],
    captions: (article.associations ?? []).map((a) => {
      const caption: EnrichInput['captions'][number] = {};
      const text = descriptionValue(a, Role.caption);
      const credit = descriptionValue(a, Role.creditline);
      if (text) caption.caption = text;
      if (credit) caption.credit = credit;
      if (a.by) caption.by = a.by;
      return caption;
    }),
    sourceSubjects: (article.subjects ?? [])
      .filter((s) => s.creator !== 'machine' && !isKeywordSubject(s) && (s.uri || s.literal))
      .map((s) => (s.name ? { code: (s.uri ?? s.literal)!, name: s.name } : { code: (s.uri ?? s.literal)! })),
  };
  const headline = article.headlines?.find((h) => h.role === Role.main)?.value ?? article.headlines?.[0]?.value;
  if (headline) input.headline = headline;
  if (article.language) input.language = article.language;
  const abstract = descriptionValue(article, Role.abstract);
  if (abstract) input.abstract = abstract;
  if (article.located) input.located = article.located;
  return input;
}
