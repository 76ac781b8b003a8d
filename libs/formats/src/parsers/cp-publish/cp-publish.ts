import { emptyItem, type WireItem } from '../../model/wire-item';
import { child, rawText, text } from '../../xml/dom';
import type { XmlElement } from '../../xml/safe-xml';
import { splitCaptionCredit } from '../common/captions';
import { toIsoDateTime } from '../common/dates';
import { htmlToBlocks } from '../common/html';
import { clean, uniqueStrings } from '../common/text';

/**
 * The Canadian Press "Publish" XML (its wire system's export, as Superdesk's CP plugin receives it): one <Publish>
 * with one <ContentItem>, a story or (xsi:type PhotoContentItem) a photo. The story text is HTML escaped inside
 * <ContentText>; times are either with an offset (UpdatedDateTime) or UTC without one (CreatedDateTime: the two
 * name the same instant in the copy seen).
 */

/** CP's numeric language codes. */
const LANGUAGES: Record<string, string> = { '1': 'en', '2': 'fr' };
/** Placeholder dates CP writes for "none". */
const NO_DATE = /^0001-01-01/;

function field(item: XmlElement, name: string): string | undefined {
  return text(child(item, name));
}

function date(item: XmlElement, name: string): string | undefined {
  const value = field(item, name);
  return value && !NO_DATE.test(value) ? toIsoDateTime(value) : undefined;
}

/** "General news,Legal proceedings,…,Political and c": the export cuts the list at a fixed length; a cut word goes. */
function keywordsOf(value: string | undefined): string[] {
  if (!value) return [];
  const parts = value.split(',').map((k) => clean(k) ?? '');
  if (value.length >= 120 && parts.length > 1) parts.pop();
  return uniqueStrings(parts.filter(Boolean));
}

function isPhoto(contentItem: XmlElement): boolean {
  const xsiType = Object.entries(contentItem.attrs).find(([k]) => k === 'type' || k.endsWith(':type'))?.[1] ?? '';
  return /photo/i.test(xsiType) || /^photo$/i.test(field(contentItem, 'ContentType') ?? '');
}

/** The place line "Buffalo;New York;United States" or City/Province/Country. */
function placeOf(contentItem: XmlElement): string | undefined {
  const city = field(contentItem, 'City');
  if (city) return city;
  const placeline = field(contentItem, 'Placeline')
    ?.split(';')
    .find((p) => p.trim() !== '');
  return clean(placeline);
}

/** One <Publish> document → one story or picture item. */
export function publishToItem(publish: XmlElement): WireItem | undefined {
  const ci = child(publish, 'ContentItem');
  if (!ci) return undefined;
  const item = emptyItem('cp-publish');
  item.sourceId = field(ci, 'ContentItemID') ?? field(ci, 'NewsCompID') ?? field(publish, 'PublishID');
  item.pubStatus = 'usable';
  item.headline = field(ci, 'Headline') ?? field(ci, 'Headline2');
  const alternative = field(ci, 'Headline2');
  if (alternative && alternative !== item.headline) item.subheadline = alternative;
  item.slugline = field(ci, 'SlugProper');
  item.byline = field(ci, 'Byline');
  item.agency = field(ci, 'Source') ?? field(ci, 'Credit');
  item.section = field(ci, 'Category');
  item.edNote = field(ci, 'UpdateNote');
  item.language = LANGUAGES[field(ci, 'Language') ?? ''];
  item.located = placeOf(ci);
  item.firstCreated = date(ci, 'CreatedDateTime');
  item.versionCreated = date(ci, 'UpdatedDateTime') ?? item.firstCreated ?? date(publish, 'PublishDateTime');
  item.embargoedUntil = date(ci, 'EmbargoTime');
  item.keywords = keywordsOf(field(ci, 'Keyword'));
  item.copyrightNotice = field(ci, 'Copyright');
  // the story text: HTML escaped inside the element
  item.body = htmlToBlocks(rawText(child(ci, 'ContentText')));

  if (isPhoto(ci)) {
    item.type = 'picture';
    const caption = splitCaptionCredit(field(ci, 'EnglishCaption') ?? field(ci, 'FrenchCaption'));
    item.pictures.push({
      type: 'picture',
      uri: field(ci, 'ContentRef') ?? field(ci, 'ViewFile') ?? field(ci, 'FileName'),
      name: field(ci, 'FileName'),
      caption: caption.caption,
      credit: field(ci, 'Credit') ?? caption.credit,
      by: item.byline ?? caption.by,
      copyrightNotice: item.copyrightNotice,
    });
    // a photo's Headline2 names who is pictured; the slug says what the picture is about
    item.headline = field(ci, 'Headline') ?? item.slugline ?? alternative;
  } else {
    item.type = 'text';
  }
  return item;
}
