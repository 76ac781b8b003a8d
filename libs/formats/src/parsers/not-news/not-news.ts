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
  const head = text.slice(0, 65536);
  const data = SPORTS_DATA.exec(head);
  if (data && /^(?:Response|Data|SportsData|Feed)$/i.test(root.name)) {
    const series = /<(?:Series|Competition)\b[^>]*>/.exec(head)?.[0];
    const what = [attrOf(data[0], 'Sport'), data[1].toLowerCase()].filter(Boolean).join(' ');
    const of = [attrOf(series, 'Name'), attrOf(series, 'Season')].filter(Boolean).join(' ');
    const matches = text.match(MATCH)?.length ?? 0;
    return (
      `The XML is a sports data feed (${what}${of ? ` of ${of}` : ''}` +
      `${matches ? `, ${matches} match records` : ''}), records for a results service rather than a news story.`
    );
  }
  if (/^(?:Response|Error|ErrorResponse)$/i.test(root.name)) {
    const status = /Status(?:_Code)?="([^"]+)"/i.exec(head)?.[1];
    if (status && !/^(?:ok|200|success)$/i.test(status))
      return `The XML is an API response with status "${status}", not a news story.`;
  }
  return undefined;
}
