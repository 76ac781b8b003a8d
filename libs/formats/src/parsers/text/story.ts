import { emptyItem, type BodyBlock, type WireItem, type WirePicture } from '../../model/wire-item';
import { toBlocks, type TextBlock } from './blocks';
import { parseByline } from './byline';
import { parseCaption, parseCreditLine, type Caption } from './caption';
import { parseCopyright } from './copyright';
import { parseDateline, type Dateline } from './dateline';
import { findStoryRegion, type ScoredBlock } from './story-finder';

/** How far before the story a headline, caption or byline may sit, in blocks. */
const LOOKBACK = 10;
/** How far after the story its copyright line may sit. */
const LOOKAHEAD = 6;

/** "Editor's note: …", "EDS: …", "Note to editors: …": a message to the desk, not story text. */
const EDITORS_NOTE =
  /^(?:editor'?s'? note|ed(?:itor)?s? ?note|eds|note to editors|nota (?:del editor|a los editores)|note aux rédactions)\s*[:.-]\s*(.+)$/iu;

interface Found {
  edNote?: string;
  headline?: string;
  byline?: string;
  dateline?: Dateline;
  pictures: WirePicture[];
  copyright?: { notice: string; holder?: string };
}

function toPicture(c: Caption): WirePicture {
  const p: WirePicture = { type: 'picture', credit: c.credit };
  if (c.caption) p.caption = c.caption;
  if (c.by) p.by = c.by;
  return p;
}

/** A line that could be the story's headline: short, not a sentence that runs on, not furniture. */
function isHeadlineLike(b: ScoredBlock): boolean {
  const f = b.features;
  if (f.boilerplate || f.teaser || f.metadata) return false;
  if (f.words < 2 || f.words > 30 || b.text.length > 200) return false;
  if (/[.,;:]$/.test(b.text) && !/\.\.\.$/.test(b.text)) return false;
  if (parseByline(b.text) || parseCopyright(b.text) || parseCaption(b.text) || parseCreditLine(b.text)) return false;
  if (parseDateline(b.text)) return false;
  return true;
}

/**
 * Plain-text copy to a story: finds the story among the page around it, then reads its furniture (headline above
 * the caption and dateline, byline, photo captions with credits, the copyright line) and keeps the rest as body
 * paragraphs.
 */
export function parseTextStory(text: string): WireItem {
  const item = emptyItem('text');
  const blocks = toBlocks(text);
  const region = findStoryRegion(blocks);
  if (!region) {
    // No block reads as prose (a one-line flash, a list): keep what is not furniture.
    item.body = blocks.map((b) => ({ kind: 'p' as const, text: b.text })).filter((b) => b.text !== '');
    if (item.body.length > 1 && item.body[0].text.split(/\s+/).length <= 20) {
      item.headline = item.body.shift()?.text;
    }
    return item;
  }
  const scored = region.blocks;
  const found: Found = { pictures: [] };
  let start = region.start;
  const end = region.end;

  // A dateline shortly before the story's first long paragraph marks where the story begins.
  for (let i = Math.max(0, start - 3); i <= Math.min(end, start + 3); i++) {
    const d = parseDateline(scored[i].text);
    if (d && (d.agency || d.place)) {
      found.dateline = d;
      if (i < start) start = i;
      break;
    }
  }

  // Furniture between the headline and the body, walking back from the story's start.
  for (let i = start - 1; i >= Math.max(0, start - LOOKBACK); i--) {
    const b = scored[i];
    const caption = parseCaption(b.text);
    if (caption) {
      found.pictures.unshift(toPicture(caption));
      continue;
    }
    const credit = parseCreditLine(b.text);
    if (credit) continue;
    const byline = parseByline(b.text);
    if (byline) {
      found.byline ??= byline.by;
      continue;
    }
    const note = EDITORS_NOTE.exec(b.text);
    if (note) {
      found.edNote ??= note[1];
      continue;
    }
    if (!found.dateline) {
      const d = parseDateline(b.text);
      if (d && d.rest === '') {
        found.dateline = d;
        continue;
      }
    }
    // Share buttons, timestamps and reading times sit between headline and story on most pages: step over them.
    if (b.features.metadata || b.features.boilerplate) continue;
    if (isHeadlineLike(b)) {
      found.headline = b.text;
      break;
    }
    if (b.features.teaser) break;
  }

  // An editor's note usually heads the copy, above the headline.
  for (let i = Math.max(0, start - LOOKBACK); i < start && !found.edNote; i++) {
    found.edNote = EDITORS_NOTE.exec(scored[i].text)?.[1];
  }

  const body: BodyBlock[] = [];
  const seen = new Set<string>();
  for (let i = start; i <= end; i++) {
    const b = scored[i];
    if (b.features.boilerplate || b.features.teaser) continue;
    if (i === start || (found.dateline && b.text.startsWith(found.dateline.text))) {
      const d = parseDateline(b.text);
      if (d && d.rest === '') {
        found.dateline ??= d;
        continue; // a dateline alone on its line heads the story; it is not a paragraph
      }
    }
    const caption = parseCaption(b.text);
    if (caption) {
      found.pictures.push(toPicture(caption));
      continue;
    }
    if (parseCreditLine(b.text)) continue;
    const copyright = parseCopyright(b.text);
    if (copyright) {
      found.copyright ??= copyright;
      continue;
    }
    if (i === start || body.length === 0) {
      const byline = parseByline(b.text);
      if (byline && b.features.words <= 12) {
        found.byline ??= byline.by;
        continue;
      }
    }
    if (b.features.metadata) continue;
    const note = EDITORS_NOTE.exec(b.text);
    if (note) {
      found.edNote ??= note[1];
      continue;
    }
    if (b.text === found.headline || seen.has(b.text)) continue;
    seen.add(b.text);
    body.push({ kind: 'p', text: b.text });
  }

  for (let i = end + 1; i < Math.min(scored.length, end + 1 + LOOKAHEAD) && !found.copyright; i++) {
    const copyright = parseCopyright(scored[i].text);
    if (copyright) found.copyright = copyright;
  }

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

export type { TextBlock };
