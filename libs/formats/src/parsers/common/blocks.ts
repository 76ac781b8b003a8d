import type { BodyBlock } from '../../model/wire-item';
import type { XmlElement, XmlNode } from '../../xml/safe-xml';
import { descendants } from '../../xml/dom';
import { normalizeLines, normalizeSpace } from './text';

/**
 * Marked-up bodies (NITF body.content, XHTML, HTML turned into the same tree) to body blocks, and blocks back to a
 * clean XHTML body. Only structure survives: paragraphs, headings, list items, block quotes, tables, preformatted
 * text. Scripts, media, notes and anything unknown that holds no text are dropped, so the XHTML is safe by
 * construction.
 */

const HEADINGS = new Set(['hl1', 'hl2', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const CONTAINERS = new Set([
  'body',
  'body.content',
  'block',
  'div',
  'section',
  'article',
  'main',
  'center',
  'html',
  'span-block',
  'content',
  'inlinexml',
  'datacontent',
  'dd',
  'figure-body',
]);
/** Never body text: media (handled as pictures elsewhere), editorial notes, furniture, scripts. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'media',
  'img',
  'picture',
  'video',
  'audio',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'note',
  'fn',
  'nav',
  'figure',
  'figcaption',
  'aside',
  'footer',
  'body.head',
  'body.end',
  'ed-msg',
  'byline',
  'dateline',
  'hedline',
  'abstract',
  'tagline',
  'bibliography',
  'distributor',
  'series',
  'rights',
  'nitf-colgroup',
  'caption',
]);
/** Elements that break a line of text without starting a paragraph. */
const LINE_BREAKS = new Set(['br']);
/** Elements whose boundaries separate words inside flowing text (a list inside a paragraph, cells). */
const BLOCKISH = new Set([
  ...HEADINGS,
  ...CONTAINERS,
  'p',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'table',
  'tr',
  'td',
  'th',
  'pre',
  'blockquote',
  'bq',
  'nitf-table',
  'hr',
]);

const lc = (el: XmlElement) => el.local.toLowerCase();

/** The text of an element as it reads: inline markup joins, block boundaries and <br> separate. */
export function flowText(el: XmlElement, keepLines = false): string {
  const parts: string[] = [];
  const stack: (XmlNode | 'sep' | 'nl')[] = [...el.children].reverse();
  while (stack.length) {
    const n = stack.pop();
    if (n === undefined) continue;
    if (n === 'sep') parts.push(' ');
    else if (n === 'nl') parts.push(keepLines ? '\n' : ' ');
    else if (typeof n === 'string') parts.push(n);
    else {
      const name = lc(n);
      if (SKIPPED.has(name)) continue;
      if (LINE_BREAKS.has(name)) {
        parts.push(keepLines ? '\n' : ' ');
        continue;
      }
      const blockish = BLOCKISH.has(name);
      if (blockish) stack.push(name === 'tr' || name === 'p' || name === 'li' ? 'nl' : 'sep');
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
      if (blockish) parts.push(' ');
    }
  }
  return parts.join('');
}

function hasBlockChildren(el: XmlElement): boolean {
  return el.children.some((c) => typeof c !== 'string' && (BLOCKISH.has(lc(c)) || SKIPPED.has(lc(c))));
}

function tableRows(table: XmlElement): string[][] {
  const rows: string[][] = [];
  for (const tr of descendants(table).filter((e) => lc(e) === 'tr')) {
    const cells = tr.children
      .filter((x): x is XmlElement => typeof x !== 'string' && (lc(x) === 'td' || lc(x) === 'th'))
      .map((cell) => normalizeSpace(flowText(cell)));
    if (cells.some((x) => x !== '')) rows.push(cells);
  }
  return rows;
}

/** Rows of cells as aligned plain-text columns, so agate reads in a monospaced view. */
export function tableText(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i] - [...cell].length)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function tableBlock(table: XmlElement): BodyBlock | undefined {
  const rows = tableRows(table);
  if (rows.length === 0) return undefined;
  return { kind: 'table', text: tableText(rows), rows };
}

function pushText(out: BodyBlock[], kind: BodyBlock['kind'], raw: string) {
  const t = normalizeSpace(raw);
  if (t) out.push({ kind, text: t });
}

/** A line of results or figures: short, with two or more numbers ("Aves (0) 1 Moreirense (2) 2", "(1815/1815)"). */
const FIGURES_LINE = /^(?=.{1,120}$)(?:[^\d\n]*\d+){2}/;

/**
 * Loose text straight inside a container that keeps its own line breaks and reads as rows of figures (a results
 * list sent without markup) is preformatted, row for row, rather than run together into one paragraph.
 */
function looseTextBlock(raw: string): BodyBlock | undefined {
  const lines = raw
    .split('\n')
    .map((l) => normalizeSpace(l))
    .filter((l) => l !== '');
  if (lines.length < 3) return undefined;
  const figures = lines.filter((l) => FIGURES_LINE.test(l)).length;
  return figures / lines.length >= 0.6 ? { kind: 'pre', text: lines.join('\n') } : undefined;
}

function walk(el: XmlElement, out: BodyBlock[], depth: number): void {
  let inline = '';
  const flush = () => {
    const rows = inline.includes('\n') ? looseTextBlock(inline) : undefined;
    if (rows) out.push(rows);
    else pushText(out, 'p', inline);
    inline = '';
  };
  for (const c of el.children) {
    if (typeof c === 'string') {
      inline += c;
      continue;
    }
    const name = lc(c);
    if (SKIPPED.has(name)) continue;
    if (LINE_BREAKS.has(name)) {
      // two <br>s in a row separate paragraphs in loosely marked-up copy
      if (inline.slice(inline.trimEnd().length).includes('\n')) flush();
      else inline += '\n';
      continue;
    }
    if (!BLOCKISH.has(name) && !hasBlockChildren(c)) {
      inline += flowText(c);
      continue;
    }
    flush();
    if (name === 'p' || name === 'dt') {
      if (hasBlockChildren(c) && c.children.some((x) => typeof x !== 'string' && lc(x) === 'table'))
        walk(c, out, depth + 1);
      else pushText(out, 'p', flowText(c));
    } else if (HEADINGS.has(name)) pushText(out, 'h', flowText(c));
    else if (name === 'ul' || name === 'ol' || name === 'dl') {
      for (const li of c.children) {
        if (typeof li === 'string') pushText(out, 'li', li);
        else if (lc(li) === 'li' || lc(li) === 'dd' || lc(li) === 'dt') pushText(out, 'li', flowText(li));
        else if (!SKIPPED.has(lc(li))) pushText(out, 'li', flowText(li));
      }
    } else if (name === 'li') pushText(out, 'li', flowText(c));
    else if (name === 'table' || name === 'nitf-table') {
      const block = tableBlock(c);
      if (block) out.push(block);
    } else if (name === 'pre') {
      const t = normalizeLines(flowText(c, true));
      if (t.trim()) out.push({ kind: 'pre', text: t });
    } else if (name === 'blockquote' || name === 'bq') {
      const inner: BodyBlock[] = [];
      if (depth < 150)
        walk(
          { ...c, children: c.children.filter((x) => typeof x === 'string' || lc(x) !== 'credit') },
          inner,
          depth + 1,
        );
      // NITF <bq><credit> names who is quoted: it closes the quote
      const credit = c.children.find((x): x is XmlElement => typeof x !== 'string' && lc(x) === 'credit');
      const who = credit ? normalizeSpace(flowText(credit)) : '';
      if (who) inner.push({ kind: 'p', text: `— ${who}` });
      for (const b of inner) out.push({ kind: 'blockquote', text: b.text });
    } else if (name === 'hr') continue;
    else if (depth < 150) walk(c, out, depth + 1);
    else pushText(out, 'p', flowText(c));
  }
  flush();
}

/** Body blocks from a marked-up body element. */
export function xmlToBlocks(el: XmlElement | undefined): BodyBlock[] {
  if (!el) return [];
  const out: BodyBlock[] = [];
  walk(el, out, 0);
  return out;
}

/** Plain text (paragraphs separated by blank lines or single lines) to paragraph blocks. */
export function textToBlocks(text: string): BodyBlock[] {
  const normalized = text.replace(/\r\n?/g, '\n');
  const chunks = /\n\s*\n/.test(normalized) ? normalized.split(/\n\s*\n/) : normalized.split('\n');
  const out: BodyBlock[] = [];
  for (const chunk of chunks) pushText(out, 'p', chunk);
  return out;
}
