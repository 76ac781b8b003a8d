import type { BodyBlock } from '../../model/wire-item';

/** Escapes text for XHTML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/**
 * Body blocks as a sanitised XHTML fragment: built from the extracted text only, so no attribute, script or markup of
 * the source can reach the article. Consecutive list items share one list.
 */
export function blocksToXhtml(blocks: BodyBlock[]): string {
  const out: string[] = [];
  let inList = false;
  for (const block of blocks) {
    if (block.kind !== 'li' && inList) {
      out.push('</ul>');
      inList = false;
    }
    switch (block.kind) {
      case 'li':
        if (!inList) out.push('<ul>');
        inList = true;
        out.push(`<li>${escapeXml(block.text)}</li>`);
        break;
      case 'h':
        out.push(`<h2>${escapeXml(block.text)}</h2>`);
        break;
      case 'blockquote':
        out.push(`<blockquote><p>${escapeXml(block.text)}</p></blockquote>`);
        break;
      case 'pre':
        out.push(`<pre>${escapeXml(block.text)}</pre>`);
        break;
      case 'table': {
        const rows = block.rows ?? block.text.split('\n').map((line) => [line]);
        out.push(
          `<table>${rows.map((r) => `<tr>${r.map((c) => `<td>${escapeXml(c)}</td>`).join('')}</tr>`).join('')}</table>`,
        );
        break;
      }
      default:
        out.push(`<p>${escapeXml(block.text)}</p>`);
    }
  }
  if (inList) out.push('</ul>');
  return out.join('\n');
}
