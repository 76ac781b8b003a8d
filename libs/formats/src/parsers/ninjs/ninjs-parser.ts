import { ErrorCode, WireError } from '@wiredesk/contracts';
import type { WireItem } from '../../model/wire-item';
import { finalizeItem } from '../common/finalize';
import type { ParseInput, WireParser } from '../parser';
import { ninjsToItem } from './ninjs';

type Json = Record<string, unknown>;

export const MAX_JSON_DEPTH = 200;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Nesting depth of JSON text, counted outside strings, stopping as soon as it passes the limit. */
function checkJsonDepth(text: string, max: number): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max)
        throw new WireError(ErrorCode.NESTING_TOO_DEEP, `The JSON nests more than ${max} levels deep.`);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}

function parseJson(text: string): unknown[] {
  try {
    return [JSON.parse(text)];
  } catch (whole) {
    // NDJSON: one document per line
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (lines.length > 1) {
      try {
        return lines.map((l) => JSON.parse(l) as unknown);
      } catch {
        // fall through to the error of the whole text
      }
    }
    const reason = whole instanceof Error ? whole.message : String(whole);
    throw new WireError(ErrorCode.MALFORMED_JSON, `The ninjs JSON is malformed: ${reason.replace(/\.$/, '')}.`);
  }
}

const NINJS_KEYS =
  /^(?:uri|headline|headlines|bodies|body_text|body_xhtml|body_html|versioncreated|renditions|descriptions)$/i;

function looksLikeNinjs(obj: Json): boolean {
  return Object.keys(obj).some((k) => NINJS_KEYS.test(k));
}

/** The ninjs documents in a JSON value: one document, an array of them, or a feed wrapper ({items: [{item: …}]}). */
function documentsIn(value: unknown): Json[] {
  const docs: Json[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4) return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
    } else if (isObject(v)) {
      if (looksLikeNinjs(v)) docs.push(v);
      // {item: {…}} (AP media API), {total, item: […]} (the BBC's LDRS), {items: […]}, {data: {…}}
      else if (isObject(v.item) || Array.isArray(v.item)) visit(v.item, depth + 1);
      else if (Array.isArray(v.items)) visit(v.items, depth + 1);
      else if (isObject(v.data)) visit(v.data, depth + 1);
    }
  };
  visit(value, 0);
  return docs;
}

/** ninjs 1.x, 2.x, 3.x: a document, an array, NDJSON, or a feed wrapping items. */
export const ninjsParser: WireParser = {
  format: 'ninjs',
  sniff(input: ParseInput): number {
    const head = input.text
      .slice(0, 4096)
      .replace(/^\uFEFF/, '')
      .trimStart();
    if (!/^[[{]/.test(head)) return 0;
    const hasUri = /"uri"\s*:/.test(head);
    const hasNinjs =
      /"(?:headlines?|bodies|body_text|body_xhtml|versioncreated|versionCreated|pubstatus|pubStatus|renditions)"\s*:/.test(
        head,
      );
    if (hasUri && hasNinjs) return 0.92;
    return hasUri || hasNinjs ? 0.6 : 0.15;
  },
  parse(input: ParseInput): WireItem[] {
    const text = input.text.replace(/^\uFEFF/, '').trim();
    if (text === '') throw new WireError(ErrorCode.MALFORMED_JSON, 'The ninjs JSON is empty.');
    checkJsonDepth(text, MAX_JSON_DEPTH);
    const docs = parseJson(text).flatMap(documentsIn);
    if (docs.length === 0) {
      throw new WireError(
        ErrorCode.INVALID_NINJS,
        'The JSON holds no ninjs document (no uri, headline, body or renditions).',
      );
    }
    return docs.map((d) => finalizeItem(ninjsToItem(d), { xhtml: true }));
  },
};
