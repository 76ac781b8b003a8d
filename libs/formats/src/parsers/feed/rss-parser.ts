import { ErrorCode, WireError } from '@wiredesk/contracts';
import type { WireItem, WirePicture } from '../../model/wire-item';
import { child, childrenNamed } from '../../xml/dom';
import { localName, parseXmlDocuments, rootElementName, type XmlElement } from '../../xml/safe-xml';
import { finalizeItem } from '../common/finalize';
import type { ParseInput, WireParser } from '../parser';
import { rssDefaults, rssItemToItem } from './feed';
import { isWxrItem, wxrAttachmentPicture, wxrMeta, wxrPostId, wxrPostType } from './wordpress';

/** RSS 2.0 (and RSS 0.9x / 1.0 RDF): one item per <item>. */
export const rssParser: WireParser = {
  format: 'rss',
  sniff(input: ParseInput): number {
    const root = rootElementName(input.text);
    if (!root) return 0;
    if (localName(root) === 'rss') return 0.95;
    return localName(root) === 'RDF' && input.text.slice(0, 4096).includes('purl.org/rss') ? 0.9 : 0;
  },
  parse(input: ParseInput): WireItem[] {
    const items: WireItem[] = [];
    for (const root of parseXmlDocuments(input.text)) {
      const channel = child(root, 'channel');
      const defaults = rssDefaults(channel, root);
      // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it
      const elements = [...childrenNamed(channel, 'item'), ...childrenNamed(root, 'item')];
      const thumbnails = thumbnailsOf(elements);
      for (const el of elements) {
        const id = wxrPostId(el);
        // a WordPress attachment a post shows as its thumbnail travels with that post
        if (id && thumbnails.has(id) && wxrPostType(el) === 'attachment') continue;
        const item = rssItemToItem(el, defaults);
        const thumbnail = thumbnails.get(wxrMeta(el, '_thumbnail_id') ?? '');
        if (thumbnail) item.pictures.unshift(thumbnail);
        else if (isWxrItem(el) && wxrPostType(el) === 'attachment') {
          const picture = wxrAttachmentPicture(el);
          if (picture) item.pictures.unshift(picture);
        }
        items.push(finalizeItem(item, { xhtml: true }));
      }
    }
    if (items.length === 0) throw new WireError(ErrorCode.NO_CONTENT, 'The RSS feed has no items.');
    return items;
  },
};

/** WordPress attachments that some post of the export names as its thumbnail, by attachment id. */
function thumbnailsOf(elements: XmlElement[]): Map<string, WirePicture> {
  const wanted = new Set(elements.map((el) => wxrMeta(el, '_thumbnail_id')).filter((v): v is string => Boolean(v)));
  const out = new Map<string, WirePicture>();
  if (wanted.size === 0) return out;
  for (const el of elements) {
    const id = wxrPostId(el);
    if (!id || !wanted.has(id) || wxrPostType(el) !== 'attachment') continue;
    const picture = wxrAttachmentPicture(el);
    if (picture) out.set(id, picture);
  }
  return out;
}
