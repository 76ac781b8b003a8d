/**
 * Language identification measured on labelled text the detector never learnt from, split as language-split.ts says:
 *   npm run bench:language -- [--split dev|test] [--details]
 * Sources: the IPTC Media Topics definitions (13 locale columns; names too, as very short text), SIB-200 (en fr de es)
 * and, when installed, Debian's translated documentation (/usr/share/man/<lang>, the installation guide) — prose the
 * frequency lists were not built from. Figures per language for one sentence and for a paragraph (five sentences or
 * one documentation paragraph), "und" counted as a miss. Tune on dev; report test once.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { detectLanguage, type LanguageKnowledge } from '../../libs/enrich/src/language/language-detector';
import { loadLanguageKnowledge } from '../../libs/enrich/src/resources';
import { tokenize } from '../../libs/enrich/src/text/tokenizer';
import { NO_INFO, type WordInfo } from '../../libs/enrich/src/text/word-info';
import { parseCsv } from './scripts/csv';
import { IPTC_LOCALES, iptcRowsOf, type Split, splitOfDocument, splitOfTopic } from './scripts/language-split';
import { dataDir } from './scripts/paths';

export interface Sample {
  source: string;
  language: string;
  kind: 'name' | 'sentence' | 'paragraph' | 'mixed';
  text: string;
}

const MAN_ROOT = '/usr/share/man';
const GUIDE_ROOT = '/usr/share/doc/installation-guide-amd64';
/** documentation folders → language tag (folders of scripts the model does not read are left out) */
const DOC_LANGUAGES: Record<string, string> = {
  ca: 'ca', cs: 'cs', da: 'da', de: 'de', el: 'el', en: 'en', es: 'es', fi: 'fi', fr: 'fr', hr: 'hr', hu: 'hu',
  id: 'id', it: 'it', nl: 'nl', pl: 'pl', pt: 'pt', pt_BR: 'pt', ro: 'ro', ru: 'ru', sl: 'sl', sr: 'sr', sv: 'sv',
  tr: 'tr', uk: 'uk', vi: 'vi',
}; // prettier-ignore
const PER_LANGUAGE = 150;

function sentencesOf(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?])\s+(?=\p{Lu})/u)
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 6);
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

