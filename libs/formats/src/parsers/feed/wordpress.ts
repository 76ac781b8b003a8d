import type { WirePicture } from '../../model/wire-item';
import { child, childrenNamed, text } from '../../xml/dom';
import type { XmlElement } from '../../xml/safe-xml';

/**
 * WordPress export (WXR): RSS whose items carry wp:post_id, wp:post_type and the raw post content. The content is
 * what the author typed: a line break is a paragraph (WordPress adds the <p> only when it shows the post), and the
 * user name in dc:creator is a login, not a byline. Attachments are items too: a picture a post names as its
 * thumbnail (_thumbnail_id) is that post's picture, not an article of its own.
 */

export function isWxrItem(el: XmlElement): boolean {
  return child(el, 'post_id') !== undefined && child(el, 'post_type') !== undefined;
}

export function wxrPostType(el: XmlElement): string | undefined {
  return text(child(el, 'post_type'));
}

export function wxrPostId(el: XmlElement): string | undefined {
  return text(child(el, 'post_id'));
}

/** The post's meta value for a key (wp:postmeta/wp:meta_key, wp:meta_value). */
export function wxrMeta(el: XmlElement, key: string): string | undefined {
  const meta = childrenNamed(el, 'postmeta').find((m) => text(child(m, 'meta_key')) === key);
  return meta ? text(child(meta, 'meta_value')) : undefined;
}

/** Raw post content as HTML paragraphs: every line break outside a tag closes a paragraph. */
export function wxrContentHtml(content: string): string {
  const paragraphs = content.replace(/(<[^>]*>)|\s*\n\s*/g, (m, tag: string | undefined) => tag ?? '</p><p>');
  return `<div><p>${paragraphs}</p></div>`;
}

/** An attachment item as the picture it is: its file, title and description as caption. */
export function wxrAttachmentPicture(el: XmlElement): WirePicture | undefined {
  const url = text(child(el, 'attachment_url'));
  if (!url) return undefined;
  const picture: WirePicture = { type: 'picture', renditions: [{ href: url }] };
  // WordPress keeps an attachment's caption as its excerpt, its longer description as its content
  const excerpt = childrenNamed(el, 'encoded').find((e) => e.name.startsWith('excerpt'));
  const caption = text(excerpt) ?? text(child(el, 'description'));
  const title = text(child(el, 'title'));
  if (caption) picture.caption = caption;
  if (title) picture.name = title;
  return picture;
}
