import { emptyItem, type PubStatus, type WireFormat, type WireItem, type WirePicture } from '../../model/wire-item';
import { attr, attrText, child, childrenNamed, descendants, langOf, path, text } from '../../xml/dom';
import type { XmlElement } from '../../xml/safe-xml';
import { flowText, xmlToBlocks } from '../common/blocks';
import { photographerOf, splitCaptionCredit } from '../common/captions';
import { agencyZone } from '../common/agency-zones';
import { toIsoDateTime } from '../common/dates';
import { parseDateline } from '../common/lead';
import { subjectCodeFromNumber } from '../common/subjects';
import { boundedInt, clean, normalizeSpace, placeCase, trimEndOf } from '../common/text';
import { declaredVersion } from '../common/version';

/**
 * NITF 3.x (3.0 to 3.6) to the story model. Also used for NITF carried inside NewsML-G2 (inlineXML) and NewsML 1.2
 * (DataContent). Reads head/docdata for identity, status, urgency, dates, keywords and subject codes, body.head for
 * headlines, byline, dateline and abstract, body.content for the text and its media.
 */

const MANAGEMENT_STATUS: Record<string, PubStatus> = {
  usable: 'usable',
  embargoed: 'withheld',
  withheld: 'withheld',
  canceled: 'canceled',
  cancelled: 'canceled',
  killed: 'canceled',
};

function mediaType(value: string | undefined): WirePicture['type'] {
  const v = (value ?? '').toLowerCase();
  if (v.includes('video')) return 'video';
  if (v.includes('audio')) return 'audio';
  if (v.includes('graphic') || v.includes('chart') || v.includes('map')) return 'graphic';
  return 'picture';
}

/** <media> with its references, caption and producer → a picture (or video, audio, graphic). */
export function nitfMedia(media: XmlElement): WirePicture | undefined {
  const refs = childrenNamed(media, 'media-reference');
  const captionEl = child(media, 'media-caption');
  const caption = splitCaptionCredit(captionEl ? flowText(captionEl) : undefined);
  const producerEl = child(media, 'media-producer');
  const producer = text(producerEl, true);
  const producerPerson = text(descendants(producerEl, 'person')[0]);
  const first = refs[0];
  const picture: WirePicture = {
    type: mediaType(attr(media, 'media-type') ?? attr(first, 'mime-type')),
    uri: attrText(first, 'source') ?? attrText(first, 'data-location'),
    name: attrText(first, 'name'),
    caption: caption.caption,
    // the credit as printed in the caption ("AP Photo/Susan Walsh") says more than the bare producer name
    credit: caption.credit ?? producer,
    by: producerPerson ?? caption.by ?? photographerOf(producer) ?? personName(producer),
    altText: refs.map((r) => attrText(r, 'alternate-text')).find(Boolean),
    copyrightNotice: attrText(first, 'copyright'),
    renditions: refs
      .map((r) => ({
        href: attrText(r, 'source') ?? attrText(r, 'data-location') ?? '',
        mimetype: attrText(r, 'mime-type'),
        width: boundedInt(attr(r, 'width'), 1, 100000),
        height: boundedInt(attr(r, 'height'), 1, 100000),
      }))
      .filter((r) => r.href !== '')
      .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as typeof r),
  };
  return picture;
}

/** A producer that is just a person's name ("Susan Walsh"), not an agency ("AFP"). */
function personName(value: string | undefined): string | undefined {
  return value && /^\p{Lu}[\p{Ll}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}$/u.test(value) ? value : undefined;
}

/** <byline>By <person>A</person> <byttl>AP Writer</byttl></byline> → "By A, AP Writer". */
function bylineText(byline: XmlElement): string | undefined {
  const titles = childrenNamed(byline, 'byttl')
    .map((t) => text(t, true))
    .filter(Boolean);
  const main = text(
    { ...byline, children: byline.children.filter((c) => typeof c === 'string' || c.local !== 'byttl') },
    true,
  );
  const title = titles.join(', ');
  if (!main) return title || undefined;
  return title ? `${trimEndOf(main, ',;')}, ${title}` : main;
}

function located(dateline: XmlElement | undefined): string | undefined {
  const location = child(dateline, 'location');
  if (!location) return undefined;
  const parts = ['city', 'state', 'region', 'country']
    .map((n) => text(child(location, n)))
    .filter((p): p is string => p !== undefined);
  const place = parts.length ? parts.join(', ') : text(location, true);
  return place ? placeCase(place) : undefined;
}

