/**
 * Entity evaluation on the named-entity corpora of ../shared/datasets (their TEST splits unless told otherwise): the
 * trained recogniser (the enricher as shipped) against the rule-based extractor (`entities: 'rules'`), both run
 * through the whole enricher on the same documents.
 *
 *  - span level: each mention's exact character range and type against the gold spans (exact match P/R/F1), per type;
 *  - document level: the set of (type, name) per document, as the kept-apart news figure of issue 12 is computed.
 *    Gold names are canonicalised like ours (a gazetteer alias → its canonical name; a lone surname → the full name
 *    of the same document); a predicted entity matches a gold one of its type by name or by one of its surface forms.
 *
 * Called by bench.ts (`npm run bench:enrich`, `-- --ner-split dev` while tuning); skipped when the datasets are absent.
 */
import { createEnricher, type Enricher, type EnrichInput } from '@wiredesk/enrich';
import { loadResources } from '../../libs/enrich/src/resources';
import { tokenizeSegment, type Token } from '../../libs/enrich/src/text/tokenizer';
import { type NerCorpus, type NerType, type Split, datasetsDir, loadCorpora } from './ner-datasets';
import { type PreparedDoc, prepareDoc } from './ner-prepare';

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const add = (a: Counts, b: Counts): void => {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
};
export const prf = (c: Counts): { p: number; r: number; f1: number } => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

const TYPES: NerType[] = ['PER', 'ORG', 'LOC'];
const TYPE_OF_KIND: Record<string, NerType> = { person: 'PER', organisation: 'ORG', place: 'LOC' };
const KIND_OF_TYPE: Record<NerType, string> = { PER: 'person', ORG: 'organisation', LOC: 'place' };

export interface CorpusScore {
  corpus: string;
  language: string;
  docs: number;
  span: Record<NerType | 'all', Counts>;
  doc: Record<NerType | 'all', Counts>;
}

