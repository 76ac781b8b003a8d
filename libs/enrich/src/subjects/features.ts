import { NUMBER, PUNCT, type Token } from '../text/tokenizer';

/**
 * The classifier's features, shared by the offline trainer and the run-time classifier so both see the same terms:
 * lower-case words of three letters or more that are no stop word in any supported language, cut to a 7-letter
 * prefix (a crude stemmer that works across English, French, German and Spanish: election/elections/élection…).
 */
export function featureTerm(lower: string): string {
  let term = lower;
  if (term.length > 7) term = term.slice(0, 7);
  else if (term.length >= 5 && term.endsWith('s')) term = term.slice(0, -1);
  return term;
}

/** lower-case word → its feature term, or '' for a stop word; bounded so a long-running service stays small */
const termCache = new Map<string, string>();
const TERM_CACHE_LIMIT = 200_000;

function termOf(lower: string, stopwords: ReadonlyMap<string, number>): string {
  let term = termCache.get(lower);
  if (term === undefined) {
    term = lower.length < 3 || stopwords.has(lower) ? '' : featureTerm(lower);
    if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
    termCache.set(lower, term);
  }
  return term;
}

export function addFeatures(
  tokens: readonly Token[],
  from: number,
  to: number,
  stopwords: ReadonlyMap<string, number>,
  out: Map<string, number>,
  weight = 1,
): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.kind === PUNCT || t.kind === NUMBER) continue;
    const term = termOf(t.lower, stopwords);
    if (term === '') continue;
    out.set(term, (out.get(term) ?? 0) + weight);
    n += weight;
  }
  return n;
}
