import { splitCaption } from './captions/captions';
import type { Enricher, Enrichment, EnrichInput } from './enrichment';
import { EntityExtractor } from './entities/entity-extractor';
import { entityWordFlags } from './entities/word-flags';
import { extractKeywords, keywordClass } from './keywords/keywords';
import { detectLanguage } from './language/language-detector';
import { enrichDataDir } from './data-files';
import { loadNerModel, NerTagger } from './ner/ner-model';
import { LANGUAGES, loadResources, type Resources } from './resources';
import { SubjectClassifier } from './subjects/subject-classifier';
import { summarize } from './summary/summary';
import { NUMBER, tokenize, WORD } from './text/tokenizer';
import { type WordInfo, WordInfos } from './text/word-info';

export interface EnricherOptions {
  /** folder with the gazetteers and models; default: libs/enrich/data (or WIREDESK_ENRICH_DATA) */
  dataDir?: string;
  /** 'model' (default): the trained recogniser finds names, when its weights are in the data folder; 'rules': the rules alone */
  entities?: 'model' | 'rules';
  /** overrides the subject model's abstention threshold (0: always name a top-level topic; for evaluation) */
  subjectThreshold?: number;
}

const ALL_LANGUAGES_MASK = (1 << LANGUAGES.length) - 1;

class DefaultEnricher implements Enricher {
  private readonly entities: EntityExtractor;
  private readonly subjects: SubjectClassifier;
  private readonly words: WordInfos;
  /** reused per article: what is known of each token's word */
  private readonly infos: WordInfo[] = [];

  constructor(
    private readonly res: Resources,
    tagger?: NerTagger,
    options: EnricherOptions = {},
  ) {
    this.entities = new EntityExtractor(res, tagger);
    this.subjects = new SubjectClassifier(res.subjectModel, res.mediaTopics, options.subjectThreshold);
    this.words = new WordInfos(
      res.stopwords,
      res.subjectModel,
      (lower) => entityWordFlags(res, lower),
      (lower) => keywordClass(res.keywordWords, lower),
    );
  }

  enrich(input: EnrichInput): Enrichment {
    const paragraphs = input.paragraphs.filter((p) => p.trim().length > 0);
    const doc = tokenize(input.headline?.trim() || undefined, paragraphs);
    const { tokens } = doc;

    const infos = this.words.annotate(tokens, this.infos);
    const language = detectLanguage(tokens, infos, this.res.language, input.language);
    const langIndex = (LANGUAGES as readonly string[]).indexOf(language);
    const langMask = langIndex >= 0 ? 1 << langIndex : ALL_LANGUAGES_MASK;

    const { entities, mentions } = this.entities.extract(doc, input.located, language, infos);
    const subjects = this.subjects.classify(tokens, infos, input.sourceSubjects ?? [], langMask);
    // names are the entities' business: no key phrase is an entity's name or one of its words
    const names = new Set<string>();
    for (const e of entities) names.add(e.name.toLowerCase());
    // a name is mentioned many times: its words are split once per distinct mention text
    const seen = new Set<string>();
    for (const m of mentions) {
      if (seen.has(m.text)) continue;
      seen.add(m.text);
      for (const w of m.text.toLowerCase().split(' ')) names.add(w);
    }
    const keywords = extractKeywords(tokens, infos, langMask, mentions).filter((k) => !names.has(k));

    // the source's abstract when it holds a whole sentence (a teaser cut mid-word does not), else the lead
    const abstract = input.abstract?.trim();
    const abstractDoc = abstract ? tokenize(undefined, [abstract]) : undefined;
    const summary =
      (abstractDoc && summarize(abstractDoc.segments, abstractDoc.tokens)) ?? summarize(doc.segments, doc.tokens);

    let wordCount = 0;
    for (const t of tokens) if (t.seg >= 0 && (t.kind === WORD || t.kind === NUMBER)) wordCount++;
    let charCount = 0;
    for (const p of paragraphs) charCount += p.length;
    if (paragraphs.length > 1) charCount += 2 * (paragraphs.length - 1);

    const out: Enrichment = {
      language,
      entities,
      subjects,
      keywords,
      captions: (input.captions ?? []).map((c) => splitCaption(c.caption, c.credit, c.by)),
      mentions,
      wordCount,
      charCount,
    };
    if (summary) out.summary = summary;
    return out;
  }
}

/** Loads the gazetteers and models once (about a second) and returns an enricher to call per article. */
export function createEnricher(options: EnricherOptions = {}): Enricher {
  const res = loadResources(options.dataDir);
  const model = options.entities === 'rules' ? undefined : loadNerModel(enrichDataDir(options.dataDir));
  return new DefaultEnricher(res, model && new NerTagger(model, res.gazetteer), options);
}
