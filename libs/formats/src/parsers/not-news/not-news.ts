import { sniffXmlRoot } from '../../detect/sniff-content';

/**
 * Well-formed deliveries that are no news item at all, recognised so that their dead letter says what they are
 * (NOT_NEWS) instead of "unknown format". Today: sports data feeds (fixtures, results, ladders as records rather than
 * copy, such as AAP's sports API responses) and API error responses. Cheap: looks at the root and a few attributes.
 */

const SPORTS_DATA = /<(Fixtures|Results|Ladder|Standings|Draw)\b[^>]*>/;
const MATCH = /<(?:Match|Fixture|Game)\b/g;

function attrOf(tag: string | undefined, name: string): string | undefined {
  if (!tag) return undefined;
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m?.[1]?.trim() || undefined;
}

/** What the delivery is when it is well-formed but no news item, in one sentence; undefined otherwise. */
export function describeNotNews(text: string): string | undefined {
  const root = sniffXmlRoot(text);
  if (!root) return undefined;
  return describeKnownShape(text, root.name) ?? describeListing(text, root.name);
}

/** The shapes we know by name: sports data feeds and API error responses. */
function describeKnownShape(text: string, rootName: string): string | undefined {
  const head = text.slice(0, 65536);
  const data = SPORTS_DATA.exec(head);
  if (data && /^(?:Response|Data|SportsData|Feed)$/i.test(rootName)) {
    const series = /<(?:Series|Competition)\b[^>]*>/.exec(head)?.[0];
    const what = [attrOf(data[0], 'Sport'), data[1].toLowerCase()].filter(Boolean).join(' ');
    const of = [attrOf(series, 'Name'), attrOf(series, 'Season')].filter(Boolean).join(' ');
    const matches = text.match(MATCH)?.length ?? 0;
    return (
      `The XML is a sports data feed (${what}${of ? ` of ${of}` : ''}` +
      `${matches ? `, ${matches} match records` : ''}), records for a results service rather than a news story.`
    );
  }
  if (/^(?:Response|Error|ErrorResponse)$/i.test(rootName)) {
    const status = /Status(?:_Code)?="([^"]+)"/i.exec(head)?.[1];
    if (status && !/^(?:ok|200|success)$/i.test(status))
      return `The XML is an API response with status "${status}", not a news story.`;
  }
  return undefined;
}

/**
 * The general case: well-formed markup that is no news item at all, a poll or search response listing ids and versions, a status reply.
 * It holds no prose anywhere, so no reader of a format Wiredesk does not know yet would find a story in it either.
 * Only a list of two or more entries counts; a single record of unknown shape stays UNKNOWN_FORMAT.
 * Says what it is, for a dead letter a person can act on (NOT_NEWS), instead of "unknown format".
 */

/** Words a text node needs to count as prose. */
const PROSE_WORDS = 5;
const MAX_SCAN = 200_000;

function describeListing(text: string, root: string): string | undefined {
  if (text.length > MAX_SCAN) return undefined;
  const body = text.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, ' $1 ').replace(/<!--[\s\S]*?-->/g, ' ');
  const texts = body.split(/<[^>]*>/);
  const prose = texts.some(
    (t) =>
      t
        .trim()
        .split(/\s+/)
        .filter((w) => /\p{L}{2}/u.test(w)).length >= PROSE_WORDS,
  );
  if (prose) return undefined;
  const counts = new Map<string, number>();
  for (const m of body.matchAll(/<([A-Za-z_][\w.:-]*)[\s/>]/g)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  counts.delete(root);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [entry, n] = ranked[0] ?? [];
  // a list of entries (ids, versions, tokens); a single record of unknown shape stays an unknown format
  if (!entry || n < 2) return undefined;
  const fields = ranked
    .slice(1, 6)
    .map(([name]) => name)
    .join(', ');
  const listing = entry
    ? `${n} <${entry}> element${n === 1 ? '' : 's'}${fields ? ` (with ${fields})` : ''}`
    : 'no content';
  return `The XML <${root}> holds ${listing} and no text: a list, poll or status response, not a news item.`;
}