function copyrightNotice(copyright: XmlElement | undefined): string | undefined {
  const holder = attrText(copyright, 'holder');
  const year = attrText(copyright, 'year');
  if (!holder) return undefined;
  return year ? `Copyright ${year} ${holder}` : `Copyright ${holder}`;
}

/** The parts of a <nitf> element the readers below share. */
interface NitfParts {
  nitf: XmlElement;
  head?: XmlElement;
  docdata?: XmlElement;
  body?: XmlElement;
  bodyHead?: XmlElement;
  content?: XmlElement;
}

/** doc-id or du-key as the story's identity, its version, and corrections. */
function readIdentity({ head, docdata }: NitfParts, item: WireItem): void {
  const docId = child(docdata, 'doc-id');
  const duKey = child(docdata, 'du-key');
  item.sourceId = attrText(docId, 'id-string') ?? attrText(duKey, 'key');
  item.version =
    declaredVersion(attr(duKey, 'version'), 'du-key version') ??
    declaredVersion(attr(duKey, 'generation'), 'du-key generation');
  // every version of a story shares its doc-id (or du-key); a later version links back to the one it replaces
  const storyKey = item.sourceId ?? attrText(duKey, 'key');
  if (item.version && item.version > 1 && storyKey) {
    item.links.push({ rel: 'previous-version', href: storyKey, title: `version ${item.version - 1}` });
  }
  const correction = child(docdata, 'correction');
  if (correction) {
    item.signals = ['correction'];
    const corrected = attrText(correction, 'id-string');
    if (corrected) item.links.push({ rel: 'corrects', href: corrected });
  }
  for (const rev of childrenNamed(head, 'revision-history')) {
    const fn = attrText(rev, 'function');
    if (fn && /correct/i.test(fn)) item.signals = [...(item.signals ?? []), 'correction'];
  }
}

/** Management status, urgency, and the dates (zone-less ones in the sender's zone when it is known). */
function readStatusAndDates({ head, docdata, bodyHead }: NitfParts, item: WireItem): void {
  const status = attrText(docdata, 'management-status')?.toLowerCase();
  if (status && MANAGEMENT_STATUS[status]) item.pubStatus = MANAGEMENT_STATUS[status];
  item.urgency = boundedInt(attr(child(docdata, 'urgency'), 'ed-urg'), 1, 9);
  const zone = agencyZone(
    attrText(child(docdata, 'doc-id'), 'regsrc'),
    text(child(bodyHead, 'distributor'), true),
    attrText(child(docdata, 'doc.copyright'), 'holder'),
  );
  const date = (value: string | undefined) => toIsoDateTime(value, { zone });
  const issued = date(attr(child(docdata, 'date.issue'), 'norm'));
  const release = date(attr(child(docdata, 'date.release'), 'norm'));
  const pubdata = child(head, 'pubdata');
  item.versionCreated = issued ?? date(attr(pubdata, 'date.publication'));
  if (release && (status === 'embargoed' || (issued !== undefined && Date.parse(release) > Date.parse(issued)))) {
    item.embargoedUntil = release;
    // embargoed copy is usable once the embargo lifts; ninjs says so with embargoedUntil
    if (item.pubStatus === 'withheld' && status === 'embargoed') item.pubStatus = 'usable';
  }
  const storyDate = date(attr(descendants(bodyHead, 'story.date')[0], 'norm'));
  if (storyDate) item.contentCreated = storyDate;
  if (attrText(pubdata, 'unit-of-measure')?.toLowerCase() === 'word') {
    item.declaredWordCount = boundedInt(attr(pubdata, 'item-length'), 0, 10_000_000);
  }
}

/** Distributor, copyright, usage terms, editorial notes and the language. */
function readRightsAndNotes({ nitf, head, docdata, body, bodyHead, content }: NitfParts, item: WireItem): void {
  item.agency = text(child(bodyHead, 'distributor'), true) ?? attrText(child(docdata, 'doc-id'), 'regsrc');
  const copyright = child(docdata, 'doc.copyright');
  item.copyrightHolder = attrText(copyright, 'holder');
  item.copyrightNotice = copyrightNotice(copyright);
  item.usageTerms =
    attrText(child(docdata, 'doc.rights'), 'limitations') ?? attrText(child(docdata, 'doc.rights'), 'agent');
  const edNotes = childrenNamed(docdata, 'ed-msg')
    .map((m) => attrText(m, 'info'))
    .concat(attrText(child(docdata, 'correction'), 'info'))
    .concat(descendants(bodyHead, 'note').map((n) => text(n)));
  item.edNote = edNotes.filter(Boolean).join(' ') || undefined;
  item.language =
    langOf(nitf) ??
    langOf(head) ??
    langOf(body) ??
    langOf(content) ??
    attrText(
      childrenNamed(head, 'meta').find((m) => /^(?:language|lang|dc\.language)$/i.test(attr(m, 'name') ?? '')),
      'content',
    ) ??
    attrText(nitf, 'baselang');
}

