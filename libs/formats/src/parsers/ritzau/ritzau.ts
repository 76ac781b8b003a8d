import { emptyItem, type WireItem } from '../../model/wire-item';
import { child, rawText, text } from '../../xml/dom';
import type { XmlElement } from '../../xml/safe-xml';
import { agencyZone } from '../common/agency-zones';
import { toIsoDateTime } from '../common/dates';
import { htmlToBlocks } from '../common/html';
import { boundedInt } from '../common/text';

/**
 * Ritzau's XML news service (Denmark): one <RBNews> per story, alone or in an <XMLNewsQueuedResponse> list. The
 * story is HTML escaped inside <content> (press releases arrive escaped twice); times are Copenhagen time without an
 * offset; nil elements (i:nil="true") are empty.
 */

const ZONE = agencyZone('ritzau');

function field(news: XmlElement, name: string): string | undefined {
  const el = child(news, name);
  if (!el || Object.entries(el.attrs).some(([k, v]) => k.endsWith(':nil') && v === 'true')) return undefined;
  return text(el);
}

const yes = (value: string | undefined) => value?.toLowerCase() === 'true';

/** One <RBNews> → one story. */
export function rbNewsToItem(news: XmlElement): WireItem {
  const item = emptyItem('ritzau');
  item.type = 'text';
  item.sourceId = field(news, 'NewsID');
  item.version = boundedInt(field(news, 'version'), 1, 1_000_000);
  item.headline = field(news, 'headline');
  item.subheadline = field(news, 'subtitle');
  item.slugline = field(news, 'strapline');
  item.located = field(news, 'town');
  item.byline = field(news, 'byLine');
  item.section = field(news, 'section');
  item.agency = 'Ritzau';
  item.pubStatus = yes(field(news, 'Annuleret')) ? 'canceled' : 'usable';
  const signals: string[] = [];
  if (yes(field(news, 'Korrektion'))) signals.push('correction');
  if (yes(field(news, 'NyVersion'))) signals.push('update');
  if (signals.length) item.signals = signals;
  item.edNote = field(news, 'TilRedaktionen');
  item.versionCreated = toIsoDateTime(field(news, 'PublishDate'), { zone: ZONE });
  const format = field(news, 'format');
  if (format) item.genres.push(format);
  item.body = htmlToBlocks(rawText(child(news, 'content')));
  return item;
}

/** Every <RBNews> of a document: the root itself, or the list a queued response carries. */
export function rbNewsElements(root: XmlElement): XmlElement[] {
  if (root.local === 'RBNews') return [root];
  const out: XmlElement[] = [];
  const stack: XmlElement[] = [root];
  while (stack.length) {
    const el = stack.pop() as XmlElement;
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i];
      if (typeof c === 'string') continue;
      if (c.local === 'RBNews') out.unshift(c);
      else if (c.local !== 'content') stack.push(c);
    }
  }
  return out;
}
