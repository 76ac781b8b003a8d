import type { BodyBlock } from '@wiredesk/formats';

/** The plain-text body: one paragraph per block, paragraphs separated by a blank line (docs/contracts.md). */
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
