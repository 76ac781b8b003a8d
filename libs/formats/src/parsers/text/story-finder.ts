/**
 * Finds the story among the page furniture of scraped text. Every block gets a score: prose earns its word count,
 * minus a fixed cost per block, so long sentences are positive and menu items, share buttons and teasers negative.
 * The story is the contiguous run of blocks with the highest total (maximum-sum subarray), which keeps short
 * paragraphs and subheadings that sit between long ones and drops navigation around the whole.
 */
import type { TextBlock } from './blocks';
import { parseDateline } from './dateline';
import { countWords, featuresOf, type BlockFeatures } from './features';

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

/** What each row of a table adds: results and standings are the story, however few sentences they hold. */
const TABLE_ROW_SCORE = 4;

export function scoreBlock(block: TextBlock, features: BlockFeatures): number {
  const { words } = features;
  if (block.table) return (block.table.rows?.length ?? block.table.text.split('\n').length) * TABLE_ROW_SCORE;
  if (features.boilerplate) return -(BLOCK_COST + words);
  if (features.metadata) return -BLOCK_COST;
  if (features.teaser) return -(BLOCK_COST + words / 2);
  let weight = 1;
  if (!features.endsSentence) weight *= 0.5;
  if (features.punctuationDensity === 0 && words > 3) weight *= 0.6;
  // Title Case lines are headlines, menu entries and teaser titles, not story text.
  if (features.capitalised > 0.6 && words <= 25) weight *= 0.3;
  // Runs of consecutive short lines are lists of links, unless each line is a sentence of running text.
  const sentence = words >= 4 && features.capitalised <= 0.5 && endsWithFullStop(block.text);
  if (block.runLength >= 3 && words < 15 && !sentence) weight *= 0.4;
  if (block.listItem && words < 12) weight *= 0.6;
  return words * weight - BLOCK_COST;
}

/** Agencies open a story with its dateline: a paragraph that starts with one is where the story is. */
const DATELINE_BONUS = 40;

export function scoreBlocks(blocks: TextBlock[]): ScoredBlock[] {
  return blocks.map((b) => {
    const features = featuresOf(b);
    let score = scoreBlock(b, features);
    if (features.words <= 200 && !features.boilerplate) {
      const dateline = parseDateline(b.text);
      if (dateline?.agency && (dateline.rest === '' || countWords(dateline.rest) >= 8)) score += DATELINE_BONUS;
    }
    // spelled out: V8 copies a spread object literal many times slower, and this runs for every line of a page
    return {
      index: b.index,
      text: b.text,
      raw: b.raw,
      runLength: b.runLength,
      run: b.run,
      listItem: b.listItem,
      quoted: b.quoted,
      table: b.table,
      features,
      score,
    };
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

/** Prose words a story has before a comments section can follow it. */
const MIN_STORY_WORDS = 60;

/**
 * Where reader comments begin: everything after is not the story, however much prose it holds. Only a marker that
 * follows a real amount of prose counts, so a comment count next to the headline does not cut the story off.
 */
/** A commenter line followed by another within a few blocks: a thread, not a quote. */
function isCommentThread(scored: ScoredBlock[], i: number): boolean {
  if (!scored[i].features.commenter) return false;
  for (let j = i + 1; j < Math.min(scored.length, i + 12); j++) if (scored[j].features.commenter) return true;
  return false;
}

function commentsStart(scored: ScoredBlock[]): number | undefined {
  let prose = 0;
  for (let i = 0; i < scored.length; i++) {
    const b = scored[i];
    if (prose >= MIN_STORY_WORDS && ((b.features.commentsHeading && b.runLength <= 2) || isCommentThread(scored, i)))
      return i;
    if (b.score > 0) prose += b.features.words;
  }
  return undefined;
}

/** How much each further block of an unbroken stretch of furniture weighs more than the one before it. */
const STREAK_GROWTH = 0.5;

/**
 * A few furniture blocks inside a story (an ad slot, a "Read more" link) are crossed cheaply; a long unbroken stretch
 * of them (a tag list, a "more from" rail) separates the story from what follows. The k-th block of a stretch counts
 * (1 + k · growth) times.
 */
export function withStreakPenalty(blocks: ScoredBlock[]): number[] {
  let streak = 0;
  return blocks.map((b) => {
    if (b.score > 0) {
      streak = 0;
      return b.score;
    }
    // Only furniture lengthens a stretch: short lower-case phrases are list items of the text itself.
    if (!isFurnitureLike(b)) return b.score;
    const weighted = b.score * (1 + streak * STREAK_GROWTH);
    streak++;
    return weighted;
  });
}

/**
 * Ends as a sentence does: full stop, question or exclamation mark, perhaps inside a closing quote
 * (/[.!?。！？؟][”"’»)]?$/u, read from the end instead of tried at every position).
 */
function endsWithFullStop(text: string): boolean {
  let last = text.length - 1;
  if (isClosingQuote(text.charCodeAt(last))) last--;
  return last >= 0 && isFullStop(text.charCodeAt(last));
}

function isFullStop(unit: number): boolean {
  return (
    unit === 0x2e ||
    unit === 0x21 ||
    unit === 0x3f ||
    unit === 0x3002 ||
    unit === 0xff01 ||
    unit === 0xff1f ||
    unit === 0x61f
  );
}

function isClosingQuote(unit: number): boolean {
  return unit === 0x201d || unit === 0x22 || unit === 0x2019 || unit === 0xbb || unit === 0x29;
}

function isFurnitureLike(b: ScoredBlock): boolean {
  const f = b.features;
  if (f.boilerplate || f.teaser || f.metadata) return true;
  return (f.words <= 3 || f.capitalised > 0.5) && !endsWithFullStop(b.text);
}

/**
 * A story that ends on "…the tour dates:" goes on with the list it introduces, however short its lines: take the run
 * of lines that follows (or that the introduction heads), stopping at furniture.
 */
function extendOverIntroducedList(scored: ScoredBlock[], end: number, limit: number): number {
  const intro = [end, end + 1].find((i) => i < limit && isIntroduction(scored[i]));
  if (intro === undefined) return end;
  const listRun =
    intro + 1 < limit && scored[intro + 1].run === scored[intro].run ? scored[intro].run : scored[intro + 1]?.run;
  let last = intro;
  for (let i = intro + 1; i < limit && scored[i].run === listRun; i++) {
    if (scored[i].features.boilerplate || scored[i].features.teaser) break;
    last = i;
  }
  return last;
}

function isIntroduction(b: ScoredBlock): boolean {
  return /:$/.test(b.text) && !b.features.boilerplate && !b.features.teaser && b.features.words >= 3;
}

export function findStoryRegion(blocks: TextBlock[]): StoryRegion | undefined {
  const scored = scoreBlocks(blocks);
  const cut = commentsStart(scored) ?? scored.length;
  const run = bestRun(withStreakPenalty(scored.slice(0, cut)));
  if (!run) return undefined;
  return { start: run.start, end: extendOverIntroducedList(scored, run.end, cut), blocks: scored };
}
