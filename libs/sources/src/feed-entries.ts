import { XMLValidator } from 'fast-xml-parser';
import { Parser } from 'htmlparser2';
import { digest } from './remote-files';
import { SourceError } from './source-errors';

/** One item a source offers: its identity for "seen", and the bytes to deliver. */
export interface OfferedItem {
  key: string;
  body: Buffer;
  contentType?: string;
  filename?: string;
}

/** Looks like a web page rather than a feed: what an expired domain, a login wall or a 500 page sends back. */
export function looksLikeHtml(text: string, contentType?: string): boolean {
  if (contentType && /^text\/html\b/i.test(contentType)) return true;
  const head = text
    .slice(0, 2048)
    .replace(/^\uFEFF/, '')
    .trimStart();
  return /^<!doctype html/i.test(head) || /^(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<html[\s>]/i.test(head);
}

/**
 * Splits a feed (RSS 0.9x/1.0/2.0, Atom, JSON Feed) into one delivery per entry. Each delivery is the feed itself
 * with only that entry: the channel's head (title, language, namespaces) stays, so the normalizer reads the entry as
 * it would in the whole feed, while each entry is delivered, remembered and dead-lettered on its own. The XML is cut
 * at byte offsets (read as latin1, one character per byte), so the entry's bytes and the declared encoding are kept.
 * The key is the entry's guid (Atom: id), else its link and a hash of its bytes.
 */
export function splitFeed(body: Buffer, contentType?: string): OfferedItem[] {
  const text = body.toString('latin1');
  const start = text.replace(/^(\uFEFF|\u00EF\u00BB\u00BF)/, '').trimStart();
  if (looksLikeHtml(start, contentType)) {
    throw new SourceError('parse', 'The feed URL answered with an HTML page instead of a feed (an error page?).');
  }
  if (start.startsWith('{')) return splitJsonFeed(body);
  // bare ampersands are common in agency feeds and the normalizer reads them: only structure is checked here
  const valid = XMLValidator.validate(text.replace(/&(?!#?[\w.-]+;)/g, '&amp;'), { allowBooleanAttributes: true });
  if (valid !== true) {
    throw new SourceError('parse', `The feed no longer parses: ${valid.err.msg} (line ${valid.err.line}).`);
  }
  return splitXmlFeed(body, text, contentType);
}

interface EntrySpan {
  start: number;
  end: number;
  guid?: string;
  link?: string;
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return (i >= 0 ? name.slice(i + 1) : name).toLowerCase();
}

function splitXmlFeed(body: Buffer, text: string, contentType?: string): OfferedItem[] {
  const stack: string[] = [];
  const spans: EntrySpan[] = [];
  let root: string | undefined;
  let current: EntrySpan | undefined;
  let entryDepth = -1;
  let field: 'guid' | 'link' | undefined;
  let fieldText = '';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const local = localName(name);
        if (!root) root = local;
        stack.push(local);
        const entryTag = (root === 'feed' && local === 'entry') || (root !== 'feed' && local === 'item');
        if (!current && entryTag) {
          current = { start: parser.startIndex, end: -1 };
          entryDepth = stack.length;
          // RSS 1.0 names its items by rdf:about
          if (attributes['rdf:about']) current.link = attributes['rdf:about'];
          return;
        }
        if (current && stack.length === entryDepth + 1) {
          if (local === 'guid' || (root === 'feed' && local === 'id')) field = 'guid';
          else if (local === 'link') {
            if (attributes.href && (!attributes.rel || attributes.rel === 'alternate'))
              current.link ??= attributes.href;
            else if (!attributes.href) field = 'link';
          }
          fieldText = '';
        }
      },
      ontext(data) {
        if (field) fieldText += data;
      },
      onclosetag() {
        if (current && field && stack.length === entryDepth + 1) {
          const value = fieldText.trim();
          if (value) current[field] ??= value;
          field = undefined;
        }
        if (current && stack.length === entryDepth) {
          current.end = parser.endIndex + 1;
          spans.push(current);
          current = undefined;
        }
        stack.pop();
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(text);
  if (!root || !['rss', 'rdf', 'feed', 'channel'].includes(root)) {
    throw new SourceError('parse', `The document is not a feed (its root element is <${root ?? 'none'}>).`);
  }
  if (spans.length === 0) return [];
  const head = body.subarray(0, spans[0].start);
  const tail = body.subarray(spans[spans.length - 1].end);
  const type = contentType && /xml/i.test(contentType) ? contentType : undefined;
  return spans.map((span) => {
    const entry = body.subarray(span.start, span.end);
    const key = span.guid
      ? `guid:${span.guid}`
      : span.link
        ? `link:${span.link}|${digest(entry)}`
        : `hash:${digest(entry)}`;
    return { key, body: Buffer.concat([head, entry, tail]), contentType: type };
  });
}

function splitJsonFeed(body: Buffer): OfferedItem[] {
  let feed: Record<string, unknown>;
  try {
    feed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new SourceError('parse', `The JSON feed no longer parses: ${(e as Error).message}.`);
  }
  if (!feed || typeof feed !== 'object' || !Array.isArray(feed.items)) {
    throw new SourceError('parse', 'The JSON document is not a JSON Feed (it has no "items" list).');
  }
  const { items, ...head } = feed as { items: unknown[] };
  return items
    .filter((item): item is Record<string, unknown> => !!item && typeof item === 'object')
    .map((item) => {
      const bytes = Buffer.from(JSON.stringify({ ...head, items: [item] }));
      const link = typeof item.url === 'string' ? item.url : undefined;
      const key =
        item.id !== undefined && item.id !== null && item.id !== ''
          ? `guid:${String(item.id)}`
          : link
            ? `link:${link}|${digest(JSON.stringify(item))}`
            : `hash:${digest(JSON.stringify(item))}`;
      return { key, body: bytes, contentType: 'application/feed+json' };
    });
}

/**
 * What an agency API answers (kind `http`): a JSON list of ninjs documents (an array, or `items`/`data` holding one)
 * gives one delivery per document, keyed by uri and version; anything else (a NewsML-G2 message, one ninjs, a NITF
 * file) is one delivery, keyed by its content, so the same file is delivered once and a changed one again. An HTML
 * page where copy was expected is a parse error, unless the source says its format is html.
 */
export function splitHttpDocument(body: Buffer, contentType?: string, formatHint?: string): OfferedItem[] {
  const text = body.toString('utf8');
  if (formatHint !== 'html' && looksLikeHtml(text, contentType)) {
    throw new SourceError('parse', 'The URL answered with an HTML page instead of wire copy (an error page?).');
  }
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new SourceError('parse', `The JSON answer no longer parses: ${(e as Error).message}.`);
    }
    const list = Array.isArray(doc)
      ? doc
      : Array.isArray((doc as { items?: unknown }).items)
        ? (doc as { items: unknown[] }).items
        : Array.isArray((doc as { data?: unknown }).data)
          ? (doc as { data: unknown[] }).data
          : undefined;
    if (list) {
      return list
        .filter((item): item is Record<string, unknown> => !!item && typeof item === 'object')
        .map((item) => {
          const json = JSON.stringify(item);
          const key =
            typeof item.uri === 'string'
              ? `uri:${item.uri}|${String(item.version ?? '')}|${digest(json)}`
              : `hash:${digest(json)}`;
          return { key, body: Buffer.from(json), contentType: 'application/json' };
        });
    }
  }
  return [{ key: `doc:${digest(body)}`, body, contentType }];
}
