/**
 * Writes the enrichment of a fixed corpus as JSON lines, one article a line, to check that a change meant to make
 * enrichment cheaper leaves its output byte for byte as it was: run it on both builds and compare the files.
 *
 *   npm run build && node dist/bench/enrich/output-dump.js /tmp/new.jsonl
 *   node dist/bench/enrich/output-dump.js /tmp/new.jsonl --extraction-dir /work/shared/bench/article-extraction
 *   (the same in a build of main, to /tmp/old.jsonl)  then  cmp /tmp/old.jsonl /tmp/new.jsonl
 *
 * The corpus: the ~3 KB articles bench.ts times (evaluation texts joined), every evaluation and dev text as it is and
 * again with a language hint, an abstract, captions with credits and source subject codes, the sentences of the
 * language set, and the article bodies of ../shared/bench/article-extraction when that folder is there. Each article
 * is enriched twice (cold and warm caches): the two must agree, or the script fails.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createEnricher, type EnrichInput } from '@wiredesk/enrich';

interface EvalDoc {
  headline: string;
  language: string;
  located?: string;
  paragraphs: string[];
}

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'test', 'fixtures', 'enrich', 'eval.jsonl'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('test/fixtures/enrich not found');
    dir = parent;
  }
  return dir;
}

function jsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** As bench.ts builds its speed articles: consecutive evaluation texts joined until about 3,000 characters. */
function joined(docs: EvalDoc[]): EnrichInput[] {
  return docs.map((doc, i) => {
    const paragraphs: string[] = [];
    let size = 0;
    for (let k = i; size < 3000; k = (k + 1) % docs.length)
      for (const p of docs[k].paragraphs) {
        paragraphs.push(p);
        size += p.length + 2;
      }
    return { headline: doc.headline, paragraphs, captions: [], sourceSubjects: [] };
  });
}

export function outputCorpus(
  root = repoRoot(),
  extractionDir = join(root, '..', 'shared', 'bench', 'article-extraction'),
): EnrichInput[] {
  const fixtures = join(root, 'test', 'fixtures', 'enrich');
  const evalDocs = jsonl<EvalDoc>(join(fixtures, 'eval.jsonl'));
  const out = joined(evalDocs);
  for (const d of [...evalDocs, ...jsonl<EvalDoc>(join(fixtures, 'dev.jsonl'))]) {
    out.push({ headline: d.headline, paragraphs: d.paragraphs, located: d.located, captions: [], sourceSubjects: [] });
    out.push({
      headline: d.headline,
      paragraphs: d.paragraphs,
      language: d.language,
      located: d.located,
      abstract: d.paragraphs[0],
      captions: [
        { caption: `${d.paragraphs[0].slice(0, 80)} (AP Photo/Jane Doe)` },
        { caption: 'A view of the harbour. © AFP/File | John Smith', credit: 'AFP' },
      ],
      sourceSubjects: [{ code: 'medtop:04000000' }, { code: 'subj:15000000' }],
    });
  }
  for (const d of jsonl<{ text: string }>(join(fixtures, 'language.jsonl')))
    out.push({ paragraphs: [d.text], captions: [], sourceSubjects: [] });
  const truth = join(extractionDir, 'ground-truth.json');
  if (!existsSync(truth)) console.log(`${truth} not found: the corpus goes without those pages`);
  else {
    const pages = JSON.parse(readFileSync(truth, 'utf8')) as Record<string, { articleBody: string }>;
    for (const key of Object.keys(pages).sort()) {
      const paragraphs = pages[key].articleBody.split(/\n\n+/);
      out.push({
        headline: paragraphs[0].slice(0, 120),
        paragraphs: paragraphs.slice(1),
        captions: [],
        sourceSubjects: [],
      });
    }
  }
  return out;
}

function main(): void {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node dist/bench/enrich/output-dump.js <out.jsonl>');
  const at = process.argv.indexOf('--extraction-dir');
  const corpus = outputCorpus(repoRoot(), at > 0 ? process.argv[at + 1] : undefined);
  const enricher = createEnricher();
  const cold = corpus.map((a) => JSON.stringify(enricher.enrich(a)));
  const warm = corpus.map((a) => JSON.stringify(enricher.enrich(a)));
  const differs = cold.findIndex((line, i) => line !== warm[i]);
  if (differs >= 0) throw new Error(`article ${differs}: a second enrichment differs from the first`);
  writeFileSync(file, cold.join('\n') + '\n');
  console.log(`${corpus.length} articles enriched, written to ${file}`);
}

if (require.main === module) main();
