import { splitCaption } from './captions/captions';
import type { Enricher, Enrichment, EnrichInput } from './enrichment';
import { EntityExtractor } from './entities/entity-extractor';
import { extractKeywords } from './keywords/keywords';
import { detectLanguage } from './language/language-detector';
import { LANGUAGES, loadResources, type Resources } from './resources';
import { SubjectClassifier } from './subjects/subject-classifier';
import { summarize } from './summary/summary';
import { NUMBER, tokenize, WORD } from './text/tokenizer';

export interface EnricherOptions {
  /** folder with the gazetteers and models; default: libs/enrich/data (or WIREDESK_ENRICH_DATA) */
  dataDir?: string;
}

const ALL_LANGUAGES_MASK = (1 << LANGUAGES.length) - 1;

class DefaultEnricher implements Enricher {
  private readonly entities: EntityExtractor;
  private readonly subjects: SubjectClassifier;

  constructor(private readonly res: Resources) {
    this.entities = new EntityExtractor(res);
    this.subjects = new SubjectClassifier(res.subjectModel, res.mediaTopics, res.stopwords);
  }

  enrich(input: EnrichInput): Enrichment {
    const res = this.res;
    const paragraphs = input.paragraphs.filter((p) => p.trim().length > 0);
    const doc = tokenize(input.headline?.trim() || undefined, paragraphs);
    const { tokens } = doc;

    const language = detectLanguage(tokens, res.languageWords, input.language);
    const langIndex = (LANGUAGES as readonly string[]).indexOf(language);
    const langMask = langIndex >= 0 ? 1 << langIndex : ALL_LANGUAGES_MASK;

    const { entities, mentions } = this.entities.extract(doc, input.located, language);
    const subjects = this.subjects.classify(tokens, input.sourceSubjects ?? []);
    const keywords = extractKeywords(tokens, res.stopwords, langMask);

    const abstract = input.abstract?.trim();
    const lead = abstract ? tokenize(undefined, [abstract]) : doc;
    const summary = summarize(lead.segments, lead.tokens);

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
  return new DefaultEnricher(loadResources(options.dataDir));
}
