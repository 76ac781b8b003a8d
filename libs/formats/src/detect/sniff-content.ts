import type { WireFormat } from '../model/wire-item';

export interface XmlRoot {
  /** local name of the root element, without prefix */
  name: string;
  prefix?: string;
  /** the namespace the root element is in, when declared on the root itself */
  namespace?: string;
}

const HEAD_CHARS = 8192;

/**
 * The root element of an XML (or HTML) document, read from its opening characters only: skips the XML declaration,
 * processing instructions, comments and a DOCTYPE (with an internal subset). Cheap and never builds a tree.
 */
export function sniffXmlRoot(text: string): XmlRoot | undefined {
  const head = text.slice(0, HEAD_CHARS);
  let i = 0;
  for (;;) {
    while (i < head.length && /\s|\ufeff/.test(head[i])) i++;
    if (head[i] !== '<') return undefined;
    if (head.startsWith('<?', i)) {
      const end = head.indexOf('?>', i);
      if (end < 0) return undefined;
      i = end + 2;
    } else if (head.startsWith('<!--', i)) {
      const end = head.indexOf('-->', i);
      if (end < 0) return undefined;
      i = end + 3;
    } else if (/^<!entity/i.test(head.slice(i, i + 8))) {
      // a stray entity declaration before the root: skip it, so the XML reader sees the document and refuses it
      const end = head.indexOf('>', i);
      if (end < 0) return undefined;
      i = end + 1;
    } else if (/^<!doctype/i.test(head.slice(i, i + 9))) {
      const bracket = head.indexOf('[', i);
      const close = head.indexOf('>', i);
      if (close < 0) return undefined;
      if (bracket >= 0 && bracket < close) {
        const subsetEnd = head.indexOf(']', bracket);
        if (subsetEnd < 0) return undefined;
        const after = head.indexOf('>', subsetEnd);
        if (after < 0) return undefined;
        i = after + 1;
      } else {
        i = close + 1;
      }
    } else {
      const m = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*)/.exec(head.slice(i, i + 4000));
      if (!m) return undefined;
      const prefix = m[1]?.slice(0, -1);
      const attrs = m[3] ?? '';
      const nsAttr = prefix ? `xmlns:${prefix}` : 'xmlns';
      const ns = new RegExp(`\\s${nsAttr.replace('.', '\\.')}\\s*=\\s*["']([^"']*)["']`).exec(attrs);
      return { name: m[2], prefix, namespace: ns?.[1] };
    }
  }
}

export const NAMESPACES = {
  newsmlG2: 'http://iptc.org/std/nar/2006-10-01/',
  atom: 'http://www.w3.org/2005/Atom',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss1: 'http://purl.org/rss/1.0/',
  xhtml: 'http://www.w3.org/1999/xhtml',
};

const G2_ROOTS = new Set(['newsItem', 'newsMessage', 'packageItem', 'conceptItem', 'knowledgeItem', 'planningItem']);

/** What the root element says the document is, with a confidence. */
export function formatFromXmlRoot(root: XmlRoot): { format: WireFormat; confidence: number } | undefined {
  const name = root.name;
  const lower = name.toLowerCase();
  if (lower === 'html') return { format: 'html', confidence: 0.95 };
  if (lower === 'nitf') return { format: 'nitf', confidence: 0.95 };
  if (G2_ROOTS.has(name)) {
    return { format: 'newsml-g2', confidence: root.namespace === NAMESPACES.newsmlG2 ? 0.98 : 0.85 };
  }
  if (name === 'NewsML') return { format: 'newsml-1', confidence: 0.95 };
  if (lower === 'rss') return { format: 'rss', confidence: 0.95 };
  if (name === 'RDF' && root.namespace === NAMESPACES.rdf) return { format: 'rss', confidence: 0.8 };
  if (name === 'feed') return { format: 'atom', confidence: root.namespace === NAMESPACES.atom ? 0.98 : 0.8 };
  if (name === 'entry' && root.namespace === NAMESPACES.atom) return { format: 'atom', confidence: 0.9 };
  return undefined;
}

/** Keys only ninjs documents combine. */
const NINJS_KEYS = [
  'uri',
  'headline',
  'headlines',
  'body_text',
  'body_html',
  'bodies',
  'versioncreated',
  'firstcreated',
  'versionCreated',
  'firstCreated',
  'pubstatus',
  'pubStatus',
  'associations',
  'renditions',
  'byline',
  'located',
  'description_text',
];

/**
 * Any of the keys as a JSON member name (`"uri":`), all found in one scan: member names hold no quotes, so no two
 * matches can overlap and every key that occurs is seen.
 */
const NINJS_MEMBER = new RegExp(`"(${NINJS_KEYS.join('|')})"\\s*:`, 'g');

function ninjsKeysIn(head: string): number {
  const found = new Set<string>();
  for (const m of head.matchAll(NINJS_MEMBER)) found.add(m[1]);
  return found.size;
}

/** A JSON document that looks like ninjs (or a list of ninjs documents). */
export function sniffNinjsJson(text: string): number {
  const start = text.trimStart().slice(0, 1);
  if (start !== '{' && start !== '[') return 0;
  const head = text.slice(0, 16384);
  const hits = ninjsKeysIn(head);
  if (/"\$schema"\s*:\s*"[^"]*ninjs/i.test(head)) return 0.98;
  if (hits >= 3) return 0.9;
  if (hits >= 2 && /"uri"\s*:/.test(head)) return 0.8;
  return 0;
}

const SOH = '\x01';
const STX = '\x02';
const ETX = '\x03';
const SYN = '\x16';

/**
 * IPTC 7901 and ANPA 1312 frame each message with control characters: SOH (start of header), STX (start of text),
 * ETX (end of text). ANPA transmissions begin with SYN SYN. A single framed message is enough.
 */
export function sniffControlFramed(text: string): { format: WireFormat; confidence: number } | undefined {
  const head = text.slice(0, 4096);
  const soh = head.indexOf(SOH);
  if (soh < 0 || soh > 64) return undefined;
  const stx = text.indexOf(STX, soh);
  if (stx < 0) return undefined;
  const etx = text.indexOf(ETX, stx);
  const framed = etx > stx ? 0.1 : 0;
  if (head.slice(0, soh).includes(SYN)) return { format: 'anpa1312', confidence: 0.7 + framed };
  return { format: 'iptc7901', confidence: 0.6 + framed };
}