/** Keywords, subject codes and genres from the head. */
function readClassification({ head, docdata }: NitfParts, item: WireItem): void {
  item.keywords = descendants(child(docdata, 'key-list'), 'keyword')
    .map((k) => attrText(k, 'key') ?? text(k))
    .filter((k): k is string => k !== undefined);
  for (const tobject of childrenNamed(head, 'tobject')) {
    for (const s of childrenNamed(tobject, 'tobject.subject')) {
      const name =
        attrText(s, 'tobject.subject.detail') ??
        attrText(s, 'tobject.subject.matter') ??
        attrText(s, 'tobject.subject.type');
      const subject = subjectCodeFromNumber(attr(s, 'tobject.subject.refnum'), name);
      if (subject) item.subjects.push(subject);
    }
    for (const p of childrenNamed(tobject, 'tobject.property')) {
      const genre = attrText(p, 'tobject.property.type');
      if (genre) item.genres.push(genre);
    }
  }
}

/** Headlines, slug, byline, dateline and abstract from body.head. */
function readStoryHead({ head, docdata, bodyHead }: NitfParts, item: WireItem): void {
  const duKey = child(docdata, 'du-key');
  const hedline = child(bodyHead, 'hedline');
  const hl1 = child(hedline, 'hl1');
  item.headline = (hl1 ? clean(flowText(hl1)) : undefined) ?? text(child(head, 'title'));
  item.slugline = attrText(duKey, 'key') ?? text(child(head, 'title'));
  if (item.slugline === item.headline) delete item.slugline;
  item.subheadline = text(child(hedline, 'hl2'));
  const bylines = childrenNamed(bodyHead, 'byline')
    .map(bylineText)
    .filter((b): b is string => b !== undefined);
  if (bylines.length) item.byline = bylines.join(', ');
  const dateline = child(bodyHead, 'dateline');
  if (dateline) {
    item.dateline = text(dateline, true);
    item.located = located(dateline) ?? (item.dateline ? parseDateline(item.dateline)?.located : undefined);
  }
  const evloc = child(docdata, 'evloc');
  item.located ??= clean(
    [attr(evloc, 'city'), attr(evloc, 'state-prov'), attr(evloc, 'country')].filter(Boolean).join(', '),
  );
  const abstract = child(bodyHead, 'abstract');
  if (abstract)
    item.abstract =
      normalizeSpace(
        xmlToBlocks(abstract)
          .map((b) => b.text)
          .join(' '),
      ) || undefined;
}

/** The text, its media, and the tagline that closes it. */
function readBody({ body, content }: NitfParts, item: WireItem): void {
  // some senders leave out body.content and put the paragraphs straight in <body>
  item.body = content ? xmlToBlocks(content) : xmlToBlocks(body);
  for (const media of descendants(body, 'media')) {
    const picture = nitfMedia(media);
    if (picture) item.pictures.push(picture);
  }
  // the tagline closes the story ("Reporting by ...; editing by ...")
  const tagline = text(path(body, 'body.end', 'tagline'), true);
  if (tagline) item.body.push({ kind: 'p', text: tagline });
}

/** The story model for one <nitf> element. */
export function nitfToItem(nitf: XmlElement, format: WireFormat = 'nitf'): WireItem {
  const item = emptyItem(format);
  item.type = 'text';
  const head = child(nitf, 'head');
  const body = child(nitf, 'body');
  const parts: NitfParts = {
    nitf,
    head,
    docdata: child(head, 'docdata'),
    body,
    bodyHead: child(body, 'body.head'),
    content: child(body, 'body.content'),
  };
  readIdentity(parts, item);
  readStatusAndDates(parts, item);
  readRightsAndNotes(parts, item);
  readClassification(parts, item);
  readStoryHead(parts, item);
  readBody(parts, item);
  return item;
}
