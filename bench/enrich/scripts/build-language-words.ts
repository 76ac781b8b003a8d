/**
 * Builds libs/enrich/data/language-words.json, the word frequencies the language detector compares a text with: the
 * most frequent words of each language with their frequency in centibels (cB, 100·log10 of the frequency), from
 *  - the word lists of the PyPI package wordfreq 3.1.1 (data CC BY-SA 4.0; `small_<lang>.msgpack.gz` in its wheel),
 *  - Norwegian Nynorsk, which wordfreq lacks: the no-NN names and definitions of the IPTC Media Topics CSV (CC BY 4.0),
 *    train split only (topics whose id hashes to train in language-split.ts), counted here.
 * Run offline, commit the output (see data/language-words.PROVENANCE.md):
 *   pip download --no-deps wordfreq==3.1.1 -d /tmp/wf && unzip -q /tmp/wf/wordfreq-3.1.1-py3-none-any.whl -d /tmp/wf
 *   npm run build && node dist/bench/enrich/scripts/build-language-words.js /tmp/wf/wordfreq/data
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseCsv } from './csv';
import { iptcRowsOf, splitOfTopic } from './language-split';
import { dataDir } from './paths';

/** wordfreq's name → the language tag the detector gives ('sh' is Serbo-Croatian: hr/sr/bs are told apart later). */
const WORDFREQ_LANGUAGES = [
  'en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'da', 'sv', 'nb', 'fi', 'pl', 'cs', 'sk', 'sl', 'ro', 'hu', 'tr', 'id',
  'ms', 'ca', 'lt', 'lv', 'is', 'sh', 'vi', 'ru', 'uk', 'bg', 'mk',
]; // prettier-ignore
/** Words kept per language: enough for the function words and the common vocabulary of news copy. */
const WORDS_PER_LANGUAGE = 6000;
const WORD = /^\p{L}[\p{L}\p{M}'’.-]*$/u;
/** Trigrams rarer than this (cB) are left out: the detector gives unseen trigrams this floor anyway. */
const TRIGRAM_FLOOR_CB = -600;

/** The subset of MessagePack that wordfreq's cBpack files use: arrays, maps, strings, small integers. */
function unpack(buf: Buffer): unknown {
  let pos = 0;
  const str = (n: number): string => {
    const s = buf.toString('utf8', pos, pos + n);
    pos += n;
    return s;
  };
  const arr = (n: number): unknown[] => Array.from({ length: n }, () => read());
  const map = (n: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) out[String(read())] = read();
    return out;
  };
  function read(): unknown {
    const b = buf[pos++];
    if (b <= 0x7f) return b;
    if (b >= 0x80 && b <= 0x8f) return map(b & 0x0f);
    if (b >= 0x90 && b <= 0x9f) return arr(b & 0x0f);
    if (b >= 0xa0 && b <= 0xbf) return str(b & 0x1f);
    switch (b) {
      case 0xd9:
        return str(buf[pos++]);
      case 0xda:
        pos += 2;
        return str(buf.readUInt16BE(pos - 2));
      case 0xdc:
        pos += 2;
        return arr(buf.readUInt16BE(pos - 2));
      case 0xdd:
        pos += 4;
        return arr(buf.readUInt32BE(pos - 4));
      case 0xde:
        pos += 2;
        return map(buf.readUInt16BE(pos - 2));
      case 0xcc:
        return buf[pos++];
      default:
        throw new Error(`msgpack type 0x${b.toString(16)} not expected in a cBpack file`);
    }
  }
  return read();
}

/** [cB, words] buckets, most frequent first, at most `limit` words. */
function wordfreqBuckets(dir: string, lang: string, limit: number): [number, string[]][] {
  const data = unpack(gunzipSync(readFileSync(join(dir, `small_${lang}.msgpack.gz`)))) as unknown[];
  const out: [number, string[]][] = [];
  let kept = 0;
  // data[0] is the header; bucket i holds the words of frequency 10^(-i/100)
  for (let i = 1; i < data.length && kept < limit; i++) {
    const words = (data[i] as string[]).filter((w) => WORD.test(w)).slice(0, limit - kept);
    if (words.length) out.push([-(i - 1), words]);
    kept += words.length;
  }
  return out;
}

