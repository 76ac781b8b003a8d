import type { BodyBlock } from '../../model/wire-item';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for XHTML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

/**
 * Body blocks as a clean XHTML fragment (p, h2, ul/li, blockquote, pre, table), built from the extracted text only so
 * no attribute, script or markup of the source can reach the article. Consecutive list items share one list.
 * Returns '' for no blocks.
 */
export function blocksToXhtml(blocks: readonly BodyBlock[]): string {
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
      case 'table':
        // without cells, agate keeps its lines and columns best as preformatted text
        out.push(block.rows ? tableXhtml(block.rows) : `<pre>${escapeXml(block.text)}</pre>`);
        break;
      default:
        out.push(`<p>${escapeXml(block.text)}</p>`);
    }
  }
  if (inList) out.push('</ul>');
  return out.join('');
}

function tableXhtml(rows: readonly string[][]): string {
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeXml(cell)}</td>`).join('')}</tr>`).join('');
  return `<table><tbody>${body}</tbody></table>`;
}
