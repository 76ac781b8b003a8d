/**
 * The fault test's load: distinct stories made from the project's fixtures (every wire format) by changing each
 * template's source ids and headline per copy, plus a known number of deliberately bad inputs and of redeliveries.
 * Every item is run through the in-process pipeline (what `wiredesk normalize` runs) once, which is the oracle: a good
 * item's (uri, version) pairs are what the store must end up holding; a bad item must be refused with a stable code.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { contentTypeForFile } from '@wiredesk/formats';
import { isWireError } from '@wiredesk/contracts';
import { DEFAULT_MAX_ARTICLES_PER_DELIVERY, normalizeBytes } from '@wiredesk/pipeline';
import { nestedPage, oversizedFeed } from '../support/pathological';
import { randomBytesFrom, type Random } from '../support/prng';

export type BadKind =
  'binary' | 'malformed-xml' | 'entity-bomb' | 'empty' | 'unknown-format' | 'nested-page' | 'oversized-feed';
export const BAD_KINDS: readonly BadKind[] = [
  'binary',
  'malformed-xml',
  'entity-bomb',
  'empty',
  'unknown-format',
  // issue 15: a page nested 100,000 deep (once a minute of blocked event loop) and a feed over the article limit
  'nested-page',
  'oversized-feed',
];

/**
 * Source names that once took the archive down when its raw copy was served (issue 15): non-Latin-1 and control
 * characters, as a producer writing straight to wire.raw may send them. Some good Kafka items carry one.
 */
export const ODD_SOURCES = ['新华社', 'agence\u0007france', 'тасс\r\nx-injected: 1'];

export interface LoadItem {
  /** stable id of the delivery: the Kafka key and, over HTTP, the Idempotency-Key */
  key: string;
  /** the ingest id (Kafka: set by us; HTTP: the deterministic one ingest answers with, filled in once accepted) */
  ingestId: string;
  channel: 'kafka' | 'http';
  kind: 'good' | 'redelivery' | BadKind;
  template: string;
  value: Buffer;
  contentType?: string;
  filename?: string;
  format?: string;
  /** good items and redeliveries: `${uri}|${version}` of every article the oracle made of the bytes */
  pairs: string[];
  /** bad items: the error code the oracle refused the bytes with */
  code?: string;
  /** the wd-source a Kafka item is sent with, when not the run's usual one (ODD_SOURCES) */
  source?: string;
}

interface Template {
  name: string;
  bytes: Buffer;
  contentType: string;
  latin1: boolean;
  replacements: { find: string; make: (tag: string) => string }[];
}