const norm = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[.,;:!?"“”'’()#@]/g, '')
    .replace(/^(the|la|le|les|l|el|los|las|der|die|das)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

type Canonical = (text: string, type: NerType) => string;

function gazetteerCanonical(): Canonical {
  const res = loadResources();
  const scratch: Token[] = [];
  return (text, type) => {
    scratch.length = 0;
    tokenizeSegment(text, 0, scratch);
    const m = scratch.length ? res.gazetteer.longestMatch(scratch, 0, scratch.length, false) : undefined;
    return m && m.length === scratch.length && m.entry.kind === KIND_OF_TYPE[type] ? m.entry.name : text;
  };
}

interface GoldEntity {
  type: NerType;
  names: Set<string>;
}

/** Gold entities of one document: mentions grouped by canonical name; a lone surname joins its full name. */
function goldEntities(doc: PreparedDoc, canonical: Canonical): GoldEntity[] {
  const byKey = new Map<string, GoldEntity>();
  const fullNames = doc.gold.filter((g) => g.type === 'PER' && g.text.includes(' ')).map((g) => g.text);
  for (const g of doc.gold) {
    let name = canonical(g.text, g.type);
    if (g.type === 'PER' && !g.text.includes(' ')) {
      const full = fullNames.find((f) => f.split(' ').pop() === g.text);
      if (full) name = full;
    }
    const key = `${g.type}:${norm(name)}`;
    const e = byKey.get(key) ?? { type: g.type, names: new Set([norm(name)]) };
    e.names.add(norm(g.text));
    byKey.set(key, e);
  }
  return [...byKey.values()];
}

function scoreDoc(
  enricher: Enricher,
  doc: PreparedDoc,
  language: string,
  canonical: Canonical,
  into: CorpusScore,
): void {
  const input: EnrichInput = { paragraphs: doc.paragraphs, language, captions: [], sourceSubjects: [] };
  // the enricher drops empty paragraphs: keep indices aligned by never giving it one
  const e = enricher.enrich(input);
  // span level
  const gold = new Set(doc.gold.map((g) => `${g.paragraph}:${g.start}:${g.end}:${g.type}`));
  const got = new Set(
    e.mentions.map((m) => `${m.paragraph}:${m.offset}:${m.offset + m.text.length}:${TYPE_OF_KIND[m.kind]}`),
  );
  for (const k of got) {
    const type = k.slice(k.lastIndexOf(':') + 1) as NerType;
    if (gold.has(k)) into.span[type].tp++;
    else into.span[type].fp++;
  }
  for (const k of gold) if (!got.has(k)) into.span[k.slice(k.lastIndexOf(':') + 1) as NerType].fn++;
  // document level
  const goldEnts = goldEntities(doc, canonical);
  const used = new Array<boolean>(goldEnts.length).fill(false);
  for (const ent of e.entities) {
    const type = TYPE_OF_KIND[ent.kind];
    const names = new Set([norm(ent.name), ...ent.surfaceForms.map(norm)]);
    const k = goldEnts.findIndex((g, i) => !used[i] && g.type === type && [...g.names].some((n) => names.has(n)));
    if (k >= 0) {
      used[k] = true;
      into.doc[type].tp++;
    } else into.doc[type].fp++;
  }
  goldEnts.forEach((g, i) => used[i] || into.doc[g.type].fn++);
}

function newScore(c: NerCorpus): CorpusScore {
  const r = (): Record<NerType | 'all', Counts> => ({ PER: zero(), ORG: zero(), LOC: zero(), all: zero() });
  return { corpus: c.name, language: c.language, docs: c.docs.length, span: r(), doc: r() };
}

export interface EntityEvaluation {
  split: Split;
  model: CorpusScore[];
  rules?: CorpusScore[];
}

export function evaluateEntityCorpora(split: Split, withRules = true): EntityEvaluation | undefined {
  const root = datasetsDir();
  if (!root) return undefined;
  const corpora = loadCorpora(split, root).filter((c) => c.docs.length > 0);
  const canonical = gazetteerCanonical();
  const run = (enricher: Enricher): CorpusScore[] =>
    corpora.map((c) => {
      const s = newScore(c);
      for (const d of c.docs) {
        const prepared = prepareDoc(d);
        if (prepared.paragraphs.some((p) => !p.trim())) continue;
        scoreDoc(enricher, prepared, c.language, canonical, s);
      }
      for (const t of TYPES) {
        add(s.span.all, s.span[t]);
        add(s.doc.all, s.doc[t]);
      }
      return s;
    });
  const model = run(createEnricher());
  return { split, model, rules: withRules ? run(createEnricher({ entities: 'rules' })) : undefined };
}

const f3 = (x: number): string => x.toFixed(3);

export function formatEntityEvaluation(ev: EntityEvaluation): string[] {
  const out = [
    `Entities on the named-entity corpora, ${ev.split.toUpperCase()} splits (bench/enrich/ner-datasets.ts): model = trained recogniser, rules = rule-based extractor`,
    `  ${'corpus'.padEnd(28)} ${'docs'.padStart(5)}   span P/R/F1 (exact)      PER    ORG    LOC  │ doc P/R/F1              PER    ORG    LOC`,
  ];
  const line = (label: string, s: CorpusScore): string => {
    const sp = prf(s.span.all);
    const dc = prf(s.doc.all);
    const t = (r: Record<NerType | 'all', Counts>): string => TYPES.map((x) => f3(prf(r[x]).f1)).join('  ');
    return `  ${label.padEnd(28)} ${String(s.docs).padStart(5)}   ${f3(sp.p)} ${f3(sp.r)} ${f3(sp.f1)}   ${t(s.span)} │ ${f3(dc.p)} ${f3(dc.r)} ${f3(dc.f1)}   ${t(s.doc)}`;
  };
  ev.model.forEach((m, i) => {
    out.push(line(`${m.corpus} model`, m));
    if (ev.rules) out.push(line(`${m.corpus} rules`, ev.rules[i]));
  });
  return out;
}

export function summarizeEntityEvaluation(ev: EntityEvaluation): Record<string, unknown> {
  const pick = (s: CorpusScore): Record<string, unknown> => ({
    span: Object.fromEntries([...TYPES, 'all'].map((t) => [t, prf(s.span[t as NerType])])),
    doc: Object.fromEntries([...TYPES, 'all'].map((t) => [t, prf(s.doc[t as NerType])])),
  });
  return {
    split: ev.split,
    corpora: ev.model.map((m, i) => ({
      corpus: m.corpus,
      docs: m.docs,
      model: pick(m),
      rules: ev.rules && pick(ev.rules[i]),
    })),
  };
}
