import type { WirePicture } from '../../model/wire-item';
import { attr, attrText, descendants } from '../../xml/dom';
import type { XmlElement } from '../../xml/safe-xml';
import { flowText } from './blocks';
import { splitCaptionCredit } from './captions';
import { boundedInt } from './text';

/** <figure><img><figcaption> and bare <img alt> in HTML content → pictures. */
export function htmlPictures(tree: XmlElement): WirePicture[] {
  const pictures: WirePicture[] = [];
  const seen = new Set<string>();
  for (const figure of descendants(tree, 'figure')) {
    const img = descendants(figure, 'img')[0];
    const src = attrText(img, 'src');
    if (!src) continue;
    seen.add(src);
    const captionEl = descendants(figure, 'figcaption')[0];
    const caption = splitCaptionCredit(captionEl ? flowText(captionEl) : undefined);
    pictures.push({
      type: 'picture',
      uri: src,
      caption: caption.caption,
      credit: caption.credit,
      by: caption.by,
      altText: attrText(img, 'alt'),
      renditions: [{ href: src }],
    });
  }
  for (const img of descendants(tree, 'img')) {
    const src = attrText(img, 'src');
    // tracking pixels and icons are not pictures
    const tiny = [attr(img, 'width'), attr(img, 'height')].some((v) => (boundedInt(v, 0, 100000) ?? 100) < 50);
    if (!src || seen.has(src) || tiny) continue;
    seen.add(src);
    pictures.push({ type: 'picture', uri: src, altText: attrText(img, 'alt'), renditions: [{ href: src }] });
  }
  return pictures;
}