/** enrich/ holds labelled evaluation sets and the schema test suite is invalid on purpose: not wire copy. */
const SKIPPED = [/\/enrich\//, /\/test_suite\//, /\.md$/i, /LICENSE/];

export const pairKey = (uri: string, version: unknown): string => `${uri}|${version ?? ''}`;

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** What the oracle makes of some bytes: the pairs, or the code it refuses them with. */
export function oracle(
  bytes: Buffer,
  hints: { contentType?: string; filename?: string; format?: string },
): { pairs: string[] } | { code: string } {
  try {
    const result = normalizeBytes(bytes, hints as Parameters<typeof normalizeBytes>[1], {
      maxArticles: DEFAULT_MAX_ARTICLES_PER_DELIVERY, // the services' default MAX_ARTICLES_PER_DELIVERY
    });
    return { pairs: result.articles.map((a) => pairKey(a.uri, a.version)) };
  } catch (e) {
    if (isWireError(e)) return { code: e.code };
    throw e;
  }
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function makeCopy(t: Template, tag: string): Buffer {
  let text = t.bytes.toString(t.latin1 ? 'latin1' : 'utf8');
  for (const r of t.replacements) text = text.split(r.find).join(r.make(tag));
  return Buffer.from(text, t.latin1 ? 'latin1' : 'utf8');
}

/**
 * A template is kept when it normalizes and two copies of it are different stories from it and from each other (no
 * uri shared): then N copies are N sets of distinct stories.
 */
function analyse(path: string): Template | undefined {
  const bytes = readFileSync(path);
  const contentType = contentTypeForFile(path);
  const name = basename(path);
  let articles;
  try {
    articles = normalizeBytes(bytes, { contentType, filename: name }).articles;
  } catch {
    return undefined;
  }
  if (articles.length === 0) return undefined;
  const latin1 = !isUtf8(bytes);
  const text = bytes.toString(latin1 ? 'latin1' : 'utf8');
  const replacements: Template['replacements'] = [];
  const seen = new Set<string>();
  const add = (find: string, make: (tag: string) => string) => {
    if (find.length < 6 || seen.has(find) || !text.includes(find)) return;
    seen.add(find);
    replacements.push({ find, make });
  };
  for (const a of articles) {
    if (!a.uri.startsWith('urn:wiredesk:')) {
      const tail = a.uri.split(/[:/]/).filter(Boolean).pop() ?? a.uri;
      if (text.includes(a.uri)) add(a.uri, (tag) => `${a.uri}-${tag}`);
      else add(tail, (tag) => `${tail}-${tag}`);
    }
    const headline = a.headlines?.find((h) => h.role === 'main')?.value ?? a.headlines?.[0]?.value;
    if (headline) {
      add(headline, (tag) => `${headline} ${tag}`);
      add(escapeXml(headline), (tag) => `${escapeXml(headline)} ${tag}`);
    }
  }
  if (replacements.length === 0) return undefined;
  const t: Template = { name, bytes, contentType, latin1, replacements };
  const base = new Set(articles.map((a) => a.uri));
  const uris = (tag: string) => {
    const r = oracle(makeCopy(t, tag), { contentType, filename: name });
    return 'pairs' in r && r.pairs.length === articles.length ? r.pairs.map((p) => p.split('|')[0]) : undefined;
  };
  const a = uris('zqcheckone');
  const b = uris('zqchecktwo');
  if (!a || !b || a.some((u) => base.has(u) || b.includes(u))) return undefined;
  return t;
}

export function loadTemplates(fixturesDir: string): Template[] {
  const seen = new Set<string>();
  const out: Template[] = [];
  for (const path of walk(fixturesDir)) {
    if (SKIPPED.some((re) => re.test(path))) continue;
    const digest = readFileSync(path).toString('base64');
    if (seen.has(digest)) continue;
    seen.add(digest);
    const t = analyse(path);
    if (t) out.push(t);
  }
  return out;
}

/** The bad input of one kind, varied per copy so no two are the same bytes. */
function badInput(
  kind: BadKind,
  n: number,
  rnd: Random,
  xmlTemplates: Template[],
): Pick<LoadItem, 'value' | 'contentType' | 'format' | 'filename'> {
  switch (kind) {
    case 'binary':
      return { value: randomBytesFrom(rnd, 200 + Math.floor(rnd() * 4000)), contentType: 'application/octet-stream' };
    case 'malformed-xml': {
      // a real agency document cut off mid-way (what a dropped connection leaves)
      const t = xmlTemplates[n % xmlTemplates.length];
      const copy = makeCopy(t, `bad${n}`);
      const cut = Math.floor(copy.length * (0.35 + 0.3 * rnd()));
      return {
        value: Buffer.concat([copy.subarray(0, cut), Buffer.from('<p>cut <b>here</p>')]),
        contentType: 'application/xml',
      };
    }
    case 'entity-bomb': {
      const lol = (i: number) => Array(10).fill(`&lol${i};`).join('');
      return {
        value: Buffer.from(
          `<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY lol0 "lol${n}">` +
            [1, 2, 3, 4, 5, 6, 7, 8].map((i) => `<!ENTITY lol${i} "${lol(i - 1)}">`).join('') +
            `]><nitf><head><title>&lol8;</title></head><body><body.content><p>&lol8;</p></body.content></body></nitf>`,
        ),
        contentType: 'application/xml',
      };
    }
    case 'empty':
      return { value: Buffer.from(' \r\n\t '.repeat(1 + (n % 5))), contentType: 'text/plain' };
    case 'unknown-format':
      return { value: Buffer.from(`A perfectly readable line of copy number ${n}.`), format: `telex-${n % 7}` };
    case 'nested-page':
      return { value: nestedPage(100_000 + 2 * n), contentType: 'text/html' };
    case 'oversized-feed':
      return {
        value: oversizedFeed(DEFAULT_MAX_ARTICLES_PER_DELIVERY + 200, `over${n}`),
        contentType: 'application/rss+xml',
      };
  }
}

export interface LoadPlan {
  items: LoadItem[];
  templates: number;
}

/**
 * `total` deliveries: about 5 % bad (every kind), 4 % redeliveries of earlier good items (same bytes, another ingest
 * id and channel: the store must treat them as no-ops), the rest good copies, round-robin over the templates. About
 * 15 % go over HTTP (ingest), the rest straight to wire.raw.
 */
export function buildLoad(fixturesDir: string, total: number, runTag: string, rnd: Random): LoadPlan {
  const templates = loadTemplates(fixturesDir);
  if (templates.length < 5) throw new Error(`only ${templates.length} usable templates in ${fixturesDir}`);
  const xmlTemplates = templates.filter((t) => t.contentType === 'application/xml');
  const badCount = Math.max(BAD_KINDS.length, Math.round(total * 0.05));
  const redeliveryCount = Math.round(total * 0.04);
  const goodCount = total - badCount - redeliveryCount;
  const items: LoadItem[] = [];
  const channel = (): LoadItem['channel'] => (rnd() < 0.15 ? 'http' : 'kafka');

  for (let i = 0; i < goodCount; i++) {
    const t = templates[i % templates.length];
    const value = makeCopy(t, `${runTag}x${i.toString(36)}`);
    const verdict = oracle(value, { contentType: t.contentType, filename: t.name });
    if (!('pairs' in verdict)) throw new Error(`copy ${i} of ${t.name} does not normalize: ${verdict.code}`);
    const via = channel();
    // a few Kafka items with an odd source name (the first one always): their raw copy must still be served
    const odd = via === 'kafka' && (i === 0 || rnd() < 0.03);
    items.push({
      key: `${runTag}-good-${i}`,
      ingestId: randomUUID(),
      channel: i === 0 ? 'kafka' : via,
      ...(odd ? { source: ODD_SOURCES[i % ODD_SOURCES.length] } : {}),
      kind: 'good',
      template: t.name,
      value,
      contentType: t.contentType,
      filename: t.name,
      pairs: verdict.pairs,
    });
  }
  for (let i = 0; i < badCount; i++) {
    const kind = BAD_KINDS[i % BAD_KINDS.length];
    const bad = badInput(kind, i, rnd, xmlTemplates);
    const verdict = oracle(bad.value, bad);
    if (!('code' in verdict)) throw new Error(`bad input ${i} (${kind}) normalizes; the generator is wrong`);
    // empty bodies are refused by ingest itself (400, never in wire.raw): those go straight to Kafka
    const via = kind === 'empty' || kind === 'unknown-format' ? 'kafka' : channel();
    items.push({
      key: `${runTag}-bad-${i}`,
      ingestId: randomUUID(),
      channel: via,
      kind,
      template: kind,
      pairs: [],
      code: verdict.code,
      ...bad,
    });
  }
  const goods = items.filter((it) => it.kind === 'good');
  for (let i = 0; i < redeliveryCount; i++) {
    const original = goods[Math.floor(rnd() * goods.length)];
    items.push({
      ...original,
      key: `${runTag}-again-${i}`,
      ingestId: randomUUID(),
      channel: original.channel === 'http' ? 'kafka' : 'http',
      kind: 'redelivery',
    });
  }
  // mixed order, but a redelivery never before its original (it would then be the original)
  const order = items.map((it, i) => ({ it, at: it.kind === 'redelivery' ? 0.5 + 0.5 * rnd() : rnd() * 0.9, i }));
  order.sort((a, b) => a.at - b.at || a.i - b.i);
  return { items: order.map((o) => o.it), templates: templates.length };
}

/** Messages written straight into the internal topics, as a broken or hostile producer would. */
export interface PoisonMessage {
  topic: 'wireParsed' | 'articles';
  ingestId: string;
  value: Buffer;
}

export function poisonBatch(runTag: string, n: number): PoisonMessage[] {
  const id = () => randomUUID();
  return [
    {
      topic: 'wireParsed',
      ingestId: id(),
      value: Buffer.from(`{"meta": {"ingestId": "x"}, "articles": [ ${runTag}-${n}`),
    },
    { topic: 'wireParsed', ingestId: id(), value: Buffer.from(JSON.stringify({ hello: 'not an envelope', n })) },
    { topic: 'articles', ingestId: id(), value: Buffer.from(`{"uri": "urn:poison:${runTag}:${n}", "headlines": [`) },
    {
      topic: 'articles',
      ingestId: id(),
      value: Buffer.from(JSON.stringify({ uri: `urn:poison:${runTag}:${n}`, extra: true })),
    },
  ];
}
