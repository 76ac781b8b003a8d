import { ErrorCode, WireError } from '@wiredesk/contracts';
import { Parser } from 'htmlparser2';

/**
 * How deep HTML may nest elements before the page is refused (NESTING_TOO_DEEP), like XML's limit
 * (xml/safe-xml.ts). Real pages stay far below it (deep "div soup" reaches 40-80); the DOM builders cost grows with
 * the square of the depth (a 600 KB page of 100,000 nested `<b><i>` took a minute in linkedom), so a page past it
 * is refused before any DOM is built.
 */
export const HTML_MAX_DEPTH = 512;

/** Thrown from inside the tokenizer's callback to stop it at the first element past the limit. */
class TooDeep extends Error {}

/**
 * Throws NESTING_TOO_DEEP when the HTML opens elements more than `limit` deep, counted the way the DOM will be built
 * (htmlparser2's tokenizer with its implied end tags: an unclosed `<p>` or `<li>` does not count twice). Stops at the
 * first element past the limit, so a hostile page costs no more than its first `limit` levels.
 */
export function assertHtmlDepth(html: string, limit = HTML_MAX_DEPTH): void {
  // an element needs at least 3 characters (`<b>`): a short page cannot be too deep
  if (html.length < limit * 3) return;
  let depth = 0;
  const parser = new Parser(
    {
      onopentag: () => {
        if (++depth > limit) throw new TooDeep();
      },
      onclosetag: () => {
        depth--;
      },
    },
    { decodeEntities: false, lowerCaseTags: true },
  );
  try {
    parser.end(html);
  } catch (e) {
    if (!(e instanceof TooDeep)) throw e;
    throw new WireError(ErrorCode.NESTING_TOO_DEEP, `The HTML nests elements more than ${limit} levels deep.`);
  }
}
