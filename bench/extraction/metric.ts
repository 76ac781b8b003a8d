/**
 * The article-extraction benchmark's own metric (scrapinghub/article-extraction-benchmark, evaluate.py), as its README
 * describes it: tokens are runs of letters, digits and underscore; each page is compared by its 4-token shingles with
 * counts; tp/fp/fn are normalised by their sum so every page weighs the same; precision and recall are means over the
 * pages, and F1 combines those two means.
 */

export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  f1: number;
  precision: number;
  recall: number;
  pages: number;
}

const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** 4-token shingles with counts; texts shorter than n tokens give one shorter shingle, empty texts none. */
export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const gram = tokens.slice(i, i + n);
    if (gram.length === 0) continue;
    const key = gram.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Multiset matching of shingles: tp = shared (with counts), fp = predicted only, fn = true only. */
export function shingleMatch(truth: string, prediction: string, n = 4): PageCounts {
  const t = shingles(truth, n);
  const p = shingles(prediction, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [gram, pc] of p) {
    const tc = t.get(gram) ?? 0;
    tp += Math.min(pc, tc);
    fp += Math.max(0, pc - tc);
  }
  for (const [gram, tc] of t) fn += Math.max(0, tc - (p.get(gram) ?? 0));
  return { tp, fp, fn };
}

/** Each page's counts divided by their sum; a page with nothing on either side counts as perfect. */
export function normalise({ tp, fp, fn }: PageCounts): PageCounts {
  const sum = tp + fp + fn;
  if (sum === 0) return { tp: 1, fp: 0, fn: 0 };
  return { tp: tp / sum, fp: fp / sum, fn: fn / sum };
}

export function score(pages: PageCounts[]): Scores {
  const normalised = pages.map(normalise);
  const withPrediction = normalised.filter((c) => c.tp + c.fp > 0);
  const withTruth = normalised.filter((c) => c.tp + c.fn > 0);
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const precision = mean(withPrediction.map((c) => c.tp / (c.tp + c.fp)));
  const recall = mean(withTruth.map((c) => c.tp / (c.tp + c.fn)));
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { f1, precision, recall, pages: pages.length };
}
