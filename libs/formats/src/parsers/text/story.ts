import { emptyItem, type WireItem } from '../../model/wire-item';
import { type TextBlock, toBlocks } from './blocks';
import { collectBody, findCopyrightAfter, findOpening, readFurnitureBefore, type Found } from './story-parts';
import { findStoryRegion } from './story-finder';

/**
 * Plain-text copy to a story: finds the story among the page around it, then reads its furniture (headline above
 * the caption and dateline, byline, photo captions with credits, the copyright line) and keeps the rest as body
 * paragraphs and tables.
 */
export function parseTextStory(text: string): WireItem {
  const item = emptyItem('text');
  const blocks = toBlocks(text);
  const region = findStoryRegion(blocks);
  if (!region) return withoutRegion(item, blocks);
  const scored = region.blocks;
  const found: Found = { pictures: [] };
  const start = findOpening(scored, region.start, region.end, found);
  readFurnitureBefore(scored, start, found);
  const body = collectBody(scored, start, region.end, found);
  findCopyrightAfter(scored, region.end, found);

  item.type = 'text';
  item.body = body;
  item.headline = found.headline;
  item.byline = found.byline;
  item.pictures = found.pictures;
  item.edNote = found.edNote;
  if (found.dateline) {
    item.dateline = found.dateline.text;
    item.located = found.dateline.located;
    item.agency = found.dateline.agency;
  }
  if (found.copyright) {
    item.copyrightNotice = found.copyright.notice;
    item.copyrightHolder = found.copyright.holder;
  }
  return item;
}

/** No block reads as prose (a one-line flash, a list of headlines or results): keep every line, the first as headline. */
function withoutRegion(item: WireItem, blocks: TextBlock[]): WireItem {
  item.body = blocks.map((b) => b.table ?? { kind: 'p' as const, text: b.text }).filter((b) => b.text !== '');
  const first = item.body[0];
  if (item.body.length > 1 && first.kind === 'p' && first.text.split(/\s+/).length <= 20) {
    item.headline = item.body.shift()?.text;
  }
  return item;
}

export type { TextBlock };
