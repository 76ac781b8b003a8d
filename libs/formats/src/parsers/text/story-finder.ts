/**
 * Finds the story among the page furniture of scraped text. Every block gets a score: prose earns its word count,
 * minus a fixed cost per block, so long sentences are positive and menu items, share buttons and teasers negative.
 * The story is the contiguous run of blocks with the highest total (maximum-sum subarray), which keeps short
 * paragraphs and subheadings that sit between long ones and drops navigation around the whole.
 */
import type { TextBlock } from './blocks';
import { featuresOf, type BlockFeatures } from './features';

export interface ScoredBlock extends TextBlock {
  features: BlockFeatures;
  score: number;
}

export interface StoryRegion {
  /** index of the first and last block of the story (inclusive) */
  start: number;
  end: number;
  blocks: ScoredBlock[];
}

/** What a block costs before its words pay for it: about one short sentence. */
const BLOCK_COST = 8;
const ISOLATED_COST = Number(process.env.WD_ISO ?? 8);

export function scoreBlock(block: TextBlock, features: BlockFeatures): number {
  const { words } = features;
  if (features.boilerplate) return -(BLOCK_COST + words);
  if (features.metadata) return -BLOCK_COST;
  if (features.teaser) return -(BLOCK_COST + words / 2);
  let weight = 1;
  if (!features.endsSentence) weight *= 0.5;
  if (features.punctuationDensity === 0 && words > 3) weight *= 0.6;
  // Title Case lines are headlines, menu entries and teaser titles, not story text.
  if (features.capitalised > 0.6 && words <= 25) weight *= 0.3;
  // Runs of consecutive short lines are lists of links.
  if (block.runLength >= 3 && words < 15) weight *= 0.4;
  if (block.listItem && words < 12) weight *= 0.6;
  // A line standing alone between blank lines is laid out as part of a text; one in a run of lines is a list entry.
  const cost = block.runLength === 1 ? ISOLATED_COST : BLOCK_COST;
  return words * weight - cost;
}

export function scoreBlocks(blocks: TextBlock[]): ScoredBlock[] {
  return blocks.map((b) => {
    const features = featuresOf(b);
    return { ...b, features, score: scoreBlock(b, features) };
  });
}

/** Maximum-sum contiguous run (Kadane). Returns undefined when no block scores above zero. */
export function bestRun(scores: number[]): { start: number; end: number; total: number } | undefined {
  let best: { start: number; end: number; total: number } | undefined;
  let start = 0;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    if (sum <= 0) {
      start = i;
      sum = 0;
    }
    sum += scores[i];
    if (sum > 0 && (!best || sum > best.total)) best = { start, end: i, total: sum };
  }
  return best;
}

export function findStoryRegion(blocks: TextBlock[]): StoryRegion | undefined {
  const scored = scoreBlocks(blocks);
  const run = bestRun(scored.map((b) => b.score));
  if (!run) return undefined;
  return { start: run.start, end: run.end, blocks: scored };
}
