import type { BodyBlock } from '@wiredesk/formats';

/** The plain-text body: one paragraph per block, paragraphs separated by a blank line (DESIGN.md). */
export function plainTextBody(blocks: readonly BodyBlock[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    const text = blockText(block);
    if (text) parts.push(text);
  }
  return parts.join('\n\n');
}

function blockText(block: BodyBlock): string {
  if (block.kind === 'table' && !block.text && block.rows) return block.rows.map((r) => r.join('\t')).join('\n');
  // a block that keeps its lines (agate, tables) must not open a paragraph break inside itself
  return block.kind === 'pre' || block.kind === 'table' ? block.text.replace(/\n{2,}/g, '\n') : block.text;
}

/** The XHTML body built from the blocks of a source that had markup but gave no XHTML of its own. */
export function xhtmlBody(blocks: readonly BodyBlock[]): string {
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
      case 'pre':
        out.push(`<pre>${escapeXml(block.text)}</pre>`);
        break;
      case 'blockquote':
        out.push(`<blockquote><p>${escapeXml(block.text)}</p></blockquote>`);
        break;
      case 'table':
        out.push(block.rows ? tableXhtml(block.rows) : `<pre>${escapeXml(block.text)}</pre>`);
        break;
      default:
        out.push(`<p>${escapeXml(block.text)}</p>`);
    }
  }
  if (inList) out.push('</ul>');
  return out.join('');
}

function tableXhtml(rows: string[][]): string {
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeXml(cell)}</td>`).join('')}</tr>`).join('');
  return `<table><tbody>${body}</tbody></table>`;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