/** Paragraphs of running text of a man page (roff requests and font escapes dropped). */
function manParagraphs(path: string): string[] {
  const raw = path.endsWith('.gz') ? gunzipSync(readFileSync(path)).toString('utf8') : readFileSync(path, 'utf8');
  const out: string[] = [];
  let cur: string[] = [];
  const flush = (): void => {
    if (cur.length) out.push(cur.join(' '));
    cur = [];
  };
  for (const line of raw.split('\n')) {
    if (/^\.(PP|P|LP|SH|SS|TP|IP|sp|br|HP)\b/.test(line)) flush();
    if (line.startsWith('.') || line.startsWith("'")) continue;
    const text = line
      .replace(/\\f[BIRP]|\\f\(..|\\f\[[^\]]*\]|\\\*\(..|\\\*\[[^\]]*\]|\\\(..|\\\[[^\]]*\]|\\[&|^%e-]/g, '')
      .replace(/\\(.)/g, '$1')
      .trim();
    if (text) cur.push(text);
  }
  flush();
  return out.filter((p) => p.length >= 150 && !/[{};=]|--|\/\//.test(p));
}

function htmlParagraphs(path: string): string[] {
  const raw = readFileSync(path, 'utf8');
  const out: string[] = [];
  for (const m of raw.matchAll(/<p>([\s\S]*?)<\/p>/g)) {
    const text = m[1]
      .replace(/<[^>]+>/g, '')
      .replace(/&nbsp;|&#160;/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
      .replace(/&[a-z]+;|&#\d+;/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (text.length >= 150 && !/[{};=]|--|\/\//.test(text)) out.push(text);
  }
  return out;
}

/** Translated documentation keeps some paragraphs in English: those (a quarter or more English stop words) are left out. */
function untranslatedEnglish(text: string, english: ReadonlySet<string>): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.filter((w) => english.has(w)).length >= 0.25 * words.length;
}

function documentationSamples(split: Split): Sample[] {
  const out: Sample[] = [];
  const stop = JSON.parse(readFileSync(join(dataDir(), 'stopwords.json'), 'utf8')) as Record<string, string[]>;
  const english = new Set(stop.en);
  for (const [root, source, read] of [
    [MAN_ROOT, 'man', manParagraphs],
    [GUIDE_ROOT, 'guide', htmlParagraphs],
  ] as const) {
    for (const [folder, language] of Object.entries(DOC_LANGUAGES)) {
      if (root === MAN_ROOT && folder === 'en') continue;
      const paragraphs: string[] = [];
      for (const file of filesUnder(join(root, folder)))
        if (splitOfDocument(file) === split) paragraphs.push(...read(file));
      const seen = new Set<string>();
      const unique = paragraphs.filter(
        (p) => !seen.has(p) && seen.add(p) && (language === 'en' || !untranslatedEnglish(p, english)),
      );
      for (const p of unique.slice(0, PER_LANGUAGE)) {
        out.push({ source, language, kind: 'paragraph', text: p });
        const first = sentencesOf(p)[0];
        if (first) out.push({ source, language, kind: 'sentence', text: first });
      }
    }
  }
  return out;
}

function iptcSamples(split: Split): Sample[] {
  const csv = parseCsv(readFileSync(join(dataDir(), 'sources', 'mediatopics-2023-10-24.csv'), 'utf8'));
  const out: Sample[] = [];
  for (const [locale, language] of Object.entries(IPTC_LOCALES)) {
    const rows = iptcRowsOf(csv, locale).filter((r) => splitOfTopic(r.id) === split);
    const defs = rows.filter((r) => r.kind === 'definition').map((r) => r.text);
    for (const r of rows.filter((x) => x.kind === 'name').slice(0, PER_LANGUAGE))
      out.push({ source: `iptc-${locale}`, language, kind: 'name', text: r.text });
    for (const d of defs.filter((x) => x.split(/\s+/).length >= 6).slice(0, PER_LANGUAGE))
      out.push({ source: `iptc-${locale}`, language, kind: 'sentence', text: d });
    for (let i = 0; i + 5 <= defs.length && i < 5 * PER_LANGUAGE; i += 5)
      out.push({ source: `iptc-${locale}`, language, kind: 'paragraph', text: defs.slice(i, i + 5).join(' ') });
  }
  return out;
}

function sibSamples(split: Split): Sample[] {
  const out: Sample[] = [];
  const root = join(__dirname, '..', '..', '..', '..', 'shared', 'datasets', 'sib200-topics');
  const fallback = join(dataDir(), '..', '..', '..', '..', 'shared', 'datasets', 'sib200-topics');
  const dir = existsSync(root) ? root : fallback;
  if (split === 'train' || !existsSync(dir)) return out;
  for (const [folder, language] of [
    ['eng_Latn', 'en'],
    ['fra_Latn', 'fr'],
    ['deu_Latn', 'de'],
    ['spa_Latn', 'es'],
  ]) {
    const lines = readFileSync(join(dir, folder, `${split}.tsv`), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    const texts = lines.map((l) => l.split('\t')[2]).filter(Boolean);
    for (const t of texts) out.push({ source: 'sib200', language, kind: 'sentence', text: t });
    for (let i = 0; i + 5 <= texts.length; i += 5)
      out.push({ source: 'sib200', language, kind: 'paragraph', text: texts.slice(i, i + 5).join(' ') });
  }
  return out;
}

/** Close languages whose mixture is not what the mixed-text check is about. */
const CLOSE = [
  ['da', 'nb', 'nn', 'sv'],
  ['es', 'pt', 'gl', 'ca'],
  ['cs', 'sk'],
  ['hr', 'sr', 'bs', 'sl'],
  ['id', 'ms'],
  ['ru', 'uk', 'bg', 'mk'],
];

/** Two sentences of two distant languages (Latin or Cyrillic script) side by side: the detector should say "und". */
function mixedSamples(samples: Sample[]): Sample[] {
  const latinOrCyrillic = (s: Sample): boolean => s.kind === 'sentence' && !['ar', 'zh', 'el'].includes(s.language);
  const sentences = samples.filter(latinOrCyrillic);
  const close = (a: string, b: string): boolean => a === b || CLOSE.some((g) => g.includes(a) && g.includes(b));
  const out: Sample[] = [];
  for (let i = 0; i < sentences.length; i += 7) {
    const a = sentences[i];
    const b = sentences.slice(i + 1).find((x) => !close(x.language, a.language) && x.source !== a.source);
    if (b)
      out.push({
        source: `${a.language}+${b.language}`.slice(0, 12),
        language: 'und',
        kind: 'mixed',
        text: `${a.text} ${b.text}`,
      });
  }
  return out;
}

/** Every labelled sample of a split (exported for comparing other detectors on the same texts). */
export function samplesOf(split: Split): Sample[] {
  const samples = [...iptcSamples(split), ...sibSamples(split), ...documentationSamples(split)];
  samples.push(...mixedSamples(samples));
  return samples;
}

export function detect(text: string, knowledge: LanguageKnowledge): string {
  const { tokens } = tokenize(undefined, [text]);
  const infos = tokens.map((): WordInfo => ({ ...NO_INFO }));
  return detectLanguage(tokens, infos, knowledge);
}

function main(): void {
  const args = process.argv.slice(2);
  const split = (args[args.indexOf('--split') + 1] ?? 'dev') as Split;
  if (!args.includes('--split') || (split !== 'dev' && split !== 'test'))
    process.stdout.write('(no --split dev|test given: dev)\n');
  const details = args.includes('--details');
  const knowledge = loadLanguageKnowledge(dataDir());
  const samples = samplesOf(split);
  type Tally = { n: number; right: number; und: number; wrong: Map<string, number> };
  const tallies = new Map<string, Tally>();
  const totals = new Map<string, Tally>();
  const tally = (map: Map<string, Tally>, key: string): Tally => {
    let t = map.get(key);
    if (!t) map.set(key, (t = { n: 0, right: 0, und: 0, wrong: new Map() }));
    return t;
  };
  for (const s of samples) {
    const got = detect(s.text, knowledge);
    const key = s.kind === 'mixed' ? `und\tmixed\tpairs` : `${s.language}\t${s.kind}\t${s.source}`;
    for (const t of [tally(tallies, key), tally(totals, s.kind)]) {
      t.n++;
      if (got === s.language) t.right++;
      else if (got === 'und') t.und++;
      else t.wrong.set(got, (t.wrong.get(got) ?? 0) + 1);
    }
    if (details && got !== s.language && s.kind !== 'name')
      process.stdout.write(`  ✗ ${s.source} ${s.kind} ${s.language} → ${got}: ${s.text.slice(0, 140)}\n`);
  }
  const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(1)} %`;
  process.stdout.write(`Language identification, ${split.toUpperCase()} split (und counts as a miss)\n`);
  process.stdout.write('lang  kind       source        n   right     und  wrong (top)\n');
  for (const key of [...tallies.keys()].sort()) {
    const t = tallies.get(key)!;
    const [lang, kind, source] = key.split('\t');
    const wrong = [...t.wrong].sort((a, b) => b[1] - a[1]).slice(0, 3);
    process.stdout.write(
      `${lang.padEnd(5)} ${kind.padEnd(10)} ${source.padEnd(12)} ${String(t.n).padStart(4)} ${pct(t.right, t.n).padStart(8)} ${pct(t.und, t.n).padStart(7)}  ${wrong.map(([l, c]) => `${l}×${c}`).join(' ')}\n`,
    );
  }
  for (const [kind, t] of totals)
    process.stdout.write(
      `all   ${kind.padEnd(10)} ${String(t.n).padStart(17)} ${pct(t.right, t.n).padStart(8)} ${pct(t.und, t.n).padStart(7)}\n`,
    );
}

if (require.main === module) main();
