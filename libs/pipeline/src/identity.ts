import { createHash } from 'node:crypto';
import type { WireItem } from '@wiredesk/formats';
import { isNinjsUri } from '@wiredesk/ninjs';

export const WIREDESK_URN_PREFIX = 'urn:wiredesk:';

/** How many opening words of the body go into a story fingerprint: enough to tell stories apart, few enough that a
 * later paragraph added or trimmed by another channel does not change identity. */
const OPENING_WORDS = 30;

/**
 * The stable identity of a story (docs/contracts.md, Identity): the source's own item id when it has one, else a fingerprint
 * of agency + normalized headline + dateline + opening words. The same story sent twice, or through two channels
 * (text scrape, HTML page, feed), gets the same uri.
 */
export function storyUri(item: WireItem): string {
  if (item.sourceId) return sourceIdUri(item.sourceId, item.agency);
  return `${WIREDESK_URN_PREFIX}${storyFingerprint(item)}`;
}

/**
 * A source id as a ninjs `uri`: kept as is when it already is an absolute URI (NewsML-G2 guids are URNs or URLs),
 * else wrapped in a URN so the schema's `format: uri` holds and the same id always gives the same uri.
 */
export function sourceIdUri(sourceId: string, agency?: string): string {
  const id = sourceId.trim();
  if (isNinjsUri(id)) return id;
  const scope = agency ? normalizeForIdentity(agency).replace(/ /g, '-') : '';
  return `${WIREDESK_URN_PREFIX}id:${encodeURIComponent(scope || 'source')}:${encodeUrnPart(id)}`;
}

/** A 32-hex-digit (128-bit) digest of what makes a story that story. */
export function storyFingerprint(item: WireItem): string {
  const agency = normalizeForIdentity(item.agency ?? '');
  const headline = normalizeForIdentity(item.headline ?? '');
  const dateline = normalizeForIdentity(item.dateline ?? item.located ?? '');
  const opening = openingWords(item, dateline);
  return createHash('sha256').update(`${agency}\n${headline}\n${dateline}\n${opening}`).digest('hex').slice(0, 32);
}

/**
 * Case, accents, punctuation, dashes and odd spaces removed so the same words compare equal whatever the channel did
 * to them: "BRUSSELS (AFP) -" and "Brussels (AFP) —" are both "brussels afp".
 */
export function normalizeForIdentity(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function openingWords(item: WireItem, normalizedDateline: string): string {
  const words: string[] = [];
  for (const block of item.body) {
    for (const word of normalizeForIdentity(block.text).split(' ')) {
      if (word) words.push(word);
    }
    // a dateline the parser left inside the first paragraph must not make another identity
    if (words.length > OPENING_WORDS + 10) break;
  }
  let text = words.join(' ');
  if (normalizedDateline && text.startsWith(`${normalizedDateline} `)) text = text.slice(normalizedDateline.length + 1);
  let opening = text.split(' ').slice(0, OPENING_WORDS).join(' ');
  // a picture-only item: its captions are what tells it apart
  if (!opening && item.pictures.length > 0) {
    opening = item.pictures.map((p) => normalizeForIdentity(`${p.uri ?? ''} ${p.caption ?? ''}`)).join(' ');
  }
  return opening;
}

/** URN-safe: RFC 8141 allows unreserved characters, sub-delims, ":" and "@"; everything else percent-encoded. */
function encodeUrnPart(id: string): string {
  return encodeURIComponent(id).replace(/%3A/gi, ':').replace(/%40/g, '@');
}
