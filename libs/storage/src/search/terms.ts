/**
 * Word search without a full-text engine: FerretDB (development, CI) has no `$text`, so articles carry a `terms` array
 * of normalized words (multikey index) and queries match with `$all`, ranked in code. The same function normalizes
 * the stored text and the query, so both sides always agree.
 */

/** Frequent function words in the languages wires mostly carry: matching them adds nothing but index size. */
const STOPWORDS = new Set(
  [
    // English
    'a an and are as at be been but by for from had has have he her his if in into is it its not of on or our she so',
    'than that the their them then there these they this to was we were what when which who will with would you',
    // French, German, Spanish (the most common ones only)
    'le la les un une des du de et en est pour dans sur au aux que qui par pas ne se ce il elle',
    'der die das und ist ein eine zu den dem mit von im auf für nicht sich auch es',
    'el los las y del que por con una para al lo como su se',
  ]
    .join(' ')
    .split(' '),
);

const MIN_LENGTH = 2;
const MAX_LENGTH = 40;
/** bounds the index entries one article can create */
export const MAX_TERMS_PER_ARTICLE = 1500;

/**
 * A light, predictable suffix stripper (plural and the commonest English inflections). Deliberately conservative: the
 * stem must keep at least four characters, so short words ("red", "used", "news") are never mangled.
 */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  const rules: [RegExp, string][] = [
    [/ies$/, 'y'],
    [/sses$/, 'ss'],
    [/(ch|sh|x|z|ss)es$/, '$1'],
    [/([^siu])s$/, '$1'],
    [/ing$/, ''],
    [/ed$/, ''],
  ];
  for (const [pattern, replacement] of rules) {
    if (!pattern.test(word)) continue;
    const stemmed = word.replace(pattern, replacement);
    return stemmed.length >= 4 ? stemmed : word;
  }
  return word;
}

/** Lowercase, strip diacritics (NFKD), split on anything not a letter or digit, drop stopwords, stem. Repeats kept. */
export function tokenize(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  // apostrophes split too: "NATO's" gives "nato" (the lone "s" is too short), "l'OTAN" gives "otan"
  const tokens: string[] = [];
  for (const word of folded.split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < MIN_LENGTH || word.length > MAX_LENGTH) continue;
    if (STOPWORDS.has(word)) continue;
    tokens.push(stem(word));
  }
  return tokens;
}

/** The distinct terms of some texts, first occurrence order, capped. */
export function termsOf(...texts: (string | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const token of tokenize(text)) {
      if (seen.size >= MAX_TERMS_PER_ARTICLE) return [...seen];
      seen.add(token);
    }
  }
  return [...seen];
}

/** What ranking needs to know about one stored article. */
export interface RankableArticle {
  headlineTerms?: string[];
  leadTerms?: string[];
  terms?: string[];
}

/**
 * Relevance of an article for query terms: a word in the headline counts most, in the opening paragraph next,
 * anywhere else least. Articles reaching the ranking already contain every term (`$all`), so the score orders them.
 */
export function relevance(article: RankableArticle, queryTerms: string[]): number {
  const headline = new Set(article.headlineTerms ?? []);
  const lead = new Set(article.leadTerms ?? []);
  const all = new Set(article.terms ?? []);
  let score = 0;
  for (const term of queryTerms) {
    if (headline.has(term)) score += 5;
    else if (lead.has(term)) score += 2;
    else if (all.has(term)) score += 1;
  }
  return score;
}