/** Counts words of running text into [cB, words] buckets (wordfreq's unit), most frequent first. */
function countedBuckets(texts: string[], limit: number): [number, string[]][] {
  const counts = new Map<string, number>();
  let total = 0;
  for (const t of texts)
    for (const w of t.toLowerCase().match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? []) {
      counts.set(w, (counts.get(w) ?? 0) + 1);
      total++;
    }
  const byCb = new Map<number, string[]>();
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
  for (const [w, n] of ranked) {
    const cb = Math.round(100 * Math.log10(n / total));
    const list = byCb.get(cb) ?? [];
    list.push(w);
    byCb.set(cb, list);
  }
  return [...byCb].sort((a, b) => b[0] - a[0]);
}

/** Letter trigrams of the words (padded with a space each side), weighted by word frequency: [cB, trigrams] buckets. */
function trigramBuckets(buckets: [number, string[]][]): [number, string[]][] {
  const counts = new Map<string, number>();
  let total = 0;
  for (const [cb, words] of buckets) {
    const freq = 10 ** (cb / 100);
    for (const w of words) {
      const padded = ` ${w} `;
      for (let i = 0; i + 3 <= padded.length; i++) {
        const tri = padded.slice(i, i + 3);
        counts.set(tri, (counts.get(tri) ?? 0) + freq);
        total += freq;
      }
    }
  }
  const byCb = new Map<number, string[]>();
  for (const [tri, c] of counts) {
    const cb = Math.round(100 * Math.log10(c / total));
    if (cb < TRIGRAM_FLOOR_CB) continue;
    const list = byCb.get(cb) ?? [];
    list.push(tri);
    byCb.set(cb, list);
  }
  return [...byCb].sort((a, b) => b[0] - a[0]).map(([cb, list]) => [cb, list.sort()]);
}

/** Per-language [cB, items] buckets → one table: the items in first-seen order and, per item, k then k (language, cB). */
function table(perLanguage: [number, string[]][][]): { keys: string[]; entries: number[] } {
  const rows = new Map<string, number[]>();
  perLanguage.forEach((buckets, l) => {
    for (const [cb, items] of buckets)
      for (const item of items) {
        const row = rows.get(item) ?? [];
        row.push(l, cb);
        rows.set(item, row);
      }
  });
  const entries: number[] = [];
  for (const row of rows.values()) entries.push(row.length / 2, ...row);
  return { keys: [...rows.keys()], entries };
}

function main(): void {
  const wordfreqDir = process.argv[2];
  if (!wordfreqDir) throw new Error('usage: build-language-words <wordfreq data folder (small_*.msgpack.gz)>');
  const languages: Record<string, [number, string[]][]> = {};
  for (const lang of WORDFREQ_LANGUAGES) languages[lang] = wordfreqBuckets(wordfreqDir, lang, WORDS_PER_LANGUAGE);

  const csv = parseCsv(readFileSync(join(dataDir(), 'sources', 'mediatopics-2023-10-24.csv'), 'utf8'));
  const nynorsk = iptcRowsOf(csv, 'no-NN')
    .filter((r) => splitOfTopic(r.id) === 'train')
    .map((r) => r.text);
  languages.nn = countedBuckets(nynorsk, WORDS_PER_LANGUAGE);

  const langs = Object.keys(languages);
  const wordTable = table(langs.map((l) => languages[l]));
  const trigramTable = table(langs.map((l) => trigramBuckets(languages[l])));
  const out = {
    _comment:
      'Generated by bench/enrich/scripts/build-language-words.ts from wordfreq 3.1.1 data (CC BY-SA 4.0) and the IPTC Media Topics no-NN train split (CC BY 4.0): see language-words.PROVENANCE.md. words: the most frequent words of each language, space-separated; wordEntries: per word in that order, the number k of languages listing it, then k pairs (language index, cB = 100·log10 of its frequency there). trigrams / trigramEntries: the same for letter trigrams (the word padded with a space each side; "|" between trigrams), weighted by word frequency.',
    languages: langs,
    words: wordTable.keys.join(' '),
    wordEntries: wordTable.entries,
    trigrams: trigramTable.keys.join('|'),
    trigramEntries: trigramTable.entries,
  };
  writeFileSync(join(dataDir(), 'language-words.json'), `${JSON.stringify(out)}\n`);
  for (const [lang, buckets] of Object.entries(languages))
    process.stdout.write(`${lang}: ${buckets.reduce((n, b) => n + b[1].length, 0)} words\n`);
}

main();
