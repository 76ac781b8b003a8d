/**
 * Well-formed markup that is no news item at all: a poll or search response listing ids and versions, a status reply.
 * It holds no prose anywhere, so no reader of a format Wiredesk does not know yet would find a story in it either.
 * Only a list of two or more entries counts; a single record of unknown shape stays UNKNOWN_FORMAT.
 * Says what it is, for a dead letter a person can act on (NOT_NEWS), instead of "unknown format".
 */

/** Words a text node needs to count as prose. */
const PROSE_WORDS = 5;
const MAX_SCAN = 200_000;

export function describeNonNewsXml(text: string, root: string): string | undefined {
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
