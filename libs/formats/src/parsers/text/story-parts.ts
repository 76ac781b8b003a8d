import type { BodyBlock, WirePicture } from '../../model/wire-item';
import { parseByline } from './byline';
import { parseCaption, parseCreditLine, type Caption } from './caption';
import { parseCopyright } from './copyright';
import { parseDateline, type Dateline } from './dateline';
import type { ScoredBlock } from './story-finder';

/**
 * The parts of a plain-text story around and inside the region the story finder chose: where it opens (dateline),
 * the furniture above it (headline, byline, captions, editor's note), its body, and the copyright line after it.
 */

/** How far before the story a headline, caption or byline may sit, in blocks. */
const LOOKBACK = 10;
/** How far after the story its copyright line may sit. */
const LOOKAHEAD = 6;
/** Section headings of this length or shorter may recur in a story (one per table or section). */
const MAX_RECURRING_HEADING_WORDS = 4;

/** "Editor's note: …", "EDS: …", "Note to editors: …": a message to the desk, not story text. */
const EDITORS_NOTE =
  /^(?:editor'?s'? note|ed(?:itor)?s? ?note|eds|note to editors|nota (?:del editor|a los editores)|note aux rédactions)\s*[:.-]\s*(.+)$/iu;

export interface Found {
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

function editorsNote(text: string): string | undefined {
  return EDITORS_NOTE.exec(text.replace(/^\((.*)\)$/, '$1'))?.[1];
}

/** A line that could be the story's headline: short, not a sentence that runs on, not furniture. */
function isHeadlineLike(b: ScoredBlock): boolean {
  const f = b.features;
  if (b.table || f.boilerplate || f.teaser || f.metadata) return false;
  if (f.words < 2 || f.words > 30 || b.text.length > 200) return false;
  if (/[.,;:]$/.test(b.text) && !/\.\.\.$/.test(b.text)) return false;
  if (parseByline(b.text) || parseCopyright(b.text) || parseCaption(b.text) || parseCreditLine(b.text)) return false;
  if (parseDateline(b.text)) return false;
  return true;
}

/** A dateline shortly before the story's first long paragraph marks where the story begins: the start it gives. */
export function findOpening(scored: ScoredBlock[], start: number, end: number, found: Found): number {
  for (let i = Math.max(0, start - 3); i <= Math.min(end, start + 3); i++) {
    const d = parseDateline(scored[i].text);
    if (d && (d.agency || d.place)) {
      found.dateline = d;
      return Math.min(i, start);
    }
  }
  return start;
}

/** Furniture between the headline and the body, walking back from the story's start; then an editor's note above. */
export function readFurnitureBefore(scored: ScoredBlock[], start: number, found: Found): void {
  for (let i = start - 1; i >= Math.max(0, start - LOOKBACK); i--) {
    const b = scored[i];
    const caption = parseCaption(b.text);
    if (caption) {
      found.pictures.unshift(toPicture(caption));
      continue;
    }
    if (parseCreditLine(b.text)) continue;
    const byline = parseByline(b.text);
    if (byline) {
      found.byline ??= byline.by;
      continue;
    }
    const note = editorsNote(b.text);
    if (note) {
      found.edNote ??= note;
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
  for (let i = Math.max(0, start - LOOKBACK); i < start && !found.edNote; i++)
    found.edNote = editorsNote(scored[i].text);
}

/** Furniture inside the story's run: a lone dateline, captions, credits, copyright, a byline, notes. True when taken. */
function takeFurniture(b: ScoredBlock, first: boolean, found: Found): boolean {
  if (first || (found.dateline && b.text.startsWith(found.dateline.text))) {
    const d = parseDateline(b.text);
    if (d && d.rest === '') {
      found.dateline ??= d;
      return true; // a dateline alone on its line heads the story; it is not a paragraph
    }
  }
  const caption = parseCaption(b.text);
  if (caption) {
    found.pictures.push(toPicture(caption));
    return true;
  }
  if (parseCreditLine(b.text)) return true;
  const copyright = parseCopyright(b.text);
  if (copyright) {
    found.copyright ??= copyright;
    return true;
  }
  if (first) {
    const byline = parseByline(b.text);
    if (byline && b.features.words <= 12) {
      found.byline ??= byline.by;
      return true;
    }
  }
  if (b.features.metadata) return true;
  const note = editorsNote(b.text);
  if (note) {
    found.edNote ??= note;
    return true;
  }
  return false;
}

/** The story's body blocks from start to end, furniture taken out into `found`, tables kept as they are. */
export function collectBody(scored: ScoredBlock[], start: number, end: number, found: Found): BodyBlock[] {
  const body: BodyBlock[] = [];
  const seen = new Set<string>();
  for (let i = start; i <= end; i++) {
    const b = scored[i];
    if (b.table) {
      body.push(b.table);
      continue;
    }
    if (b.features.boilerplate || b.features.teaser) continue;
    if (takeFurniture(b, i === start || body.length === 0, found)) continue;
    // a page repeats a paragraph (a pull quote, a caption); a short section heading ("LEADING TRAINERS") recurs on purpose
    const repeated = seen.has(b.text) && b.features.words > MAX_RECURRING_HEADING_WORDS;
    if ((b.text === found.headline && i <= start + 1) || repeated) continue;
    seen.add(b.text);
    body.push({ kind: 'p', text: b.text });
  }
  return body;
}

/** The copyright line a few blocks after the story, when none was inside it. */
export function findCopyrightAfter(scored: ScoredBlock[], end: number, found: Found): void {
  for (let i = end + 1; i < Math.min(scored.length, end + 1 + LOOKAHEAD) && !found.copyright; i++) {
    const copyright = parseCopyright(scored[i].text);
    if (copyright) found.copyright = copyright;
  }
}
